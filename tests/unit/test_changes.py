"""What a write changed (core/changes.py): which screens a change touches."""

from __future__ import annotations

from hexie_desktop.core.changes import ALL, CASE, NOTHING, REGISTRY, SETTINGS, USERS, Changes


def test_one_case_touches_that_case_and_the_case_lists_only() -> None:
    changes = Changes.case("A1")
    assert changes.touches("case:A1") and changes.touches(CASE)
    assert not changes.touches("case:B2")
    assert not changes.touches(REGISTRY, USERS, SETTINGS)


def test_some_cases_unknown_which_touch_every_case() -> None:
    assert Changes.cases().touches("case:B2") and Changes.cases().touches(CASE)
    assert Changes.cases(["A1", "B2"]).areas == frozenset({"case:A1", "case:B2"})


def test_a_register_touches_itself_and_the_registers_not_another_register() -> None:
    changes = Changes.registry("mediators")
    assert changes.touches("registry:mediators") and changes.touches(REGISTRY)
    assert not changes.touches("registry:enterprises") and not changes.touches(CASE)
    assert Changes.registry().touches("registry:enterprises")


def test_everything_and_nothing() -> None:
    assert ALL.touches("case:A1") and ALL.touches(USERS) and ALL.touches("registry:orgs")
    assert not NOTHING and not NOTHING.touches(CASE, USERS)
    both = Changes.case("A1") | Changes.of(USERS)
    assert both.touches(USERS) and both.touches("case:A1") and not both.touches(SETTINGS)
