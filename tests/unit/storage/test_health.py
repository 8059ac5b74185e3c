"""storage/health.py: the start-up check of a station's database file."""

from __future__ import annotations

from hexie_desktop.storage import health


def test_the_station_database_is_healthy_and_is_not_changed_by_the_check(station, digest):
    before = digest()
    found = health.check(station.paths.database)
    assert found.ok and found.kind == health.OK and found.sentence() == "数据库正常"
    assert digest() == before


def test_missing_empty_and_foreign_files_are_told_apart(tmp_path):
    assert health.check(tmp_path / "nothing.sqlite3").kind == health.MISSING
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    assert health.check(empty).kind == health.EMPTY
    foreign = tmp_path / "foreign.sqlite3"
    foreign.write_bytes(b"PK\x03\x04 not a database" * 100)
    found = health.check(foreign)
    assert found.kind == health.NOT_DATABASE and not found.ok
    assert "已损坏" in found.sentence()
    assert foreign.read_bytes().startswith(b"PK\x03\x04")  # looked at, never touched
