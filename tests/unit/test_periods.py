"""Tests for statutory period counting and the working-day calendar (core/periods.py).

Expected dates were read from the chinesecalendar 1.11.0 data (``get_holiday_detail``),
not guessed; the calendar facts each test relies on are asserted first.
"""

from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from hexie_desktop.core.errors import UserError
from hexie_desktop.core.periods import (
    CaseDates,
    Deadline,
    DeadlineSettings,
    LimitationStatus,
    WorkCalendar,
    compute_deadlines,
    due_status,
    limitation_status,
)

CAL = WorkCalendar()
DEFAULTS = DeadlineSettings()


# --- calendar facts the tests rely on ---------------------------------------------------


def test_calendar_facts_2026() -> None:
    """The chinesecalendar data the expectations below are built on."""
    # National Day 2026: 1–7 Oct off; Sun 20 Sep and Sat 10 Oct are swapped working days.
    assert all(
        chinese_calendar.get_holiday_detail(date(2026, 10, d)) == (True, "National Day")
        for d in range(1, 8)
    )
    assert chinese_calendar.get_holiday_detail(date(2026, 9, 20)) == (False, "National Day")
    assert chinese_calendar.get_holiday_detail(date(2026, 10, 10)) == (False, "National Day")
    # Mid-autumn 2026: 25–27 Sep off.
    assert all(
        chinese_calendar.get_holiday_detail(date(2026, 9, d)) == (True, "Mid-autumn Festival")
        for d in (25, 26, 27)
    )
    # Spring Festival 2026: 15–23 Feb off; Sat 14 Feb and Sat 28 Feb are working days.
    assert all(
        chinese_calendar.get_holiday_detail(date(2026, 2, d)) == (True, "Spring Festival")
        for d in range(15, 24)
    )
    assert chinese_calendar.get_holiday_detail(date(2026, 2, 14)) == (False, "Spring Festival")
    assert chinese_calendar.get_holiday_detail(date(2026, 2, 28)) == (False, "Spring Festival")


# --- WorkCalendar -------------------------------------------------------------------------


def test_covers_chinesecalendar_range() -> None:
    assert CAL.covers(2004)
    assert CAL.covers(2026)
    assert not CAL.covers(2003)
    assert not CAL.covers(2027)


def test_is_workday_uses_holidays_and_swaps() -> None:
    assert CAL.is_workday(date(2026, 9, 16))  # ordinary Wednesday
    assert not CAL.is_workday(date(2026, 9, 19))  # ordinary Saturday
    assert CAL.is_workday(date(2026, 9, 20))  # swapped working Sunday
    assert not CAL.is_workday(date(2026, 10, 1))  # National Day
    assert CAL.is_workday(date(2026, 2, 14))  # swapped working Saturday
    assert not CAL.is_workday(date(2026, 2, 16))  # Spring Festival Monday


def test_is_workday_without_data_is_monday_to_friday() -> None:
    assert CAL.is_workday(date(2027, 1, 1))  # New Year's Day, but no 2027 data: a Friday
    assert not CAL.is_workday(date(2027, 1, 2))  # Saturday
    assert not CAL.is_workday(date(2027, 1, 3))  # Sunday
    assert CAL.is_workday(date(2027, 1, 4))  # Monday
    assert not CAL.is_workday(date(2003, 12, 27))  # Saturday before the data starts


def test_next_workday() -> None:
    assert CAL.next_workday(date(2026, 9, 16)) == date(2026, 9, 16)
    assert CAL.next_workday(date(2026, 9, 25)) == date(2026, 9, 28)
    assert CAL.next_workday(date(2026, 10, 1)) == date(2026, 10, 8)
    assert CAL.next_workday(date(2026, 9, 19)) == date(2026, 9, 20)  # swapped Sunday


def test_acceptance_from_2026_09_16_counts_swapped_sunday() -> None:
    # Thu 17, Fri 18, (Sat 19 off), Sun 20 is a swapped working day → 3rd working day.
    assert CAL.add_working_days(date(2026, 9, 16), 3) == date(2026, 9, 20)
    assert CAL.add_working_days(date(2026, 9, 16), 1) == date(2026, 9, 17)
    assert CAL.add_working_days(date(2026, 9, 16), 0) == date(2026, 9, 16)


def test_add_working_days_across_spring_festival() -> None:
    # Fri 13, swapped Sat 14, then 15–23 off → Tue 24 Feb.
    assert CAL.add_working_days(date(2026, 2, 12), 3) == date(2026, 2, 24)


def test_add_working_days_into_year_without_data() -> None:
    # Thu 31 Dec 2026, Fri 1 Jan 2027 (no data: a working day), Mon 4 Jan 2027.
    assert CAL.add_working_days(date(2026, 12, 30), 3) == date(2027, 1, 4)


def test_mediation_period_ending_on_national_day_extends() -> None:
    # 16 Sep + 15 days = 1 Oct (National Day, 1–7 Oct) → Thu 8 Oct.
    assert CAL.period_end(date(2026, 9, 16), 15) == date(2026, 10, 8)


def test_period_ending_in_spring_festival_extends() -> None:
    # 1 Feb + 15 = Mon 16 Feb (holiday until 23 Feb) → Tue 24 Feb.
    assert CAL.period_end(date(2026, 2, 1), 15) == date(2026, 2, 24)


def test_period_ending_on_swapped_working_saturday_does_not_extend() -> None:
    assert CAL.period_end(date(2026, 1, 30), 15) == date(2026, 2, 14)
    assert CAL.period_end(date(2026, 2, 13), 15) == date(2026, 2, 28)


def test_period_ending_on_ordinary_sunday_extends_to_monday() -> None:
    assert date(2026, 3, 1).weekday() == 6
    assert CAL.period_end(date(2026, 2, 14), 15) == date(2026, 3, 2)


def test_period_ending_on_working_day_is_unchanged() -> None:
    assert CAL.period_end(date(2026, 9, 24), 15) == date(2026, 10, 9)


def test_period_in_2027_uses_monday_to_friday_and_warns() -> None:
    # 1 Mar 2027 + 5 = Sat 6 Mar → Mon 8 Mar.
    end = CAL.period_end(date(2027, 3, 1), 5)
    assert end == date(2027, 3, 8)
    assert CAL.warnings_for(date(2027, 3, 1), end) == (
        "2027年的法定节假日数据缺失，已按周一至周五计算工作日，请从区级导入节假日数据",
    )


def test_warnings_for_distinct_sorted_years() -> None:
    warnings = CAL.warnings_for(
        date(2028, 5, 1), date(2027, 1, 1), date(2026, 10, 8), date(2027, 6, 1)
    )
    assert len(warnings) == 2
    assert warnings[0].startswith("2027年")
    assert warnings[1].startswith("2028年")
    assert CAL.warnings_for(date(2026, 10, 8), date(2004, 1, 1)) == ()
    assert CAL.warnings_for() == ()


def test_override_holiday_in_2027_extends_period() -> None:
    cal = WorkCalendar({date(2027, 3, 8): False})
    assert not cal.is_workday(date(2027, 3, 8))
    assert cal.period_end(date(2027, 3, 1), 5) == date(2027, 3, 9)


def test_override_working_saturday_in_2027_stops_extension() -> None:
    cal = WorkCalendar({date(2027, 3, 6): True})
    assert cal.period_end(date(2027, 3, 1), 5) == date(2027, 3, 6)


def test_override_wins_over_chinesecalendar() -> None:
    cal = WorkCalendar({date(2026, 10, 8): False, date(2026, 10, 1): True})
    assert cal.is_workday(date(2026, 10, 1))
    assert not cal.is_workday(date(2026, 10, 8))
    assert cal.period_end(date(2026, 9, 16), 15) == date(2026, 10, 1)
    assert cal.period_end(date(2026, 9, 17), 15) == date(2026, 10, 9)


def test_overrides_are_copied() -> None:
    source = {date(2027, 3, 8): False}
    cal = WorkCalendar(source)
    source[date(2027, 3, 8)] = True
    assert not cal.is_workday(date(2027, 3, 8))
    assert dict(cal.overrides) == {date(2027, 3, 8): False}


def test_add_years_feb_29() -> None:
    assert CAL.add_years(date(2024, 2, 29), 1) == date(2025, 2, 28)  # a Friday
    assert CAL.add_years(date(2020, 2, 29), 1) == date(2021, 3, 1)  # 28 Feb 2021 is a Sunday
    assert CAL.add_years(date(2024, 2, 29), 4) == date(2028, 2, 29)  # leap year again


def test_add_years_extends_over_holiday() -> None:
    assert CAL.add_years(date(2025, 9, 30), 1) == date(2026, 9, 30)
    assert CAL.add_years(date(2025, 10, 1), 1) == date(2026, 10, 8)


@pytest.mark.parametrize(
    "call",
    [
        lambda: CAL.period_end(date(2026, 1, 1), -1),
        lambda: CAL.add_working_days(date(2026, 1, 1), -1),
        lambda: CAL.add_years(date(2026, 1, 1), -1),
    ],
)
def test_negative_lengths_rejected(call) -> None:
    with pytest.raises(UserError):
        call()


# --- Hypothesis properties ------------------------------------------------------------

_days = st.dates(min_value=date(2002, 1, 1), max_value=date(2028, 12, 31))
_calendars = st.builds(
    WorkCalendar, st.dictionaries(_days, st.booleans(), max_size=30)
) | st.just(CAL)


@given(cal=_calendars, start=_days, days=st.integers(min_value=0, max_value=400))
def test_period_end_properties(cal: WorkCalendar, start: date, days: int) -> None:
    nominal = start + timedelta(days=days)
    end = cal.period_end(start, days)
    assert cal.is_workday(end)
    assert end >= nominal
    day = nominal
    while day < end:
        assert not cal.is_workday(day)
        day += timedelta(days=1)


@given(cal=_calendars, start=_days, n=st.integers(min_value=0, max_value=60))
def test_add_working_days_properties(cal: WorkCalendar, start: date, n: int) -> None:
    end = cal.add_working_days(start, n)
    assert end >= start
    span = [start + timedelta(days=i) for i in range(1, (end - start).days + 1)]
    assert sum(cal.is_workday(day) for day in span) == n
    if n:
        assert cal.is_workday(end)


@given(cal=_calendars, start=_days, years=st.integers(min_value=0, max_value=3))
def test_add_years_properties(cal: WorkCalendar, start: date, years: int) -> None:
    end = cal.add_years(start, years)
    assert cal.is_workday(end)
    assert end.year in (start.year + years, start.year + years + 1)
    assert end >= date(start.year + years, start.month, min(start.day, 28))


# --- DeadlineSettings ------------------------------------------------------------------


def test_settings_defaults() -> None:
    assert DEFAULTS == DeadlineSettings(3, 15, 15, 30, 7, 30, 1, 30)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("acceptance_working_days", 0),
        ("mediation_days", -1),
        ("archive_days", True),
        ("follow_up_days", "7"),
        ("limitation_years", 0),
        ("limitation_warning_days", -1),
    ],
)
def test_settings_reject_bad_values(field: str, value: object) -> None:
    with pytest.raises(UserError) as info:
        DeadlineSettings(**{field: value})
    assert info.value.field == field


def test_settings_allow_zero_warning_days() -> None:
    assert DeadlineSettings(limitation_warning_days=0).limitation_warning_days == 0


# --- compute_deadlines --------------------------------------------------------------------


def test_compute_deadlines_minimal_case() -> None:
    result = compute_deadlines(CaseDates(received_on=date(2026, 9, 16)), DEFAULTS, CAL)
    assert list(result) == ["acceptance", "mediation"]
    acceptance = result["acceptance"]
    assert acceptance == Deadline(
        "acceptance", "受理决定期限", date(2026, 9, 20), "收到申请之日起3个工作日"
    )
    mediation = result["mediation"]
    assert mediation.name == "mediation"
    assert mediation.label == "调解期限"
    assert mediation.due == date(2026, 10, 8)
    assert mediation.basis == (
        "收到申请之日起15日（劳动争议调解仲裁法第十四条），末日为法定节假日的顺延"
    )


def test_compute_deadlines_full_case() -> None:
    dates = CaseDates(
        received_on=date(2026, 9, 16),
        infringement_known_on=date(2025, 10, 1),
        agreement_effective_on=date(2026, 9, 24),
        last_item_due_on=date(2026, 9, 30),
        closed_on=date(2026, 10, 10),
    )
    result = compute_deadlines(dates, DEFAULTS, CAL)
    assert list(result) == [
        "acceptance",
        "mediation",
        "arbitration_review",
        "judicial_confirmation",
        "follow_up",
        "archive",
        "limitation",
    ]
    assert {name: d.due for name, d in result.items()} == {
        "acceptance": date(2026, 9, 20),
        "mediation": date(2026, 10, 8),
        "arbitration_review": date(2026, 10, 9),  # 24 Sep + 15, a Friday
        "judicial_confirmation": date(2026, 10, 26),  # 24 Sep + 30 = Sat 24 Oct → Mon
        "follow_up": date(2026, 10, 8),  # 30 Sep + 7 = 7 Oct (National Day) → 8 Oct
        "archive": date(2026, 11, 9),  # 10 Oct + 30, a Monday
        "limitation": date(2026, 10, 8),  # 1 Oct 2026 is National Day → 8 Oct
    }
    assert {name: d.label for name, d in result.items()} == {
        "acceptance": "受理决定期限",
        "mediation": "调解期限",
        "arbitration_review": "仲裁审查申请期限",
        "judicial_confirmation": "司法确认申请期限",
        "follow_up": "回访期限",
        "archive": "归档期限",
        "limitation": "仲裁时效",
    }
    assert all(d.name == name for name, d in result.items())
    assert "劳动人事争议仲裁办案规则第七十四条" in result["arbitration_review"].basis
    assert "民事诉讼法第二百零五条" in result["judicial_confirmation"].basis
    assert "劳动争议调解仲裁法第二十七条" in result["limitation"].basis
    assert result["follow_up"].basis.startswith("最后一项协议履行期限届满之日起7日")
    assert result["archive"].basis.startswith("结案之日起30日")


def test_extension_replaces_mediation_end() -> None:
    dates = CaseDates(received_on=date(2026, 9, 16), mediation_extended_until=date(2026, 10, 20))
    mediation = compute_deadlines(dates, DEFAULTS, CAL)["mediation"]
    assert mediation.due == date(2026, 10, 20)
    assert mediation.basis == "经双方同意延长至2026年10月20日（原期限2026年10月8日）"


def test_extension_not_after_receipt_rejected() -> None:
    dates = CaseDates(received_on=date(2026, 9, 16), mediation_extended_until=date(2026, 9, 16))
    with pytest.raises(UserError) as info:
        compute_deadlines(dates, DEFAULTS, CAL)
    assert info.value.field == "mediation_extended_until"


def test_settings_change_lengths() -> None:
    settings = DeadlineSettings(
        acceptance_working_days=5,
        mediation_days=30,
        follow_up_days=10,
        archive_days=10,
        limitation_years=2,
    )
    dates = CaseDates(
        received_on=date(2026, 9, 16),
        infringement_known_on=date(2024, 10, 1),
        last_item_due_on=date(2026, 9, 16),
        closed_on=date(2026, 9, 16),
    )
    result = compute_deadlines(dates, settings, CAL)
    # 17, 18, 20 (swapped Sunday), 21, 22 Sep.
    assert result["acceptance"].due == date(2026, 9, 22)
    assert result["acceptance"].basis == "收到申请之日起5个工作日"
    assert result["mediation"].due == date(2026, 10, 16)
    # A non-statutory length is not attributed to the statute.
    assert result["mediation"].basis == "收到申请之日起30日，末日为法定节假日的顺延"
    assert result["follow_up"].due == date(2026, 9, 28)  # 26 Sep is Mid-autumn → Mon 28
    assert result["archive"].due == date(2026, 9, 28)
    assert result["limitation"].due == date(2026, 10, 8)
    assert "劳动争议调解仲裁法" not in result["limitation"].basis


def test_compute_deadlines_with_override_calendar() -> None:
    cal = WorkCalendar({date(2026, 10, 8): False})
    result = compute_deadlines(CaseDates(received_on=date(2026, 9, 16)), DEFAULTS, cal)
    assert result["mediation"].due == date(2026, 10, 9)


# --- limitation_status -------------------------------------------------------------------


def test_limitation_unknown() -> None:
    status = limitation_status(None, date(2026, 9, 16), DEFAULTS, CAL)
    assert status.level == "unknown"
    assert status.expires_on is None
    assert status.message


def test_limitation_ok() -> None:
    status = limitation_status(date(2025, 10, 1), date(2026, 1, 5), DEFAULTS, CAL)
    assert status == LimitationStatus("ok", date(2026, 10, 8), status.message)
    assert "2026年10月8日" in status.message


def test_limitation_near_and_last_day() -> None:
    near = limitation_status(date(2025, 10, 1), date(2026, 9, 15), DEFAULTS, CAL)
    assert (near.level, near.expires_on) == ("near", date(2026, 10, 8))
    assert "23日" in near.message
    last_day = limitation_status(date(2025, 10, 1), date(2026, 10, 8), DEFAULTS, CAL)
    assert last_day.level == "near"
    # Exactly at the edge of the warning window (30 days left) is "near"; 31 days is "ok".
    assert limitation_status(date(2025, 10, 1), date(2026, 9, 8), DEFAULTS, CAL).level == "near"
    assert limitation_status(date(2025, 10, 1), date(2026, 9, 7), DEFAULTS, CAL).level == "ok"


def test_limitation_expired_message_is_informational() -> None:
    status = limitation_status(date(2025, 10, 1), date(2026, 10, 9), DEFAULTS, CAL)
    assert status.level == "expired"
    assert status.expires_on == date(2026, 10, 8)
    assert "仅供参考" in status.message
    assert "申请调解" in status.message and "中断" in status.message
    assert "拖欠劳动报酬" in status.message and "劳动关系存续期间" in status.message
    assert "第二十七条" in status.message


def test_limitation_warning_days_setting() -> None:
    settings = DeadlineSettings(limitation_warning_days=0)
    assert limitation_status(date(2025, 10, 1), date(2026, 10, 7), settings, CAL).level == "ok"
    assert limitation_status(date(2025, 10, 1), date(2026, 10, 8), settings, CAL).level == "near"


def test_limitation_known_in_future_rejected() -> None:
    with pytest.raises(UserError) as info:
        limitation_status(date(2026, 9, 17), date(2026, 9, 16), DEFAULTS, CAL)
    assert info.value.field == "infringement_known_on"


# --- due_status -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("due", "expected"),
    [
        (date(2026, 9, 15), "overdue"),
        (date(2026, 9, 16), "today"),
        (date(2026, 9, 17), "soon"),
        (date(2026, 9, 19), "soon"),
        (date(2026, 9, 20), "later"),
    ],
)
def test_due_status(due: date, expected: str) -> None:
    assert due_status(due, date(2026, 9, 16)) == expected


def test_due_status_soon_days() -> None:
    assert due_status(date(2026, 9, 20), date(2026, 9, 16), soon_days=4) == "soon"
    assert due_status(date(2026, 9, 17), date(2026, 9, 16), soon_days=0) == "later"


_DAYS = st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31))


@given(received=_DAYS, effective=st.none() | _DAYS, last_due=st.none() | _DAYS, closed=st.none() | _DAYS,
       acceptance=st.integers(1, 20), mediation=st.integers(1, 60), follow_up=st.integers(1, 60),
       archive=st.integers(1, 90))
def test_no_deadline_falls_due_sooner_than_its_shortest_days(received, effective, last_due, closed, acceptance,
                                                              mediation, follow_up, archive):
    """The dashboard's SQL prefilter relies on this floor: due >= trigger + shortest_days."""
    from hexie_desktop.core.periods import shortest_days

    lengths = DeadlineSettings(acceptance_working_days=acceptance, mediation_days=mediation,
                               follow_up_days=follow_up, archive_days=archive)
    found = compute_deadlines(CaseDates(received_on=received, agreement_effective_on=effective,
                                        last_item_due_on=last_due, closed_on=closed), lengths, CAL)
    trigger = {"acceptance": received, "mediation": received, "arbitration_review": effective,
               "judicial_confirmation": effective, "follow_up": last_due, "archive": closed}
    floor = shortest_days(lengths)
    for name, deadline in found.items():
        if name in floor:
            assert deadline.due >= trigger[name] + timedelta(days=floor[name]), name


def test_calendar_answers_are_remembered_and_unchanged():
    calendar = WorkCalendar({date(2026, 10, 10): True})
    days = [date(2026, 1, 1) + timedelta(days=i) for i in range(400)]
    first = [calendar.is_workday(d) for d in days]
    assert first == [calendar.is_workday(d) for d in days]
    assert calendar.is_workday(date(2026, 10, 10)) is True
    assert first == [WorkCalendar({date(2026, 10, 10): True}).is_workday(d) for d in days]


@given(received=_DAYS, extended=st.none() | st.integers(1, 90), effective=st.none() | _DAYS,
       last_due=st.none() | _DAYS, closed=st.none() | _DAYS, known=st.none() | _DAYS, ended=st.none() | _DAYS,
       entrusted=st.booleans())
def test_deadlines_without_their_basis_are_the_same_deadlines(received, extended, effective, last_due, closed,
                                                               known, ended, entrusted):
    """``explain=False`` (the 工作台's list) leaves only the basis texts out: names, labels and days are equal."""
    dates = CaseDates(received_on=received,
                      mediation_extended_until=received + timedelta(days=extended) if extended else None,
                      agreement_effective_on=effective, last_item_due_on=last_due, closed_on=closed,
                      infringement_known_on=known, mediation_ended_on=ended, entrusted=entrusted)
    full = compute_deadlines(dates, DeadlineSettings(), CAL)
    short = compute_deadlines(dates, DeadlineSettings(), WorkCalendar(), explain=False)
    assert {n: (d.label, d.due) for n, d in full.items()} == {n: (d.label, d.due) for n, d in short.items()}
    assert all(d.basis for d in full.values()) and not any(d.basis for d in short.values())


def test_remembered_period_ends_still_refuse_a_bad_length():
    """The memo of period ends answers only for true integers: ``True`` is not 1 day, a negative stays refused."""
    calendar = WorkCalendar()
    start = date(2026, 9, 30)
    end = date(2026, 10, 1)
    while not chinese_calendar.is_workday(end):  # 国庆 moves the end past the holiday
        end += timedelta(days=1)
    assert end > date(2026, 10, 1)
    assert calendar.period_end(start, 1) == calendar.period_end(start, 1) == end
    assert calendar.add_working_days(start, 1) == calendar.add_working_days(start, 1) == end
    for bad in (True, -1, 1.0):
        with pytest.raises(UserError):
            calendar.period_end(start, bad)
        with pytest.raises(UserError):
            calendar.add_working_days(start, bad)
