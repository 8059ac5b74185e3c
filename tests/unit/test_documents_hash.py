"""Content hashes cover exactly the printed fields; the agreement's QR code carries one."""

from __future__ import annotations

import copy

import pytest

from hexie_desktop.documents import DOCUMENTS, agreement_final_problems, content_hash
from hexie_desktop.documents.model import QR
from hexie_desktop.documents.projection import canonical_json, project
from hexie_desktop.documents.templates import agreement
from tests.unit import test_documents_helpers as h


def test_canonical_json_ignores_key_order_and_keeps_chinese():
    assert canonical_json({"b": 1, "a": "䶮"}) == canonical_json({"a": "䶮", "b": 1})
    assert canonical_json({"a": "䶮"}) == '{"a":"䶮"}'.encode()


def test_projection_normalises_amounts_and_fills_missing_keys():
    shape = {"amount": "amount", "name": True, "items": [{"amount": "amount"}], "sub": {"x": True}}
    data = {"amount": "1,234.5", "items": [{"amount": 7}], "extra": "ignored"}
    assert project(data, shape) == {"amount": "1234.50", "name": None, "items": [{"amount": "7.00"}],
                                    "sub": None}


@pytest.mark.parametrize("doc_type", [k for k, v in DOCUMENTS.items() if v.subject == "case"])
def test_hash_is_stable_and_ignores_what_the_document_does_not_print(doc_type):
    case = h.individual()
    base = content_hash(doc_type, case)
    assert base == content_hash(doc_type, copy.deepcopy(case))
    case["events"] = [{"seq": 1, "action": "print"}]
    case["actions"] = {"close": "not yet"}
    assert content_hash(doc_type, case) == base


def test_hash_changes_when_a_printed_field_changes():
    case = h.individual()
    base = content_hash("agreement", case)
    changed = copy.deepcopy(case)
    changed["agreement"]["items"][0]["amount"] = "6172.81"
    assert content_hash("agreement", changed) != base
    same = copy.deepcopy(case)
    same["agreement"]["items"][0]["amount"] = "6172.8"  # the same amount, written differently
    assert content_hash("agreement", same) == base
    other = copy.deepcopy(case)
    other["number"] = "（2026）东坝劳调字第13号"
    assert content_hash("agreement", other) != base


def test_hashes_differ_between_document_types():
    case = h.individual()
    kinds = [t for t in DOCUMENTS if DOCUMENTS[t].subject == "case"]
    assert len(kinds) >= 13
    assert len({content_hash(t, case) for t in kinds}) == len(kinds)


def test_agreement_qr_code_carries_case_id_and_document_hash():
    case = h.individual()
    document = DOCUMENTS["agreement"](case, h.station())
    codes = [b for b in document.blocks if isinstance(b, QR)]
    assert len(codes) == 1
    assert codes[0].text == f"HEXIE1|{case['id']}|{content_hash('agreement', case)}"
    assert QR not in {type(b) for b in agreement.build_draft(case, h.station()).blocks}


def test_agreement_final_problems_lists_items_lacking_amount_payer_or_due_date():
    case = h.individual()
    assert agreement_final_problems(case) == []
    items = case["agreement"]["items"]
    items[0]["amount"] = None
    items[1]["payer"] = " "
    items[2]["due_on"] = None
    items[3].update(amount="abc", payer=None, due_on="")
    problems = agreement_final_problems(case)
    assert len(problems) == 4
    assert "第1项" in problems[0] and "金额" in problems[0]
    assert "给付方" in problems[1]
    assert "履行期限" in problems[2]
    assert "金额、给付方、履行期限" in problems[3]


def test_agreement_without_agreement_is_a_problem():
    case = h.individual()
    case["agreement"] = None
    assert agreement_final_problems(case) == ["尚未录入调解协议"]
    case["agreement"] = {"items": [], "content": ""}
    assert len(agreement_final_problems(case)) == 1
    case["agreement"]["content"] = "双方互不追究。"
    assert agreement_final_problems(case) == []
