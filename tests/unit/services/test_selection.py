"""services/selection.py: 选树 — nominate, check each criterion, review, decide, withdraw.

Criteria quote 人社部发〔2023〕… (core/selection.py names each one's source); a decision needs
every criterion met.
"""

from __future__ import annotations

import pytest

from hexie_desktop.core.errors import HexieError, NotAllowed, UserError
from hexie_desktop.services import registries, selection


def _coordinator(ctx) -> dict:
    """A coordinator of the template never nominated (the demo data nominates some)."""
    return next(r for r in registries.list_records(ctx, "coordinators") if not r["selection_label"])


def test_a_nomination_goes_through_review_to_a_decision(ctx):
    person = _coordinator(ctx)
    year = ctx.today.year
    row = selection.nominate(ctx, "gold_coordinator", person["id"], year, "工作突出")
    assert row["status"] == "nominated" and row["subject_name"] == person["name"]
    for item in row["checks"]:
        row = selection.check(ctx, row["id"], item["code"], "met", "核实")
    row = selection.review(ctx, row["id"], "材料齐全")
    assert row["status"] == "reviewed"
    row = selection.decide(ctx, row["id"], True)
    assert row["status"] == "selected"
    assert selection.show(ctx, row["id"])["facts"]  # the register's facts beside the decision
    listed = registries.list_records(ctx, "coordinators")
    assert next(r for r in listed if r["id"] == person["id"])["selection_label"].startswith(str(year))


def test_refusals_change_nothing(ctx, as_user, digest):
    person = _coordinator(ctx)
    year = ctx.today.year
    row = selection.nominate(ctx, "gold_coordinator", person["name"], year)  # by its name as well
    before = digest()
    with pytest.raises(UserError, match="不能重复提名"):
        selection.nominate(ctx, "gold_coordinator", person["id"], year)
    with pytest.raises(UserError, match="未知的选树类型"):
        selection.nominate(ctx, "best_of_all", person["id"], year)
    with pytest.raises(HexieError):
        selection.nominate(ctx, "gold_coordinator", "没有这个人", year)
    with pytest.raises(HexieError):
        selection.review(ctx, row["id"])  # criteria still unchecked
    with pytest.raises(UserError, match="写明情况"):
        selection.check(ctx, row["id"], row["checks"][0]["code"], "not_met")
    with pytest.raises(NotAllowed):
        selection.decide(as_user("clerk"), row["id"], True)
    assert digest() == before
    withdrawn = selection.withdraw(ctx, row["id"], "材料不全")
    assert withdrawn["status"] == "withdrawn"
