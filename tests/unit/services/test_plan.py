"""services/plan.py: the yearly targets (行动计划) and the progress against them."""

from __future__ import annotations

import pytest

from hexie_desktop.core import stats
from hexie_desktop.core.errors import NotAllowed, UserError
from hexie_desktop.services import plan


def test_a_target_set_for_a_year_is_kept_and_the_others_keep_their_defaults(ctx):
    year = ctx.today.year
    defaults = plan.targets(ctx, year)
    out = plan.set_targets(ctx, year, {"coordinators_new": 7})
    assert out["coordinators_new"] == 7
    assert {k: v for k, v in out.items() if k != "coordinators_new"} == \
        {k: v for k, v in defaults.items() if k != "coordinators_new"}
    progress = plan.progress(ctx, stats.year(year))
    row = next(r for r in progress.rows if r.code == "coordinators_new")
    assert row.target == 7


def test_refusals_change_nothing(ctx, as_user, digest):
    year = ctx.today.year
    before = digest()
    with pytest.raises(UserError):
        plan.set_targets(ctx, year, {"coordinators_new": -1})
    with pytest.raises(UserError):
        plan.set_targets(ctx, year, {"no_such_indicator": 1})
    with pytest.raises(NotAllowed):
        plan.set_targets(as_user("head"), year, {"coordinators_new": 1})
    with pytest.raises(UserError, match="不能跨年"):
        plan.progress(ctx, stats.custom(stats.year(year - 1).start, stats.year(year).end))
    assert digest() == before
