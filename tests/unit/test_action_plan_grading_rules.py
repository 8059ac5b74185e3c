"""The grading rules of core/grading.py at their boundaries.

Seed 002 (local practice, "多元调处"): 简案快调、繁案精调 and the 重大集体劳动争议 reported to the
协调劳动关系三方; LDTJ art. 7: ten or more workers make a collective dispute.
"""

from __future__ import annotations

from datetime import date

import pytest

from hexie_desktop.core import grading as g
from hexie_desktop.core.errors import UserError, ValidationErrors

LIMIT = g.Limits()


def _grade(workers: int = 1, yuan: int = 5_000, category: str = "wages", collective: bool = False,
           signals: frozenset[str] = frozenset()) -> g.Grade:
    return g.grade(workers=workers, claimed_cents=yuan * 100, category=category, collective=collective,
                   signals=signals, limit=LIMIT)


@pytest.mark.parametrize("kwargs,expected", [
    ({}, "simple"),
    ({"yuan": 20_000}, "simple"),                         # at the limit
    ({"yuan": 20_001}, "ordinary"),
    ({"workers": 2}, "ordinary"),
    ({"category": "work_injury"}, "ordinary"),
    ({"category": "rest_leave"}, "simple"),
    ({"signals": frozenset({"lead"})}, "ordinary"),
    ({"workers": 10}, "ordinary"),                         # collective, not yet major
    ({"workers": 29}, "ordinary"),
    ({"workers": 30}, "major"),
    ({"yuan": 1_000_000}, "major"),
    ({"yuan": 999_999}, "ordinary"),
    ({"workers": 10, "signals": frozenset({"lead", "red_lead"})}, "major"),
    ({"workers": 1, "signals": frozenset({"lead", "red_lead"})}, "ordinary"),   # a red lead alone: not major
    ({"workers": 3, "collective": True, "signals": frozenset({"red_lead"})}, "major"),
])
def test_grade(kwargs, expected):
    assert _grade(**kwargs).code == expected


def test_reasons_name_what_decided():
    assert _grade(workers=40, yuan=2_000_000).reasons == ("涉及40人（达到30人）", "请求金额达到1,000,000元")
    assert "争议类型需一般程序" in _grade(category="labor_relation").reasons
    assert _grade(signals=frozenset({"lead", "red_lead"})).reasons == ("用人单位或本案有红色预警线索",)


def test_major_collective_and_report_deadline():
    assert g.is_major_collective("major", 10, False) and g.is_major_collective("major", 2, True)
    assert not g.is_major_collective("major", 9, False) and not g.is_major_collective("ordinary", 50, True)
    assert g.report_due(date(2026, 11, 30), LIMIT) == date(2026, 12, 1)
    assert g.report_due(date(2026, 11, 30), g.Limits(report_days=0)) == date(2026, 11, 30)


def test_override_needs_a_known_grade_and_a_reason():
    assert g.check_override("auto", None) is None and g.check_override(None, None) is None
    assert g.check_override("major", "群体性苗头") == "major"
    with pytest.raises(UserError):
        g.check_override("major", None)
    with pytest.raises(UserError):
        g.check_override("huge", "x")
    assert g.effective("simple", None) == "simple" and g.effective("simple", "major") == "major"


def test_limits_validation():
    assert g.limits(None) == LIMIT and g.limits({"report_days": 3}).report_days == 3
    with pytest.raises(ValidationErrors) as info:
        g.limits({"major_workers": 9, "report_days": -1, "x": 1, "major_yuan": 1.5})
    assert {e.field for e in info.value.errors} == {"major_workers", "report_days", "x", "major_yuan"}
