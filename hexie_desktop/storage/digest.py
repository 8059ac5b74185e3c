"""The exchange digest, kept up to date in the same transaction as every write of an exchanged row.

The digest of what a station holds for one origin is the sum, mod 2^256, of
``sha256(table \\0 id \\0 version)`` over every exchanged row of that origin (tombstones
count), plus the row count per table (EXCHANGE.md "Protocol" 3).  A sum is order-independent
and can be updated one row at a time: a write subtracts the old version's hash and adds the
new one's.  So an export or a receipt reads a few rows of ``exchange_digests`` instead of
hashing every row the station holds — its cost follows the change, not the station's size.

Every write path updates it:

* ORM flushes (the services' own writes): :func:`_after_flush`, listening on the sessions of
  :class:`~hexie_desktop.storage.db.Database`, before anything is committed;
* Core writes of exchanged rows (the exchange applying a package, resolving a conflict,
  removing rows) call :func:`apply` with what they wrote, inside their transaction;
* bulk loads that do neither (the demo generator) call :func:`invalidate`.

The row ``("*", "*")`` marks the digest as maintained.  Without it (a fresh table after the
migration, a bulk load, a migration that changed exchanged rows), the next reader rebuilds it
from every row (:func:`rebuild`); a full export and a full import rebuild it too, so any drift
heals with the full export the receipt already recommends on a mismatch.  :func:`verify`
compares the kept digest with a full recomputation.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from functools import partial
from operator import methodcaller
from typing import Any, cast

from sqlalchemy import Table, delete, select
from sqlalchemy.orm import InstanceState, Session
from sqlalchemy.orm.attributes import instance_state

from hexie_desktop.storage.models import SYNCED_MODELS, ExchangeDigest, Synced

MODULUS = 1 << 256
MARKER = "*"
_DIGESTS = cast(Table, ExchangeDigest.__table__)


def _table(model: Any) -> Table:
    """The table of a synced model (or of an instance of one)."""
    return cast(Table, model.__table__)


TABLE_NAMES = tuple(_table(model).name for model in SYNCED_MODELS)
_TABLES = frozenset(TABLE_NAMES)
_READY = "hexie_digest_ready"

Delta = dict[tuple[str, str], list[int]]
"""(origin, table) → [row count change, hash sum change]."""


_big = partial(int.from_bytes, byteorder="big")
"""A SHA-256 digest as the number :func:`row_hash` adds."""


def row_hash(table: str, row_id: str, version: int) -> int:
    """The contribution of one (table, id, version) to a digest."""
    return int.from_bytes(hashlib.sha256(f"{table}\0{row_id}\0{version}".encode()).digest(), "big")


def hash_sum(table: str, ids: Iterable[str], versions: Iterable[int]) -> int:
    """Σ :func:`row_hash` over the rows ``ids`` with ``versions`` of ``table`` (not reduced mod 2^256)."""
    key = f"{table}\0{{}}\0{{}}".format  # the key of row_hash
    keys = map(str.encode, map(key, ids, versions))
    return sum(map(_big, map(methodcaller("digest"), map(hashlib.sha256, keys))))


def new_delta() -> Delta:
    """An empty delta to collect changes in."""
    return defaultdict(lambda: [0, 0])


def add(delta: Delta, table: str, origin: str | None, row_id: str, version: int | None) -> None:
    """Count one row version as now held."""
    if origin is None or version is None:
        return
    entry = delta[(origin, table)]
    entry[0] += 1
    entry[1] += row_hash(table, row_id, version)


def remove(delta: Delta, table: str, origin: str | None, row_id: str, version: int | None) -> None:
    """Count one row version as no longer held."""
    if origin is None or version is None:
        return
    entry = delta[(origin, table)]
    entry[0] -= 1
    entry[1] -= row_hash(table, row_id, version)


def is_ready(session: Session) -> bool:
    """True when the digest is maintained (its marker row exists); remembered for the transaction."""
    ready = session.info.get(_READY)
    if ready is None:
        table = _DIGESTS
        ready = session.connection().execute(select(table.c.rows).where(
            table.c.origin == MARKER, table.c.table_name == MARKER)).first() is not None
        session.info[_READY] = ready
    return ready


def forget(session: Session, *_args: object) -> None:
    """Forget what :func:`is_ready` remembered (at the end of every transaction)."""
    session.info.pop(_READY, None)


def apply(session: Session, delta: Delta) -> None:
    """Add ``delta`` to the kept digest, inside the caller's transaction (nothing to do while not maintained)."""
    changes = {key: value for key, value in delta.items() if value[0] or value[1] % MODULUS}
    if not changes or not is_ready(session):
        return
    connection = session.connection()
    table = _DIGESTS
    for (origin, name), (count, total) in sorted(changes.items()):
        query = select(table.c.rows, table.c.digest).where(table.c.origin == origin, table.c.table_name == name)
        if connection.dialect.name != "sqlite":
            query = query.with_for_update()
        found = connection.execute(query).first()
        if found is None:
            connection.execute(table.insert().values(origin=origin, table_name=name, rows=count,
                                                     digest=f"{total % MODULUS:064x}"))
        else:
            value = (int(found.digest, 16) + total) % MODULUS
            connection.execute(table.update().where(table.c.origin == origin, table.c.table_name == name)
                               .values(rows=found.rows + count, digest=f"{value:064x}"))


def invalidate(session: Session) -> None:
    """Stop maintaining the digest until the next :func:`rebuild` (after a bulk load that skips :func:`apply`)."""
    session.execute(delete(ExchangeDigest))
    session.info[_READY] = False


def compute(session: Session, origins: Iterable[str] | None = None, *,
            exclude: str | None = None) -> dict[tuple[str, str], tuple[int, int]]:
    """(origin, table) → (rows, hash sum) recomputed from every row (of ``origins``, or of all but ``exclude``)."""
    wanted = None if origins is None else list(origins)
    out: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    if wanted == []:
        return {}
    session.flush()  # what the ORM holds back is counted too (the driver's cursor does not autoflush)
    connection = session.connection()
    mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    where = "" if wanted is None else f" WHERE origin IN ({', '.join(mark for _origin in wanted)})"
    params = tuple(wanted or ())
    if wanted is None and exclude is not None:
        where, params = f" WHERE origin <> {mark}", (exclude,)
    cursor = connection.connection.cursor()  # the driver's own cursor: plain tuples, no result objects
    try:
        for name in TABLE_NAMES:
            cursor.execute(f'SELECT origin, id, version FROM "{name}"{where}', params)
            while part := cursor.fetchmany(20000):
                origins, ids, versions = zip(*part, strict=True)
                one = set(origins)
                groups = [(one.pop(), ids, versions)] if len(one) == 1 else _by_origin(part)
                for origin, group_ids, group_versions in groups:
                    entry = out[(origin, name)]
                    entry[0] += len(group_ids)
                    entry[1] += hash_sum(name, group_ids, group_versions)
    finally:
        cursor.close()
    return {key: (rows, total % MODULUS) for key, (rows, total) in out.items()}


def _by_origin(part: Any) -> list[Any]:
    """(origin, ids, versions) per origin of ``part`` (rows of several townships)."""
    grouped: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for origin, row_id, version in part:
        grouped[origin].append((row_id, version))
    return [(origin, *zip(*pairs, strict=True)) for origin, pairs in grouped.items()]


def rebuild(session: Session, origins: Iterable[str] | None = None, *,
            known: tuple[str, dict[str, tuple[int, int]]] | None = None) -> None:
    """Recompute the kept digest from every row (of ``origins`` only, when it is already maintained).

    ``known`` (origin, table → (rows, hash sum)) gives one origin's sums counted over all its rows
    already (see :func:`replace`); a whole rebuild then reads every other origin's rows only.
    """
    table = _DIGESTS
    partial = origins is not None and is_ready(session)
    wanted = list(origins) if partial and origins is not None else None
    if wanted is None:
        session.execute(delete(table))
    else:
        session.execute(delete(table).where(table.c.origin.in_(wanted)))
    sums = compute(session, wanted) if wanted is not None or known is None else {
        **compute(session, exclude=known[0]),
        **{(known[0], name): (count, total % MODULUS) for name, (count, total) in known[1].items() if count}}
    rows = [{"origin": origin, "table_name": name, "rows": count, "digest": f"{total:064x}"}
            for (origin, name), (count, total) in sorted(sums.items())]
    if wanted is None:
        rows.append({"origin": MARKER, "table_name": MARKER, "rows": 0, "digest": "0" * 64})
    if rows:
        session.execute(table.insert(), rows)
    session.info[_READY] = True


def replace(session: Session, origin: str, totals: dict[str, tuple[int, int]]) -> None:
    """Store ``totals`` (table → (rows, hash sum)), counted over every row of ``origin``, as its kept digest.

    For a pass that reads all of an origin's rows anyway (a full export), or knows them all (the
    first full import of a township): the same result as :func:`rebuild` for that origin without
    reading the rows a second time (when the digest is not maintained yet, the other origins' rows
    are read to rebuild it).
    """
    if not is_ready(session):
        rebuild(session, known=(origin, totals))
        return
    table = _DIGESTS
    session.execute(delete(table).where(table.c.origin == origin))
    rows = [{"origin": origin, "table_name": name, "rows": count, "digest": f"{total % MODULUS:064x}"}
            for name, (count, total) in sorted(totals.items()) if count]
    if rows:
        session.execute(table.insert(), rows)


def holdings(session: Session, origin: str) -> tuple[str, dict[str, int]]:
    """Digest of every (table, id, version) of ``origin`` held here, and row counts per table.

    Read from the kept digest (rebuilt first when it is not maintained); the same value as a
    full recomputation (:func:`verify`).  Call inside a write transaction.
    """
    if not is_ready(session):
        rebuild(session)
    table = _DIGESTS
    total = 0
    counts: dict[str, int] = {}
    for name, rows, digest in session.execute(select(table.c.table_name, table.c.rows, table.c.digest)
                                              .where(table.c.origin == origin)):
        if name not in _TABLES:
            continue
        total += int(digest, 16)
        if rows:
            counts[name] = rows
    ordered = {name: counts[name] for name in TABLE_NAMES if name in counts}
    return f"{total % MODULUS:064x}", ordered


def holdings_counted(session: Session, origin: str) -> tuple[str, dict[str, int]]:
    """:func:`holdings`, after checking the kept row counts against the rows really held.

    Each table's rows of ``origin`` are counted (an index count, no row is read or hashed); a
    count that differs — rows lost or added behind the program's back, e.g. by hand in the
    database — rebuilds that origin's digest from its rows first, so the drift shows in the
    receipt instead of being covered up.  The district uses this for its receipts.
    """
    _digest, kept = holdings(session, origin)
    held = counts(session, origin)
    if any(held.get(name, 0) != kept.get(name, 0) for name in TABLE_NAMES):
        rebuild(session, [origin])
    return holdings(session, origin)


def counts(session: Session, origin: str) -> dict[str, int]:
    """Rows of ``origin`` per exchanged table: one statement of index counts, sent through the driver."""
    session.flush()
    connection = session.connection()
    mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    sql = " UNION ALL ".join(f"SELECT '{name}', count(*) FROM \"{name}\" WHERE origin = {mark}" for name in TABLE_NAMES)
    cursor = connection.connection.cursor()
    try:
        cursor.execute(sql, (origin,) * len(TABLE_NAMES))
        return {name: count for name, count in cursor.fetchall()}
    finally:
        cursor.close()


def verify(session: Session) -> list[str]:
    """Differences between the kept digest and a full recomputation (empty: consistent or not maintained)."""
    if not is_ready(session):
        return []
    table = _DIGESTS
    kept = {(o, n): (r, int(d, 16)) for o, n, r, d in session.execute(
        select(table.c.origin, table.c.table_name, table.c.rows, table.c.digest)) if o != MARKER}
    kept = {key: value for key, value in kept.items() if value != (0, 0)}
    fresh = compute(session)
    return [f"{origin} {name}: kept {kept.get((origin, name))}, recomputed {fresh.get((origin, name))}"
            for origin, name in sorted(set(kept) | set(fresh)) if kept.get((origin, name)) != fresh.get((origin, name))]


def _after_flush(session: Session, _context: object) -> None:
    """Bring the kept digest up to date with the exchanged rows this flush inserted, changed or deleted."""
    delta = new_delta()
    for obj in session.new:
        if isinstance(obj, Synced):
            add(delta, _table(obj).name, obj.origin, obj.id, obj.version)
    for obj in session.dirty:
        if isinstance(obj, Synced):
            state = instance_state(obj)
            old_origin, old_version = _before(state, "origin"), _before(state, "version")
            if (old_origin, old_version) != (obj.origin, obj.version):
                remove(delta, _table(obj).name, old_origin, obj.id, old_version)
                add(delta, _table(obj).name, obj.origin, obj.id, obj.version)
    for obj in session.deleted:
        if isinstance(obj, Synced):
            state = instance_state(obj)
            remove(delta, _table(obj).name, _before(state, "origin"), obj.id, _before(state, "version"))
    if delta:
        apply(session, delta)


def _before(state: InstanceState[Synced], key: str) -> Any:
    """The value of attribute ``key`` as the database held it before this flush."""
    history = state.attrs[key].history
    if history.deleted:
        return history.deleted[0]
    if history.unchanged:
        return history.unchanged[0]
    return None
