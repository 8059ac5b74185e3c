"""The audit chain's hash rule on plain values, without SQLAlchemy.

One entry's hash covers the previous entry's hash and the entry's own fields
(:func:`entry_hash`); :func:`first_break` walks entries in order and names the first one
that does not link.  ``storage.audit`` (the ORM's entries) and the start-up check
(``storage.health``, rows read through the sqlite3 driver) both use these two functions.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

GENESIS = "0" * 64

# The columns of ``audit_log`` in the order :func:`first_break` reads them.
COLUMNS = ("id", "at", "actor", "action", "entity", "entity_id", "summary", "prev_hash", "hash")


def entry_hash(prev_hash: str, at: datetime, actor: str, action: str, entity: str | None,
               entity_id: str | None, summary: str) -> str:
    """SHA-256 (hex) of the previous hash and the entry's fields, as JSON without spaces."""
    payload = json.dumps([prev_hash, at.isoformat(), actor, action, entity, entity_id, summary],
                         ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def first_break(rows: Iterable[tuple], prev: str = GENESIS, *,
                read_time: Callable[[Any], datetime] | None = None) -> tuple[int | None, int, str]:
    """(id of the first entry that does not link, or None; entries read; the last sound hash).

    ``rows`` are ``(id, at, actor, action, entity, entity_id, summary, prev_hash, hash)`` in id order,
    ``at`` a naive UTC datetime, or what ``read_time`` turns into one (an entry whose time it cannot
    read does not link); ``prev`` is the hash the first row must link to.
    """
    count = 0
    for entry_id, at, actor, action, entity, entity_id, summary, prev_hash, stored in rows:
        count += 1
        try:
            when = read_time(at) if read_time is not None else at
            linked = prev_hash == prev and entry_hash(prev, when, actor, action, entity, entity_id, summary) == stored
        except (TypeError, ValueError, AttributeError):
            linked = False
        if not linked:
            return entry_id, count, prev
        prev = stored
    return None, count, prev
