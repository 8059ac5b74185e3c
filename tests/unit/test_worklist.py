"""The 工作台's list rule (core.worklist), on plain rows: which deadlines are listed, how, and in what order.

Legal sources of the deadlines themselves are in tests/unit/test_periods.py (劳动争议调解仲裁法第十四条:
15 days to mediate; 受理 within 3 working days, 人社部 调解规定; 回访 and 归档 are office rules).
Both readers — the SQLAlchemy service and the command line's quick read — hand their rows to
``due_items``; tests/e2e/test_dashboard_quick.py holds the two readers' lists equal.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, timedelta

from hexie_desktop.core import codes, periods, worklist

Case = worklist.CaseRow
Item = worklist.ItemRow
TODAY = date(2026, 11, 18)  # a Wednesday, no holiday near
LENGTHS = periods.DeadlineSettings()
CAL = periods.WorkCalendar()


def _case(case_id: str, state: str, received: date, **dates: object) -> Case:
    values = dict.fromkeys(worklist.CASE_COLUMNS)
    values.update(id=case_id, number=f"（2026）测劳调字第{case_id}号", state=state, source="walk_in",
                  received_on=received, mediator="王调解", **dates)
    return Case(**values)


def _items(cases: list[Case], **kwargs: object) -> list[worklist.DueItem]:
    found = {"names": {}, "effective": {}, "items": {}, "visited": set()}
    found.update(kwargs)
    return worklist.due_items(cases, lengths=LENGTHS, calendar=CAL, today=TODAY, soon_days=3, **found)


def test_the_date_columns_are_the_rows_dates():
    assert set(worklist.CASE_DATES) <= set(worklist.CASE_COLUMNS)
    assert {n for n, t in worklist.CaseRow.__annotations__.items() if "date" in str(t)} == set(worklist.CASE_DATES)


def test_watched_states_are_those_in_which_an_office_deadline_counts():
    for state in codes.CASE_STATES:
        expected = tuple(n for n in periods.OFFICE_DEADLINES if state in periods.counting_states(n))
        assert worklist.WATCHED.get(state, ()) == expected
    assert "archived" not in worklist.WATCHED and "registered" in worklist.WATCHED
    watching = worklist.watching()
    assert all(state in watching[name] for state, names in worklist.WATCHED.items() for name in names)


def test_bounds_are_the_horizon_less_the_shortest_days():
    horizon = TODAY + timedelta(days=3)
    found = worklist.bounds(LENGTHS, horizon)
    days = periods.shortest_days(LENGTHS)
    assert found["horizon"] == horizon
    assert found["mediation_before"] == horizon - timedelta(days=days["mediation"])
    assert found["archive_before"] == horizon - timedelta(days=LENGTHS.archive_days)


def test_a_new_case_is_listed_at_once_and_a_mediation_ending_today_is_today():
    """受理决定 is listed from the day the application arrives (``later`` until due); a mediation whose
    15 days end today is ``today``; a case accepted long ago whose period ended is ``overdue``."""
    new = _case("1", "registered", TODAY)
    ending = _case("2", "mediating", TODAY - timedelta(days=15))
    late = _case("3", "mediating", TODAY - timedelta(days=40))
    items = _items([new, ending, late], names={"1": ["张三", "李四"], "2": ["王五"]})
    by_case = {(i.case_id, i.deadline): i for i in items}
    assert by_case[("1", "acceptance")].status == "later"
    assert by_case[("1", "acceptance")].applicants == "张三等2人"
    assert by_case[("2", "mediation")].status == "today" and by_case[("2", "mediation")].applicants == "王五"
    assert by_case[("3", "mediation")].status == "overdue" and by_case[("3", "mediation")].applicants == ""
    assert [i.status for i in items] == sorted((i.status for i in items),
                                               key=["overdue", "today", "soon", "later"].index)


def test_performance_items_follow_up_and_extension():
    """Each unperformed agreement item is its own row; a follow-up recorded ends the 回访 duty; an agreed
    extension of the mediation period adds the day from which arbitration may be applied for (LDTJ art. 14)."""
    effective = TODAY - timedelta(days=30)
    performing = _case("4", "performing", TODAY - timedelta(days=40))
    items = {"4": [Item("4", 1, TODAY - timedelta(days=1), None), Item("4", 2, TODAY + timedelta(days=2), None),
                   Item("4", 3, TODAY - timedelta(days=5), TODAY - timedelta(days=6))]}
    listed = _items([performing], items=items, effective={"4": effective})
    assert [(i.label, i.status) for i in listed if i.deadline == "performance"] == [
        ("第1项履行期限", "overdue"), ("第2项履行期限", "soon")]
    performed = _case("5", "performed", TODAY - timedelta(days=40))
    done_items = {"5": [Item("5", 1, TODAY - timedelta(days=8), TODAY - timedelta(days=9))]}
    due = _items([performed], items=done_items, effective={"5": effective})
    assert [i.deadline for i in due] == ["follow_up"]
    assert _items([performed], items=done_items, effective={"5": effective}, visited={"5"}) == []
    extended = _case("6", "mediating", TODAY - timedelta(days=20), mediation_extended_until=TODAY + timedelta(days=5))
    rows = {i.deadline: i for i in _items([extended])}
    assert rows["arbitration_right"].status == "overdue" and "mediation" not in rows


def test_as_dict_is_asdict_and_the_notices():
    item = _items([_case("7", "registered", TODAY)])[0]
    assert item.as_dict() == asdict(item) and list(item.as_dict()) == list(asdict(item))
    assert worklist.setup_notices(registered=2, linked=True, mine=True) == ()
    none = worklist.setup_notices(registered=0, linked=False, mine=False)
    assert len(none) == 1 and "调解员名册中还没有调解员" in none[0]
    assert len(worklist.setup_notices(registered=1, linked=False, mine=True)) == 1
    assert worklist.month_counts({"accept": 3}) == dict.fromkeys(worklist.MONTH_ACTIONS, 0) | {"accept": 3}
