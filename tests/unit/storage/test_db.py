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


def test_a_transaction_with_savepoints_is_in_the_database_file_at_its_commit(station, tmp_path, caplog):
    """The durability promise (storage/db.py) holds for a transaction that used savepoints (imports do):
    the commit of the whole transaction is checkpointed into the file, a savepoint's end is not tried
    (it used to log "checkpoint after commit failed: SQLITE_LOCKED" and skip the real checkpoint)."""
    import shutil
    import sqlite3

    path = station.db.sqlite_path
    holder = sqlite3.connect(path)  # another open connection: closing ours is not the last close
    holder.execute("PRAGMA wal_autocheckpoint=0")
    holder.execute("SELECT count(*) FROM sqlite_master").fetchall()
    try:
        with station.db.transaction() as session:
            for n in range(3):
                with session.begin_nested():
                    session.add(Mediator(name=f"保存点{n}", employment_mode="full_time", status="active"))
            with pytest.raises(RuntimeError), session.begin_nested():
                session.add(Mediator(name="撤回", employment_mode="full_time", status="active"))
                session.flush()
                raise RuntimeError("roll back this savepoint only")
            session.add(Mediator(name="最后", employment_mode="full_time", status="active"))
        copy = tmp_path / "file-alone.sqlite3"
        shutil.copyfile(path, copy)  # the file without its -wal, as a lost -wal leaves it
        names = {row[0] for row in sqlite3.connect(copy).execute("SELECT name FROM mediators")}
    finally:
        holder.close()
    assert {"保存点0", "保存点1", "保存点2", "最后"} <= names
    assert "撤回" not in names
    assert "checkpoint after commit failed" not in caplog.text
