"""The 工作台's reads through SQLAlchemy: what is due today, within a few days and overdue; this month's counts.

Which deadlines are listed, and in what order, is :mod:`hexie_desktop.core.worklist`; this module reads
its rows.  Fast at any size: SQL reads only the cases that *may* have a deadline due by the horizon
(the state watches it and its triggering event is early enough, see
:func:`hexie_desktop.core.periods.shortest_days`), as plain rows, then
:func:`~hexie_desktop.core.periods.compute_deadlines` decides exactly.  The statements are built by
the ``*_query`` functions; ``services/dashboard_sql.py`` holds their SQLite text, compiled from them
(``scripts/gen_sql.py``), for the command line's quick read (``services.dashboard_quick``).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Date, Select, and_, bindparam, exists, false, func, or_, select, true
from sqlalchemy.orm import Session

from hexie_desktop.core import periods, worklist
from hexie_desktop.core.worklist import MONTH_ACTIONS, WATCHED, Dashboard, DueItem
from hexie_desktop.services import settings, stats_tally
from hexie_desktop.services.context import Context
from hexie_desktop.storage.models import Agreement, AgreementItem, Case, CaseEvent, FollowUp, Mediator, Party, User


def setup_notices(session: Session, username: str, *, mine: bool) -> tuple[str, ...]:
    """What the office must set up before cases can be handled (no mediator registered; user not linked)."""
    registered = session.execute(mediators_query()).scalar_one()
    linked = mine and session.execute(user_mediator_query(), {"username": username}).scalar_one_or_none() is not None
    return worklist.setup_notices(registered=registered, linked=linked, mine=mine)


def mediators_query() -> Select:
    """SQL: how many active mediators the register holds."""
    return select(func.count()).select_from(Mediator).where(Mediator.deleted.is_(False), Mediator.status == "active")


def user_mediator_query() -> Select:
    """SQL: the mediator record the login ``:username`` is linked to."""
    return select(User.mediator_id).where(User.username == bindparam("username"))


def _mediator_id_of(session, username: str) -> str | None:  # noqa: ANN001
    return session.execute(user_mediator_query(), {"username": username}).scalar_one_or_none()


def _live_items() -> ColumnElement[bool]:
    return and_(AgreementItem.case_id == Case.id, AgreementItem.deleted.is_(False))


def _day(name: str, value: date | None) -> Any:
    return bindparam(name, value, type_=Date)


def _may_be_due(name: str, found: dict[str, date] | None) -> ColumnElement[bool]:
    """SQL: the deadline ``name`` of a case may fall due by ``:horizon`` (a superset; Python decides)."""
    def day(key: str) -> Any:
        return _day(key, found[key] if found is not None else None)

    if name in periods.ALWAYS_LISTED:
        return true()
    if name == "acceptance":
        return Case.received_on <= day("acceptance_before")
    if name == "mediation":
        return or_(Case.received_on <= day("mediation_before"), Case.mediation_extended_until <= day("horizon"))
    if name == "performance":
        return exists().where(_live_items(), AgreementItem.performed_on.is_(None),
                              AgreementItem.due_on <= day("horizon"))
    if name == "follow_up":
        return and_(~exists().where(FollowUp.case_id == Case.id, FollowUp.deleted.is_(False)),
                    exists().where(_live_items(), AgreementItem.due_on <= day("follow_up_before")))
    if name == "archive":
        return Case.closed_on <= day("archive_before")
    return false()


def candidates(lengths: periods.DeadlineSettings | None, horizon: date | None) -> ColumnElement[bool]:
    """SQL condition on ``cases``: a watched deadline may be due by ``horizon``.

    Written per deadline (its condition once, with the states that watch it) rather than per state:
    the same cases, but each ``EXISTS`` appears once, so PostgreSQL hashes each joined table once.
    The days compared with are bound parameters named as :func:`worklist.bounds` names them (left
    unset with ``lengths`` None, for the compiled text of ``services.dashboard_sql``).
    """
    found = worklist.bounds(lengths, horizon) if lengths is not None and horizon is not None else None
    return and_(Case.state.in_(tuple(WATCHED)), or_(*(
        and_(Case.state.in_(tuple(states)), _may_be_due(name, found))
        for name, states in worklist.watching().items())))


def case_query(lengths: periods.DeadlineSettings | None = None, horizon: date | None = None, *,
               prefilter: bool = True) -> Select:
    """SQL: the cases whose watched deadlines may be due by ``horizon``, with :data:`worklist.CASE_COLUMNS`."""
    return (
        select(Case.id, Case.number, Case.state, Case.source, Case.received_on, Case.infringement_known_on,
               Case.mediation_extended_until, Case.closed_on, Case.failed_on, Case.withdrawn_on,
               Case.rejected_on, Case.accepted_on, Mediator.name.label("mediator"))
        .outerjoin(Mediator, Mediator.id == Case.mediator_id)
        .where(Case.deleted.is_(False), candidates(lengths, horizon) if prefilter else Case.state.in_(tuple(WATCHED)))
    )


def _ids() -> Any:
    return bindparam("ids", expanding=True)


def names_query() -> Select:
    """SQL: the parties' names of the cases ``:ids``, in party order."""
    return (select(Party.case_id, Party.name).where(Party.case_id.in_(_ids()), Party.deleted.is_(False))
            .order_by(Party.case_id, Party.position))


def effective_query() -> Select:
    """SQL: the agreement's effective day of the cases ``:ids``."""
    return select(Agreement.case_id, Agreement.effective_on).where(Agreement.case_id.in_(_ids()))


def items_query() -> Select:
    """SQL: the live agreement items of the cases ``:ids`` (:data:`worklist.ITEM_COLUMNS`), in ``seq`` order."""
    return (select(AgreementItem.case_id, AgreementItem.seq, AgreementItem.due_on, AgreementItem.performed_on)
            .where(AgreementItem.case_id.in_(_ids()), AgreementItem.deleted.is_(False))
            .order_by(AgreementItem.case_id, AgreementItem.seq))


def visited_query() -> Select:
    """SQL: which of the cases ``:ids`` have a live follow-up."""
    return select(FollowUp.case_id).where(FollowUp.case_id.in_(_ids()), FollowUp.deleted.is_(False))


def month_query() -> Select:
    """SQL: this month's count per shown action, from ``:month_start`` to ``:today``."""
    return (select(CaseEvent.action, func.count())
            .where(CaseEvent.on_date >= _day("month_start", None), CaseEvent.on_date <= _day("today", None),
                   CaseEvent.deleted.is_(False), CaseEvent.action.in_(MONTH_ACTIONS))
            .group_by(CaseEvent.action))


def _details(session: Session, case_ids: list[str]) -> tuple[dict, dict, dict, set]:
    """Applicant names, agreement dates, items and follow-up presence of ``case_ids``.

    Four independent reads (at the same time on PostgreSQL, :func:`stats_tally.at_once`).
    """
    def names(s: Session) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for chunk in stats_tally.id_chunks(s, case_ids):
            for case_id, name in s.execute(names_query(), {"ids": chunk}):
                out.setdefault(case_id, []).append(name)
        return out

    def effective(s: Session) -> dict[str, date | None]:
        out: dict[str, date | None] = {}
        for chunk in stats_tally.id_chunks(s, case_ids):
            out.update(s.execute(effective_query(), {"ids": chunk}).all())
        return out

    def items(s: Session) -> dict[str, list[Any]]:
        out: dict[str, list[Any]] = {}
        for chunk in stats_tally.id_chunks(s, case_ids):
            for row in s.execute(items_query(), {"ids": chunk}):
                out.setdefault(row.case_id, []).append(row)
        return out

    def visited(s: Session) -> set[str]:
        out: set[str] = set()
        for chunk in stats_tally.id_chunks(s, case_ids):
            out.update(s.execute(visited_query(), {"ids": chunk}).scalars())
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
    with ctx.db.read() as session:
        lengths = settings.deadline_settings(session)
        calendar = settings.calendar(session)
        query = case_query(lengths, horizon, prefilter=prefilter)
        if mine:
            mediator_id = _mediator_id_of(session, ctx.actor.username)
            query = query.where(Case.mediator_id == mediator_id) if mediator_id else query.where(
                Case.created_by == ctx.actor.display_name)
        cases = session.execute(query).all()
        names, effective, items, visited = _details(session, [c.id for c in cases])
        found = worklist.due_items(cases, names=names, effective=effective, items=items, visited=visited,
                                   lengths=lengths, calendar=calendar, today=today, soon_days=soon_days)
        counts = dict(session.execute(month_query(), {"month_start": today.replace(day=1), "today": today}).all())
        notices = setup_notices(session, ctx.actor.username, mine=mine)
    return Dashboard(found, worklist.month_counts(counts), notices)


__all__ = ["Dashboard", "DueItem", "candidates", "case_query", "dashboard"]
