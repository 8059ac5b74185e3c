"""The state machine of SPEC §2.1 as data: sources, targets and guards."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hexie_desktop.core import codes, workflow
from hexie_desktop.core.errors import NotAllowed, UserError

RECEIVED = date(2026, 9, 16)

EXPECTED_SOURCES = {
    "accept": {"registered"},
    "reject": {"registered"},
    "record-session": {"accepted", "mediating"},
    "draft-agreement": {"accepted", "mediating"},
    "agree": {"mediating"},
    "fail": {"accepted", "mediating"},
    "withdraw": {"registered", "accepted", "mediating"},
    "close": {"rejected", "failed", "withdrawn", "performed", "defaulted", "agreed"},
    "archive": {"closed"},
}


@pytest.mark.parametrize("action,sources", sorted(EXPECTED_SOURCES.items()))
def test_actions_start_only_where_spec_allows(action, sources):
    for state in codes.CASE_STATES:
        facts = workflow.CaseFacts(state, RECEIVED, agreement_items=0, unperformed_items=0)
        reason = workflow.unavailable_reason(action, facts)
        assert (reason is None) == (state in sources), (action, state, reason)


def test_archived_is_final():
    facts = workflow.CaseFacts("archived", RECEIVED)
    assert all(reason is not None for reason in workflow.available_actions(facts).values())


def test_reason_names_the_state_in_chinese():
    reason = workflow.unavailable_reason("agree", workflow.CaseFacts("registered", RECEIVED))
    assert "已登记" in reason and "调解中" in reason


def test_close_from_agreed_only_without_items_and_default_only_when_overdue():
    assert workflow.unavailable_reason("close", workflow.CaseFacts("agreed", RECEIVED, 2, 2)) is not None
    assert workflow.unavailable_reason("close", workflow.CaseFacts("agreed", RECEIVED, 0, 0)) is None
    assert workflow.unavailable_reason("default", workflow.CaseFacts("performing", RECEIVED, 2, 1, 0)) is not None
    assert workflow.unavailable_reason("default", workflow.CaseFacts("performing", RECEIVED, 2, 1, 1)) is None
    with pytest.raises(NotAllowed):
        workflow.check_allowed("perform-item", workflow.CaseFacts("performing", RECEIVED, 2, 0))


def _agreement(**missing):
    dates = {k: date(2026, 9, 20) for k in ("applicant_signed_on", "respondent_signed_on", "mediator_signed_on",
                                              "seal_applied_on")}
    dates.update(missing)
    return workflow.AgreementFacts(**dates, items=(workflow.ItemFacts("支付工资", "某公司", 100, date(2026, 9, 30)),))


@given(st.sets(st.sampled_from(["applicant_signed_on", "respondent_signed_on", "mediator_signed_on",
                                "seal_applied_on"])))
def test_agreement_takes_effect_only_with_all_four_facts(absent):
    facts = _agreement(**{name: None for name in absent})
    problems = workflow.agreement_problems(facts)
    assert len(problems) == len(absent)
    if absent:
        with pytest.raises(NotAllowed):
            workflow.effective_date(facts)
    else:
        assert workflow.effective_date(facts) == date(2026, 9, 20)


def test_effective_date_is_the_last_signature():
    facts = _agreement(seal_applied_on=date(2026, 9, 22))
    assert workflow.effective_date(facts) == date(2026, 9, 22)


def test_item_needs_payer_and_due_date():
    facts = workflow.AgreementFacts(date(2026, 9, 20), date(2026, 9, 20), date(2026, 9, 20), date(2026, 9, 20),
                                    items=(workflow.ItemFacts("支付", "", None, None),))
    assert workflow.agreement_problems(facts) == ["第1项缺少履行义务人", "第1项缺少履行期限"]


def test_reasons_and_dates():
    with pytest.raises(UserError):
        workflow.require_reason(None, codes.FAILURE_REASONS, None)
    with pytest.raises(UserError):
        workflow.require_reason("other", codes.FAILURE_REASONS, "  ")
    assert workflow.require_reason("other", codes.FAILURE_REASONS, "双方均未到场") == "other"
    with pytest.raises(UserError):
        workflow.check_action_date(date(2026, 9, 15), received_on=RECEIVED, today=date(2026, 11, 21), field="on")
    with pytest.raises(UserError):
        workflow.check_action_date(date(2026, 11, 22), received_on=RECEIVED, today=date(2026, 11, 21), field="on")


@pytest.mark.parametrize("layoffs,employees,met", [(20, 1000, True), (19, 1000, False), (10, 100, True),
                                                   (9, 100, False), (1, 0, False)])
def test_article_41_threshold(layoffs, employees, met):
    assert workflow.art41_threshold_met(layoffs, employees) is met


def test_collective_threshold():
    assert not workflow.is_collective(9) and workflow.is_collective(10)
