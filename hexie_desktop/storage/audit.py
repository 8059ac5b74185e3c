"""The append-only, hash-chained audit log.

Each entry's hash covers the previous entry's hash and the entry's own fields, so any
edit, deletion, insertion or reordering breaks the chain from that point on.  Entries are
written in the same transaction as the change they describe.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from hexie_desktop.storage.models import AuditEntry, utcnow

GENESIS = "0" * 64


def _digest(prev_hash: str, entry: AuditEntry) -> str:
    payload = json.dumps(
        [prev_hash, entry.at.isoformat(), entry.actor, entry.action, entry.entity, entry.entity_id, entry.summary],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def head(session: Session) -> str:
    """Hash of the newest entry (the chain head), or the genesis hash for an empty log."""
    last = session.execute(select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)).scalar_one_or_none()
    return last or GENESIS


def append(session: Session, *, actor: str, action: str, entity: str | None = None,
           entity_id: str | None = None, summary: str = "") -> AuditEntry:
    """Add one entry to the chain inside the caller's transaction."""
    entry = AuditEntry(
        at=utcnow().replace(microsecond=0), actor=actor, action=action, entity=entity,
        entity_id=entity_id, summary=summary,
    )
    entry.prev_hash = head(session)
    entry.hash = _digest(entry.prev_hash, entry)
    session.add(entry)
    session.flush([entry])
    return entry


@dataclass(frozen=True)
class ChainReport:
    """Result of verifying the chain."""

    ok: bool
    entries: int
    first_bad_id: int | None
    head: str


def verify(session: Session, *, after_id: int | None = None) -> ChainReport:
    """Recompute every hash in order; report the first entry that does not match.

    With ``after_id`` only the entries after it are checked (the chain's tail, linked to
    the stored hash of entry ``after_id``) — the quick check at every start.
    """
    prev = GENESIS
    query = select(AuditEntry).order_by(AuditEntry.id)
    if after_id is not None:
        prev = session.execute(select(AuditEntry.hash).where(AuditEntry.id == after_id)).scalar_one_or_none() or GENESIS
        query = query.where(AuditEntry.id > after_id)
    count = 0
    for entry in session.execute(query).scalars():
        count += 1
        if entry.prev_hash != prev or _digest(prev, entry) != entry.hash:
            return ChainReport(False, count, entry.id, prev)
        prev = entry.hash
    return ChainReport(True, count, None, prev)
