"""The statistics of a window of days counted by the database (the fast path of ``reports.statistics``).

:func:`count_tally` asks the database for the figures :func:`hexie_desktop.services.reports.load_facts`
would let :mod:`hexie_desktop.core.stats` count from one fact per case: every event counted by
``GROUP BY`` on its (indexed) date, the stocks as counts, and overdue duties computed in Python
only for the few cases that can have one.  The cases are the same (``_window``), and each
figure follows the definition in ``core.stats._flows`` / ``compute`` (docs/REPORTS.md);
tests/e2e/test_stats_tally.py holds the two to the same numbers on generated stations.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from typing import Any, NamedTuple

from sqlalchemy import Date, String, and_, case, func, literal, literal_column, or_, select, tuple_, type_coerce
from sqlalchemy.orm import Session
from sqlalchemy.sql import operators
from sqlalchemy.sql.elements import ColumnElement, UnaryExpression

from hexie_desktop.core import periods, stats
from hexie_desktop.services import settings
from hexie_desktop.storage.models import Agreement, AgreementItem, Case, Claim, FollowUp, PerformanceRecord

CHUNK = 500
"""Ids per ``IN (…)`` on SQLite (its bound-parameter limit); PostgreSQL takes them all at once."""
# Grouping by the bare column would let SQLite walk ix_cases_origin (sorted, but every wide row read); grouped
# by this expression it reads the covering indexes of migration 0014 (origin is never NULL: the same groups).
ORIGIN = func.coalesce(Case.origin, literal_column("''"))


def id_chunks(session: Session, ids: Sequence[str]) -> Iterator[Sequence[str]]:
    """``ids`` in slices for ``IN (…)``: :data:`CHUNK` at a time on SQLite, one slice elsewhere.

    On a district's PostgreSQL each query is a round trip to the server, which on a busy machine
    costs more than the query itself.
    """
    size = CHUNK if session.get_bind().dialect.name == "sqlite" else max(len(ids), 1)
    for at in range(0, len(ids), size):
        yield ids[at:at + size]


def _live(model):  # noqa: ANN001, ANN202
    return model.deleted.is_(False)


def _window(start: date, end: date, *, driven: Session | None = None) -> ColumnElement[bool]:
    """The cases a report of ``start``–``end`` reads (the same as ``reports.load_facts``).

    ``driven``: the query is driven by a joined table's own date (e.g. agreements by their
    effective day); on SQLite the case's received day is then kept out of the index choice, else
    the planner walks every case of the window and looks up its rows (same rows, slower).
    """
    received: Any = Case.received_on
    if driven is not None and driven.get_bind().dialect.name == "sqlite":
        received = UnaryExpression(Case.received_on.expression, operator=operators.custom_op("+"), type_=Date)
    return and_(_live(Case), received <= end, or_(Case.archived_on.is_(None), Case.archived_on >= start))


def _open_at(column: Any, day: date) -> ColumnElement[bool]:
    """Not happened by the end of ``day``."""
    return or_(column.is_(None), column > day)


def _days(session: Session, later: Any, earlier: Any) -> Any:
    """Calendar days from ``earlier`` to ``later`` as SQL (SQLite keeps dates as text)."""
    if session.get_bind().dialect.name == "sqlite":
        return func.julianday(later) - func.julianday(earlier)
    return later - earlier


def _flag(column: Any) -> Any:
    return func.sum(case((column.is_(True), 1), else_=0))


Day = Callable[[Any], Any]
"""SQL of the day an event is summed under (its stretch between two cuts), and what to group by."""


def stretches(cuts: Sequence[date]) -> tuple[Day, Any]:
    """SQL of the first day of the stretch between two ``cuts`` that a date column falls in, and its group key.

    A date before the first cut must be filtered out by the query; one after the last cut falls
    in the last (open) stretch, outside every period.
    """
    def day(column: Any) -> Any:
        whens = [(column < cuts[i + 1], literal(cuts[i], Date)) for i in range(len(cuts) - 1)]
        return (case(*whens, else_=literal(cuts[-1], Date)) if whens else literal(cuts[0], Date)).label("stretch")

    return day, literal_column("stretch")


def _flows(session: Session, start: date, end: date, cuts: Sequence[date]) -> list[tuple[str, date, str, int]]:
    """(origin, first day of a stretch, figure key, amount) of every event figure, summed by the database."""
    window = _window(start, end)
    day, by_day = stretches(cuts)
    first = cuts[0]
    out: list[tuple[str, date, str, int]] = []
    put = out.append
    received = and_(window, Case.received_on >= first)
    # One scan of the received cases for every figure of their receipt, summed here per (origin, stretch, key).
    sums: dict[tuple[str, date, str], int] = {}

    def add(o: str, d: date, key: str, n: int) -> None:
        sums[(o, d, key)] = sums.get((o, d, key), 0) + n

    dims = (Case.source, Case.collective, Case.main_category, Case.employer_type, Case.industry)
    counted = (func.count(), func.sum(func.coalesce(Case.workers, 0)))
    if session.get_bind().dialect.name == "sqlite":
        # Every combination (a few thousand rows for a township); SQLite has no GROUPING SETS.
        rows = session.execute(select(ORIGIN, day(Case.received_on), *dims, literal(0), *counted)
                               .where(received).group_by(ORIGIN, by_day, *dims))
    else:
        # A district has many origins: each set of figures grouped on its own, still in one scan.
        rows = session.execute(
            select(ORIGIN, day(Case.received_on), *dims, func.grouping(*dims), *counted).where(received)
            .group_by(ORIGIN, by_day, func.grouping_sets(tuple_(Case.source, Case.collective),
                                                         tuple_(Case.main_category), tuple_(Case.employer_type),
                                                         tuple_(Case.industry))))
    # GROUPING(...) has a bit set for each of dims left out of the row's set (0: every dim grouped).
    for o, d, source, collective, category, employer_type, industry, left_out, n, workers in rows:
        workers = int(workers or 0)
        if left_out in (0, 0b00111):
            add(o, d, "received", n)
            add(o, d, "received.source." + source, n)
            add(o, d, "workers", workers)
            if collective:
                add(o, d, "collective", n)
                add(o, d, "collective_workers", workers)
        if left_out in (0, 0b11011):
            add(o, d, "category." + (category or ""), n)
        if left_out in (0, 0b11101):
            add(o, d, "employer_type." + (employer_type or stats.UNKNOWN), n)
        if left_out in (0, 0b11110):
            add(o, d, "industry." + (industry or stats.UNKNOWN), n)
    out += [(o, d, key, n) for (o, d, key), n in sums.items()]
    for o, d, n in session.execute(
            select(ORIGIN, day(Case.rejected_on), func.count())
            .where(window, Case.rejected_on >= first).group_by(ORIGIN, by_day)):
        put((o, d, "rejected", n))
    for o, d, reason, n, days in session.execute(
            select(ORIGIN, day(Case.closed_on), Case.closing_reason, func.count(),
                   func.sum(_days(session, Case.closed_on, Case.received_on)))
            .where(window, Case.closed_on >= first).group_by(ORIGIN, by_day, Case.closing_reason)):
        put((o, d, "closed", n))
        put((o, d, "closed." + stats.outcome(reason), n))
        put((o, d, "closing_days", round(days or 0)))
    agreed = and_(Agreement.case_id == Case.id, _live(Agreement))
    for o, d, n, review, confirmation in session.execute(
            select(ORIGIN, day(Agreement.effective_on), func.count(), _flag(Agreement.arbitration_review),
                   _flag(Agreement.judicial_confirmation))
            .join(Agreement, agreed).where(_window(start, end, driven=session), Agreement.effective_on >= first)
            .group_by(ORIGIN, by_day)):
        put((o, d, "agreements", n))
        put((o, d, "arbitration_review", int(review or 0)))
        put((o, d, "judicial_confirmation", int(confirmation or 0)))
    for o, d, n in session.execute(
            select(ORIGIN, day(Case.defaulted_on), func.count()).join(Agreement, agreed)
            .where(window, Agreement.payment_order.is_(True), Case.defaulted_on >= first)
            .group_by(ORIGIN, by_day)):
        put((o, d, "payment_order", n))
    return out


def amount_facts(session: Session, start: date, end: date,
                 grouping: tuple[Day, Any] | None = None) -> list[stats.AmountFact]:
    """Claimed, agreed and paid money of the days ``start``–``end`` per origin, category and day (SQL sums).

    ``grouping`` (:func:`stretches`) sums over stretches of days instead, each under its first day.
    """
    def plain(column: Any) -> Any:
        return column

    day, by_day = grouping or (plain, None)

    def group(column: Any) -> Any:
        return column if grouping is None else by_day
    amounts: list[stats.AmountFact] = []
    claimed = session.execute(
        select(ORIGIN, Claim.category, day(Case.received_on), func.sum(Claim.amount_cents))
        .join(Case, Case.id == Claim.case_id)
        .where(_live(Claim), _live(Case), Case.received_on >= start, Case.received_on <= end)
        .group_by(ORIGIN, Claim.category, group(Case.received_on)))
    amounts += [stats.AmountFact(o, "claimed", c, d, int(s or 0)) for o, c, d, s in claimed]
    item_category = func.coalesce(AgreementItem.category, Case.main_category)
    agreed = session.execute(
        select(ORIGIN, item_category, day(Agreement.effective_on), func.sum(AgreementItem.amount_cents))
        .join(Agreement, Agreement.id == AgreementItem.agreement_id).join(Case, Case.id == AgreementItem.case_id)
        .where(_live(AgreementItem), _live(Agreement), _live(Case), Agreement.effective_on >= start,
               Agreement.effective_on <= end)
        .group_by(ORIGIN, item_category, group(Agreement.effective_on)))
    amounts += [stats.AmountFact(o, "agreed", c, d, int(s or 0)) for o, c, d, s in agreed]
    paid = session.execute(
        select(ORIGIN, item_category, day(PerformanceRecord.performed_on),
               func.sum(PerformanceRecord.amount_cents))
        .join(AgreementItem, AgreementItem.id == PerformanceRecord.item_id)
        .join(Case, Case.id == PerformanceRecord.case_id)
        .where(_live(PerformanceRecord), _live(Case), PerformanceRecord.performed_on >= start,
               PerformanceRecord.performed_on <= end)
        .group_by(ORIGIN, item_category, group(PerformanceRecord.performed_on)))
    amounts += [stats.AmountFact(o, "paid", c, d, int(s or 0)) for o, c, d, s in paid]
    return amounts


def _money_and_visits(session: Session, start: date, end: date,
                      cuts: Sequence[date]) -> list[tuple[str, date, str, int]]:
    """Amounts (the same queries as ``load_facts``) and 回访 counts per origin and stretch."""
    grouping = stretches(cuts)
    day, by_day = grouping
    out: list[tuple[str, date, str, int]] = []
    for a in amount_facts(session, max(start, cuts[0]), end, grouping):
        out.append((a.origin, a.on, a.kind + "_cents", a.cents))
        out.append((a.origin, a.on, f"{a.kind}_cents.{a.category}", a.cents))
    for o, d, n in session.execute(
            select(ORIGIN, day(FollowUp.visited_on), func.count()).join(Case, Case.id == FollowUp.case_id)
            .where(_live(FollowUp), _live(Case), FollowUp.visited_on >= max(start, cuts[0]),
                   FollowUp.visited_on <= end)
            .group_by(ORIGIN, by_day)):
        out.append((o, d, "follow_ups", n))
    return out


def _stocks(session: Session, start: date, end: date, days: Iterable[date]) -> tuple[dict, list[str]]:
    """Cases open at the end of each of ``days`` per origin, and every origin with a case in the window."""
    days = sorted(days)
    counts = [func.sum(case((and_(Case.received_on <= d, _open_at(Case.closed_on, d)), 1), else_=0))
              for d in days]
    open_after: dict[tuple[str, date], int] = {}
    origins = []
    for origin, *numbers in session.execute(
            select(ORIGIN, *counts).where(_window(start, end)).group_by(ORIGIN)):
        origins.append(origin)
        for d, n in zip(days, numbers, strict=True):
            if n:
                open_after[(origin, d)] = int(n)
    return open_after, origins


class Candidate(NamedTuple):
    """A case that can be late on acceptance, mediation or 回访 (the columns ``_overdue`` reads)."""

    id: str
    origin: str
    received_on: date
    source: str
    mediation_extended_until: date | None
    accepted_on: date | None
    rejected_on: date | None
    withdrawn_on: date | None
    failed_on: date | None
    closed_on: date | None
    effective_on: date | None


def _dates(session: Session, *columns: Any) -> list[Any]:
    """``columns`` as the database keeps them: on SQLite the ISO text (SQLAlchemy's Date parses with a regex)."""
    if session.get_bind().dialect.name != "sqlite":
        return list(columns)
    return [type_coerce(c, String).label(c.key) for c in columns]


def _plain_dates(session: Session) -> Callable[[Any], date | None]:
    """Turns what :func:`_dates` read into dates (each distinct text parsed once; the same dates as ``Date``)."""
    if session.get_bind().dialect.name != "sqlite":
        return lambda value: value
    seen: dict[str, date] = {}

    def plain(value: str | None) -> date | None:
        if value is None:
            return None
        day = seen.get(value)
        if day is None:
            day = seen[value] = date.fromisoformat(value)
        return day

    return plain


def _first(*days: date | None) -> date | None:
    present = [d for d in days if d is not None]
    return min(present) if present else None


def _overdue(session: Session, start: date, end: date, as_of: date) -> Counter:
    """(origin, duty kind) → duties overdue at ``as_of`` of the cases still in the office's hands.

    The duties are those of ``reports._deadline_facts`` and "overdue" is ``core.stats.compute``'s
    test; the database only narrows which cases are looked at, by ``periods.shortest_days``.
    """
    lengths, calendar = settings.deadline_settings(session), settings.calendar(session)
    floor = {name: as_of - timedelta(days=days) for name, days in periods.shortest_days(lengths).items()}
    in_hands = and_(_window(start, end), Case.received_on <= as_of, _open_at(Case.archived_on, as_of))
    out: Counter = Counter()

    def overdue(starts_on: date, due: date, met: date | None) -> bool:
        return starts_on <= as_of and due < as_of and (met is None or met > as_of)

    # Agreement items (协议履行): counted by the database, the rule is plain dates.
    for origin, n in session.execute(
            select(ORIGIN, func.count()).select_from(AgreementItem)
            .join(Case, Case.id == AgreementItem.case_id)
            .join(Agreement, and_(Agreement.case_id == Case.id, _live(Agreement)))
            .where(_live(AgreementItem), in_hands, Agreement.effective_on <= as_of, AgreementItem.due_on < as_of,
                   _open_at(AgreementItem.performed_on, as_of), _open_at(Case.defaulted_on, as_of),
                   _open_at(Case.closed_on, as_of))
            .group_by(ORIGIN)):
        out[(origin, "performance")] += n
    # Archiving: its period runs from the closing day alone, so it is computed once per day.
    due_of: dict[date, date] = {}
    for origin, closed_on, n in session.execute(
            select(ORIGIN, Case.closed_on, func.count())
            .where(in_hands, Case.closed_on < floor["archive"]).group_by(ORIGIN, Case.closed_on)):
        if closed_on not in due_of:
            due_of[closed_on] = periods.compute_deadlines(
                periods.CaseDates(received_on=closed_on, closed_on=closed_on), lengths, calendar)["archive"].due
        if overdue(closed_on, due_of[closed_on], None):
            out[(origin, "archive")] += n
    # Acceptance, mediation and 回访: per case, for the cases that can be late on one of them.
    plain = _plain_dates(session)
    rows = [Candidate._make(plain(v) if i >= 2 and i != 3 else v for i, v in enumerate(r)) for r in session.execute(
        select(Case.id, Case.origin, *_dates(session, Case.received_on), Case.source,
               *_dates(session, Case.mediation_extended_until, Case.accepted_on, Case.rejected_on, Case.withdrawn_on,
                       Case.failed_on, Case.closed_on, Agreement.effective_on))
        .outerjoin(Agreement, and_(Agreement.case_id == Case.id, _live(Agreement)))
        .where(in_hands, or_(
            and_(_open_at(Case.accepted_on, as_of), _open_at(Case.rejected_on, as_of),
                 _open_at(Case.withdrawn_on, as_of), Case.received_on < floor["acceptance"]),
            and_(_open_at(Agreement.effective_on, as_of), _open_at(Case.failed_on, as_of),
                 _open_at(Case.withdrawn_on, as_of), _open_at(Case.rejected_on, as_of),
                 _open_at(Case.closed_on, as_of),
                 or_(Case.received_on < floor["mediation"], Case.mediation_extended_until < as_of)),
            and_(Agreement.effective_on.is_not(None), _open_at(Case.closed_on, as_of)))))]
    dues: dict[str, list[date]] = {}
    visits: dict[str, date] = {}
    ids_ = [r.id for r in rows]
    for chunk in id_chunks(session, ids_):
        for case_id, due in session.execute(
                select(AgreementItem.case_id, AgreementItem.due_on)
                .where(_live(AgreementItem), AgreementItem.case_id.in_(chunk), AgreementItem.due_on.is_not(None))):
            dues.setdefault(case_id, []).append(due)
        for case_id, first in session.execute(
                select(FollowUp.case_id, func.min(FollowUp.visited_on))
                .where(_live(FollowUp), FollowUp.case_id.in_(chunk)).group_by(FollowUp.case_id)):
            visits[case_id] = first
    # The periods depend on these dates alone (periods.compute_deadlines): computed once per distinct value.
    by_receipt: dict[tuple, dict[str, periods.Deadline]] = {}
    by_last_due: dict[date, date] = {}
    for r in rows:
        key = (r.received_on, r.source == periods.ENTRUSTED_SOURCE, r.mediation_extended_until)
        deadlines = by_receipt.get(key)
        if deadlines is None:
            deadlines = by_receipt[key] = periods.compute_deadlines(periods.CaseDates(
                received_on=r.received_on, mediation_extended_until=r.mediation_extended_until,
                entrusted=key[1]), lengths, calendar)
        if overdue(r.received_on, deadlines["acceptance"].due, _first(r.accepted_on, r.rejected_on, r.withdrawn_on)):
            out[(r.origin, "acceptance")] += 1
        if overdue(r.received_on, deadlines["mediation"].due,
                   _first(r.effective_on, r.failed_on, r.withdrawn_on, r.rejected_on, r.closed_on)):
            out[(r.origin, "mediation")] += 1
        if r.effective_on is not None and r.id in dues:
            last_due = max(dues[r.id])
            if last_due not in by_last_due:
                by_last_due[last_due] = periods.compute_deadlines(periods.CaseDates(
                    received_on=last_due, last_item_due_on=last_due), lengths, calendar)["follow_up"].due
            if overdue(r.effective_on, by_last_due[last_due], _first(visits.get(r.id), r.closed_on)):
                out[(r.origin, "follow_up")] += 1
    return out


def at_once(session: Session, jobs: Sequence[Callable[[Session], Any]]) -> list[Any]:
    """The results of ``jobs``, each given a session: in turn on SQLite, at the same time on PostgreSQL.

    SQLite reads every job in ``session``'s one snapshot.  On PostgreSQL each statement already sees
    its own snapshot (READ COMMITTED, as in every read there), so the jobs lose nothing by running
    on their own pooled connections at once, and the server works on them in parallel.
    """
    bind = session.get_bind()
    if bind.dialect.name == "sqlite" or len(jobs) < 2:
        return [job(session) for job in jobs]
    engine = getattr(bind, "engine", bind)

    def run(job: Callable[[Session], Any]) -> Any:
        with Session(engine) as own:
            try:
                return job(own)
            finally:
                own.rollback()

    with ThreadPoolExecutor(max_workers=len(jobs), thread_name_prefix="tally") as pool:
        return list(pool.map(run, jobs))


def count_tally(session: Session, start: date, end: date, as_of: date, periods_: Sequence[stats.Period]) -> stats.Tally:
    """The figures of the cases ``load_facts(session, start, end, as_of)`` would read, counted by the database.

    The tally answers for ``periods_`` (and any period cut at the same days, :func:`stats.cuts_of`):
    the report's period, its year to date and the trend's months.
    """
    cuts = stats.cuts_of(*periods_)
    # No larger page cache here: it measured no faster, and its pages would stay in the process's memory.
    events, money, (open_after, origins), overdue = at_once(session, [
        lambda s: _flows(s, start, end, cuts),
        lambda s: _money_and_visits(s, start, end, cuts),
        lambda s: _stocks(s, start, end, {cut - timedelta(days=1) for cut in cuts}),
        lambda s: _overdue(s, start, end, as_of)])
    flows = events + money
    found = set(origins) | {o for o, _d, _k, _n in flows}
    return stats.Tally(as_of, cuts, tuple(flows), open_after, {k: v for k, v in overdue.items() if v},
                       tuple(sorted(found)))
