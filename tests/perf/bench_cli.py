"""Benchmark of ``hexie dashboard --json`` against a bare ``hexie --version`` (not part of the test run).

Run:  .venv/bin/python tests/perf/bench_cli.py --data-dir DIR [--repeat 5] [--before SRC]

Fresh processes, run alternately, ``repeat`` rounds; medians of wall-clock and CPU time (user +
system of the child).  Each round: ``hexie --version``; the dashboard command after a full start-up
check (the file's stamp removed first: the first command after a crash, a copy or another program's
write, or once a day: every page is read); the same command again (the stamp the previous one left
spares the ``quick_check``: the everyday case) — both take the quick path over the sqlite3 driver
(``services.dashboard_quick``); with ``--before SRC`` (a source tree
of an earlier version, e.g. ``git archive COMMIT | tar -x -C SRC``) the earlier program on the same
file.  The dashboard command logs in (argon2id password check, an audited login), opens the station
and lists the deadlines due; the split of both paths' time is measured in-process too, and a probe
checks that the everyday command loaded no SQLAlchemy.  The table is written to docs/PERFORMANCE.md
(section "Command line").
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import perfdoc

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "bench123"
PHASES = ("imports", "check", "open", "login", "dashboard", "print", "close")
QUICK_PHASES = ("start", "open", "read", "password", "login", "list", "backup", "print", "close")

# The everyday command as the program runs it (cli.main() as the whole process), with marks around the quick
# path's steps; prints the split and whether SQLAlchemy was loaded.
_QUICK_SPLIT = r"""
import io, json, sys, time
start = time.perf_counter(), time.process_time()
marks = []
def mark(name):
    marks.append((name, time.perf_counter(), time.process_time()))
sys.argv = ["hexie", "--data-dir", sys.argv[1], "dashboard", "--json"]
from hexie_desktop import cli, cli_support
from hexie_desktop.services import dashboard_quick as quick
from hexie_desktop.storage import plain, health
def around(module, name, before, after=None):
    original = getattr(module, name)
    def wrapped(*args, **kwargs):
        mark(before)
        try:
            return original(*args, **kwargs)
        finally:
            if after:
                mark(after)
    setattr(module, name, wrapped)
around(quick, "open_quick", "start", "open")
around(quick, "_read", "open", "read")
waited = cli_support.PasswordAhead.result
def result(self):
    found = waited(self)
    mark("password")
    return found
cli_support.PasswordAhead.result = result
around(quick, "_board", "login", "list")
around(cli_support, "_daily_backup", "list", "backup")
around(cli_support, "print_json", "backup", "print")
around(health, "release", "print", "close")
out, sys.stdout = sys.stdout, io.StringIO()
code = cli.main()
sys.stdout = out
seen = {}
for name, wall, cpu in marks:
    seen.setdefault(name, (wall, cpu))
order = ["start", *[n for n in ("open", "read", "password", "login", "list", "backup", "print", "close")]]
wall, cpu, last = {}, {}, start
for name in order:
    if name in seen:
        wall[name], cpu[name] = seen[name][0] - last[0], seen[name][1] - last[1]
        last = seen[name]
print(json.dumps({"code": code, "sqlalchemy": "sqlalchemy" in sys.modules, "wall": wall, "cpu": cpu}))
"""

_SPLIT = r"""
import io, json, sys, time
from pathlib import Path
marks = [("start", time.perf_counter(), time.process_time())]
def mark(name):
    marks.append((name, time.perf_counter(), time.process_time()))
from hexie_desktop import cli_support
cli_support.hold_collector()  # as the program does (cli.main without argv) ...
ahead = cli_support.PasswordAhead(Path(sys.argv[1]) / "hexie.sqlite3", None, sys.argv[2])  # ... and its login
from hexie_desktop import cli
from hexie_desktop.paths import StationPaths
from hexie_desktop.services import dashboard
from hexie_desktop.services import station as st
from hexie_desktop.services.users import authenticate, first_admin
mark("imports")
paths = StationPaths(Path(sys.argv[1]))
ahead.released.wait()
found = st.check_before_opening(paths, trust_stamp=True)
mark("check")
st.check_before_opening = lambda paths, trust_stamp=False: found  # checked just above
station = st.open_station(data_dir=paths.root)
mark("open")
from hexie_desktop.services.users import PasswordCheck
checked = ahead.result()
actor = authenticate(station.db, first_admin(station.db), sys.argv[2], checked=checked and PasswordCheck(*checked))
cli_support.auto_backup(station)
cli_support.settle_heap()
mark("login")
board = dashboard.dashboard(station.context(actor))
mark("dashboard")
out, sys.stdout = sys.stdout, io.StringIO()
cli_support.print_json({"count": len(board.items), "items": [cli.asdict(i) for i in board.items],
                        "month_counts": board.month_counts, "notices": list(board.notices)})
sys.stdout = out
mark("print")
station.close()
mark("close")
wall = {n: t - marks[i][1] for i, (n, t, c) in enumerate(marks[1:])}
cpu = {n: c - marks[i][2] for i, (n, t, c) in enumerate(marks[1:])}
print(json.dumps({"wall": wall, "cpu": cpu, "items": len(board.items)}))
"""


def _run(args: list[str], env: dict, cwd: Path = ROOT) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system, from the rusage of waited-for children) of one fresh process."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(args, capture_output=True, text=True, env=env, check=False, cwd=cwd)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(result.stderr)
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _median(pairs: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(p[0] for p in pairs), statistics.median(p[1] for p in pairs)


def main() -> None:
    """Run the benchmark and update docs/PERFORMANCE.md."""
    from hexie_desktop.storage import health

    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--before", type=Path, help="source tree of an earlier version, run on the same file")
    parser.add_argument("--no-write", action="store_true", help="print the section, leave docs/PERFORMANCE.md")
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "HEXIE_DATA_DIR")}
    env["HEXIE_PASSWORD"] = PASSWORD
    hexie = [sys.executable, "-m", "hexie_desktop"]
    board_args = [*hexie, "--data-dir", str(args.data_dir), "dashboard", "--json"]
    database = args.data_dir / "hexie.sqlite3"
    bare: list[tuple[float, float]] = []
    cold: list[tuple[float, float]] = []
    warm: list[tuple[float, float]] = []
    before: list[tuple[float, float]] = []
    splits = []
    quick_splits: list[dict] = []
    for _i in range(args.repeat):
        bare.append(_run([*hexie, "--version"], env))
        if args.before:
            before.append(_run(board_args, dict(env, PYTHONPATH=str(args.before)), cwd=args.before))
        health.forget(database)
        cold.append(_run(board_args, env))
        if health.stamp_vouches(database) is None:
            raise SystemExit("the dashboard command left no valid stamp")
        warm.append(_run(board_args, env))
        out = subprocess.run([sys.executable, "-c", _SPLIT, str(args.data_dir), PASSWORD], capture_output=True,
                             text=True, check=True, cwd=ROOT, env=env)
        splits.append(json.loads(out.stdout))
        out = subprocess.run([sys.executable, "-c", _QUICK_SPLIT, str(args.data_dir)], capture_output=True,
                             text=True, check=True, cwd=ROOT, env=env)
        quick = json.loads(out.stdout)
        if quick["code"] != 0 or quick["sqlalchemy"]:
            raise SystemExit(f"the everyday command did not take its quick path: {quick}")
        quick_splits.append(quick)
    b, c, w = _median(bare), _median(cold), _median(warm)
    wall = {k: statistics.median(s["wall"][k] for s in splits) for k in PHASES}
    cpu = {k: statistics.median(s["cpu"][k] for s in splits) for k in PHASES}
    quick_wall = {k: statistics.median(s["wall"].get(k, 0.0) for s in quick_splits) for k in QUICK_PHASES}
    quick_cpu = {k: statistics.median(s["cpu"].get(k, 0.0) for s in quick_splits) for k in QUICK_PHASES}

    def cell(m: tuple[float, float]) -> str:
        return f"{m[0]:.2f} s ({m[0] / b[0]:.1f}×), CPU {m[1]:.2f} s ({m[1] / b[1]:.1f}×)"

    rows = [(f"`hexie dashboard --json` ({splits[0]['items']} items due), the file stamped by the previous command: "
             "the quick path over the sqlite3 driver (no SQLAlchemy loaded: checked)",
             "**" + cell(w) + "**", f"`hexie --version`: {b[0]:.2f} s, CPU {b[1]:.2f} s"),
            ("the same after a full start-up check (no stamp: first command after a crash, a copy, another "
             "program's write, or a day): the quick path after checking every page", cell(c), "")]
    if args.before:
        rows.append((f"the earlier program (`{args.before.name}`) on the same file", cell(_median(before)), ""))
    rows.append(("the quick path as the program runs it (start = interpreter, imports, parser, up to the "
                 "stamped start-up check; password = waiting for the argon2 check begun on a second thread; "
                 "login = its audited write; list = the deadlines worked out): " + " · ".join(QUICK_PHASES),
                 " · ".join(f"{quick_wall[k]:.3f}" for k in QUICK_PHASES) + " s wall; CPU "
                 + " · ".join(f"{quick_cpu[k]:.3f}" for k in QUICK_PHASES) + " s", "—"))
    rows.append(("the full path in-process, for comparison (stamped; login = waiting for the password check begun "
                 "before the imports, plus the audited login): " + " · ".join(PHASES),
                 " · ".join(f"{wall[k]:.3f}" for k in PHASES) + " s wall; CPU "
                 + " · ".join(f"{cpu[k]:.3f}" for k in PHASES) + " s", "—"))
    section = (f"## Command line\n\nMeasured by `.venv/bin/python tests/perf/bench_cli.py --data-dir DIR --repeat "
               f"{args.repeat}{' --before SRC' if args.before else ''}`, {time.strftime('%Y-%m-%d %H:%M')}; "
               f"{perfdoc.load()}; medians of fresh processes run alternately (CPU = user + system of the "
               "process).\n\n" + perfdoc.table(rows))
    print(section)
    if not args.no_write:
        perfdoc.write_section("Command line", section + _notes())


def _notes() -> str:
    """The section's own subsections (``### …``, written by hand), kept below the measured table."""
    text = perfdoc.DOC.read_text(encoding="utf-8")
    start = text.find("## Command line\n")
    if start < 0:
        return ""
    end = text.find("\n## ", start + 1)
    body = text[start:end if end >= 0 else len(text)]
    notes = body.find("\n### ")
    return body[notes:].rstrip("\n") + "\n" if notes >= 0 else ""


if __name__ == "__main__":
    main()
