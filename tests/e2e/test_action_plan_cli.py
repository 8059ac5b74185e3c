"""Issue 14, the action plan through the real ``hexie`` command line (a separate process).

Point 4 (seed 000 监测预警 / 重点问题线索): ``hexie warnings scan|list|show|handle|thresholds``.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from hexie_desktop.core.ids import make_credit_code
from hexie_desktop.services.station import open_station
from tests.e2e.helpers import applicant, case_payload, db_digest
from tests.e2e.test_cli import hexie


@pytest.fixture(scope="module")
def town(tmp_path_factory) -> Path:
    """A township with three recent cases against one employer (the machine's today: the CLI's clock)."""
    root = tmp_path_factory.mktemp("plan") / "station"
    made = hexie(root, "init", "--role", "township", "--unit-code", "110105001",
                 "--unit-name", "东坝镇劳动人事争议调解中心", "--short-name", "东坝", "--admin", "admin")
    assert made.returncode == 0, made.stderr
    today = date.today()
    respondent = {**case_payload()["respondent"], "credit_code": make_credit_code("91110105MA01ABCD2")}
    cases = [case_payload(received_on=(today - timedelta(days=d)).isoformat(),
                          infringement_known_on=(today - timedelta(days=60)).isoformat(),
                          applicants=[applicant(f"工人{d}", seq=100 + d)], respondent=respondent)
             for d in (1, 10, 20)]
    source = root.parent / "cases.json"
    source.write_text(json.dumps({"cases": cases}, ensure_ascii=False), encoding="utf-8")
    added = hexie(root, "case", "add", "--json", str(source))
    assert added.returncode == 0, added.stderr
    return root


def _digest(root: Path) -> str:
    station = open_station(data_dir=root)
    try:
        return db_digest(station, skip=("users", "audit_log"))   # each login stamps these
    finally:
        station.db.dispose()


def test_scan_list_show_handle(town):
    scanned = hexie(town, "warnings", "scan")
    assert scanned.returncode == 0, scanned.stderr
    assert "新线索1条" in scanned.stdout
    again = hexie(town, "warnings", "scan", "--json")
    assert json.loads(again.stdout)["raised"] == 0 and json.loads(again.stdout)["unchanged"] == 1
    listed = json.loads(hexie(town, "warnings", "list", "--json").stdout)
    assert listed["count"] == 1
    lead = listed["leads"][0]
    assert lead["rule"] == "repeat_disputes" and lead["level"] == "yellow" and "3件" in lead["title"]
    text = hexie(town, "warnings", "list").stdout
    assert lead["short_id"] in text and "未指派" in text and "共1条" in text
    assigned = hexie(town, "warnings", "handle", lead["short_id"], "assign", "--owner", "王调解")
    assert assigned.returncode == 0 and "跟进中" in assigned.stdout
    closed = hexie(town, "warnings", "handle", lead["short_id"], "close", "--note", "已约谈企业负责人，整改工资支付")
    assert closed.returncode == 0, closed.stderr
    shown = json.loads(hexie(town, "warnings", "show", lead["short_id"], "--json").stdout)
    assert shown["status"] == "closed" and [a["action"] for a in shown["actions"]] == ["raise", "assign", "close"]
    assert hexie(town, "warnings", "list", "--status", "closed").stdout.count(lead["short_id"]) == 1


def test_refusals_are_one_line_and_change_nothing(town):
    hexie(town, "warnings", "scan")
    before = _digest(town)
    refused = [
        (hexie(town, "warnings", "handle", "zzzzzzzz", "follow_up", "--note", "x"), 1),
        (hexie(town, "warnings", "handle", "ab", "follow_up", "--note", "x"), 1),
        (hexie(town, "warnings", "thresholds", "--set", "repeat_min_cases=0"), 1),
        (hexie(town, "warnings", "thresholds", "--set", "repeat_min_cases"), 1),
        (hexie(town, "warnings", "thresholds", "--set", "no_such=3"), 1),
        (hexie(town, "warnings", "handle", "abcdef12", "escalate"), 2),
        (hexie(town, "warnings", "list", "--level", "purple"), 2),
    ]
    for result, code in refused:
        assert result.returncode == code, (result.args, result.stderr)
        assert "Traceback" not in result.stderr and result.stderr.strip()
        if code == 1:
            assert len(result.stderr.strip().splitlines()) == 1
    assert _digest(town) == before


def test_thresholds_set_and_shown(town):
    shown = hexie(town, "warnings", "thresholds", "--set", "repeat_min_cases=4", "--set", "handle_days_red=2",
                  "--json")
    assert shown.returncode == 0, shown.stderr
    values = json.loads(shown.stdout)
    assert values["repeat_min_cases"] == 4 and values["handle_days_red"] == 2 and values["repeat_window_days"] == 90
    table = hexie(town, "warnings", "thresholds").stdout
    assert "多次争议：件数达到" in table and "repeat_min_cases\t4" in table
