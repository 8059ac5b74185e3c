"""Restore is atomic including its exchange epoch and audit entry, whatever step a kill hits.

A township that has sent two packages to its district is restored from a backup taken after
the first by ``hexie restore`` in a separate process, killed (SIGKILL) at each step through
``HEXIE_TEST_CRASH_AT=restore.<step>``.  The next start finishes or undoes the restore; then
the township's next export is accepted by the district (no E_REPLAY), the audit chain is
whole, and a finished restore left exactly one epoch and one audit entry.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from hexie_desktop.services import exchange as ex
from hexie_desktop.services import maintenance
from hexie_desktop.services.station import open_station
from tests.e2e.exchange_support import PASSPHRASE, context, make_pair, register
from tests.e2e.test_cli import hexie

# step → whether the restore is finished (True) or undone (False) at the next start
STEPS = {
    "restore.after_intent": False,
    "restore.after_stage": False,
    "restore.after_aside": True,
    "restore.after_swap": True,
    "restore.after_audit": True,
    "restore.after_epoch": True,
    None: True,  # no kill: the control
}


@pytest.fixture(scope="module")
def synced(tmp_path_factory) -> Path:
    """A township (3 cases in the backup, 5 sent to the district) and its district, closed."""
    root = tmp_path_factory.mktemp("atomic")
    pair = make_pair(root / "pair")
    register(pair.tctx, "张三", "李四", "王五")
    pair.sync("p1.hxp")
    maintenance.backup(pair.tctx, pair.town)
    register(pair.tctx, "赵六", "钱七")
    pair.sync("p2.hxp")
    pair.dispose()
    return root / "pair"


def _cases(database: Path) -> int:
    conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM cases").fetchone()[0]
    finally:
        conn.close()


def _restores(database: Path) -> tuple[int, int]:
    """(station.restore audit entries, restore epochs) in the township database."""
    conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        audits = conn.execute("SELECT count(*) FROM audit_log WHERE action = 'station.restore'").fetchone()[0]
        epochs = conn.execute("SELECT count(*) FROM exchange_epochs WHERE reason = 'restore'").fetchone()[0]
    finally:
        conn.close()
    return audits, epochs


@pytest.mark.parametrize("step", list(STEPS), ids=lambda s: s or "no-kill")
def test_kill_at_each_restore_step_then_the_next_export_is_accepted(step, synced, tmp_path):
    root = tmp_path / "pair"
    shutil.copytree(synced, root)
    town = root / "town"
    run = hexie(town, "restore", env_extra={"HEXIE_TEST_CRASH_AT": step} if step else None)
    if step is None:
        assert run.returncode == 0, run.stderr
    else:
        assert run.returncode == -9, (run.returncode, run.stderr)
        assert (town / "restore.journal").exists()

    listed = hexie(town, "case", "list")  # the next start rolls the journal forward (or back) first
    assert listed.returncode == 0, listed.stderr
    assert not (town / "restore.journal").exists()
    assert not [p for p in town.iterdir() if p.name.endswith(".tmp")]
    finished = STEPS[step]
    assert listed.stdout.strip().endswith("共3件" if finished else "共5件")
    assert _restores(town / "hexie.sqlite3") == ((1, 1) if finished else (0, 0))
    check = hexie(town, "check")
    assert check.returncode == 0 and "审计链：完整" in check.stdout, check.stdout + check.stderr

    exported = hexie(town, "export", "--out", str(root / "p3.hxp"))
    assert exported.returncode == 0, exported.stderr
    dist = open_station(data_dir=root / "dist")
    try:
        package = sorted(root.glob("p3*.hxp"))
        outcome = ex.import_packages(context(dist), package, keys=ex.unlock(dist, PASSPHRASE))[0]
        assert outcome.ok, (outcome.code, outcome.error)
        if finished:
            assert any("从备份恢复" in m for m in outcome.messages), outcome.messages
    finally:
        dist.db.dispose()


def test_a_second_start_after_recovery_changes_nothing(synced, tmp_path):
    root = tmp_path / "pair"
    shutil.copytree(synced, root)
    town = root / "town"
    assert hexie(town, "restore", env_extra={"HEXIE_TEST_CRASH_AT": "restore.after_audit"}).returncode == -9
    assert hexie(town, "case", "list").returncode == 0
    assert hexie(town, "case", "list").returncode == 0
    assert _restores(town / "hexie.sqlite3") == (1, 1)
    assert _cases(town / "hexie.sqlite3") == 3
