"""Where the exchange keeps its local files, the station's numbering epoch, and the digest.

Local files live under the station's data directory (``keys/``, ``exchange/staging``,
``exchange/outbox``, ``exchange/waiting``).  Every import and export works in its own locked
folder of the staging area; what a killed run left there is removed at the start of the next
import or export and when the station is opened (:func:`clean_staging`).  A station on PostgreSQL has no data directory of
its own; its local files go to ``<HEXIE_DATA_DIR or the user data dir>/district-<code>/``.

An **epoch** is one era of numbering.  A station restored from a backup starts a new epoch, so
its packages stay ordered as (epoch, number) and the district can tell rows it holds from
before the restore point.  ``exchange/epoch.json`` beside the database remembers the highest
epoch and package number ever used, because a restore rolls the database back but not that file.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hexie_desktop.core.errors import StorageError
from hexie_desktop.core.i18n import _
from hexie_desktop.fileio import atomic_write
from hexie_desktop.paths import default_data_dir
from hexie_desktop.storage import digest
from hexie_desktop.storage.lock import StationLock
from hexie_desktop.storage.models import ExchangeEpoch, utcnow

EPOCH_FILE = "epoch.json"


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


# ---------------------------------------------------------------- epochs


@dataclass(frozen=True)
class Epoch:
    """The current epoch and the change sequence it started from."""

    epoch: int
    base: int


def current_epoch(session: Session) -> Epoch:
    """This station's epoch (1 with base 0 when none was ever started)."""
    row = session.execute(select(ExchangeEpoch).order_by(ExchangeEpoch.epoch.desc()).limit(1)).scalar_one_or_none()
    if row is None:
        return Epoch(1, 0)
    return Epoch(row.epoch, row.base_change_seq)


def read_epoch_file(station: Any) -> dict[str, int]:
    """``{"epoch": e, "sequence": n}`` remembered outside the database (zeros when absent)."""
    path = exchange_dir(station) / EPOCH_FILE
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return {"epoch": int(raw.get("epoch", 0)), "sequence": int(raw.get("sequence", 0))}
    except (OSError, ValueError, TypeError, AttributeError):
        return {"epoch": 0, "sequence": 0}


def write_epoch_file(station: Any, *, epoch: int | None = None, sequence: int | None = None) -> None:
    """Raise the remembered epoch / package number (never lowers them)."""
    known = read_epoch_file(station)
    new = {"epoch": max(known["epoch"], epoch or 0), "sequence": max(known["sequence"], sequence or 0)}
    if new == known:
        return
    path = exchange_dir(station) / EPOCH_FILE
    with atomic_write(path) as handle:
        handle.write(json.dumps(new).encode("utf-8"))


def start_epoch(session: Session, *, at_least: int, base: int, reason: str, note: str = "") -> int:
    """Begin a new epoch numbered above ``at_least`` and every epoch in the database."""
    highest = session.execute(select(func.max(ExchangeEpoch.epoch))).scalar_one_or_none() or 1
    epoch = max(highest, at_least) + 1
    session.add(ExchangeEpoch(epoch=epoch, started_at=utcnow(), base_change_seq=base, reason=reason, note=note))
    session.flush()
    return epoch


# ---------------------------------------------------------------- digest

row_hash = digest.row_hash
"""The contribution of one (table, id, version) to a digest (kept in :mod:`hexie_desktop.storage.digest`)."""


def holdings(session: Session, origin: str) -> tuple[str, dict[str, int]]:
    """Digest of every (table, id, version) of ``origin`` held here, and row counts per table.

    The digest is an order-independent sum of per-row hashes (mod 2^256), so both stations
    compute it the same way whatever their database's sort order; tombstones count.  It is
    kept up to date with every write (:mod:`hexie_desktop.storage.digest`), so reading it
    costs the same for ten rows or a million.
    """
    return digest.holdings(session, origin)


def holdings_counted(session: Session, origin: str) -> tuple[str, dict[str, int]]:
    """:func:`holdings` after an index count of the rows really held (for the district's receipts)."""
    return digest.holdings_counted(session, origin)
