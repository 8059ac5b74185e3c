"""Receipts: the district's signed answer to a township package, and the township applying it."""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from hexie_desktop.core import dates
from hexie_desktop.core.i18n import _
from hexie_desktop.exchange import container as hxp
from hexie_desktop.exchange import reader, state
from hexie_desktop.exchange import sequence as numbering
from hexie_desktop.exchange.codec import TABLES
from hexie_desktop.exchange.errors import E_FORMAT, E_INTEGRITY, E_NOT_FOR_US, E_REPLAY, E_STATE, ExchangeError
from hexie_desktop.exchange.keys import StationKeys
from hexie_desktop.exchange.payload import RECEIPT, PayloadReader, PayloadWriter
from hexie_desktop.exchange.writer import write_package
from hexie_desktop.services.context import Context
from hexie_desktop.services.exchange.claim import claim
from hexie_desktop.services.exchange.common import (
    DryRun,
    Outcome,
    loads,
    next_sequence,
    peer_card,
    publish,
    require_role,
    schema_version,
)
from hexie_desktop.services.exchange.keys import unlock
from hexie_desktop.storage import audit
from hexie_desktop.storage.identity import OpenedStation
from hexie_desktop.storage.models import ExchangeConflict, ExchangePackage, ExchangePeer, ExchangeQuarantine, utcnow


def _receipt_document(session: Session, peer: ExchangePeer, applied: ExchangePackage) -> dict:
    digest, counts = state.holdings_counted(session, peer.unit_code)
    conflicts = session.execute(select(func.count()).select_from(ExchangeConflict).where(
        ExchangeConflict.origin == peer.unit_code, ExchangeConflict.status == "open")).scalar_one()
    quarantined = session.execute(select(func.count()).select_from(ExchangeQuarantine).where(
        ExchangeQuarantine.origin == peer.unit_code, ExchangeQuarantine.status == "open")).scalar_one()
    return {"township": peer.unit_code, "epoch": applied.epoch, "sequence": applied.sequence,
            "package_id": applied.id, "change_to": applied.change_to, "counts": counts, "digest": digest,
            "conflicts_open": conflicts, "quarantined_open": quarantined,
            "gaps": numbering.missing(numbering.parse(peer.gaps)),
            "received_at": applied.recorded_at.replace(microsecond=0).isoformat()}


def write_receipt_in(ctx: Context, session: Session, station: OpenedStation, keys: StationKeys, peer: ExchangePeer,
                   folder: Path) -> tuple[Path, str]:
    """Build the receipt for ``peer`` in ``folder`` and log it (inside the caller's transaction)."""
    applied = session.execute(select(ExchangePackage).where(
        ExchangePackage.direction == "in", ExchangePackage.peer == peer.unit_code,
        ExchangePackage.status == "applied", ExchangePackage.epoch == peer.epoch,
        ExchangePackage.sequence == peer.last_sequence)).scalars().first()
    if applied is None:
        raise ExchangeError(E_STATE, _("还没有收到{name}的数据包，无法出具回执").format(name=peer.unit_name))
    document = _receipt_document(session, peer, applied)
    epoch = state.current_epoch(session)
    sequence = next_sequence(session, station)
    name = f"{peer.unit_code}-receipt-{sequence}{hxp.SUFFIX}"

    def fill(payload: PayloadWriter) -> tuple[dict[str, int], int]:
        payload.add_json(RECEIPT, document)
        return {}, 0

    written = write_package(folder / name, keys=keys, kind="receipt", to=[peer_card(peer)], sequence=sequence,
                            epoch=epoch.epoch, epoch_base=epoch.base, based_on=applied.id, change_from=0,
                            change_to=applied.change_to, created_at=utcnow(),
                            schema_version=schema_version(), audit_head=audit.head(session), staging=folder,
                            fill=fill)
    session.add(ExchangePackage(
        id=written.package_id, direction="out", kind="receipt", peer=peer.unit_code, sequence=sequence,
        epoch=epoch.epoch, epoch_base=epoch.base, change_from=0, change_to=applied.change_to, created_at=utcnow(),
        recorded_at=utcnow(), status="sent", row_counts="{}",
        summary=json.dumps({k: document[k] for k in ("sequence", "conflicts_open", "quarantined_open", "gaps")}),
        digest=document["digest"], table_counts=json.dumps(document["counts"]), based_on=applied.id,
        file_name=name, sha256=written.sha256))
    peer.last_receipt_sequence, peer.last_receipt_at = sequence, utcnow()
    state.write_epoch_file(station, epoch=epoch.epoch, sequence=sequence)
    return written.paths[0], written.package_id


def write_receipt(ctx: Context, unit_code: str, *, out: Path | None = None,
                  keys: StationKeys | None = None, passphrase: str | None = None) -> Path:
    """District: (re)issue the signed receipt for a township (its highest applied package).

    Written to ``out`` when given, else into the outbox folder; returns the path.
    """
    station = ctx.opened
    ctx.require("station.backup")
    require_role(station, "district")
    keys = keys or unlock(station, passphrase)
    with state.staging(station) as folder:
        with ctx.db.transaction() as session:
            peer = session.get(ExchangePeer, unit_code)
            if peer is None or peer.status != "trusted":
                raise ExchangeError(E_STATE, _("乡镇{code}尚未登记").format(code=unit_code))
            path, package_id = write_receipt_in(ctx, session, station, keys, peer, folder)
            ctx.audit(session, "exchange.receipt", entity="exchange_package", entity_id=package_id,
                      summary=f"{peer.unit_name} {path.name}")
        if out is not None:
            return publish(path, Path(out).parent, Path(out).name)
        return publish(path, state.outbox(station))


_RECEIPT_FIELDS = {"township", "epoch", "sequence", "package_id", "change_to", "counts", "digest", "conflicts_open",
                   "quarantined_open", "gaps", "received_at"}


def _check_receipt(document: Any) -> dict:
    ok = (isinstance(document, dict) and set(document) == _RECEIPT_FIELDS
          and isinstance(document["township"], str) and isinstance(document["digest"], str)
          and re.match(r"^[0-9a-f]{64}$", document["digest"]) is not None
          and all(type(document[k]) is int and document[k] >= 0
                  for k in ("epoch", "sequence", "change_to", "conflicts_open", "quarantined_open"))
          and isinstance(document["counts"], dict)
          and all(k in TABLES and type(v) is int and v >= 0 for k, v in document["counts"].items())
          and isinstance(document["gaps"], list) and all(type(g) is int for g in document["gaps"])
          and isinstance(document["package_id"], str) and len(document["package_id"]) == 36
          and isinstance(document["received_at"], str) and len(document["received_at"]) <= 40)
    if not ok:
        raise ExchangeError(E_FORMAT, _("回执内容格式不对"))
    return document


def apply_receipt(ctx: Context, verified: reader.Verified, payload: PayloadReader,
                   outcome: Outcome, *, dry_run: bool) -> Outcome:
    """Township: mark the changes a district receipt acknowledges and compare the district's digest."""
    station = ctx.opened
    manifest = verified.manifest
    document = _check_receipt(payload.document(RECEIPT))
    own = station.info.unit_code
    if document["township"] != own:
        raise ExchangeError(E_NOT_FOR_US, _("这是给{code}的回执，不是本站的").format(code=document["township"]))
    with claim(ctx, manifest) as (session, peer):
        epoch = state.current_epoch(session)
        if document["epoch"] != epoch.epoch:
            raise ExchangeError(E_REPLAY, _("此回执针对本站从备份恢复之前的数据包（第{e}轮编号），已不适用").format(
                e=document["epoch"]))
        acked = session.execute(select(ExchangePackage).where(
            ExchangePackage.direction == "out", ExchangePackage.epoch == epoch.epoch,
            ExchangePackage.sequence == document["sequence"], ExchangePackage.kind.in_(("changes", "full"))
        )).scalars().first()
        if acked is None or acked.id != document["package_id"]:
            raise ExchangeError(E_INTEGRITY, _("回执确认的第{n}号数据包不在本站的导出记录中").format(
                n=document["sequence"]))
        digest_ok = acked.digest == document["digest"] and loads(acked.table_counts, {}) == document["counts"]
        now = utcnow()
        newly = session.execute(update(ExchangePackage).where(
            ExchangePackage.direction == "out", ExchangePackage.epoch == epoch.epoch,
            ExchangePackage.kind.in_(("changes", "full")), ExchangePackage.sequence <= document["sequence"],
            ExchangePackage.acknowledged_at.is_(None)).values(
            acknowledged_at=now, acknowledged_by=manifest.package_id, status="acknowledged")).rowcount
        if manifest.epoch > peer.epoch:
            peer.last_sequence = 0
        peer.epoch, peer.last_receipt_sequence, peer.last_receipt_at = manifest.epoch, manifest.sequence, now
        summary = {"acknowledged_sequence": document["sequence"], "digest_ok": digest_ok,
                   "conflicts_open": document["conflicts_open"], "quarantined_open": document["quarantined_open"],
                   "district_counts": document["counts"], "expected_counts": loads(acked.table_counts, {}),
                   "newly_acknowledged": newly, "gaps": document["gaps"]}
        session.add(ExchangePackage(
            id=manifest.package_id, direction="in", kind="receipt", peer=manifest.sender_code,
            sequence=manifest.sequence, epoch=manifest.epoch, epoch_base=manifest.epoch_base, change_from=0,
            change_to=document["change_to"], created_at=manifest.created_at, recorded_at=now, status="applied",
            row_counts="{}", summary=json.dumps(summary), digest=document["digest"],
            table_counts=json.dumps(document["counts"]), audit_head=manifest.audit_head, based_on=manifest.based_on,
            file_name=Path(outcome.source).name[:255], sha256=verified.file_sha256))
        try:
            received = dates.local(datetime.fromisoformat(document["received_at"]))
        except ValueError:
            received = document["received_at"]
        messages = [_("区里已确认收到第{n}号数据包（{at}）").format(n=document["sequence"], at=received)]
        if not digest_ok:
            messages.append(_("区里保存的数据与本站不一致（冲突{c}条，隔离{q}条）：建议做一次完整导出").format(
                c=document["conflicts_open"], q=document["quarantined_open"]))
        ctx.audit(session, "exchange.receipt.import", entity="exchange_package", entity_id=manifest.package_id,
                  summary="；".join(messages))
        if dry_run:
            raise DryRun(messages)
    outcome.ok, outcome.messages = True, messages
    return outcome


