"""Benchmark of the desktop window on a large station (not part of the test run).

Run:  .venv/bin/python tests/perf/bench_gui.py --data-dir DIR [--cases 100000]

``DIR`` is reused when it already holds a station (generate it once, e.g. with
``hexie --data-dir DIR init …`` and ``hexie --data-dir DIR demo --cases 100000``); else it
is created here.  Every measurement runs offscreen in a fresh process; a heartbeat
``QTimer`` (10 ms) in the event loop records the longest gap between two beats, i.e. the
longest time the window could not react (a freeze).  Beside each measurement, a baseline
of the same run:

* start: launch → login dialog shown, and login → main window with the dashboard filled,
  against a bare PySide6 ``QMainWindow`` started from nothing (launch → window shown);
* dashboard, statistics of the current year, registry 用人单位 (switch and scroll to the
  end), the case list scrolled from top to bottom, then filtered to 分级 仅重大: time, longest freeze;
* memory: the resident set (VmRSS) and its peak (VmHWM) after browsing, against the bare
  window's.

The table is written to docs/PERFORMANCE.md (section "Desktop"); other sections stay.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import perfdoc

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "bench123"

_COMMON = r"""
import json, os, sys, time
LAUNCH = float(sys.argv[1])

def since_launch():
    return time.time() - LAUNCH

def memory():
    out = {}
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(("VmRSS:", "VmHWM:")):
                out[line.split(":")[0]] = int(line.split()[1]) / 1024
    return out
"""

_BARE = _COMMON + r"""
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
from PySide6.QtTest import QTest
app = QApplication([])
window = QMainWindow()
window.setCentralWidget(QLabel("hello"))
window.resize(1200, 800)
window.show()
QTest.qWaitForWindowExposed(window)
app.processEvents()
shown = since_launch()
print(json.dumps({"shown": shown, **memory()}), flush=True)
os._exit(0)
"""

_OURS = _COMMON + r"""
from pathlib import Path
from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtWidgets import QApplication
from PySide6.QtTest import QTest

app = QApplication([])


class Heartbeat:
    # The longest gap between two beats of a 10 ms timer: how long the event loop was blocked.
    def __init__(self):
        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self.beat)
        self.reset()
        self.clock.start()
        self.timer.start()

    def reset(self):
        self.last = None
        self.longest = 0
        self.longest_cpu = 0.0  # the GUI thread's own CPU time in its longest busy stretch (load-independent)
        self.count = 0

    def beat(self):
        self.count += 1
        now = self.clock.elapsed()
        cpu = time.thread_time()
        if self.last is not None:
            self.longest = max(self.longest, now - self.last)
            self.longest_cpu = max(self.longest_cpu, cpu - self.last_cpu)
        self.last, self.last_cpu = now, cpu


def wait(predicate, timeout=600.0):
    end = time.time() + timeout
    while not predicate():
        if time.time() > end:
            raise SystemExit("timed out")
        app.processEvents()
        time.sleep(0.001)


from hexie_desktop.ui import ops
from hexie_desktop.ui.startup import Launcher
from hexie_desktop.ui.screens.login import LoginDialog
try:
    from hexie_desktop.ui.startup import configure
except ImportError:  # an older version of the program (to measure the "before")
    from hexie_desktop.ui.style import apply as configure

configure(app)
beat = Heartbeat()
launcher = Launcher(Path(sys.argv[2]), None, False)
windows = []
marks = {}


def _ready(window):
    marks["ready"] = time.perf_counter()
    windows.append(window)


launcher.ready.connect(_ready)
try:  # the moment the password check returns (on its worker thread, or inline in older versions)
    import hexie_desktop.ui.screens.login.dialogs as login_dialogs

    _check = getattr(login_dialogs, "_authenticate", None) or login_dialogs._check
    _name = "_authenticate" if hasattr(login_dialogs, "_authenticate") else "_check"

    def _timed(*args):
        try:
            return _check(*args)
        finally:
            marks.setdefault("checked", time.perf_counter())

    setattr(login_dialogs, _name, _timed)
except (ImportError, AttributeError):
    pass
QTimer.singleShot(0, launcher.start)
wait(lambda: isinstance(launcher.dialog, LoginDialog) and launcher.dialog.isVisible())
dialog = launcher.dialog
QTest.qWaitForWindowExposed(dialog)
result = {"login_shown": since_launch()}
wait(lambda: dialog.station is not None)
result["station_open"] = since_launch()
dialog.ui.username.setText("admin")
dialog.ui.password.setText(sys.argv[3])
beat.reset()
start = time.perf_counter()
dialog.try_login()
typed = []  # the dialog keeps answering while the password is checked: typing into it goes through
while not windows and not dialog.isHidden() and len(typed) < 20:
    QTest.qWait(5)
    typed.append(dialog.ui.password.hasFocus() or dialog.ui.username.hasFocus())
wait(lambda: windows)
beats = beat.count  # the gap that ends with the next beat is the window's construction: still the login's
wait(lambda: beat.count > beats)
result["login_freeze"] = beat.longest / 1000
result["login_freeze_cpu"] = beat.longest_cpu
beat.reset()
result["login_check"] = marks.get("checked", marks["ready"]) - start
result["login_window"] = marks["ready"] - marks.get("checked", start)
result["login_focus"] = all(typed)
start = marks["ready"]
window = windows[0]
QTest.qWaitForWindowExposed(window)
board = window.dashboard
wait(lambda: board.task is not None and board.task.done and not ops.busy())
app.processEvents()
result["dashboard"] = time.perf_counter() - start
result["dashboard_freeze"] = beat.longest / 1000
result["dashboard_freeze_cpu"] = beat.longest_cpu
result["dashboard_items"] = len(board.items)
result["window_ready"] = since_launch()

beat.reset()  # the noise floor: the same heartbeat while the window sits idle for a second
idle_until = time.time() + 1.0
wait(lambda: time.time() > idle_until)
result["idle_freeze"] = beat.longest / 1000

from hexie_desktop.core import stats
reports = window.reports
window.show_page("reports")
wait(lambda: reports.task is not None and reports.task.done)
beat.reset()
start, start_cpu = time.perf_counter(), time.process_time()
reports.set_period(stats.year(reports.workspace.ctx.today.year))
loading = getattr(reports.ui.categoryChart, "loading_text", "") or reports.ui.categoryChart.empty_text
wait(lambda: reports.task.done)
app.processEvents()
result["statistics"] = time.perf_counter() - start
result["statistics_freeze"] = beat.longest / 1000
result["statistics_freeze_cpu"] = beat.longest_cpu
result["statistics_loading_text"] = loading
result["statistics_received"] = reports.result.total["received"]
result["statistics_cpu"] = time.process_time() - start_cpu  # the whole process: GUI and worker threads
if sys.argv[-1] == "statistics-only":
    print(json.dumps(result), flush=True)
    os._exit(0)

from hexie_desktop.services import registries
registry = window.registry
window.show_page("registry")
wait(lambda: not ops.busy())
beat.reset()
start = time.perf_counter()
registry.ui.kinds.setCurrentRow(list(registries.KINDS).index("employers"))
wait(lambda: registry.ui.countLabel.text().startswith("共"))
app.processEvents()
registry.ui.table.scrollToBottom()
app.processEvents()
result["registry"] = time.perf_counter() - start
result["registry_freeze"] = beat.longest / 1000
result["registry_freeze_cpu"] = beat.longest_cpu
result["registry_rows"] = registry.model.rowCount()

cases = window.cases
window.show_page("cases")
wait(lambda: not cases.pending and not ops.busy())
beat.reset()
start = time.perf_counter()
table = cases.ui.table
bar = table.verticalScrollBar()
for step in range(0, 101, 5):
    bar.setValue(bar.maximum() * step // 100)
    app.processEvents()
result["case_scroll"] = time.perf_counter() - start
result["case_scroll_freeze"] = beat.longest / 1000
result["case_scroll_freeze_cpu"] = beat.longest_cpu
result["case_rows"] = cases.model.rowCount()

beat.reset()  # the 分级 filter: only the 重大 cases of all of them
start = time.perf_counter()
cases.ui.grade.setCurrentIndex(cases.ui.grade.findData("major"))
wait(lambda: not cases.pending and not ops.busy())
app.processEvents()
result["grade_filter"] = time.perf_counter() - start
result["grade_filter_freeze"] = beat.longest / 1000
result["grade_filter_freeze_cpu"] = beat.longest_cpu
result["grade_rows"] = cases.model.rowCount()
result.update(memory())
print(json.dumps(result), flush=True)
window.close()
ops.wait_all()
launcher.close()
os._exit(0)  # skip the interpreter's teardown of Qt objects: nothing is measured there
"""


_GRADES_BEFORE = r"""
import json, sys, time
from pathlib import Path
from sqlalchemy import select
from hexie_desktop.services import grading
from hexie_desktop.services.station import open_station
from hexie_desktop.services.users import actor_for
from hexie_desktop.storage.models import Case
station = open_station(data_dir=Path(sys.argv[2]))
ctx = station.context(actor_for(station.db, "admin"))
with ctx.db.read() as session:
    ids = list(session.execute(select(Case.id).where(Case.deleted.is_(False))).scalars())
start = time.perf_counter()
grades = grading.grade_codes(ctx, ids)  # the former filter: every case graded in Python
chosen = [i for i in ids if grades.get(i) == "major"]
print(json.dumps({"seconds": time.perf_counter() - start, "rows": len(chosen)}))
"""


def _run(code: str, *args: str, root: Path = ROOT) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if root != ROOT:
        env["PYTHONPATH"] = str(root)
    launch = time.time()
    result = subprocess.run([sys.executable, "-c", code, repr(launch), *args], capture_output=True, text=True,
                            cwd=root, env=env, check=False)
    if result.returncode != 0:
        raise SystemExit(result.stderr[-3000:])
    return json.loads(result.stdout.strip().splitlines()[-1])


def _statistics_only(args: argparse.Namespace) -> None:
    """The statistics page alone, medians of ``--repeat`` fresh processes (alternating with ``--before``)."""
    load_before = perfdoc.load()
    runs: dict[str, list[dict]] = {"ours": [], "before": []}
    for _i in range(args.repeat):
        runs["ours"].append(_run(_OURS, str(args.data_dir), PASSWORD, "statistics-only"))
        if args.before:
            runs["before"].append(_run(_OURS, str(args.data_dir), PASSWORD, "statistics-only",
                                       root=args.before.resolve()))

    def med(mode: str, key: str) -> float:
        values = sorted(r[key] for r in runs[mode])
        return values[len(values) // 2]

    def show(mode: str) -> str:
        return (f"{med(mode, 'statistics'):.2f} s ({med(mode, 'statistics_cpu'):.2f} s CPU), longest freeze "
                f"{med(mode, 'statistics_freeze') * 1000:.0f} ms")
    first = runs["ours"][0]
    row = (f"statistics page, whole year ({first['statistics_received']} received); meanwhile the charts say "
           f"“{first['statistics_loading_text']}”; median of {args.repeat} fresh processes",
           show("ours"), f"the program in {args.before}: {show('before')}" if args.before else "—")
    print(json.dumps(runs))
    print(perfdoc.table([row]), f"{load_before} at the start, {perfdoc.load()} at the end")


def _station(data_dir: Path, cases: int) -> float | None:
    if (data_dir / "hexie.sqlite3").exists():
        return None
    from hexie_desktop.services.demo import generate
    from hexie_desktop.services.station import init_station
    from hexie_desktop.services.users import actor_for

    station = init_station(data_dir=data_dir, db_url=None, role="township", unit_code="110105001",
                           unit_name="东坝镇劳动人事争议调解中心", short_name="东坝", admin="admin", password=PASSWORD)
    report = generate(station.context(actor_for(station.db, "admin")), cases=cases, seed=1)
    station.db.dispose()
    return report.seconds


def main() -> None:
    """Run the benchmark and update docs/PERFORMANCE.md."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--data-dir", type=Path, required=True, help="reuse (or create) the benchmark station here")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each process; the median is shown")
    parser.add_argument("--statistics-only", action="store_true",
                        help="only the statistics page (prints its row, leaves docs/PERFORMANCE.md alone)")
    parser.add_argument("--before", type=Path, metavar="CHECKOUT",
                        help="with --statistics-only: the same page of the program in CHECKOUT (e.g. an export "
                             "of main), run alternately with this one on the same station")
    args = parser.parse_args()
    _station(args.data_dir, args.cases)
    if args.statistics_only:
        _statistics_only(args)
        return
    load_before = perfdoc.load()
    runs_bare, runs_ours = [], []
    for _i in range(args.repeat):
        runs_bare.append(_run(_BARE))
        runs_ours.append(_run(_OURS, str(args.data_dir), PASSWORD))
    grades_before = _run(_GRADES_BEFORE, str(args.data_dir))

    def med(runs: list[dict], key: str) -> float:
        values = sorted(r[key] for r in runs)
        return values[len(values) // 2]

    print(json.dumps({"bare": runs_bare, "ours": runs_ours}))
    bare, ours = runs_bare[0], runs_ours[0]
    ms = lambda s: f"{s * 1000:.0f} ms"  # noqa: E731

    def freeze(key: str) -> str:
        text = f"longest freeze {ms(med(runs_ours, key))}"
        if all(f"{key}_cpu" in r for r in runs_ours):
            text += f" (GUI thread's own CPU in its longest stretch {ms(med(runs_ours, key + '_cpu'))})"
        return text
    table = [
        ("start: launch → login dialog shown", f"{med(runs_ours, 'login_shown'):.2f} s",
         f"bare PySide6 QMainWindow, launch → shown: {med(runs_bare, 'shown'):.2f} s "
         f"(ratio {med(runs_ours, 'login_shown') / med(runs_bare, 'shown'):.2f}×)"),
        ("start: launch → station opened behind the login dialog (window code loaded)",
         f"{med(runs_ours, 'station_open'):.2f} s", "—"),
        ("login: password check (argon2id, off the GUI thread; the dialog keeps the focus"
         + ("" if all(r["login_focus"] for r in runs_ours) else " — NOT kept") + "), then the main window built",
         f"{ms(med(runs_ours, 'login_check'))} check + {ms(med(runs_ours, 'login_window'))} window, "
         f"{freeze('login_freeze')}", "—"),
        (f"dashboard after login ({ours['dashboard_items']} items due): window + filled dashboard",
         f"{med(runs_ours, 'dashboard'):.2f} s, {freeze('dashboard_freeze')}",
         f"heartbeat every 10 ms; the same window idle for 1 s: longest gap {ms(med(runs_ours, 'idle_freeze'))}"),
        (f"statistics page, whole year ({ours['statistics_received']} received); meanwhile the charts say "
         f"“{ours['statistics_loading_text']}”",
         f"{med(runs_ours, 'statistics'):.2f} s, {freeze('statistics_freeze')}", "—"),
        (f"registry 用人单位 ({ours['registry_rows']} rows): switch, then jump to the end",
         f"{med(runs_ours, 'registry'):.2f} s, {freeze('registry_freeze')}", "—"),
        (f"case list ({ours['case_rows']} cases) scrolled top to bottom in 20 jumps",
         f"{med(runs_ours, 'case_scroll'):.2f} s, {freeze('case_scroll_freeze')}", "—"),
        (f"case list filtered to 分级 仅重大 ({ours['grade_rows']} of {ours['case_rows']} cases; one query, "
         "tests/e2e/test_grade_query.py)",
         f"{med(runs_ours, 'grade_filter'):.2f} s, {freeze('grade_filter_freeze')}",
         f"the former filter (every case graded in Python, service call alone, {grades_before['rows']} found): "
         f"{grades_before['seconds']:.2f} s"),
        ("memory after browsing all of the above", f"RSS {med(runs_ours, 'VmRSS'):.0f} MiB, peak "
         f"{med(runs_ours, 'VmHWM'):.0f} MiB", f"bare window: RSS {bare['VmRSS']:.0f} MiB"),
    ]
    section = (f"## Desktop\n\nMeasured by `.venv/bin/python tests/perf/bench_gui.py --data-dir DIR --cases {args.cases}` "
               f"(offscreen), {time.strftime('%Y-%m-%d %H:%M')}; {load_before} at the start, {perfdoc.load()} at the "
               f"end (the machine is shared: absolute times are noisy, the baseline ran in the same minutes); "
               f"median of {args.repeat} fresh processes each.\n\n" + perfdoc.table(table))
    print(section)
    perfdoc.write_section("Desktop", section)

if __name__ == "__main__":
    main()
