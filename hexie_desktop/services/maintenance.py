"""Station maintenance: check (integrity, migrations, audit chain), backup and restore."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select, text
from sqlalchemy.exc import SQLAlchemyError

from hexie_desktop.core.errors import HexieError, NotAllowed
from hexie_desktop.core.i18n import _
from hexie_desktop.exchange import state as exchange_state
from hexie_desktop.services.backup import CheckReport, backup_sqlite, integrity, restore_sqlite
from hexie_desktop.services.context import Context
from hexie_desktop.storage import audit, migrate
from hexie_desktop.storage.db import CHANGE_SEQ
from hexie_desktop.storage.models import Counter


def check(station) -> CheckReport:  # noqa: ANN001
    """Integrity check, foreign keys, schema revision and the audit chain."""
    db = station.db
    if db.is_sqlite and db.sqlite_path is not None:
        result = integrity(db.sqlite_path)
        with db.engine.connect() as conn:
            fk_ok = not list(conn.execute(text("PRAGMA foreign_key_check")))
    else:
        result, fk_ok = "ok", True
    with db.read() as session:
        chain = audit.verify(session)
    return CheckReport(result, fk_ok, migrate.current_revision(db.engine), migrate.head_revision(),
                       chain.ok, chain.entries, chain.first_bad_id)


def _require_sqlite(station) -> None:  # noqa: ANN001
    if not station.db.is_sqlite or station.paths is None:
        raise NotAllowed(_("PostgreSQL 数据库请使用 pg_dump 备份"))


def backup(ctx: Context, station, to: Path | None = None) -> Path:  # noqa: ANN001
    """A verified backup of the station database (audited)."""
    ctx.require("station.backup")
    _require_sqlite(station)
    target = backup_sqlite(station.paths.database, to or station.paths.backups, label="manual")
    with ctx.db.transaction() as session:
        ctx.audit(session, "station.backup", entity="station", summary=str(target))
    return target


def _epoch_before(station) -> int:  # noqa: ANN001
    """The exchange epoch of the database about to be replaced (0 when it cannot be read)."""
    try:
        with station.db.read() as session:
            return exchange_state.current_epoch(session).epoch
    except (SQLAlchemyError, HexieError):
        return 0


def restore(ctx: Context, station, backup_file: Path) -> Path:  # noqa: ANN001
    """Replace the database by a verified backup; the current data is saved first (audited).

    The restored station starts a new exchange epoch numbered above every epoch it used
    before (remembered beside the database too), based at the restored change sequence, so
    the district neither keeps stale rows silently nor drops new edits silently.
    """
    ctx.require("station.backup")
    _require_sqlite(station)
    before = _epoch_before(station)
    station.db.dispose()
    safety = restore_sqlite(backup_file, station.paths.database, station.paths.backups)
    station.db.dispose()
    if migrate.needs_upgrade(station.db.engine):
        migrate.upgrade(station.db.engine)
    remembered = exchange_state.read_epoch_file(station)["epoch"]
    with ctx.db.transaction() as session:
        base = session.execute(select(Counter.value).where(Counter.name == CHANGE_SEQ)).scalar_one_or_none() or 0
        epoch = exchange_state.start_epoch(session, at_least=max(before, remembered), base=base, reason="restore",
                                           note=str(backup_file))
        ctx.audit(session, "station.restore", entity="station",
                  summary=f"{backup_file} (before: {safety}; exchange epoch {epoch})")
    exchange_state.write_epoch_file(station, epoch=epoch)
    return safety
