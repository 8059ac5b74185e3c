"""services/grade_query.py: the case list's 繁简分流 filter as one query, the same answer as grading each case."""

from __future__ import annotations

import pytest

from hexie_desktop.core.errors import UserError
from hexie_desktop.services import grade_query, grading
from hexie_desktop.services.cases import CaseFilter, list_cases


def test_the_query_picks_the_cases_each_grade_names(ctx):
    found = {grade: grade_query.grade_ids(ctx, grade) for grade in ("major", "ordinary", "simple")}
    every = sorted(c.id for c in list_cases(ctx, CaseFilter()))
    assert not (found["major"] & found["simple"]) and not (found["major"] & found["ordinary"])
    graded = grading.grade_codes(ctx, every)
    assert set(graded) == set(every)
    for case_id, grade in graded.items():             # the grade each case shows is the filter's answer
        assert case_id in found[grade]


def test_an_override_moves_the_case_and_a_bad_grade_changes_nothing(ctx, digest):
    case = list_cases(ctx, CaseFilter())[0]
    other = "simple" if case.id in grade_query.grade_ids(ctx, "major") else "major"
    grading.set_grade(ctx, case.number, other, "涉及人数可能增加")
    assert case.id in grade_query.grade_ids(ctx, other)
    before = digest()
    with pytest.raises(UserError):
        grade_query.grade_ids(ctx, "urgent")
    assert digest() == before
