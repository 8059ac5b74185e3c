"""Employers' phones and the exchange's conflict queue are masked like applicants' personal data.

An employer's phone is, at a small employer, the owner's own mobile: ``case show --json``,
the employers ledger (``report employers``, read back from the xlsx with openpyxl) and the
district's conflict queue show it masked, exactly as applicants' ID numbers and phones are;
the full value needs ``--unmask`` / ``unmask=True``, the ``pii.unmask`` right, and leaves an
audit entry.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select, text

from hexie_desktop.core import ids
from hexie_desktop.core.errors import NotAllowed
from hexie_desktop.services import cases, registries
from hexie_desktop.services import exchange as ex
from hexie_desktop.services.users import actor_for, create_user
from hexie_desktop.storage.models import AuditEntry
from tests.e2e.exchange_support import PASSWORD, context, open_pair, township
from tests.e2e.helpers import applicant, case_payload

MOBILE = "13912345678"
APPLICANT_ID = applicant("王秀英")["id_number"]


def hexie(data_dir: Path, *args: str, user: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HEXIE_")}
    env["HEXIE_PASSWORD"] = PASSWORD
    argv = [sys.executable, "-m", "hexie_desktop", "--data-dir", str(data_dir), *(("--user", user) if user else ()),
            *args]
    return subprocess.run(argv, capture_output=True, text=True, env=env, timeout=300)


def _audits(station, action: str) -> int:
    with station.db.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == action)
                            ).scalar_one()


@pytest.fixture(scope="module")
def town(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("pii")
    station = township(root / "town")
    ctx = context(station)
    payload = case_payload(applicants=[applicant("王秀英")])
    payload["respondent"] = {**payload["respondent"], "name": "东坝乡小王餐馆", "phone": MOBILE}
    number = cases.register(ctx, {"cases": [payload]})[0].number
    create_user(ctx, username="clerk1", display_name="书记员", role="clerk", password=PASSWORD)
    station.db.dispose()
    yield root / "town", number, station
    station.db.dispose()


def test_case_show_json_masks_the_employers_phone(town):
    root, number, _station = town
    shown = hexie(root, "case", "show", number, "--json")
    assert shown.returncode == 0, shown.stderr
    view = json.loads(shown.stdout)
    assert view["respondent"]["phone"] == ids.mask_phone(MOBILE) == "139****5678"
    assert view["applicants"][0]["id_number"] == ids.mask_id(APPLICANT_ID)
    assert MOBILE not in shown.stdout and APPLICANT_ID not in shown.stdout


def test_case_show_unmask_needs_the_right_and_is_audited(town):
    root, number, station = town
    refused = hexie(root, "case", "show", number, "--json", "--unmask", user="clerk1")
    assert refused.returncode == 1 and MOBILE not in refused.stdout
    before = _audits(station, "pii.unmask")
    shown = hexie(root, "case", "show", number, "--json", "--unmask")
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["respondent"]["phone"] == MOBILE
    assert _audits(station, "pii.unmask") == before + 1


def _cells(path: Path) -> list[str]:
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        return [str(v) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for v in row
                if v is not None]
    finally:
        book.close()


def test_the_employers_ledger_masks_phones_unless_unmasked(town, tmp_path: Path):
    root, _number, station = town
    masked = tmp_path / "employers.xlsx"
    result = hexie(root, "report", "employers", "--out", str(masked))
    assert result.returncode == 0, result.stderr
    cells = _cells(masked)
    assert "东坝乡小王餐馆" in cells and ids.mask_phone(MOBILE) in cells
    assert not any(MOBILE in c for c in cells)
    assert hexie(root, "report", "employers", "--out", str(tmp_path / "x.xlsx"), "--unmask",
                 user="clerk1").returncode == 1
    before = _audits(station, "export.unmasked")
    full = tmp_path / "employers-full.xlsx"
    assert hexie(root, "report", "employers", "--out", str(full), "--unmask").returncode == 0
    assert MOBILE in _cells(full)
    assert _audits(station, "export.unmasked") == before + 1


def test_registry_records_use_the_same_policy(town):
    _root, _number, station = town
    ctx = station.context(actor_for(station.db, "clerk1"))
    row = next(r for r in registries.list_records(ctx, "employers") if r["name"] == "东坝乡小王餐馆")
    assert row["phone"] == ids.mask_phone(MOBILE)


@pytest.fixture
def pair(tmp_path: Path):
    with open_pair(tmp_path / "p") as made:
        yield made


def test_conflicts_are_masked_for_a_read_role(pair):
    employer = registries.save_record(pair.tctx, "employers", {"name": "甲餐馆", "phone": "13911118888"})
    pair.sync("p1.hxp")
    with pair.dist.db.engine.begin() as conn:  # the district's copy moved on by itself
        conn.execute(text("UPDATE employers SET phone = '13922228888', version = version + 1 WHERE id = :id"),
                     {"id": employer["id"]})
    registries.save_record(pair.tctx, "employers", {"name": "甲餐馆", "phone": "13933338888"}, employer["id"])
    assert pair.sync("p2.hxp")[1].summary.tables["employers"].conflicts == 1
    create_user(pair.dctx, username="viewer", display_name="区里查看", role="district_viewer", password=PASSWORD)
    viewer = pair.dist.context(actor_for(pair.dist.db, "viewer"))

    conflict = ex.conflicts(viewer)[0]
    assert conflict.stored["phone"] == conflict.incoming["phone"] == "139****8888"
    shown = json.dumps([conflict.stored, conflict.incoming], ensure_ascii=False)
    assert "13922228888" not in shown and "13933338888" not in shown
    assert "phone" in [c for c, *_values in conflict.differences], "the masked values look alike, yet differ"
    with pytest.raises(NotAllowed):
        ex.conflicts(viewer, unmask=True)

    before = _audits(pair.dist, "pii.unmask")
    full = ex.conflicts(pair.dctx, unmask=True)[0]
    assert (full.stored["phone"], full.incoming["phone"]) == ("13922228888", "13933338888")
    assert _audits(pair.dist, "pii.unmask") == before + 1
