"""``hexie dashboard`` on a station folder without SQLAlchemy: the everyday case, read through the sqlite3 driver.

Loading SQLAlchemy and the 46 mapped models takes longer than the whole command may take
(issue #12: at most 3× a bare ``hexie --version``).  So the command line first tries this quick
path, which does what the full path does — the start-up check, the audited login, the daily
backup, the same list — with the statements of ``services.dashboard`` compiled to SQLite text
(``services.dashboard_sql``) and the list's rule in :mod:`hexie_desktop.core.worklist`.

It handles only the everyday case and gives way (returns ``None``, having written nothing) to the
full path, which then decides, says and audits as always, whenever anything is out of the
ordinary: a start-up check that fails, a schema to upgrade, a restore to finish, no password
checked ahead, a user who is unknown, disabled, locked or was locked, a wrong password, a hash
to renew, a role without the right to read, “我的案件”, any error of SQLite.  The rows are read
before the login is written (while the password's argon2 check runs on its own thread) and
shown only after it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import asdict
from datetime import date, datetime, timedelta
from typing import Any

from hexie_desktop.core import passwords, permissions, worklist
from hexie_desktop.core.errors import HexieError
from hexie_desktop.core.periods import DeadlineSettings, WorkCalendar
from hexie_desktop.core.worklist import Dashboard
from hexie_desktop.exchange import places
from hexie_desktop.paths import StationPaths
from hexie_desktop.services import dashboard_sql
from hexie_desktop.storage import health, migrate, plain

_CASE_DATES = tuple(worklist.CASE_COLUMNS.index(c) for c in worklist.CASE_DATES)
# The only defaults this path needs, as services.settings.DEFAULTS gives them (a unit test compares).
DEFAULT_DEADLINES = asdict(DeadlineSettings())
DEFAULT_OVERRIDES: dict[str, Any] = {}


class QuickStation:
    """A station folder opened by the quick path: its file's stamp is taken until :meth:`close`."""

    def __init__(self, paths: StationPaths, in_use: health.InUse | None) -> None:
        self.paths = paths
        self.info = None
        self._in_use = in_use
        self._conn: sqlite3.Connection | None = None
        self.damage_seen = False

    def connect(self) -> sqlite3.Connection:
        """The connection (opened on first use)."""
        if self._conn is None:
            self._conn = plain.connect(self.paths.database)
        return self._conn

    def close(self, *, clean: bool = True) -> None:
        """Close the connection; when ``clean`` and SQLite reported no damage, stamp the file as sound."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        in_use, self._in_use = self._in_use, None
        if clean and in_use is not None and not self.damage_seen:
            health.release(in_use)


def _day(value: Any) -> date | None:
    return None if value is None else date.fromisoformat(value)


def _read(conn: sqlite3.Connection, *, today: date, soon_days: int) -> dict[str, Any]:
    """The rows of the dashboard, read in one snapshot (before the login is written)."""
    horizon = today + timedelta(days=soon_days)
    with plain.reading(conn):
        raw = plain.setting(conn, "deadlines", DEFAULT_DEADLINES)
        known = set(DEFAULT_DEADLINES)
        lengths = DeadlineSettings(**{k: v for k, v in raw.items() if k in known})
        overrides = plain.setting(conn, "calendar.overrides", DEFAULT_OVERRIDES)
        calendar = WorkCalendar({date.fromisoformat(day): bool(work) for day, work in overrides.items()})
        params = {k: v.isoformat() for k, v in worklist.bounds(lengths, horizon).items()}
        cases = []
        for row in conn.execute(dashboard_sql.CASES, params):
            values = list(row)
            for i in _CASE_DATES:
                values[i] = _day(values[i])
            cases.append(worklist.CaseRow(*values))
        ids = {"ids": json.dumps([c.id for c in cases])}
        names: dict[str, list[str]] = {}
        effective: dict[str, date | None] = {}
        items: dict[str, list[Any]] = {}
        visited: set[str] = set()
        if cases:
            for case_id, name in conn.execute(dashboard_sql.NAMES, ids):
                names.setdefault(case_id, []).append(name)
            effective = {case_id: _day(on) for case_id, on in conn.execute(dashboard_sql.EFFECTIVE, ids)}
            for case_id, seq, due_on, performed_on in conn.execute(dashboard_sql.ITEMS, ids):
                items.setdefault(case_id, []).append(worklist.ItemRow(case_id, seq, _day(due_on), _day(performed_on)))
            visited = {r[0] for r in conn.execute(dashboard_sql.VISITED, ids)}
        counts = dict(conn.execute(dashboard_sql.MONTH, {"month_start": today.replace(day=1).isoformat(),
                                                         "today": today.isoformat()}).fetchall())
        registered = conn.execute(dashboard_sql.MEDIATORS).fetchone()[0]
    return {"cases": cases, "names": names, "effective": effective, "items": items, "visited": visited,
            "lengths": lengths, "calendar": calendar, "counts": counts, "registered": registered}


def _board(found: dict[str, Any], *, today: date, soon_days: int) -> Dashboard:
    """The dashboard from the rows :func:`_read` found (``core.worklist``'s rule, as the full path applies it)."""
    items = worklist.due_items(found["cases"], names=found["names"], effective=found["effective"],
                               items=found["items"], visited=found["visited"], lengths=found["lengths"],
                               calendar=found["calendar"], today=today, soon_days=soon_days)
    notices = worklist.setup_notices(registered=found["registered"], linked=False, mine=False)
    return Dashboard(items, worklist.month_counts(found["counts"]), notices)


_USER = ("SELECT id, password_hash, active, locked_until, role, failed_logins FROM users WHERE username = ?")


def _user(conn: sqlite3.Connection, username: str) -> tuple | None:
    return conn.execute(_USER, (username,)).fetchone()


def open_quick(paths: StationPaths) -> QuickStation | None:
    """The station folder ``paths`` opened as the full path opens it: after the start-up check (every page unless
    its stamp vouches for the file), with the exchange's leftovers cleaned; None when the full path must open it
    (a restore or an upgrade pending, anything the check finds: the full path checks again and says what is wrong)."""
    database = paths.database
    if paths.restore_journal.exists():
        return None
    try:
        found = health.check(database, trust_stamp=True)
    except HexieError:
        return None
    if not found.ok or found.checked is None:
        return None
    station = QuickStation(paths, health.take(database, found))
    try:
        revision = station.connect().execute("SELECT version_num FROM alembic_version").fetchall()
        if [r[0] for r in revision] != [migrate.shipped_head()]:
            station.close()
            return None
    except sqlite3.Error as exc:
        station.damage_seen = plain.is_damage(exc)
        station.close()
        return None
    try:  # what killed imports and exports left, removed as the full path's opening removes it
        places.clean_staging(station)
    except OSError:
        pass  # never blocks opening (services.station._clean_exchange_leftovers)
    return station


def dashboard(station: QuickStation, *, username: str, checked: Callable[[], tuple[str, str, bool] | None],
              now: datetime, today: date, soon_days: int = 3) -> Dashboard | None:
    """Log ``username`` in and read the 工作台, or None (nothing written) when the full path must do it.

    ``checked`` waits for the password's argon2 check made ahead (stored hash, password, matches).
    The login is the full path's success exactly: failures reset, the lock cleared, the time of the
    login kept, one ``login.ok`` entry in the audit chain, all in one transaction.
    """
    conn = station.connect()
    try:
        user = _user(conn, username)
        if user is None or not user[2] or user[3] is not None or not permissions.allowed(user[4], "read"):
            return None
        rows = _read(conn, today=today, soon_days=soon_days)
        found = checked()
        if found is None or found[0] != user[1] or not found[2] or passwords.needs_rehash(user[1]):
            return None
        with plain.writing(conn):
            if _user(conn, username) != user:  # changed since it was read: let the full path decide
                raise _Changed
            conn.execute("UPDATE users SET failed_logins = 0, locked_until = NULL, last_login_at = ? WHERE id = ?",
                         (plain.stored_datetime(now), user[0]))
            plain.append_audit(conn, at=now, actor=username, action="login.ok", entity="user", entity_id=username)
    except _Changed:
        return None
    except sqlite3.Error as exc:
        station.damage_seen = plain.is_damage(exc)
        return None
    except (ValueError, TypeError, KeyError, AttributeError, HexieError):  # a stored value the full path judges
        return None
    # Worked out after the login's write (an error here is the one the full path's list would raise after its
    # login): the stamp of a sound file waits until the file's last change is 50 ms old
    # (storage.health.SETTLE_NS), and this is most of that time.
    return _board(rows, today=today, soon_days=soon_days)


class _Changed(Exception):
    """The user's row changed between the read and the login's transaction."""


__all__ = ["QuickStation", "dashboard", "open_quick"]
