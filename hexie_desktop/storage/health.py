"""The start-up check of a station's SQLite file, strictly read-only.

It runs before anything may write (no login audit row, no migration, no backup of a
damaged file): the file is opened with ``mode=ro`` and ``query_only``, then checked for
the SQLite header, ``PRAGMA quick_check``, the tables every station has, a schema revision
this program knows, the tail of the audit chain and at least one user.  The result names
one kind of problem and says it in one Chinese sentence.

``PRAGMA quick_check`` reads every page (0.8 s at 100,000 cases), so opening a station may
skip it — and only it — when a *stamp* beside the file (``hexie.sqlite3.checked``) vouches
that the file is the one a full check passed, changed since only by this program:

* a process that opens the station removes the stamp (:func:`take`) and writes it anew
  only when it closes cleanly (:func:`release`: every connection closed, no ``-wal`` or
  ``-journal`` left, the same file), recording the file's size, modification and change
  times (ns), inode and device, and the time of the full check it rests on;
* a process that dies (crash, kill, power cut) leaves no stamp, so the next open checks
  fully; so does any ``-wal``/``-journal`` beside the file (another process has it open, or
  commits wait to be replayed), any difference in the recorded file facts (written by
  anything else, copied, replaced, restored), a stamp written less than :data:`SETTLE_NS`
  after the file's last change (a later write could carry the same time stamp), a stamp
  that cannot be read, and a full check older than :data:`RECHECK_AFTER` (once a day,
  for damage that changes no file facts: a failing disk).
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from hexie_desktop.core.errors import StorageError
from hexie_desktop.core.i18n import _
from hexie_desktop.core.text import printable

HEADER = b"SQLite format 3\x00"
REQUIRED_TABLES = ("alembic_version", "settings", "users", "audit_log", "cases", "counters")
AUDIT_TAIL = 1000
STAMP_SUFFIX = ".checked"
STAMP_FORMAT = 1
RECHECK_AFTER = 24 * 3600  # seconds: a full quick_check at least once a day
SETTLE_NS = 50_000_000  # a stamp is written at least this long after the file's last change
JOURNALS = ("-wal", "-journal")

OK, MISSING, EMPTY, NOT_DATABASE, CORRUPT = "ok", "missing", "empty", "not_database", "corrupt"
MISSING_TABLE, TOO_NEW, AUDIT_BROKEN, HALF_CREATED = "missing_table", "too_new", "audit_broken", "half_created"

# Errors that say the file cannot be read *now* (locked, no permission, out of memory) — not damage.
_TRANSIENT = ("SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_NOMEM", "SQLITE_AUTH",
              "SQLITE_READONLY", "SQLITE_FULL")


@dataclass(frozen=True)
class Health:
    """What the start-up check found: ``kind`` (one of the constants above) and a detail."""

    kind: str
    detail: str = ""
    # When the full ``quick_check`` this result rests on ran (epoch seconds): now, or the stamp's.
    checked: float | None = field(default=None, compare=False)

    @property
    def ok(self) -> bool:
        """True when the file may be opened."""
        return self.kind == OK

    def sentence(self) -> str:
        """One Chinese sentence saying what is wrong."""
        detail = printable(self.detail)[:120]
        texts = {
            OK: _("数据库正常"),
            MISSING: _("站点数据库文件不存在"),
            EMPTY: _("数据库文件是空的（可能在写入时断电，或被其他程序清空）"),
            NOT_DATABASE: _("数据库文件已损坏，已不是本程序的数据库（{d}）").format(d=detail),
            CORRUPT: _("数据库文件已损坏（{d}）").format(d=detail),
            MISSING_TABLE: _("数据库文件已损坏，缺少数据表 {d}").format(d=detail),
            TOO_NEW: _("数据库版本（{d}）比本程序新，请升级程序后再打开").format(d=detail),
            AUDIT_BROKEN: _("数据库的审计链在第{d}条处断开（记录被篡改或文件损坏）").format(d=detail),
            HALF_CREATED: _("站点创建没有完成（数据库里没有任何用户）"),
        }
        return texts[self.kind]


def read_only_uri(path: Path) -> str:
    """The ``file:`` URI that opens ``path`` read-only.

    Without a ``-wal`` beside it no connection has the file open, so it is opened as
    immutable (no ``-wal``/``-shm`` is created beside it); else plain read-only, which sees
    the commits still in the ``-wal``.
    """
    path = Path(path).resolve()
    wal = path.with_name(path.name + "-wal")
    return "file:" + urllib.parse.quote(str(path)) + ("?mode=ro" if wal.exists() else "?mode=ro&immutable=1")


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A sqlite3 connection that cannot write to ``path`` (``mode=ro`` plus ``query_only``)."""
    conn = sqlite3.connect(read_only_uri(path), uri=True, check_same_thread=False)
    conn.execute("PRAGMA query_only=ON")
    conn.execute("PRAGMA trusted_schema=OFF")
    return conn


def _transient(exc: sqlite3.Error) -> bool:
    name = getattr(exc, "sqlite_errorname", "") or ""
    return any(name.startswith(prefix) for prefix in _TRANSIENT)


def _cannot_read(exc: BaseException) -> StorageError:
    return StorageError(_("暂时无法读取数据库文件（{e}），请关闭占用它的程序后重试").format(e=printable(str(exc))))


def check(path: Path, *, known_revision: Callable[[str], bool] | None = None, trust_stamp: bool = False) -> Health:
    """Check the station file at ``path`` without writing anything.

    ``known_revision(rev) -> bool`` says whether this program knows a schema revision
    (default: the migration scripts).  With ``trust_stamp`` a valid stamp (see the module's
    docstring) spares the ``quick_check``; every other check runs.  Raises StorageError only
    when the file cannot be read for a passing reason (locked, no permission); damage is
    returned, not raised.
    """
    path = Path(path)
    vouched = stamp_vouches(path) if trust_stamp else None
    try:
        if not path.exists():
            return Health(MISSING)
        size = path.stat().st_size
        if size == 0:
            return Health(EMPTY)
        with open(path, "rb") as handle:
            head = handle.read(len(HEADER))
    except OSError as exc:
        raise _cannot_read(exc) from exc
    if head != HEADER:
        return Health(NOT_DATABASE, _("文件开头不是 SQLite 数据库标记"))
    try:
        conn = connect_read_only(path)
    except sqlite3.Error as exc:
        if _transient(exc):
            raise _cannot_read(exc) from exc
        return Health(CORRUPT, str(exc))
    try:
        return _check_open(conn, path, known_revision, vouched)
    except sqlite3.Error as exc:
        if _transient(exc):
            raise _cannot_read(exc) from exc
        kind = NOT_DATABASE if getattr(exc, "sqlite_errorname", "") == "SQLITE_NOTADB" else CORRUPT
        return Health(kind, str(exc))
    finally:
        conn.close()


def quick_check(conn: sqlite3.Connection) -> list[str]:
    """``PRAGMA quick_check``'s rows (``["ok"]`` when sound)."""
    return [r[0] for r in conn.execute("PRAGMA quick_check")]


def _check_open(conn: sqlite3.Connection, path: Path, known_revision: Callable[[str], bool] | None,
                vouched: float | None) -> Health:
    checked = vouched
    if checked is None:
        checked = time.time()
        rows = quick_check(conn)
        if rows != ["ok"]:
            return Health(CORRUPT, "; ".join(" ".join(str(r).split()) for r in rows[:3]))
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if not tables:
        return Health(EMPTY)
    missing = [t for t in REQUIRED_TABLES if t not in tables]
    if missing:
        return Health(MISSING_TABLE, "、".join(missing))
    revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    if revision is None:
        return Health(MISSING_TABLE, "alembic_version")
    if known_revision is None:
        from hexie_desktop.storage.migrate import is_known_revision

        known_revision = is_known_revision
    if not known_revision(revision[0]):
        return Health(TOO_NEW, str(revision[0]))
    users = conn.execute("SELECT count(*) FROM users").fetchone()[0]
    entries = conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    if users == 0:
        return Health(HALF_CREATED) if entries == 0 else Health(CORRUPT, _("用户表是空的"))
    bad = _audit_tail_bad(conn)
    if bad is not None:
        return Health(AUDIT_BROKEN, str(bad))
    return Health(OK, checked=checked)


def _audit_tail_bad(conn: sqlite3.Connection) -> int | None:
    """The id of the first bad entry among the newest :data:`AUDIT_TAIL` audit entries (None when sound)."""
    from hexie_desktop.storage.audit_chain import COLUMNS, GENESIS, first_break

    newest = conn.execute("SELECT id FROM audit_log ORDER BY id DESC LIMIT 1 OFFSET ?", (AUDIT_TAIL,)).fetchone()
    prev, after = GENESIS, None
    if newest is not None:
        after = newest[0]
        linked = conn.execute("SELECT hash FROM audit_log WHERE id = ?", (after,)).fetchone()
        prev = linked[0] if linked and linked[0] else GENESIS
    rows = conn.execute(f"SELECT {', '.join(COLUMNS)} FROM audit_log"
                        + (" WHERE id > ?" if after is not None else "") + " ORDER BY id",
                        (after,) if after is not None else ()).fetchall()
    bad, _count, _head = first_break(rows, prev, read_time=datetime.fromisoformat)
    return bad


# ---------------------------------------------------------------- the stamp of a sound file


@dataclass(frozen=True)
class InUse:
    """A station file this process has opened after a passed check (see :func:`take`)."""

    path: Path
    checked: float
    ino: int
    dev: int


def stamp_path(path: Path) -> Path:
    """Where the stamp of the database ``path`` lives."""
    path = Path(path)
    return path.with_name(path.name + STAMP_SUFFIX)


def _facts(st: os.stat_result) -> dict[str, int]:
    return {"size": st.st_size, "mtime_ns": st.st_mtime_ns, "ctime_ns": st.st_ctime_ns, "ino": st.st_ino,
            "dev": st.st_dev}


def _journal_left(path: Path) -> bool:
    return any(path.with_name(path.name + suffix).exists() for suffix in JOURNALS)


def stamp_vouches(path: Path, now: float | None = None) -> float | None:
    """The time of the full check a valid stamp vouches for, or None (then the file must be checked fully)."""
    path = Path(path)
    now = time.time() if now is None else now
    try:
        data = json.loads(stamp_path(path).read_text(encoding="utf-8"))
        if _journal_left(path):
            return None
        facts = _facts(os.stat(path))
        checked, stamped = data["checked"], data["stamped_ns"]
        valid = (data.get("format") == STAMP_FORMAT and data["file"] == facts
                 and isinstance(checked, (int, float)) and isinstance(stamped, int)
                 and stamped - facts["mtime_ns"] >= SETTLE_NS and now - RECHECK_AFTER <= checked <= now + 60)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return float(checked) if valid else None


def take(path: Path, found: Health) -> InUse | None:
    """Note that this process opens ``path`` after ``found`` passed: its stamp goes until :func:`release`.

    None when the file cannot be marked (its stamp cannot be removed): then none is written at close.
    """
    path = Path(path)
    if not found.ok or found.checked is None:
        return None
    try:
        stamp_path(path).unlink(missing_ok=True)
        st = os.stat(path)
    except OSError:
        return None
    return InUse(path, found.checked, st.st_ino, st.st_dev)


def release(in_use: InUse) -> bool:
    """After a clean close (every connection closed), stamp the file as sound; True when stamped.

    Nothing is written while a ``-wal``/``-journal`` is left (another process has the file open)
    or when the file is no longer the one opened; a stamp is written only once the file's last
    change is :data:`SETTLE_NS` old (this waits at most that long).
    """
    path = in_use.path
    try:
        for _attempt in range(3):
            now_ns = time.time_ns()
            st = os.stat(path)
            if (st.st_ino, st.st_dev) != (in_use.ino, in_use.dev) or _journal_left(path):
                return False
            age = now_ns - st.st_mtime_ns
            if age >= SETTLE_NS:
                break
            time.sleep(min(SETTLE_NS, SETTLE_NS - age) / 1e9)
        else:
            return False
        text = json.dumps({"format": STAMP_FORMAT, "file": _facts(st), "checked": in_use.checked,
                           "stamped_ns": now_ns})
        fd, tmp = tempfile.mkstemp(prefix="." + path.name + ".", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
            os.replace(tmp, stamp_path(path))
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except OSError:
        return False
    return True


def forget(path: Path) -> None:
    """Remove the stamp of ``path`` (its next open checks it fully)."""
    try:
        stamp_path(path).unlink(missing_ok=True)
    except OSError:
        pass


def stamp(now: datetime | None = None) -> str:
    """``YYYYmmdd-HHMMSS`` for names of files moved aside."""
    return (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
