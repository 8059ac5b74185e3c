"""Benchmark of the two things a person does most, on a large station (not part of the test run).

Run:  .venv/bin/python tests/perf/bench_actions.py --data-dir DIR [--cases 100000] [--repeat 30]

``DIR`` is reused when it already holds a station (else created and filled here); each run
adds ``repeat`` cases to it.  Measured through the services, as the intake screen and the
case detail call them:

* intake save: ``cases.register`` of one valid case (parse and check, employer lookup,
  number, parties, claims, first event, search index, audit entry, commit);
* a case action: ``case_actions.apply(…, "accept")`` on such a case (checks, state, event,
  audit entry, commit).

The baseline, in the same run on the same database file: a plain ``sqlite3`` transaction
inserting the same number of rows (case, party, claim, event, audit) with the station's
pragmas (WAL, synchronous=FULL), and one updating a case and inserting an event and an
audit row.  Medians; the table is written to docs/PERFORMANCE.md (section "Everyday actions").
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import time
import uuid
from pathlib import Path

import perfdoc

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
PASSWORD = "bench123"


def _station(data_dir: Path, cases: int):
    from hexie_desktop.services.demo import generate
    from hexie_desktop.services.station import init_station, open_station
    from hexie_desktop.services.users import actor_for

    if (data_dir / "hexie.sqlite3").exists():
        return open_station(data_dir=data_dir)
    station = init_station(data_dir=data_dir, db_url=None, role="township", unit_code="110105001",
                           unit_name="东坝镇劳动人事争议调解中心", short_name="东坝", admin="admin", password=PASSWORD,
                           first_mediator="王调解")
    generate(station.context(actor_for(station.db, "admin")), cases=cases, seed=1)
    return station


def _a_mediator(station) -> str:
    """The name of an active mediator of the station (a reused station may not have 王调解)."""
    from sqlalchemy import select

    from hexie_desktop.storage.models import Mediator

    with station.db.read() as session:
        return session.execute(select(Mediator.name).where(Mediator.status == "active", Mediator.deleted.is_(False))
                               .order_by(Mediator.name).limit(1)).scalar_one()


def _raw(database: Path, repeat: int) -> tuple[float, float]:
    """Median seconds of a plain sqlite3 insert transaction and of an update transaction of the same size."""
    conn = sqlite3.connect(database, isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON"):
        conn.execute(f"PRAGMA {pragma}")
    conn.execute("CREATE TABLE IF NOT EXISTS bench_raw (id TEXT PRIMARY KEY, kind TEXT, a TEXT, b TEXT, n INTEGER)")
    inserts, updates = [], []
    for i in range(repeat):
        key = str(uuid.uuid4())
        start = time.perf_counter()
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO bench_raw VALUES (?,?,?,?,?)", [
            (key if k == 0 else str(uuid.uuid4()), kind, "（2026）东坝劳调字第1号", "张三", i)
            for k, kind in enumerate(("case", "party", "claim", "event", "search", "audit"))])
        conn.execute("COMMIT")
        inserts.append(time.perf_counter() - start)
        start = time.perf_counter()
        conn.execute("BEGIN")
        conn.execute("UPDATE bench_raw SET b = 'accepted', n = n + 1 WHERE id = ?", (key,))
        conn.executemany("INSERT INTO bench_raw VALUES (?,?,?,?,?)",
                         [(str(uuid.uuid4()), kind, "accept", "负责人", i) for kind in ("event", "audit")])
        conn.execute("COMMIT")
        updates.append(time.perf_counter() - start)
    conn.execute("DROP TABLE bench_raw")
    conn.close()
    return statistics.median(inserts), statistics.median(updates)


def main() -> None:
    """Run the benchmark and update docs/PERFORMANCE.md."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    from hexie_desktop.services import case_actions, cases
    from hexie_desktop.services.users import actor_for
    from tests.e2e.helpers import applicant, case_payload

    station = _station(args.data_dir, args.cases)
    ctx = station.context(actor_for(station.db, "admin"))
    mediator = _a_mediator(station)
    total = cases.count_cases(ctx, cases.CaseFilter())
    today = ctx.today.isoformat()
    cases.register(ctx, {"cases": [case_payload(received_on=today)]})  # warm-up (first statements compile)
    saves, acts = [], []
    for i in range(args.repeat):
        payload = case_payload(received_on=today, applicants=[applicant(name=f"测试{chr(0x4e00 + i)}")])
        start = time.perf_counter()
        number = cases.register(ctx, {"cases": [payload]})[0].number
        saves.append(time.perf_counter() - start)
        start = time.perf_counter()
        case_actions.apply(ctx, number, "accept", {"mediator": mediator})
        acts.append(time.perf_counter() - start)
    station.db.dispose()
    raw_insert, raw_update = _raw(args.data_dir / "hexie.sqlite3", args.repeat)
    ms = lambda s: f"{s * 1000:.1f} ms"  # noqa: E731
    rows = [
        ("intake save: register one case", f"median {ms(statistics.median(saves))} (max {ms(max(saves))})",
         f"plain sqlite3 transaction inserting 6 rows: {ms(raw_insert)}"),
        ("case action: accept", f"median {ms(statistics.median(acts))} (max {ms(max(acts))})",
         f"plain sqlite3 transaction, 1 update + 2 inserts: {ms(raw_update)}"),
    ]
    section = (f"## Everyday actions\n\nMeasured by `.venv/bin/python tests/perf/bench_actions.py --data-dir DIR "
               f"--repeat {args.repeat}` on a station of {total} cases, {time.strftime('%Y-%m-%d %H:%M')}; "
               f"{perfdoc.load()}; every transaction is committed with synchronous=FULL (one fsync of the WAL), "
               "which the baseline pays too.\n\n" + perfdoc.table(rows))
    print(section)
    perfdoc.write_section("Everyday actions", section)

if __name__ == "__main__":
    main()
