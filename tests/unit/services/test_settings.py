"""services/settings.py: reading and changing settings (one audited transaction, all or nothing)."""

from __future__ import annotations

import pytest

from hexie_desktop.core.errors import NotAllowed, UserError, ValidationErrors
from hexie_desktop.services import settings


def test_an_admin_changes_two_settings_at_once(ctx):
    out = settings.update(ctx, {"station.phone": "010-12345678", "archive.retention_years": 30})
    assert out["station.phone"] == "010-12345678" and out["archive.retention_years"] == 30
    assert settings.read_all(ctx)["archive.retention_years"] == 30


def test_one_bad_value_refuses_the_whole_change(ctx, digest):
    before = digest()
    with pytest.raises((UserError, ValidationErrors)) as info:
        settings.update(ctx, {"station.phone": "010-1", "archive.retention_years": 0})
    assert "archive.retention_years" in str(getattr(info.value, "field", "")) + str(info.value)
    with pytest.raises(UserError, match="不能修改"):
        settings.update(ctx, {"station.unit_code": "110105999"})
    with pytest.raises(UserError, match="未知的设置项"):
        settings.update(ctx, {"no.such.key": 1})
    assert digest() == before


def test_a_clerk_may_read_but_not_change_settings(as_user, digest):
    clerk = as_user("clerk")
    assert "station.unit_name" in settings.read_all(clerk)
    before = digest()
    with pytest.raises(NotAllowed):
        settings.update(clerk, {"station.phone": "010-87654321"})
    assert digest() == before


def test_deadline_lengths_are_whole_days_within_bounds():
    assert settings.validated("deadlines", {})  # every length defaulted
    with pytest.raises(UserError, match="0到3650") as info:
        settings.validated("deadlines", {"mediation_days": -1})
    assert info.value.field == "deadlines.mediation_days"
