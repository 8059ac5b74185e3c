"""Station maintenance: check (integrity, migrations, audit chain), backup and restore."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import text

from hexie_desktop.core.errors import NotAllowed
from hexie_desktop.core.i18n import _
from hexie_desktop.services.backup import CheckReport, backup_sqlite, integrity
from hexie_desktop.services.context import Context
from hexie_desktop.storage import audit, migrate
from hexie_desktop.storage.identity import OpenedStation

if TYPE_CHECKING:
    from hexie_desktop.paths import StationPaths


def check(station: OpenedStation) -> CheckReport:
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


def _sqlite_paths(station: OpenedStation) -> StationPaths:
    """The station's files; a PostgreSQL station has none and is refused (pg_dump backs it up)."""
    if not station.db.is_sqlite or station.paths is None:
        raise NotAllowed(_("PostgreSQL 数据库请使用 pg_dump 备份"))
    return station.paths


def backup(ctx: Context, station: OpenedStation, to: Path | None = None) -> Path:
    """A verified backup of the station database (audited)."""
    ctx.require("station.backup")
    paths = _sqlite_paths(station)
    target = backup_sqlite(paths.database, to or paths.backups, label="manual")
    with ctx.db.transaction() as session:
        ctx.audit(session, "station.backup", entity="station", summary=str(target))
    return target


def restore(ctx: Context, station: OpenedStation, backup_file: Path) -> Path:
    """Replace the database by a verified backup, journaled (see :mod:`hexie_desktop.services.restore`).

    The restored station starts a new exchange epoch numbered above every epoch it used
    before (remembered beside the database too), based at the restored change sequence, so
    the district neither keeps stale rows silently nor drops new edits silently.  Returns the
    verified copy of the data as it was before (or the damaged file moved aside).
    """
    from hexie_desktop.services import restore as restoring

    ctx.require("station.backup")
    paths = _sqlite_paths(station)
    station.db.dispose()
    done = restoring.restore(paths, Path(backup_file), actor=ctx.actor.username)
    station.db.dispose()
    return done.safety or done.aside or paths.backups
