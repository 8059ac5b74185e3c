"""Schema migrations: a database made by the first revision upgrades with its data intact."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from hexie_desktop.core.errors import StorageError
from hexie_desktop.services.station import open_station
from hexie_desktop.storage import migrate
from hexie_desktop.storage.db import make_engine, sqlite_url


def _first_revision_station(root: Path) -> Path:
    """Build a station database exactly as revision 0001 left it, with a user and a case."""
    root.mkdir(parents=True)
    database = root / "hexie.sqlite3"
    engine = make_engine(sqlite_url(database))
    migrate.upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO settings (key, value) VALUES ('station.unit_code', '\"110105001\"'), "
                          "('station.unit_name', '\"东坝镇\"'), ('station.short_name', '\"东坝\"')"))
        conn.execute(text("INSERT INTO counters (name, value) VALUES ('change_seq', 1)"))
        conn.execute(text("INSERT INTO users (username, display_name, role, password_hash, active, failed_logins, "
                          "created_at) VALUES ('admin', '管理员', 'admin', 'x', 1, 0, '2026-01-01 00:00:00')"))
        conn.execute(text("INSERT INTO employers (id, origin, version, change_seq, updated_at, deleted, name) "
                          "VALUES ('e1', '110105001', 1, 1, '2026-01-01 00:00:00', 0, '某公司')"))
        conn.execute(text(
            "INSERT INTO cases (id, origin, version, change_seq, updated_at, deleted, number, year, seq, state, source,"
            " received_on, facts, main_category, collective, workers, respondent_id, claimed_cents) VALUES "
            "('c1', '110105001', 1, 1, '2026-01-01 00:00:00', 0, '（2026）东坝劳调字第1号', 2026, 1, 'registered',"
            " 'application', '2026-01-05', '事实', 'wages', 0, 1, 'e1', 100)"))
    engine.dispose()
    return root


def test_first_revision_database_upgrades_after_a_backup(tmp_path):
    root = _first_revision_station(tmp_path / "old")
    station = open_station(data_dir=root)
    assert migrate.current_revision(station.db.engine) == migrate.head_revision() != "0001"
    with station.db.engine.connect() as conn:
        assert conn.execute(text("SELECT number FROM cases")).scalar_one() == "（2026）东坝劳调字第1号"
        assert conn.execute(text("SELECT must_change_password FROM users")).scalar_one() == 0
    backups = list((root / "backups").glob("hexie-before-upgrade-*.sqlite3"))
    assert len(backups) == 1
    old = sqlite3.connect(backups[0])
    assert old.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    old.close()


def test_database_newer_than_the_program_is_refused(tmp_path):
    root = _first_revision_station(tmp_path / "new")
    conn = sqlite3.connect(root / "hexie.sqlite3")
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    with pytest.raises(StorageError, match="比本程序新"):
        open_station(data_dir=root)


def test_models_and_migrations_agree(tmp_path):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from hexie_desktop.storage.models import Base

    engine = make_engine(sqlite_url(tmp_path / "fresh.sqlite3"))
    migrate.upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    ignored = {"case_fts", "case_fts_data", "case_fts_idx", "case_fts_content", "case_fts_docsize", "case_fts_config"}
    diff = [d for d in diff if not (d[0] == "remove_table" and d[1].name in ignored)]
    assert diff == []


def test_quick_head_check_agrees_with_alembic():
    assert migrate.shipped_head() == migrate.head_revision()


def test_quick_head_check_steps_aside_for_what_it_cannot_read(tmp_path, monkeypatch):
    versions = tmp_path / "versions"
    versions.mkdir()
    (versions / "a.py").write_text('revision = "0001"\ndown_revision = None\n', encoding="utf-8")
    (versions / "b.py").write_text('revision: str = "0002"\ndown_revision: str | None = "0001"\n', encoding="utf-8")
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", tmp_path)
    assert migrate.shipped_head() == "0002"
    (versions / "c.py").write_text('revision = "0003"\ndown_revision = ("0002", "0001")\n', encoding="utf-8")
    assert migrate.shipped_head() is None                       # a merge: alembic decides
    (versions / "c.py").write_text('revision = "0003"\ndown_revision = "0001"\n', encoding="utf-8")
    assert migrate.shipped_head() is None                       # two heads
