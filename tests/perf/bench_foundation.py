"""Benchmarks of the foundation on 100,000 synthetic cases (not part of the test run).

Run:  .venv/bin/python tests/perf/bench_foundation.py [--cases 100000]
Each measurement is printed next to a baseline measured in the same run, and the table is
written to docs/PERFORMANCE.md (section "Foundation").
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

import perfdoc

from hexie_desktop.services import cases
from hexie_desktop.services.demo import generate
from hexie_desktop.services.station import init_station


def _timed(fn, repeat: int = 5) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def _raw_insert_baseline(path: Path, rows: int) -> float:
    """Plain sqlite3 executemany of ``rows`` rows of the same width as our case rows."""
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (id TEXT PRIMARY KEY, a TEXT, b TEXT, c INTEGER, d TEXT, e TEXT, f INTEGER)")
    data = [(f"{i:036d}", "（2026）东坝劳调字第%d号" % i, "张三", i, "2026-01-01", "东坝镇某公司", i) for i in range(rows)]
    start = time.perf_counter()
    with conn:
        conn.executemany("INSERT INTO t VALUES (?,?,?,?,?,?,?)", data)
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def main() -> None:
    """Run the benchmarks and update docs/PERFORMANCE.md."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100_000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="hexie-bench-"))
    station = init_station(data_dir=work / "station", db_url=None, role="township", unit_code="110105001",
                           unit_name="东坝镇劳动人事争议调解中心", short_name="东坝", admin="admin", password="bench123")
    ctx = station.context()
    report = generate(ctx, cases=args.cases, seed=1)
    with station.db.engine.connect() as conn:
        total_rows = sum(conn.exec_driver_sql(f'SELECT count(*) FROM "{t}"').scalar_one() for t in (
            "cases", "parties", "claims", "case_events", "mediation_sessions", "agreements", "agreement_items",
            "performance_records", "follow_ups", "case_search_text"))
    baseline = _raw_insert_baseline(work / "raw.sqlite3", total_rows)
    two_char = _timed(lambda: cases.list_cases(ctx, cases.CaseFilter(search="秀英"), limit=50))
    three_char = _timed(lambda: cases.list_cases(ctx, cases.CaseFilter(search="东坝镇华兴"), limit=50))
    raw = sqlite3.connect(station.paths.database)
    raw_like = _timed(lambda: raw.execute("SELECT case_id FROM case_search_text WHERE body LIKE '%秀英%' LIMIT 50")
                      .fetchall())
    first_page = _timed(lambda: cases.list_cases(ctx, cases.CaseFilter(), limit=200))
    raw_page = _timed(lambda: raw.execute("SELECT id FROM cases ORDER BY received_on DESC LIMIT 200").fetchall())
    size_mb = station.paths.database.stat().st_size / 1e6
    rows = [
        ("demo: generate %d cases (%d rows)" % (args.cases, total_rows), f"{report.seconds:.1f} s",
         f"raw sqlite3 executemany of {total_rows} rows: {baseline:.1f} s"),
        ("case list, first 200 rows, no filter", f"{first_page * 1000:.0f} ms",
         f"raw ORDER BY received_on LIMIT 200: {raw_page * 1000:.1f} ms"),
        ("search, 2 characters (scan)", f"{two_char * 1000:.0f} ms", f"raw LIKE on search text: {raw_like * 1000:.0f} ms"),
        ("search, 5 characters (FTS5 trigram)", f"{three_char * 1000:.0f} ms", "—"),
        ("database size", f"{size_mb:.0f} MB", "—"),
    ]
    table = "\n".join(f"| {a} | {b} | {c} |" for a, b, c in rows)
    section = (f"## Foundation\n\nMeasured by `.venv/bin/python tests/perf/bench_foundation.py --cases {args.cases}` "
               f"on {os.cpu_count()} cores, {time.strftime('%Y-%m-%d %H:%M')} ({perfdoc.load()} at the end); medians of 5 "
               "where repeated.\n\n"
               "| what | ours | baseline in the same run |\n|---|---|---|\n" + table + "\n")
    print(section)
    perfdoc.write_section("Foundation", section)

if __name__ == "__main__":
    main()
