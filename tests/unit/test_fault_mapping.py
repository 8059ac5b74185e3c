"""The one mapping of OS and SQLite failures to typed errors (``storage/errors.py``), with real errors."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from hexie_desktop.core.errors import NotAllowed, StorageError
from hexie_desktop.storage.errors import (
    Damaged,
    DiskFull,
    FileLocked,
    IOFailure,
    NotADatabase,
    ReadOnly,
    code_of,
    translate,
)


def _os(number: int, *, winerror: int | None = None) -> OSError:
    error = OSError(number, "system text", "/media/usb/out.pdf")
    if winerror is not None:
        error.winerror = winerror  # as Windows sets it
    return error


@pytest.mark.parametrize("error,kind,words", [
    (_os(errno.ENOSPC), DiskFull, "磁盘空间已满"),
    (_os(errno.EDQUOT), DiskFull, "磁盘空间已满"),
    (_os(errno.EFBIG), DiskFull, "磁盘空间已满"),
    (_os(errno.EROFS), ReadOnly, "不能写入"),
    (_os(errno.EACCES), ReadOnly, "不能写入"),
    (PermissionError(errno.EPERM, "x", "/a"), ReadOnly, "不能写入"),
    (_os(errno.EBUSY), FileLocked, "另一个程序占用"),
    (_os(errno.EINVAL, winerror=32), FileLocked, "另一个程序占用"),  # ERROR_SHARING_VIOLATION
    (_os(errno.EINVAL, winerror=33), FileLocked, "另一个程序占用"),  # ERROR_LOCK_VIOLATION
    (_os(errno.EINVAL, winerror=112), DiskFull, "磁盘空间已满"),  # ERROR_DISK_FULL
    (_os(errno.EINVAL, winerror=19), ReadOnly, "不能写入"),  # ERROR_WRITE_PROTECT
    (_os(errno.EIO), IOFailure, "U盘"),
    (FileNotFoundError(errno.ENOENT, "x", "/nowhere/a.pdf"), StorageError, "找不到"),
])
def test_os_errors(error, kind, words) -> None:
    typed = translate(error)
    assert type(typed) is kind and words in typed.message
    assert "\n" not in str(typed)


def test_the_path_is_named_and_escaped() -> None:
    typed = translate(OSError(errno.ENOSPC, "x", "/tmp/a\nb\x1b.pdf"))
    assert "/tmp/a\\x0ab\\x1b.pdf" in typed.message and "\n" not in typed.message


def test_typed_errors_pass_through_and_others_are_unexpected() -> None:
    refusal = NotAllowed("不能")
    assert translate(refusal) is refusal
    assert translate(ValueError("x")) is None and translate(KeyError("x")) is None


def test_real_sqlite_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "junk.sqlite3"
    path.write_bytes(b"this is not a database, it is a letter" * 100)
    with pytest.raises(sqlite3.DatabaseError) as info:
        sqlite3.connect(path).execute("SELECT * FROM sqlite_master").fetchall()
    assert isinstance(translate(info.value), NotADatabase)
    assert code_of(info.value) == "SQLITE_NOTADB"


def test_real_sqlite_busy_through_sqlalchemy(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN EXCLUSIVE")
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": 0.05})
    try:
        with pytest.raises(DBAPIError) as info, engine.begin() as conn:
            conn.execute(text("INSERT INTO t VALUES (1)"))
        assert isinstance(translate(info.value, path), FileLocked)
        assert str(path) in translate(info.value, path).message
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        engine.dispose()


def test_real_sqlite_full(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "db.sqlite3")
    conn.execute("CREATE TABLE t (x)")
    conn.execute("PRAGMA max_page_count=3")
    with pytest.raises(sqlite3.OperationalError) as info:
        for _ in range(100):
            conn.execute("INSERT INTO t VALUES (?)", ("x" * 4000,))
    conn.close()
    assert isinstance(translate(info.value), DiskFull)


def test_real_sqlite_read_only(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.commit()
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError) as info:
        conn.execute("INSERT INTO t VALUES (1)")
    conn.close()
    assert isinstance(translate(info.value), ReadOnly)


def test_real_sqlite_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.executemany("INSERT INTO t VALUES (?)", [("y" * 500,)] * 200)
    conn.commit()
    conn.close()
    data = bytearray(path.read_bytes())
    data[4096 + 8: 4096 + 4096] = b"\xff" * (4096 - 8)  # wreck page 2, a b-tree page
    path.write_bytes(bytes(data))
    with pytest.raises(sqlite3.DatabaseError) as info:
        sqlite3.connect(path).execute("SELECT count(*), max(length(x)) FROM t").fetchall()
    assert isinstance(translate(info.value), (Damaged, NotADatabase))
