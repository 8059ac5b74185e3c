"""services/warnings.py: 风险预警 leads — scanning, handling, and what a refused step leaves."""

from __future__ import annotations

import pytest

from hexie_desktop.core.errors import HexieError, NotAllowed
from hexie_desktop.services import warnings


def test_a_scan_is_repeatable_and_leads_can_be_handled(ctx):
    warnings.scan(ctx)
    leads = warnings.list_leads(ctx)
    again = warnings.scan(ctx)
    assert len(warnings.list_leads(ctx)) == len(leads)  # a second scan raises nothing twice
    assert again is not None
    if not leads:
        pytest.skip("the template raised no lead")
    lead = leads[0]
    assigned = warnings.handle(ctx, lead["id"], "assign", owner="李调解", note="请跟进")
    assert assigned["status"] == "in_progress" and assigned["owner"] == "李调解"
    closed = warnings.handle(ctx, lead["id"], "close", note="已化解")
    assert closed["status"] == "closed"
    assert sum(warnings.open_summary(ctx).values()) >= 0


def test_refused_steps_change_nothing(ctx, as_user, digest):
    warnings.scan(ctx)
    leads = warnings.list_leads(ctx)
    if not leads:
        pytest.skip("the template raised no lead")
    before = digest()
    with pytest.raises(HexieError):
        warnings.handle(ctx, leads[0]["id"], "reopen")  # an open lead cannot be reopened
    with pytest.raises(NotAllowed):
        warnings.handle(as_user("clerk"), leads[0]["id"], "close", note="x")
    with pytest.raises(HexieError):
        warnings.handle(ctx, "no-such-lead", "close", note="x")
    assert digest() == before
