"""services/employers.py: the shared employer register behind every case's respondent."""

from __future__ import annotations

import pytest

from hexie_desktop.core.errors import NotAllowed
from hexie_desktop.core.ids import make_credit_code
from hexie_desktop.core.intake import RespondentDraft
from hexie_desktop.services import employers


def _draft(name: str, code: str, **details: str) -> RespondentDraft:
    empty = dict.fromkeys(("address", "legal_representative", "phone", "employer_type", "industry"))
    return RespondentDraft(name=name, credit_code=code, **{**empty, **details})


def test_the_same_credit_code_finds_the_same_employer_and_fills_missing_details(station, ctx):
    code = make_credit_code("91330106MA01XYW07")
    with station.db.transaction() as session:
        first = employers.find_or_create(session, _draft("测试甲公司", code))
        again = employers.find_or_create(session, _draft("测试甲公司（改名）", code,
                                                                 phone="0571-1234567"))
        assert again is first and again.phone == "0571-1234567" and again.name == "测试甲公司"
    found = employers.search(ctx, "测试甲")
    assert [row.credit_code for row in found] == [code]
    assert employers.search(ctx, code[-6:])[0].name == "测试甲公司"


def test_search_is_read_only_and_needs_the_read_right(station, digest):
    from hexie_desktop.services.context import Actor, Context

    outsider = Context(station.db, Actor(username="x", display_name="x", role="nobody"))
    before = digest()
    with pytest.raises(NotAllowed):
        employers.search(outsider, "公司")
    assert digest() == before
