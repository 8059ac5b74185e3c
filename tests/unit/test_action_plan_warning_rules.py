"""The early-warning rules of core/warnings.py, each at its boundary.

Seed 000 (区三年行动计划, 用工指导 (1)): "通过 … 劳动争议和投诉举报信息等，加强企业用工动态监测 …
及时发现裁员苗头，探索建立劳动关系监测预警系统，建立重点问题线索工作沟通和报告制度".
Seed 004 (市实施方案) 一是 and seed 001 1.: the same; seed 002: "动态预警".
劳动合同法 art. 41 (20 people, or 10% of the workforce) through core.workflow.art41_threshold_met.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from hexie_desktop.core import warnings as w
from hexie_desktop.core.errors import UserError, ValidationErrors

TODAY = date(2026, 11, 21)
ACME = w.Employer("91110105MA01ABCD2X", "e1", "甲公司")
BETA = w.Employer("e2", "e2", "乙公司")
LIMITS = w.Thresholds()


def _case(n: int, days_ago: int, employer: w.Employer = ACME, *, workers: int = 1, cents: int = 100_00,
          category: str = "wages", open_: bool = True, collective: bool = False) -> w.CaseFact:
    return w.CaseFact(f"c{n}", f"第{n}号", employer, TODAY - timedelta(days=days_ago), category, workers, collective,
                      cents, open_)


@pytest.mark.parametrize("ages,expected", [
    ((0, 10, 89), "yellow"),        # three within 90 days (today counts as day 1)
    ((0, 10, 90), None),            # the third is one day outside the window
    ((0, 1, 2, 3, 4, 5), "orange"),  # twice the minimum
    ((0, 1), None),
])
def test_repeat_disputes_window_and_levels(ages, expected):
    signals = w.repeat_disputes([_case(i, a) for i, a in enumerate(ages)], TODAY, LIMITS)
    assert [s.level for s in signals] == ([expected] if expected else [])
    if expected:
        assert signals[0].subject == f"employer:{ACME.key}" and signals[0].employer_id == "e1"


def test_repeat_disputes_group_by_employer_and_evidence_follows_the_cases():
    cases = [_case(1, 0), _case(2, 1), _case(3, 2, BETA), _case(4, 3, BETA)]
    assert w.repeat_disputes(cases, TODAY, LIMITS) == []
    three = w.repeat_disputes(cases + [_case(5, 4)], TODAY, LIMITS)
    four = w.repeat_disputes(cases + [_case(5, 4), _case(6, 5)], TODAY, LIMITS)
    assert three[0].evidence != four[0].evidence
    assert w.repeat_disputes(list(reversed(cases + [_case(5, 4)])), TODAY, LIMITS)[0].evidence == three[0].evidence


@pytest.mark.parametrize("case,rule,level", [
    (_case(1, 0, workers=10), "collective", "red"),                              # LDTJ art. 7: ten workers
    (_case(1, 0, workers=9), None, None),
    (_case(1, 0, workers=12, category="social_insurance"), "collective", "orange"),
    (_case(1, 0, collective=True, workers=3), "collective", "red"),
    (_case(1, 0, cents=50_000_00), "wage_arrears", "yellow"),                    # 5万元 exactly
    (_case(1, 0, cents=49_999_99), None, None),
    (_case(1, 0, cents=90_000_00, category="work_injury"), None, None),
    (_case(1, 0, workers=10, open_=False), None, None),                          # closed cases are history
])
def test_wage_and_collective(case, rule, level):
    signals = w.wage_and_collective([case], LIMITS)
    assert [(s.rule, s.level) for s in signals] == ([(rule, level)] if rule else [])


def _item(n: int, due_days_ago: int, cents: int = 1000_00, employer: w.Employer = ACME) -> w.OverdueFact:
    return w.OverdueFact(f"i{n}", f"第{n}号", employer, TODAY - timedelta(days=due_days_ago), cents)


def test_overdue_payments_grace_count_and_amount():
    assert w.overdue_payments([_item(1, 0)], TODAY, LIMITS) == []             # due today: not yet overdue
    assert [s.level for s in w.overdue_payments([_item(1, 1)], TODAY, LIMITS)] == ["yellow"]
    assert [s.level for s in w.overdue_payments([_item(1, 1), _item(2, 3)], TODAY, LIMITS)] == ["orange"]
    assert [s.level for s in w.overdue_payments([_item(1, 1, 50_000_00)], TODAY, LIMITS)] == ["red"]
    assert w.overdue_payments([_item(1, 1, 0)], TODAY, LIMITS) == []          # paid in full
    graced = w.Thresholds(overdue_grace_days=5)
    assert w.overdue_payments([_item(1, 5)], TODAY, graced) == []
    assert len(w.overdue_payments([_item(1, 6)], TODAY, graced)) == 1
    two = w.Thresholds(overdue_min_items=2)
    assert w.overdue_payments([_item(1, 2)], TODAY, two) == []
    assert len(w.overdue_payments([_item(1, 2), _item(2, 2, employer=BETA)], TODAY, two)) == 0


@pytest.mark.parametrize("last,now,layoffs,expected", [
    (100, 80, (), [("headcount_fall", "yellow")]),         # 20% fall
    (100, 81, (), []),
    (100, 60, (), [("headcount_fall", "orange")]),         # 40%: twice the threshold
    (0, 0, (20,), [("layoff_threshold", "red")]),           # 20 people whatever the size
    (150, 150, (15,), [("layoff_threshold", "red")]),       # 10% of 150
    (150, 150, (14,), []),
    (500, 500, (19,), []),
    (100, 70, (10,), [("headcount_fall", "yellow"), ("layoff_threshold", "red")]),
])
def test_enterprise_signals(last, now, layoffs, expected):
    firm = w.EnterpriseFact("k1", ACME, last, now, layoffs)
    assert [(s.rule, s.level) for s in w.enterprise_signals([firm], LIMITS)] == expected


def test_evaluate_orders_most_serious_first():
    signals = w.evaluate(today=TODAY, limits=LIMITS, cases=[_case(1, 0), _case(2, 1), _case(3, 2, workers=10)],
                         enterprises=[w.EnterpriseFact("k1", BETA, 100, 100, (30,))])
    assert [s.level for s in signals] == ["red", "red", "yellow"]


def test_thresholds_validation():
    assert w.thresholds(None) == LIMITS
    assert w.thresholds({"repeat_min_cases": 5}).repeat_min_cases == 5
    with pytest.raises(ValidationErrors) as info:
        w.thresholds({"repeat_min_cases": 1, "headcount_fall_percent": 101, "bogus": 3, "wage_arrears_yuan": "5"})
    assert {e.field for e in info.value.errors} == {"repeat_min_cases", "headcount_fall_percent", "bogus",
                                                   "wage_arrears_yuan"}
    with pytest.raises(UserError):
        w.thresholds([1, 2])
    assert w.as_dict(LIMITS)["handle_days_red"] == 3 and LIMITS.handle_days("orange") == 7


@pytest.mark.parametrize("status,action,note,owner,result", [
    ("open", "assign", None, "王", "in_progress"),
    ("open", "follow_up", "电话", None, "in_progress"),
    ("in_progress", "close", "已化解", None, "closed"),
    ("open", "dismiss", "误报", None, "dismissed"),
    ("closed", "reopen", "再次发生", None, "open"),
])
def test_after_action(status, action, note, owner, result):
    assert w.after_action(status, action, note=note, owner=owner) == result


@pytest.mark.parametrize("status,action,note,owner", [
    ("open", "assign", "x", None), ("open", "close", None, None), ("open", "reopen", "x", None),
    ("closed", "follow_up", "x", None), ("dismissed", "close", "x", None), ("open", "raise", "x", None),
])
def test_after_action_refusals(status, action, note, owner):
    with pytest.raises(UserError):
        w.after_action(status, action, note=note, owner=owner)
