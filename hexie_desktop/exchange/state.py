"""The station's numbering epoch and the exchange digest; the places of its local files.

Where the files live and the staging area's locked folders are ``exchange.places`` (kept
apart so that opening a station loads no database layer for them); their names stay
importable from here.

An **epoch** is one era of numbering.  A station restored from a backup starts a new epoch, so
its packages stay ordered as (epoch, number) and the district can tell rows it holds from
before the restore point.  ``exchange/epoch.json`` beside the database remembers the highest
epoch and package number ever used, because a restore rolls the database back but not that file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hexie_desktop.exchange.places import (  # noqa: F401 - where the exchange's files are, under their old names
    IN_USE,
    attachments_dir,
    clean,
    clean_staging,
    exchange_dir,
    incoming_dir,
    keys_dir,
    local_root,
    outbox,
    scratch,
    staging,
    staging_root,
    waiting_dir,
)
from hexie_desktop.fileio import atomic_write
from hexie_desktop.storage import digest
from hexie_desktop.storage.models import ExchangeEpoch, utcnow

EPOCH_FILE = "epoch.json"


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
