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


# The dashboard command's whole import set: what it may load beyond the standard library.
DASHBOARD_PACKAGES = {"argon2", "chinese_calendar", "greenlet", "hexie_desktop", "sqlalchemy", "typing_extensions",
                      "cython_runtime"}
DASHBOARD_NEVER = ("hexie_desktop.documents", "hexie_desktop.reports", "hexie_desktop.ui",
                   "hexie_desktop.services.exchange", "hexie_desktop.services.demo", "hexie_desktop.exchange.keys",
                   "hexie_desktop.exchange.package")

_SET_PROBE = r"""
import gc, json, sys
from hexie_desktop import cli
from hexie_desktop.services import dashboard
seen = {}
original = dashboard.dashboard

def watched(*args, **kwargs):
    seen["collector_on_while_reading"] = gc.isenabled()
    seen["frozen_while_reading"] = gc.get_freeze_count()
    return original(*args, **kwargs)

dashboard.dashboard = watched
report, in_process = sys.argv[2], sys.argv[3] == "in-process"
argv = ["--data-dir", sys.argv[1], "dashboard", "--json"]
if in_process:
    code = cli.main(argv)
else:
    sys.argv = ["hexie", *argv]
    code = cli.main()
seen.update(code=code, collector_on_after=gc.isenabled(), modules=sorted(sys.modules))
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


def test_the_dashboard_command_loads_only_its_own_set(station_template: Path, tmp_path: Path) -> None:
    """Beyond the standard library (and private binding modules) only SQLAlchemy, argon2 and the holiday calendar;
    no writer, window, demo or exchange use case."""
    station = tmp_path / "station"
    shutil.copytree(station_template, station)
    found = _set_probe(station, tmp_path, "program")
    assert found["code"] == 0
    top = {m.split(".")[0] for m in found["modules"] if not m.startswith("_")} - set(sys.stdlib_module_names)
    assert top <= DASHBOARD_PACKAGES, top - DASHBOARD_PACKAGES
    loaded = [m for m in found["modules"] if m.startswith(DASHBOARD_NEVER)]
    assert loaded == []


def test_the_program_pauses_the_collector_only_until_the_login(station_template: Path, tmp_path: Path) -> None:
    """Run as the program, the start-up heap is frozen and the collector is on again before the dashboard reads;
    called in-process (the tests, another program) nothing changes, and both print the same."""
    station = tmp_path / "station"
    shutil.copytree(station_template, station)
    program = _set_probe(station, tmp_path, "program")
    assert program["code"] == 0 and program["collector_on_while_reading"] and program["collector_on_after"]
    assert program["frozen_while_reading"] > 10_000
    in_process = _set_probe(station, tmp_path, "in-process")
    assert in_process["code"] == 0 and in_process["collector_on_while_reading"]
    assert in_process["frozen_while_reading"] == 0
    assert in_process["out"] == program["out"]
