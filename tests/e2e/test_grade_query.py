"""The case list's 繁简分流 filter asks the database (``grade_query.grade_condition``) and must pick
exactly the cases ``core.grading.grade`` (with a person's override first) puts in that grade.

Action plan on 繁简分流: simple cases by the simple procedure, major collective disputes reported
upward; the limits are the station's setting ``grading.thresholds``.  The station is generated,
then given leads (red and not, on a case or on an employer, open and closed), overrides and
workers around every limit; hypothesis draws the limits.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, update

from hexie_desktop.core import grading as rules
from hexie_desktop.core.errors import UserError
from hexie_desktop.services import grade_query, grading
from hexie_desktop.services.demo import generate
from hexie_desktop.services.station import init_station
from hexie_desktop.services.users import actor_for
from hexie_desktop.storage.models import Case, WarningLead

TODAY = date(2026, 11, 21)


@pytest.fixture(scope="module")
def station(tmp_path_factory: pytest.TempPathFactory):
    """300 demo cases, with leads, overrides and worker counts spread around the limits."""
    root: Path = tmp_path_factory.mktemp("grades")
    station = init_station(data_dir=root / "station", db_url=None, role="township", unit_code="110105001",
                           unit_name="东坝镇劳动人事争议调解中心", short_name="东坝", admin="admin",
                           password="secret123")
    ctx = station.context(actor_for(station.db, "admin"), today_fn=lambda: TODAY)
    generate(ctx, cases=300, seed=5)
    with station.db.transaction() as session:
        rows = session.execute(select(Case.id, Case.respondent_id).order_by(Case.year, Case.seq)).all()
        for i, (case_id, _employer) in enumerate(rows[::7]):
            session.execute(update(Case).where(Case.id == case_id).values(workers=[0, 1, 2, 9, 10, 30, 31][i % 7]))
        for i, (case_id, _employer) in enumerate(rows[1::11]):
            session.execute(update(Case).where(Case.id == case_id).values(
                grade_override=["simple", "major", "ordinary", ""][i % 4], grade_reason="人工"))
        for i, (case_id, employer_id) in enumerate(rows[2::9]):
            on_case = i % 2 == 0
            session.add(WarningLead(
                rule="repeat", subject=f"s{i}", level=["red", "yellow", "orange"][i % 3], title="线索",
                evidence=f"e{i}", raised_on=TODAY, status=["open", "in_progress", "closed"][i % 3],
                case_id=case_id if on_case else None, employer_id=None if on_case else employer_id))
        session.execute(update(Case).where(Case.id.in_([r.id for r in rows[3::13]])).values(collective=True))
    yield station
    station.db.dispose()


def python_grades(station, limit: rules.Limits) -> dict[str, str]:
    """Every case's grade in force, the way the case view computes it (``grading.grade_of``)."""
    with station.db.read() as session:
        cases = list(session.execute(select(Case)).scalars())
        signals = grading._signals(session, [(c.id, c.respondent_id) for c in cases])
        return {c.id: grading.grade_of(c, signals.get(c.id, ()), limit, TODAY)["grade"] for c in cases}


def sql_grades(station, limit: rules.Limits) -> dict[str, str]:
    with station.db.read() as session:
        return {case_id: grade for grade in rules.GRADES for case_id in session.execute(
            select(Case.id).where(grade_query.grade_condition(limit, grade))).scalars()}


def test_the_default_limits_give_every_grade_and_the_same_cases(station):
    limit = rules.Limits()
    expected = python_grades(station, limit)
    assert set(expected.values()) == set(rules.GRADES)
    assert sql_grades(station, limit) == expected


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(simple_workers=st.integers(1, 9), simple_yuan=st.integers(0, 100_000), major_workers=st.integers(10, 40),
       major_yuan=st.integers(1, 500_000))
def test_any_limits_give_the_same_cases(station, simple_workers, simple_yuan, major_workers, major_yuan):
    limit = rules.Limits(simple_max_workers=simple_workers, simple_max_yuan=simple_yuan,
                         major_workers=major_workers, major_yuan=major_yuan)
    assert sql_grades(station, limit) == python_grades(station, limit)


def test_the_case_list_filter_keeps_the_lists_order_and_refuses_an_unknown_grade(station):
    ctx = station.context(actor_for(station.db, "admin"), today_fn=lambda: TODAY)
    with station.db.read() as session:
        ids = list(session.execute(select(Case.id).order_by(Case.received_on.desc(), Case.id)).scalars())
    expected = python_grades(station, rules.Limits())
    for grade in rules.GRADES:
        assert grading.filter_ids(ctx, ids, grade) == [i for i in ids if expected[i] == grade]
    with pytest.raises(UserError):
        grading.filter_ids(ctx, ids, "huge")
