"""services/plan_upward.py: the 工作情况 report sent up to the city/province."""

from __future__ import annotations

import pytest

from hexie_desktop.core import stats
from hexie_desktop.core.errors import NotAllowed
from hexie_desktop.services import plan_upward
from hexie_desktop.services.context import Actor, Context


def test_the_year_report_has_its_sections_and_reads_nothing_into_the_database(ctx, digest):
    before = digest()
    report = plan_upward.build(ctx, stats.year(ctx.today.year))
    assert report.sections and all(section.lines for section in report.sections)
    assert report.meta.unit_code == "330106001"
    line = report.line("registers.key_enterprises")
    assert line.unit == "户" and line.total is not None
    assert digest() == before


def test_a_role_without_the_read_right_gets_no_report(station):
    with pytest.raises(NotAllowed):
        plan_upward.build(Context(station.db, Actor("x", "x", "nobody")), stats.year(2026))
