"""storage/digest.py: the exchange digest kept in step with every write."""

from __future__ import annotations

from sqlalchemy import select

from hexie_desktop.storage import digest
from hexie_desktop.storage.models import Mediator


def test_a_service_write_keeps_the_digest_equal_to_a_full_recomputation(station):
    origin = station.info.unit_code
    with station.db.transaction() as session:
        before, counts = digest.holdings(session, origin)
        session.add(Mediator(name="新调解员", employment_mode="full_time", status="active"))
    with station.db.transaction() as session:
        after, counts_after = digest.holdings(session, origin)
        assert digest.verify(session) == []
    assert after != before and counts_after["mediators"] == counts.get("mediators", 0) + 1


def test_a_rolled_back_write_leaves_the_digest_as_it_was(station):
    origin = station.info.unit_code
    with station.db.transaction() as session:
        before = digest.holdings(session, origin)
    session = station.db.session()
    try:
        session.begin()
        row = session.execute(select(Mediator).limit(1)).scalar_one()
        row.name = "改名未保存"
        session.flush()
        session.rollback()
    finally:
        session.close()
    with station.db.transaction() as session:
        assert digest.holdings(session, origin) == before
        assert digest.verify(session) == []


def test_row_hashes_add_and_remove_exactly():
    delta = digest.new_delta()
    digest.add(delta, "cases", "o", "id-1", 1)
    digest.remove(delta, "cases", "o", "id-1", 1)
    assert all(rows == 0 and value % digest.MODULUS == 0 for rows, value in delta.values())
