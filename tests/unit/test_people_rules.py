"""Core rules of issue 16 points 2–3 and issue 10 point 14: a mediator for every accepted case, the
session's mediators from the register, who applied (worker or employer) and how papers name them."""

from __future__ import annotations

from datetime import date

import pytest

from hexie_desktop.core import workflow
from hexie_desktop.core.errors import UserError, ValidationErrors
from hexie_desktop.core.intake import parse_case
from hexie_desktop.documents.templates import common

CASE = {"received_on": "2026-09-16", "applicants": [{"name": "张三"}], "respondent": {"name": "某公司"},
        "claims": [{"category": "wages", "amount": "100"}]}


def test_acceptance_needs_a_mediator() -> None:
    """LDTJ art. 10–13 (mediation by the organisation's mediators); 企业劳动争议协商调解规定 art. 24."""
    workflow.check_mediator_assigned(True, 0)
    with pytest.raises(UserError, match="调解员名册中还没有调解员") as empty:
        workflow.check_mediator_assigned(False, 0)
    assert empty.value.field == "mediator"
    with pytest.raises(UserError, match="受理须指定调解员"):
        workflow.check_mediator_assigned(False, 3)


def test_session_mediators_must_be_registered() -> None:
    """LDTJ art. 13: the record names the mediators who conducted the session."""
    assert workflow.check_session_mediators(["王五", "李四"], {"王五", "李四", "赵六"}) == "王五、李四"
    with pytest.raises(UserError, match="路人甲") as refused:
        workflow.check_session_mediators(["王五", "路人甲"], {"王五"})
    assert refused.value.field == "mediators"


def test_applicant_side_defaults_to_the_workers_and_is_checked() -> None:
    """LDTJ art. 12: 当事人 — either side — may apply; ``worker`` unless said otherwise."""
    today = date(2026, 11, 21)
    assert parse_case(CASE, today=today).applicant_side == "worker"
    assert parse_case({**CASE, "applicant_side": "employer"}, today=today).applicant_side == "employer"
    with pytest.raises(ValidationErrors) as bad:
        parse_case({**CASE, "applicant_side": "both"}, today=today)
    assert [e.field for e in bad.value.errors] == ["case.applicant_side"]


def test_papers_name_the_parties_by_who_applied() -> None:
    """用人单位申请调解: the employer is 申请人 and listed first; the workers are 被申请人."""
    worker_case = {"applicants": [{"name": "张三"}], "respondent": {"name": "某公司"}}
    employer_case = {**worker_case, "applicant_side": "employer"}
    assert (common.worker_role(worker_case), common.employer_role(worker_case)) == ("申请人", "被申请人")
    assert (common.worker_role(employer_case), common.employer_role(employer_case)) == ("被申请人", "申请人")
    assert common.applying_names(employer_case) == "某公司" and common.responding_names(employer_case) == "张三"
    assert [label for label, _v in common.party_fields(employer_case).rows] == ["申请人", "被申请人"]
    assert common.party_fields(employer_case).rows[0][1].startswith("某公司")
    assert common.party_fields(worker_case).rows[0][1].startswith("张三")
