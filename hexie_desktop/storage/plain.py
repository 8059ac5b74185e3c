"""A station's SQLite file through the sqlite3 driver alone, for the command line's quick reads.

SQLAlchemy and the models take longer to load than ``hexie dashboard`` may take in all, so
that command reads through the driver (``services.dashboard_quick``).  What it needs is here,
written once beside what the ORM path does: the station's connection settings
(:data:`PRAGMAS`, which ``storage.db`` applies too), transactions that take the write lock at
``BEGIN`` and copy the WAL into the file after a write (the durability promise of
``storage.db``), times in the text form SQLAlchemy stores them in, settings as JSON, and
the audit chain's append (:mod:`hexie_desktop.storage.audit_chain`'s hash rule).
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from hexie_desktop.storage.audit_chain import GENESIS, entry_hash

BUSY_TIMEOUT_MS = 5000
PRAGMAS = ("PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON",
           f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}", "PRAGMA trusted_schema=OFF")
# Errors that mean the file is damaged (or the disk failed): no stamp of a sound file at close.
DAMAGE = ("SQLITE_CORRUPT", "SQLITE_NOTADB", "SQLITE_IOERR")


def utcnow() -> datetime:
    """Current UTC time without tzinfo (how times are stored)."""
    return datetime.now(UTC).replace(tzinfo=None)


def apply_pragmas(conn: sqlite3.Connection) -> None:
    """Give ``conn`` the station's settings: WAL, full sync, foreign keys, busy wait, untrusted schema."""
    cursor = conn.cursor()
    for pragma in PRAGMAS:
        cursor.execute(pragma)
    cursor.close()


def connect(path: Path) -> sqlite3.Connection:
    """A connection to the station file ``path`` with the station's settings; transactions are explicit."""
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    apply_pragmas(conn)
    return conn


def is_damage(exc: BaseException) -> bool:
    """True when SQLite reported a damaged file or an I/O error."""
    return (getattr(exc, "sqlite_errorname", "") or "").startswith(DAMAGE)


@contextmanager
def reading(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One read transaction (a consistent snapshot that never blocks writers), rolled back at the end."""
    conn.execute("BEGIN")
    try:
        yield conn
    finally:
        conn.execute("ROLLBACK")


@contextmanager
def writing(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One unit of work holding the write lock from its start; committed, then the WAL copied into the file."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    try:
        conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
    except sqlite3.Error as exc:  # the commit stands; the WAL keeps the data until the next checkpoint
        logging.getLogger(__name__).warning("checkpoint after commit failed: %s",
                                            getattr(exc, "sqlite_errorname", type(exc).__name__))


def stored_datetime(moment: datetime) -> str:
    """``moment`` (naive UTC) as SQLAlchemy stores a DateTime in SQLite."""
    return (f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d} "
            f"{moment.hour:02d}:{moment.minute:02d}:{moment.second:02d}.{moment.microsecond:06d}")


def setting(conn: sqlite3.Connection, key: str, default: Any) -> Any:
    """The stored JSON value of the setting ``key``, else ``default``."""
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return default if row is None else json.loads(row[0])


def append_audit(conn: sqlite3.Connection, *, at: datetime, actor: str, action: str, entity: str | None = None,
                 entity_id: str | None = None, summary: str = "") -> str:
    """Add one entry to the audit chain inside the caller's write transaction; returns its hash.

    ``at`` is cut to the second, as ``storage.audit.append`` stores it.
    """
    at = at.replace(microsecond=0)
    row = conn.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    prev = row[0] if row and row[0] else GENESIS
    digest = entry_hash(prev, at, actor, action, entity, entity_id, summary)
    conn.execute("INSERT INTO audit_log (at, actor, action, entity, entity_id, summary, prev_hash, hash) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                 (stored_datetime(at), actor, action, entity, entity_id, summary, prev, digest))
    return digest
