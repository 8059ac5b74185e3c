"""Benchmark of the Excel reports on 100,000 synthetic cases (not part of the test run).

Run:  .venv/bin/python tests/perf/bench_reports.py [--cases 100000] [--data-dir DIR]

Each measurement runs in its own process, so its peak memory is that of the measured work
alone:

* ours: ``hexie report cases`` — the 100,000-row 调解工作台账 read from the database in
  chunks and streamed by XlsxWriter's constant-memory mode with headers, formats, the
  inert-text and cell-size checks, totals and the audit entry;
* baseline: the same cells (dumped beforehand, not timed) written by plain XlsxWriter
  ``write_row`` in constant-memory mode, without formats or checks;
* the database part alone: the same ledger rows read and thrown away;
* the floor: a process that only imports the application and opens the station;
* the annual statistics workbook of the same station.

Peak memory is the process's ``VmHWM`` (``ru_maxrss`` would include the parent's over fork + exec).

The table is written to docs/PERFORMANCE.md (section "Reports"); other sections stay.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import perfdoc

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "bench123"

_PEAK = """
def peak_mib():
    # VmHWM is the peak of this program's memory; ru_maxrss would carry the parent's over fork + exec.
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
"""

_OURS = _PEAK + """
import json, resource, sys, time
from pathlib import Path
from hexie_desktop.services.station import open_station
from hexie_desktop.services.users import actor_for
from hexie_desktop.services import report_export as export
from hexie_desktop.core import stats
station = open_station(data_dir=Path(sys.argv[1]))
ctx = station.context(actor_for(station.db, "admin"))
kind, out = sys.argv[2], Path(sys.argv[3])
start = time.perf_counter()
period = stats.year(ctx.today.year) if kind == "annual" else None
result = export.export(ctx, kind, out, period=period) if kind != "none" else None
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "rss_mib": peak_mib(),
                  "rows": result.rows if result else 0, "bytes": out.stat().st_size if result else 0}))
"""

_READ = _PEAK + """
import json, resource, sys, time
from pathlib import Path
from hexie_desktop.services.station import open_station
from hexie_desktop.services.users import actor_for
from hexie_desktop.services import reports
station = open_station(data_dir=Path(sys.argv[1]))
ctx = station.context(actor_for(station.db, "admin"))
start = time.perf_counter()
rows = sum(1 for _row in reports.ledger(ctx, "cases").rows)
print(json.dumps({"seconds": time.perf_counter() - start, "rss_mib": peak_mib(), "rows": rows, "bytes": 0}))
"""

_RAW = _PEAK + """
import json, pickle, resource, sys, time
import xlsxwriter
source, out = sys.argv[1], sys.argv[2]
start = time.perf_counter()
book = xlsxwriter.Workbook(out, {"constant_memory": True})
ws = book.add_worksheet()
rows = 0
with open(source, "rb") as handle:
    header = pickle.load(handle)
    ws.write_row(0, 0, header)
    while True:
        try:
            row = pickle.load(handle)
        except EOFError:
            break
        rows += 1
        ws.write_row(rows, 0, row)
book.close()
seconds = time.perf_counter() - start
import os
print(json.dumps({"seconds": seconds, "rss_mib": peak_mib(),
                  "rows": rows, "bytes": os.path.getsize(out)}))
"""


def _run(code: str, *args: str) -> dict:
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT,
                            check=False)
    if result.returncode != 0:
        raise SystemExit(result.stderr)
    return json.loads(result.stdout.strip().splitlines()[-1])


def _station(data_dir: Path, cases: int):
    """Open (or create and fill) the benchmark station."""
    from hexie_desktop.services.demo import generate
    from hexie_desktop.services.station import init_station, open_station
    from hexie_desktop.services.users import actor_for

    if (data_dir / "hexie.sqlite3").exists() or any(data_dir.glob("**/*.sqlite3")):
        station = open_station(data_dir=data_dir)
        return station, None
    station = init_station(data_dir=data_dir, db_url=None, role="township", unit_code="110105001",
                           unit_name="东坝镇劳动人事争议调解中心", short_name="东坝", admin="admin", password=PASSWORD)
    ctx = station.context(actor_for(station.db, "admin"))
    report = generate(ctx, cases=cases, seed=1)
    return station, report.seconds


def _dump_cells(station, path: Path) -> int:
    """The ledger's cells as plain values (what the baseline writes), one pickle per row."""
    from hexie_desktop.services import reports
    from hexie_desktop.services.users import actor_for

    ctx = station.context(actor_for(station.db, "admin"))
    ledger = reports.ledger(ctx, "cases")
    keys = [c.key for c in ledger.columns]
    money = {c.key for c in ledger.columns if c.kind == "money"}
    rows = 0
    with open(path, "wb") as handle:
        pickle.dump([c.header for c in ledger.columns], handle)
        for row in ledger.rows:
            values = []
            for key in keys:
                value = row.get(key)
                if key in money and isinstance(value, int):
                    value = value / 100
                elif isinstance(value, date):
                    value = value.isoformat()
                elif isinstance(value, bool):
                    value = "是" if value else "否"
                values.append(value)
            pickle.dump(values, handle)
            rows += 1
    return rows


def main() -> None:
    """Run the benchmarks and update docs/PERFORMANCE.md."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--data-dir", type=Path, help="reuse (or create) the benchmark station here")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="hexie-bench-reports-"))
    data_dir = args.data_dir or work / "station"
    station, generated = _station(data_dir, args.cases)
    cells = work / "cells.pkl"
    rows = _dump_cells(station, cells)
    station.db.dispose()
    floor = _run(_OURS, str(data_dir), "none", str(work / "none.xlsx"))
    raw = _run(_RAW, str(cells), str(work / "raw.xlsx"))
    ours = _run(_OURS, str(data_dir), "cases", str(work / "ledger.xlsx"))
    read = _run(_READ, str(data_dir))
    annual = _run(_OURS, str(data_dir), "annual", str(work / "annual.xlsx"))
    table = [
        (f"case ledger, {ours['rows']} rows × 24 columns (streamed, {ours['bytes'] / 1e6:.1f} MB)",
         f"{ours['seconds']:.1f} s, peak {ours['rss_mib']:.0f} MiB",
         f"plain XlsxWriter constant_memory write_row of the same cells: {raw['seconds']:.1f} s, peak "
         f"{raw['rss_mib']:.0f} MiB ({raw['bytes'] / 1e6:.1f} MB)"),
        ("of which: reading the ledger rows from the database (no Excel)", f"{read['seconds']:.1f} s, peak "
         f"{read['rss_mib']:.0f} MiB", "—"),
        ("process floor (Python + app imports + open station)", f"peak {floor['rss_mib']:.0f} MiB", "—"),
        ("annual statistics workbook (facts of the whole year)", f"{annual['seconds']:.1f} s, "
         f"peak {annual['rss_mib']:.0f} MiB", "—"),
    ]
    made = f"; generating the station took {generated:.0f} s" if generated else ""
    section = (f"## Reports\n\nMeasured by `.venv/bin/python tests/perf/bench_reports.py {'--data-dir DIR' if args.data_dir else '--cases ' + str(args.cases)}` on "
               f"{os.cpu_count()} cores, {time.strftime('%Y-%m-%d %H:%M')} ({perfdoc.load()}), {rows} cases{made}. Each row ran in its own "
               "process; peak memory is that process's high-water mark (`VmHWM`).\n\n"
               "| what | ours | baseline in the same run |\n|---|---|---|\n"
               + "\n".join(f"| {a} | {b} | {c} |" for a, b, c in table) + "\n")
    print(section)
    perfdoc.write_section("Reports", section)

if __name__ == "__main__":
    main()
