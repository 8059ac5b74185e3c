"""Everyday faults of files and the database, turned into typed errors a person can act on.

This is the ONE place that reads ``errno`` / Windows error numbers and SQLite result codes.
A full disk, a file locked by another program, a read-only folder or file system and a file
that is not a database each become their own :class:`~hexie_desktop.core.errors.StorageError`
subclass with one Chinese sentence saying what to do.  ``cli.py`` (exit code 1) and
``ui/messages.py`` (message box) call :func:`translate` on whatever reaches them; the
database layer calls it when a transaction fails.  Anything not recognised stays unexpected
(logged with its traceback, see :mod:`hexie_desktop.log`).
"""

from __future__ import annotations

import errno
import shutil
import sqlite3
from pathlib import Path

from hexie_desktop.core.errors import HexieError, StorageError
from hexie_desktop.core.i18n import _
from hexie_desktop.core.text import printable


class DiskFull(StorageError):
    """No space left on the disk (ENOSPC, SQLITE_FULL); nothing was written."""

    code = "disk_full"


class FileLocked(StorageError):
    """Another program holds the file (SQLITE_BUSY after the wait, Windows sharing violation)."""

    code = "locked"


class ReadOnly(StorageError):
    """The folder, file or whole file system cannot be written (EACCES, EPERM, EROFS, SQLITE_READONLY)."""

    code = "read_only"


class NotADatabase(StorageError):
    """The file is not a SQLite database, or its header is damaged (SQLITE_NOTADB)."""

    code = "not_a_database"


class Damaged(StorageError):
    """SQLite found damage inside the database (SQLITE_CORRUPT)."""

    code = "damaged"


class IOFailure(StorageError):
    """The disk or USB stick failed to read or write (EIO, SQLITE_IOERR)."""

    code = "io"


NEARLY_FULL = 256 * 1024
"""Free bytes below which an I/O error while writing is reported as a full disk."""

# SQLite primary result codes (https://sqlite.org/rescode.html).
_SQLITE_PERM, _SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 3, 5, 6, 8
_SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN, _SQLITE_NOTADB = 10, 11, 13, 14, 26
# Windows: ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION, ERROR_DISK_FULL, ERROR_HANDLE_DISK_FULL,
# ERROR_WRITE_PROTECT, ERROR_ACCESS_DENIED.
_WIN_LOCKED = {32, 33}
_WIN_FULL = {39, 112}
_WIN_READ_ONLY = {5, 19}

_FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG}
_READ_ONLY_ERRNOS = {errno.EACCES, errno.EPERM, errno.EROFS}
_LOCKED_ERRNOS = {errno.EBUSY, errno.ETXTBSY}


def _where(path: object) -> str:
    if path in (None, ""):
        return _("数据库文件")
    return _("文件“{path}”").format(path=printable(path))


def disk_full(path: object = None) -> DiskFull:
    """The error for a full disk while writing ``path`` (None: the database)."""
    return DiskFull(_("磁盘空间已满，{where}没有写入（原有内容未改变）。请清理磁盘或换一个有空间的位置后重试").format(
        where=_where(path)))


def file_locked(path: object = None) -> FileLocked:
    """The error for a file held by another program."""
    return FileLocked(_("{where}正被另一个程序占用（另一个窗口、Excel、WPS或杀毒软件）。请关闭该程序后重试").format(
        where=_where(path)))


def read_only(path: object = None) -> ReadOnly:
    """The error for a read-only file, folder or file system."""
    return ReadOnly(_("{where}不能写入（只读、写保护或没有权限）。请换一个可写的文件夹，或去掉U盘写保护后重试").format(
        where=_where(path)))


def not_a_database(path: object = None) -> NotADatabase:
    """The error for a file that is not this program's database."""
    return NotADatabase(_("{where}不是本程序的数据库，或文件头已损坏。请检查所选文件，或从备份恢复").format(
        where=_where(path)))


def _from_os_error(exc: OSError, path: object) -> HexieError:
    winerror = getattr(exc, "winerror", None)
    if exc.errno in _FULL_ERRNOS or winerror in _WIN_FULL:
        return disk_full(path)
    if exc.errno in _LOCKED_ERRNOS or winerror in _WIN_LOCKED:
        return file_locked(path)
    if exc.errno in _READ_ONLY_ERRNOS or winerror in _WIN_READ_ONLY or isinstance(exc, PermissionError):
        return read_only(path)
    if isinstance(exc, FileNotFoundError):
        return StorageError(_("找不到{where}，请检查路径是否正确").format(where=_where(path)))
    if isinstance(exc, (IsADirectoryError, NotADirectoryError)):
        return StorageError(_("{where}的位置不对（文件和文件夹弄混了），请换一个文件名").format(where=_where(path)))
    if exc.errno == errno.ENAMETOOLONG or winerror == 123:
        return StorageError(_("{where}的名称过长或含有不允许的字符，请换一个文件名").format(where=_where(path)))
    return IOFailure(_("读写{where}时出错（{reason}）。请检查磁盘或U盘是否插好后重试").format(
        where=_where(path), reason=printable(exc.strerror or type(exc).__name__)))


def _from_sqlite_error(exc: sqlite3.Error, path: object) -> HexieError | None:
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    if primary is None:
        text = str(exc).lower()  # errors raised before a result code exists
        primary = (_SQLITE_NOTADB if "not a database" in text else _SQLITE_FULL if "disk is full" in text
                   else _SQLITE_BUSY if "locked" in text else _SQLITE_READONLY if "readonly" in text else None)
    if primary == _SQLITE_FULL:
        return disk_full(path)
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return file_locked(path)
    if primary in (_SQLITE_READONLY, _SQLITE_PERM):
        return read_only(path)
    if primary == _SQLITE_NOTADB:
        return not_a_database(path)
    if primary == _SQLITE_CORRUPT:
        return Damaged(_("{where}已损坏。请从备份恢复（命令 hexie restore，或菜单“备份与恢复”）").format(
            where=_where(path)))
    if primary == _SQLITE_CANTOPEN:
        return StorageError(_("打不开{where}（文件夹不存在、没有权限或被占用）。请检查数据目录后重试").format(
            where=_where(path)))
    if primary == _SQLITE_IOERR:
        return IOFailure(_("读写{where}时出错（磁盘故障、U盘被拔出或杀毒软件占用）。请检查后重试").format(
            where=_where(path)))
    return None


def translate(exc: BaseException, path: Path | str | None = None, *,
              database: Path | str | None = None) -> HexieError | None:
    """The typed error for ``exc`` (itself when already typed), or None when it is unexpected.

    ``path`` names the file being written (it wins over the temp file an OS error names);
    ``database`` names the database file for SQLite errors that carry no path.  SQLAlchemy's
    wrappers are unwrapped to the driver error they carry.
    """
    if isinstance(exc, HexieError):
        return exc
    orig = getattr(exc, "orig", None)
    if isinstance(orig, BaseException) and type(exc).__module__.startswith("sqlalchemy"):
        exc = orig
    if isinstance(exc, sqlite3.Error):
        path = path if path is not None else database
        typed = _from_sqlite_error(exc, path)
    elif isinstance(exc, OSError):
        path = path if path is not None else exc.filename
        typed = _from_os_error(exc, path)
    else:
        # A library's own wrapper around an OS error (xlsxwriter's FileCreateError …).
        inner = next((e for e in (*exc.args[:1], exc.__cause__, exc.__context__) if isinstance(e, OSError)), None)
        return translate(inner, path, database=database) if inner is not None else None
    if isinstance(typed, IOFailure) and path is not None and _no_space_at(Path(str(path))):
        return disk_full(path)  # SQLite reports some ENOSPC cases as I/O errors
    return typed


def _no_space_at(path: Path) -> bool:
    """True when the file system holding ``path`` has (almost) no free space left."""
    for folder in (path, *path.parents):
        if folder.exists():
            try:
                return shutil.disk_usage(folder).free < NEARLY_FULL
            except OSError:
                return False
    return False


def code_of(exc: BaseException) -> str:
    """A short, data-free code for ``exc`` for the log: errno / SQLite result name / typed code."""
    if isinstance(exc, HexieError):
        return exc.code
    orig = getattr(exc, "orig", None)
    if isinstance(orig, sqlite3.Error):
        exc = orig
    if isinstance(exc, sqlite3.Error):
        return str(getattr(exc, "sqlite_errorname", "") or "sqlite")
    if isinstance(exc, OSError) and exc.errno is not None:
        return errno.errorcode.get(exc.errno, str(exc.errno))
    return ""
