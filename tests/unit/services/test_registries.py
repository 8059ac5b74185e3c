"""services/registries.py: every register created, searched, updated and tombstoned by one service."""

from __future__ import annotations

import pytest

from hexie_desktop.core.errors import Conflict, HexieError, NotAllowed, NotFound, ValidationErrors
from hexie_desktop.services import registries
from hexie_desktop.services.cases import CaseFilter, list_cases


def test_a_record_is_created_found_updated_and_deleted(ctx):
    saved = registries.save_record(ctx, "mediators", {"name": "登记测试", "employment_mode": "full_time",
                                                      "status": "active"})
    assert [r["id"] for r in registries.list_records(ctx, "mediators", "登记测试")] == [saved["id"]]
    updated = registries.save_record(ctx, "mediators", {"phone": "13900000000"}, saved["id"])
    assert updated["name"] == "登记测试" and updated["phone"] != "13900000000"  # masked on screen
    assert registries.get_record(ctx, "mediators", saved["id"], unmask=True)["phone"] == "13900000000"
    registries.delete_record(ctx, "mediators", saved["id"])
    assert registries.list_records(ctx, "mediators", "登记测试") == []
    with pytest.raises(NotFound):
        registries.get_record(ctx, "mediators", saved["id"])


def test_every_register_searches_only_matching_rows(ctx):
    for kind in registries.KINDS:
        everything = registries.list_records(ctx, kind)
        assert registries.list_records(ctx, kind, "绝不会出现的文字") == [], kind
        assert len(registries.list_records(ctx, kind, "")) == len(everything)


def test_refusals_change_nothing(ctx, as_user, digest):
    employer_in_use = list_cases(ctx, CaseFilter())[0]
    with ctx.db.read() as session:
        from hexie_desktop.services.cases import get_case

        employer_id = get_case(session, employer_in_use.number).respondent_id
    before = digest()
    with pytest.raises(ValidationErrors):
        registries.save_record(ctx, "mediators", {"name": "", "employment_mode": "sometimes"})
    with pytest.raises(Conflict, match="不能删除"):
        registries.delete_record(ctx, "employers", employer_id)
    with pytest.raises(HexieError, match="未知的名册类型"):
        registries.list_records(ctx, "no_such_register")
    with pytest.raises(NotAllowed):
        registries.get_record(as_user("clerk"), "mediators", "x", unmask=True)
    assert digest() == before
