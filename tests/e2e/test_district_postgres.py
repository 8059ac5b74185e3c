"""The district on a real PostgreSQL server (started here on loopback): same models, same rules.

These run in the default suite.  They skip — loudly — only when the PostgreSQL binaries or
psycopg are really absent; ``scripts/setup.sh --test`` installs both.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hexie_desktop.exchange.errors import E_AUTH, E_DUPLICATE
from hexie_desktop.services import case_actions, cases, maintenance, registries
from hexie_desktop.services import exchange as ex
from tests.e2e import postgres
from tests.e2e.exchange_support import (
    PASSPHRASE,
    PASSWORD,
    TOWN_CODE,
    closing_cli,
    db_digest,
    make_pair,
    register,
    rows_of,
)

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def server():
    if postgres.binaries() is None:
        pytest.skip("SKIPPED LOUDLY: PostgreSQL binaries (initdb, pg_ctl) are not installed — "
                    "run scripts/setup.sh --test to test the district on PostgreSQL")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.skip("SKIPPED LOUDLY: psycopg is not installed — run scripts/setup.sh --test "
                    "(pip install -e '.[test,postgres]')")
    running = postgres.PostgresServer.start()
    yield running
    running.stop()


@pytest.fixture
def local_dir(tmp_path: Path, monkeypatch) -> Path:
    """The PostgreSQL district keeps its keys and exchange files under HEXIE_DATA_DIR."""
    monkeypatch.setenv("HEXIE_DATA_DIR", str(tmp_path / "local"))
    return tmp_path / "local"


def test_round_trip_with_the_district_on_postgresql(server, local_dir, tmp_path):
    pair = make_pair(tmp_path / "pair", db_url=server.create_database("district_round_trip"))
    try:
        assert pair.dist.db.engine.dialect.name == "postgresql"
        assert (local_dir / "district-110105" / "keys" / "station-keys.json").is_file()
        numbers = register(pair.tctx, "张三", "李四", "欧阳娜娜")
        employer = registries.save_record(pair.tctx, "employers", {"name": "甲公司", "address": "一号"})
        first = pair.export("p1.hxp")
        before = db_digest(pair.dist)
        dry = pair.to_district(*first.paths, dry_run=True)[0]
        assert dry.ok and dry.summary.totals().new == first.rows
        assert db_digest(pair.dist) == before
        applied = pair.to_district(*first.paths)[0]
        assert applied.ok, applied.error
        assert rows_of(pair.dist, TOWN_CODE) == rows_of(pair.town, TOWN_CODE)
        assert pair.to_township(applied.receipt_path)[0].ok
        assert pair.to_district(*first.paths)[0].code == E_DUPLICATE

        case_actions.apply(pair.tctx, numbers[0], "accept", {"on": "2026-09-17"})
        second, applied2, receipt = pair.sync("p2.hxp")
        assert second.kind == "changes" and second.rows < first.rows
        assert receipt.messages and not ex.overview(pair.tctx).full_recommended
        assert rows_of(pair.dist, TOWN_CODE) == rows_of(pair.town, TOWN_CODE)

        assert [r.number for r in cases.list_cases(pair.dctx, cases.CaseFilter(search="欧阳娜"))] == [numbers[2]]
        assert cases.count_cases(pair.dctx, cases.CaseFilter(origin=TOWN_CODE, state="accepted")) == 1

        # A restore at the township reaches a PostgreSQL district the same way.
        backup = maintenance.backup(pair.tctx, pair.town)
        registries.save_record(pair.tctx, "employers", {"name": "甲公司", "address": "二号"}, employer["id"])
        pair.sync("p3.hxp")
        maintenance.restore(pair.tctx, pair.town, backup)
        for address in ("三号", "四号"):
            registries.save_record(pair.tctx, "employers", {"name": "甲公司", "address": address}, employer["id"])
        applied4 = pair.to_district(*pair.export("p4.hxp").paths)[0]
        assert applied4.ok and applied4.summary.tables["employers"].conflicts == 1
        conflict = ex.conflicts(pair.dctx)[0]
        assert conflict.stored["address"] == "二号" and conflict.incoming["address"] == "四号"
        ex.resolve_conflict(pair.dctx, conflict.id, take_township=True)

        # A tampered package changes nothing on PostgreSQL either.
        bad = tmp_path / "bad.hxp"
        data = bytearray((tmp_path / "pair" / "p4.hxp").read_bytes())
        data[len(data) // 3] ^= 0x01
        bad.write_bytes(bytes(data))
        before = db_digest(pair.dist)
        assert pair.to_district(bad)[0].code == E_AUTH
        assert db_digest(pair.dist) == before
    finally:
        pair.dispose()


@pytest.fixture
def run_cli(monkeypatch):
    """``cli.main`` that closes the stations it opened (pooled PostgreSQL connections included)."""
    return closing_cli(monkeypatch)


def test_cli_district_init_on_postgresql(server, local_dir, tmp_path, monkeypatch, capsys, run_cli):
    url = server.create_database("district_cli")
    monkeypatch.setenv("HEXIE_PASSWORD", PASSWORD)
    monkeypatch.setenv("HEXIE_KEY_PASSPHRASE", PASSPHRASE)
    assert run_cli(["--db-url", url, "init", "--role", "district", "--unit-code", "110105",
                     "--unit-name", "朝阳区劳动人事争议仲裁院", "--admin", "admin"]) == 0
    town = tmp_path / "town"
    assert run_cli(["--data-dir", str(town), "init", "--role", "township", "--unit-code", TOWN_CODE,
                     "--unit-name", "东坝镇", "--admin", "admin"]) == 0
    assert run_cli(["--db-url", url, "keys", "card", "--out", str(tmp_path / "d.card")]) == 0
    assert run_cli(["--data-dir", str(town), "keys", "card", "--out", str(tmp_path / "t.card")]) == 0
    for where, card in ((["--data-dir", str(town)], tmp_path / "d.card"), (["--db-url", url], tmp_path / "t.card")):
        fingerprint = ex.read_card(card).fingerprint  # as read out over the phone
        assert run_cli([*where, "keys", "trust", str(card), "--fingerprint", fingerprint]) == 0
    assert run_cli(["--data-dir", str(town), "demo", "--cases", "20"]) == 0
    assert run_cli(["--data-dir", str(town), "export", "--out", str(tmp_path / "p1.hxp")]) == 0
    capsys.readouterr()
    assert run_cli(["--db-url", url, "import", str(tmp_path / "p1.hxp")]) == 0
    out = capsys.readouterr().out
    assert "cases\t20\t0\t0\t0\t0" in out and "回执" in out
    receipt = next((local_dir / "district-110105" / "exchange" / "outbox").glob("*.hxp"))
    assert run_cli(["--data-dir", str(town), "import", str(receipt)]) == 0
    assert "区里已确认收到第1号数据包" in capsys.readouterr().out


def test_a_large_first_package_arrives_by_copy_with_every_row_and_the_digest(server, local_dir, tmp_path, monkeypatch):
    """Tables of COPY_MIN_ROWS rows or more go to PostgreSQL with COPY (psycopg 3): same rows, same digest."""
    from hexie_desktop.exchange import apply as applying
    from hexie_desktop.services.demo import generate
    from hexie_desktop.storage import digest

    copied: list[str] = []
    for name in ("_copy_rows", "_copy_tuples"):  # rows as dicts (per-row path) or tuples (column fast path)
        real = getattr(applying, name)
        monkeypatch.setattr(applying, name, lambda c, spec, values, real=real: (copied.append(spec.name),
                                                                                 real(c, spec, values)))
    pair = make_pair(tmp_path / "pair", db_url=server.create_database("district_copy"))
    try:
        generate(pair.tctx, cases=40, seed=5)
        _exported, applied, receipt = pair.sync("p1.hxp")
        assert applied.summary.totals().rejected == 0
        assert {"parties", "case_events"} <= set(copied)
        assert rows_of(pair.dist, TOWN_CODE) == rows_of(pair.town, TOWN_CODE)
        assert len(receipt.messages) == 1, receipt.messages  # the district's digest equals the township's
        with pair.dist.db.transaction() as session:
            assert digest.verify(session) == []
    finally:
        pair.dispose()
