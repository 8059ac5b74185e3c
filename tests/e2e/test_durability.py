"""The durability promise (``storage/db.py``): an acknowledged action is in the database file itself.

A township PC's ``hexie.sqlite3-wal`` can be lost after the program was killed (power cut,
kill -9): a user or a "cleaner" deletes it, an antivirus quarantines it, a copy to a USB stick
leaves it behind, or it is damaged.  Each test acknowledges actions through the real command
line while another program holds the database open (as the window does, so closing the
command is not the last close and SQLite's own checkpoint-on-close does not happen), kills that
program with SIGKILL, then deletes or damages the ``-wal`` — and every acknowledged action is
still there.  The control test shows the same loss does happen to a commit that was not
checkpointed, so the tests can fail.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.helpers import applicant, case_payload

PASSWORD = "secret123"

HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA wal_autocheckpoint=0")
conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
print("open", flush=True)
sys.stdin.readline()
"""


def hexie(root: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "HEXIE_DATA_DIR"}
    env["HEXIE_PASSWORD"] = PASSWORD
    return subprocess.run([sys.executable, "-m", "hexie_desktop", "--data-dir", str(root), *args],
                          capture_output=True, text=True, env=env, timeout=300)


class Holder:
    """Another program with the database open (no transaction), killed with SIGKILL at the end."""

    def __init__(self, database: Path) -> None:
        self.process = subprocess.Popen([sys.executable, "-c", HOLDER, str(database)], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, text=True)
        assert self.process.stdout.readline().strip() == "open"

    def kill(self) -> None:
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=60)
        self.process.stdin.close()
        self.process.stdout.close()


@pytest.fixture
def root(tmp_path: Path) -> Path:
    station = tmp_path / "station"
    done = hexie(station, "init", "--role", "township", "--unit-code", "110105001", "--unit-name",
                 "东坝镇劳动人事争议调解中心", "--short-name", "东坝", "--admin", "admin",
                 "--mediator", "王调解", "--admin-is-mediator")
    assert done.returncode == 0, done.stderr
    return station


def wal(root: Path) -> Path:
    return root / "hexie.sqlite3-wal"


def acknowledge_actions(root: Path, tmp_path: Path) -> list[str]:
    """Register two cases and accept one through the CLI; return the numbers acknowledged."""
    path = tmp_path / "cases.json"
    path.write_text(json.dumps({"cases": [case_payload(), case_payload(applicants=[applicant("李四", seq=124)])]},
                               ensure_ascii=False), encoding="utf-8")
    added = hexie(root, "case", "add", "--json", str(path), "--output-json")
    assert added.returncode == 0, added.stderr
    numbers = [c["number"] for c in json.loads(added.stdout)["created"]]
    path.write_text(json.dumps({"on": "2026-09-17"}), encoding="utf-8")
    accepted = hexie(root, "case", "act", numbers[0], "accept", "--json", str(path))
    assert accepted.returncode == 0, accepted.stderr
    return numbers


def states(root: Path) -> dict[str, str]:
    listed = hexie(root, "case", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    return {c["number"]: c["state"] for c in json.loads(listed.stdout)["cases"]}


def damage_wal(root: Path, how: str) -> None:
    path = wal(root)
    assert path.exists(), "the -wal should still be there after the holder was killed"
    if how == "deleted":
        path.unlink()
        Path(str(root / "hexie.sqlite3") + "-shm").unlink(missing_ok=True)
    elif how == "zeroed":
        path.write_bytes(b"\0" * path.stat().st_size)
    elif how == "truncated":
        with open(path, "r+b") as handle:
            handle.truncate(path.stat().st_size // 2)
    elif how == "garbage":
        data = bytearray(path.read_bytes())
        for i in range(32, len(data), 997):
            data[i] ^= 0x5A
        path.write_bytes(bytes(data))


@pytest.mark.parametrize("how", ["deleted", "zeroed", "truncated", "garbage"])
def test_acknowledged_actions_survive_a_lost_or_damaged_wal(root, tmp_path, how) -> None:
    holder = Holder(root / "hexie.sqlite3")
    numbers = acknowledge_actions(root, tmp_path)
    holder.kill()
    damage_wal(root, how)
    got = states(root)
    assert got == {numbers[0]: "accepted", numbers[1]: "registered"}
    check = hexie(root, "check")
    assert check.returncode == 0, check.stdout + check.stderr


def test_control_a_commit_left_only_in_the_wal_is_lost_with_it(root) -> None:
    """Without a checkpoint, deleting the -wal loses the commit: what the promise protects against."""
    database = root / "hexie.sqlite3"
    holder = Holder(database)
    conn = sqlite3.connect(database, isolation_level=None)
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute("INSERT INTO counters (name, value) VALUES ('control.only_in_wal', 1)")
    conn.close()
    holder.kill()
    damage_wal(root, "deleted")
    conn = sqlite3.connect(database)
    try:
        assert conn.execute("SELECT count(*) FROM counters WHERE name = 'control.only_in_wal'").fetchone()[0] == 0
    finally:
        conn.close()
