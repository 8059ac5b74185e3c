"""Backups (SQLite online backup API, verified before they take their final name) and check.

Restoring is :mod:`hexie_desktop.services.restore`.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from hexie_desktop.core.errors import StorageError
from hexie_desktop.core.i18n import _
from hexie_desktop.fileio import atomic_path


@dataclass(frozen=True)
class CheckReport:
    """What ``check`` found."""

    integrity: str
    foreign_keys_ok: bool
    revision: str | None
    head: str
    audit_ok: bool
    audit_entries: int
    audit_first_bad: int | None

    @property
    def ok(self) -> bool:
        """True when everything is fine."""
        return (self.integrity == "ok" and self.foreign_keys_ok and self.revision == self.head and self.audit_ok)


def integrity(path: Path) -> str:
    """``PRAGMA integrity_check`` of a SQLite file, all rows joined ("ok" when sound)."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return "; ".join(rows)


def backup_sqlite(source: Path, target_dir: Path, *, label: str = "manual", now: datetime | None = None) -> Path:
    """Copy the live database with the backup API, verify the copy, then give it its final name."""
    if not source.exists():
        raise StorageError(_("数据库文件不存在：{path}").format(path=source))
    target_dir.mkdir(parents=True, exist_ok=True)
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S-%f")
    target = target_dir / f"hexie-{label}-{stamp}.sqlite3"
    with atomic_path(target) as tmp:
        src = sqlite3.connect(str(source))
        dst = sqlite3.connect(str(tmp))
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
            src.close()
        result = integrity(tmp)
        if result != "ok":
            raise StorageError(_("备份校验失败：{result}").format(result=result))
    return target


AUTO_LABEL = "auto"
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 12, 4, 12


def _stamp(path: Path) -> datetime | None:
    parts = path.stem.split("-")
    try:
        return datetime.strptime("-".join(parts[2:4]), "%Y%m%d-%H%M%S")
    except (ValueError, IndexError):
        return None


def auto_backups(backups_dir: Path) -> list[tuple[datetime, Path]]:
    """Automatic backups, newest first."""
    found = [(_stamp(p), p) for p in backups_dir.glob(f"hexie-{AUTO_LABEL}-*.sqlite3")]
    return sorted(((t, p) for t, p in found if t is not None), reverse=True)


def thin(backups: list[tuple[datetime, Path]]) -> list[Path]:
    """Which automatic backups to delete: keep the newest per day (12 days), per ISO week (4) and month (12)."""
    keep: set[Path] = set()
    for key, limit in ((lambda t: t.date(), KEEP_DAILY), (lambda t: t.isocalendar()[:2], KEEP_WEEKLY),
                       (lambda t: (t.year, t.month), KEEP_MONTHLY)):
        seen: list[object] = []
        for moment, path in backups:
            bucket = key(moment)
            if bucket not in seen:
                seen.append(bucket)
                if len(seen) <= limit:
                    keep.add(path)
    return [path for _moment, path in backups if path not in keep]


def _audit_head(path: Path) -> str | None:
    """The newest audit hash of a database file: every change writes one, so equal heads mean equal data."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = conn.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    except sqlite3.DatabaseError:
        return None
    finally:
        conn.close()
    return row[0] if row else None


def auto_backup(database: Path, backups_dir: Path, *, now: datetime | None = None,
                min_hours: float = 20) -> Path | None:
    """Back up when the database changed since the newest automatic backup and that one is old enough.

    The new backup is verified before it takes its name; only then are old ones thinned.
    Returns the new backup, or None when none was needed.
    """
    now = now or datetime.now()
    existing = auto_backups(backups_dir)
    if existing:
        newest_time, newest = existing[0]
        changed = _audit_head(database) != _audit_head(newest)
        if not changed or (now - newest_time).total_seconds() < min_hours * 3600:
            return None
    created = backup_sqlite(database, backups_dir, label=AUTO_LABEL, now=now)
    for old in thin(auto_backups(backups_dir)):
        old.unlink()
    return created
