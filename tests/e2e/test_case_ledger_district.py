"""The fast case ledger of a district (cases of several townships) on SQLite and on PostgreSQL.

A district's ledger lists the cases of every township it holds; its rows come from the same
keyset-paged reader (``services/case_ledger``), whose SQL must page the same on both
dialects.  Each workbook re-read with openpyxl must equal, cell for cell, the one written from
the former reader by the former writer (``tests/unit/ledger_reference.py``), masked and
unmasked, for the whole station and for a period; pages of 7 cases cross many page boundaries.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select, update

from hexie_desktop.core import stats
from hexie_desktop.reports import ledgers
from hexie_desktop.services import case_ledger, report_export, reports
from hexie_desktop.services.demo import generate
from hexie_desktop.services.station import init_station
from hexie_desktop.services.users import actor_for
from hexie_desktop.storage.models import Case
from tests.unit.ledger_reference import cells, former_rows, former_writer, xml

TODAY = date(2026, 11, 21)
TOWNS = ("110105002", "110105003")


def _district(db_url: str | None, data_dir: Path | None):
    station = init_station(data_dir=data_dir, db_url=db_url, role="district", unit_code="110105",
                           unit_name="朝阳区劳动人事争议调解中心", short_name="朝阳", admin="admin",
                           password="secret123")
    ctx = station.context(actor_for(station.db, "admin"), today_fn=lambda: TODAY)
    generate(ctx, cases=120, seed=5)
    with station.db.transaction() as session:  # the cases of three townships, as a district holds them
        case_ids = list(session.execute(select(Case.id).order_by(Case.year, Case.seq)).scalars())
        for index, town in enumerate(TOWNS):
            session.execute(update(Case).where(Case.id.in_(case_ids[index::3])).values(origin=town))
    return station, ctx


@pytest.fixture(scope="module")
def sqlite_district(tmp_path_factory: pytest.TempPathFactory):
    """A district station on SQLite."""
    station, ctx = _district(None, tmp_path_factory.mktemp("district") / "station")
    yield ctx
    station.db.dispose()


@pytest.fixture(scope="module")
def pg_district(tmp_path_factory: pytest.TempPathFactory):
    """A district station on a real PostgreSQL server (started on loopback)."""
    from tests.e2e import postgres

    if postgres.binaries() is None:
        pytest.skip("SKIPPED LOUDLY: PostgreSQL binaries (initdb, pg_ctl) are not installed")
    pytest.importorskip("psycopg")
    server = postgres.PostgresServer.start()
    monkey = pytest.MonkeyPatch()
    monkey.setenv("HEXIE_DATA_DIR", str(tmp_path_factory.mktemp("pg-local")))
    try:
        station, ctx = _district(server.create_database("ledger"), None)
        assert station.db.engine.dialect.name == "postgresql"
        yield ctx
        station.db.dispose()
    finally:
        monkey.undo()
        server.stop()


def _assert_same(ctx, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, unmask: bool, period) -> None:
    monkeypatch.setattr(case_ledger, "CHUNK", 7)
    fast = tmp_path / "fast.xlsx"
    result = report_export.export(ctx, "cases", fast, unmask=unmask, period=period)
    former = reports.ledger(ctx, "cases", period=period, unmask=unmask)
    former.rows = former_rows(ctx, period, unmask, chunk_size=5)
    former_writer(monkeypatch)
    slow = tmp_path / "slow.xlsx"
    assert ledgers.write_file(slow, former) == result.rows > 10
    assert cells(fast) == cells(slow)
    assert xml(fast)["xl/worksheets/sheet1.xml"] == xml(slow)["xl/worksheets/sheet1.xml"]


CASES = [(False, None), (True, None), (False, stats.year(2026))]


@pytest.mark.parametrize("unmask,period", CASES)
def test_the_district_ledger_on_sqlite_equals_the_former_one(sqlite_district, tmp_path, monkeypatch, unmask, period):
    _assert_same(sqlite_district, tmp_path, monkeypatch, unmask, period)


@pytest.mark.postgres
@pytest.mark.parametrize("unmask,period", CASES)
def test_the_district_ledger_on_postgresql_equals_the_former_one(pg_district, tmp_path, monkeypatch, unmask, period):
    _assert_same(pg_district, tmp_path, monkeypatch, unmask, period)
