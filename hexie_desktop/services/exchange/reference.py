"""Reference data flowing down: the district publishes holidays, settings, code tables, a new card;
the township applies them.  Received code-table additions become part of :mod:`hexie_desktop.core.codes`
(:func:`load_codes`).
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hexie_desktop.core import codes as code_tables
from hexie_desktop.core.i18n import _
from hexie_desktop.exchange import container as hxp
from hexie_desktop.exchange import reader, state
from hexie_desktop.exchange.errors import E_FORMAT, E_STATE, E_TRUST, ExchangeError
from hexie_desktop.exchange.keys import Card, StationKeys
from hexie_desktop.exchange.payload import REFERENCE, PayloadReader, PayloadWriter
from hexie_desktop.exchange.writer import write_package
from hexie_desktop.services import settings
from hexie_desktop.services.code_additions import district_codes, load_codes
from hexie_desktop.services.context import Context
from hexie_desktop.services.exchange.claim import claim
from hexie_desktop.services.exchange.common import (
    DryRun,
    Exported,
    Outcome,
    fingerprint_of,
    next_sequence,
    numbered_output,
    peer_card,
    require_role,
    schema_version,
    split_size,
)
from hexie_desktop.services.exchange.keys import unlock
from hexie_desktop.services.exchange.peers import store_peer
from hexie_desktop.storage import audit
from hexie_desktop.storage.models import ExchangeCode, ExchangePackage, ExchangePeer, utcnow

REFERENCE_SETTINGS = ("station.arbitration_commission", "station.arbitration_address", "station.arbitration_phone",
                      "station.court_name")
CODE_TABLES = code_tables.EXTENSIBLE
"""The code tables a reference package may add to (:data:`hexie_desktop.core.codes.EXTENSIBLE`)."""
CODE_PATTERN = re.compile(r"^[a-z0-9_]{1,40}$")


# ---------------------------------------------------------------- district: reference data and receipts


def reference_document(session: Session, *, codes: dict | None, new_card: Card | None) -> dict:
    """The reference document the district sends down now (checked as a township will check it)."""
    values = settings.all_settings(session)
    document = {
        "calendar_overrides": values.get("calendar.overrides") or {},
        "settings": {k: values[k] for k in REFERENCE_SETTINGS if values.get(k)},
        "codes": codes if codes is not None else district_codes(session),
        "district_card": new_card.as_dict() if new_card is not None else None,
    }
    check_reference(document)
    return document


def trusted_townships(session: Session) -> list[ExchangePeer]:
    """The enrolled townships, by unit code."""
    return list(session.execute(select(ExchangePeer).where(
        ExchangePeer.role == "township", ExchangePeer.status == "trusted").order_by(ExchangePeer.unit_code))
        .scalars())


def publish_reference(ctx: Context, out: Path, *, keys: StationKeys | None = None,
                      passphrase: str | None = None, split_mb: int | None = None, codes: dict | None = None,
                      new_card: Card | None = None) -> Exported:
    """District: a signed reference package for every enrolled township.

    It carries the district's holiday overrides (``calendar.overrides``), its document
    settings (arbitration commission), code-table additions and, for a key rotation or an
    escrow change, the district's new card.
    """
    station = ctx.opened
    ctx.require("settings.edit")
    require_role(station, "district")
    keys = keys or unlock(station, passphrase)
    split_bytes = split_size(split_mb)
    out = Path(out)
    with numbered_output(out) as pending:
        with ctx.db.transaction() as session, state.staging(station) as folder:
            townships = trusted_townships(session)
            if not townships:
                raise ExchangeError(E_STATE, _("还没有登记任何乡镇"))
            document = reference_document(session, codes=codes, new_card=new_card)
            if codes is not None:
                for table, entries in codes.items():
                    for code, label in entries.items():
                        row = session.get(ExchangeCode, (table, code))
                        if row is None:
                            session.add(ExchangeCode(table_name=table, code=code, label=label,
                                                     package_id="district", added_at=utcnow()))
                        else:
                            row.label = label
            epoch = state.current_epoch(session)
            sequence = next_sequence(session, station)

            def fill(payload: PayloadWriter) -> tuple[dict[str, int], int]:
                payload.add_json(REFERENCE, document)
                return {}, 0

            written = write_package(pending / out.name, keys=keys, kind="reference",
                                    to=[peer_card(t) for t in townships], sequence=sequence, epoch=epoch.epoch,
                                    epoch_base=epoch.base, based_on=None, change_from=0, change_to=0,
                                    created_at=utcnow(), schema_version=schema_version(),
                                    audit_head=audit.head(session), staging=folder, fill=fill,
                                    split_bytes=split_bytes)
            session.add(ExchangePackage(
                id=written.package_id, direction="out", kind="reference", peer="*", sequence=sequence,
                epoch=epoch.epoch, epoch_base=epoch.base, change_from=0, change_to=0, created_at=utcnow(),
                recorded_at=utcnow(), status="sent", row_counts="{}",
                summary=json.dumps({"townships": [t.unit_code for t in townships],
                                    "new_card": new_card.fingerprint if new_card else None}),
                table_counts="{}", audit_head=audit.head(session), file_name=written.paths[0].name,
                sha256=written.sha256))
            ctx.audit(session, "exchange.reference", entity="exchange_package", entity_id=written.package_id,
                      summary=_("参考数据包第{n}号（{k}个乡镇{card}）→ {path}").format(
                          n=sequence, k=len(townships), card=_("，含新名片") if new_card else "",
                          path=out.parent / written.paths[0].name))
            state.write_epoch_file(station, epoch=epoch.epoch, sequence=sequence)
        paths = hxp.move_into(written.paths, out.parent)
    load_codes(ctx.db)
    return Exported("reference", sequence, written.package_id, paths, {}, 0, 0, written.size, 0, 0,
                    [t.unit_code for t in townships])


def check_reference(document: Any) -> dict:
    """A received reference document, checked field by field (E_FORMAT otherwise)."""
    bad = ExchangeError(E_FORMAT, _("参考数据内容格式不对"))
    if not isinstance(document, dict) or set(document) != {"calendar_overrides", "settings", "codes",
                                                             "district_card"}:
        raise bad
    overrides = document["calendar_overrides"]
    if not isinstance(overrides, dict) or len(overrides) > 5000:
        raise bad
    for day, work in overrides.items():
        if type(work) is not bool or not re.match(r"^\d{4}-\d{2}-\d{2}$", day):
            raise bad
        try:
            date.fromisoformat(day)
        except ValueError:
            raise bad from None
    values = document["settings"]
    if not isinstance(values, dict) or not set(values) <= set(REFERENCE_SETTINGS):
        raise bad
    if not all(isinstance(v, str) and len(v) <= 200 for v in values.values()):
        raise bad
    codes = document["codes"]
    if not isinstance(codes, dict) or not set(codes) <= set(CODE_TABLES):
        raise bad
    for entries in codes.values():
        if not isinstance(entries, dict) or len(entries) > 500:
            raise bad
        for code, label in entries.items():
            if not CODE_PATTERN.match(code) or not isinstance(label, str) or not 0 < len(label) <= 100:
                raise bad
    if document["district_card"] is not None:
        Card.from_dict(document["district_card"])
    return document


def apply_reference(ctx: Context, verified: reader.Verified, payload: PayloadReader,
                     outcome: Outcome, *, dry_run: bool) -> Outcome:
    """Township: apply a district reference package (holidays, settings, code tables, a new card)."""
    manifest = verified.manifest
    document = check_reference(payload.document(REFERENCE))
    messages: list[str] = []
    with claim(ctx, manifest) as (session, peer):
        if document["calendar_overrides"]:
            merged = dict(settings.get(session, "calendar.overrides"))
            merged.update(document["calendar_overrides"])
            settings.put(session, "calendar.overrides", merged)
            messages.append(_("节假日调整{n}天").format(n=len(document["calendar_overrides"])))
        for key, value in document["settings"].items():
            settings.put(session, key, value)
        if document["settings"]:
            messages.append(_("文书设置{n}项").format(n=len(document["settings"])))
        added = 0
        for table, entries in document["codes"].items():
            for code, label in entries.items():
                row = session.get(ExchangeCode, (table, code))
                if row is None:
                    session.add(ExchangeCode(table_name=table, code=code, label=label,
                                             package_id=manifest.package_id, added_at=utcnow()))
                    added += 1
                else:
                    row.label, row.package_id = label, manifest.package_id
        if added:
            messages.append(_("代码表新增{n}项").format(n=added))
        if document["district_card"] is not None:
            card = Card.from_dict(document["district_card"])
            if card.unit_code != manifest.sender_code or card.role != "district":
                raise ExchangeError(E_TRUST, _("参考数据中的新名片不属于发送它的区级站点"))
            if card.fingerprint != fingerprint_of(peer):
                messages.append(_("区级站点已更换密钥，新指纹 {fp}").format(fp=card.fingerprint))
            store_peer(session, card, status="trusted", actor=ctx.actor.username,
                        until=(manifest.epoch, manifest.sequence))
        if manifest.epoch > peer.epoch:
            peer.last_receipt_sequence = 0
        peer.epoch, peer.last_sequence = manifest.epoch, manifest.sequence
        peer.last_received_at = utcnow()
        session.add(ExchangePackage(
            id=manifest.package_id, direction="in", kind="reference", peer=manifest.sender_code,
            sequence=manifest.sequence, epoch=manifest.epoch, epoch_base=manifest.epoch_base, change_from=0,
            change_to=0, created_at=manifest.created_at, recorded_at=utcnow(), status="applied", row_counts="{}",
            summary=json.dumps({"messages": messages}, ensure_ascii=False), table_counts="{}",
            audit_head=manifest.audit_head, file_name=Path(outcome.source).name[:255],
            sha256=verified.file_sha256))
        ctx.audit(session, "exchange.reference.import", entity="exchange_package", entity_id=manifest.package_id,
                  summary=f"{manifest.label}：" + ("，".join(messages) or _("无变化")))
        if dry_run:
            raise DryRun(messages)
    load_codes(ctx.db)
    outcome.ok, outcome.messages = True, messages or [_("参考数据无变化")]
    return outcome


