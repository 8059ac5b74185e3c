"""storage/audit_chain.py: the audit chain's hash rule and its walk, on plain values (no database)."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import datetime

import pytest

from hexie_desktop.storage import health
from hexie_desktop.storage.audit_chain import COLUMNS, GENESIS, entry_hash, first_break
from hexie_desktop.storage.plain import stored_datetime

AT = datetime(2026, 11, 20, 9, 30, 5)
FIELDS = {"prev_hash": GENESIS, "at": AT, "actor": "admin", "action": "case.register", "entity": "case",
          "entity_id": "c-1", "summary": "登记（2026）第1号"}


def _hash(**changes) -> str:
    values = {**FIELDS, **changes}
    return entry_hash(values["prev_hash"], values["at"], values["actor"], values["action"], values["entity"],
                      values["entity_id"], values["summary"])


def _chain(count: int, prev: str = GENESIS, first_id: int = 1) -> list[tuple]:
    """``count`` linked rows in :data:`COLUMNS` order."""
    rows = []
    for n in range(count):
        at = datetime(2026, 11, 20, 9, 0, n)
        digest = entry_hash(prev, at, f"user{n}", "act", "case" if n % 2 else None, None if n % 3 else f"id{n}",
                            f"第{n}条")
        rows.append((first_id + n, at, f"user{n}", "act", "case" if n % 2 else None,
                     None if n % 3 else f"id{n}", f"第{n}条", prev, digest))
        prev = digest
    return rows


def test_the_hash_is_sha256_of_the_fields_as_compact_json_and_stable():
    payload = json.dumps([GENESIS, "2026-11-20T09:30:05", "admin", "case.register", "case", "c-1", "登记（2026）第1号"],
                         ensure_ascii=False, separators=(",", ":"))
    assert _hash() == hashlib.sha256(payload.encode("utf-8")).hexdigest()
    # A fixed value: the hashes already stored in every station must keep verifying.
    assert _hash() == "f46fa4b1ba4aff43d6d21e7948b2d97ccfb949e66208049a097f920e58779635"


@pytest.mark.parametrize(("field", "other"), [
    ("prev_hash", "1" * 64), ("at", datetime(2026, 11, 20, 9, 30, 6)), ("at", AT.replace(microsecond=1)),
    ("actor", "admin2"), ("action", "case.edit"), ("entity", None), ("entity", "user"), ("entity_id", None),
    ("entity_id", "c-2"), ("summary", ""), ("summary", "登记（2026）第2号"),
])
def test_changing_any_one_field_changes_the_hash(field, other):
    assert _hash(**{field: other}) != _hash()


def test_fields_do_not_run_into_each_other():
    """Moving text from one field to the next (same concatenation) gives another hash."""
    assert _hash(actor="ad", action="mincase.register") != _hash()
    assert _hash(entity=None, entity_id="case") != _hash(entity="case", entity_id=None)


def test_columns_are_the_rows_order():
    assert COLUMNS == ("id", "at", "actor", "action", "entity", "entity_id", "summary", "prev_hash", "hash")


def test_a_sound_chain_has_no_break_and_ends_at_its_head():
    rows = _chain(6)
    assert first_break(rows) == (None, 6, rows[-1][-1])
    assert first_break([]) == (None, 0, GENESIS)
    # The tail of a chain links to the stored hash before it.
    assert first_break(rows[3:], rows[2][-1]) == (None, 3, rows[-1][-1])
    assert first_break(rows[3:])[0] == rows[3][0], "the tail does not link to the genesis hash"


@pytest.mark.parametrize("column", range(1, 8))
def test_an_edited_entry_is_the_first_break(column):
    rows = _chain(6)
    row = list(rows[3])
    value = row[column]
    row[column] = (value.replace(second=59) if isinstance(value, datetime)
                   else "x" if value is None else value + "x")
    rows[3] = tuple(row)
    bad, read, last_sound = first_break(rows)
    assert (bad, read, last_sound) == (4, 4, rows[2][-1])


def test_an_edited_stored_hash_breaks_at_that_entry():
    rows = _chain(4)
    rows[1] = (*rows[1][:-1], "0" * 64)
    assert first_break(rows)[0] == 2


def test_a_deleted_entry_breaks_the_chain_at_the_next_one():
    rows = _chain(6)
    del rows[2]
    assert first_break(rows)[:2] == (4, 3)
    assert first_break(_chain(6)[1:])[0] == 2, "the first entry deleted"


def test_reordered_entries_break_the_chain():
    rows = _chain(6)
    rows[2], rows[3] = rows[3], rows[2]
    assert first_break(rows)[0] == 4


def test_an_inserted_entry_breaks_the_chain():
    rows = _chain(4)
    forged = _chain(1, prev=rows[1][-1], first_id=99)[0]
    assert first_break([*rows[:2], forged, *rows[2:]])[0] == 3, "the entry after the forged one no longer links"


def test_read_time_turns_stored_text_into_times():
    rows = [(r[0], r[1].isoformat(sep=" "), *r[2:]) for r in _chain(5)]
    assert first_break(rows, read_time=datetime.fromisoformat)[0] is None
    with_micro = [(r[0], r[1] + ".000000", *r[2:]) for r in rows]  # as SQLAlchemy stores a DateTime
    assert first_break(with_micro, read_time=datetime.fromisoformat)[0] is None


@pytest.mark.parametrize("bad", ["", "not a time", "2026-13-01 00:00:00", None, 12345])
def test_a_time_that_cannot_be_read_is_a_break(bad):
    rows = [(r[0], r[1].isoformat(sep=" "), *r[2:]) for r in _chain(4)]
    rows[2] = (rows[2][0], bad, *rows[2][2:])
    assert first_break(rows, read_time=datetime.fromisoformat) == (3, 3, rows[1][-1])


def test_a_time_of_the_wrong_kind_without_read_time_is_a_break():
    rows = _chain(3)
    rows[1] = (rows[1][0], "2026-11-20 09:00:01", *rows[1][2:])  # text where a datetime is expected
    assert first_break(rows)[0] == 2


# ------------------------------------------------------------------ the start-up check's tail (storage.health)

def _log(rows: list[tuple]) -> sqlite3.Connection:
    """An ``audit_log`` table holding ``rows``, times stored as SQLAlchemy stores them."""
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE audit_log (id INTEGER PRIMARY KEY, at DATETIME, actor TEXT, action TEXT, entity TEXT, "
                 "entity_id TEXT, summary TEXT, prev_hash TEXT, hash TEXT)")
    conn.executemany("INSERT INTO audit_log VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     [(r[0], stored_datetime(r[1]), *r[2:]) for r in rows])
    return conn


def test_the_start_up_check_reads_the_tail_of_the_stored_chain(monkeypatch):
    monkeypatch.setattr(health, "AUDIT_TAIL", 4)
    conn = _log(_chain(10))
    try:
        assert health._audit_tail_bad(conn) is None
        conn.execute("UPDATE audit_log SET summary = 'forged' WHERE id = 8")
        assert health._audit_tail_bad(conn) == 8
        conn.execute("UPDATE audit_log SET summary = '第7条' WHERE id = 8")
        assert health._audit_tail_bad(conn) is None
        conn.execute("UPDATE audit_log SET actor = 'forged' WHERE id = 2")
        assert health._audit_tail_bad(conn) is None, "only the newest entries are read at every start"
        conn.execute("UPDATE audit_log SET hash = 'x' WHERE id = 6")  # the entry the tail links to
        assert health._audit_tail_bad(conn) == 7
        conn.execute("UPDATE audit_log SET at = 'garbage' WHERE id = 10")
        assert health._audit_tail_bad(conn) == 7
    finally:
        conn.close()


def test_the_start_up_check_reads_a_short_chain_from_the_genesis():
    rows = _chain(3)
    conn = _log(rows)
    try:
        assert health._audit_tail_bad(conn) is None
        conn.execute("DELETE FROM audit_log WHERE id = 1")
        assert health._audit_tail_bad(conn) == 2
    finally:
        conn.close()
    empty = _log([])
    try:
        assert health._audit_tail_bad(empty) is None
    finally:
        empty.close()
