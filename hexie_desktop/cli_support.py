"""What every ``hexie`` command shares: exit codes, the escaped output, JSON in and out, the login.

Kept apart from cli.py so that the command modules (cli_action_plan.py, cli_selection.py) use it
without importing the parser that registers them (no import cycle).
"""

from __future__ import annotations

import argparse
import gc
import getpass
import json
import os
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hexie_desktop.core.errors import HexieError, UserError
from hexie_desktop.core.i18n import _
from hexie_desktop.core.text import first_control, printable_lines
from hexie_desktop.paths import default_data_dir

if TYPE_CHECKING:
    from hexie_desktop.services.station import Station

EXIT_OK, EXIT_USER, EXIT_USAGE = 0, 1, 2


def _json_default(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"not JSON serializable: {type(value).__name__}")


def print_json(data: Any) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2, default=_json_default, sort_keys=False)
    if first_control(text, multiline=True) is not None:  # keep it valid JSON with nothing raw in it
        text = json.dumps(data, ensure_ascii=True, indent=2, default=_json_default, sort_keys=False)
    sys.stdout.write(text + "\n")


class _Escaped:
    """A text stream that shows control characters escaped (``core.text.printable``).

    Every line ``hexie`` prints goes through it — names and messages that came from a package,
    a card or a file included — so nothing can drive the terminal; line breaks and tabs stay.
    """

    def __init__(self, stream: Any) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        """Write ``text`` with its control characters escaped."""
        self.stream.write(printable_lines(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


def _raw(stream: Any) -> Any:
    """The stream below :class:`_Escaped` (for the progress counter's carriage return)."""
    return getattr(stream, "stream", stream)


JSON_MAX_BYTES = 256 * 1024 * 1024
JSON_MAX_DEPTH = 12


def _read_json(path: str, field: str = "--json") -> Any:
    """Read a JSON input file (``-``: stdin) with the exchange's strict, bounded parser."""
    from hexie_desktop.exchange.errors import ExchangeError
    from hexie_desktop.exchange.limits import loads

    try:
        if path == "-":
            data = sys.stdin.buffer.read(JSON_MAX_BYTES + 1)
        else:
            with open(path, "rb") as handle:
                data = handle.read(JSON_MAX_BYTES + 1)
        return loads(data.removeprefix(b"\xef\xbb\xbf"), max_depth=JSON_MAX_DEPTH, max_bytes=JSON_MAX_BYTES)
    except FileNotFoundError:
        raise UserError(_("找不到文件：{path}").format(path=path), field=field) from None
    except ExchangeError as exc:
        raise UserError(exc.message, field=field) from None


def _password(prompt: str) -> str:
    value = os.environ.get("HEXIE_PASSWORD")
    if value:
        return value
    if not sys.stdin.isatty():
        raise UserError(_("请通过环境变量 HEXIE_PASSWORD 提供密码"), field="password")
    return getpass.getpass(prompt)


def _data_dir(args: argparse.Namespace) -> Path | None:
    if args.db_url:
        return Path(args.data_dir) if args.data_dir else None
    return Path(args.data_dir) if args.data_dir else default_data_dir()


OPENED: list[Any] = []  # the stations this command opened, closed by close_opened() when it ends


def _open(args: argparse.Namespace) -> Any:
    from hexie_desktop.services.station import open_station

    station = open_station(data_dir=_data_dir(args), db_url=args.db_url)
    OPENED.append(station)
    return station


def close_opened(clean: bool) -> None:
    """Close every station the command opened; ``clean`` (it ended normally or refused in words) stamps
    their files as sound, so the next command may skip the full page check (``storage.health``)."""
    while OPENED:
        OPENED.pop().close(clean=clean)


class PasswordAhead:
    """The password in ``HEXIE_PASSWORD`` checked on a second thread while the command loads.

    argon2id (t=3, m=64 MiB, p=4: ~0.15 s) runs in C without the interpreter lock, so it overlaps the
    imports.  The thread reads the hash of the user the command will log in as (``--user``, else the
    first active admin) through a read-only connection (``storage.health.connect_read_only``: nothing
    is written, nothing created) and closes it before verifying; :func:`login` waits for that close
    before the start-up check.  ``users.authenticate`` takes the result only if that hash and password
    are still the ones it sees — else it checks again — so outcome, messages and audit are unchanged.
    Any error (no file, a damaged one, no such user) just leaves no result.
    """

    def __init__(self, database: Path, username: str | None, password: str) -> None:
        import threading

        self.released = threading.Event()
        self._result: tuple[str, str, bool] | None = None
        self.username: str | None = None
        """The user whose hash is checked (``--user``, else the first active admin), once :attr:`released` is set."""
        self._thread = threading.Thread(target=self._run, args=(database, username, password), daemon=True,
                                        name="hexie-password-ahead")
        self._thread.start()

    def _run(self, database: Path, username: str | None, password: str) -> None:
        try:
            try:
                from hexie_desktop.storage.health import connect_read_only

                conn = connect_read_only(database)
                try:
                    if username:
                        row = conn.execute("SELECT password_hash, username FROM users WHERE username = ?",
                                           (username,)).fetchone()
                    else:
                        row = conn.execute("SELECT password_hash, username FROM users WHERE role IN ('admin', "
                                           "'district_admin') AND active ORDER BY id LIMIT 1").fetchone()
                finally:
                    conn.close()
                if row is not None:
                    self.username = row[1]
            finally:
                self.released.set()
            if row is not None and isinstance(row[0], str):
                from hexie_desktop.core import passwords

                self._result = (row[0], password, passwords.matches(row[0], password))
        except Exception:  # noqa: BLE001 - a guess that failed: the login checks the password itself
            self._result = None

    def result(self) -> tuple[str, str, bool] | None:
        """(stored hash, password, matches) once the thread is done; None when it found nothing."""
        self._thread.join()
        return self._result


_ahead: list[PasswordAhead] = []


def check_password_ahead(args: argparse.Namespace, *, before_loading: bool = False) -> None:
    """Start :class:`PasswordAhead` for a command that will log in to a station folder with ``HEXIE_PASSWORD``.

    ``before_loading``: wait for its answer now, for a command that reads or writes the whole station — argon2's
    64 MiB are given back before the command loads anything, so they never add to the command's own peak.
    """
    password = os.environ.get("HEXIE_PASSWORD")
    data_dir = None if args.db_url else _data_dir(args)
    if password and data_dir is not None:
        from hexie_desktop.paths import StationPaths

        ahead = PasswordAhead(StationPaths(data_dir).database, getattr(args, "user", None), password)
        _ahead.append(ahead)
        if before_loading:
            ahead.result()


def login(args: argparse.Namespace) -> tuple[Any, Any]:
    """Open the station and authenticate the acting user; returns (station, context)."""
    from hexie_desktop.services.users import PasswordCheck, authenticate, first_admin

    ahead = _ahead.pop() if _ahead else None
    if ahead is not None:
        ahead.released.wait()  # its read-only look at the file is over before the start-up check
    station = _open(args)
    username = args.user or first_admin(station.db)
    password = _password(_("{user} 的密码：").format(user=username))
    found = ahead.result() if ahead is not None else None
    checked = PasswordCheck(*found) if found is not None else None
    actor = authenticate(station.db, username, password, checked=checked)
    auto_backup(station)
    settle_heap()
    return station, station.context(actor)


_held = False


def hold_collector() -> None:
    """Pause the cyclic garbage collector while the command loads (only when the process is the command's).

    The imports (SQLAlchemy, the models: ~0.3 s) and the opened station make objects that live as
    long as the process; the collector would walk them again and again (a quarter of the start-up's
    CPU time at 100,000 cases).  :func:`settle_heap` resumes it, after the login or at the end.
    """
    global _held
    _held = True
    gc.disable()


def settle_heap(*, freeze: bool = True) -> None:
    """Resume the collector paused by :func:`hold_collector`; with ``freeze`` what is loaded by now (modules,
    the station) stays out of its passes for the rest of the process.  Nothing when it was not paused."""
    global _held
    if not _held:
        return
    _held = False
    if freeze:
        gc.freeze()
    gc.enable()


def auto_backup(station: Station) -> None:
    """The daily verified automatic backup, as the app makes after its login (a failure only warns)."""
    if station.paths is None or not station.db.is_sqlite:
        return
    _daily_backup(station.paths)


def _daily_backup(paths: Any) -> None:
    import sqlite3

    from hexie_desktop.services.backup import auto_backup

    try:
        auto_backup(paths.database, paths.backups)
    except (HexieError, OSError, sqlite3.Error) as exc:
        print(_("提示：自动备份没有完成：{e}").format(e=exc), file=sys.stderr)


def quick_dashboard(args: argparse.Namespace) -> Any:
    """``hexie dashboard`` by the quick path (``services.dashboard_quick``): the dashboard, or None when the full
    path must log in and read it (then nothing was written and the ahead check is still there for it)."""
    if args.db_url or getattr(args, "mine", False) or not _ahead:
        return None
    from datetime import date

    from hexie_desktop.core import fields
    from hexie_desktop.paths import StationPaths
    from hexie_desktop.services import dashboard_quick as quick
    from hexie_desktop.storage.plain import utcnow

    ahead = _ahead[-1]
    ahead.released.wait()  # its read-only look at the file is over before the start-up check
    data_dir = _data_dir(args)
    if data_dir is None:
        return None
    try:
        username = fields.text(args.user, "username", max_len=100, multiline=False) if args.user else ahead.username
    except UserError:
        return None
    if not username:
        return None
    paths = StationPaths(data_dir)
    station = quick.open_quick(paths)
    if station is None:
        return None
    OPENED.append(station)
    board = quick.dashboard(station, username=username, checked=ahead.result, now=utcnow(), today=date.today())
    if board is None:
        OPENED.remove(station)
        station.close()
        return None
    _ahead.pop()
    _daily_backup(paths)
    settle_heap()
    return board
