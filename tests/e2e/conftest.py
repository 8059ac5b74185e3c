"""Fixtures for whole-flow tests: a real township station on a temporary SQLite file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from hexie_desktop.services.station import Station, init_station

PASSWORD = "secret123"
TODAY = date(2026, 11, 21)


@pytest.fixture
def station(tmp_path: Path) -> Station:
    """A fresh township station (unit 110105001, 东坝) with admin/secret123, who is its first mediator 王调解."""
    return init_station(data_dir=tmp_path / "station", db_url=None, role="township", unit_code="110105001",
                        unit_name="东坝镇劳动人事争议调解中心", short_name="东坝", admin="admin", password=PASSWORD,
                        first_mediator="王调解", admin_is_mediator=True)


@pytest.fixture
def ctx(station: Station):
    """A service context acting as the admin with a fixed today (2026-11-21)."""
    from hexie_desktop.services.users import actor_for

    return station.context(actor_for(station.db, "admin"), today_fn=lambda: TODAY)
