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
