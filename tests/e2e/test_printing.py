"""Printing from case data: issued-document records, identical re-prints, QR verification."""

from __future__ import annotations

import subprocess

import pytest

from hexie_desktop.core.errors import NotAllowed, UserError
from hexie_desktop.services import case_actions, cases, printing
from tests.e2e.helpers import applicant, case_payload, signatures


@pytest.fixture
def agreed_case(ctx) -> str:
    number = cases.register(ctx, {"cases": [case_payload(applicants=[applicant("黄䶮")])]})[0].number
    case_actions.apply(ctx, number, "accept", {"on": "2026-09-17"})
    case_actions.apply(ctx, number, "record-session", {"held_on": "2026-09-18"})
    case_actions.apply(ctx, number, "agree", {"items": [
        {"obligation": "支付拖欠工资", "amount": "12345.60", "due_on": "2026-09-30", "category": "wages",
         "payee": "黄䶮"}], **signatures()})
    return number


def test_agreement_print_is_recorded_once_and_verifiable(station, ctx, agreed_case, tmp_path):
    first = printing.print_case_document(ctx, "agreement", agreed_case, tmp_path / "a.pdf")
    again = printing.print_case_document(ctx, "agreement", agreed_case, tmp_path / "b.pdf")
    assert first.content_hash == again.content_hash and first.document_id == again.document_id
    assert not first.reprint and again.reprint
    text = subprocess.run(["pdftotext", str(first.path), "-"], capture_output=True, text=True, check=True).stdout
    assert "黄䶮" in text and "人民币壹万贰仟叁佰肆拾伍元陆角整" in text and agreed_case in text
    with station.db.read() as session:
        case_id = cases.get_case(session, agreed_case).id
    answer = printing.verify(ctx, f"HEXIE1|{case_id}|{first.content_hash}")
    assert answer.match and not answer.data_changed and agreed_case in answer.message
    assert not printing.verify(ctx, f"HEXIE1|{case_id}|{'0' * 64}").match
    assert not printing.verify(ctx, "something else").match
    reprinted = printing.reprint(ctx, first.document_id, tmp_path / "c.pdf")
    assert reprinted.content_hash == first.content_hash
    case_actions.apply(ctx, agreed_case, "perform-item", {"item": 1, "on": "2026-09-29"})
    assert printing.verify(ctx, f"HEXIE1|{case_id}|{first.content_hash}").match


def test_every_case_document_prints_and_drafts_are_not_recorded(ctx, agreed_case, tmp_path):
    contradicting = {"rejection", "termination", "followup", "cover", "catalog", "mediation_notice", "withdrawal",
                     "default_notice", "recommendation"}  # core/papers.py (tests/e2e/test_new_papers.py)
    options = {"service": {"documents": ["agreement"], "recipient": "黄䶮"}}  # core/paper_inputs.py
    for doc in printing.CASE_DOCUMENTS:
        if doc == "major_report":  # only for a 重大集体劳动争议: tests/e2e/test_action_plan_grading.py
            continue
        if doc in contradicting:
            with pytest.raises(NotAllowed):
                printing.print_case_document(ctx, doc, agreed_case, tmp_path / f"{doc}.pdf")
            continue
        result = printing.print_case_document(ctx, doc, agreed_case, tmp_path / f"{doc}.pdf", draft=doc == "record",
                                              options=options.get(doc))
        assert result.path.stat().st_size > 1000 and result.pages >= 1
    with pytest.raises(UserError):
        printing.print_case_document(ctx, "poster", agreed_case, tmp_path / "x.pdf")
    from hexie_desktop.services.case_queries import show

    issued = {d["doc_type"] for d in show(ctx, agreed_case)["documents"]}
    assert "record" not in issued and {"agreement", "application", "acceptance"} <= issued
    assert not issued & contradicting


def test_a_preview_is_not_an_issue_until_printed_or_saved(ctx, agreed_case, tmp_path):
    """Issue 10 rule 1: 预览 records nothing; printing or saving the previewed paper issues it, once."""
    from hexie_desktop.core.errors import Conflict
    from hexie_desktop.services.case_queries import show

    seen = printing.print_case_document(ctx, "agreement", agreed_case, tmp_path / "p.pdf", preview=True)
    assert seen.document_id is None and show(ctx, agreed_case)["documents"] == []
    issued = printing.issue_previewed(ctx, seen, agreed_case)
    assert issued.document_id and not issued.reprint
    assert [d["content_hash"] for d in show(ctx, agreed_case)["documents"]] == [seen.content_hash]
    assert printing.issue_previewed(ctx, seen, agreed_case).reprint  # saving it again is not a new paper
    stale = printing.print_case_document(ctx, "acceptance", agreed_case, tmp_path / "q.pdf", preview=True)
    case_actions.apply(ctx, agreed_case, "follow-up", {"visited_on": "2026-09-30"})
    printing.issue_previewed(ctx, stale, agreed_case)  # the acceptance notice does not print follow-ups
    with pytest.raises(NotAllowed):
        printing.issue_previewed(ctx, printing.Printed(seen.path, "rejection", seen.content_hash, 1, (), None,
                                                       False), agreed_case)
    with pytest.raises(Conflict):
        printing.issue_previewed(ctx, printing.Printed(seen.path, "agreement", "0" * 64, 3, (), None, False),
                                 agreed_case)
