"""Per-case exchange status for the case list: "exported in package N / acknowledged on date".

A case's last change is the highest change sequence of the case row and of every row that
belongs to it (parties, claims, sessions, events …).  At a township, the first package of
the current epoch whose range reaches that change is the package that carried it; it is
acknowledged once a receipt covered that package.  At the district the same is computed
from the township's packages as received (the district's own receipt time is shown).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hexie_desktop.core import dates
from hexie_desktop.core.i18n import _
from hexie_desktop.exchange import state
from hexie_desktop.exchange.codec import TABLES
from hexie_desktop.services.context import Context
from hexie_desktop.storage.models import ExchangePackage, ExchangePeer


@dataclass(frozen=True)
class CaseExchangeStatus:
    """Where the current version of one case is in the exchange."""

    case_id: str
    change_seq: int
    package: int | None
    at: str
    acknowledged_at: str
    label: str


def _day(moment: datetime | None) -> str:
    return dates.local(moment, "%Y-%m-%d")


def _last_changes(session: Session, case_ids: list[str]) -> dict[str, tuple[str, int]]:
    """case id → (origin, highest change_seq over the case and its rows)."""
    cases = TABLES["cases"].table
    out: dict[str, tuple[str, int]] = {}
    for start in range(0, len(case_ids), 900):
        part = case_ids[start:start + 900]
        for row in session.execute(select(cases.c.id, cases.c.origin, cases.c.change_seq).where(cases.c.id.in_(part))):
            out[row.id] = (row.origin, row.change_seq)
        for name, spec in TABLES.items():
            if name == "cases" or "case_id" not in spec.names:
                continue
            table = spec.table
            for case_id, seq in session.execute(select(table.c.case_id, func.max(table.c.change_seq))
                                                .where(table.c.case_id.in_(part)).group_by(table.c.case_id)):
                if case_id in out and seq is not None and seq > out[case_id][1]:
                    out[case_id] = (out[case_id][0], seq)
    return out


def case_status(ctx: Context, case_ids: list[str]) -> dict[str, CaseExchangeStatus]:
    """The exchange status of each case in ``case_ids`` (missing ids are left out)."""
    ctx.require("read")
    with ctx.db.read() as session:
        changes = _last_changes(session, list(case_ids))
        if not changes:
            return {}
        epoch = state.current_epoch(session).epoch
        outgoing = list(session.execute(select(ExchangePackage).where(
            ExchangePackage.direction == "out", ExchangePackage.epoch == epoch,
            ExchangePackage.kind.in_(("changes", "full"))).order_by(ExchangePackage.sequence)).scalars())
        peers = {p.unit_code: p for p in session.execute(select(ExchangePeer).where(
            ExchangePeer.role == "township")).scalars()}
        incoming: dict[str, list[ExchangePackage]] = {}
        for p in session.execute(select(ExchangePackage).where(
                ExchangePackage.direction == "in", ExchangePackage.status == "applied",
                ExchangePackage.kind.in_(("changes", "full"))).order_by(ExchangePackage.sequence)).scalars():
            peer = peers.get(p.peer)
            if peer is not None and p.epoch == peer.epoch:
                incoming.setdefault(p.peer, []).append(p)
        out: dict[str, CaseExchangeStatus] = {}
        for case_id, (origin, seq) in changes.items():
            if origin in incoming or origin in peers:
                carrier = next((p for p in incoming.get(origin, []) if p.change_to >= seq), None)
                if carrier is None:
                    out[case_id] = CaseExchangeStatus(case_id, seq, None, "", "", _("未收到最新版本"))
                else:
                    at = _day(carrier.recorded_at)
                    out[case_id] = CaseExchangeStatus(case_id, seq, carrier.sequence, at, "",
                                                      _("第{n}号数据包，{at}收到").format(n=carrier.sequence, at=at))
                continue
            carrier = next((p for p in outgoing if p.change_to >= seq), None)
            if carrier is None:
                out[case_id] = CaseExchangeStatus(case_id, seq, None, "", "", _("有修改未导出"))
                continue
            at, acked = _day(carrier.recorded_at), _day(carrier.acknowledged_at)
            label = (_("已随第{n}号数据包导出，{ack}区里已确认").format(n=carrier.sequence, ack=acked) if acked
                     else _("已随第{n}号数据包导出（{at}），待区里确认").format(n=carrier.sequence, at=at))
            out[case_id] = CaseExchangeStatus(case_id, seq, carrier.sequence, at, acked, label)
        return out
