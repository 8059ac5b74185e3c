"""What the exchange screen shows: overview, package history, conflicts and quarantine, and resolving conflicts."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from hexie_desktop.core import dates
from hexie_desktop.core.i18n import _
from hexie_desktop.core.ids import mask_row
from hexie_desktop.exchange import keys as keyring
from hexie_desktop.exchange import state
from hexie_desktop.exchange.apply import ApplyResult, TableCounts, drop_search, reindex_cases
from hexie_desktop.exchange.codec import TABLES, changed_rows, check_row
from hexie_desktop.exchange.errors import E_STATE, ExchangeError
from hexie_desktop.exchange.keys import Card
from hexie_desktop.services.context import Context
from hexie_desktop.services.exchange.common import (
    KIND_LABELS,
    TABLE_LABELS,
    PeerView,
    acknowledged_change,
    last_receipt,
    loads,
    peer_view,
)
from hexie_desktop.services.exchange.keys import needs_passphrase
from hexie_desktop.storage import digest
from hexie_desktop.storage.models import ExchangeConflict, ExchangePackage, ExchangePeer, ExchangeQuarantine, utcnow

# ---------------------------------------------------------------- overview, conflicts, quarantine


@dataclass(frozen=True)
class PackageView:
    """One line of the package history."""

    package_id: str
    direction: str
    kind: str
    peer: str
    sequence: int
    epoch: int
    status: str
    recorded_at: str
    acknowledged_at: str
    rows: int
    file_name: str
    summary: dict

    @property
    def kind_label(self) -> str:
        """The kind in words."""
        return KIND_LABELS.get(self.kind, self.kind)

    @property
    def status_label(self) -> str:
        """The status in words."""
        return {"sent": _("已导出，待确认"), "acknowledged": _("区里已确认"), "applied": _("已导入"),
                "waiting": _("等待登记")}.get(self.status, self.status)


def _package_view(p: ExchangePackage) -> PackageView:
    counts = loads(p.row_counts, {})
    return PackageView(p.id, p.direction, p.kind, p.peer, p.sequence, p.epoch, p.status, dates.local(p.recorded_at),
                       dates.local(p.acknowledged_at), sum(counts.values()) if isinstance(counts, dict) else 0,
                       p.file_name or "", loads(p.summary, {}))


@dataclass(frozen=True)
class Overview:
    """What the exchange screen shows."""

    role: str
    unit_code: str
    unit_name: str
    card: Card | None
    protected: bool
    district: PeerView | None
    epoch: int
    acknowledged_seq: int
    pending_rows: int
    full_recommended: bool
    notes: list[str]
    history: list[PackageView]
    townships: list[PeerView]
    open_conflicts: int
    open_quarantine: int


def overview(ctx: Context, *, history: int = 50) -> Overview:
    """The state of the exchange for this station (no keys needed)."""
    station = ctx.opened
    ctx.require("read")
    folder = state.keys_dir(station)
    card = keyring.public_card(folder) if keyring.exists(folder) else None
    info = station.info
    notes: list[str] = []
    with ctx.db.read() as session:
        epoch = state.current_epoch(session)
        peers = list(session.execute(select(ExchangePeer).order_by(ExchangePeer.unit_code)).scalars())
        district = next((p for p in peers if p.role == "district" and p.status == "trusted"), None)
        townships = [peer_view(session, p) for p in peers if p.role == "township"]
        packages = [_package_view(p) for p in session.execute(
            select(ExchangePackage).order_by(ExchangePackage.recorded_at.desc()).limit(history)).scalars()]
        acked = acknowledged_change(session, epoch.epoch) if info.role == "township" else 0
        pending = 0
        full = False
        if info.role == "township":
            for spec in TABLES.values():
                table = spec.table
                pending += session.execute(select(func.count()).select_from(table).where(
                    changed_rows(table, info.unit_code, acked))).scalar_one()
            receipt = last_receipt(session)
            if receipt is not None and not loads(receipt.summary, {}).get("digest_ok", True):
                full = True
                notes.append(_("最近一张回执显示区里保存的数据与本站不一致：建议完整导出"))
            if district is None:
                notes.append(_("尚未信任区级站点：请导入区里的站点名片"))
            if epoch.epoch > 1 and acked == 0:
                notes.append(_("本站已从备份恢复（第{e}轮编号），下一个数据包将是完整数据").format(e=epoch.epoch))
        conflicts = session.execute(select(func.count()).select_from(ExchangeConflict).where(
            ExchangeConflict.status == "open")).scalar_one()
        quarantine = session.execute(select(func.count()).select_from(ExchangeQuarantine).where(
            ExchangeQuarantine.status == "open")).scalar_one()
        district_view = peer_view(session, district) if district is not None else None
    if card is None:
        notes.append(_("本站还没有交换密钥（首次使用时创建）"))
    return Overview(info.role, info.unit_code, info.unit_name, card, needs_passphrase(station), district_view,
                    epoch.epoch, acked, pending, full, notes, packages, townships, conflicts, quarantine)


@dataclass(frozen=True)
class ConflictView:
    """One queued conflict with both versions side by side (personal columns masked unless unmasked)."""

    id: int
    origin: str
    table: str
    row_id: str
    kind: str
    reason: str
    status: str
    created_at: str
    stored: dict
    incoming: dict | None
    changed: tuple[str, ...] | None = None
    """The columns whose real values differ (None: compare the values shown)."""

    @property
    def differences(self) -> list[tuple[str, Any, Any]]:
        """(column, district value, township value) for every column that differs."""
        incoming = self.incoming or {}
        columns = list(self.stored) + [k for k in incoming if k not in self.stored]
        if self.incoming is None:
            return [(c, self.stored.get(c), incoming.get(c)) for c in columns]
        if self.changed is not None:
            return [(c, self.stored.get(c), incoming.get(c)) for c in columns if c in self.changed]
        return [(c, self.stored.get(c), incoming.get(c)) for c in columns if self.stored.get(c) != incoming.get(c)]


def _conflict_view(conflict: ExchangeConflict, *, unmask: bool) -> ConflictView:
    stored, incoming = json.loads(conflict.stored), loads(conflict.incoming, None)
    changed = None
    if incoming is not None:
        changed = tuple(c for c in dict.fromkeys([*stored, *incoming]) if stored.get(c) != incoming.get(c))
    if not unmask:
        stored = mask_row(conflict.table_name, stored)
        incoming = mask_row(conflict.table_name, incoming) if incoming is not None else None
    return ConflictView(conflict.id, conflict.origin, conflict.table_name, conflict.row_id, conflict.kind,
                        conflict.reason, conflict.status, dates.local(conflict.created_at), stored, incoming, changed)


def conflicts(ctx: Context, *, status: str | None = "open", limit: int = 500,
              unmask: bool = False) -> list[ConflictView]:
    """Queued conflicts (open ones by default), oldest first.

    Personal columns (ID numbers, phones, applicants' addresses) are masked by the same
    policy as everywhere (:data:`~hexie_desktop.core.ids.PERSONAL_COLUMNS`); ``unmask`` needs ``pii.unmask`` and
    is audited.
    """
    ctx.require("read")
    if unmask:
        ctx.require("pii.unmask")
    query = select(ExchangeConflict).order_by(ExchangeConflict.id).limit(limit)
    if status:
        query = query.where(ExchangeConflict.status == status)
    if not unmask:
        with ctx.db.read() as session:
            return [_conflict_view(c, unmask=False) for c in session.execute(query).scalars()]
    with ctx.db.transaction() as session:
        views = [_conflict_view(c, unmask=True) for c in session.execute(query).scalars()]
        ctx.audit(session, "pii.unmask", entity="exchange_conflict", entity_id=status or "all",
                  summary=_("查看{n}条交换冲突的完整个人信息").format(n=len(views)))
        return views


def _remove_missing(session: Session, conflict: ExchangeConflict, actor: str) -> int:
    """Remove a row the township no longer has, with the rows below it that it no longer has either.

    Every removed row must be an open "missing" conflict of the same township (its content
    stays in the queue); a row still referenced by something the township has is refused.
    """
    targets: dict[str, set[str]] = {conflict.table_name: {conflict.row_id}}
    grown = True
    while grown:
        grown = False
        for name, spec in TABLES.items():
            for column, parent in spec.foreign_keys:
                parents = list(targets.get(parent, ()))
                for start in range(0, len(parents), 900):
                    found = set(session.execute(select(spec.table.c.id).where(
                        spec.table.c[column].in_(parents[start:start + 900]))).scalars())
                    new = found - targets.get(name, set())
                    if new:
                        targets.setdefault(name, set()).update(new)
                        grown = True
    missing = {(c.table_name, c.row_id): c for c in session.execute(select(ExchangeConflict).where(
        ExchangeConflict.origin == conflict.origin, ExchangeConflict.kind == "missing",
        ExchangeConflict.status == "open")).scalars()}
    for name, ids in targets.items():
        for row_id in ids:
            if (name, row_id) not in missing:
                raise ExchangeError(E_STATE, _("这条记录仍被乡镇现有的记录引用（{t} {id}），不能移除").format(
                    t=TABLE_LABELS.get(name, name), id=row_id))
    now = utcnow()
    for name in reversed(list(TABLES)):
        ids = list(targets.get(name, ()))
        for start in range(0, len(ids), 900):
            part = ids[start:start + 900]
            if name == "cases":
                drop_search(session, part)
            table = TABLES[name].table
            delta = digest.new_delta()
            for row_id, origin, version in session.execute(select(table.c.id, table.c.origin, table.c.version)
                                                           .where(table.c.id.in_(part))):
                digest.remove(delta, name, origin, row_id, version)
            session.execute(delete(table).where(table.c.id.in_(part)))
            digest.apply(session, delta)
        for row_id in ids:
            entry = missing[(name, row_id)]
            entry.status, entry.resolved_at, entry.resolved_by = "removed", now, actor
    return sum(len(ids) for ids in targets.values())


def resolve_conflict(ctx: Context, conflict_id: int, *, take_township: bool) -> str:
    """Decide a conflict: keep the district's stored version, or follow the township.

    Following the township takes its version of the row, or — for a row the township no
    longer has ("missing") — removes the district's copy (and the rows below it the township
    no longer has), their content staying in the queue.  Rows stay owned by their township:
    the district only chooses between what it was given, it never edits them.  Returns the
    new status (``kept``, ``taken`` or ``removed``).
    """
    ctx.require("settings.edit")
    with ctx.db.transaction() as session:
        conflict = session.get(ExchangeConflict, conflict_id)
        if conflict is None or conflict.status != "open":
            raise ExchangeError(E_STATE, _("没有这条待处理的冲突"))
        spec = TABLES.get(conflict.table_name)
        if spec is None:
            raise ExchangeError(E_STATE, _("没有这条待处理的冲突"))
        choice = _("保留区里版本")
        if take_township and conflict.incoming is None:
            removed = _remove_missing(session, conflict, ctx.actor.username)
            choice = _("按乡镇现状移除{n}条记录").format(n=removed)
        elif take_township:
            row = check_row(spec, json.loads(conflict.incoming), conflict.origin)
            session.info["passthrough"] = True
            before = session.execute(select(spec.table.c.origin, spec.table.c.version)
                                     .where(spec.table.c.id == row["id"])).one()
            session.execute(update(spec.table).where(spec.table.c.id == row["id"]).values(
                {k: v for k, v in row.items() if k != "id"}))
            session.info.pop("passthrough", None)
            delta = digest.new_delta()
            digest.remove(delta, spec.name, before.origin, row["id"], before.version)
            digest.add(delta, spec.name, row["origin"], row["id"], row["version"])
            digest.apply(session, delta)
            if conflict.table_name in ("cases", "parties"):
                reindex_cases(session, [row["id"] if conflict.table_name == "cases" else row["case_id"]])
            conflict.status = "taken"
            choice = _("采用乡镇版本")
        else:
            conflict.status = "kept"
        conflict.resolved_at, conflict.resolved_by = utcnow(), ctx.actor.username
        ctx.audit(session, "exchange.conflict", entity=conflict.table_name, entity_id=conflict.row_id,
                  summary=_("冲突#{id}：{choice}").format(id=conflict.id, choice=choice))
        return conflict.status


@dataclass(frozen=True)
class QuarantineView:
    """One quarantined row."""

    id: int
    package_id: str
    origin: str
    table: str
    row_id: str | None
    reason: str
    created_at: str


def quarantined(ctx: Context, *, limit: int = 500) -> list[QuarantineView]:
    """Open quarantined rows, oldest first."""
    ctx.require("read")
    with ctx.db.read() as session:
        return [QuarantineView(q.id, q.package_id, q.origin, q.table_name, q.row_id, q.reason,
                               dates.local(q.created_at))
                for q in session.execute(select(ExchangeQuarantine).where(ExchangeQuarantine.status == "open")
                                         .order_by(ExchangeQuarantine.id).limit(limit)).scalars()]


def summary_lines(result: ApplyResult) -> list[tuple[str, TableCounts]]:
    """(table label, counts) rows of a dry-run or import summary, tables with rows only."""
    return [(name, counts) for name, counts in result.tables.items() if counts.total]


def counts_dict(counts: TableCounts) -> dict[str, int]:
    """A TableCounts as a plain dict."""
    return asdict(counts)
