"""Where the exchange keeps its local files, and its private working folders (no database here).

Local files live under the station's data directory (``keys/``, ``exchange/staging``,
``exchange/outbox``, ``exchange/waiting``); a station on PostgreSQL has none of its own, its
files go to ``<HEXIE_DATA_DIR or the user data dir>/district-<code>/``.  Every import and export
works in its own locked folder of the staging area (:func:`scratch`); what a killed run left
there is removed at the start of the next import or export and when the station is opened
(:func:`clean_staging`).  Kept apart from ``exchange.state`` so that opening a station loads no
database layer for it.
"""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from hexie_desktop.core.errors import StorageError
from hexie_desktop.core.i18n import _
from hexie_desktop.paths import default_data_dir
from hexie_desktop.storage.lock import StationLock


def local_root(station: Any) -> Path:
    """The folder for this station's local exchange files (see the module docstring)."""
    if station.paths is not None:
        return Path(station.paths.root)
    return default_data_dir() / f"district-{station.info.unit_code}"


def keys_dir(station: Any) -> Path:
    """Where the station keys are."""
    if station.paths is not None:
        return Path(station.paths.keys)
    return local_root(station) / "keys"


def exchange_dir(station: Any) -> Path:
    """``exchange/`` under the local root."""
    return local_root(station) / "exchange"


def attachments_dir(station: Any) -> Path:
    """The attachment store (files by SHA-256)."""
    if station.paths is not None:
        return Path(station.paths.attachments)
    return local_root(station) / "attachments"


def outbox(station: Any) -> Path:
    """Where receipts and other packages for peers are written by default."""
    return exchange_dir(station) / "outbox"


def waiting_dir(station: Any) -> Path:
    """Packages from townships not yet enrolled wait here."""
    return exchange_dir(station) / "waiting"


def staging_root(station: Any) -> Path:
    """The staging area: every import decrypts and unpacks only below this folder."""
    return exchange_dir(station) / "staging"


IN_USE = ".in-use"
_NEW, _RUN = ".new-", "run-"


def incoming_dir(station: Any) -> Path:
    """Where attachments received in a package wait, beside the store, until the import commits."""
    return attachments_dir(station) / ".incoming"


@contextmanager
def scratch(root: Path) -> Iterator[Path]:
    """A fresh private folder below ``root``, removed afterwards whatever happens.

    While in use the folder holds an OS lock on its ``.in-use`` file (released by the
    operating system when the process dies), so :func:`clean` run by another process —
    another import, or the next start after a crash — leaves it alone, and removes it once
    its owner is gone.  The folder is created under a temporary name and renamed only after
    the lock is held, so a cleaner never sees it unlocked.
    """
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    for _attempt in range(20):
        token = secrets.token_hex(8)
        folder = root / f"{_RUN}{token}"
        # POSIX renames a folder with open files in it: create it locked under a name cleaners skip.
        fresh = root / f"{_NEW}{token}" if os.name == "posix" else folder
        fresh.mkdir(mode=0o700)
        try:
            lock = StationLock(fresh / IN_USE).acquire()
        except FileNotFoundError:  # a cleaner took the new folder away: try another name
            continue
        except StorageError:  # a cleaner (another import's clean()) holds the new folder's lock for a moment
            continue  # and removes the folder when it lets go: try another name
        except OSError:  # a full or read-only disk: leave nothing behind, say so
            shutil.rmtree(fresh, ignore_errors=True)
            raise
        try:
            if fresh != folder:
                fresh.rename(folder)
        except OSError:
            lock.release()
            continue
        break
    else:  # pragma: no cover - needs a cleaner racing every attempt
        raise StorageError(_("无法创建交换临时文件夹：{path}").format(path=root))
    try:
        yield folder
    finally:
        lock.release()
        shutil.rmtree(folder, ignore_errors=True)


def clean(root: Path) -> int:
    """Remove what crashed runs left below ``root`` (folders whose owner is gone); returns how many."""
    root = Path(root)
    if not root.is_dir():
        return 0
    removed = 0
    for entry in list(root.iterdir()):
        if not entry.is_dir() or entry.is_symlink():
            if entry.name.startswith(("payload-", "joined-", "whole-")) or entry.is_symlink():
                entry.unlink(missing_ok=True)
                removed += 1
            continue
        try:
            lock = StationLock(entry / IN_USE).acquire()
        except StorageError:
            continue  # in use by a running import or export
        except OSError:
            continue  # removed meanwhile by its owner or another cleaner
        lock.release()
        shutil.rmtree(entry, ignore_errors=True)
        removed += 1
    return removed


def clean_staging(station: Any) -> int:
    """Remove leftovers of killed imports and exports: the staging area and received attachments."""
    return clean(staging_root(station)) + clean(incoming_dir(station))


@contextmanager
def staging(station: Any) -> Iterator[Path]:
    """A fresh private folder in the staging area (see :func:`scratch`); stale ones are cleaned first."""
    clean_staging(station)
    with scratch(staging_root(station)) as folder:
        yield folder
