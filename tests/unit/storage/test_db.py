"""storage/db.py: transactions, counters and the sync columns stamped on every write."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from hexie_desktop.storage.db import next_counter
from hexie_desktop.storage.models import Counter, Mediator


def test_counters_start_at_one_and_count_up_in_the_transaction(station):
    with station.db.transaction() as session:
        assert next_counter(session, "unit-test") == 1
        assert next_counter(session, "unit-test") == 2
    with station.db.read() as session:
        assert session.execute(select(Counter.value).where(Counter.name == "unit-test")).scalar_one() == 2


def test_a_failed_transaction_writes_nothing(station, digest):
    before = digest()
    with pytest.raises(RuntimeError), station.db.transaction() as session:
        next_counter(session, "unit-test")
        session.add(Mediator(name="半途", employment_mode="full_time", status="active"))
        session.flush()
        raise RuntimeError("stop")
    assert digest() == before


def test_a_write_stamps_origin_version_and_change_sequence(station):
    with station.db.transaction() as session:
        row = Mediator(name="盖章", employment_mode="full_time", status="active")
        session.add(row)
    with station.db.transaction() as session:
        first = session.get(Mediator, row.id)
        assert first.origin == station.info.unit_code and first.version == 1
        seq = first.change_seq
        first.name = "盖章二"
    with station.db.read() as session:
        again = session.get(Mediator, row.id)
        assert again.version == 2 and again.change_seq > seq
