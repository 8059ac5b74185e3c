"""Atomic file writes: temp file in the same folder → fsync → os.replace — the one helper for every output.

Backups, PDFs, workbooks, packages, cards and keys are all written through :func:`atomic_path`
or :func:`atomic_write`, so a reader (or a crash, a full disk, a pulled USB stick) never sees
half a file: either the old file or the new one, and no temp file left behind.  A failure is
raised as the typed error of :mod:`hexie_desktop.storage.errors` naming the target file
(disk full, read-only, locked …), not the temp file.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success fsync it and move it into place."""
    target = Path(target)
    tmp: Path | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix="." + target.name + ".", suffix=".tmp", dir=target.parent)
        os.close(fd)
        tmp = Path(tmp_name)
        yield tmp
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, target)
        _fsync_dir(target.parent)
    except Exception as exc:
        _discard(tmp)
        from hexie_desktop.storage.errors import translate

        typed = translate(exc, target)
        if typed is not None and typed is not exc:
            raise typed from exc
        raise
    finally:
        _discard(tmp)


def _discard(tmp: Path | None) -> None:
    if tmp is not None:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass  # a read-only or vanished folder: nothing more can be done here


@contextmanager
def atomic_write(target: Path, mode: str = "wb") -> Iterator[IO]:
    """Open a temporary file for writing; it replaces ``target`` only when the block succeeds."""
    with atomic_path(target) as tmp:
        with open(tmp, mode) as handle:
            yield handle
            handle.flush()


def _fsync_dir(directory: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(directory: Path) -> None:
    """Make a rename or delete in ``directory`` durable (POSIX; a no-op elsewhere)."""
    _fsync_dir(directory)
