"""The core rules the district's import relies on: date range, stored amounts, periods at the calendar's end,
and the per-table rules of ``exchange/validate.py`` on single rows."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hexie_desktop.core import fields, money
from hexie_desktop.core.errors import UserError
from hexie_desktop.core.periods import CaseDates, DeadlineSettings, WorkCalendar, compute_deadlines
from hexie_desktop.exchange import validate
from hexie_desktop.exchange.codec import TABLES, RowError

CAL = WorkCalendar()


@pytest.mark.parametrize("text", ["9999-12-20", "2101-01-01", "1899-12-31", "0001-01-01"])
def test_dates_outside_1900_to_2100_are_refused(text):
    with pytest.raises(UserError):
        fields.day(text, "on")
    with pytest.raises(UserError):
        fields.day(date.fromisoformat(text), "on")


def test_dates_at_the_edges_are_accepted():
    assert fields.day("1900-01-01", "on") == fields.DATE_MIN
    assert fields.day("2100-12-31", "on") == fields.DATE_MAX
    assert fields.in_range(datetime(2100, 12, 31, 23, 59), "at").year == 2100


@pytest.mark.parametrize("value", [-1, money.MAX_CENTS + 1, True, 1.5, "100"])
def test_stored_amounts_must_be_whole_cents_in_range(value):
    with pytest.raises(UserError):
        money.check_cents(value, field="amount_cents")


@given(st.dates(min_value=date(9000, 1, 1)), st.integers(min_value=0, max_value=400))
def test_periods_near_the_end_of_the_calendar_never_overflow(start, days):
    assert CAL.period_end(start, days) >= start
    assert CAL.add_working_days(start, days % 30) >= start
    assert CAL.add_years(start, days % 3) >= start


def test_deadlines_of_a_far_future_case_are_computed():
    far = date(9999, 12, 20)
    deadlines = compute_deadlines(CaseDates(received_on=far, infringement_known_on=far, closed_on=far,
                                            agreement_effective_on=far, last_item_due_on=far),
                                  DeadlineSettings(), CAL)
    assert all(d.due == date.max or d.due >= far for d in deadlines.values())


def _claim(**changes):
    row = {"id": "00000000-0000-4000-8000-000000000001", "origin": "110105001", "version": 1, "change_seq": 1,
           "updated_at": datetime(2026, 11, 1), "deleted": False, "case_id": "00000000-0000-4000-8000-000000000002",
           "position": 0, "category": "wages", "description": "欠薪", "amount_cents": 100}
    row.update(changes)
    return row


def test_a_good_row_passes():
    validate.check(TABLES["claims"], _claim())


@pytest.mark.parametrize("changes,column", [
    ({"amount_cents": -1}, "amount_cents"), ({"category": "bribe"}, "category"),
    ({"description": "a\x1bb"}, "description"), ({"description": "长" * 20_001}, "description"),
    ({"updated_at": datetime(9999, 1, 1)}, "updated_at"), ({"position": -1}, "position"),
    ({"version": 2**31}, "version"),
])
def test_a_bad_row_names_its_field(changes, column):
    with pytest.raises(RowError) as info:
        validate.check(TABLES["claims"], _claim(**changes))
    assert info.value.column == column and column in info.value.reason
