"""storage/errors.py: OS and SQLite failures turned into typed errors with Chinese sentences."""

from __future__ import annotations

import errno
import sqlite3

from hexie_desktop.core.errors import HexieError
from hexie_desktop.storage import errors


def test_os_errors_become_typed_errors_naming_the_file(tmp_path):
    target = tmp_path / "out.xlsx"
    locked = errors.translate(PermissionError(errno.EACCES, "denied", str(target)), target)
    assert isinstance(locked, errors.FileLocked | errors.ReadOnly)
    assert isinstance(locked, HexieError) and locked.message
    full = errors.translate(OSError(errno.ENOSPC, "no space"), target)
    assert isinstance(full, errors.DiskFull)
    assert errors.code_of(OSError(errno.ENOSPC, "no space")) == "ENOSPC"


def test_a_file_that_is_no_database_is_named_as_such(tmp_path):
    bogus = tmp_path / "bogus.sqlite3"
    bogus.write_bytes(b"not a database at all" * 100)
    conn = sqlite3.connect(bogus)
    try:
        conn.execute("SELECT * FROM sqlite_master").fetchall()
    except sqlite3.DatabaseError as exc:
        typed = errors.translate(exc, database=bogus)
    finally:
        conn.close()
    assert isinstance(typed, errors.NotADatabase)


def test_unexpected_errors_are_not_dressed_up():
    assert errors.translate(ValueError("a bug")) is None
    already = errors.disk_full("x")
    assert errors.translate(already) is already
