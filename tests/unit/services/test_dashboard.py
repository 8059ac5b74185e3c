"""services/dashboard.py: what is due, this month's counts and what to set up first."""

from __future__ import annotations

import pytest

from hexie_desktop.core.errors import NotAllowed
from hexie_desktop.services import dashboard
from hexie_desktop.services.context import Actor, Context


def test_the_prefiltered_dashboard_equals_the_full_one_and_reads_only(ctx, digest):
    before = digest()
    fast = dashboard.dashboard(ctx)
    full = dashboard.dashboard(ctx, prefilter=False)
    assert fast.items == full.items and fast.month_counts == full.month_counts
    assert fast.notices == ()  # the template's admin is linked to a mediator
    assert digest() == before


def test_the_read_right_is_needed(station):
    with pytest.raises(NotAllowed):
        dashboard.dashboard(Context(station.db, Actor("x", "x", "nobody")))
