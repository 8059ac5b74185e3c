"""Creating and opening a station: database location, migrations after a backup, first admin."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import inspect

from hexie_desktop.core import fields
from hexie_desktop.core.errors import Conflict, StorageError, UserError
from hexie_desktop.core.i18n import _
from hexie_desktop.paths import StationPaths
from hexie_desktop.services import settings
from hexie_desktop.services.backup import backup_sqlite
from hexie_desktop.services.context import SYSTEM, Context
from hexie_desktop.services.users import add_user_in
from hexie_desktop.storage import audit, migrate
from hexie_desktop.storage.db import CHANGE_SEQ, Database, sqlite_url
from hexie_desktop.storage.models import Counter

ROLES = ("township", "district")
_UNIT_CODE = re.compile(r"^\d{6}(\d{3})?(\d{3})?$")


@dataclass(frozen=True)
class StationInfo:
    """The station's identity as settings hold it."""

    role: str
    unit_code: str
    unit_name: str
    short_name: str

    def as_dict(self) -> dict[str, str]:
        """Plain dict (for documents and JSON)."""
        return {"role": self.role, "unit_code": self.unit_code, "unit_name": self.unit_name,
                "short_name": self.short_name}


@dataclass
class Station:
    """An opened station: its files, its database and its identity."""

    paths: StationPaths | None
    db: Database
    info: StationInfo

    def context(self, actor=SYSTEM, today_fn=None) -> Context:  # noqa: ANN001
        """A service context for ``actor``."""
        if today_fn is None:
            return Context(self.db, actor)
        return Context(self.db, actor, today_fn)


def _database_url(paths: StationPaths | None, db_url: str | None) -> str:
    if db_url:
        return db_url
    assert paths is not None
    return sqlite_url(paths.database)


def _is_initialized(db: Database) -> bool:
    return "settings" in inspect(db.engine).get_table_names()


def read_info(db: Database) -> StationInfo:
    """Read the station identity from its settings."""
    with db.read() as session:
        return StationInfo(
            role=settings.get(session, "station.role"),
            unit_code=settings.get(session, "station.unit_code"),
            unit_name=settings.get(session, "station.unit_name"),
            short_name=settings.get(session, "station.short_name"),
        )


def validate_identity(role: str, unit_code: str, unit_name: str, short_name: str) -> None:
    """Check the identity given at ``init``."""
    if role not in ROLES:
        raise UserError(_("站点类型必须是 township 或 district"), field="role")
    if not _UNIT_CODE.match(unit_code or ""):
        raise UserError(_("单位代码应为6、9或12位数字的统计用区划代码"), field="unit_code")
    if role == "district" and len(unit_code) != 6:
        raise UserError(_("区级站点的单位代码应为6位县级区划代码"), field="unit_code")
    if not (unit_name or "").strip():
        raise UserError(_("单位名称不能为空"), field="unit_name")
    if not (short_name or "").strip():
        raise UserError(_("简称不能为空"), field="short_name")
    fields.text(unit_name, "unit_name", max_len=100, multiline=False)
    fields.text(short_name, "short_name", max_len=50, multiline=False)


def init_station(*, data_dir: Path | None, db_url: str | None, role: str, unit_code: str, unit_name: str,
                 short_name: str | None, admin: str, password: str, admin_name: str | None = None,
                 key_passphrase: str | None = None) -> Station:
    """Create a new station: schema, identity settings and the first admin, in one transaction.

    The exchange keys are made right after: a township's at once, a district's when
    ``key_passphrase`` is given (they are sealed with it); otherwise at first use.
    """
    short_name = (short_name or unit_name or "").strip()
    validate_identity(role, unit_code, unit_name, short_name)
    if role == "district" and key_passphrase:
        from hexie_desktop.exchange.keys import check_passphrase

        check_passphrase(key_passphrase)
    paths = StationPaths(Path(data_dir)).ensure() if data_dir is not None else None
    db = Database(_database_url(paths, db_url), origin=unit_code)
    if _is_initialized(db):
        db.dispose()
        raise Conflict(_("此处已有站点数据，不能重复初始化"))
    migrate.upgrade(db.engine)
    admin_role = "district_admin" if role == "district" else "admin"
    with db.transaction() as session:
        session.add(Counter(name=CHANGE_SEQ, value=0))
        for key, value in (
            ("station.role", role),
            ("station.unit_code", unit_code),
            ("station.unit_name", unit_name.strip()),
            ("station.short_name", short_name),
        ):
            settings.put(session, key, value)
        add_user_in(session, username=admin, display_name=admin_name or admin, role=admin_role, password=password)
        audit.append(session, actor=SYSTEM.username, action="station.init", entity="station", entity_id=unit_code,
                     summary=f"{role} {unit_name}")
    station = Station(paths, db, read_info(db))
    if role == "township" or key_passphrase:
        from hexie_desktop.services.exchange import ensure_keys

        ensure_keys(station, key_passphrase)
    return station


def open_station(*, data_dir: Path | None, db_url: str | None = None) -> Station:
    """Open an existing station, migrating it (after a verified backup) when it is behind."""
    paths = StationPaths(Path(data_dir)) if data_dir is not None else None
    if db_url is None and (paths is None or not paths.database.exists()):
        raise StorageError(_("此目录下没有站点数据，请先运行 hexie init：{path}").format(
            path=paths.root if paths else ""))
    db = Database(_database_url(paths, db_url))
    if not _is_initialized(db):
        db.dispose()
        raise StorageError(_("数据库尚未初始化，请先运行 hexie init"))
    if migrate.needs_upgrade(db.engine):
        if paths is not None and db.is_sqlite:
            db.dispose()
            backup_sqlite(paths.database, paths.backups, label="before-upgrade")
        migrate.upgrade(db.engine)
    info = read_info(db)
    db.origin = info.unit_code
    station = Station(paths, db, info)
    _clean_exchange_leftovers(station)
    return station


def _clean_exchange_leftovers(station: Station) -> None:
    """Remove what a killed import or export left in the exchange staging area (never blocks opening)."""
    from hexie_desktop.exchange import state as exchange_state

    try:
        exchange_state.clean_staging(station)
    except OSError:
        pass
