"""The statistics counted by the database equal the full computation over one fact per case.

``reports.statistics`` counts with SQL (services/stats_tally.py); ``load_facts`` + ``core.stats``
count the same definitions (docs/REPORTS.md) case by case in Python.  On a generated station of
two townships — with odd rows added on purpose (deleted cases and agreements, a blank employer
type, cases never accepted, an extended mediation period, a payment order, unpaid items, closed
cases never archived) — both must give the same figures for every period kind, report date and
origin, and the trend and year to date too.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, update

from hexie_desktop.core import stats
from hexie_desktop.services import reports
from hexie_desktop.services.demo import generate
from hexie_desktop.services.station import init_station
from hexie_desktop.services.users import actor_for
from hexie_desktop.storage.models import Agreement, AgreementItem, Case

OTHER_TOWN = "110105002"
TODAY = date(2026, 11, 21)


@pytest.fixture(scope="module")
def station(tmp_path_factory: pytest.TempPathFactory):
    """A station of 500 demo cases over three years, a third of them moved to another township, plus odd rows."""
    root: Path = tmp_path_factory.mktemp("tally")
    station = init_station(data_dir=root / "station", db_url=None, role="township", unit_code="110105001",
                           unit_name="东坝镇劳动人事争议调解中心", short_name="东坝", admin="admin",
                           password="secret123")
    ctx = station.context(actor_for(station.db, "admin"), today_fn=lambda: TODAY)
    generate(ctx, cases=500, seed=7)
    with station.db.transaction() as session:
        ids = list(session.execute(select(Case.id).order_by(Case.year, Case.seq)).scalars())
        session.execute(update(Case).where(Case.id.in_(ids[::3])).values(origin=OTHER_TOWN))
        session.execute(update(Case).where(Case.id.in_(ids[1::17])).values(deleted=True))
        session.execute(update(Case).where(Case.id.in_(ids[2::13])).values(employer_type=""))
        session.execute(update(Case).where(Case.id.in_(ids[4::11])).values(employer_type=None, industry=None))
        open_ids = list(session.execute(select(Case.id).where(Case.closed_on.is_(None))
                                        .order_by(Case.year, Case.seq)).scalars())
        for i, case_id in enumerate(open_ids):
            received = session.execute(select(Case.received_on).where(Case.id == case_id)).scalar_one()
            if i % 3 == 2:  # received two months earlier: its acceptance and mediation can be overdue
                session.execute(update(Case).where(Case.id == case_id).values(received_on=received - timedelta(60)))
            elif i % 5 == 0:
                session.execute(update(Case).where(Case.id == case_id)
                                .values(mediation_extended_until=received + timedelta(days=40)))
        session.execute(update(Case).where(Case.id.in_(open_ids[1::4])).values(accepted_on=None))
        agreed = list(session.execute(select(Agreement.case_id).join(Case, Case.id == Agreement.case_id)
                                      .order_by(Case.year, Case.seq)).scalars())
        session.execute(update(Agreement).where(Agreement.case_id.in_(agreed[::4])).values(payment_order=True))
        session.execute(update(Case).where(Case.id.in_(agreed[::4]), Case.closed_on.is_not(None))
                        .values(defaulted_on=Case.closed_on))
        session.execute(update(Agreement).where(Agreement.case_id.in_(agreed[5::23])).values(deleted=True))
        closed = list(session.execute(select(Case.id).where(Case.closed_on.is_not(None))
                              .order_by(Case.year, Case.seq)).scalars())
        session.execute(update(Case).where(Case.id.in_(closed[::7])).values(archived_on=None))
        unpaid = [c for c in agreed if c in set(open_ids)][::2]
        session.execute(update(AgreementItem).where(AgreementItem.case_id.in_(unpaid))
                        .values(performed_on=None, due_on=date(2026, 9, 1)))
    yield station
    station.db.dispose()


def full_computation(ctx, period: stats.Period) -> reports.StatisticsResult:
    """What ``reports.statistics`` computed before the database counted: every fact read, counted in Python."""
    as_of = min(period.end, ctx.today)
    months = stats.trailing_months(period.end)
    ytd = stats.custom(date(period.end.year, 1, 1), period.end) if period.kind in ("month", "quarter") else None
    window_start = min([period.start, *(m.start for m in months), *([ytd.start] if ytd else [])])
    with ctx.db.read() as session:
        facts = reports.load_facts(session, window_start, period.end, as_of)
        meta = reports.station_meta(session, ctx)
    parts = stats.by_origin(facts, period, as_of) or {meta.unit_code: stats.Figures()}
    return reports.StatisticsResult(
        period, as_of, "agreed_failed", meta, {}, parts, stats.total(parts.values()),
        stats.compute(facts, ytd, as_of) if ytd else None, list(zip(months, stats.series(facts, months), strict=True)))


def assert_same(station, today: date, period: stats.Period) -> None:
    ctx = station.context(actor_for(station.db, "admin"), today_fn=lambda: today)
    fast, full = reports.statistics(ctx, period), full_computation(ctx, period)
    assert fast.by_origin == full.by_origin, (today, period)
    assert fast.total == full.total
    assert fast.year_to_date == full.year_to_date
    assert fast.trend == full.trend


def test_the_generated_station_exercises_every_figure(station):
    """Without overdue duties, several origins and every kind of event the comparison would prove little."""
    ctx = station.context(actor_for(station.db, "admin"), today_fn=lambda: TODAY)
    result = reports.statistics(ctx, stats.year(2026))
    assert set(result.by_origin) == {"110105001", OTHER_TOWN}
    for key in ("carried_over", "received", "rejected", "closed", "closed.agreed", "closed.failed", "open_end",
                "agreements", "workers", "collective", "overdue", "overdue.acceptance", "overdue.mediation",
                "overdue.performance", "overdue.archive", "payment_order", "follow_ups", "claimed_cents",
                "agreed_cents", "paid_cents", "employer_type.unknown", "closing_days"):
        assert result.total[key] > 0, (key, dict(result.total.values))


@pytest.mark.parametrize("today", [TODAY, date(2026, 3, 15), date(2025, 7, 1), date(2024, 12, 31)])
@pytest.mark.parametrize("period", [
    stats.year(2026), stats.year(2025), stats.year(2024), stats.month(2026, 10), stats.month(2026, 1),
    stats.quarter(2026, 4), stats.quarter(2025, 2), stats.custom(date(2025, 5, 17), date(2026, 2, 3)),
    stats.month(2027, 1),
], ids=lambda p: p.code if isinstance(p, stats.Period) else None)
def test_fast_path_equals_full_computation(station, today, period):
    assert_same(station, today, period)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(start=st.dates(date(2023, 6, 1), date(2027, 1, 31)), length=st.integers(0, 500),
       today=st.dates(date(2024, 1, 1), date(2027, 3, 1)))
def test_any_range_and_report_date_agree(station, start, length, today):
    assert_same(station, today, stats.custom(start, start + timedelta(days=length)))


def test_ids_sent_in_slices_count_the_same(station, monkeypatch):
    """The overdue duties of cases looked up a few ids at a time (as SQLite's parameter limit needs at scale)."""
    from hexie_desktop.services import stats_tally

    ctx = station.context(actor_for(station.db, "admin"), today_fn=lambda: TODAY)
    whole = reports.statistics(ctx, stats.year(2026))
    slices: list[int] = []
    real = stats_tally.id_chunks

    def counted(session, ids):
        for chunk in real(session, ids):
            slices.append(len(chunk))
            yield chunk

    monkeypatch.setattr(stats_tally, "CHUNK", 3)
    monkeypatch.setattr(stats_tally, "id_chunks", counted)
    sliced = reports.statistics(ctx, stats.year(2026))
    assert len(slices) > 3 and max(slices) == 3
    assert sliced.total == whole.total and sliced.total["overdue"] > 0
    assert sliced.by_origin == whole.by_origin


def test_a_tally_refuses_a_period_it_was_not_counted_for(station):
    """A tally is cut at its periods' edges and counts duties at one moment: asking for more is a programming error."""
    ctx = station.context(actor_for(station.db, "admin"), today_fn=lambda: TODAY)
    from hexie_desktop.services import stats_tally

    october, year = stats.month(2026, 10), stats.year(2026)
    before = stats.custom(year.start, date(2026, 9, 30))
    with ctx.db.read() as session:
        tally = stats_tally.count_tally(session, year.start, october.end, october.end, [october, year, before])
    assert stats.tally_compute(tally, october)["received"] > 0
    assert stats.tally_series(tally, [october])[0]["received"] == stats.tally_compute(tally, october)["received"]
    with pytest.raises(ValueError, match="not cut"):
        stats.tally_compute(tally, stats.custom(date(2026, 10, 15), date(2026, 10, 31)))
    with pytest.raises(ValueError, match="not cut"):
        stats.tally_series(tally, [stats.month(2026, 9)])
    assert stats.tally_series(tally, [before])  # flows only: no moment needed
    with pytest.raises(ValueError, match="cannot answer"):  # its duties were counted at 31 October, not 30 September
        stats.tally_compute(tally, before)


@pytest.fixture(scope="module")
def pg_station(tmp_path_factory: pytest.TempPathFactory):
    """The same kind of station on a real PostgreSQL server (started on loopback), as a district keeps it."""
    from tests.e2e import postgres

    if postgres.binaries() is None:
        pytest.skip("SKIPPED LOUDLY: PostgreSQL binaries (initdb, pg_ctl) are not installed")
    pytest.importorskip("psycopg")
    server = postgres.PostgresServer.start()
    monkey = pytest.MonkeyPatch()
    monkey.setenv("HEXIE_DATA_DIR", str(tmp_path_factory.mktemp("pg-local")))
    try:
        station = init_station(data_dir=None, db_url=server.create_database("tally"), role="township",
                               unit_code="110105001", unit_name="东坝镇劳动人事争议调解中心", short_name="东坝",
                               admin="admin", password="secret123")
        ctx = station.context(actor_for(station.db, "admin"), today_fn=lambda: TODAY)
        generate(ctx, cases=200, seed=11)
        with station.db.transaction() as session:
            ids = list(session.execute(select(Case.id).order_by(Case.year, Case.seq)).scalars())
            session.execute(update(Case).where(Case.id.in_(ids[::3])).values(origin=OTHER_TOWN))
        yield station
        station.db.dispose()
    finally:
        monkey.undo()
        server.stop()


@pytest.mark.postgres
@pytest.mark.parametrize("period", [stats.year(2026), stats.month(2026, 10), stats.quarter(2025, 3),
                                    stats.custom(date(2025, 5, 17), date(2026, 2, 3))],
                         ids=lambda p: p.code)
def test_fast_path_equals_full_computation_on_postgresql(pg_station, period):
    """The SQL differs by dialect (days between two dates): PostgreSQL must count the same."""
    assert pg_station.db.engine.dialect.name == "postgresql"
    assert_same(pg_station, TODAY, period)


@pytest.mark.postgres
def test_reads_at_once_on_postgresql_equal_reads_in_turn(pg_station, monkeypatch):
    """The statistics and the dashboard read on several connections at once there: the same as one after another."""
    from hexie_desktop.services import dashboard, stats_tally

    calls: list[int] = []
    real = stats_tally.at_once

    def watched(session, jobs):
        calls.append(len(jobs))
        return real(session, jobs)

    monkeypatch.setattr(stats_tally, "at_once", watched)
    results = []
    for day in (TODAY, date(2026, 3, 15)):
        ctx = pg_station.context(actor_for(pg_station.db, "admin"), today_fn=lambda day=day: day)
        results.append((reports.statistics(ctx, stats.year(day.year)), dashboard.dashboard(ctx, soon_days=30)))
    assert calls[:3] == [4, 4, 4]  # statistics and dashboard; the second dashboard may have no candidate
    monkeypatch.setattr(stats_tally, "at_once", lambda session, jobs: [job(session) for job in jobs])
    for day, (stats_then, board_then) in zip((TODAY, date(2026, 3, 15)), results, strict=True):
        ctx = pg_station.context(actor_for(pg_station.db, "admin"), today_fn=lambda day=day: day)
        in_turn = reports.statistics(ctx, stats.year(day.year))
        assert (in_turn.by_origin, in_turn.total, in_turn.trend) == (
            stats_then.by_origin, stats_then.total, stats_then.trend)
        assert dashboard.dashboard(ctx, soon_days=30) == board_then
        assert dashboard.dashboard(ctx, soon_days=30, prefilter=False) == board_then
    assert results[0][1].items and results[0][0].total["received"] > 0
