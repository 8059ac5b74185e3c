"""The command line checks ``HEXIE_PASSWORD`` on a second thread while it loads: the login is unchanged (issue 12).

``users.authenticate(checked=…)`` takes an argon2 answer made ahead only for the very hash and password
it sees, so every outcome — success, wrong password, lock-out, a locked or unknown account, a password
changed since the answer was made — gives the same result, message and audit rows as checking there;
run as the program (with the thread) and in-process (without) the command prints and writes the same.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select, text

from hexie_desktop import cli
from hexie_desktop.core.errors import NotAllowed
from hexie_desktop.services import users
from hexie_desktop.services.station import open_station
from hexie_desktop.storage.models import User
from tests.conftest import ADMIN, USERS

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 11, 20, 9, 0)


def _hash_of(station, username: str) -> str:
    with station.db.read() as session:
        return session.execute(select(User.password_hash).where(User.username == username)).scalar_one()


def _ahead(password_hash: str, password: str) -> users.PasswordCheck:
    """What the command line's thread computes: argon2's own answer for this pair."""
    try:
        matches = PasswordHasher().verify(password_hash, password)
    except Exception:  # noqa: BLE001 - VerificationError, InvalidHashError
        matches = False
    return users.PasswordCheck(password_hash, password, matches)


def _state(station) -> list:
    """The users' login columns and the audit log, without the row ids' timestamps."""
    with station.db.engine.connect() as conn:
        people = conn.execute(text("SELECT username, password_hash, failed_logins, locked_until, last_login_at "
                                   "FROM users ORDER BY id")).all()
        entries = conn.execute(text("SELECT actor, action, entity, entity_id, summary FROM audit_log "
                                    "ORDER BY id")).all()
    return [tuple(r) for r in people] + [tuple(r) for r in entries]


def _outcome(station, username: str, password: str, checked: users.PasswordCheck | None) -> object:
    try:
        actor = users.authenticate(station.db, username, password, now=NOW, checked=checked)
    except NotAllowed as exc:
        return ("refused", str(exc))
    return ("ok", actor)


CASES = {
    "right password": (ADMIN[0], ADMIN[1], lambda h: _ahead(h, ADMIN[1])),
    "wrong password": (ADMIN[0], "nicht-richtig", lambda h: _ahead(h, "nicht-richtig")),
    "answer for another password": (ADMIN[0], "nicht-richtig", lambda h: _ahead(h, ADMIN[1])),
    "answer for an older hash": (ADMIN[0], ADMIN[1],
                                 lambda h: users.PasswordCheck(PasswordHasher().hash(ADMIN[1]), ADMIN[1], False)),
    "stale yes after a password change": (ADMIN[0], "old-password",
                                          lambda h: users.PasswordCheck("$argon2id$stale", "old-password", True)),
    "unknown user": ("nobody", ADMIN[1], lambda h: _ahead(h, ADMIN[1])),
    "another user": ("clerk", USERS["clerk"][2], lambda h: _ahead(h, USERS["clerk"][2])),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_an_answer_made_ahead_gives_what_checking_here_gives(name, station_factory):
    username, password, make = CASES[name]
    here, ahead = station_factory(), station_factory()
    checked = make(_hash_of(ahead, ADMIN[0] if username == "nobody" else username))
    assert _outcome(here, username, password, None) == _outcome(ahead, username, password, checked)
    assert _state(here) == _state(ahead)


def test_lock_out_and_a_locked_account_are_the_same_with_answers_made_ahead(station_factory):
    here, ahead = station_factory(), station_factory()
    for attempt in range(users.MAX_FAILURES + 1):
        wrong = f"wrong-{attempt}"
        expected = _outcome(here, ADMIN[0], wrong, None)
        assert _outcome(ahead, ADMIN[0], wrong, _ahead(_hash_of(ahead, ADMIN[0]), wrong)) == expected
    right = _ahead(_hash_of(ahead, ADMIN[0]), ADMIN[1])
    assert right.matches
    expected = _outcome(here, ADMIN[0], ADMIN[1], None)
    assert expected[0] == "refused" and "锁定" in expected[1]
    assert _outcome(ahead, ADMIN[0], ADMIN[1], right) == expected, "a right answer does not open a locked account"
    assert _state(here) == _state(ahead)


_PROBE = r"""
import io, json, sys
from hexie_desktop import cli
from hexie_desktop.services import users
calls = []
original = users.password_matches
users.password_matches = lambda h, p: calls.append(1) or original(h, p)
report, argv = sys.argv[1], sys.argv[2:]
sys.argv = ["hexie", *argv]
code = cli.main()
with open(report, "w", encoding="utf-8") as out:
    json.dump({"code": code, "checked_here": len(calls)}, out)
"""


@pytest.mark.parametrize("password", [ADMIN[1], "nicht-richtig"])
def test_the_program_checks_the_password_ahead_and_logs_in_as_in_process(password, station_template, tmp_path,
                                                                         monkeypatch, capsys):
    program, in_process = tmp_path / "program", tmp_path / "in-process"
    shutil.copytree(station_template, program)
    shutil.copytree(station_template, in_process)
    env = {k: v for k, v in os.environ.items() if k != "HEXIE_DATA_DIR"}
    env["HEXIE_PASSWORD"] = password
    report = tmp_path / "report.json"
    ran = subprocess.run([sys.executable, "-c", _PROBE, str(report), "--data-dir", str(program), "case", "list",
                          "--json"], capture_output=True, text=True, env=env, cwd=ROOT, timeout=300, check=False)
    found = json.loads(report.read_text(encoding="utf-8"))
    assert found["checked_here"] == 0, "the answer made ahead was used"

    monkeypatch.setenv("HEXIE_PASSWORD", password)
    monkeypatch.delenv("HEXIE_DATA_DIR", raising=False)
    code = cli.main(["--data-dir", str(in_process), "case", "list", "--json"])
    out = capsys.readouterr()
    assert (found["code"], ran.stdout, ran.stderr) == (code, out.out, out.err)
    assert (code == 0) == (password == ADMIN[1])
    states = []
    for root in (program, in_process):
        station = open_station(data_dir=root)
        states.append([row[:3] for row in _state(station)])
        station.close()
    assert states[0] == states[1]


def test_a_missing_or_damaged_file_leaves_no_answer_and_is_not_touched(tmp_path):
    from hexie_desktop.cli_support import PasswordAhead

    assert PasswordAhead(tmp_path / "none.sqlite3", None, "x").result() is None
    assert not (tmp_path / "none.sqlite3").exists()
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"SQLite format 3\x00" + bytes(5000))
    before = junk.read_bytes()
    ahead = PasswordAhead(junk, "admin", "x")
    assert ahead.released.wait(30) and ahead.result() is None
    assert junk.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["junk.sqlite3"]


def test_a_whole_station_command_has_its_answer_before_it_loads_anything(station_template, tmp_path, monkeypatch):
    """argon2id takes 64 MiB while it runs: a command that reads or writes the whole station (the case ledger
    of 100,000 rows peaks near 75 MiB itself) waits for the answer first, so the two never add up; the
    dashboard and the small commands let it run beside their loading."""
    import argparse

    from hexie_desktop import cli_support

    station = tmp_path / "station"
    shutil.copytree(station_template, station)
    monkeypatch.setenv("HEXIE_PASSWORD", ADMIN[1])
    args = argparse.Namespace(db_url=None, data_dir=str(station), user=None)
    for before_loading in (True, False):
        cli_support._ahead.clear()
        cli_support.check_password_ahead(args, before_loading=before_loading)
        ahead = cli_support._ahead[-1]
        if before_loading:
            assert not ahead._thread.is_alive() and ahead.result()[2] is True
        ahead.result()
    cli_support._ahead.clear()
    assert {cli.cmd_report, cli.cmd_export, cli.cmd_import, cli.cmd_demo, cli.cmd_import_xlsx} <= set(
        cli._WHOLE_STATION)
    assert cli.cmd_dashboard not in cli._WHOLE_STATION and cli.cmd_case_list not in cli._WHOLE_STATION
