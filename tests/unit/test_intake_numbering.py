"""Registration validation and numbering patterns."""

from __future__ import annotations

from datetime import date

import pytest

from hexie_desktop.core import intake, numbering
from hexie_desktop.core.errors import UserError, ValidationErrors
from hexie_desktop.core.ids import make_credit_code, make_resident_id

TODAY = date(2026, 11, 21)


def _payload(**extra):
    data = {"received_on": "2026-09-16", "source": "oral",
            "applicants": [{"name": "张三", "id_number": make_resident_id("110105", date(1990, 1, 2), 11)}],
            "respondent": {"name": "某公司", "credit_code": make_credit_code("91110105MA01ABCD2")},
            "claims": [{"category": "wages", "amount": "100"}, {"category": "double_wages", "amount": "3000.5"}]}
    data.update(extra)
    return data


def test_valid_payload_derives_person_data_and_main_claim():
    draft = intake.parse_case(_payload(), today=TODAY)
    assert draft.applicants[0].sex == "male" and draft.applicants[0].birth_date == date(1990, 1, 2)
    assert draft.claimed_cents == 310050 and draft.main_category == "double_wages"
    assert not draft.collective


def test_every_error_is_reported_at_once_with_its_path():
    bad = _payload(received_on="2026-02-30", source="fax", claims=[{"category": "x", "amount": "1.234"}],
                   respondent={"name": "", "credit_code": "123"})
    with pytest.raises(ValidationErrors) as info:
        intake.parse_case(bad, today=TODAY, path="cases[3]")
    assert {e.field for e in info.value.errors} == {
        "cases[3].received_on", "cases[3].source", "cases[3].claims[0].category", "cases[3].claims[0].amount",
        "cases[3].respondent.name", "cases[3].respondent.credit_code"}


def test_duplicate_worker_and_late_knowledge_date():
    worker = {"name": "张三", "id_number": make_resident_id("110105", date(1990, 1, 2), 11)}
    with pytest.raises(ValidationErrors) as info:
        intake.parse_case(_payload(applicants=[worker, dict(worker, name="张叁")], infringement_known_on="2026-10-01"),
                          today=TODAY)
    assert {e.field for e in info.value.errors} == {"case.applicants[1].id_number", "case.infringement_known_on"}


def test_numbering_patterns():
    assert numbering.format_case_number(numbering.DEFAULT_CASE_PATTERN, year=2026, short_name="东坝", n=7) == \
        "（2026）东坝劳调字第7号"
    assert numbering.format_archive_number("{year}-{n:04d}", year=2026, n=7) == "2026-0007"
    with pytest.raises(UserError):
        numbering.validate_pattern("（{year}）劳调字")
    with pytest.raises(UserError):
        numbering.validate_pattern("{year}{secret}{n}")
    with pytest.raises(UserError):
        numbering.validate_pattern("{year")
