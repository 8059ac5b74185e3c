"""Opening an incoming package: container → manifest → signature → recipient → payload hash → decrypt.

Each step refuses with its own code before the next one runs; nothing is decrypted before
the signature and the payload hash are good, and decryption writes only a nameless temporary
file in the staging folder it is given.  What happens to the rows is decided elsewhere
(:mod:`.apply`).
"""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyrage

from hexie_desktop.core.i18n import _
from hexie_desktop.exchange import container as hxp
from hexie_desktop.exchange import limits
from hexie_desktop.exchange import manifest as mf
from hexie_desktop.exchange.errors import (
    E_AUTH,
    E_NOT_FOR_US,
    E_SENDER,
    E_TRUNCATED,
    E_VERSION,
    ExchangeError,
)
from hexie_desktop.exchange.keys import Card, verify_with
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
           known_schema: Callable[[str], bool],
           earlier: Callable[[mf.Manifest], list[bytes]] | None = None) -> Verified:
    """Check everything that can be checked without the private key; see the module docstring.

    ``trusted(code)`` is the sender's current card; ``earlier(manifest)`` the raw signing keys
    the sender used before a key rotation that were still valid for that manifest (signed
    before the rotation), so a package signed just before a rotation and carried over after
    it still verifies, while a key that was never the sender's does not.
    """
    box = hxp.open_container(path)
    try:
        manifest = mf.parse(box.manifest_bytes)
        expected_kinds = ("changes", "full") if own_role == "district" else ("receipt", "reference")
        expected_role = "township" if own_role == "district" else "district"
        card = trusted(manifest.sender_code)
        if card is not None:
            valid_keys = [card.sign_key_bytes, *(earlier(manifest) if earlier is not None else ())]
            if not any(verify_with(key, box.manifest_bytes, box.signature) for key in valid_keys):
                if manifest.sender_card.verify_signature(box.manifest_bytes, box.signature):
                    raise ExchangeError(E_SENDER, _("{name}的数据包签名密钥与本站登记的不一致（登记指纹 {fp}）").format(
                        name=manifest.sender_name, fp=card.fingerprint))
                raise ExchangeError(E_AUTH, _("数据包签名无效：清单在签名后被改动"))
            carried = manifest.sender_card
            if (carried.role, carried.unit_code, carried.unit_name) != (card.role, card.unit_code, card.unit_name) \
                    or carried.sign_key_bytes not in valid_keys:
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
    """Decrypt the payload (streaming, size-capped) into a nameless temporary file and open it with its checks.

    The plain payload never has a name on disk: the temporary file in ``staging`` is created
    unlinked (``O_TMPFILE`` on Linux, unlinked at once elsewhere on POSIX, delete-on-close on
    Windows), so the operating system removes it however this process ends — a killed import
    leaves no names or ID numbers behind.  It is closed with the returned reader.
    """
    plain = tempfile.TemporaryFile(dir=staging, prefix="payload-")
    try:
        with verified.container.open_payload() as source:
            pyrage.decrypt_io(source, hxp.HashingWriter(plain, limit=limits.PAYLOAD_MAX_TOTAL), identities)
        plain.flush()
        plain.seek(0)
    except BaseException as exc:
        plain.close()
        if isinstance(exc, pyrage.DecryptError):
            text = str(exc)
            if "No matching keys" in text:
                raise ExchangeError(E_NOT_FOR_US, _("本站的密钥打不开此数据包：它不是加密给本站的")) from None
            raise ExchangeError(E_AUTH, _("数据包解密失败（内容被改动或已损坏）：{e}").format(e=text[:60])) from None
        if isinstance(exc, (OSError, ValueError)):
            raise ExchangeError(E_AUTH, _("数据包解密失败（内容被改动、截断或已损坏）：{e}").format(
                e=str(exc)[:60])) from None
        raise
    return PayloadReader(plain, verified.manifest.kind)
