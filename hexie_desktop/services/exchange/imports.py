"""Importing packages at both ends: verify, decrypt, dispatch by kind; a township's rows at the district."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from hexie_desktop import failpoints
from hexie_desktop.core.i18n import _
from hexie_desktop.exchange import container as hxp
from hexie_desktop.exchange import reader, state
from hexie_desktop.exchange import sequence as numbering
from hexie_desktop.exchange.apply import apply_changes
from hexie_desktop.exchange.errors import E_DUPLICATE, E_PENDING, E_SENDER, ExchangeError
from hexie_desktop.exchange.keys import Card, StationKeys
from hexie_desktop.exchange.payload import PayloadReader
from hexie_desktop.fileio import atomic_path
from hexie_desktop.services.context import Context
from hexie_desktop.services.exchange.claim import check_numbering, check_replay, claim, covered, record_late
from hexie_desktop.services.exchange.common import DryRun, Outcome, fingerprint_of, known_schema, peer_card, publish
from hexie_desktop.services.exchange.keys import unlock
from hexie_desktop.services.exchange.peers import earlier_keys, store_peer
from hexie_desktop.services.exchange.receipts import apply_receipt, write_receipt_in
from hexie_desktop.services.exchange.reference import apply_reference
from hexie_desktop.storage import digest as kept_digest
from hexie_desktop.storage.models import ExchangePackage, ExchangePeer, utcnow

# ---------------------------------------------------------------- imports


def _sources(paths: list[Path], folder: Path) -> list[tuple[str, Path]]:
    """(label, path) of whole packages: plain files as they are, e-mail parts joined in ``folder``."""
    parts = [Path(p) for p in paths if Path(p).is_file() and hxp.is_part(Path(p))]
    wholes = [(str(p), Path(p)) for p in paths if Path(p) not in parts]
    joined = hxp.join(parts, folder) if parts else []
    label = "、".join(p.name for p in parts)
    return wholes + [(f"{label}", j) for j in joined]


def import_packages(ctx: Context, paths: list[Path], *, dry_run: bool = False,
                    keys: StationKeys | None = None, passphrase: str | None = None,
                    progress: Callable[[int], None] | None = None) -> list[Outcome]:
    """Import packages, receipts and reference data (both roles); one outcome per package.

    A refused package is reported in its outcome (``ok`` False, ``error`` with its code) and
    changes nothing; the other packages still go ahead.  E-mail parts may be given in any
    order among the files; an incomplete set is refused as a whole.
    """
    station = ctx.opened
    ctx.require("station.backup")
    outcomes: list[Outcome] = []
    unlocked: list[StationKeys] = [keys] if keys is not None else []

    def get_keys() -> StationKeys:
        if not unlocked:
            unlocked.append(unlock(station, passphrase))
        return unlocked[0]

    with state.staging(station) as folder:
        try:
            sources = _sources(list(paths), folder)
        except ExchangeError as exc:
            return [Outcome("、".join(Path(p).name for p in paths), False, dry_run=dry_run, error=exc)]
        for label, path in sources:
            try:
                outcomes.append(_import_one(ctx, label, path, folder, dry_run=dry_run, get_keys=get_keys,
                                            progress=progress))
            except ExchangeError as exc:
                outcomes.append(Outcome(label, False, dry_run=dry_run, error=exc))
    return outcomes


def trusted_lookup(session: Session) -> Callable[[str], Card | None]:
    """unit code → card of every trusted peer (for :func:`reader.verify`)."""
    cards = {p.unit_code: peer_card(p) for p in session.execute(
        select(ExchangePeer).where(ExchangePeer.status == "trusted")).scalars()}
    return cards.get


def _import_one(ctx: Context, label: str, path: Path, staging_root: Path, *, dry_run: bool,
                get_keys: Callable[[], StationKeys], progress: Callable[[int], None] | None) -> Outcome:
    station = ctx.opened
    own = station.info
    with ctx.db.read() as session:
        lookup, earlier = trusted_lookup(session), earlier_keys(session)
    verified = reader.verify(path, own_code=own.unit_code, own_role=own.role, trusted=lookup,
                             known_schema=known_schema, earlier=earlier)
    run = staging_root / f"pkg-{verified.manifest.package_id}"
    run.mkdir(exist_ok=True)
    try:
        manifest = verified.manifest
        outcome = Outcome(label, False, kind=manifest.kind, sender=manifest.sender_code,
                          sender_name=manifest.sender_name, sequence=manifest.sequence,
                          package_id=manifest.package_id, dry_run=dry_run)
        if not verified.trusted:
            return _unknown_sender(ctx, verified, outcome, dry_run=dry_run)
        with ctx.db.read() as session:  # early answer; checked again inside the write transaction
            late = check_replay(session, manifest) and covered(session, manifest)
        if late:
            return record_late(ctx, verified, outcome, dry_run=dry_run)
        keys = get_keys()
        payload = reader.decrypt(verified, keys.identities, run)
        failpoints.reach("import.decrypted")
        try:
            if manifest.kind in ("changes", "full"):
                with state.scratch(state.incoming_dir(station)) as incoming:
                    return _apply_township_package(ctx, verified, payload, run, incoming, keys, outcome,
                                                   dry_run=dry_run, progress=progress)
            if manifest.kind == "receipt":
                return apply_receipt(ctx, verified, payload, outcome, dry_run=dry_run)
            return apply_reference(ctx, verified, payload, outcome, dry_run=dry_run)
        finally:
            payload.close()
    except IntegrityError:
        _refuse_if_recorded(ctx, verified.manifest)
        raise
    finally:
        verified.close()
        hxp.remove_quietly(run)


def _refuse_if_recorded(ctx: Context, manifest: Any) -> None:
    """E_DUPLICATE when another import of this very package committed while this one ran.

    The package id is the primary key of ``exchange_packages``: whatever slipped past the
    locks, the database itself lets only one import record a package.
    """
    with ctx.db.read() as session:
        if session.get(ExchangePackage, manifest.package_id) is not None:
            raise ExchangeError(E_DUPLICATE, _("{label}已由另一处同时导入，本次未作任何更改").format(
                label=manifest.label))


def _unknown_sender(ctx: Context, verified: reader.Verified, outcome: Outcome, *,
                    dry_run: bool) -> Outcome:
    station = ctx.opened
    manifest = verified.manifest
    own = station.info
    if own.role != "district":
        raise ExchangeError(E_SENDER, _("发送单位{name}（{code}）不是本站信任的区级站点").format(
            name=manifest.sender_name, code=manifest.sender_code))
    if not manifest.sender_code.startswith(own.unit_code) or len(manifest.sender_code) <= len(own.unit_code):
        raise ExchangeError(E_SENDER, _("未登记的发送单位{name}（{code}），不属于本区").format(
            name=manifest.sender_name, code=manifest.sender_code))
    check_numbering(manifest, 0, 0)
    hint = _("{name}（{code}）尚未登记，数据包已暂存待处理。请电话核对对方指纹 {fp}，一致后执行："
             "hexie keys accept {code} --fingerprint \"{fp}\"").format(
        name=manifest.sender_name, code=manifest.sender_code, fp=manifest.sender_fingerprint)
    if dry_run:
        raise ExchangeError(E_PENDING, hint)
    card = manifest.sender_card
    with ctx.db.transaction() as session:
        if session.get(ExchangePackage, manifest.package_id) is not None:
            raise ExchangeError(E_DUPLICATE, _("此数据包已在等待登记，无需重复导入"))
        peer = session.get(ExchangePeer, manifest.sender_code)
        if peer is not None and peer.status == "trusted":
            raise ExchangeError(E_SENDER, _("数据包签名与已登记的乡镇密钥不符"))
        if peer is None:
            store_peer(session, card, status="pending", actor=None)
        elif fingerprint_of(peer) != card.fingerprint:
            # An unauthenticated card never replaces the pending one: both wait for the phone call.
            hint = _("注意：{code}已有一张待核对的名片（指纹 {old}），此数据包却带着另一张（指纹 {fp}），可能有人冒充。"
                     "两张都已记下，未作任何替换；请电话核对，只接受对方读出的那个指纹："
                     "hexie keys accept {code} --fingerprint \"…\"").format(
                code=manifest.sender_code, old=fingerprint_of(peer), fp=card.fingerprint)
        name = f"{manifest.sender_code}-{manifest.package_id}{hxp.SUFFIX}"
        session.add(ExchangePackage(
            id=manifest.package_id, direction="in", kind=manifest.kind, peer=manifest.sender_code,
            sequence=manifest.sequence, epoch=manifest.epoch, epoch_base=manifest.epoch_base,
            change_from=manifest.change_from, change_to=manifest.change_to, created_at=manifest.created_at,
            recorded_at=utcnow(), status="waiting", row_counts=json.dumps(manifest.row_counts),
            summary=json.dumps({"card": card.as_dict(), "fingerprint": card.fingerprint}, ensure_ascii=False),
            table_counts="{}", audit_head=manifest.audit_head, based_on=manifest.based_on, file_name=name,
            sha256=verified.file_sha256))
        competing = peer is not None and fingerprint_of(peer) != card.fingerprint
        ctx.audit(session, "exchange.waiting", entity="exchange_package", entity_id=manifest.package_id,
                  summary=f"{manifest.label} {card.fingerprint}" + (_("（与待核对的名片不同，可能冒充）")
                                                                   if competing else ""))
        hxp.copy_into(verified.container.path, state.waiting_dir(station), name)
    raise ExchangeError(E_PENDING, hint)


def _apply_township_package(ctx: Context, verified: reader.Verified, payload: PayloadReader,
                            run: Path, incoming: Path, keys: StationKeys, outcome: Outcome, *, dry_run: bool,
                            progress: Callable[[int], None] | None) -> Outcome:
    """Apply a township's rows; received attachments wait in ``incoming`` (beside the store) until commit."""
    station = ctx.opened
    manifest = verified.manifest
    store = state.attachments_dir(station)
    try:
        with claim(ctx, manifest) as (session, peer):
            transition = peer.epoch != 0 and manifest.epoch > peer.epoch
            result = apply_changes(session, manifest, payload, transition=transition, staging=incoming,
                                   has_file=lambda sha: (store / sha[:2] / sha).is_file(), progress=progress)
            if dry_run:
                raise DryRun(result)
            if result.held is not None:  # a first full package, every row new and own: its sums are the digest
                kept_digest.replace(session, manifest.sender_code, result.held)
            elif manifest.kind == "full":  # as at the township: a full package recomputes the kept digest
                kept_digest.rebuild(session, [manifest.sender_code])
            messages = _advance(peer, manifest)
            now = utcnow()
            waited = session.get(ExchangePackage, manifest.package_id)
            if waited is not None:  # it waited for the township's enrollment: now it is applied
                waiting_file = state.waiting_dir(station) / (waited.file_name or "-")
                session.delete(waited)
                session.flush()
            session.add(ExchangePackage(
                id=manifest.package_id, direction="in", kind=manifest.kind, peer=manifest.sender_code,
                sequence=manifest.sequence, epoch=manifest.epoch, epoch_base=manifest.epoch_base,
                change_from=manifest.change_from, change_to=manifest.change_to, created_at=manifest.created_at,
                recorded_at=now, status="applied", row_counts=json.dumps(manifest.row_counts),
                summary=json.dumps(result.as_dict(), ensure_ascii=False), table_counts="{}",
                audit_head=manifest.audit_head, based_on=manifest.based_on,
                file_name=Path(outcome.source).name[:255], sha256=verified.file_sha256))
            session.flush()
            receipt_path, receipt_id = write_receipt_in(ctx, session, station, keys, peer, run)
            failpoints.reach("import.applied")
            totals = result.totals()
            ctx.audit(session, "exchange.import", entity="exchange_package", entity_id=manifest.package_id,
                      summary=_("{label}：新增{new}，更新{upd}，未变{same}，冲突{conf}，隔离{rej}；回执{r}").format(
                          label=manifest.label, new=totals.new, upd=totals.updated, same=totals.unchanged,
                          conf=totals.conflicts, rej=totals.rejected, r=receipt_path.name))
    except DryRun as dry:
        outcome.ok, outcome.summary = True, dry.result
        return outcome
    if waited is not None:
        hxp.remove_quietly(waiting_file)
    for sha, source in result.new_files.items():
        target = store / sha[:2] / sha
        if not target.exists():
            with atomic_path(target) as tmp:
                os.replace(source, tmp)
    outcome.ok, outcome.summary = True, result
    outcome.receipt_path = publish(receipt_path, state.outbox(station))
    outcome.messages = messages
    return outcome


def _advance(peer: ExchangePeer, manifest: Any) -> list[str]:
    """Move the township's numbering on; returns notes (gaps, new epoch) for people."""
    messages: list[str] = []
    gaps = numbering.parse(peer.gaps)
    if manifest.epoch > peer.epoch:
        if peer.epoch:
            messages.append(_("{name}已从备份恢复（第{e}轮编号）；恢复点之后区里收到的修改若已不在乡镇，已列入冲突待处理").format(
                name=peer.unit_name, e=manifest.epoch))
        gaps = []
    elif manifest.sequence < peer.last_sequence:  # a late package filling its gap: the numbering stays
        peer.gaps = numbering.dump(numbering.fill(gaps, manifest.sequence))
        peer.last_received_at = utcnow()
        return [_("{name}晚到的第{n}号数据包已补入").format(name=peer.unit_name, n=manifest.sequence)]
    else:
        gaps = numbering.record(gaps, peer.last_sequence, manifest.sequence)
    if gaps:
        messages.append(_("{name}的第{n}号数据包未收到（后续数据包已包含其内容，不影响导入）").format(
            name=peer.unit_name, n=numbering.label(gaps)))
    peer.epoch, peer.epoch_base, peer.last_sequence = manifest.epoch, manifest.epoch_base, manifest.sequence
    peer.last_package_id, peer.last_received_at = manifest.package_id, utcnow()
    peer.gaps = numbering.dump(gaps)
    return messages


