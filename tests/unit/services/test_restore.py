"""services/restore.py: replacing the database by a verified backup, journaled, password-checked."""

from __future__ import annotations

from datetime import timedelta

import pytest

from hexie_desktop.core.errors import NotAllowed
from hexie_desktop.services import backup, cases, restore
from hexie_desktop.services.cases import CaseFilter, count_cases
from hexie_desktop.services.station import open_station
from tests.conftest import ADMIN
from tests.e2e.helpers import case_payload


def _register_one(ctx) -> str:
    day = (ctx.today - timedelta(days=1)).isoformat()
    return cases.register(ctx, {"cases": [case_payload(received_on=day, infringement_known_on=day)]})[0].number


def test_a_restore_brings_back_the_backup_and_keeps_a_copy_of_what_was_replaced(station, ctx):
    saved = backup.backup_sqlite(station.paths.database, station.paths.backups)
    count = count_cases(ctx, CaseFilter())
    _register_one(ctx)
    station.db.dispose()
    done = restore.restore_as(station.paths, saved, ADMIN[0], ADMIN[1])
    assert not restore.pending(station.paths)
    assert done.safety is not None and done.safety.exists()  # the replaced data, verified
    reopened = open_station(data_dir=station.paths.root)
    try:
        assert count_cases(reopened.context(ctx.actor), CaseFilter()) == count
    finally:
        reopened.db.dispose()


def test_a_wrong_password_restores_nothing(station, ctx, digest):
    saved = backup.backup_sqlite(station.paths.database, station.paths.backups)
    _register_one(ctx)
    before = digest()
    station.db.dispose()
    with pytest.raises(NotAllowed, match="密码错误"):
        restore.restore_as(station.paths, saved, ADMIN[0], "not-the-password")
    assert not restore.pending(station.paths) and digest() == before
