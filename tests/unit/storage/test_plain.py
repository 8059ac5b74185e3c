"""storage/plain.py: the station file through the sqlite3 driver alone, written as the ORM path writes it."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Column, DateTime, Integer, MetaData, Table, create_engine, insert, select, text
from sqlalchemy.dialects import sqlite as sqlite_dialect

from hexie_desktop.services import settings
from hexie_desktop.storage import audit, health, plain
from hexie_desktop.storage.models import AuditEntry

MOMENTS = [
    datetime(2026, 11, 20, 9, 30, 5),
    datetime(2026, 11, 20, 9, 30, 5, 1),
    datetime(2026, 11, 20, 23, 59, 59, 999999),
    datetime(2026, 1, 1, 0, 0, 0, 0),
    datetime(1999, 12, 31, 23, 59, 59, 500000),
    datetime(2, 3, 4, 5, 6, 7, 80),
    datetime(9999, 12, 31, 23, 59, 59, 999999),
]


@pytest.mark.parametrize("moment", MOMENTS)
def test_stored_datetime_is_sqlalchemys_sqlite_datetime_text(moment):
    bind = DateTime().dialect_impl(sqlite_dialect.dialect()).bind_processor(sqlite_dialect.dialect())
    assert plain.stored_datetime(moment) == bind(moment)


def test_stored_datetime_is_what_the_orm_writes_and_reads_back(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 't.sqlite3'}")
    table = Table("t", MetaData(), Column("id", Integer, primary_key=True), Column("at", DateTime))
    table.metadata.create_all(engine)
    with engine.begin() as conn:
        conn.execute(insert(table), [{"id": i, "at": m} for i, m in enumerate(MOMENTS)])
    with engine.connect() as conn:
        raw = [r[0] for r in conn.execute(text("SELECT at FROM t ORDER BY id"))]
    engine.dispose()
    assert raw == [plain.stored_datetime(m) for m in MOMENTS]
    # Text written by the driver reads back through the ORM as the same time.
    conn = sqlite3.connect(tmp_path / "t.sqlite3")
    with conn:
        conn.executemany("UPDATE t SET at = ? WHERE id = ?",
                         [(plain.stored_datetime(m), i) for i, m in enumerate(MOMENTS)])
    conn.close()
    engine = create_engine(f"sqlite:///{tmp_path / 't.sqlite3'}")
    with engine.connect() as conn:
        assert list(conn.execute(select(table.c.at).order_by(table.c.id)).scalars()) == MOMENTS
    engine.dispose()


def test_utcnow_is_naive_utc():
    before = datetime.now(UTC).replace(tzinfo=None)
    now = plain.utcnow()
    assert now.tzinfo is None and before <= now <= before + timedelta(seconds=5)


def test_a_connection_has_the_stations_settings(tmp_path):
    conn = plain.connect(tmp_path / "x.sqlite3")
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == plain.BUSY_TIMEOUT_MS
        assert conn.execute("PRAGMA trusted_schema").fetchone()[0] == 0
        assert conn.isolation_level is None, "transactions are explicit"
    finally:
        conn.close()


def test_the_orm_engine_applies_the_same_pragmas(station):
    """One list of connection settings for both paths (storage.db applies plain.PRAGMAS)."""
    def read(conn) -> list:
        return [conn.execute(f"PRAGMA {name}").fetchone()[0]
                for name in ("journal_mode", "foreign_keys", "synchronous", "busy_timeout", "trusted_schema")]

    with station.db.engine.connect() as orm:
        through_orm = read(orm.connection.driver_connection)
    conn = plain.connect(station.paths.database)
    try:
        assert read(conn) == through_orm == ["wal", 1, 2, plain.BUSY_TIMEOUT_MS, 0]
    finally:
        conn.close()


def _raw_audit(database) -> list[tuple]:
    conn = sqlite3.connect(database)
    try:
        return conn.execute("SELECT * FROM audit_log ORDER BY id").fetchall()
    finally:
        conn.close()


def test_append_audit_writes_what_storage_audit_append_writes(station_factory, monkeypatch):
    """Same rows, byte for byte (time cut to the second, hashes, links), in two copies of one station."""
    at = datetime(2026, 11, 20, 9, 30, 5, 654321)
    entries = [dict(actor="admin", action="login.ok", entity="user", entity_id="admin"),
               dict(actor="张登记", action="test.plain", summary="第二条：含“中文”与\n换行"),
               dict(actor="?", action="login.unknown_user")]
    by_driver, by_orm = station_factory(), station_factory()
    conn = plain.connect(by_driver.paths.database)
    try:
        with plain.writing(conn):
            digests = [plain.append_audit(conn, at=at, **entry) for entry in entries]
    finally:
        conn.close()
    monkeypatch.setattr(audit, "utcnow", lambda: at)
    with by_orm.db.transaction() as session:
        made = [audit.append(session, **entry).hash for entry in entries]
    assert digests == made
    assert _raw_audit(by_driver.paths.database) == _raw_audit(by_orm.paths.database)
    with by_driver.db.read() as session:
        report = audit.verify(session)
        last = session.execute(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).scalar_one()
        assert (last.at, last.actor, last.action, last.entity, last.entity_id, last.summary, last.hash) == (
            at.replace(microsecond=0), "?", "login.unknown_user", None, None, "", digests[-1])
    assert report.ok and report.head == digests[-1]
    by_driver.db.dispose()
    assert health.check(by_driver.paths.database).ok, "the start-up check's audit tail reads the entries"


def test_append_audit_on_an_empty_log_links_to_genesis(tmp_path):
    conn = plain.connect(tmp_path / "a.sqlite3")
    try:
        conn.execute("CREATE TABLE audit_log (id INTEGER PRIMARY KEY, at DATETIME, actor TEXT, action TEXT, "
                     "entity TEXT, entity_id TEXT, summary TEXT, prev_hash TEXT, hash TEXT UNIQUE)")
        with plain.writing(conn):
            first = plain.append_audit(conn, at=datetime(2026, 1, 1), actor="a", action="x")
            second = plain.append_audit(conn, at=datetime(2026, 1, 1), actor="a", action="x")
        rows = conn.execute("SELECT prev_hash, hash FROM audit_log ORDER BY id").fetchall()
    finally:
        conn.close()
    assert rows == [("0" * 64, first), (first, second)] and first != second


def test_writing_rolls_back_everything_when_the_work_fails(station):
    database = station.paths.database
    before = _raw_audit(database)
    conn = plain.connect(database)
    try:
        with pytest.raises(RuntimeError, match="stop"), plain.writing(conn):
            plain.append_audit(conn, at=datetime(2026, 11, 20), actor="admin", action="test.rollback")
            conn.execute("UPDATE users SET failed_logins = 4")
            conn.execute("INSERT INTO settings (key, value) VALUES ('archive.retention_years', '12')")
            raise RuntimeError("stop")
        assert not conn.in_transaction
        assert conn.execute("SELECT max(failed_logins) FROM users").fetchone()[0] == 0
        assert plain.setting(conn, "archive.retention_years", "unset") == "unset"
    finally:
        conn.close()
    assert _raw_audit(database) == before


def test_writing_holds_the_write_lock_from_its_start(station):
    database = station.paths.database
    first, second = plain.connect(database), plain.connect(database)
    second.execute("PRAGMA busy_timeout=0")
    try:
        with plain.writing(first):
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                second.execute("BEGIN IMMEDIATE")
        second.execute("BEGIN IMMEDIATE")
        second.execute("ROLLBACK")
    finally:
        first.close()
        second.close()


def test_a_committed_write_is_in_the_main_file_not_only_in_the_wal(station, tmp_path):
    """The durability promise of storage.db: the WAL is copied into the file after the commit."""
    station.db.dispose()
    database = station.paths.database
    conn = plain.connect(database)
    reader = plain.connect(database)  # another connection keeps the WAL from being removed at close
    try:
        reader.execute("SELECT count(*) FROM users").fetchone()
        with plain.writing(conn):
            plain.append_audit(conn, at=datetime(2026, 11, 20), actor="admin", action="test.durable")
        copy = tmp_path / "main-file-only.sqlite3"
        shutil.copyfile(database, copy)  # without the -wal beside it
        assert database.with_name(database.name + "-wal").exists()
    finally:
        conn.close()
        reader.close()
    check = sqlite3.connect(copy)
    try:
        assert check.execute("SELECT action FROM audit_log ORDER BY id DESC LIMIT 1").fetchone() == ("test.durable",)
    finally:
        check.close()


def test_reading_is_a_transaction_that_writes_nothing(station):
    conn = plain.connect(station.paths.database)
    try:
        with plain.reading(conn):
            assert conn.in_transaction
            conn.execute("UPDATE users SET failed_logins = 3")  # would be lost: reading rolls back
        assert not conn.in_transaction
        assert conn.execute("SELECT max(failed_logins) FROM users").fetchone()[0] == 0
    finally:
        conn.close()


def test_setting_is_the_stored_json_else_the_default(station, ctx):
    conn = plain.connect(station.paths.database)
    try:
        assert plain.setting(conn, "deadlines", "default") == "default"
        assert plain.setting(conn, "no.such.key", {"x": 1}) == {"x": 1}
        changed = {**settings.DEFAULTS["deadlines"], "mediation_days": 20}
        settings.update(ctx, {"deadlines": changed, "calendar.overrides": {"2026-10-10": True, "2026-11-02": False},
                              "station.address": "东坝路“1”号"})
        assert plain.setting(conn, "deadlines", None) == changed
        assert plain.setting(conn, "calendar.overrides", None) == {"2026-10-10": True, "2026-11-02": False}
        with station.db.read() as session:
            for key in ("deadlines", "calendar.overrides", "station.address", "station.unit_name"):
                assert plain.setting(conn, key, settings.DEFAULTS[key]) == settings.get(session, key)
    finally:
        conn.close()


def test_is_damage_names_damage_and_disk_errors_only(tmp_path):
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4096)
    conn = sqlite3.connect(junk)
    try:
        with pytest.raises(sqlite3.DatabaseError) as damaged:
            conn.execute("SELECT * FROM sqlite_master").fetchall()
    finally:
        conn.close()
    assert plain.is_damage(damaged.value)
    fine = sqlite3.connect(":memory:")
    try:
        with pytest.raises(sqlite3.OperationalError) as missing:
            fine.execute("SELECT * FROM no_such_table")
    finally:
        fine.close()
    assert not plain.is_damage(missing.value)
    assert not plain.is_damage(ValueError("x"))


class _CheckpointFails:
    """A connection whose copy of the WAL into the file fails (e.g. a full disk): everything else passes through."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def execute(self, sql: str, *args):
        if "wal_checkpoint" in sql:
            error = sqlite3.OperationalError("disk I/O error")
            error.sqlite_errorname = "SQLITE_IOERR_WRITE"
            raise error
        return self.conn.execute(sql, *args)


def test_a_failed_checkpoint_after_the_commit_keeps_the_commit_and_is_logged(station, caplog):
    conn = plain.connect(station.paths.database)
    try:
        with caplog.at_level("WARNING", logger=plain.__name__), plain.writing(_CheckpointFails(conn)):
            conn.execute("UPDATE users SET failed_logins = 3 WHERE username = 'clerk'")
        assert not conn.in_transaction
    finally:
        conn.close()
    check = sqlite3.connect(station.paths.database)
    try:
        assert check.execute("SELECT failed_logins FROM users WHERE username = 'clerk'").fetchone() == (3,)
    finally:
        check.close()
    assert "SQLITE_IOERR_WRITE" in caplog.text
