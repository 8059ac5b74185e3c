"""storage/audit.py: the hash-chained audit log on a real station."""

from __future__ import annotations

from sqlalchemy import update

from hexie_desktop.storage import audit
from hexie_desktop.storage.models import AuditEntry


def test_an_entry_extends_the_chain_and_the_chain_verifies(station):
    with station.db.transaction() as session:
        before = audit.head(session)
        entry = audit.append(session, actor="测试", action="test.append", summary="一条")
        assert entry.prev_hash == before and audit.head(session) == entry.hash
    with station.db.read() as session:
        report = audit.verify(session)
        tail = audit.verify(session, after_id=entry.id - 1)
    assert report.ok and report.entries >= 1 and report.head == entry.hash
    assert tail.ok and tail.entries == 1


def test_an_edited_entry_breaks_the_chain_where_it_was_edited(station):
    with station.db.transaction() as session:
        first = audit.append(session, actor="测试", action="test.one")
        audit.append(session, actor="测试", action="test.two")
    with station.db.transaction() as session:
        session.execute(update(AuditEntry).where(AuditEntry.id == first.id).values(summary="篡改"))
    with station.db.read() as session:
        report = audit.verify(session)
    assert not report.ok and report.first_bad_id == first.id
