"""services/dashboard_quick.py: the 工作台 over the sqlite3 driver, or None (nothing written) for the full path.

The quick path must (1) list exactly what ``services.dashboard`` lists, (2) on success write exactly
what ``services.users.authenticate`` writes on a successful login, and (3) whenever anything is out
of the ordinary write nothing at all and give way, leaving the file's stamp as a clean close leaves it.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from hexie_desktop.paths import StationPaths
from hexie_desktop.services import dashboard, dashboard_quick, dashboard_sql, settings, users
from hexie_desktop.services.station import open_station
from hexie_desktop.storage import audit, health, migrate, plain
from tests.conftest import ADMIN, USERS, write_through_driver

NOW = datetime(2026, 11, 20, 9, 30, 5, 123456)
TODAY = date(2026, 11, 20)
_VERIFIED: dict[tuple[str, str], bool] = {}


def _verify(password_hash: str, password: str) -> bool:
    """argon2's answer (cached: every copy of the template has the same hashes)."""
    if (password_hash, password) not in _VERIFIED:
        try:
            _VERIFIED[password_hash, password] = PasswordHasher().verify(password_hash, password)
        except Exception:  # noqa: BLE001 - VerificationError, InvalidHashError
            _VERIFIED[password_hash, password] = False
    return _VERIFIED[password_hash, password]


def _hash(database: Path, username: str) -> str | None:
    conn = health.connect_read_only(database)
    try:
        row = conn.execute("SELECT password_hash FROM users WHERE username = ?", (username,)).fetchone()
    finally:
        conn.close()
    return row[0] if row else None


def ahead(database: Path, username: str, password: str) -> Callable[[], tuple[str, str, bool] | None]:
    """What ``cli_support.PasswordAhead.result`` gives for ``username``'s stored hash and ``password``."""
    stored = _hash(database, username)
    found = None if stored is None else (stored, password, _verify(stored, password))
    return lambda: found


def dump(database: Path) -> dict[str, list[tuple]]:
    """Every row of every table (read-only: nothing written, nothing created)."""
    conn = health.connect_read_only(database)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                                             "'case_fts%' ORDER BY name")]
        return {t: conn.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall() for t in tables}
    finally:
        conn.close()


def restamp(database: Path) -> None:
    """Stamp ``database`` as sound as it is now (as a clean close after a passed check does)."""
    st = os.stat(database)
    assert health.release(health.InUse(database, time.time(), st.st_ino, st.st_dev))
    assert health.stamp_vouches(database) is not None


def edit(database: Path, *statements: str) -> None:
    """Change the file through the driver, then stamp it again (the change is the only thing out of order)."""
    write_through_driver(database, *statements)
    restamp(database)


@pytest.fixture
def closed(station_factory) -> Callable[[], StationPaths]:
    """``closed()``: a copy of the template station, closed cleanly (its stamp vouches for it)."""
    def make() -> StationPaths:
        station = station_factory()
        station.close()
        assert health.stamp_vouches(station.paths.database) is not None
        return station.paths

    return make


def _full(paths: StationPaths, days: list[date], soons: tuple[int, ...] = (3,)) -> dict:
    """``services.dashboard.dashboard`` for each day and ``soon_days`` (the station opened once, closed cleanly)."""
    station = open_station(data_dir=paths.root)
    try:
        actor = users.actor_for(station.db, ADMIN[0])
        return {(day, soon): dashboard.dashboard(station.context(actor, today_fn=lambda day=day: day), soon_days=soon)
                for day in days for soon in soons}
    finally:
        station.close()


def test_the_quick_paths_defaults_are_the_settings_defaults():
    assert dashboard_quick.DEFAULT_DEADLINES == settings.DEFAULTS["deadlines"]
    assert dashboard_quick.DEFAULT_OVERRIDES == settings.DEFAULTS["calendar.overrides"]


def test_the_quick_list_is_the_full_list(closed):
    paths = closed()
    base = date.today()  # the template's demo cases are dated from the real today
    days = [base + timedelta(days=n) for n in range(-400, 60, 23)] + [base, base.replace(day=1), date(2026, 10, 1)]
    expected = _full(paths, days, (0, 3, 30))
    station = dashboard_quick.open_quick(paths)
    assert station is not None
    checked = ahead(paths.database, *ADMIN)
    try:
        for (day, soon), full in expected.items():
            got = dashboard_quick.dashboard(station, username=ADMIN[0], checked=checked, now=NOW, today=day,
                                            soon_days=soon)
            assert got == full, (day, soon)
    finally:
        station.close()
    assert sum(len(b.items) for b in expected.values()) > 50
    assert any(b.month_counts != expected[days[0], 3].month_counts for b in expected.values())


def test_a_successful_quick_login_writes_what_authenticate_writes(closed, monkeypatch):
    quick_paths, full_paths = closed(), closed()
    for paths in (quick_paths, full_paths):  # a failed login before, which a success clears
        edit(paths.database, "UPDATE users SET failed_logins = 2 WHERE username = 'admin'")
    assert dump(quick_paths.database) == dump(full_paths.database)
    station = dashboard_quick.open_quick(quick_paths)
    assert station is not None
    assert health.stamp_vouches(quick_paths.database) is None, "the stamp is taken while the file is open"
    board = dashboard_quick.dashboard(station, username=ADMIN[0], checked=ahead(quick_paths.database, *ADMIN),
                                      now=NOW, today=TODAY)
    station.close()
    assert board is not None
    assert health.stamp_vouches(quick_paths.database) is not None, "a clean close stamps the file again"

    full = open_station(data_dir=full_paths.root)
    monkeypatch.setattr(audit, "utcnow", lambda: NOW)  # authenticate's audit entry takes the clock's time
    users.authenticate(full.db, ADMIN[0], ADMIN[1], now=NOW)
    full.close()

    after_quick, after_full = dump(quick_paths.database), dump(full_paths.database)
    assert after_quick["users"] == after_full["users"]
    assert after_quick["audit_log"][-1] == after_full["audit_log"][-1]
    assert after_quick == after_full, "nothing else differs"
    admin = next(r for r in after_quick["users"] if r[1] == ADMIN[0])
    assert plain.stored_datetime(NOW) in admin and after_quick["audit_log"][-1][1:7] == (
        plain.stored_datetime(NOW.replace(microsecond=0)), "admin", "login.ok", "user", "admin", "")
    check = health.check(quick_paths.database)
    assert check.ok, check
    reopened = open_station(data_dir=quick_paths.root)
    try:
        with reopened.db.read() as session:
            assert audit.verify(session).ok
    finally:
        reopened.close()


def test_another_user_logs_in_by_the_quick_path(closed):
    paths = closed()
    clerk = ("clerk", USERS["clerk"][2])
    station = dashboard_quick.open_quick(paths)
    board = dashboard_quick.dashboard(station, username=clerk[0], checked=ahead(paths.database, *clerk), now=NOW,
                                      today=TODAY)
    station.close()
    assert board == _full(paths, [TODAY])[TODAY, 3]
    last = dump(paths.database)["audit_log"][-1]
    assert last[2:6] == ("clerk", "login.ok", "user", "clerk")


def test_an_empty_staging_folder_is_no_leftover(closed):
    paths = closed()
    (paths.root / "exchange" / "staging").mkdir(parents=True, exist_ok=True)
    (paths.attachments / ".incoming").mkdir(parents=True, exist_ok=True)
    station = dashboard_quick.open_quick(paths)
    assert station is not None
    station.close()


# ------------------------------------------------------------------ every case the full path must decide

def _old_revision() -> str:
    return "0001"


def _plant(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"left by a killed import")


OPEN_REFUSED: dict[str, tuple[Callable[[StationPaths], None], bool]] = {
    # name: (what makes it so, whether the stamp still vouches afterwards)
    "a restore journal": (lambda p: p.restore_journal.write_text("{}", encoding="utf-8"), True),
    "an edited audit entry": (
        lambda p: edit(p.database, "UPDATE audit_log SET summary = 'forged' "
                                   "WHERE id = (SELECT max(id) FROM audit_log)"),
        True),
    "a schema newer than this program": (
        lambda p: edit(p.database, "UPDATE alembic_version SET version_num = '9999_future'"), True),
    "a schema to upgrade": (
        lambda p: edit(p.database, f"UPDATE alembic_version SET version_num = '{_old_revision()}'"), True),
}


def test_leftovers_of_killed_imports_are_removed_as_the_full_path_removes_them(closed):
    """What a killed import or export left (staging folders, received attachments) is cleaned at opening on both
    paths alike (exchange.places.clean_staging), and the quick path goes on."""
    planted = {"staging": lambda p: p.root / "exchange" / "staging" / "run-1" / "payload.json",
               "incoming": lambda p: p.attachments / ".incoming" / "abab" / "file.bin",
               "stray": lambda p: p.root / "exchange" / "staging" / "notes.txt"}
    left = {}
    for how in ("quick", "full"):
        paths = closed()
        for where in planted.values():
            _plant(where(paths))
        if how == "quick":
            station = dashboard_quick.open_quick(paths)
            assert station is not None
        else:
            station = open_station(data_dir=paths.root)
        station.close()
        left[how] = {name: where(paths).exists() for name, where in planted.items()}
    assert left["quick"] == left["full"]
    assert not left["quick"]["staging"] and not left["quick"]["incoming"]


def _touch_later(database: Path) -> None:
    """Change the file after its stamp (another program wrote to it)."""
    conn = plain.connect(database)
    try:
        with plain.writing(conn):
            conn.execute("UPDATE users SET failed_logins = failed_logins + 1 WHERE username = 'clerk'")
    finally:
        conn.close()


@pytest.mark.parametrize("name", sorted(OPEN_REFUSED))
def test_open_quick_gives_way_and_writes_nothing(name, closed):
    paths = closed()
    make, stamped_after = OPEN_REFUSED[name]
    make(paths)
    before, files_before = dump(paths.database), sorted(p.name for p in paths.root.iterdir())
    assert dashboard_quick.open_quick(paths) is None
    assert dump(paths.database) == before
    assert sorted(p.name for p in paths.root.iterdir()) == files_before, "no file made or removed"
    assert (health.stamp_vouches(paths.database) is not None) == stamped_after


def _count_page_checks(monkeypatch) -> list[int]:
    calls: list[int] = []
    page_check = health.quick_check
    monkeypatch.setattr(health, "quick_check", lambda conn: calls.append(1) or page_check(conn))
    return calls


@pytest.mark.parametrize("how", ["no stamp", "a stamp for an older state of the file"])
def test_without_a_stamp_that_vouches_open_quick_checks_every_page_itself(how, closed, monkeypatch):
    paths = closed()
    if how == "no stamp":
        health.forget(paths.database)
    else:
        _touch_later(paths.database)
    assert health.stamp_vouches(paths.database) is None
    calls = _count_page_checks(monkeypatch)
    before = dump(paths.database)
    station = dashboard_quick.open_quick(paths)
    assert station is not None and calls == [1], "PRAGMA quick_check ran"
    station.close()
    assert dump(paths.database) == before
    assert health.stamp_vouches(paths.database) is not None, "the passed check is stamped at the clean close"
    again = dashboard_quick.open_quick(paths)
    again.close()
    assert calls == [1], "the stamp spares the next page check"


def test_damage_the_page_check_finds_is_left_to_the_full_path(closed, monkeypatch):
    paths = closed()
    health.forget(paths.database)
    monkeypatch.setattr(health, "quick_check", lambda conn: ["*** in database main ***", "Page 7: btreeInitPage() "
                                                                                         "returns error code 11"])
    before, files = dump(paths.database), sorted(p.name for p in paths.root.iterdir())
    assert dashboard_quick.open_quick(paths) is None
    assert dump(paths.database) == before and sorted(p.name for p in paths.root.iterdir()) == files
    assert health.stamp_vouches(paths.database) is None


def test_the_old_revision_is_one_the_program_knows():
    """The 'schema to upgrade' case above must pass the start-up check (else it tests the check, not the revision)."""
    assert migrate.is_known_revision(_old_revision()) and _old_revision() != migrate.shipped_head()


def _answer(kind: str) -> Callable[[Path], Callable[[], tuple[str, str, bool] | None]]:
    if kind == "none":
        return lambda db: lambda: None
    if kind == "other hash":
        other = PasswordHasher().hash(ADMIN[1])
        return lambda db: lambda: (other, ADMIN[1], True)
    if kind == "wrong password":
        return lambda db: ahead(db, ADMIN[0], "nicht-richtig")
    return lambda db: ahead(db, *ADMIN)


LOGIN_REFUSED: dict[str, tuple[str, tuple[str, ...], str]] = {
    # name: (username, statements run first, the answer made ahead)
    "an unknown user": ("nobody", (), "right"),
    "an empty user name": ("", (), "right"),
    "a disabled user": (ADMIN[0], ("UPDATE users SET active = 0 WHERE username = 'admin'",), "right"),
    "a locked user": (ADMIN[0], ("UPDATE users SET locked_until = '2999-01-01 00:00:00.000000' "
                                 "WHERE username = 'admin'",), "right"),
    "a user whose lock has passed": (ADMIN[0], ("UPDATE users SET locked_until = '2000-01-01 00:00:00.000000' "
                                                "WHERE username = 'admin'",), "right"),
    "a role without the right to read": (ADMIN[0], ("UPDATE users SET role = 'visitor' WHERE username = 'admin'",),
                                         "right"),
    "no answer made ahead": (ADMIN[0], (), "none"),
    "an answer for another hash": (ADMIN[0], (), "other hash"),
    "a wrong password": (ADMIN[0], (), "wrong password"),
    "a deadline setting the full path refuses": (
        ADMIN[0], ("INSERT INTO settings (key, value) VALUES ('deadlines', '{\"mediation_days\": 0}')",), "right"),
    "a calendar setting that is not a date": (
        ADMIN[0], ("INSERT INTO settings (key, value) VALUES ('calendar.overrides', '{\"someday\": true}')",),
        "right"),
    "a setting that is not JSON": (
        ADMIN[0], ("INSERT INTO settings (key, value) VALUES ('deadlines', '{not json')",), "right"),
}


@pytest.mark.parametrize("name", sorted(LOGIN_REFUSED))
def test_the_login_gives_way_and_writes_nothing(name, closed):
    paths = closed()
    username, statements, kind = LOGIN_REFUSED[name]
    if statements:
        edit(paths.database, *statements)
    checked = _answer(kind)(paths.database)
    station = dashboard_quick.open_quick(paths)
    assert station is not None
    before = dump(paths.database)
    assert dashboard_quick.dashboard(station, username=username, checked=checked, now=NOW, today=TODAY) is None
    assert dump(paths.database) == before
    station.close()
    assert health.stamp_vouches(paths.database) is not None, "the stamp is back after a clean close"


def test_a_hash_to_renew_is_left_to_the_full_path(closed):
    paths = closed()
    weaker = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1).hash(ADMIN[1])
    assert PasswordHasher().check_needs_rehash(weaker)
    edit(paths.database, f"UPDATE users SET password_hash = '{weaker}' WHERE username = 'admin'")
    station = dashboard_quick.open_quick(paths)
    before = dump(paths.database)
    assert dashboard_quick.dashboard(station, username=ADMIN[0], checked=lambda: (weaker, ADMIN[1], True), now=NOW,
                                     today=TODAY) is None
    assert dump(paths.database) == before
    station.close()


def test_a_user_row_changed_while_the_password_was_checked_is_left_to_the_full_path(closed):
    paths = closed()
    right = ahead(paths.database, *ADMIN)

    def checked():
        other = plain.connect(paths.database)  # another program's failed login, meanwhile
        try:
            with plain.writing(other):
                other.execute("UPDATE users SET failed_logins = failed_logins + 1 WHERE username = 'admin'")
        finally:
            other.close()
        return right()

    station = dashboard_quick.open_quick(paths)
    before = dump(paths.database)
    assert dashboard_quick.dashboard(station, username=ADMIN[0], checked=checked, now=NOW, today=TODAY) is None
    station.close()
    after = dump(paths.database)
    assert after["audit_log"] == before["audit_log"]
    changed = [(b, a) for b, a in zip(before["users"], after["users"], strict=True) if b != a]
    assert len(changed) == 1 and changed[0][1][1] == ADMIN[0]
    assert {k: v for k, v in after.items() if k != "users"} == {k: v for k, v in before.items() if k != "users"}


def test_an_sqlite_error_gives_way_and_the_stamp_comes_back(closed, monkeypatch):
    paths = closed()
    monkeypatch.setattr(dashboard_sql, "MONTH", "SELECT action, count(*) FROM no_such_table GROUP BY action")
    station = dashboard_quick.open_quick(paths)
    before = dump(paths.database)
    assert dashboard_quick.dashboard(station, username=ADMIN[0], checked=ahead(paths.database, *ADMIN), now=NOW,
                                     today=TODAY) is None
    assert not station.damage_seen
    station.close()
    assert dump(paths.database) == before
    assert health.stamp_vouches(paths.database) is not None


def test_damage_reported_by_sqlite_leaves_no_stamp(closed, monkeypatch):
    paths = closed()

    def damaged(*_args, **_kwargs):
        exc = sqlite3.DatabaseError("database disk image is malformed")
        exc.sqlite_errorname = "SQLITE_CORRUPT"
        raise exc

    monkeypatch.setattr(plain, "setting", damaged)
    station = dashboard_quick.open_quick(paths)
    before = dump(paths.database)
    assert dashboard_quick.dashboard(station, username=ADMIN[0], checked=ahead(paths.database, *ADMIN), now=NOW,
                                     today=TODAY) is None
    assert station.damage_seen
    station.close()
    assert dump(paths.database) == before
    assert health.stamp_vouches(paths.database) is None, "the next open checks every page"


def test_a_close_after_a_failure_leaves_no_stamp(closed):
    paths = closed()
    station = dashboard_quick.open_quick(paths)
    station.close(clean=False)
    assert health.stamp_vouches(paths.database) is None


def _unreadable_staging(monkeypatch) -> None:
    """Listing the exchange staging folder fails (no permission, or a folder Windows is deleting)."""
    listing = Path.iterdir

    def iterdir(self: Path):
        if self.name == "staging":
            raise PermissionError(13, "Permission denied", str(self))
        return listing(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)


def test_the_full_path_opens_a_station_whose_staging_folder_cannot_be_listed(closed, monkeypatch):
    paths = closed()
    (paths.root / "exchange" / "staging").mkdir(parents=True)
    _unreadable_staging(monkeypatch)
    open_station(data_dir=paths.root).close()  # services.station._clean_exchange_leftovers: never blocks opening


def test_a_staging_folder_that_cannot_be_listed_does_not_block_the_quick_path(closed, monkeypatch):
    """As on the full path: cleaning leftovers never blocks opening; the stamp comes back at close."""
    paths = closed()
    (paths.root / "exchange" / "staging").mkdir(parents=True)
    _unreadable_staging(monkeypatch)
    station = dashboard_quick.open_quick(paths)
    assert station is not None
    station.close()
    assert health.stamp_vouches(paths.database) is not None
