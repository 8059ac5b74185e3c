"""The typed case view's pure parts (core/case_view.py, core/money.Money): JSON back in, masking, amounts.

The view built from a real station and its JSON compared with the old dict builder are in
tests/e2e/test_case_view.py.
"""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from datetime import date

import pytest

from hexie_desktop.core.case_view import from_json, masked, to_json
from hexie_desktop.core.errors import UserError
from hexie_desktop.core.money import Money

CASE = {
    "id": "c1", "number": "（2026）东坝劳调字第1号", "state": "performing", "received_on": "2026-09-16",
    "main_category": "wages", "workers": 2, "claimed_total": "12000.50",
    "applicants": [{"id": "p1", "name": "张三", "id_number": "110105199005171234", "phone": "13800138000",
                    "address": "东坝村1号", "is_representative": True}],
    "respondent": {"id": "e1", "name": "宏达公司", "phone": "13900139000", "address": "建设路8号"},
    "claims": [{"category": "wages", "description": "欠薪", "amount": "12000.50"}],
    "agreement": {"effective_on": "2026-09-20", "agreed_total": "10000.00",
                  "items": [{"id": "i1", "seq": 1, "obligation": "支付工资", "amount": "10000.00",
                             "due_on": "2026-09-30", "paid": "0.00"}]},
    "documents": [{"id": "d1", "doc_type": "acceptance", "title": "受理通知书", "issued_at": "2026-09-17T08:00:00",
                   "pages": 1}],
    "deadline_details": {"mediation": {"label": "调解期限", "due": "2026-10-08", "basis": "15日", "status": "met",
                                       "active": False, "warning": None}},
    "actions": {"accept": "本案已受理", "perform-item": None},
}


def test_json_in_gives_dates_money_and_tuples():
    view = from_json(CASE)
    assert view.received_on == date(2026, 9, 16) and view.claimed_total == Money(1200050)
    assert view.agreement is not None and view.agreement.items[0].amount.upper == "人民币壹万元整"
    assert view.agreement.status == "effective" and view.main_category_label.startswith("劳动报酬")
    assert view.deadline("mediation") is not None and view.deadline("follow_up") is None
    assert view.available_actions == ("perform-item",) and view.action_reason("accept") == "本案已受理"
    assert isinstance(view.applicants, tuple)
    with pytest.raises(FrozenInstanceError):
        view.state = "closed"  # type: ignore[misc]


def test_json_out_of_json_in_keeps_what_was_given():
    out = to_json(from_json(CASE))
    assert out["claimed_total"] == "12000.50" and out["agreement"]["items"][0]["due_on"] == "2026-09-30"
    assert out["documents"][0]["issued_at"] == "2026-09-17T08:00:00"
    assert out["deadlines"] == {"mediation": "2026-10-08"} and out["actions"] == CASE["actions"]
    assert to_json(from_json(out)) == out


def test_masking_hides_people_not_the_employer_name():
    """ids.PERSONAL_COLUMNS: applicants' ID numbers, phones, addresses; the respondent's phone."""
    view = masked(from_json(CASE))
    person = view.applicants[0]
    assert person.id_number != CASE["applicants"][0]["id_number"] and "*" in (person.id_number or "")
    assert "*" in (person.phone or "") and "*" in (person.address or "")
    assert "*" in (view.respondent.phone or "") and view.respondent.name == "宏达公司"
    assert view.respondent.address == "建设路8号"  # an employer's seat is not personal data


def test_a_partial_or_odd_dict_reads_as_an_empty_view_not_an_error():
    view = from_json({"number": "X-1", "state": "closed", "decision": {"rejected_on": "2026-09-17"},
                      "documents": [{"doc_type": "rejection"}, "junk"], "agreement": None, "workers": "many"})
    assert view.number == "X-1" and view.decision.rejected_on == date(2026, 9, 17)
    assert [d.doc_type for d in view.documents] == ["rejection"] and view.agreement is None
    assert view.workers == 1 and view.sessions == () and view.claimed_total == Money(0)


def test_a_bad_date_or_amount_in_json_is_refused():
    with pytest.raises(ValueError):
        from_json({"received_on": "2026-13-01"})
    with pytest.raises(UserError):
        from_json({"claimed_total": "12.345"})


def test_money_is_whole_fen_only():
    assert str(Money(123450)) == "1234.50" and Money(123450).formatted == "1,234.50"
    assert Money(100).upper == "人民币壹元整" and str(Money(-500)) == "-5.00"
    assert Money.from_json("-5.00") == Money(-500) and Money.from_json(None) == Money(0)
    with pytest.raises(TypeError):
        Money(12.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Money(True)
