"""The append-only, hash-chained audit log.

Each entry's hash covers the previous entry's hash and the entry's own fields, so any
edit, deletion, insertion or reordering breaks the chain from that point on.  Entries are
written in the same transaction as the change they describe.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from hexie_desktop.storage.audit_chain import COLUMNS, GENESIS, entry_hash, first_break
from hexie_desktop.storage.models import AuditEntry, utcnow


def _digest(prev_hash: str, entry: AuditEntry) -> str:
    return entry_hash(prev_hash, entry.at, entry.actor, entry.action, entry.entity, entry.entity_id, entry.summary)


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
    query = select(*(getattr(AuditEntry, c) for c in COLUMNS)).order_by(AuditEntry.id)
    if after_id is not None:
        prev = session.execute(select(AuditEntry.hash).where(AuditEntry.id == after_id)).scalar_one_or_none() or GENESIS
        query = query.where(AuditEntry.id > after_id)
    bad, count, prev = first_break(session.execute(query).tuples(), prev)
    return ChainReport(bad is None, count, bad, prev)
