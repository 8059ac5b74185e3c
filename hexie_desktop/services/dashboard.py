"""The 工作台: what is due today, within a few days and overdue; this month's counts.

Which deadlines of a case still count is :func:`hexie_desktop.core.periods.deadline_counts`
(the same rule as the case's own deadline list); of those, the office's to-dos
(:data:`~hexie_desktop.core.periods.OFFICE_DEADLINES`) are listed when due within
``soon_days`` or overdue, and a received case awaiting its 受理决定 always (status ``later``
until then: it is work from the day it arrives).

Fast at any size: SQL reads only the cases that *may* have a deadline due by the horizon
(the state watches it and its triggering event is early enough, see
:func:`hexie_desktop.core.periods.shortest_days`), as plain rows, then
:func:`~hexie_desktop.core.periods.compute_deadlines` decides exactly, as before.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, false, func, or_, select, true
from sqlalchemy.orm import Session

from hexie_desktop.core import codes, periods
from hexie_desktop.core.i18n import _
from hexie_desktop.services import settings, stats_tally
from hexie_desktop.services.context import Context
from hexie_desktop.storage.models import Agreement, AgreementItem, Case, CaseEvent, FollowUp, Mediator, Party, User

# Which of the office's deadlines matter in which state: the one rule, periods.deadline_counts.
_WATCHED = {
    state: names for state in codes.CASE_STATES
    if (names := tuple(n for n in periods.OFFICE_DEADLINES if state in periods.counting_states(n)))
}
MONTH_ACTIONS = ("register", "accept", "reject", "agree", "fail", "withdraw", "close", "archive")


@dataclass(frozen=True)
class DueItem:
    """One deadline of one case that needs attention."""

    case_id: str
    number: str
    applicants: str
    deadline: str
    label: str
    due: date
    status: str
    mediator: str | None


@dataclass(frozen=True)
class Dashboard:
    """Due items (overdue first, then by date; acceptance decisions not yet due last) and this month's counts."""

    items: list[DueItem]
    month_counts: dict[str, int] = field(default_factory=dict)
    notices: tuple[str, ...] = ()
    """Things to set up first: no mediator in the register, the user's login not linked to one."""


def setup_notices(session: Session, username: str, *, mine: bool) -> tuple[str, ...]:
    """What the office must set up before cases can be handled (no mediator registered; user not linked)."""
    notices: list[str] = []
    registered = session.execute(select(func.count()).select_from(Mediator).where(
        Mediator.deleted.is_(False), Mediator.status == "active")).scalar_one()
    if registered == 0:
        notices.append(_("调解员名册中还没有调解员，案件不能受理：请在“名册台账 › 调解员”中添加调解员，"
                         "再由管理员在“用户”中把调解员的账户关联到名册记录"))
    if mine and _mediator_id_of(session, username) is None:
        notices.append(_("您的账户尚未关联调解员名册中的记录，“我的案件”只列出您登记的案件；"
                         "请管理员在“用户”中关联"))
    return tuple(notices)


def _mediator_id_of(session, username: str) -> str | None:  # noqa: ANN001
    return session.execute(select(User.mediator_id).where(User.username == username)).scalar_one_or_none()


def _live_items() -> ColumnElement[bool]:
    return and_(AgreementItem.case_id == Case.id, AgreementItem.deleted.is_(False))


def _may_be_due(name: str, days: dict[str, int], horizon: date) -> ColumnElement[bool]:
    """SQL: the deadline ``name`` of a case may fall due by ``horizon`` (a superset; Python decides)."""
    def before(n: int) -> date:
        return horizon - timedelta(days=n)

    if name in periods.ALWAYS_LISTED:
        return true()
    if name == "acceptance":
        return Case.received_on <= before(days["acceptance"])
    if name == "mediation":
        return or_(Case.received_on <= before(days["mediation"]), Case.mediation_extended_until <= horizon)
    if name == "performance":
        return exists().where(_live_items(), AgreementItem.performed_on.is_(None), AgreementItem.due_on <= horizon)
    if name == "follow_up":
        return and_(~exists().where(FollowUp.case_id == Case.id, FollowUp.deleted.is_(False)),
                    exists().where(_live_items(), AgreementItem.due_on <= before(days["follow_up"])))
    if name == "archive":
        return Case.closed_on <= before(days["archive"])
    return false()


def candidates(lengths: periods.DeadlineSettings, horizon: date) -> ColumnElement[bool]:
    """SQL condition on ``cases``: a watched deadline may be due by ``horizon``.

    Written per deadline (its condition once, with the states that watch it) rather than per state:
    the same cases, but each ``EXISTS`` appears once, so PostgreSQL hashes each joined table once.
    """
    days = periods.shortest_days(lengths)
    watching: dict[str, list[str]] = {}
    for state, names in _WATCHED.items():
        for name in names:
            watching.setdefault(name, []).append(state)
    return and_(Case.state.in_(tuple(_WATCHED)), or_(*(
        and_(Case.state.in_(tuple(states)), _may_be_due(name, days, horizon))
        for name, states in watching.items())))


def _details(session: Session, case_ids: list[str]) -> tuple[dict, dict, dict, set]:
    """Applicant names, agreement dates, items and follow-up presence of ``case_ids``.

    Four independent reads (at the same time on PostgreSQL, :func:`stats_tally.at_once`).
    """
    def names(s: Session) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for chunk in stats_tally.id_chunks(s, case_ids):
            for case_id, name in s.execute(
                    select(Party.case_id, Party.name).where(Party.case_id.in_(chunk), Party.deleted.is_(False))
                    .order_by(Party.case_id, Party.position)):
                out.setdefault(case_id, []).append(name)
        return out

    def effective(s: Session) -> dict[str, date | None]:
        out: dict[str, date | None] = {}
        for chunk in stats_tally.id_chunks(s, case_ids):
            out.update(s.execute(
                select(Agreement.case_id, Agreement.effective_on).where(Agreement.case_id.in_(chunk))).all())
        return out

    def items(s: Session) -> dict[str, list[Any]]:
        out: dict[str, list[Any]] = {}
        for chunk in stats_tally.id_chunks(s, case_ids):
            for row in s.execute(
                    select(AgreementItem.case_id, AgreementItem.seq, AgreementItem.due_on, AgreementItem.performed_on)
                    .where(AgreementItem.case_id.in_(chunk), AgreementItem.deleted.is_(False))
                    .order_by(AgreementItem.case_id, AgreementItem.seq)):
                out.setdefault(row.case_id, []).append(row)
        return out

    def visited(s: Session) -> set[str]:
        out: set[str] = set()
        for chunk in stats_tally.id_chunks(s, case_ids):
            out.update(s.execute(
                select(FollowUp.case_id).where(FollowUp.case_id.in_(chunk), FollowUp.deleted.is_(False))).scalars())
        return out

    if not case_ids:
        return {}, {}, {}, set()
    found = stats_tally.at_once(session, [names, effective, items, visited])
    return found[0], found[1], found[2], found[3]


def dashboard(ctx: Context, *, mine: bool = False, soon_days: int = 3, prefilter: bool = True) -> Dashboard:
    """Deadlines due within ``soon_days`` or overdue, for the office or for the actor's cases.

    ``prefilter=False`` reads every case of a watched state (the slow reference the tests
    compare with).
    """
    ctx.require("read")
    today = ctx.today
    horizon = today + timedelta(days=soon_days)
    found: list[DueItem] = []
    with ctx.db.read() as session:
        lengths = settings.deadline_settings(session)
        calendar = settings.calendar(session)
        query = (
            select(Case.id, Case.number, Case.state, Case.source, Case.received_on, Case.infringement_known_on,
                   Case.mediation_extended_until, Case.closed_on, Case.failed_on, Case.withdrawn_on,
                   Case.rejected_on, Case.accepted_on, Mediator.name.label("mediator"))
            .outerjoin(Mediator, Mediator.id == Case.mediator_id)
            .where(Case.deleted.is_(False),
                   candidates(lengths, horizon) if prefilter else Case.state.in_(tuple(_WATCHED)))
        )
        if mine:
            mediator_id = _mediator_id_of(session, ctx.actor.username)
            query = query.where(Case.mediator_id == mediator_id) if mediator_id else query.where(
                Case.created_by == ctx.actor.display_name)
        cases = session.execute(query).all()
        names, effective, items, visited = _details(session, [c.id for c in cases])
        for case in cases:
            case_items = items.get(case.id, [])
            dues = [i.due_on for i in case_items if i.due_on] if effective.get(case.id) else []  # a draft sets none
            dates = periods.CaseDates(  # as services.case_view.case_dates builds them, from plain columns
                received_on=case.received_on, infringement_known_on=case.infringement_known_on,
                mediation_extended_until=case.mediation_extended_until,
                agreement_effective_on=effective.get(case.id), last_item_due_on=max(dues, default=None),
                closed_on=case.closed_on, entrusted=case.source == periods.ENTRUSTED_SOURCE,
                mediation_ended_on=periods.mediation_ended_on(
                    failed_on=case.failed_on, rejected_on=case.rejected_on, withdrawn_on=case.withdrawn_on,
                    accepted_on=case.accepted_on))
            deadlines = periods.compute_deadlines(dates, lengths, calendar)
            people = names.get(case.id, [])
            who = people[0] + (_("等{n}人").format(n=len(people)) if len(people) > 1 else "") if people else ""

            def add(deadline: str, label: str, due: date, case: Any = case, who: str = who) -> None:
                status = periods.due_status(due, today, soon_days=soon_days)
                if status != "later" or deadline in periods.ALWAYS_LISTED:
                    found.append(DueItem(case.id, case.number, who, deadline, label, due, status, case.mediator))

            for name in _WATCHED[case.state]:
                if name == "performance":
                    for item in case_items:
                        if item.performed_on is None and item.due_on:
                            add("performance", _("第{n}项履行期限").format(n=item.seq), item.due_on)
                elif not periods.deadline_counts(name, case.state, followed_up=case.id in visited):
                    continue
                elif name in deadlines:
                    add(name, deadlines[name].label, deadlines[name].due)
                if name == "mediation" and case.mediation_extended_until is not None:
                    # LDTJ art. 14 ¶3: an agreed extension does not suspend the right to arbitration.
                    right_from = periods.arbitration_right_from(dates, lengths, calendar)
                    if right_from != deadlines[name].due:
                        add("arbitration_right", _("法定调解期限届满（可申请仲裁）"), right_from)
        month_start = today.replace(day=1)
        counts = dict(session.execute(
            select(CaseEvent.action, func.count())
            .where(CaseEvent.on_date >= month_start, CaseEvent.on_date <= today, CaseEvent.deleted.is_(False),
                   CaseEvent.action.in_(MONTH_ACTIONS))
            .group_by(CaseEvent.action)
        ).all())
        notices = setup_notices(session, ctx.actor.username, mine=mine)
    order = {"overdue": 0, "today": 1, "soon": 2, "later": 3}
    found.sort(key=lambda i: (order[i.status], i.due, i.number))
    return Dashboard(found, {action: counts.get(action, 0) for action in MONTH_ACTIONS}, notices)


__all__ = ["Dashboard", "DueItem", "candidates", "dashboard"]
