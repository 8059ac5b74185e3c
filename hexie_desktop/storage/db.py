"""Engine and session factory; SQLite pragmas; the sync-column bookkeeping; the durability promise.

Durability promise (SQLite stations): when an action is acknowledged — the command prints
its result, the window says it is saved — it is in the main database file, not only in the
``-wal`` journal.  ``synchronous=FULL`` makes every commit durable in the WAL across a power
cut, and after every transaction that wrote something the WAL is checkpointed into the
database file (``wal_checkpoint(PASSIVE)``, which syncs the file) before control returns to
the caller.  So deleting or damaging a leftover ``hexie.sqlite3-wal`` while no program has the
station open loses nothing acknowledged.  The one window left is a crash (power cut, kill)
between the commit and its checkpoint: the action is then only in the WAL, which SQLite
replays at the next start — as long as the ``-wal`` file is kept beside the database.
The one exception is a bulk load into a new station (the demo generator,
``Database.transaction(bulk_load=True)``): that transaction and its checkpoint skip the fsyncs
(``synchronous=OFF``); a power cut during it can only cost the station that is being made.

Every flush stamps exchanged rows: ``origin`` (this station's unit code) when new, a
``version`` bump when changed, and the transaction's ``change_seq`` from the station
counter.  Importing rows from another station sets ``session.info["passthrough"]`` so
their own sync columns are kept.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, insert, select, update
from sqlalchemy.engine import ExceptionContext, make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from hexie_desktop.core.errors import StorageError
from hexie_desktop.core.i18n import _
from hexie_desktop.storage import digest, plain
from hexie_desktop.storage.errors import translate
from hexie_desktop.storage.models import Counter, Synced, utcnow
from hexie_desktop.storage.plain import BUSY_TIMEOUT_MS

CHANGE_SEQ = "change_seq"
READ_ONLY = "hexie_read_only"
LOCK_WAIT_MS = "hexie_lock_wait_ms"
BULK_LOAD = "hexie_bulk_load"
_DAMAGE = plain.DAMAGE


def sqlite_url(path: Path) -> str:
    """SQLAlchemy URL of the SQLite file at ``path``."""
    return f"sqlite:///{Path(path).resolve()}"


def _sqlite_pragmas(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    plain.apply_pragmas(dbapi_conn)


def make_engine(url: str) -> Engine:
    """Create an engine for ``url`` with the station's pragmas on SQLite."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"check_same_thread": False}, hide_parameters=True)
        event.listen(engine, "connect", _sqlite_pragmas)
        # Let SQLAlchemy own BEGIN so a transaction really spans the whole unit of work.
        @event.listens_for(engine, "connect")
        def _no_autobegin(dbapi_conn: sqlite3.Connection, _rec: object) -> None:
            dbapi_conn.isolation_level = None

        @event.listens_for(engine, "begin")
        def _begin(conn: Connection) -> None:
            # Writers take the lock at BEGIN (no deadlock on upgrade); readers never block writers.
            # A transaction may wait longer than usual for the lock (Database.transaction(lock_wait=…)).
            options = conn.get_execution_options()
            conn.exec_driver_sql(f"PRAGMA busy_timeout={int(options.get(LOCK_WAIT_MS, BUSY_TIMEOUT_MS))}")
            if options.get(BULK_LOAD):  # restored after the commit's checkpoint (_restore_synchronous)
                conn.exec_driver_sql("PRAGMA synchronous=OFF")
            conn.exec_driver_sql("BEGIN" if options.get(READ_ONLY) else "BEGIN IMMEDIATE")

        return engine
    return create_engine(url, pool_pre_ping=True, hide_parameters=True)


@contextmanager
def large_cache(session: Session) -> Iterator[None]:
    """A page cache of 256 MiB for a bulk write in this transaction (rows land at random places of their
    UUID indexes), then the usual size again; nothing on other databases."""
    conn = session.connection()
    if conn.dialect.name != "sqlite":
        yield
        return
    before = conn.exec_driver_sql("PRAGMA cache_size").scalar_one()
    conn.exec_driver_sql("PRAGMA cache_size=-262144")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size={int(before)}")


def next_counter(session: Session, name: str) -> int:
    """Increment the counter ``name`` inside the current transaction and return its new value."""
    # The connection (not the ORM session) executes it, so the result carries the row count.
    result = session.connection().execute(
        update(Counter).where(Counter.name == name).values(value=Counter.value + 1))
    if result.rowcount == 0:
        session.execute(insert(Counter).values(name=name, value=1))
        return 1
    return session.execute(select(Counter.value).where(Counter.name == name)).scalar_one()


def _stamp_synced(session: Session, _ctx: object, _instances: object) -> None:
    if session.info.get("passthrough"):
        return
    touched = [o for o in session.new if isinstance(o, Synced)]
    touched += [o for o in session.dirty if isinstance(o, Synced) and session.is_modified(o)]
    if not touched:
        return
    seq = session.info.get("change_seq_value")
    if seq is None:
        conn = session.connection()
        conn.execute(update(Counter).where(Counter.name == CHANGE_SEQ).values(value=Counter.value + 1))
        seq = conn.execute(select(Counter.value).where(Counter.name == CHANGE_SEQ)).scalar_one()
        session.info["change_seq_value"] = seq
    origin = session.info.get("origin")
    now = utcnow()
    for obj in touched:
        if obj.origin is None:
            if origin is None:
                raise StorageError(_("未设置本站单位代码，无法保存"))
            obj.origin = origin
        obj.version = (obj.version or 0) + 1
        obj.change_seq = seq
        obj.updated_at = now


def _forget_seq(session: Session, *_args: object) -> None:
    session.info.pop("change_seq_value", None)


_WROTE = "hexie_changes_at_begin"
_BULK = "hexie_bulk_load_connection"


def _note_begin(session: Session, _transaction: object, connection: Connection) -> None:
    raw = connection.connection.driver_connection
    assert raw is not None, "a connection that began a transaction holds its driver connection"
    session.info[_WROTE] = (raw, raw.total_changes)
    if connection.get_execution_options().get(BULK_LOAD):  # type: ignore[attr-defined]
        session.info[_BULK] = raw


def _restore_synchronous(session: Session) -> None:
    """Back to ``synchronous=FULL`` on the connection a bulk load used (after its commit or rollback)."""
    raw = session.info.pop(_BULK, None)
    if raw is not None:
        raw.execute("PRAGMA synchronous=FULL")


def _savepoint_ended(session: Session) -> bool:
    """True when only a savepoint ended: SQLAlchemy sends a savepoint's commit and rollback as the same
    events as the transaction's, while the transaction around it goes on."""
    wrote = session.info.get(_WROTE)
    return wrote is not None and wrote[0].in_transaction


def _checkpoint_after_write(session: Session) -> None:
    """Copy the committed WAL frames into the database file when the transaction wrote anything."""
    if _savepoint_ended(session):  # the checkpoint waits for the commit of the whole transaction
        return
    raw, before = session.info.pop(_WROTE, (None, 0))
    try:
        if raw is None or raw.total_changes == before:
            return
        raw.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
    except sqlite3.Error as exc:  # the commit stands; the WAL keeps the data until the next checkpoint
        logging.getLogger(__name__).warning("checkpoint after commit failed: %s",
                                            getattr(exc, "sqlite_errorname", type(exc).__name__))
    finally:
        _restore_synchronous(session)


def _forget_begin(session: Session, *_args: object) -> None:
    if _savepoint_ended(session):
        return
    session.info.pop(_WROTE, None)
    _restore_synchronous(session)


class Database:
    """A station database: engine plus a session factory that stamps sync columns."""

    def __init__(self, url: str, origin: str | None = None) -> None:
        self.url = url
        self.engine = make_engine(url)
        self._factory = sessionmaker(self.engine, expire_on_commit=False)
        self.origin = origin
        event.listen(self._factory, "before_flush", _stamp_synced)
        event.listen(self._factory, "after_commit", _forget_seq)
        event.listen(self._factory, "after_rollback", _forget_seq)
        event.listen(self._factory, "after_flush", digest._after_flush)
        event.listen(self._factory, "after_commit", digest.forget)
        event.listen(self._factory, "after_rollback", digest.forget)
        # Set when SQLite reports a damaged file (or an I/O error) on any connection: the close then
        # leaves no stamp of a sound file (storage.health), so the next open checks every page.
        self.damage_seen = False
        event.listen(self.engine, "handle_error", self._note_error)
        if self.is_sqlite:
            event.listen(self._factory, "after_begin", _note_begin)
            event.listen(self._factory, "after_commit", _checkpoint_after_write)
            event.listen(self._factory, "after_rollback", _forget_begin)

    def _note_error(self, context: ExceptionContext) -> None:
        name = getattr(context.original_exception, "sqlite_errorname", "") or ""
        if name.startswith(_DAMAGE):
            self.damage_seen = True

    @property
    def is_sqlite(self) -> bool:
        """True when the backend is SQLite."""
        return self.engine.dialect.name == "sqlite"

    @property
    def sqlite_path(self) -> Path | None:
        """Path of the SQLite file, or None for other backends."""
        if not self.is_sqlite:
            return None
        database = make_url(self.url).database
        return Path(database) if database else None

    def session(self) -> Session:
        """A new session bound to this station (not yet in a transaction)."""
        session = self._factory()
        session.info["origin"] = self.origin
        return session

    @contextmanager
    def transaction(self, *, lock_wait: float | None = None, bulk_load: bool = False) -> Iterator[Session]:
        """One unit of work: commit on success, roll back on any exception.

        On SQLite the write lock is taken at once; ``lock_wait`` (seconds) lets this unit wait
        that long for another writer to finish instead of the usual few seconds.  ``bulk_load``
        (only for filling a new station) commits without fsync, see the module's docstring.
        """
        session = self.session()
        options: dict[str, object] = {}
        if lock_wait is not None:
            options[LOCK_WAIT_MS] = int(lock_wait * 1000)
        if bulk_load and self.is_sqlite:
            options[BULK_LOAD] = True
        try:
            with session.begin():
                if options:
                    session.connection(execution_options=options)
                yield session
        except OperationalError as exc:
            raise (translate(exc, database=self.sqlite_path) or StorageError(
                _("数据库操作失败：{error}").format(error=exc.orig))) from exc
        finally:
            session.close()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading (a deferred transaction that never blocks writers); rolled back at the end."""
        session = self.session()
        session.connection(execution_options={READ_ONLY: True})
        try:
            yield session
        finally:
            session.rollback()
            session.close()

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()
