"""Opening an incoming package: container → manifest → signature → recipient → payload hash → decrypt.

Each step refuses with its own code before the next one runs; nothing is decrypted before
the signature and the payload hash are good, and decryption writes only into the staging
folder it is given.  What happens to the rows is decided elsewhere (:mod:`.apply`).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pyrage

from hexie_desktop.core.i18n import _
from hexie_desktop.exchange import container as hxp
from hexie_desktop.exchange import limits, manifest as mf
from hexie_desktop.exchange.errors import (
    E_AUTH, E_NOT_FOR_US, E_SENDER, E_TRUNCATED, E_VERSION, ExchangeError,
)
from hexie_desktop.exchange.keys import Card
from hexie_desktop.exchange.payload import PayloadReader

_COPY = 1024 * 1024


@dataclass
class Verified:
    """A package whose container, manifest, signature and payload hash are good.

    ``trusted`` is False when the sender is not (yet) trusted here: the signature was then
    checked only against the card the package itself carries.
    """

    container: hxp.Container
    manifest: mf.Manifest
    trusted: bool
    file_sha256: str

    def close(self) -> None:
        """Close the container."""
        self.container.close()


def verify(path: Path, *, own_code: str, own_role: str, trusted: Callable[[str], Card | None],
           known_schema: Callable[[str], bool]) -> Verified:
    """Check everything that can be checked without the private key; see the module docstring."""
    box = hxp.open_container(path)
    try:
        manifest = mf.parse(box.manifest_bytes)
        expected_kinds = ("changes", "full") if own_role == "district" else ("receipt", "reference")
        expected_role = "township" if own_role == "district" else "district"
        card = trusted(manifest.sender_code)
        if card is not None:
            if not card.verify_signature(box.manifest_bytes, box.signature):
                if manifest.sender_card.verify_signature(box.manifest_bytes, box.signature):
                    raise ExchangeError(E_SENDER, _("{name}的数据包签名密钥与本站登记的不一致（登记指纹 {fp}）").format(
                        name=manifest.sender_name, fp=card.fingerprint))
                raise ExchangeError(E_AUTH, _("数据包签名无效：清单在签名后被改动"))
            if manifest.sender_card.fingerprint != card.fingerprint:
                raise ExchangeError(E_SENDER, _("数据包中的名片（单位名称或身份）与本站登记的{code}不一致（登记指纹 {fp}）").format(
                    code=manifest.sender_code, fp=card.fingerprint))
        elif not manifest.sender_card.verify_signature(box.manifest_bytes, box.signature):
            raise ExchangeError(E_AUTH, _("数据包签名无效：清单在签名后被改动"))
        if own_code not in manifest.recipients:
            raise ExchangeError(E_NOT_FOR_US, _("此数据包是发给{to}的，不是发给本站（{own}）的").format(
                to="、".join(manifest.recipients[:3]), own=own_code))
        if manifest.sender_role != expected_role or manifest.kind not in expected_kinds:
            raise ExchangeError(E_SENDER, _("本站不接收{role}站点的此类数据包").format(
                role=_("乡镇") if manifest.sender_role == "township" else _("区级")))
        if not known_schema(manifest.schema_version):
            raise ExchangeError(E_VERSION, _("数据包来自更新的程序版本（数据库版本 {v}），请先升级本程序").format(
                v=manifest.schema_version))
        if manifest.payload_size != box.payload_size:
            raise ExchangeError(E_AUTH, _("数据包内容与清单不符（大小不同）"))
        _check_payload_hash(box, manifest.payload_sha256)
        return Verified(box, manifest, card is not None, hxp.file_sha256(Path(path)))
    except BaseException:
        box.close()
        raise


def _check_payload_hash(box: hxp.Container, expected: str) -> None:
    sha = hashlib.sha256()
    try:
        with box.open_payload() as member:
            for block in iter(lambda: member.read(_COPY), b""):
                sha.update(block)
    except EOFError:
        raise ExchangeError(E_TRUNCATED, _("数据包不完整（文件被截断）")) from None
    except Exception as exc:  # zipfile raises BadZipFile for a CRC error, OSError for short reads
        if "CRC" in str(exc):
            raise ExchangeError(E_AUTH, _("数据包内容被改动或已损坏（校验和不符）")) from None
        raise ExchangeError(E_TRUNCATED, _("数据包不完整或已损坏：{e}").format(e=str(exc)[:60])) from None
    if sha.hexdigest() != expected:
        raise ExchangeError(E_AUTH, _("数据包内容与签名的清单不符（被改动或损坏）"))


def decrypt(verified: Verified, identities: list[pyrage.x25519.Identity], staging: Path) -> PayloadReader:
    """Decrypt the payload into ``staging`` (streaming, size-capped) and open it with its checks."""
    target = Path(staging) / "payload.zip"
    try:
        with verified.container.open_payload() as source, open(target, "wb") as out:
            pyrage.decrypt_io(source, hxp.HashingWriter(out, limit=limits.PAYLOAD_MAX_TOTAL), identities)
    except ExchangeError:
        raise
    except pyrage.DecryptError as exc:
        text = str(exc)
        if "No matching keys" in text:
            raise ExchangeError(E_NOT_FOR_US, _("本站的密钥打不开此数据包：它不是加密给本站的")) from None
        raise ExchangeError(E_AUTH, _("数据包解密失败（内容被改动或已损坏）：{e}").format(e=text[:60])) from None
    except (OSError, ValueError) as exc:
        raise ExchangeError(E_AUTH, _("数据包解密失败（内容被改动、截断或已损坏）：{e}").format(
            e=str(exc)[:60])) from None
    return PayloadReader(target, verified.manifest.kind)
