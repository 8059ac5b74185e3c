"""Benchmark of a district of N townships on PostgreSQL, beside baselines measured in the same run.

Run:  .venv/bin/python tests/perf/bench_district.py [--townships 30] [--cases 5000] [--no-write]
             [--keep DIR | --reuse DIR] [--before CHECKOUT]

``--keep DIR`` builds the district in ``DIR`` (its PostgreSQL cluster in ``DIR/pg``, the district's
local key files in ``DIR/local``, what the build measured in ``DIR/build.json``) and leaves it there,
stopped; ``--reuse DIR`` starts that cluster again on a free loopback port, opens the district as it
is (migrating it if the program is newer) and measures it again in minutes, without rebuilding.  A
kept 30 × 5,000 district is at /work/perf/district30:

    .venv/bin/python tests/perf/bench_district.py --reuse /work/perf/district30

``--before CHECKOUT`` (e.g. ``git archive main | tar -x -C /tmp/before``) also times that
program's dashboard and statistics in fresh processes on the same district, just before and just
after this one's (the machine is shared: only figures of the same minutes compare).  Before
measuring, the district is vacuumed and analysed (``VACUUM ANALYZE``), as autovacuum leaves a
district in use: PostgreSQL's index-only scans need the visibility map.

PostgreSQL is started on loopback by tests/e2e/postgres.py (as the district tests do).  For each
township (unit codes 110105001, 110105002, …): a new station, a fast demo of ``--cases`` cases,
the cards exchanged with the district (the district enrolls the township's key, the township
trusts the district's), a full export; the district (PostgreSQL) imports every package and each
township takes its receipt (its digest must agree).  The township's files are removed after its
export.  Then, on the district, timed beside a raw query of the same rows through psycopg in the
same minutes:

* the dashboard (``services.dashboard``) — baseline: the open cases with their received dates;
* the statistics of this year per township (``services.reports.statistics``) — baseline: one
  ``GROUP BY origin`` of this year's cases with counts and claimed sums;
* the case ledger of this year as xlsx (``reports.export``) — baseline: the same cases read with
  a plain SELECT and written by plain XlsxWriter ``write_row`` (constant memory, no formats).

The table goes into docs/PERFORMANCE.md, section "District of 30 townships" (tests/perf/perfdoc.py).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics as stat
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from hexie_desktop.core import stats  # noqa: E402
from hexie_desktop.core.workflow import OPEN_STATES  # noqa: E402
from hexie_desktop.services import (  # noqa: E402
    dashboard,
    report_export,
    reports,
)
from hexie_desktop.services import exchange as ex  # noqa: E402
from hexie_desktop.services.demo import generate  # noqa: E402
from hexie_desktop.services.station import init_station, open_station  # noqa: E402
from tests.perf import perfdoc  # noqa: E402

PASSPHRASE = "bench-passphrase"
DISTRICT = "110105"
SECTION = "District of 30 townships"


def _timed(fn):
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def _best(fn, repeat: int = 3) -> tuple[object, float]:
    """The result and the median wall time of ``repeat`` runs."""
    runs = []
    result = None
    for _ in range(repeat):
        result, seconds = _timed(fn)
        runs.append(seconds)
    return result, stat.median(runs)


def _rss() -> str:
    return f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"


def _township(work: Path, n: int, cases: int, district_card: Path, pctx, pkeys) -> dict:
    """Make township ``n``, fill it, enroll it at the district, export, import at the district, receipt back."""
    code = f"{DISTRICT}{n:03d}"
    folder = work / f"town{n:03d}"
    town = init_station(data_dir=folder, db_url=None, role="township", unit_code=code,
                        unit_name=f"第{n}镇劳动人事争议调解中心", short_name=f"第{n}镇", admin="admin",
                        password="bench123", first_mediator="王调解")
    tctx = town.context()
    report, gen_s = _timed(lambda: generate(tctx, cases=cases, seed=n))
    card = folder.parent / f"t{n:03d}.card"
    ex.write_card(tctx, card)
    ex.trust_card(tctx, district_card, fingerprint=ex.read_card(district_card).fingerprint)
    ex.trust_card(pctx, card, fingerprint=ex.read_card(card).fingerprint)
    exported, export_s = _timed(lambda: ex.export_package(tctx, folder.parent / f"p{n:03d}.hxp"))
    applied, import_s = _timed(lambda: ex.import_packages(pctx, exported.paths, keys=pkeys)[0])
    assert applied.ok, applied.error
    receipt = ex.import_packages(tctx, [applied.receipt_path])[0]
    assert receipt.ok and len(receipt.messages) == 1, receipt.messages  # the digests agree
    town.db.dispose()
    shutil.rmtree(folder, ignore_errors=True)
    for path in (*exported.paths, card, applied.receipt_path):
        Path(path).unlink(missing_ok=True)
    return {"cases": report.cases, "rows": exported.rows, "generate": gen_s, "export": export_s, "import": import_s}


def _raw_dashboard(conn) -> int:
    """Baseline: every open case with the dates its deadlines run from."""
    rows = conn.execute("SELECT id, state, received_on, accepted_on, mediation_extended_until FROM cases "
                        "WHERE deleted = false AND state = ANY(%s)", (list(OPEN_STATES),)).fetchall()
    return len(rows)


def _raw_statistics(conn, period: stats.Period) -> int:
    """Baseline: this year's cases per township, counted and summed by state in one GROUP BY."""
    rows = conn.execute("SELECT origin, state, count(*), sum(claimed_cents), sum(workers) FROM cases "
                        "WHERE deleted = false AND received_on BETWEEN %s AND %s GROUP BY origin, state",
                        (period.start, period.end)).fetchall()
    return sum(r[2] for r in rows)


def _raw_ledger(conn, period: stats.Period, out: Path) -> int:
    """Baseline: this year's cases with their employer, SELECT → plain XlsxWriter rows."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(out), {"constant_memory": True})
    sheet = book.add_worksheet()
    count = 0
    with conn.cursor() as cursor:
        cursor.execute("SELECT c.number, c.received_on, c.state, c.main_category, c.source, c.workers, "
                       "c.claimed_cents, c.accepted_on, c.closed_on, c.closing_reason, c.archive_number, "
                       "c.facts, e.name, e.credit_code, e.industry, c.origin, c.collective, c.rejected_on, "
                       "c.failed_on, c.withdrawn_on, c.defaulted_on, c.employer_type, c.industry, c.created_by "
                       "FROM cases c LEFT JOIN employers e ON e.id = c.respondent_id "
                       "WHERE c.deleted = false AND c.received_on BETWEEN %s AND %s ORDER BY c.received_on",
                       (period.start, period.end))
        for row in cursor:
            sheet.write_row(count, 0, [v.isoformat() if isinstance(v, date) else v for v in row])
            count += 1
    book.close()
    return count


def _cluster(root: Path, *, fresh: bool):
    """A PostgreSQL cluster kept in ``root`` (made when ``fresh``), started on a free loopback port."""
    import pwd

    from tests.e2e import postgres

    found = postgres.binaries()
    if found is None:
        raise SystemExit("PostgreSQL binaries (initdb, pg_ctl) not found")
    initdb, pg_ctl = found
    user = "postgres" if os.geteuid() == 0 else None
    if fresh:
        root.mkdir(parents=True)
    if user is not None and fresh:
        entry = pwd.getpwnam(user)
        os.chown(root, entry.pw_uid, entry.pw_gid)
    server = postgres.PostgresServer(root, postgres._free_port(), user, pg_ctl)
    data, socket_dir = root / "data", root / "sock"
    if fresh:
        server._run([initdb, "-D", str(data), "-E", "UTF8", "--locale=C.UTF-8", "--auth=trust", "-U", "postgres",
                     "--no-sync"])
        server._run(["mkdir", "-p", str(socket_dir)])
    options = (f"-c listen_addresses=127.0.0.1 -p {server.port} -k {socket_dir} -c fsync=off "
               "-c synchronous_commit=off -c full_page_writes=off")
    server._run([pg_ctl, "-D", str(data), "-o", options, "-l", str(root / "server.log"), "-w", "-t", "120",
                 "start"])
    return server


def _halt(server) -> None:
    """Stop a kept cluster, leaving its files."""
    server._run([server.pg_ctl, "-D", str(server.root / "data"), "-m", "fast", "-w", "stop"])


def _build(args, server, work: Path, local: Path) -> dict:
    """Make the district and import every township into it; what it took."""
    started = time.perf_counter()
    url = server.create_database("district")
    os.environ["HEXIE_DATA_DIR"] = str(local)  # the district's keys live beside, not in the database
    district = init_station(data_dir=None, db_url=url, role="district", unit_code=DISTRICT,
                            unit_name="朝阳区劳动人事争议仲裁院", short_name="朝阳", admin="admin",
                            password="bench123", key_passphrase=PASSPHRASE)
    pctx = district.context()
    pkeys = ex.unlock(district, PASSPHRASE)
    district_card = work / "district.card"
    ex.write_card(pctx, district_card)
    towns = []
    for n in range(1, args.townships + 1):
        towns.append(_township(work, n, args.cases, district_card, pctx, pkeys))
        done = towns[-1]
        print(f"township {n}: {done['cases']} cases, {done['rows']} rows; generate {done['generate']:.1f} s, "
              f"export {done['export']:.1f} s, district import {done['import']:.1f} s", flush=True)
    district.db.dispose()
    return {"townships": args.townships, "cases": args.cases, "towns": towns,
            "build_s": time.perf_counter() - started, "built_at": time.strftime("%Y-%m-%d %H:%M")}


def _measure(pctx, raw, work: Path) -> dict:
    """The district's dashboard, statistics and ledger, each beside its raw query in the same minutes."""
    year = stats.year(pctx.today.year)
    print("dashboard …", flush=True)
    board, board_s = _best(lambda: dashboard.dashboard(pctx))
    board_n, raw_board_s = _best(lambda: _raw_dashboard(raw))
    print("statistics …", flush=True)
    result, stats_s = _best(lambda: reports.statistics(pctx, year))
    stats_n, raw_stats_s = _best(lambda: _raw_statistics(raw, year))
    print("ledger …", flush=True)
    ledger, ledger_s = _timed(lambda: report_export.export(pctx, "cases", work / "ledger.xlsx", period=year))
    ledger_n, raw_ledger_s = _timed(lambda: _raw_ledger(raw, year, work / "raw.xlsx"))
    return {"year": year, "board": board, "board_s": board_s, "board_n": board_n, "raw_board_s": raw_board_s,
            "result": result, "stats_s": stats_s, "stats_n": stats_n, "raw_stats_s": raw_stats_s,
            "ledger": ledger, "ledger_s": ledger_s, "ledger_n": ledger_n, "raw_ledger_s": raw_ledger_s}


_BEFORE = """
import json, statistics, sys, time
from hexie_desktop.core import stats
from hexie_desktop.services import dashboard, reports
from hexie_desktop.services.station import open_station
station = open_station(data_dir=None, db_url=sys.argv[1])
ctx = station.context()
year = stats.year(ctx.today.year)
out = {}
for name, fn in (("board", lambda: dashboard.dashboard(ctx)), ("stats", lambda: reports.statistics(ctx, year))):
    fn()
    runs = []
    for _ in range(3):
        wall, cpu = time.perf_counter(), time.process_time()
        fn()
        runs.append((time.perf_counter() - wall, time.process_time() - cpu))
    out[name] = statistics.median(r[0] for r in runs)
    out[name + "_cpu"] = statistics.median(r[1] for r in runs)
import hexie_desktop
out["code"] = hexie_desktop.__file__
print(json.dumps(out))
"""


def _before(checkout: Path, url: str) -> dict:
    """Dashboard and statistics of the program in ``checkout``, timed in a fresh process (medians of 3, warm)."""
    import subprocess

    env = {**os.environ, "PYTHONPATH": str(checkout.resolve())}
    done = subprocess.run([sys.executable, "-c", _BEFORE, url], capture_output=True, text=True, cwd=checkout,
                          env=env, check=False)
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    """Run the benchmark and update docs/PERFORMANCE.md."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--townships", type=int, default=30)
    parser.add_argument("--cases", type=int, default=5000, help="cases per township")
    parser.add_argument("--no-write", action="store_true", help="print only, leave docs/PERFORMANCE.md alone")
    parser.add_argument("--before", type=Path, metavar="CHECKOUT",
                        help="also time the dashboard and statistics of the program in CHECKOUT (e.g. a worktree "
                             "of main) on the same district, before and after this one's")
    kept = parser.add_mutually_exclusive_group()
    kept.add_argument("--keep", type=Path, metavar="DIR", help="build the district in DIR and leave it there")
    kept.add_argument("--reuse", type=Path, metavar="DIR", help="measure the district kept in DIR (--keep)")
    args = parser.parse_args()
    if not 1 <= args.townships <= 999:
        parser.error("--townships must be 1..999")
    if args.keep is not None and args.keep.exists():
        parser.error(f"--keep {args.keep}: already exists (measure it with --reuse)")
    if args.reuse is not None and not (args.reuse / "build.json").is_file():
        parser.error(f"--reuse {args.reuse}: no district kept there (build.json missing)")
    import psycopg

    from tests.e2e import postgres

    work = Path(tempfile.mkdtemp(prefix="hexie-bench-district-"))
    load_before = perfdoc.load()
    home = args.keep or args.reuse
    if home is not None:
        home = home.resolve()
        server = _cluster(home / "pg", fresh=args.reuse is None)
        local = home / "local"
    else:
        server = postgres.PostgresServer.start()
        local = work / "pglocal"
    try:
        if args.reuse is None:
            built = _build(args, server, work, local)
            if home is not None:
                (home / "build.json").write_text(json.dumps(built, indent=1), encoding="utf-8")
        else:
            built = json.loads((home / "build.json").read_text(encoding="utf-8"))
            os.environ["HEXIE_DATA_DIR"] = str(local)
        district = open_station(data_dir=None, db_url=server.url("district"))
        pctx = district.context()
        raw = psycopg.connect(f"host=127.0.0.1 port={server.port} user=postgres dbname=district")
        held = raw.execute("SELECT count(*), count(DISTINCT origin) FROM cases").fetchone()
        rows_held = sum(raw.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in (
            "cases", "parties", "claims", "case_events", "mediation_sessions", "agreements", "agreement_items",
            "agreement_shares", "performance_records", "follow_ups", "employers"))
        raw.commit()
        raw.autocommit = True
        raw.execute("VACUUM ANALYZE")  # what autovacuum leaves on a district in use (index-only scans need it)
        raw.autocommit = False
        before = _before(args.before, server.url("district")) if args.before else None
        m = _measure(pctx, raw, work)
        after = _before(ROOT, server.url("district")) if args.before else None
        raw.close()
        district.db.dispose()
    finally:
        if home is not None:
            _halt(server)
        else:
            server.stop()
        shutil.rmtree(work, ignore_errors=True)

    towns = built["towns"]
    total_import = sum(t["import"] for t in towns)
    total_rows = sum(t["rows"] for t in towns)
    year, board, result, ledger = m["year"], m["board"], m["result"], m["ledger"]
    rows = [
        (f"district first imports of {built['townships']} full packages ({total_rows} rows; cards enrolled, "
         "receipts taken back, digests agree)",
         f"{total_import:.0f} s in all = {total_rows / total_import / 1000:.1f}k rows/s; median "
         f"{stat.median(t['import'] for t in towns):.1f} s per township (first {towns[0]['import']:.1f} s, "
         f"last {towns[-1]['import']:.1f} s)" + (f"; built {built['built_at']}" if args.reuse else ""),
         "see “Exchange” for the raw COPY/executemany of the same rows"),
        (f"district dashboard ({held[0]} cases of {held[1]} townships; {len(board.items)} items due)",
         f"{m['board_s']:.2f} s", f"raw SELECT of the {m['board_n']} open cases with their dates: "
         f"{m['raw_board_s']:.2f} s"),
        (f"statistics for {year.label} per township ({len(result.by_origin)} townships, {result.total['received']} "
         "received, with the 12-month trend)",
         f"{m['stats_s']:.2f} s", f"raw GROUP BY origin, state of the same {m['stats_n']} cases: "
         f"{m['raw_stats_s']:.2f} s"),
        (f"case ledger of {year.label} as xlsx ({ledger.rows} rows, 24 columns, audited)",
         f"{m['ledger_s']:.1f} s ({m['ledger_s'] / m['raw_ledger_s']:.1f}× raw)",
         f"raw SELECT → plain XlsxWriter write_row of the same {m['ledger_n']} cases: {m['raw_ledger_s']:.1f} s"),
    ]
    if before is not None:
        assert before["code"] != after["code"], (before["code"], after["code"])
        rows.insert(3, (f"the same two in fresh processes, the program before (`{args.before}`) and this one, run one "
                        "after the other on the same district (warm, medians of 3; wall / CPU of the process)",
                        f"dashboard {after['board']:.2f} s / {after['board_cpu']:.2f} s CPU, statistics "
                        f"{after['stats']:.2f} s / {after['stats_cpu']:.2f} s CPU",
                        f"before: dashboard {before['board']:.2f} s / {before['board_cpu']:.2f} s CPU, statistics "
                        f"{before['stats']:.2f} s / {before['stats_cpu']:.2f} s CPU"))
    rss = _rss()
    for what, ours, baseline in rows:
        print(f"{what:90s} {ours:>30s}   {baseline}")
    gen_total = sum(t["generate"] for t in towns)
    export_total = sum(t["export"] for t in towns)
    print(f"built in {built['build_s']:.0f} s (demo {gen_total:.0f} s, exports {export_total:.0f} s); "
          f"peak memory {rss}")
    if args.no_write:
        return
    command = f"--townships {built['townships']} --cases {built['cases']}"
    if args.reuse is not None:
        command = f"--reuse {args.reuse}` (built by `--keep` with `{command}` on {built['built_at']})"
    else:
        command += f"{f' --keep {args.keep}' if args.keep else ''}`"
    section = "\n".join([
        f"## {SECTION}", "",
        f"Measured by `.venv/bin/python tests/perf/bench_district.py {command} "
        f"on {time.strftime('%Y-%m-%d %H:%M')}: **{built['townships']} townships × {built['cases']} cases** "
        f"({held[0]} cases, {rows_held} rows in the case and employer tables) in one PostgreSQL district "
        f"(loopback, started by tests/e2e/postgres.py); {load_before} at the start, {perfdoc.load()} at the end. "
        f"Building it took {built['build_s']:.0f} s (demo {gen_total:.0f} s, full exports {export_total:.0f} s, "
        f"imports {total_import:.0f} s); peak memory of the measuring process {rss}. Times on the district are "
        "medians of 3, except the ledger (one run).", "",
        perfdoc.table(rows),
        REUSE,
        NOTES,
        CHANGES,
    ])
    perfdoc.write_section(SECTION, section)


CHANGES = """\
### Session 5: the district's dashboard and statistics on PostgreSQL

What changed (issue 12): the statistics count the receipt figures in one scan (`GROUPING SETS` on
PostgreSQL, one `GROUP BY` of every combination on SQLite) instead of four; their four independent
reads (event figures, money and 回访, stocks, overdue duties) and the dashboard's four detail reads
(names, agreements, items, 回访) run at the same time on their own pooled connections on PostgreSQL
— there every statement already saw its own snapshot (READ COMMITTED), so nothing is lost; SQLite
keeps one connection and one snapshot — and ids go to the server in one `IN (…)` list instead of
slices of 500 (one round trip each).  The dashboard's prefilter is written once per deadline
rather than once per state, so each `EXISTS` is hashed once (its server time 230–310 ms against
330–420 ms, `EXPLAIN ANALYZE` alternately, load 7–8).  The figures are held to the former path
by tests/e2e/test_stats_tally.py (also on PostgreSQL, and reading at once against in turn) and
tests/e2e/test_dashboard_demo.py.  "Before" in the table is main at 64f162b (`git archive`); the
build's own measurement right after its imports (main's code, `ANALYZE` but no `VACUUM`, load 7)
gave dashboard 0.91 s and statistics 4.37 s.  Left: the goals (0.5 s, 1 s) are not met on this
shared 2-core machine; see above for what the rest is.
"""


REUSE = """\
The district is kept: `tests/perf/bench_district.py --keep DIR` builds it in DIR (PostgreSQL cluster in
`DIR/pg`, the district's key files in `DIR/local`, the build's figures in `DIR/build.json`) and leaves it
stopped; `--reuse DIR` starts the cluster on a free loopback port, opens the district (migrating it if the
program is newer), measures and stops it again — a few minutes instead of the build's 7–20 (its time
depends on the load).  The 30 × 5,000 district is kept at `/work/perf/district30`: re-measure with
`.venv/bin/python tests/perf/bench_district.py --reuse /work/perf/district30` (copy the folder first if
you want the original untouched: a migration changes it).
"""


NOTES = """\
Where it would need more than one machine, and why.  Nothing here needs a second machine for the
data: the district holds every township's cases, parties, events, claims and agreements in one
PostgreSQL database (about 2.5 million exchanged rows at 30 × 5,000 cases), and
PostgreSQL keeps a province's rows on one server with the same indexes.  The program distributes
nothing itself.  What grows is work done in the desktop process that runs the program:

* the first import of a township (a full package) is CPU-bound Python — every row parsed and
  checked (see “Exchange”) — at the rate in the table, one township after another in one process;
  it does not slow down as the district fills (first and last import above).  An import holds only
  its own township's lock, so several desktops can import different townships into the same
  PostgreSQL server at the same time: this is where a second machine helps, and it needs no
  change.  After the first import each package is small (a fixed ~0.5 s, see “Exchange”).
* the dashboard and the statistics are counted by PostgreSQL (`GROUP BY`, `GROUPING SETS`, the
  dashboard's prefilter as one query) and come back as a few thousand rows at most; the desktop
  process spends 0.2–0.4 s of CPU on them, the rest of the time is the server's.  Their
  independent reads go to the server at the same time on their own pooled connections, so a
  server with more cores answers sooner; on this 2-core machine shared with other work they
  are still above their goals (0.5 s and 1 s).  What is left is the server's own work — hash
  joins of this year's money rows (40–60 thousand) with the 150,000 cases, about 0.1–0.25 s
  each — and it grows with the district's cases, not with the number of townships.  For a
  province the same remedy holds on one larger PostgreSQL server (more cores, memory for its
  cache; `random_page_cost` set for SSDs as its administrator would); what would make the page
  independent of the size is counters per month kept in each write's transaction (not done:
  a second copy of every counting rule in every write path).
* the case ledger is one xlsx sheet, linear in its rows; a sheet ends at 1,048,576 rows, so a
  province-wide yearly ledger would be split by district or township anyway.

If a province's many users ever outgrow one server, PostgreSQL scales by its own means (a larger
server, streaming replicas for the reading users) — no home-made distribution.
"""


if __name__ == "__main__":
    main()
