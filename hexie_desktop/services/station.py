"""Creating and opening a station: database location, migrations after a backup, first admin."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import inspect

from hexie_desktop.core import fields
from hexie_desktop.core.errors import Conflict, StorageError, UserError
from hexie_desktop.core.i18n import _
from hexie_desktop.exchange import state as exchange_state
from hexie_desktop.fileio import atomic_path
from hexie_desktop.paths import StationPaths
from hexie_desktop.services import settings
from hexie_desktop.services.backup import backup_sqlite
from hexie_desktop.services.code_additions import load_codes
from hexie_desktop.services.context import SYSTEM, Actor, Context
from hexie_desktop.services.users import add_user_in, check_password_policy, check_username
from hexie_desktop.storage import audit, health, migrate
from hexie_desktop.storage.db import CHANGE_SEQ, Database, sqlite_url
from hexie_desktop.storage.models import Counter, Mediator

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
    """An opened station: its files, its database and its identity.

    ``in_use`` is set when the file was opened after a passed start-up check; :meth:`close`
    then stamps it as sound (``storage.health``), so the next open may skip ``quick_check``.
    """

    paths: StationPaths | None
    db: Database
    info: StationInfo
    in_use: health.InUse | None = None

    def close(self, *, clean: bool = True) -> None:
        """Close the database; when ``clean`` (the work ended normally) stamp the file as sound.

        Pass ``clean=False`` after an unexpected failure: the next open then checks the file fully, as
        it does after SQLite reported a damaged page or an I/O error on this station's database.
        """
        self.db.dispose()
        in_use, self.in_use = self.in_use, None
        if clean and in_use is not None and not self.db.damage_seen:
            health.release(in_use)

    def context(self, actor: Actor = SYSTEM, today_fn: Callable[[], date] | None = None) -> Context:
        """A service context for ``actor``."""
        if today_fn is None:
            return Context(self.db, actor, station=self)
        return Context(self.db, actor, today_fn, station=self)


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


def _check_all(role: str, unit_code: str, unit_name: str, short_name: str, admin: str, password: str,
               key_passphrase: str | None) -> None:
    """Every check of ``init`` before anything is written (identity, admin name, password, passphrase)."""
    validate_identity(role, unit_code, unit_name, short_name)
    check_username(admin)
    check_password_policy(password)
    if role == "district" and key_passphrase:
        from hexie_desktop.exchange.keys import check_passphrase  # the exchange keys load only when used

        check_passphrase(key_passphrase)


def _create(db: Database, *, role: str, unit_code: str, unit_name: str, short_name: str, admin: str,
            password: str, admin_name: str | None, first_mediator: str | None = None,
            admin_is_mediator: bool = False) -> None:
    """Schema, identity settings, the first admin and (optionally) the first mediator."""
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
        user = add_user_in(session, username=admin, display_name=admin_name or admin, role=admin_role,
                           password=password)
        if first_mediator:
            mediator = Mediator(name=first_mediator, employment_mode="part_time", status="active")
            session.add(mediator)
            session.flush()
            if admin_is_mediator:
                user.mediator_id = mediator.id
        audit.append(session, actor=SYSTEM.username, action="station.init", entity="station", entity_id=unit_code,
                     summary=f"{role} {unit_name}")


def _make_room(paths: StationPaths, unit_code: str) -> None:
    """Refuse when a usable station (or its backups) is here; move a half-created or damaged file aside."""
    from hexie_desktop.services import backups, restore

    restore.recover(paths)
    found = health.check(paths.database)
    if found.ok or found.kind == health.TOO_NEW:
        raise Conflict(_("此处已有站点数据，不能重复初始化"))
    if found.kind != health.HALF_CREATED and backups.newest_verified(paths) is not None:
        raise Conflict(backups.unusable(paths, found).message)
    if found.kind != health.MISSING:
        restore.move_aside(paths, found.kind)
    for stray in paths.root.glob(f".{paths.database.name}.*.tmp*"):
        stray.unlink()
    from hexie_desktop.exchange import keys as keyring  # the exchange keys load only when used

    if keyring.exists(paths.keys):
        try:
            same = keyring.public_card(paths.keys).unit_code == unit_code
        except Exception:  # noqa: BLE001 - unreadable keys of a station that is gone: set them aside
            same = False
        if not same:
            orphan = paths.keys / keyring.KEY_FILE
            orphan.rename(orphan.with_name(f"orphan-{health.stamp()}-{orphan.name}"))


def init_station(*, data_dir: Path | None, db_url: str | None, role: str, unit_code: str, unit_name: str,
                 short_name: str | None, admin: str, password: str, admin_name: str | None = None,
                 key_passphrase: str | None = None, first_mediator: str | None = None,
                 admin_is_mediator: bool = False) -> Station:
    """Create a new station, all or nothing: schema, identity settings and the first admin.

    Everything is checked first.  A SQLite station is built in a temporary file beside its
    final name and renamed into place only when complete, so an error or a kill leaves no
    half station; a half-created one from an older version is moved aside and made anew.
    The exchange keys are made right after: a township's at once, a district's when
    ``key_passphrase`` is given (they are sealed with it); otherwise at first use.
    ``first_mediator`` adds the first 调解员 to the register (the wizard asks; it may be skipped),
    ``admin_is_mediator`` links the admin's login to that record.
    """
    short_name = (short_name or unit_name or "").strip()
    _check_all(role, unit_code, unit_name, short_name, admin, password, key_passphrase)
    first_mediator = fields.text(first_mediator, "first_mediator", max_len=50, multiline=False)
    if admin_is_mediator and not first_mediator:
        raise UserError(_("请填写第一位调解员的姓名，才能把管理员关联为调解员"), field="first_mediator")
    identity: dict[str, Any] = dict(
        role=role, unit_code=unit_code, unit_name=unit_name, short_name=short_name, admin=admin, password=password,
        admin_name=admin_name, first_mediator=first_mediator, admin_is_mediator=admin_is_mediator)
    if data_dir is None:
        db = Database(_database_url(None, db_url), origin=unit_code)
        if _is_initialized(db):
            db.dispose()
            raise Conflict(_("此处已有站点数据，不能重复初始化"))
        _create(db, **identity)
        paths = None
    else:
        from hexie_desktop.services.restore import crash_point

        paths = StationPaths(Path(data_dir))
        paths.root.mkdir(parents=True, exist_ok=True)
        _make_room(paths, unit_code)
        paths.ensure()
        with atomic_path(paths.database) as tmp:
            building = Database(sqlite_url(tmp), origin=unit_code)
            try:
                _create(building, **identity)
            finally:
                building.dispose()
            if tmp.with_name(tmp.name + "-wal").exists():
                raise StorageError(_("新站点的数据库没有完整写入磁盘，请重试"))
            crash_point("init.before_rename")
        db = Database(_database_url(paths, None), origin=unit_code)
    station = Station(paths, db, read_info(db))
    if role == "township" or key_passphrase:
        from hexie_desktop.services.exchange import ensure_keys  # opening a station does not load the exchange

        ensure_keys(station, key_passphrase)
    load_codes(station.db)
    return station


def check_before_opening(paths: StationPaths, *, trust_stamp: bool = False) -> health.Health:
    """Finish an interrupted restore, then the read-only start-up check; raise StationUnusable on any problem.

    With ``trust_stamp`` the file's stamp may spare the full ``quick_check`` (``storage.health``).
    """
    from hexie_desktop.services import restore

    restore.recover(paths)
    found = health.check(paths.database, trust_stamp=trust_stamp)
    if not found.ok:
        from hexie_desktop.services import backups

        raise backups.unusable(paths, found)
    return found


def open_station(*, data_dir: Path | None, db_url: str | None = None) -> Station:
    """Open an existing station, migrating it (after a verified backup) when it is behind."""
    paths = StationPaths(Path(data_dir)) if data_dir is not None else None
    in_use = None
    if db_url is None:
        if paths is None:
            raise StorageError(_("此目录下没有站点数据，请先运行 hexie init："))
        in_use = health.take(paths.database, check_before_opening(paths, trust_stamp=True))
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
    station = Station(paths, db, info, in_use)
    _clean_exchange_leftovers(station)
    load_codes(db)
    return station


def _clean_exchange_leftovers(station: Station) -> None:
    """Remove what a killed import or export left in the exchange staging area (never blocks opening)."""
    try:
        exchange_state.clean_staging(station)
    except OSError:
        pass
