"""The core rules behind the case life's legal checks (issue 10, rules 1–10), each with its source."""

from __future__ import annotations

from datetime import date

import pytest

from hexie_desktop.core import dossier, intake, papers, periods, workflow
from hexie_desktop.core.case_view import from_json
from hexie_desktop.core.errors import NotAllowed, UserError

CAL = periods.WorkCalendar()
DEFAULTS = periods.DeadlineSettings()


def _case(state: str, **decision) -> dict:
    return {"state": state, "decision": decision, "sessions": [], "documents": [], "attachments": []}


# --- rule 1: papers fit the case -------------------------------------------------------------


@pytest.mark.parametrize("case,allowed,refused", [
    (_case("registered"), {"application", "registration"},
     {"notice", "acceptance", "rejection", "termination", "agreement", "cover", "catalog", "service"}),
    (_case("rejected", rejected_on="2026-09-17"), {"application", "rejection"},
     {"acceptance", "notice", "termination", "agreement", "record", "cover", "service"}),  # nothing to serve yet
    ({**_case("rejected", rejected_on="2026-09-17"), "documents": [{"doc_type": "rejection"}]}, {"service"},
     {"acceptance", "withdrawal"}),
    (_case("closed", rejected_on="2026-09-17", closed_on="2026-09-18"), {"rejection", "cover", "catalog"},
     {"acceptance", "termination"}),
    (_case("accepted", accepted_on="2026-09-17"), {"acceptance", "notice", "agreement", "mediation_notice",
                                                    "withdrawal", "recommendation"},
     {"rejection", "termination", "cover", "service", "default_notice"}),
    (_case("failed", accepted_on="2026-09-17", failed_on="2026-10-09"), {"termination", "acceptance"},
     {"rejection", "agreement", "cover"}),
])
def test_each_document_declares_the_facts_it_needs(case, allowed, refused):
    """L17 / local rules (REFERENCE §2.2, §3.3, §3.6): 受理 or written 不予受理; 终止 only after it ended."""
    case = from_json(case)
    for doc in allowed:
        assert papers.allowed(doc, case), doc
    for doc in refused:
        with pytest.raises(NotAllowed) as info:
            papers.check(doc, case)
        assert "不能出具" in info.value.message


# --- rule 2: default only after the due date -------------------------------------------------


def test_default_only_from_the_day_after_the_due_date():
    """民法典 art. 203 ¶2: the last day runs to 24:00."""
    due = date(2026, 10, 10)
    assert not workflow.is_overdue(due, due) and workflow.is_overdue(due, date(2026, 10, 11))
    with pytest.raises(NotAllowed, match="第二百零三条"):
        workflow.check_default((due,), due)
    workflow.check_default((due, None), date(2026, 10, 11))
    with pytest.raises(NotAllowed):
        workflow.check_default((), date(2026, 10, 11))


# --- rule 3: 调解期限届满 only after the period --------------------------------------------------


def test_period_lapsed_reason_only_after_the_mediation_end():
    """LDTJ art. 14 ¶3."""
    end = date(2026, 10, 8)
    with pytest.raises(NotAllowed, match="第十四条"):
        workflow.check_failure_reason("period_lapsed", end, end)
    workflow.check_failure_reason("period_lapsed", date(2026, 10, 9), end)
    workflow.check_failure_reason("refusal", date(2026, 9, 20), end)


# --- rule 4: dates in order ------------------------------------------------------------------


def test_dates_in_order():
    """A decision cannot precede what it decides on (closing ≥ decision, archiving ≥ closing)."""
    basis = workflow.closing_basis(rejected_on=None, failed_on=date(2026, 10, 9), withdrawn_on=None,
                                   defaulted_on=None, effective_on=None, performed_on=(None,))
    with pytest.raises(UserError, match="调解不成日期"):
        workflow.check_not_before(date(2026, 10, 8), basis, field="on")
    assert workflow.check_not_before(date(2026, 10, 9), basis, field="on") == date(2026, 10, 9)
    basis = workflow.closing_basis(rejected_on=None, failed_on=None, withdrawn_on=None, defaulted_on=None,
                                   effective_on=date(2026, 9, 20), performed_on=(date(2026, 9, 29), date(2026, 10, 2)))
    with pytest.raises(UserError, match="最后履行日期"):
        workflow.check_not_before(date(2026, 10, 1), basis, field="on")


# --- rule 5: each path's catalogue ------------------------------------------------------------


def test_each_path_requires_its_own_papers():
    """RMTJ-JZ 卷内目录 (REFERENCE §3.9): a case never mediated needs no 调解笔录 or 告知书."""
    rejected = from_json(_case("closed", rejected_on="2026-09-17", closed_on="2026-09-18"))
    assert dossier.missing_items(rejected) == ["调解申请书（口头申请笔录）或受理登记表", "当事人身份证明",
                                               "不予受理通知书"]
    withdrawn = from_json(_case("closed", accepted_on="2026-09-17", withdrawn_on="2026-09-20"))
    missing = dossier.missing_items(withdrawn)
    assert "撤回调解申请书" in missing and "调解笔录" not in missing and "终止调解通知书" not in missing
    failed = from_json(_case("closed", accepted_on="2026-09-17", failed_on="2026-10-09"))
    assert {"调解笔录", "终止调解通知书", "受理通知书", "当事人权利义务告知书"} <= set(dossier.missing_items(failed))


# --- rule 6: the stored catalogue -------------------------------------------------------------


def test_archived_catalogue_is_printed_as_stored():
    """一案一档: once archived, the file's list and page count no longer change."""
    case = _case("closed", rejected_on="2026-09-17", closed_on="2026-09-18")
    case["documents"] = [{"doc_type": "rejection", "title": "不予受理通知书", "pages": 1},
                         {"doc_type": "cover", "title": "卷宗封面", "pages": 1}]
    case["attachments"] = [{"doc_type": "identity", "title": "身份证复印件", "pages": 2},
                           {"doc_type": "application", "title": "调解申请书", "pages": 2}]
    stored = dossier.catalog_entries(from_json(case))
    assert [e.doc_type for e in stored] == ["application", "identity", "rejection"]  # no cover
    archived = dossier.stored_catalog(dossier.dumps_catalog(stored))
    assert archived == stored  # what the archive action stores reads back the same
    case["decision"]["archive_catalog"] = [{"title": e.title, "doc_type": e.doc_type, "pages": e.pages}
                                           for e in archived or ()]
    case["documents"].append({"doc_type": "cover", "title": "卷宗封面", "pages": 1})  # a reprint
    lines, total = dossier.entries(from_json(case))
    assert [(line.title, line.span) for line in lines] == [("调解申请书", "1-2"), ("身份证复印件", "3-4"),
                                                           ("不予受理通知书", "5")]
    assert total == 5 and not any(line.missing for line in lines)


# --- rule 7: extension and the right to arbitration ------------------------------------------


def test_extension_does_not_delay_the_right_to_arbitration():
    """LDTJ art. 14 ¶3, art. 5."""
    dates = periods.CaseDates(received_on=date(2026, 9, 16), mediation_extended_until=date(2026, 11, 30))
    assert periods.compute_deadlines(dates, DEFAULTS, CAL)["mediation"].due == date(2026, 11, 30)
    assert periods.arbitration_right_from(dates, DEFAULTS, CAL) == date(2026, 10, 8)
    assert not periods.may_apply_for_arbitration(dates, "mediating", date(2026, 10, 8), DEFAULTS, CAL)
    assert periods.may_apply_for_arbitration(dates, "mediating", date(2026, 10, 9), DEFAULTS, CAL)
    assert not periods.may_apply_for_arbitration(dates, "performing", date(2026, 10, 9), DEFAULTS, CAL)


# --- rule 8: representatives optional ---------------------------------------------------------


def test_collective_representatives_warn_not_refuse():
    """LDTJ art. 7 “可以推举代表”; 3–5 usual (local rules)."""
    assert intake.representative_warnings(9, 0) == ()
    assert "第七条" in intake.representative_warnings(10, 0)[0]
    assert intake.representative_warnings(12, 3) == ()
    assert "现为6人" in intake.representative_warnings(12, 6)[0]


# --- rule 9: entrusted cases ------------------------------------------------------------------


def test_entrusted_case_has_its_own_configurable_period():
    """办案规则 仲裁中委托调解: no agreement within 10 days → the hearing proceeds."""
    dates = periods.CaseDates(received_on=date(2026, 11, 2), entrusted=True)
    mediation = periods.compute_deadlines(dates, DEFAULTS, CAL)["mediation"]
    assert mediation.due == date(2026, 11, 12) and "仲裁委委托调解" in mediation.basis
    longer = periods.DeadlineSettings(entrusted_mediation_days=20)
    assert periods.compute_deadlines(dates, longer, CAL)["mediation"].due == date(2026, 11, 23)
    assert not periods.may_apply_for_arbitration(dates, "mediating", date(2026, 12, 1), DEFAULTS, CAL)
    assert periods.returns_to_hearing(dates, "mediating", date(2026, 11, 13), DEFAULTS, CAL)
    assert not periods.returns_to_hearing(dates, "mediating", date(2026, 11, 12), DEFAULTS, CAL)
    with pytest.raises(UserError):
        periods.DeadlineSettings(entrusted_mediation_days=0)


# --- rule 10: limitation restarts -------------------------------------------------------------


def test_limitation_restarts_from_the_termination_date():
    """民法典 art. 195; LDTJ art. 27 (one year)."""
    dates = periods.CaseDates(received_on=date(2026, 9, 16), infringement_known_on=date(2026, 8, 31),
                              mediation_ended_on=date(2026, 10, 9))
    limitation = periods.compute_deadlines(dates, DEFAULTS, CAL)["limitation"]
    assert limitation.due == date(2027, 10, 11)  # 9 Oct 2027 is a Saturday (no 2027 data: Mon–Fri)
    assert "重新计算" in limitation.basis and "第一百九十五条" in limitation.basis
    assert CAL.warnings_for(limitation.due)
    unended = periods.compute_deadlines(periods.CaseDates(received_on=date(2026, 9, 16),
                                                          infringement_known_on=date(2026, 8, 31)), DEFAULTS, CAL)
    assert unended["limitation"].due == date(2027, 8, 31)
