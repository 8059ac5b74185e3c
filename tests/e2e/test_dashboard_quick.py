"""``hexie dashboard`` by the quick path (services.dashboard_quick) on real stations and as the real program.

The quick path reads the same rows as the full path with SQLite text compiled from its statements and
hands them to the same rule (core.worklist): on a demo station the two lists are equal for every
day tried, also after the office changes its deadline lengths and its holiday calendar.  As the
program (``python -m hexie_desktop``), the everyday case prints what the full path prints without
loading SQLAlchemy (also on a copied file, whose pages it checks itself); anything else — a wrong
password, a locked account — gives the full path's message, exit code and audit entries.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import text

from hexie_desktop import cli
from hexie_desktop.services import dashboard, dashboard_quick, settings
from hexie_desktop.services.station import init_station, open_station
from hexie_desktop.services.users import actor_for
from hexie_desktop.storage import health, plain
from tests.conftest import ADMIN, USERS, write_through_driver

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "secret123"
DEMO_TODAY = date(2026, 11, 21)
NO_MEDIATOR = "调解员名册中还没有调解员"

# 40 days over the demo's year: month starts and ends, the National Day and Spring Festival holidays
# (and the make-up working days around them), weekends, the demo's own today.
DAYS = sorted({
    date(2025, 11, 1), date(2025, 12, 1), date(2025, 12, 31), date(2026, 1, 1), date(2026, 1, 2),
    date(2026, 2, 1), date(2026, 2, 14), date(2026, 2, 16), date(2026, 2, 17), date(2026, 2, 23),
    date(2026, 2, 28), date(2026, 3, 1), date(2026, 4, 1), date(2026, 4, 5), date(2026, 5, 1), date(2026, 5, 6),
    date(2026, 6, 1), date(2026, 6, 19), date(2026, 7, 1), date(2026, 8, 1), date(2026, 8, 31),
    date(2026, 9, 1), date(2026, 9, 27), date(2026, 9, 30), date(2026, 10, 1), date(2026, 10, 5),
    date(2026, 10, 8), date(2026, 10, 10), date(2026, 11, 1), date(2026, 11, 2), date(2026, 11, 14),
    date(2026, 11, 18), date(2026, 11, 20), DEMO_TODAY, date(2026, 11, 22), date(2026, 11, 30),
    date(2026, 12, 1), date(2026, 12, 24), date(2026, 12, 31), date(2027, 1, 15),
})


def _env(password: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("HEXIE_DATA_DIR", "HEXIE_PASSWORD")}
    env["HEXIE_PASSWORD"] = password
    return env


def _answer(database: Path, username: str, password: str):
    """What the program's check made ahead gives (cli_support.PasswordAhead.result)."""
    conn = health.connect_read_only(database)
    try:
        stored = conn.execute("SELECT password_hash FROM users WHERE username = ?", (username,)).fetchone()[0]
    finally:
        conn.close()
    matches = PasswordHasher().verify(stored, password)
    return lambda: (stored, password, matches)


@pytest.fixture(scope="module")
def demo_station(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A township station with 400 demo cases over the year before 2026-11-21, closed cleanly (built once)."""
    from hexie_desktop.services.demo import generate

    root = tmp_path_factory.mktemp("quick-demo") / "station"
    station = init_station(data_dir=root, db_url=None, role="township", unit_code="110105001",
                           unit_name="东坝镇劳动人事争议调解中心", short_name="东坝", admin="admin", password=PASSWORD,
                           first_mediator="王调解", admin_is_mediator=True)
    generate(station.context(actor_for(station.db, "admin"), today_fn=lambda: DEMO_TODAY), cases=400, seed=5,
             years=1)
    station.close()
    return root


def _copy(source: Path, target: Path) -> Path:
    """A copy of ``source`` opened and closed once, so its stamp vouches for it (as after any clean close)."""
    shutil.copytree(source, target)
    open_station(data_dir=target).close()
    assert health.stamp_vouches(target / "hexie.sqlite3") is not None
    return target


def _both(root: Path, username: str, password: str):
    """The quick station (opened first: it takes the stamp) and the full one, on the same folder."""
    from hexie_desktop.paths import StationPaths

    quick = dashboard_quick.open_quick(StationPaths(root))
    assert quick is not None
    full = open_station(data_dir=root)
    return quick, full, _answer(root / "hexie.sqlite3", username, password)


def _compare(quick, full, checked, days, soons=(3,), username="admin") -> dict:
    actor = actor_for(full.db, username)
    boards = {}
    for day in days:
        for soon in soons:
            expected = dashboard.dashboard(full.context(actor, today_fn=lambda day=day: day), soon_days=soon)
            got = dashboard_quick.dashboard(quick, username=username, checked=checked, now=plain.utcnow(), today=day,
                                            soon_days=soon)
            assert got == expected, (day, soon)
            boards[day, soon] = got
    return boards


def test_the_quick_list_equals_the_full_list_on_many_days_and_after_the_settings_change(demo_station, tmp_path):
    root = _copy(demo_station, tmp_path / "station")
    quick, full, checked = _both(root, "admin", PASSWORD)
    try:
        before = _compare(quick, full, checked, DAYS)
        _compare(quick, full, checked, DAYS[::8], soons=(0, 1, 15))
        ctx = full.context(actor_for(full.db, "admin"), today_fn=lambda: DEMO_TODAY)
        settings.update(ctx, {"deadlines": {**settings.DEFAULTS["deadlines"], "acceptance_working_days": 5,
                                            "mediation_days": 20, "follow_up_days": 3, "archive_days": 10},
                              "calendar.overrides": {"2026-10-01": True, "2026-10-02": True, "2026-11-18": False,
                                                     "2026-11-19": False, "2026-11-20": False,
                                                     "2026-11-21": True, "2026-02-17": True}})
        after = _compare(quick, full, checked, DAYS)
        with full.db.transaction() as session:  # an extended mediation, deleted follow-ups, items and parties
            session.execute(text("UPDATE cases SET mediation_extended_until = :d WHERE id IN (SELECT id FROM cases "
                                 "WHERE state IN ('mediating', 'accepted') ORDER BY id LIMIT 3)"),
                            {"d": date(2026, 11, 22).isoformat()})
            session.execute(text("UPDATE follow_ups SET deleted = 1 WHERE id IN (SELECT id FROM follow_ups LIMIT 5)"))
            session.execute(text("UPDATE agreement_items SET deleted = 1 WHERE id IN (SELECT id FROM agreement_items "
                                 "ORDER BY id LIMIT 4)"))
            session.execute(text("UPDATE parties SET deleted = 1 WHERE id IN (SELECT id FROM parties ORDER BY id "
                                 "LIMIT 6)"))
        edited = _compare(quick, full, checked, DAYS[::2], soons=(3, 30))
    finally:
        quick.close()
        full.close()
    assert sum(len(b.items) for b in before.values()) > 200, "the days tried list many deadlines"
    assert {s for b in before.values() for s in (i.status for i in b.items)} >= {"overdue", "today", "soon"}
    assert {i.deadline for b in before.values() for i in b.items} >= {"acceptance", "mediation", "archive"}
    assert any(b.month_counts != before[DAYS[0], 3].month_counts for b in before.values())
    assert after != before, "the changed settings change the lists (both paths read them)"
    assert {k: v for k, v in edited.items() if k[1] == 3} != {k: after[k] for k in edited if k[1] == 3}
    assert all(b.notices == () for b in before.values())


def test_a_station_without_a_mediator_shows_the_notice_on_both_paths(tmp_path):
    from tests.e2e.helpers import case_payload

    root = tmp_path / "station"
    station = init_station(data_dir=root, db_url=None, role="township", unit_code="110105001",
                           unit_name="东坝镇劳动人事争议调解中心", short_name="东坝", admin="admin", password=PASSWORD)
    from hexie_desktop.services import cases

    ctx = station.context(actor_for(station.db, "admin"), today_fn=lambda: DEMO_TODAY)
    cases.register(ctx, {"cases": [case_payload(received_on="2026-11-19"), case_payload(received_on="2026-10-01")]})
    station.close()
    open_station(data_dir=root).close()  # a freshly made station has no stamp until a checked open's clean close
    quick, full, checked = _both(root, "admin", PASSWORD)
    try:
        boards = _compare(quick, full, checked, [DEMO_TODAY, date(2026, 10, 1), date(2026, 12, 1)])
    finally:
        quick.close()
        full.close()
    board = boards[DEMO_TODAY, 3]
    assert len(board.notices) == 1 and board.notices[0].startswith(NO_MEDIATOR)
    assert {i.status for i in board.items} == {"soon", "overdue"} and board.month_counts["register"] == 1


# ------------------------------------------------------------------ as the program


def _program(root: Path, password: str, *args: str, user: str | None = None) -> subprocess.CompletedProcess:
    """``python -X importtime -m hexie_desktop [--user U] --data-dir ROOT dashboard ARGS`` (the whole process)."""
    argv = [sys.executable, "-X", "importtime", "-m", "hexie_desktop", "--data-dir", str(root)]
    argv += ["--user", user] if user else []
    return subprocess.run([*argv, "dashboard", *args], capture_output=True, text=True, env=_env(password), cwd=ROOT,
                          timeout=300, check=False)


def _imported(ran: subprocess.CompletedProcess) -> set[str]:
    """The modules ``-X importtime`` reported (a time may be negative: the password thread imports meanwhile)."""
    return {m.group(1).strip() for m in re.finditer(r"^import time:\s+-?\d+ \|\s+-?\d+ \|(.*)$", ran.stderr, re.M)}


def _sqlalchemy(ran: subprocess.CompletedProcess) -> bool:
    """Whether the run loaded SQLAlchemy (read from the raw ``-X importtime`` lines, whatever their numbers)."""
    assert len(_imported(ran)) > 50, "-X importtime reported the imports"
    return re.search(r"^import time:.*\|\s*sqlalchemy(\.\S*)?\s*$", ran.stderr, re.M) is not None


def _messages(ran: subprocess.CompletedProcess) -> str:
    """The program's stderr without the import times."""
    return "".join(line for line in ran.stderr.splitlines(keepends=True) if not line.startswith("import time:"))


def _in_process(root: Path, password: str, argv: list[str], monkeypatch, capsys) -> tuple[int, str, str]:
    """The same command run in-process (``cli.main(argv)``: no check ahead, never the quick path)."""
    monkeypatch.setenv("HEXIE_PASSWORD", password)
    monkeypatch.delenv("HEXIE_DATA_DIR", raising=False)
    capsys.readouterr()
    code = cli.main(["--data-dir", str(root), *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def _logins(root: Path) -> tuple[list[tuple], list[tuple]]:
    """The users' rows without their times of login, and the audit entries without their times and hashes."""
    conn = health.connect_read_only(root / "hexie.sqlite3")
    try:
        people = conn.execute("SELECT username, role, active, failed_logins, locked_until IS NULL FROM users "
                              "ORDER BY id").fetchall()
        entries = conn.execute("SELECT actor, action, entity, entity_id, summary FROM audit_log ORDER BY id").fetchall()
    finally:
        conn.close()
    return people, entries


def test_the_program_prints_the_full_paths_list_without_loading_sqlalchemy(station_template, tmp_path, monkeypatch,
                                                                            capsys):
    root = tmp_path / "station"
    shutil.copytree(station_template, root)  # a copied file: its stamp no longer vouches for it
    first = _program(root, ADMIN[1], "--json")
    assert first.returncode == 0, first.stderr[-2000:]
    assert not _sqlalchemy(first), "a copied file (no stamp vouches for it): every page checked, still quick"
    assert health.stamp_vouches(root / "hexie.sqlite3") is not None, "and the passed check is stamped"

    second = _program(root, ADMIN[1], "--json")
    modules = _imported(second)
    assert second.returncode == 0 and _messages(second) == ""
    assert "hexie_desktop.services.dashboard_quick" in modules
    assert not _sqlalchemy(second), "the everyday case loads no SQLAlchemy"
    assert not {m for m in modules if m.startswith("hexie_desktop.storage.models")}
    assert second.stdout == first.stdout

    code, out, err = _in_process(root, ADMIN[1], ["dashboard", "--json"], monkeypatch, capsys)
    assert (code, out, err) == (0, second.stdout, "")
    shown = json.loads(second.stdout)
    assert shown["count"] == len(shown["items"]) > 0 and shown["notices"] == []

    clerk = _program(root, USERS["clerk"][2], "--json", user="clerk")
    assert clerk.returncode == 0 and clerk.stdout == second.stdout
    assert not _sqlalchemy(clerk), "--user: the quick path too"
    listed = _program(root, ADMIN[1])
    assert listed.returncode == 0 and not _sqlalchemy(listed)
    code, out, _err = _in_process(root, ADMIN[1], ["dashboard"], monkeypatch, capsys)
    assert (code, out) == (0, listed.stdout)
    mine = _program(root, ADMIN[1], "--json", "--mine")
    assert mine.returncode == 0 and _sqlalchemy(mine), "“我的案件” is the full path's"
    assert (0, mine.stdout) == _in_process(root, ADMIN[1], ["dashboard", "--json", "--mine"], monkeypatch, capsys)[:2]

    _people, entries = _logins(root)
    ok = [("admin", "login.ok", "user", "admin")]
    assert [e[:4] for e in entries[-8:]] == ok * 3 + [("clerk", "login.ok", "user", "clerk")] + ok * 4
    assert health.check(root / "hexie.sqlite3").ok
    station = open_station(data_dir=root)
    try:
        from hexie_desktop.storage import audit

        with station.db.read() as session:
            assert audit.verify(session).ok
    finally:
        station.close()


def _prepare(root: Path, *statements: str) -> None:
    write_through_driver(root / "hexie.sqlite3", *statements)
    open_station(data_dir=root).close()  # a clean close: the quick path would be tried


REFUSED = {
    # name: (password, --user, statements run first on both copies)
    "a wrong password": ("nicht-richtig", None, ()),
    "a wrong password for another user": ("nicht-richtig", "clerk", ()),
    "a locked account": (ADMIN[1], None, ("UPDATE users SET locked_until = '2999-01-01 00:00:00.000000' "
                                          "WHERE username = 'admin'",)),
    "an unknown user": (ADMIN[1], "nobody", ()),
    "a disabled user": (USERS["clerk"][2], "clerk", ("UPDATE users SET active = 0 WHERE username = 'clerk'",)),
}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_a_refused_login_is_the_full_paths_refusal(name, station_template, tmp_path, monkeypatch, capsys):
    password, user, statements = REFUSED[name]
    program, in_process = tmp_path / "program", tmp_path / "in-process"
    for root in (program, in_process):
        shutil.copytree(station_template, root)
        _prepare(root, *statements)
    ran = _program(program, password, "--json", user=user)
    argv = (["--user", user] if user else []) + ["dashboard", "--json"]
    code, out, err = _in_process(in_process, password, argv, monkeypatch, capsys)
    assert ran.returncode == code == 1 and ran.stdout == out == ""
    # The lock's minutes left may tick between the two runs: compare the words.
    assert re.sub(r"\d+", "N", _messages(ran)) == re.sub(r"\d+", "N", err) and err.startswith("错误：")
    assert _logins(program) == _logins(in_process)
    assert health.check(program / "hexie.sqlite3").ok


def test_a_wrong_password_by_the_program_is_audited_as_a_failed_login(station_template, tmp_path):
    root = tmp_path / "station"
    shutil.copytree(station_template, root)
    _prepare(root)
    _people, before = _logins(root)
    ran = _program(root, "nicht-richtig", "--json")
    people, after = _logins(root)
    assert ran.returncode == 1 and "用户名或密码错误" in ran.stderr
    assert after[:-1] == before and after[-1] == ("admin", "login.failed", "user", "admin", "第1次")
    assert dict((p[0], p[3]) for p in people)["admin"] == 1


def test_the_quick_path_keeps_the_daily_backup(station_template, tmp_path):
    """The quick path makes the day's verified automatic backup as the full path's login does."""
    from hexie_desktop.services.backup import auto_backups

    root = tmp_path / "station"
    shutil.copytree(station_template, root)
    _prepare(root)
    assert auto_backups(root / "backups") == []
    ran = _program(root, ADMIN[1], "--json")
    assert ran.returncode == 0 and not _sqlalchemy(ran)
    made = auto_backups(root / "backups")
    assert len(made) == 1 and made[0][0].date() == date.today()
    copy = health.connect_read_only(made[0][1])
    try:
        assert copy.execute("SELECT action FROM audit_log ORDER BY id DESC LIMIT 1").fetchone() == ("login.ok",)
    finally:
        copy.close()


# ------------------------------------------------------------------ the wiring (cli_support.quick_dashboard)


@pytest.fixture
def wiring(station_template, tmp_path, monkeypatch):
    """``run(password, user=None, mine=False, db_url=None)``: ``cli_support.quick_dashboard`` with a check made ahead,
    on a cleanly closed copy of the template; the command's opened stations are closed afterwards."""
    import argparse

    from hexie_desktop import cli_support

    root = tmp_path / "station"
    shutil.copytree(station_template, root)
    _prepare(root)
    monkeypatch.setattr(cli_support, "_ahead", [])
    monkeypatch.setattr(cli_support, "OPENED", [])

    def run(password: str, *, user: str | None = None, mine: bool = False, db_url: str | None = None):
        args = argparse.Namespace(data_dir=str(root), db_url=db_url, user=user, mine=mine)
        monkeypatch.setenv("HEXIE_PASSWORD", password)
        cli_support.check_password_ahead(args)
        ahead = list(cli_support._ahead)
        board = cli_support.quick_dashboard(args)
        left = list(cli_support._ahead)
        cli_support._ahead.clear()
        for found in ahead:
            found.result()  # the thread is done before the next run
        cli_support.close_opened(True)
        return board, ahead, left

    run.root = root
    return run


def test_the_wiring_logs_in_the_user_the_check_ahead_looked_up(wiring):
    board, ahead, left = wiring(ADMIN[1])
    assert board is not None and left == [], "the quick path used the check made ahead"
    assert ahead[0].username == ADMIN[0], "no --user: the first active admin"
    board, ahead, left = wiring(USERS["clerk"][2], user="clerk")
    assert board is not None and ahead[0].username == "clerk" and left == []
    _people, entries = _logins(wiring.root)
    assert [e[:2] for e in entries[-2:]] == [("admin", "login.ok"), ("clerk", "login.ok")]
    assert health.stamp_vouches(wiring.root / "hexie.sqlite3") is not None


@pytest.mark.parametrize(("password", "options"), [
    ("nicht-richtig", {}),
    (ADMIN[1], {"mine": True}),
    (ADMIN[1], {"user": "nobody"}),
    (ADMIN[1], {"user": "adm\x1bin"}),
    (USERS["clerk"][2], {}),  # the clerk's password for the first admin
])
def test_the_wiring_leaves_the_check_ahead_to_the_full_path(wiring, password, options):
    before = _logins(wiring.root)
    board, ahead, left = wiring(password, **options)
    assert board is None and left == ahead and len(ahead) == 1, "the full path's login takes the check made ahead"
    assert _logins(wiring.root) == before
    assert health.stamp_vouches(wiring.root / "hexie.sqlite3") is not None
