"""Demo data and the dashboard on a generated station."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select, text

from hexie_desktop.core import ids
from hexie_desktop.services import cases, dashboard
from hexie_desktop.services.demo import generate
from hexie_desktop.storage.models import Case, Party


def test_demo_is_consistent_and_valid(station, ctx):
    report = generate(ctx, cases=400, seed=3)
    assert report.cases == 400
    with station.db.read() as session:
        numbers = list(session.execute(select(Party.id_number)).scalars())
        states = dict(session.execute(select(Case.state, func.count()).group_by(Case.state)).all())
        bad_dates = session.execute(text(
            "SELECT count(*) FROM case_events e JOIN cases c ON c.id = e.case_id WHERE e.on_date < c.received_on "
            "OR e.on_date > :today"), {"today": ctx.today.isoformat()}).scalar_one()
        agreed_without_seal = session.execute(text(
            "SELECT count(*) FROM agreements WHERE seal_applied_on IS NULL OR applicant_signed_on IS NULL")
        ).scalar_one()
        years = session.execute(select(Case.year, func.max(Case.seq), func.count()).group_by(Case.year)).all()
    for number in numbers:
        ids.check_resident_id(number, today=ctx.today)
    assert {"registered", "mediating", "performing", "closed", "archived"} <= set(states)
    assert bad_dates == 0 and agreed_without_seal == 0
    assert all(max_seq == count for _year, max_seq, count in years)
    # The numbering continues after the demo.
    from tests.e2e.helpers import case_payload

    new = cases.register(ctx, {"cases": [case_payload(received_on="2026-11-20")]})[0].number
    assert new == f"（2026）东坝劳调字第{dict((y, s) for y, s, _c in years)[2026] + 1}号"


def test_dashboard_lists_due_and_overdue(station, ctx):
    from tests.e2e.helpers import case_payload

    cases.register(ctx, {"cases": [case_payload(received_on="2026-11-19"), case_payload(received_on="2026-10-01")]})
    board = dashboard.dashboard(ctx)
    by_number = {(i.number, i.deadline): i for i in board.items}
    assert by_number[("（2026）东坝劳调字第1号", "acceptance")].status == "soon"
    assert by_number[("（2026）东坝劳调字第2号", "acceptance")].status == "overdue"
    assert board.items[0].status == "overdue"
    assert board.month_counts["register"] == 1
    assert date.fromisoformat("2026-11-24") == by_number[("（2026）东坝劳调字第1号", "acceptance")].due


def test_dashboard_prefilter_finds_exactly_what_reading_every_case_finds(station, ctx):
    """The SQL narrowing of the dashboard is only a speed-up: on demo data, for many days, nothing is lost."""
    from datetime import timedelta

    from hexie_desktop.services.users import actor_for

    generate(ctx, cases=400, seed=5)
    with station.db.transaction() as session:   # an extended mediation period and a deleted follow-up
        session.execute(text("UPDATE cases SET mediation_extended_until = :d WHERE state = 'mediating' AND "
                             "id IN (SELECT id FROM cases WHERE state = 'mediating' LIMIT 3)"),
                        {"d": date(2026, 11, 22).isoformat()})
        session.execute(text("UPDATE follow_ups SET deleted = 1 WHERE id IN (SELECT id FROM follow_ups LIMIT 5)"))
    seen = 0
    for offset in range(-400, 30, 9):
        day = date(2026, 11, 21) + timedelta(days=offset)
        at = station.context(actor_for(station.db, "admin"), today_fn=lambda day=day: day)
        fast, full = dashboard.dashboard(at), dashboard.dashboard(at, prefilter=False)
        assert fast == full, day
        seen += len(fast.items)
    assert seen > 30


def test_dashboard_reads_the_same_when_ids_go_a_few_at_a_time(station, ctx, monkeypatch):
    """Names, agreements, items and follow-ups read in slices of ids (SQLite's parameter limit) change nothing."""
    from hexie_desktop.services import stats_tally

    generate(ctx, cases=400, seed=5)
    whole = dashboard.dashboard(ctx, soon_days=60)
    monkeypatch.setattr(stats_tally, "CHUNK", 3)
    sliced = dashboard.dashboard(ctx, soon_days=60)
    assert len(whole.items) > 6 and {i.applicants for i in whole.items} != {""}
    assert sliced == whole
