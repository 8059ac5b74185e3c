"""storage/migrate.py: which schema revision a database is at, and upgrading it."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from hexie_desktop.core.errors import StorageError
from hexie_desktop.storage import migrate
from hexie_desktop.storage.db import make_engine, sqlite_url


def test_the_quick_read_of_the_head_agrees_with_alembic():
    assert migrate.shipped_head() == migrate.head_revision()
    assert migrate.is_known_revision(migrate.head_revision())
    assert not migrate.is_known_revision("9999_from_the_future")


def test_a_station_is_at_head_and_an_empty_file_needs_the_upgrade(station, tmp_path):
    assert migrate.current_revision(station.db.engine) == migrate.head_revision()
    assert not migrate.needs_upgrade(station.db.engine)
    engine = make_engine(sqlite_url(tmp_path / "fresh.sqlite3"))
    try:
        assert migrate.current_revision(engine) is None and migrate.needs_upgrade(engine)
        migrate.upgrade(engine)
        assert migrate.current_revision(engine) == migrate.head_revision()
    finally:
        engine.dispose()


def test_a_database_newer_than_the_program_is_refused_and_left_alone(station):
    with station.db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(StorageError, match="比本程序新"):
        migrate.needs_upgrade(station.db.engine)
    with station.db.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == "9999"
