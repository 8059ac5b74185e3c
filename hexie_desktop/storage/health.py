"""The start-up check of a station's SQLite file, strictly read-only.

It runs before anything may write (no login audit row, no migration, no backup of a
damaged file): the file is opened with ``mode=ro`` and ``query_only``, then checked for
the SQLite header, ``PRAGMA quick_check``, the tables every station has, a schema revision
this program knows, the tail of the audit chain and at least one user.  The result names
one kind of problem and says it in one Chinese sentence.
"""

from __future__ import annotations

import sqlite3
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, create_engine
from sqlalchemy.pool import NullPool

from hexie_desktop.core.errors import StorageError
from hexie_desktop.core.i18n import _
from hexie_desktop.core.text import printable

HEADER = b"SQLite format 3\x00"
REQUIRED_TABLES = ("alembic_version", "settings", "users", "audit_log", "cases", "counters")
AUDIT_TAIL = 1000

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


def read_only_engine(path: Path) -> Engine:
    """A SQLAlchemy engine over :func:`connect_read_only` (no pooling, no station pragmas)."""
    return create_engine("sqlite://", creator=lambda: connect_read_only(path), poolclass=NullPool)


def _transient(exc: sqlite3.Error) -> bool:
    name = getattr(exc, "sqlite_errorname", "") or ""
    return any(name.startswith(prefix) for prefix in _TRANSIENT)


def _cannot_read(exc: BaseException) -> StorageError:
    return StorageError(_("暂时无法读取数据库文件（{e}），请关闭占用它的程序后重试").format(e=printable(str(exc))))


def check(path: Path, *, known_revision: Callable[[str], bool] | None = None) -> Health:
    """Check the station file at ``path`` without writing anything.

    ``known_revision(rev) -> bool`` says whether this program knows a schema revision
    (default: the migration scripts).  Raises StorageError only when the file cannot be
    read for a passing reason (locked, no permission); damage is returned, not raised.
    """
    path = Path(path)
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
        return _check_open(conn, path, known_revision)
    except sqlite3.Error as exc:
        if _transient(exc):
            raise _cannot_read(exc) from exc
        kind = NOT_DATABASE if getattr(exc, "sqlite_errorname", "") == "SQLITE_NOTADB" else CORRUPT
        return Health(kind, str(exc))
    finally:
        conn.close()


def _check_open(conn: sqlite3.Connection, path: Path, known_revision: Callable[[str], bool] | None) -> Health:
    rows = [r[0] for r in conn.execute("PRAGMA quick_check")]
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
    bad = _audit_tail_bad(path)
    if bad is not None:
        return Health(AUDIT_BROKEN, str(bad))
    return Health(OK)


def _audit_tail_bad(path: Path) -> int | None:
    """The id of the first bad entry among the newest :data:`AUDIT_TAIL` audit entries (None when sound)."""
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from hexie_desktop.storage import audit
    from hexie_desktop.storage.models import AuditEntry

    engine = read_only_engine(path)
    try:
        with Session(engine) as session:
            newest = session.execute(select(AuditEntry.id).order_by(AuditEntry.id.desc())
                                     .offset(AUDIT_TAIL).limit(1)).scalar_one_or_none()
            report = audit.verify(session, after_id=newest)
    finally:
        engine.dispose()
    return None if report.ok else report.first_bad_id


def stamp(now: datetime | None = None) -> str:
    """``YYYYmmdd-HHMMSS`` for names of files moved aside."""
    return (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
