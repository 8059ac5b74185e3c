"""Benchmark of the Excel reports on 100,000 synthetic cases (not part of the test run).

Run:  .venv/bin/python tests/perf/bench_reports.py [--cases 100000] [--data-dir DIR]

Each measurement runs in its own process, so its peak memory is that of the measured work
alone:

* ours: ``report_export.export(ctx, "cases", out)`` (what ``hexie report cases`` runs after
  its login) — the 100,000-row 调解工作台账 read from the database in pages and streamed in
  XlsxWriter's constant-memory mode with headers, formats, the inert-text and cell-size
  checks, totals and the audit entry;
* baseline: the same cells (dumped beforehand, not timed) written by plain XlsxWriter
  ``write_row`` in constant-memory mode, without formats or checks; ours and the baseline run
  alternately ``--ledger-repeat`` times (medians), with the CPU time of each process;
* a fresh ``hexie report cases --out F.xlsx`` process as a user runs it (its login checks the
  password with argon2id, which takes 64 MiB, and makes the day's automatic backup if due);
* the database part alone: the same ledger rows read and thrown away;
* the floor: a process that only imports the application and opens the station;
* the annual statistics workbook of the same station;
* the statistics of the whole current year as the statistics page asks for them
  (``services.reports.statistics``, with the 12-month trend), counted by the database, against
  the full computation of the same figures from one fact per case (``load_facts`` +
  ``core.stats``, what the page did before) — alternately in fresh processes, medians, with
  the CPU time of each process's work.

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
start, cpu = time.perf_counter(), time.process_time()
period = stats.year(ctx.today.year) if kind == "annual" else None
result = export.export(ctx, kind, out, period=period) if kind != "none" else None
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "cpu": time.process_time() - cpu, "rss_mib": peak_mib(),
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
start, cpu = time.perf_counter(), time.process_time()
rows = sum(1 for _row in reports.ledger(ctx, "cases").rows)
print(json.dumps({"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu, "rss_mib": peak_mib(),
                  "rows": rows, "bytes": 0}))
"""

_RAW = _PEAK + """
import json, pickle, resource, sys, time
import xlsxwriter
source, out = sys.argv[1], sys.argv[2]
start, cpu = time.perf_counter(), time.process_time()
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
print(json.dumps({"seconds": seconds, "cpu": time.process_time() - cpu, "rss_mib": peak_mib(),
                  "rows": rows, "bytes": os.path.getsize(out)}))
"""


_STATS = """
import json, sys, time
from pathlib import Path
from hexie_desktop.services.station import open_station
from hexie_desktop.services.users import actor_for
from hexie_desktop.services import reports
from hexie_desktop.core import stats
station = open_station(data_dir=Path(sys.argv[1]))
ctx = station.context(actor_for(station.db, "admin"))
period = stats.year(ctx.today.year)
wall, cpu = time.perf_counter(), time.process_time()
if sys.argv[2] == "database":
    total = reports.statistics(ctx, period).total
else:  # the full computation: every fact of the window read, then counted in Python (the former path)
    as_of, months = min(period.end, ctx.today), stats.trailing_months(period.end)
    with ctx.db.read() as session:
        facts = reports.load_facts(session, min(period.start, months[0].start), period.end, as_of)
    total = stats.total(stats.by_origin(facts, period, as_of).values())
    stats.series(facts, months)
print(json.dumps({"seconds": time.perf_counter() - wall, "cpu": time.process_time() - cpu,
                  "received": total["received"], "overdue": total["overdue"]}))
"""


def _statistics(data_dir: Path, repeat: int) -> tuple[dict, dict]:
    """Medians of the statistics counted by the database and of the full computation, run alternately."""
    import statistics

    runs: dict[str, list[dict]] = {"database": [], "facts": []}
    for _i in range(repeat):
        for mode in runs:
            runs[mode].append(_run(_STATS, str(data_dir), mode))
    fast, full = ({k: statistics.median(r[k] for r in runs[mode]) for k in runs[mode][0]} for mode in runs)
    if (fast["received"], fast["overdue"]) != (full["received"], full["overdue"]):
        raise SystemExit(f"the two paths disagree: {fast} vs {full}")
    return fast, full


def _statistics_rows(data_dir: Path, repeat: int) -> list[tuple[str, str, str]]:
    fast, full = _statistics(data_dir, repeat)
    return [(f"statistics page query, whole year ({fast['received']} received, {fast['overdue']} duties overdue), "
             f"counted by the database; median of {repeat} fresh processes",
             f"{fast['seconds']:.2f} s ({fast['cpu']:.2f} s CPU)",
             f"the same figures from one fact per case (the former path): {full['seconds']:.2f} s "
             f"({full['cpu']:.2f} s CPU)")]


_CLI = _PEAK + """
import atexit, json, resource, runpy, sys, time
start, cpu = time.perf_counter(), time.process_time()
atexit.register(lambda: print(json.dumps({"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu,
                                          "rss_mib": peak_mib()}), file=sys.stderr))
sys.argv = ["hexie", *sys.argv[1:]]
runpy.run_module("hexie_desktop", run_name="__main__", alter_sys=True)
"""


def _cli(data_dir: Path, out: Path) -> dict:
    """A fresh ``hexie report cases --out F`` process (login with argon2id, the day's automatic backup if due)."""
    backups = data_dir / "backups"
    before = set(backups.glob("*")) if backups.is_dir() else set()
    env = {**os.environ, "HEXIE_PASSWORD": PASSWORD}
    result = subprocess.run([sys.executable, "-c", _CLI, "--data-dir", str(data_dir), "report", "cases", "--out",
                             str(out)], capture_output=True, text=True, cwd=ROOT, env=env, check=False)
    if result.returncode != 0:
        raise SystemExit(result.stderr)
    made = json.loads(result.stderr.strip().splitlines()[-1])
    made["backup"] = bool(set(backups.glob("*")) - before) if backups.is_dir() else False
    return made


def _median_runs(runs: list[dict]) -> dict:
    import statistics

    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def _run(code: str, *args: str, checkout: Path | None = None) -> dict:
    env = {**os.environ, "PYTHONPATH": str(checkout)} if checkout else None  # another checkout's hexie_desktop
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=checkout or ROOT,
                            check=False, env=env)
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


def _dump_cells(station, path: Path) -> tuple[int, list[str]]:
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
        for cells in ledger.rows:
            row = cells if isinstance(cells, dict) else dict(zip(keys, cells, strict=True))
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
    return rows, keys


def _compare(checkout: Path, data_dir: Path, cells: Path, work: Path, repeat: int) -> None:
    """The case ledger of ``checkout`` (before) and of this tree (after) beside raw, alternately; printed."""
    runs: dict[str, list[dict]] = {"before": [], "after": [], "raw": []}
    for _i in range(repeat):
        runs["before"].append(_run(_OURS, str(data_dir), "cases", str(work / "before.xlsx"), checkout=checkout))
        runs["after"].append(_run(_OURS, str(data_dir), "cases", str(work / "after.xlsx")))
        runs["raw"].append(_run(_RAW, str(cells), str(work / "raw.xlsx")))
    raw = _median_runs(runs["raw"])
    print(f"case ledger, median of {repeat} alternating runs ({perfdoc.load()})")
    for name in runs:
        m = _median_runs(runs[name])
        print(f"{name}: {m['seconds']:.1f} s ({m['cpu']:.1f} s CPU) = {m['seconds'] / raw['seconds']:.2f}× raw "
              f"({m['cpu'] / raw['cpu']:.2f}× CPU), peak {m['rss_mib']:.0f} MiB")


def _notes() -> str:
    """The ``### `` notes at the end of the current "Reports" section (kept when the table is rewritten)."""
    import re

    text = perfdoc.DOC.read_text(encoding="utf-8") if perfdoc.DOC.exists() else ""
    found = re.search(r"\n## Reports\n.*?(?=\n## |\Z)", text, flags=re.S)
    section = found.group(0) if found else ""
    notes = section.find("\n### ")
    return "" if notes < 0 else "\n" + section[notes:].strip("\n") + "\n"


def main() -> None:
    """Run the benchmarks and update docs/PERFORMANCE.md."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--data-dir", type=Path, help="reuse (or create) the benchmark station here")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each statistics process (medians)")
    parser.add_argument("--statistics-only", action="store_true", help="only the statistics rows (prints them)")
    parser.add_argument("--ledger-repeat", type=int, default=3, help="runs of the ledger and its baseline (medians)")
    parser.add_argument("--compare-with", type=Path, metavar="CHECKOUT",
                        help="only print the ledger of this checkout (the former code) beside ours and raw")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="hexie-bench-reports-"))
    data_dir = args.data_dir or work / "station"
    station, generated = _station(data_dir, args.cases)
    if args.statistics_only:
        station.db.dispose()
        print(perfdoc.table(_statistics_rows(data_dir, args.repeat)), perfdoc.load())
        return
    cells = work / "cells.pkl"
    rows, columns = _dump_cells(station, cells)
    station.db.dispose()
    if args.compare_with:
        _compare(args.compare_with, data_dir, cells, work, args.ledger_repeat)
        return
    floor = _run(_OURS, str(data_dir), "none", str(work / "none.xlsx"))
    raws, runs = [], []
    for _i in range(args.ledger_repeat):  # alternately, so both see the same load
        raws.append(_run(_RAW, str(cells), str(work / "raw.xlsx")))
        runs.append(_run(_OURS, str(data_dir), "cases", str(work / "ledger.xlsx")))
    raw, ours = _median_runs(raws), _median_runs(runs)
    read = _run(_READ, str(data_dir))
    cli = _cli(data_dir, work / "cli.xlsx")
    annual = _run(_OURS, str(data_dir), "annual", str(work / "annual.xlsx"))
    table = [*_statistics_rows(data_dir, args.repeat),
        (f"case ledger, {ours['rows']:.0f} rows × {len(columns)} columns (streamed, {ours['bytes'] / 1e6:.1f} MB); "
         f"median of {args.ledger_repeat}, alternating with the baseline",
         f"{ours['seconds']:.1f} s ({ours['cpu']:.1f} s CPU) = {ours['seconds'] / raw['seconds']:.2f}× raw "
         f"({ours['cpu'] / raw['cpu']:.2f}× in CPU), peak {ours['rss_mib']:.0f} MiB",
         f"plain XlsxWriter constant_memory write_row of the same cells: {raw['seconds']:.1f} s "
         f"({raw['cpu']:.1f} s CPU), peak {raw['rss_mib']:.0f} MiB ({raw['bytes'] / 1e6:.1f} MB)"),
        ("of which: reading the ledger rows from the database (no Excel)", f"{read['seconds']:.1f} s "
         f"({read['cpu']:.1f} s CPU), peak {read['rss_mib']:.0f} MiB", "—"),
        ("a fresh `hexie report cases --out F.xlsx` process (login: argon2id with 64 MiB, RFC 9106; "
         + ("the day's automatic backup of the station made in it" if cli["backup"] else "no backup due") + ")",
         f"{cli['seconds']:.1f} s ({cli['cpu']:.1f} s CPU), peak {cli['rss_mib']:.0f} MiB", "—"),
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
    perfdoc.write_section("Reports", section + _notes())

if __name__ == "__main__":
    main()
