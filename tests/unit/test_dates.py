"""One date parser for every input path, one Chinese format, one clock conversion (core.dates)."""

from datetime import UTC, date, datetime

import pytest

from hexie_desktop.core import dates, fields
from hexie_desktop.core.errors import UserError


@pytest.mark.parametrize("text", ["2025-03-12", "2025/3/12", "2025.3.12", "2025年3月12日", "20250312",
                                  " 2025 - 03 - 12 "])
def test_every_way_offices_write_a_date(text):
    assert dates.parse(text) == date(2025, 3, 12)
    assert fields.day(text, "on") == date(2025, 3, 12)        # the CLI's JSON reads the same


@pytest.mark.parametrize("text", ["2025-02-30", "2025-13-01", "12/3/2025", "昨天", "", "2025-3", "0001-01-01"])
def test_not_a_date(text):
    assert dates.parse(text) is None or not dates.in_range(dates.parse(text))


@pytest.mark.parametrize("text, message", [("1899-12-31", "1900"), ("9999-12-20", "2100"), ("2101-01-01", "2100")])
def test_dates_outside_the_range_are_refused(text, message):
    with pytest.raises(UserError) as err:
        fields.day(text, "on")
    assert message in err.value.message and err.value.field == "on"


def test_chinese_and_local():
    assert dates.chinese(date(2026, 10, 8)) == "2026年10月8日"
    moment = datetime(2026, 1, 1, 12, 0)
    assert dates.local(moment) == moment.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")
    assert dates.local(None) == ""
