"""The 选树 rules (core/selection.py): order of the steps, what a decision needs, the register mark.

Sources: seed 000 (区三年行动计划) "统一确定金牌劳动关系协调员的标准和要求"; seed 002 "评选“劳动纠纷十佳
调解案例”" (ten a year); a nomination goes 提名 → 逐项核查 → 审核 → 决定.
"""

from __future__ import annotations

import pytest

from hexie_desktop.core import selection as rules
from hexie_desktop.core.errors import UserError


def _results(kind: str, value: str = "met") -> dict[str, str]:
    return {c.code: value for c in rules.KINDS[kind].criteria}


def test_every_kind_has_criteria_with_unique_codes_and_a_register():
    for kind in rules.KINDS.values():
        codes = [c.code for c in kind.criteria]
        assert codes and len(codes) == len(set(codes)), kind.code
        assert kind.subject in rules.SUBJECTS
        assert all(c.source.split(" ")[0] in rules.SOURCES.values() for c in kind.criteria)


@pytest.mark.parametrize("year", [1999, 2101, "20x6", True, None, 2026.5])
def test_years_out_of_range_are_refused(year):
    with pytest.raises(UserError):
        rules.check_year(year)


def test_review_needs_every_criterion_checked_and_an_open_nomination():
    results = _results("gold_coordinator")
    rules.can_review("nominated", results)
    with pytest.raises(UserError, match="未核查"):
        rules.can_review("nominated", {**results, "pool": "unchecked"})
    rules.can_review("nominated", {**results, "pool": "not_met"})          # a 不符合 finding can be reviewed
    for status in ("reviewed", "selected", "not_selected", "withdrawn"):
        with pytest.raises(UserError):
            rules.can_review(status, results)


def test_decision_after_review_selection_only_with_every_criterion_met():
    kind = rules.KINDS["gold_social_org"]
    met = _results("gold_social_org")
    with pytest.raises(UserError, match="尚未审核"):
        rules.can_decide("nominated", True, met, kind_=kind, selected_this_year=0)
    with pytest.raises(UserError, match="不符合"):
        rules.can_decide("reviewed", True, {**met, "lawful": "not_met"}, kind_=kind, selected_this_year=0)
    rules.can_decide("reviewed", False, {**met, "lawful": "not_met"}, kind_=kind, selected_this_year=0)
    for status in ("selected", "not_selected", "withdrawn"):
        with pytest.raises(UserError):
            rules.can_decide(status, True, met, kind_=kind, selected_this_year=0)
    assert kind.yearly_cap is None
    rules.can_decide("reviewed", True, met, kind_=kind, selected_this_year=1000)


def test_checks_and_withdrawal_only_while_open():
    for status in rules.OPEN_STATUSES:
        rules.can_check(status)
        rules.can_withdraw(status)
    for status in ("selected", "not_selected", "withdrawn"):
        with pytest.raises(UserError):
            rules.can_check(status)
        with pytest.raises(UserError):
            rules.can_withdraw(status)


def test_register_mark_prefers_the_latest_selection_then_an_open_nomination():
    assert rules.badge([]) == ""
    assert rules.badge([(2025, "gold_coordinator", "not_selected"), (2024, "gold_coordinator", "withdrawn")]) == ""
    assert rules.badge([(2026, "gold_coordinator", "nominated")]) == "2026金牌劳动关系协调员（已提名）"
    assert rules.badge([(2024, "gold_coordinator", "selected"), (2025, "gold_coordinator", "selected"),
                        (2026, "gold_coordinator", "reviewed")]) == "2025金牌劳动关系协调员"
