"""The start-up check may skip ``PRAGMA quick_check`` only when a stamp vouches for the file (issue 12, #9).

A process that closes a station cleanly stamps the file (size, times, inode) with the time of the
full check it rests on; the next open then skips the page-by-page check — and only it.  Every way a
file can have changed since must bring the full check back, so a damaged file is still refused
before anything is written: the whole damage corpus of ``test_damaged_station`` applied after a
clean close, damage with its old times put back, a process killed while it had the station open,
a ``-wal`` beside the file, a file replaced by a copy, a stamp a day old, written too soon after a
change, or unreadable, and SQLite reporting damage while the station was open.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hexie_desktop import cli
from hexie_desktop.services.station import open_station
from hexie_desktop.storage import health
from tests.e2e.test_damaged_station import DAMAGE, PASSWORD, _sha, base  # noqa: F401 - base is a fixture

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def full_checks(monkeypatch) -> list[int]:
    """Counts the full page checks (``health.quick_check``) run in this process."""
    calls: list[int] = []
    original = health.quick_check

    def counted(conn: sqlite3.Connection) -> list[str]:
        calls.append(1)
        return original(conn)

    monkeypatch.setattr(health, "quick_check", counted)
    return calls


@pytest.fixture
def run(monkeypatch, capsys):
    """``run(root, *args) -> (exit code, stdout, stderr)`` through the in-process command line."""
    monkeypatch.setenv("HEXIE_PASSWORD", PASSWORD)
    monkeypatch.delenv("HEXIE_DATA_DIR", raising=False)

    def go(root: Path, *args: str) -> tuple[int, str, str]:
        code = cli.main(["--data-dir", str(root), *args])
        out = capsys.readouterr()
        return code, out.out, out.err

    return go


def _copy(base: dict, tmp_path: Path, name: str = "station") -> Path:  # noqa: F811 - base is the fixture's value
    root = tmp_path / name
    shutil.copytree(base["root"], root)
    return root


def _stamped(root: Path, run) -> Path:
    """Run one ordinary command (a login, an audited read) and return the database, now stamped."""
    code, out, err = run(root, "case", "list")
    assert code == 0 and out.strip().endswith("共5件"), err
    database = root / "hexie.sqlite3"
    assert health.stamp_vouches(database) is not None, "a clean command leaves a valid stamp"
    return database


def _edit_stamp(database: Path, **changes: object) -> None:
    path = health.stamp_path(database)
    data = json.loads(path.read_text(encoding="utf-8"))
    data.update(changes)
    path.write_text(json.dumps(data), encoding="utf-8")


def test_a_clean_command_stamps_the_file_and_the_next_open_skips_only_the_page_check(base, tmp_path, run,  # noqa: F811
                                                                                      full_checks, monkeypatch):
    root = _copy(base, tmp_path)
    database = _stamped(root, run)
    assert full_checks == [1], "no stamp after the copy: checked fully"
    audit_tails: list[int] = []
    original_tail = health._audit_tail_bad
    monkeypatch.setattr(health, "_audit_tail_bad", lambda path: audit_tails.append(1) or original_tail(path))
    code, out, _err = run(root, "case", "list")
    assert code == 0 and out.strip().endswith("共5件")
    assert full_checks == [1], "the stamp spared the page check"
    assert audit_tails == [1], "every other start-up check still runs"
    assert health.stamp_vouches(database) is not None, "stamped again after the second clean command"
    code, out, _err = run(root, "check")
    assert code == 0 and len(full_checks) == 2, "hexie check always checks every page"


@pytest.mark.parametrize("name", sorted(DAMAGE))
def test_damage_after_a_clean_close_is_refused_untouched(name, base, tmp_path, run, full_checks):  # noqa: F811
    root = _copy(base, tmp_path)
    database = _stamped(root, run)
    DAMAGE[name][0](database, base)
    digest = _sha(database)
    code, out, err = run(root, "case", "list")
    assert code == 1 and out == "" and err.count("\n") == 1 and "hexie restore" in err, err
    assert _sha(database) == digest, "the damaged file was written into"
    assert health.stamp_vouches(database) is None


@pytest.mark.parametrize("name", ["zeroed-middle-page", "btree-cases-page-type", "btree-users-first-cell",
                                  "zeroed-audit-root"])
def test_damage_with_its_old_size_and_times_put_back_is_refused(name, base, tmp_path, run):  # noqa: F811
    """A copy tool or a disk editor may keep the modification time: the change time (and inode) still differ."""
    root = _copy(base, tmp_path)
    database = _stamped(root, run)
    before = os.stat(database)
    time.sleep(0.02)
    DAMAGE[name][0](database, base)
    os.utime(database, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = os.stat(database)
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    assert health.stamp_vouches(database) is None
    code, _out, err = run(root, "case", "list")
    assert code == 1 and "hexie restore" in err


def test_a_file_replaced_by_a_copy_is_checked_fully(base, tmp_path, run, full_checks):  # noqa: F811
    root = _copy(base, tmp_path)
    database = _stamped(root, run)
    before = os.stat(database)
    copy = database.with_name("copy.sqlite3")
    shutil.copy2(database, copy)
    os.replace(copy, database)
    os.utime(database, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert health.stamp_vouches(database) is None
    assert run(root, "case", "list")[0] == 0 and len(full_checks) == 2


def test_a_process_killed_with_the_station_open_leaves_no_stamp(base, tmp_path, run, full_checks):  # noqa: F811
    root = _copy(base, tmp_path)
    database = _stamped(root, run)
    killed = subprocess.run(
        [sys.executable, "-c", "import os, signal, sys\nfrom pathlib import Path\n"
         "from hexie_desktop.services.station import open_station\n"
         "open_station(data_dir=Path(sys.argv[1]))\nos.kill(os.getpid(), signal.SIGKILL)\n", str(root)],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert killed.returncode == -9, killed.stderr
    assert not health.stamp_path(database).exists(), "opening took the stamp away"
    assert run(root, "case", "list")[0] == 0
    assert len(full_checks) == 2, "after an unclean end the file is checked fully"


def test_while_another_connection_has_the_file_open_it_is_checked_fully_and_not_stamped(base, tmp_path, run,  # noqa: F811
                                                                                        full_checks):
    root = _copy(base, tmp_path)
    database = _stamped(root, run)
    other = sqlite3.connect(database)
    try:
        other.execute("SELECT count(*) FROM cases").fetchone()
        assert database.with_name("hexie.sqlite3-wal").exists()
        assert health.stamp_vouches(database) is None
        assert run(root, "case", "list")[0] == 0 and len(full_checks) == 2
        assert not health.stamp_path(database).exists(), "no stamp while another connection may still write"
    finally:
        other.close()


def test_an_unexpected_failure_leaves_no_stamp(base, tmp_path, run, monkeypatch):  # noqa: F811
    root = _copy(base, tmp_path)
    database = _stamped(root, run)

    def broken(*_args, **_kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("hexie_desktop.services.cases.list_cases", broken)
    monkeypatch.setattr("hexie_desktop.log.unexpected", lambda *_a: None)
    code, _out, err = run(root, "case", "list")
    assert code == 1 and "RuntimeError" in err
    assert not health.stamp_path(database).exists()


def test_a_refusal_in_words_is_a_clean_end(base, tmp_path, run):  # noqa: F811
    root = _copy(base, tmp_path)
    database = _stamped(root, run)
    code, _out, err = run(root, "case", "show", "不存在的案号")
    assert code == 1 and err.startswith("错误："), err
    assert health.stamp_vouches(database) is not None


def test_damage_sqlite_reports_while_open_leaves_no_stamp(base, tmp_path, run):  # noqa: F811
    """Damage written while the station is open changes no file fact after the close: SQLite's report counts."""
    root = _copy(base, tmp_path)
    _stamped(root, run)
    station = open_station(data_dir=root)
    database = root / "hexie.sqlite3"
    DAMAGE["btree-cases-page-type"][0](database, base)
    station.db.engine.dispose()  # no page cached from before
    with pytest.raises(Exception, match="malformed"):
        with station.db.read() as session:
            session.connection().exec_driver_sql("SELECT * FROM cases NOT INDEXED").fetchall()
    assert station.db.damage_seen
    station.close()
    assert not health.stamp_path(database).exists()
    code, _out, err = run(root, "case", "list")
    assert code == 1 and "hexie restore" in err


def test_the_stamp_is_trusted_for_a_day_only_and_only_when_written_after_the_file_settled(base, tmp_path):  # noqa: F811
    root = _copy(base, tmp_path)
    database = root / "hexie.sqlite3"
    station = open_station(data_dir=root)
    station.close()
    checked = health.stamp_vouches(database)
    assert checked is not None and abs(checked - time.time()) < 60
    assert health.stamp_vouches(database, now=checked + health.RECHECK_AFTER - 1) == checked
    assert health.stamp_vouches(database, now=checked + health.RECHECK_AFTER + 1) is None, "a day old: check again"
    assert health.stamp_vouches(database, now=checked - 3600) is None, "the clock went back: check again"
    facts = json.loads(health.stamp_path(database).read_text(encoding="utf-8"))
    _edit_stamp(database, stamped_ns=facts["file"]["mtime_ns"] + health.SETTLE_NS - 1)
    assert health.stamp_vouches(database) is None, "a write in the same clock tick could hide"
    for text in ("", "{", "[]", '{"format": 1}', json.dumps({**facts, "format": 99}),
                 json.dumps({**facts, "checked": "today"})):
        health.stamp_path(database).write_text(text, encoding="utf-8")
        assert health.stamp_vouches(database) is None, text


def test_an_old_stamp_brings_the_full_check_back(base, tmp_path, run, full_checks):  # noqa: F811
    root = _copy(base, tmp_path)
    database = _stamped(root, run)
    _edit_stamp(database, checked=time.time() - health.RECHECK_AFTER - 60)
    assert run(root, "case", "list")[0] == 0 and len(full_checks) == 2
    assert abs(health.stamp_vouches(database) - time.time()) < 60, "the new full check is what the stamp records"


def test_the_stamp_carries_the_time_of_the_full_check_not_of_the_close(base, tmp_path, run, full_checks):  # noqa: F811
    root = _copy(base, tmp_path)
    database = _stamped(root, run)
    first = health.stamp_vouches(database)
    _edit_stamp(database, checked=first - 3600)
    assert run(root, "case", "list")[0] == 0 and len(full_checks) == 1
    assert health.stamp_vouches(database) == first - 3600
