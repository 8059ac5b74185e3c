"""services/grading.py: 繁简分流 — each case's grade, overrides with a reason, the major-case report."""

from __future__ import annotations

import pytest

from hexie_desktop.core.errors import NotAllowed, UserError
from hexie_desktop.services import grading
from hexie_desktop.services.cases import CaseFilter, list_cases


def _number(ctx) -> str:
    return list_cases(ctx, CaseFilter())[0].number


def test_an_override_with_a_reason_changes_the_grade_and_auto_restores_it(ctx):
    number = _number(ctx)
    computed = grading.case_grade(ctx, number)
    other = "major" if computed["grade"] != "major" else "simple"
    changed = grading.set_grade(ctx, number, other, "涉及人数可能增加")
    assert changed["grade"] == other
    case_id = list_cases(ctx, CaseFilter())[0].id
    assert grading.grade_codes(ctx, [case_id])[case_id] == other
    assert grading.set_grade(ctx, number, "auto")["grade"] == computed["grade"]


def test_refusals_change_nothing(ctx, as_user, digest):
    number = _number(ctx)
    before = digest()
    with pytest.raises(UserError):
        grading.set_grade(ctx, number, "major")  # an override needs its reason
    with pytest.raises(UserError, match="未知的分级"):
        grading.set_grade(ctx, number, "urgent", "原因")
    with pytest.raises(NotAllowed):
        grading.set_grade(as_user("clerk"), number, "major", "原因")
    assert digest() == before


def test_every_case_has_a_grade_and_the_filter_agrees(ctx):
    rows = grading.list_grades(ctx)
    assert rows and {r["grade"] for r in rows} <= {"simple", "ordinary", "major"}
    ids = [r.id for r in list_cases(ctx, CaseFilter())]
    codes = grading.grade_codes(ctx, ids)
    simple = grading.filter_ids(ctx, ids, "simple")
    assert simple == [i for i in ids if codes[i] == "simple"]
