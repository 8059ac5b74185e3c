"""services/station.py: making a station (all or nothing) and opening it again."""

from __future__ import annotations

import pytest

from hexie_desktop.core.errors import Conflict, UserError
from hexie_desktop.services.station import init_station, open_station, validate_identity


def _init(root, **overrides):
    args = dict(data_dir=root, db_url=None, role="township", unit_code="330106002", unit_name="测试乡调解中心",
                short_name="测试乡", admin="admin", password="secret123")
    return init_station(**{**args, **overrides})


def test_a_new_station_opens_again_with_its_identity(tmp_path):
    made = _init(tmp_path / "st", first_mediator="周调解", admin_is_mediator=True)
    made.db.dispose()
    again = open_station(data_dir=tmp_path / "st")
    try:
        assert (again.info.role, again.info.unit_code, again.info.short_name) == ("township", "330106002", "测试乡")
    finally:
        again.db.dispose()


def test_a_bad_identity_makes_no_station_and_an_existing_one_is_not_overwritten(tmp_path, station, digest):
    with pytest.raises(UserError, match="单位代码"):
        _init(tmp_path / "bad", unit_code="12")
    assert not (tmp_path / "bad" / "hexie.sqlite3").exists()
    with pytest.raises(UserError, match="关联为调解员"):
        _init(tmp_path / "bad", admin_is_mediator=True)
    with pytest.raises(UserError):
        validate_identity("district", "330106001", "区", "区")  # a district's code has 6 digits
    before = digest()
    with pytest.raises((Conflict, UserError)):
        _init(station.paths.root)
    assert digest() == before
