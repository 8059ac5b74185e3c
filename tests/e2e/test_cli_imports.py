"""Opening a station and reading the dashboard loads only what it uses (issue #12: the command line's start-up).

``hexie dashboard --json`` should take at most 3× a bare ``hexie --version``; the exchange package
(age via pyrage, cryptography), alembic (when the schema is current), reportlab and openpyxl are a
large part of the import time and none of them is needed to open a station and list the deadlines.
Each check runs a fresh interpreter, since the test process itself has long loaded them all.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ADMIN

HEAVY = ("alembic", "cryptography", "openpyxl", "pyrage", "reportlab")

_PROBE = r"""
import json, sys
from hexie_desktop import cli
for module in sys.argv[3:]:
    __import__(module)  # what a caller loaded before (only to show that the probe sees it)
code = cli.main(["--data-dir", sys.argv[1], "dashboard", "--json"])
heavy = {m.split(".")[0] for m in sys.modules} & set(HEAVY)
with open(sys.argv[2], "w", encoding="utf-8") as out:
    json.dump({"code": code, "heavy": sorted(heavy)}, out)
""".replace("HEAVY", repr(HEAVY))


def _probe(station: Path, tmp_path: Path, *preloaded: str) -> dict:
    """Run the CLI's dashboard in a fresh interpreter; the exit code and the heavy packages it loaded."""
    report = tmp_path / "modules.json"
    env = {k: v for k, v in os.environ.items() if k != "HEXIE_DATA_DIR"}
    env["HEXIE_PASSWORD"] = ADMIN[1]
    result = subprocess.run([sys.executable, "-c", _PROBE, str(station), str(report), *preloaded],
                            capture_output=True, text=True, env=env, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["count"] >= 0
    return json.loads(report.read_text(encoding="utf-8"))


def test_dashboard_loads_no_exchange_alembic_or_writers(station_template: Path, tmp_path: Path) -> None:
    """Open a station (schema current), log in, back up, read the dashboard: none of the heavy packages loads."""
    station = tmp_path / "station"
    shutil.copytree(station_template, station)
    found = _probe(station, tmp_path)
    assert found == {"code": 0, "heavy": []}


def test_probe_sees_a_heavy_import(station_template: Path, tmp_path: Path) -> None:
    """The check can fail: with the exchange use cases loaded first, the probe reports pyrage and alembic."""
    station = tmp_path / "station"
    shutil.copytree(station_template, station)
    found = _probe(station, tmp_path, "hexie_desktop.services.exchange")
    assert found["code"] == 0
    assert {"alembic", "cryptography", "pyrage"} <= set(found["heavy"])
    assert set(found["heavy"]) <= set(HEAVY)


# The dashboard command's whole import set: what it may load beyond the standard library.  The everyday command
# (a sound station folder, the password in HEXIE_PASSWORD) takes the quick path: no SQLAlchemy at all.
DASHBOARD_PACKAGES = {"argon2", "chinese_calendar", "hexie_desktop", "cython_runtime"}
FULL_PATH_PACKAGES = DASHBOARD_PACKAGES | {"greenlet", "sqlalchemy", "typing_extensions"}
DASHBOARD_NEVER = ("hexie_desktop.documents", "hexie_desktop.reports", "hexie_desktop.ui",
                   "hexie_desktop.services.exchange", "hexie_desktop.services.demo", "hexie_desktop.exchange.keys",
                   "hexie_desktop.exchange.package")

_SET_PROBE = r"""
import gc, json, sys
from hexie_desktop import cli
from hexie_desktop.services import dashboard_quick
seen = {}
report, how = sys.argv[2], sys.argv[3]
quick = dashboard_quick.dashboard

def watched_quick(*args, **kwargs):
    board = quick(*args, **kwargs)
    seen["quick_path"] = board is not None
    return board

dashboard_quick.dashboard = watched_quick
if how != "program":  # watching the full path loads it (and SQLAlchemy): the program's own run must not
    from hexie_desktop.services import dashboard
    original = dashboard.dashboard

    def watched(*args, **kwargs):
        seen["full_path"] = True
        seen["collector_on_while_reading"] = gc.isenabled()
        seen["frozen_while_reading"] = gc.get_freeze_count()
        return original(*args, **kwargs)

    dashboard.dashboard = watched
argv = ["--data-dir", sys.argv[1], "dashboard", "--json", *(["--mine"] if how == "mine" else [])]
if how == "in-process":
    code = cli.main(argv)
else:
    sys.argv = ["hexie", *argv]
    code = cli.main()
seen.update(code=code, collector_on_after=gc.isenabled(), frozen_after=gc.get_freeze_count(),
            modules=sorted(sys.modules))
with open(report, "w", encoding="utf-8") as out:
    json.dump(seen, out)
"""


def _set_probe(station: Path, tmp_path: Path, how: str) -> dict:
    report = tmp_path / f"set-{how}.json"
    env = {k: v for k, v in os.environ.items() if k != "HEXIE_DATA_DIR"}
    env["HEXIE_PASSWORD"] = ADMIN[1]
    result = subprocess.run([sys.executable, "-c", _SET_PROBE, str(station), str(report), how], capture_output=True,
                            text=True, env=env, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    return {"out": json.loads(result.stdout), **json.loads(report.read_text(encoding="utf-8"))}


def _top(found: dict) -> set[str]:
    return {m.split(".")[0] for m in found["modules"] if not m.startswith("_")} - set(sys.stdlib_module_names)


def test_the_dashboard_command_loads_only_its_own_set(station_template: Path, tmp_path: Path) -> None:
    """The everyday command loads argon2 and the holiday calendar beyond the standard library: no SQLAlchemy, no
    writer, window, demo or exchange use case; the full path (here for “我的案件”) adds only SQLAlchemy."""
    station = tmp_path / "station"
    shutil.copytree(station_template, station)
    found = _set_probe(station, tmp_path, "program")
    assert found["code"] == 0 and found.get("quick_path")
    assert "hexie_desktop.services.dashboard" not in found["modules"]  # the full path was not taken
    assert _top(found) <= DASHBOARD_PACKAGES, _top(found) - DASHBOARD_PACKAGES
    assert [m for m in found["modules"] if m.startswith(DASHBOARD_NEVER)] == []
    mine = _set_probe(station, tmp_path, "mine")
    assert mine["code"] == 0 and mine.get("full_path") and "sqlalchemy" in _top(mine)
    assert _top(mine) <= FULL_PATH_PACKAGES, _top(mine) - FULL_PATH_PACKAGES
    assert [m for m in mine["modules"] if m.startswith(DASHBOARD_NEVER)] == []


def test_the_program_pauses_the_collector_only_until_the_login(station_template: Path, tmp_path: Path) -> None:
    """Run as the program, the collector is on again after the login with the start-up heap frozen (the full path:
    before the dashboard reads); called in-process (the tests, another program) nothing changes, and all print
    the same."""
    station = tmp_path / "station"
    shutil.copytree(station_template, station)
    program = _set_probe(station, tmp_path, "program")
    assert program["code"] == 0 and program["quick_path"] and program["collector_on_after"]
    assert program["frozen_after"] > 5_000
    full = _set_probe(station, tmp_path, "mine")
    assert full["code"] == 0 and full["collector_on_while_reading"] and full["collector_on_after"]
    assert full["frozen_while_reading"] > 10_000
    in_process = _set_probe(station, tmp_path, "in-process")
    assert in_process["code"] == 0 and in_process["collector_on_while_reading"]
    assert in_process["frozen_while_reading"] == 0 and not in_process.get("quick_path")
    assert in_process["out"] == program["out"]
