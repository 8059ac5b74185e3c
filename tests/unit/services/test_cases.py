"""services/cases.py: registering cases (a batch: all or none), numbering, the case list."""

from __future__ import annotations

from datetime import timedelta

import pytest

from hexie_desktop.core.errors import NotFound, ValidationErrors
from hexie_desktop.services import cases
from hexie_desktop.services.cases import CaseFilter
from tests.e2e.helpers import applicant, case_payload


def _payload(ctx, **overrides) -> dict:
    day = (ctx.today - timedelta(days=3)).isoformat()
    return case_payload(**{"received_on": day, "infringement_known_on": day, **overrides})


def test_a_batch_is_registered_with_consecutive_numbers_and_found_by_search(ctx):
    before = cases.count_cases(ctx, CaseFilter())
    made = cases.register(ctx, {"cases": [_payload(ctx), _payload(ctx, applicants=[applicant("赵六", seq=456)])]})
    assert len(made) == 2 and cases.count_cases(ctx, CaseFilter()) == before + 2
    with ctx.db.read() as session:
        first, second = (cases.get_case(session, m.number) for m in made)
        assert second.seq == first.seq + 1 and first.state == "registered"
    found = cases.list_cases(ctx, CaseFilter(search="赵六"))
    assert [row.number for row in found] == [made[1].number]
    ids = cases.case_ids(ctx, CaseFilter(), sort="number", descending=True)
    assert ids.index(made[1].id) < ids.index(made[0].id)


def test_one_bad_case_registers_none_of_the_batch(ctx, digest):
    before = digest()
    bad = _payload(ctx, received_on=(ctx.today + timedelta(days=1)).isoformat())
    with pytest.raises(ValidationErrors):
        cases.register(ctx, {"cases": [_payload(ctx), bad]})
    with ctx.db.read() as session, pytest.raises(NotFound):
        cases.get_case(session, "（2099）无此案号")
    assert digest() == before
