"""Restore a station from a backup, atomically including its exchange epoch and audit entry.

Steps, each safe to interrupt (``kill -9``, power cut):

1. the **journal** ``restore.journal`` beside the database records the intent (atomic write);
2. the backup is copied to a staged file beside the database and checked;
3. the current database (with its ``-wal``/``-shm``) is moved aside, never written into:
   ``damaged-YYYYmmdd-HHMMSS-hexie.sqlite3`` when damaged (kept), ``replaced-…`` when sound
   (a verified ``before-restore`` backup was made first; removed at the end);
4. the staged file is renamed into place;
5. the restored database gets a new exchange epoch and its ``station.restore`` audit entry in
   one transaction (skipped when already there), then ``exchange/epoch.json`` is raised;
6. the journal is removed.

:func:`recover` runs at every start before anything else and finishes (or undoes) an
interrupted restore from what the journal and the files say.  ``HEXIE_TEST_CRASH_AT=restore.<step>``
kills the process at that step (tests only).
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace

from sqlalchemy import select

from hexie_desktop.core import permissions
from hexie_desktop.core.errors import NotAllowed, NotFound, StorageError, UserError
from hexie_desktop.core.i18n import _
from hexie_desktop.exchange import state as exchange_state
from hexie_desktop.fileio import atomic_path, atomic_write, fsync_dir
from hexie_desktop.paths import StationPaths
from hexie_desktop.services import backups
from hexie_desktop.services.backup import backup_sqlite
from hexie_desktop.services.context import Actor
from hexie_desktop.services.users import password_matches
from hexie_desktop.storage import audit, health, migrate
from hexie_desktop.storage.db import CHANGE_SEQ, Database, sqlite_url
from hexie_desktop.storage.lock import StationLock
from hexie_desktop.storage.models import AuditEntry, Counter

JOURNAL = "restore.journal"
SIDE_FILES = ("-wal", "-shm", "")  # moved in this order: the main file last, so a -wal never pairs wrongly
ADMIN_ROLES = ("admin", "district_admin")


@dataclass(frozen=True)
class Restored:
    """What a restore did."""

    backup: Path
    backup_when: str
    aside: Path | None
    kept_aside: bool
    safety: Path | None
    epoch: int
    lacking: list[str] | None


def crash_point(step: str) -> None:
    """Test hook: die here like a power cut when ``HEXIE_TEST_CRASH_AT`` names this step."""
    if os.environ.get("HEXIE_TEST_CRASH_AT") == step:
        if hasattr(signal, "SIGKILL"):
            os.kill(os.getpid(), signal.SIGKILL)
        os._exit(137)  # pragma: no cover - Windows


def journal_path(paths: StationPaths) -> Path:
    """Where the restore journal lives."""
    return paths.restore_journal


def pending(paths: StationPaths) -> bool:
    """True when a restore was interrupted and waits for :func:`recover`."""
    return journal_path(paths).exists()


@contextmanager
def _station_locked(paths: StationPaths) -> Iterator[None]:
    """Hold the station lock (unless this process holds it already)."""
    if StationLock.held_by_this_process(paths.lock):
        yield
        return
    lock = StationLock(paths.lock).acquire()
    try:
        yield
    finally:
        lock.release()


# ---------------------------------------------------------------- who may restore


def admin_of(backup: Path) -> str:
    """The first active administrator stored in ``backup``."""
    conn = health.connect_read_only(backup)
    try:
        row = conn.execute("SELECT username FROM users WHERE active AND role IN (?, ?) ORDER BY id",
                           ADMIN_ROLES).fetchone()
    finally:
        conn.close()
    if row is None:
        raise NotFound(_("备份中没有管理员账户"))
    return row[0]


def authorize(backup: Path, username: str, password: str) -> Actor:
    """Check ``username``/``password`` against the users stored IN the backup (read-only).

    Nothing is written: a failed attempt is not counted in the backup.
    """
    conn = health.connect_read_only(backup)
    try:
        row = conn.execute("SELECT username, display_name, role, password_hash, active FROM users WHERE username = ?",
                           ((username or "").strip(),)).fetchone()
    finally:
        conn.close()
    if row is None or not row[4] or not password_matches(row[3], password):
        raise NotAllowed(_("用户名或密码错误（请用备份中保存的管理员密码）"), field="password")
    if not permissions.allowed(row[2], "station.backup"):
        raise NotAllowed(_("只有管理员或负责人可以从备份恢复"))
    return Actor(row[0], row[1], row[2])


# ---------------------------------------------------------------- restore


def aside_name(paths: StationPaths, kind: str, now: datetime) -> Path:
    prefix = "replaced" if kind == health.OK else ("newer" if kind == health.TOO_NEW else
                                                   "half-created" if kind == health.HALF_CREATED else "damaged")
    base = f"{prefix}-{health.stamp(now)}"
    candidate, n = paths.root / f"{base}-{paths.database.name}", 1
    while any(candidate.with_name(candidate.name + s).exists() for s in SIDE_FILES):
        n += 1
        candidate = paths.root / f"{base}-{n}-{paths.database.name}"
    return candidate


def _epoch_of(database: Path) -> int:
    """The newest exchange epoch in a database file (0 when it cannot be read)."""
    try:
        conn = health.connect_read_only(database)
        try:
            row = conn.execute("SELECT max(epoch) FROM exchange_epochs").fetchone()
        finally:
            conn.close()
    except Exception:  # noqa: BLE001 - a damaged file: its epoch is simply unknown
        return 0
    return int(row[0] or 0) if row else 0


def _local(paths: StationPaths) -> SimpleNamespace:
    """What :mod:`hexie_desktop.exchange.state` needs to find ``exchange/`` of this station."""
    return SimpleNamespace(paths=paths, info=None)


def move_aside(paths: StationPaths, kind: str) -> Path:
    """Move the station file (with its ``-wal``/``-shm``) aside, untouched; returns its new name."""
    aside = aside_name(paths, kind, datetime.now())
    _move(paths.database, aside)
    return aside


def _write_journal(paths: StationPaths, journal: dict) -> None:
    with atomic_write(journal_path(paths)) as handle:
        handle.write(json.dumps(journal, ensure_ascii=False).encode("utf-8"))


def _move(source: Path, target: Path) -> None:
    """Move ``source`` and its ``-wal``/``-shm`` to ``target`` (idempotent; main file last)."""
    for suffix in SIDE_FILES:
        src = source.with_name(source.name + suffix)
        if src.exists():
            os.replace(src, target.with_name(target.name + suffix))
    fsync_dir(target.parent)


def verified_backup(backup: Path) -> backups.BackupInfo:
    """The backup at ``backup`` after the read-only check; UserError when missing or damaged."""
    chosen = backups.describe(Path(backup))
    if not chosen.path.is_file():
        raise UserError(_("备份文件不存在：{path}").format(path=chosen.path), field="file")
    if not chosen.verified:
        raise UserError(_("备份文件已损坏或不是数据库：{why}").format(why=chosen.health.sentence()), field="file")
    return chosen


def restore(paths: StationPaths, backup: Path, *, actor: str, now: datetime | None = None) -> Restored:
    """Replace the station database by ``backup`` (the caller has checked who acts and holds the lock)."""
    now = now or datetime.now()
    recover(paths)
    chosen = verified_backup(backup)
    paths.ensure()
    database = paths.database
    current = health.check(database)
    lacking = backups.lacking(database, chosen.path) if current.kind != health.MISSING else None
    safety = backup_sqlite(database, paths.backups, label="before-restore", now=now) if current.ok else None
    aside = aside_name(paths, current.kind, now) if current.kind != health.MISSING else None
    remembered = exchange_state.read_epoch_file(_local(paths))["epoch"]
    staged = database.with_name(f".{database.name}.restore.tmp")
    journal = {
        "id": secrets.token_hex(8), "backup": str(chosen.path), "backup_when": chosen.when_text,
        "staged": str(staged),
        "aside": str(aside) if aside else None, "keep_aside": current.kind != health.OK,
        "had_db": current.kind != health.MISSING, "at_least": max(_epoch_of(database), remembered),
        "actor": actor, "safety": str(safety) if safety else None, "lacking": lacking,
    }
    _write_journal(paths, journal)
    crash_point("restore.after_intent")
    try:
        with atomic_path(staged) as tmp:
            shutil.copyfile(chosen.path, tmp)
            if not health.check(tmp).ok:
                raise StorageError(_("复制备份时出错，恢复已取消，原数据未改动"))
        crash_point("restore.after_stage")
        if aside is not None:
            _move(database, aside)
        crash_point("restore.after_aside")
    except OSError as exc:  # disk full, file locked …: before the swap, so everything goes back
        _roll_back(paths, journal)
        raise StorageError(_("恢复时写文件失败（{e}），已取消，原数据未改动").format(e=exc)) from exc
    except BaseException:
        _roll_back(paths, journal)
        raise
    os.replace(staged, database)
    fsync_dir(database.parent)
    crash_point("restore.after_swap")
    return _finish(paths, journal)


def _finish(paths: StationPaths, journal: dict) -> Restored:
    """Epoch and audit entry (once), the remembered epoch, then drop the journal."""
    db = Database(sqlite_url(paths.database))
    try:
        if migrate.needs_upgrade(db.engine):
            migrate.upgrade(db.engine)
        remembered = exchange_state.read_epoch_file(_local(paths))["epoch"]
        with db.transaction() as session:
            done = session.execute(select(AuditEntry.id).where(
                AuditEntry.action == "station.restore", AuditEntry.entity_id == journal["id"])).first()
            if done:
                epoch = exchange_state.current_epoch(session).epoch
            else:
                base = session.execute(select(Counter.value).where(Counter.name == CHANGE_SEQ)).scalar_one_or_none()
                epoch = exchange_state.start_epoch(session, at_least=max(journal["at_least"], remembered),
                                                   base=base or 0, reason="restore", note=journal["backup"])
                audit.append(session, actor=journal["actor"], action="station.restore", entity="station",
                             entity_id=journal["id"],
                             summary=f"{journal['backup']} (before: {journal['safety'] or journal['aside'] or '-'};"
                                     f" exchange epoch {epoch})")
    finally:
        db.dispose()
    crash_point("restore.after_audit")
    exchange_state.write_epoch_file(_local(paths), epoch=epoch)
    crash_point("restore.after_epoch")
    aside = Path(journal["aside"]) if journal["aside"] else None
    if aside is not None and not journal["keep_aside"]:
        for suffix in SIDE_FILES:
            aside.with_name(aside.name + suffix).unlink(missing_ok=True)
    journal_path(paths).unlink(missing_ok=True)
    fsync_dir(paths.root)
    return Restored(Path(journal["backup"]), journal["backup_when"], aside if journal["keep_aside"] else None,
                    bool(journal["keep_aside"]), Path(journal["safety"]) if journal["safety"] else None, epoch,
                    journal["lacking"])


def _roll_back(paths: StationPaths, journal: dict) -> None:
    if journal.get("aside"):
        aside = Path(journal["aside"])
        for suffix in SIDE_FILES[::-1]:
            src = aside.with_name(aside.name + suffix)
            dst = paths.database.with_name(paths.database.name + suffix)
            if src.exists() and not dst.exists():
                os.replace(src, dst)
    journal_path(paths).unlink(missing_ok=True)
    Path(journal["staged"]).unlink(missing_ok=True)
    fsync_dir(paths.root)


def recover(paths: StationPaths) -> Restored | None:
    """Finish or undo an interrupted restore (call at every start, before anything else).

    Returns what was finished, or None when nothing was pending or the restore was undone.
    """
    if not journal_path(paths).exists():
        return None
    with _station_locked(paths):
        try:
            journal = json.loads(journal_path(paths).read_text(encoding="utf-8"))
            staged, database = Path(journal["staged"]), paths.database
            aside = Path(journal["aside"]) if journal.get("aside") else None
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise StorageError(_("恢复记录文件 {name} 无法读取，请联系技术支持：{e}").format(
                name=JOURNAL, e=exc)) from exc
        if staged.exists():
            if database.exists():  # the swap never happened: the old database is still in place
                _roll_back(paths, journal)
                return None
            if aside is not None:  # finish moving the rest aside, then swap
                _move(database, aside)
            os.replace(staged, database)
            fsync_dir(database.parent)
            return _finish(paths, journal)
        swapped = database.exists() and (not journal["had_db"] or (aside is not None and aside.exists()))
        if swapped:
            return _finish(paths, journal)
        _roll_back(paths, journal)
        return None


def restore_as(paths: StationPaths, backup: Path, username: str | None, password: str) -> Restored:
    """The whole restore a person asks for: lock, check the password stored in the backup, restore."""
    with _station_locked(paths):
        recover(paths)
        chosen = verified_backup(backup)
        actor = authorize(chosen.path, username or admin_of(chosen.path), password)
        return restore(paths, chosen.path, actor=actor.username)
