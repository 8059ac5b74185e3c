"""Benchmark of ``hexie dashboard --json`` against a bare ``hexie --version`` (not part of the test run).

Run:  .venv/bin/python tests/perf/bench_cli.py --data-dir DIR [--repeat 5]

Both commands run as fresh processes, alternately, ``repeat`` times; medians.  The dashboard
command logs in (argon2id password check, an audited login), opens the station and lists the
deadlines due; the split of its time is measured in-process too (imports, opening and login,
the dashboard itself).  The table is written to docs/PERFORMANCE.md (section "Command line").
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import perfdoc

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "bench123"

_SPLIT = r"""
import json, sys, time
t0 = time.perf_counter()
from hexie_desktop.services import dashboard
from hexie_desktop.services.station import open_station
from hexie_desktop.services.users import authenticate
t1 = time.perf_counter()
station = open_station(data_dir=__import__("pathlib").Path(sys.argv[1]))
t2 = time.perf_counter()
actor = authenticate(station.db, "admin", sys.argv[2])
t3 = time.perf_counter()
board = dashboard.dashboard(station.context(actor))
t4 = time.perf_counter()
print(json.dumps({"imports": t1 - t0, "open": t2 - t1, "login": t3 - t2, "dashboard": t4 - t3,
                  "items": len(board.items)}))
"""


def _timed(args: list[str], env: dict) -> float:
    start = time.perf_counter()
    result = subprocess.run(args, capture_output=True, text=True, env=env, check=False)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(result.stderr)
    return elapsed


def main() -> None:
    """Run the benchmark and update docs/PERFORMANCE.md."""
    import json

    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    env = dict(os.environ, HEXIE_PASSWORD=PASSWORD)
    hexie = [sys.executable, "-m", "hexie_desktop"]
    bare, board, splits = [], [], []
    for _i in range(args.repeat):
        bare.append(_timed([*hexie, "--version"], env))
        board.append(_timed([*hexie, "--data-dir", str(args.data_dir), "dashboard", "--json"], env))
        out = subprocess.run([sys.executable, "-c", _SPLIT, str(args.data_dir), PASSWORD], capture_output=True,
                             text=True, check=True, cwd=ROOT)
        splits.append(json.loads(out.stdout))
    split = {k: statistics.median(s[k] for s in splits) for k in ("imports", "open", "login", "dashboard")}
    b, d = statistics.median(bare), statistics.median(board)
    rows = [
        (f"`hexie dashboard --json` ({splits[0]['items']} items due)", f"{d:.2f} s ({d / b:.1f}×)",
         f"`hexie --version`: {b:.2f} s"),
        ("of which, in-process: imports · open station · login (argon2id + audit) · dashboard",
         " · ".join(f"{split[k]:.2f} s" for k in ("imports", "open", "login", "dashboard")), "—"),
    ]
    section = (f"## Command line\n\nMeasured by `.venv/bin/python tests/perf/bench_cli.py --data-dir DIR --repeat "
               f"{args.repeat}`, {time.strftime('%Y-%m-%d %H:%M')}; {perfdoc.load()}; medians of fresh processes "
               "run alternately.\n\n" + perfdoc.table(rows))
    print(section)
    perfdoc.write_section("Command line", section)

if __name__ == "__main__":
    main()
