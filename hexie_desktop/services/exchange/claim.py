"""The checks every import repeats inside its write transaction: numbering, replay, duplicates, late packages."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hexie_desktop.core import dates
from hexie_desktop.core.i18n import _
from hexie_desktop.exchange import reader
from hexie_desktop.exchange import sequence as numbering
from hexie_desktop.exchange.errors import E_DUPLICATE, E_REPLAY, E_SEQUENCE, ExchangeError
from hexie_desktop.services.context import Context
from hexie_desktop.services.exchange.common import Outcome
from hexie_desktop.storage.models import ExchangePackage, ExchangePeer, utcnow


def check_numbering(manifest: Any, last_epoch: int, last_sequence: int) -> None:
    """Refuse a township's package numbered too far past the last one seen here (nothing changes)."""
    if manifest.epoch <= numbering.MAX_NUMBER and manifest.epoch - last_epoch <= numbering.MAX_EPOCH_JUMP \
            and not numbering.too_far(last_sequence, manifest.sequence, numbering.MAX_SEQUENCE_JUMP):
        return
    raise ExchangeError(E_SEQUENCE, _(
        "{label}的编号（第{e}轮第{n}号）比区里已收到的（第{le}轮第{ln}号）跳得太远（一次最多{max}号、{maxe}轮），"
        "已拒绝，未作任何更改。若乡镇的编号确实如此（例如区里重装了程序），请与乡镇核实后由区级管理员执行 "
        "hexie keys resync {code} --sequence N（N 为乡镇最近送达区里的数据包编号）").format(
        label=manifest.label, e=manifest.epoch, n=manifest.sequence, le=last_epoch, ln=last_sequence,
        max=numbering.MAX_SEQUENCE_JUMP, maxe=numbering.MAX_EPOCH_JUMP, code=manifest.sender_code))


def check_replay(session: Session, manifest: Any) -> bool:
    """E_DUPLICATE for a package seen before, E_REPLAY for one older than the last applied, E_SEQUENCE for a
    township's package numbered too far ahead; True when the package is a late one filling a gap."""
    seen = session.get(ExchangePackage, manifest.package_id)
    if seen is not None and seen.direction == "in" and seen.status != "waiting":
        raise ExchangeError(E_DUPLICATE, _("{label}已于{at}导入，本次未作任何更改").format(
            label=manifest.label, at=dates.local(seen.recorded_at)))
    if seen is not None and seen.direction == "out":
        raise ExchangeError(E_DUPLICATE, _("这是本站自己发出的数据包"))
    peer = session.get(ExchangePeer, manifest.sender_code)
    if manifest.kind == "receipt":
        last = (peer.epoch, peer.last_receipt_sequence)
    else:
        last = (peer.epoch, peer.last_sequence)
    if manifest.kind in ("changes", "full"):
        check_numbering(manifest, *last)
        if manifest.epoch == peer.epoch and manifest.sequence < peer.last_sequence \
                and numbering.contains(numbering.parse(peer.gaps), manifest.sequence):
            return True
    if (manifest.epoch, manifest.sequence) <= last:
        raise ExchangeError(E_REPLAY, _("{label}比已导入的第{n}号旧（重放或回退），已拒绝").format(
            label=manifest.label, n=last[1]))
    return False


IMPORT_LOCK_WAIT = 600.0
"""Seconds an import waits for another import (or any writer) to finish before giving up."""


@contextmanager
def claim(ctx: Context, manifest: Any) -> Iterator[tuple[Session, ExchangePeer]]:
    """The write transaction of an import, with the package claimed in it: ``(session, sender's row)``.

    The sender's row is locked first (SQLite: the write lock taken at BEGIN; PostgreSQL:
    ``SELECT … FOR UPDATE``), then the duplicate and replay checks run again, so of two
    imports of the same package at once exactly one applies it and the other gets
    E_DUPLICATE with nothing changed.
    """
    with ctx.db.transaction(lock_wait=IMPORT_LOCK_WAIT) as session:
        peer = session.execute(select(ExchangePeer).where(ExchangePeer.unit_code == manifest.sender_code)
                               .with_for_update()).scalar_one()
        check_replay(session, manifest)
        yield session, peer


def covered(session: Session, manifest: Any) -> bool:
    """True when a later package of the same round, already applied, brought changes up to this one's end."""
    reached = session.execute(select(func.max(ExchangePackage.change_to)).where(
        ExchangePackage.direction == "in", ExchangePackage.peer == manifest.sender_code,
        ExchangePackage.status == "applied", ExchangePackage.epoch == manifest.epoch,
        ExchangePackage.sequence > manifest.sequence)).scalar_one_or_none()
    return reached is not None and reached >= manifest.change_to


def record_late(ctx: Context, verified: reader.Verified, outcome: Outcome, *, dry_run: bool) -> Outcome:
    """A package that arrives after a later one which covered it: it fills its gap, its rows are not applied.

    Every package carries all changes since the district's last receipt, so a later package that
    reached at least this one's last change already brought its content in newer or equal
    versions; applying the older rows would only queue "version went backwards" conflicts.  (A
    late package carrying changes beyond what arrived is applied as usual instead.)
    """
    manifest = verified.manifest
    message = _("{label}晚于后续数据包到达：其内容已由后续数据包带到，只补记缺号，不再导入其中的行").format(
        label=manifest.label)
    outcome.messages = [message]
    if dry_run:
        outcome.ok = True
        return outcome
    with claim(ctx, manifest) as (session, peer):
        gaps = numbering.parse(peer.gaps)
        if manifest.epoch != peer.epoch or not numbering.contains(gaps, manifest.sequence):
            raise ExchangeError(E_REPLAY, _("{label}比已导入的第{n}号旧（重放或回退），已拒绝").format(
                label=manifest.label, n=peer.last_sequence))
        peer.gaps = numbering.dump(numbering.fill(gaps, manifest.sequence))
        session.add(ExchangePackage(
            id=manifest.package_id, direction="in", kind=manifest.kind, peer=manifest.sender_code,
            sequence=manifest.sequence, epoch=manifest.epoch, epoch_base=manifest.epoch_base,
            change_from=manifest.change_from, change_to=manifest.change_to, created_at=manifest.created_at,
            recorded_at=utcnow(), status="applied", row_counts=json.dumps(manifest.row_counts),
            summary=json.dumps({"late": True}), table_counts="{}", audit_head=manifest.audit_head,
            based_on=manifest.based_on, file_name=Path(outcome.source).name[:255], sha256=verified.file_sha256))
        ctx.audit(session, "exchange.import", entity="exchange_package", entity_id=manifest.package_id,
                  summary=message)
    outcome.ok = True
    return outcome


