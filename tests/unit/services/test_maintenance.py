"""services/maintenance.py: the station check and the manual backup."""

from __future__ import annotations

import pytest

from hexie_desktop.core.errors import NotAllowed
from hexie_desktop.services import maintenance
from hexie_desktop.services.backup import integrity


def test_the_check_passes_and_a_backup_is_audited(station, ctx):
    report = maintenance.check(station)
    assert report.ok and report.integrity == "ok" and report.foreign_keys_ok and report.audit_ok
    assert report.revision == report.head
    made = maintenance.backup(ctx, station)
    assert made.parent == station.paths.backups and integrity(made) == "ok"


def test_a_clerk_may_not_back_up_and_nothing_is_written(station, as_user, digest):
    before = digest()
    with pytest.raises(NotAllowed):
        maintenance.backup(as_user("clerk"), station)
    assert digest() == before and not list(station.paths.backups.glob("hexie-manual-*"))
