"""services/backup.py: verified copies of the live database and the thinning of automatic ones."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from hexie_desktop.core.errors import StorageError
from hexie_desktop.services import backup


def test_a_backup_is_a_sound_copy_and_a_second_one_waits_for_a_change(station, tmp_path, digest):
    before = digest()
    now = datetime(2026, 11, 21, 9, 0)
    made = backup.auto_backup(station.paths.database, tmp_path, now=now)
    assert made is not None and backup.integrity(made) == "ok"
    assert backup.auto_backup(station.paths.database, tmp_path, now=now + timedelta(days=2)) is None  # unchanged
    assert digest() == before  # backing up writes nothing into the station


def test_a_missing_database_is_refused_and_leaves_no_file(tmp_path):
    with pytest.raises(StorageError, match="不存在"):
        backup.backup_sqlite(tmp_path / "none.sqlite3", tmp_path / "out")
    out = tmp_path / "out"
    assert not out.exists() or not any(out.iterdir())


def test_thinning_keeps_one_per_day_week_and_month():
    start = datetime(2026, 1, 1, 3, 0)
    daily = [(start + timedelta(hours=12 * n), f"b{n}") for n in range(400)][::-1]
    dropped = set(backup.thin(daily))
    kept = [t for t, p in daily if p not in dropped]
    assert len({t.date() for t in kept}) == len(kept)  # never two of one day
    assert len(kept) <= backup.KEEP_DAILY + backup.KEEP_WEEKLY + backup.KEEP_MONTHLY
    assert daily[0][1] not in dropped  # the newest always stays
