"""One writer process per station: an OS file lock held while the desktop app runs.

The lock is released by the operating system when the process ends, so a crash never
leaves a stale lock behind.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO

from hexie_desktop.core.errors import StorageError
from hexie_desktop.core.i18n import _

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(handle: IO) -> bool:
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
else:
    import fcntl

    def _try_lock(handle: IO) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True


_held_here: set[Path] = set()


class StationLock:
    """An exclusive lock on ``path``; :meth:`acquire` refuses with a clear message when taken."""

    @staticmethod
    def held_by_this_process(path: Path) -> bool:
        """True when a StationLock of this process holds ``path``."""
        return Path(path).resolve() in _held_here

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._handle: IO | None = None

    def acquire(self) -> StationLock:
        """Take the lock or raise StorageError saying the station is open elsewhere."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+")
        if not _try_lock(handle):
            handle.close()
            raise StorageError(_("本站数据已在另一个程序窗口中打开，请先关闭那个窗口（同一台电脑只能打开一个）"))
        try:
            handle.seek(0)
            handle.truncate()
            handle.write(str(os.getpid()))
            handle.flush()
        except OSError:  # a full disk: the lock is not ours to keep half-made
            handle.close()
            raise
        self._handle = handle
        _held_here.add(self.path.resolve())
        return self

    def release(self) -> None:
        """Give the lock back."""
        if self._handle is not None:
            self._handle.close()
            self._handle = None
            _held_here.discard(self.path.resolve())

    @property
    def held(self) -> bool:
        """True while this object holds the lock."""
        return self._handle is not None
