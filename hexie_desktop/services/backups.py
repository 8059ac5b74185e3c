"""What the station's backups hold: the list a person chooses from, and what a backup lacks.

Every file here is read with the read-only start-up check (:mod:`hexie_desktop.storage.health`),
so listing never writes into a backup or into a damaged database.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from hexie_desktop.core.errors import StorageError
from hexie_desktop.core.i18n import _
from hexie_desktop.paths import StationPaths
from hexie_desktop.storage import health

_STAMP = re.compile(r"(\d{8}-\d{6})")
LABELS = {"auto": "自动", "manual": "手动", "before-upgrade": "升级前", "before-restore": "恢复前"}


@dataclass(frozen=True)
class BackupInfo:
    """One backup file: when, what kind, how big, how many cases, and whether it passed the check."""

    path: Path
    when: datetime
    label: str
    size: int
    cases: int | None
    health: health.Health

    @property
    def verified(self) -> bool:
        """True when the backup passed the start-up check (it can be restored)."""
        return self.health.ok

    @property
    def label_text(self) -> str:
        """The kind of backup in words (自动、手动 …)."""
        return _(LABELS.get(self.label, self.label))

    @property
    def when_text(self) -> str:
        """The backup's time as people read it."""
        return self.when.strftime("%Y-%m-%d %H:%M")

    @property
    def size_text(self) -> str:
        """The size in KB or MB."""
        return f"{self.size / 1048576:.1f} MB" if self.size >= 1048576 else f"{max(1, self.size // 1024)} KB"


def _when(path: Path) -> datetime:
    found = _STAMP.search(path.stem)
    if found:
        try:
            return datetime.strptime(found.group(1), "%Y%m%d-%H%M%S")
        except ValueError:
            pass
    return datetime.fromtimestamp(path.stat().st_mtime)


def _label(path: Path) -> str:
    name = path.stem.removeprefix("hexie-")
    found = _STAMP.search(name)
    return name[:found.start()].rstrip("-") if found else name


def count_cases(path: Path) -> int | None:
    """How many cases the file holds (None when it cannot be read)."""
    try:
        conn = health.connect_read_only(path)
        try:
            return int(conn.execute("SELECT count(*) FROM cases").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def case_numbers(path: Path) -> set[str] | None:
    """Every case number in the file (None when it cannot be read)."""
    try:
        conn = health.connect_read_only(path)
        try:
            return {row[0] for row in conn.execute("SELECT number FROM cases")}
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def describe(path: Path) -> BackupInfo:
    """Check one backup file (read-only)."""
    path = Path(path)
    try:
        found = health.check(path)
    except StorageError as exc:
        found = health.Health(health.CORRUPT, exc.message)
    size = path.stat().st_size if path.exists() else 0
    return BackupInfo(path, _when(path) if path.exists() else datetime.min, _label(path), size,
                      count_cases(path) if found.ok else None, found)


def list_backups(paths: StationPaths) -> list[BackupInfo]:
    """Every backup in the station's backup folder, newest first (verified or not)."""
    folder = paths.backups
    if not folder.is_dir():
        return []
    infos = [describe(p) for p in folder.glob("*.sqlite3") if p.is_file()]
    return sorted(infos, key=lambda b: b.when, reverse=True)


def newest_verified(paths: StationPaths) -> BackupInfo | None:
    """The newest backup that passed the check."""
    return next((b for b in list_backups(paths) if b.verified), None)


def lacking(database: Path, backup: Path) -> list[str] | None:
    """Case numbers in ``database`` that ``backup`` does not have (None when the database cannot be read)."""
    current = case_numbers(database) if Path(database).exists() else None
    if current is None:
        return None
    older = case_numbers(backup) or set()
    return sorted(current - older)


@dataclass(frozen=True)
class Offer:
    """What to tell a person at start: the problem, the newest verified backup and what it lacks."""

    health: health.Health
    backup: BackupInfo | None
    lacking: list[str] | None

    def sentence(self) -> str:
        """One Chinese sentence: what happened and what to do."""
        what = self.health.sentence()
        if self.health.kind == health.MISSING:
            what = _("站点数据库文件不见了")
        elif self.health.kind != health.OK:
            what += _("，文件未被改动")
        if self.backup is None:
            return what + _("；备份文件夹里没有可用的备份")
        return what + _("；可以从{when}的备份（{n}件案件）恢复{lacks}").format(
            when=self.backup.when_text, n=self.backup.cases, lacks=self.lacks_text())

    def lacks_text(self) -> str:
        """What the backup lacks, in words (empty when nothing or unknown)."""
        if not self.lacking:
            return ""
        shown = "、".join(self.lacking[:10]) + ("等" if len(self.lacking) > 10 else "")
        return _("，备份之后登记的{n}件案件需重新录入：{cases}").format(n=len(self.lacking), cases=shown)


def offer(paths: StationPaths, found: health.Health | None = None) -> Offer:
    """The restore offer for the station at ``paths`` (read-only)."""
    found = found or health.check(paths.database)
    backup = newest_verified(paths)
    missing = lacking(paths.database, backup.path) if backup is not None else None
    return Offer(found, backup, missing)


class StationUnusable(StorageError):
    """The station file cannot be opened as it is: damaged, missing, newer, or never finished.

    Carries the read-only :class:`~hexie_desktop.storage.health.Health` and the restore
    :class:`Offer`, so the app can open its restore wizard and the CLI can print one line.
    """

    def __init__(self, message: str, found: health.Health, offered: Offer | None) -> None:
        super().__init__(message)
        self.health = found
        self.offer = offered


def unusable(paths: StationPaths, found: health.Health) -> StationUnusable:
    """The error to raise for a station whose start-up check failed, with what to do in words."""
    if found.kind == health.HALF_CREATED:
        return StationUnusable(found.sentence() + _("，请重新创建站点（hexie init；不完整的文件会被移到一旁）"),
                               found, None)
    offered = offer(paths, found)
    if found.kind == health.MISSING and offered.backup is None:
        return StationUnusable(_("此目录下没有站点数据，请先运行 hexie init：{path}").format(path=paths.root),
                               found, offered)
    if offered.backup is None:
        return StationUnusable(offered.sentence() + _("，请联系技术支持"), found, offered)
    return StationUnusable(offered.sentence() + _("；请运行 hexie restore（或在程序中按提示）恢复"), found, offered)
