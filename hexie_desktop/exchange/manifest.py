"""The signed manifest of a package: who sends what to whom, based on what.

The manifest is canonical JSON; its bytes are signed (``manifest.sig``) and contain the
payload's size and SHA-256, so the signature covers the encrypted payload too.  The reader
accepts exactly the fields below with exactly these types; anything else is E_FORMAT or, for
an unknown format or schema version, E_VERSION.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from hexie_desktop.core.i18n import _
from hexie_desktop.exchange import limits
from hexie_desktop.exchange.codec import TABLES
from hexie_desktop.exchange.errors import E_FORMAT, E_VERSION, ExchangeError
from hexie_desktop.exchange.keys import Card

FORMAT = "hexie-package"
FORMAT_VERSION = 1
KINDS = ("changes", "full", "receipt", "reference")
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_UNIT = re.compile(r"^\d{6}(\d{3})?(\d{3})?$")
_REVISION = re.compile(r"^[0-9A-Za-z_]{1,32}$")
_FIELDS = {"format", "format_version", "package_id", "kind", "sender", "sender_card", "recipients", "sequence",
           "epoch", "epoch_base", "based_on", "change_range", "created_at", "app_version", "schema_version",
           "row_counts", "files", "payload", "audit_head"}


@dataclass(frozen=True)
class Manifest:
    """A parsed, type-checked manifest."""

    package_id: str
    kind: str
    sender_code: str
    sender_name: str
    sender_role: str
    sender_fingerprint: str
    sender_card: Card
    recipients: tuple[str, ...]
    sequence: int
    epoch: int
    epoch_base: int
    based_on: str | None
    change_from: int
    change_to: int
    created_at: datetime
    app_version: str
    schema_version: str
    row_counts: dict[str, int]
    files: int
    payload_size: int
    payload_sha256: str
    audit_head: str
    raw: dict

    @property
    def label(self) -> str:
        """"第N号（东坝镇）" for messages."""
        return _("{name}第{n}号数据包").format(name=self.sender_name, n=self.sequence)


def build(*, package_id: str, kind: str, sender: Card, recipients: list[str], sequence: int, epoch: int,
          epoch_base: int, based_on: str | None, change_from: int, change_to: int, created_at: datetime,
          app_version: str, schema_version: str, row_counts: dict[str, int], files: int, payload_size: int,
          payload_sha256: str, audit_head: str) -> bytes:
    """The manifest bytes for these facts."""
    value = {
        "format": FORMAT, "format_version": FORMAT_VERSION, "package_id": package_id, "kind": kind,
        "sender": {"unit_code": sender.unit_code, "unit_name": sender.unit_name, "role": sender.role,
                   "fingerprint": sender.fingerprint},
        "sender_card": sender.as_dict(), "recipients": list(recipients), "sequence": sequence, "epoch": epoch,
        "epoch_base": epoch_base, "based_on": based_on, "change_range": {"from": change_from, "to": change_to},
        "created_at": created_at.replace(microsecond=0).isoformat(), "app_version": app_version,
        "schema_version": schema_version, "row_counts": dict(sorted(row_counts.items())), "files": files,
        "payload": {"size": payload_size, "sha256": payload_sha256}, "audit_head": audit_head,
    }
    return limits.dumps(value)


def _int(value: Any, minimum: int = 0) -> int:
    if type(value) is not int or value < minimum or value > 2**62:
        raise ValueError("int")
    return value


def _str(value: Any, limit: int) -> str:
    if not isinstance(value, str) or len(value) > limit:
        raise ValueError("str")
    return value


def peek(data: bytes) -> dict:
    """The manifest as plain JSON (strictly parsed), before the signature is checked."""
    raw = limits.loads(data, max_bytes=limits.MANIFEST_MAX_BYTES, max_depth=5)
    if not isinstance(raw, dict):
        raise ExchangeError(E_FORMAT, _("数据包清单格式错误"))
    if raw.get("format") != FORMAT:
        raise ExchangeError(E_FORMAT, _("不是本系统的数据包"))
    if raw.get("format_version") != FORMAT_VERSION:
        raise ExchangeError(E_VERSION, _("数据包格式版本（{v}）不受支持，请升级程序").format(
            v=str(raw.get("format_version"))[:10]))
    return raw


def parse(data: bytes) -> Manifest:
    """Parse and type-check a manifest (the signature is checked by the caller)."""
    raw = peek(data)
    if set(raw) != _FIELDS:
        raise ExchangeError(E_FORMAT, _("数据包清单字段不对"))
    try:
        sender = raw["sender"]
        if not isinstance(sender, dict) or set(sender) != {"unit_code", "unit_name", "role", "fingerprint"}:
            raise ValueError("sender")
        if raw["kind"] not in KINDS:
            raise ValueError("kind")
        if not _UUID.match(_str(raw["package_id"], 36)):
            raise ValueError("id")
        based_on = raw["based_on"]
        if based_on is not None and not _UUID.match(_str(based_on, 36)):
            raise ValueError("based_on")
        recipients = raw["recipients"]
        if (not isinstance(recipients, list) or not 1 <= len(recipients) <= 500
                or not all(isinstance(r, str) and _UNIT.match(r) for r in recipients)):
            raise ValueError("recipients")
        change = raw["change_range"]
        if not isinstance(change, dict) or set(change) != {"from", "to"}:
            raise ValueError("change_range")
        counts = raw["row_counts"]
        if not isinstance(counts, dict) or len(counts) > 64:
            raise ValueError("row_counts")
        payload = raw["payload"]
        if not isinstance(payload, dict) or set(payload) != {"size", "sha256"}:
            raise ValueError("payload")
        if not _HEX64.match(_str(payload["sha256"], 64)) or not _HEX64.match(_str(raw["audit_head"], 64)):
            raise ValueError("hash")
        schema = _str(raw["schema_version"], 32)
        if not _REVISION.match(schema):
            raise ValueError("schema")
        if not _UNIT.match(_str(sender["unit_code"], 12)) or sender["role"] not in ("township", "district"):
            raise ValueError("sender")
        manifest = Manifest(
            package_id=raw["package_id"], kind=raw["kind"], sender_code=sender["unit_code"],
            sender_name=_str(sender["unit_name"], 200), sender_role=sender["role"],
            sender_fingerprint=_str(sender["fingerprint"], 40), sender_card=Card.from_dict(raw["sender_card"]),
            recipients=tuple(recipients), sequence=_int(raw["sequence"], 1), epoch=_int(raw["epoch"], 1),
            epoch_base=_int(raw["epoch_base"]), based_on=based_on, change_from=_int(change["from"]),
            change_to=_int(change["to"]), created_at=datetime.fromisoformat(_str(raw["created_at"], 40)),
            app_version=_str(raw["app_version"], 40), schema_version=schema,
            row_counts={_str(k, 40): _int(v) for k, v in counts.items()}, files=_int(raw["files"]),
            payload_size=_int(payload["size"]), payload_sha256=payload["sha256"], audit_head=raw["audit_head"],
            raw=raw,
        )
    except ExchangeError:
        raise
    except (ValueError, TypeError, KeyError):
        raise ExchangeError(E_FORMAT, _("数据包清单内容不对")) from None
    if manifest.created_at.tzinfo is not None:
        raise ExchangeError(E_FORMAT, _("数据包清单内容不对"))
    card = manifest.sender_card
    if card.unit_code != manifest.sender_code or card.role != manifest.sender_role \
            or card.unit_name != manifest.sender_name \
            or manifest.sender_fingerprint not in (card.fingerprint, card.legacy_fingerprint):
        raise ExchangeError(E_FORMAT, _("数据包清单中的发送单位与其名片不符"))
    # Programs before fingerprint v2 wrote the v1 fingerprint: people always see the card's current one.
    manifest = replace(manifest, sender_fingerprint=card.fingerprint)
    if manifest.change_from > manifest.change_to:
        raise ExchangeError(E_FORMAT, _("数据包清单内容不对"))
    unknown = [t for t in manifest.row_counts if t not in TABLES]
    if unknown:
        raise ExchangeError(E_VERSION, _("数据包含有本程序不认识的数据表：{t}").format(t="、".join(unknown)[:80]))
    return manifest
