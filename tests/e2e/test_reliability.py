"""Single-instance lock and automatic verified backups with thinning."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, timedelta

import pytest

from hexie_desktop.core.errors import StorageError
from hexie_desktop.services.backup import auto_backup, auto_backups, integrity, thin
from hexie_desktop.storage.lock import StationLock


def test_second_process_is_refused_and_lock_freed_when_the_holder_dies(tmp_path):
    path = tmp_path / "hexie.lock"
    holder = subprocess.Popen([sys.executable, "-c",
                               "import sys, time\nfrom hexie_desktop.storage.lock import StationLock\n"
                               f"lock = StationLock(r'{path}').acquire()\nprint('held', flush=True)\ntime.sleep(60)"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(StorageError, match="另一个程序窗口"):
            StationLock(path).acquire()
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()
    lock = StationLock(path).acquire()
    assert lock.held and path.read_text() == str(os.getpid())
    lock.release()


def test_auto_backup_only_when_changed_and_old_enough(station, ctx):
    from hexie_desktop.services import cases
    from tests.e2e.helpers import case_payload

    paths = station.paths
    start = datetime(2026, 11, 1, 9, 0)
    first = auto_backup(paths.database, paths.backups, now=start)
    assert first is not None and integrity(first) == "ok"
    assert auto_backup(paths.database, paths.backups, now=start + timedelta(days=2)) is None  # unchanged
    cases.register(ctx, {"cases": [case_payload()]})
    assert auto_backup(paths.database, paths.backups, now=start + timedelta(hours=3)) is None  # too soon
    second = auto_backup(paths.database, paths.backups, now=start + timedelta(days=1))
    assert second is not None and integrity(second) == "ok"
    assert [p for _t, p in auto_backups(paths.backups)] == [second, first]


def test_thinning_keeps_twelve_daily_four_weekly_twelve_monthly(tmp_path):
    start = datetime(2025, 1, 1, 8, 0)
    backups = [(start + timedelta(days=d), tmp_path / f"b{d}") for d in range(400)]
    backups.sort(reverse=True)
    doomed = set(thin(backups))
    kept = [t for t, p in backups if p not in doomed]
    newest = backups[0][0]
    assert all(newest - timedelta(days=11) <= t for t in kept[:12])
    assert len(kept) <= 12 + 4 + 12 and len(kept) >= 20
    assert kept[-1] < newest - timedelta(days=300)  # a year back is still covered by monthly ones
    assert auto_backups(tmp_path) == []


def test_a_long_read_does_not_block_a_writer(station, ctx):
    from hexie_desktop.services import cases
    from tests.e2e.helpers import case_payload

    with station.db.read() as session:
        from sqlalchemy import text

        session.execute(text("SELECT count(*) FROM cases")).scalar_one()
        cases.register(ctx, {"cases": [case_payload()]})  # a writer while the read is open
    assert cases.count_cases(ctx, cases.CaseFilter()) == 1
