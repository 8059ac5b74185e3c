"""Issue 14 point 1, plan targets and progress, through the services, the Excel export and the CLI.

Seed 000 (区三年行动计划): "每年 … 打造35名劳动关系协调员", "每年 … 培育不少于6户企业，力争90%以上
培育企业达到 … 要求", "力争3年服务新注册企业400户以上"; the figures below are counted by hand.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from hexie_desktop.core.errors import UserError, ValidationErrors
from hexie_desktop.core.ids import make_credit_code, make_resident_id
from hexie_desktop.core.stats import parse_period
from hexie_desktop.services import case_actions, plan, registries, report_export
from tests.e2e.helpers import db_digest, signatures
from tests.e2e.test_action_plan_warnings import _case


def _coordinator(ctx, n: int, registered_on: str, honours: str | None = None) -> None:
    registries.save_record(ctx, "coordinators", {
        "name": f"协调员{n}", "id_number": make_resident_id("110105", date(1985, 1, 1), 100 + n),
        "coordinator_type": "enterprise", "employment_mode": "part_time", "skill_level": "none",
        "status": "active", "registered_on": registered_on, "honours": honours})


def _plant(ctx) -> None:
    """2026: coordinators 2 in Q1 (one 金牌), 1 in Q3, 1 in 2025; cultivation 3 of 2026 (2 met);
    new enterprises: 1 served in Q3, 1 in 2025; 2 visits in Q3; cases: 1 agreed + 1 failed closed in Q3."""
    _coordinator(ctx, 1, "2026-02-01", "2026年度金牌劳动关系协调员")
    _coordinator(ctx, 2, "2026-03-15")
    _coordinator(ctx, 3, "2026-08-20")
    _coordinator(ctx, 4, "2025-12-31", "金牌")
    firms = [registries.save_record(ctx, "employers", {"name": f"企业{i}",
                                                       "credit_code": make_credit_code(f"91110105MA01KK{i}K1")})
             for i in range(5)]
    for i, result in enumerate(("met", "met", "not_met")):
        registries.save_record(ctx, "cultivations", {"employer_id": firms[i]["id"], "year": 2026, "result": result})
    registries.save_record(ctx, "cultivations", {"employer_id": firms[3]["id"], "year": 2025, "result": "met"})
    registries.save_record(ctx, "new_enterprises", {"employer_id": firms[3]["id"], "first_contact_on": "2026-07-10"})
    registries.save_record(ctx, "new_enterprises", {"employer_id": firms[4]["id"], "first_contact_on": "2025-07-10"})
    key = registries.save_record(ctx, "key_enterprises", {"employer_id": firms[0]["id"], "risk_level": "low"})
    for day in ("2026-07-01", "2026-09-30", "2026-10-01"):
        registries.save_record(ctx, "visits", {"key_enterprise_id": key["id"], "visited_on": day, "method": "on_site"})
    agreed = _case(ctx, "2026-09-01", {"name": "甲"}, seq=10)
    case_actions.apply(ctx, agreed, "accept", {"on": "2026-09-02"})
    case_actions.apply(ctx, agreed, "record-session", {"held_on": "2026-09-03"})
    case_actions.apply(ctx, agreed, "agree", {"items": [], "content": "双方和解，申请人放弃其余请求", **signatures("2026-09-04")})
    case_actions.apply(ctx, agreed, "close", {"on": "2026-09-05"})
    failed = _case(ctx, "2026-09-01", {"name": "甲"}, seq=20)
    case_actions.apply(ctx, failed, "accept", {"on": "2026-09-02"})
    case_actions.apply(ctx, failed, "fail", {"on": "2026-09-10", "reason": "refusal"})
    case_actions.apply(ctx, failed, "close", {"on": "2026-09-11"})


def _rows(result) -> dict[str, dict]:
    return {r.code: r.as_dict() for r in result.rows}


def test_targets_default_set_and_validated(station, ctx):
    assert plan.targets(ctx, 2026)["coordinators_new"] == 35          # seed 000
    before = db_digest(station)
    for year, values in ((2026, {"coordinators_new": -1}), (2026, {"cultivation_pass_rate": 101}),
                         (2026, {"nope": 3}), (1999, {"cultivated": 6}), ("20x6", {}), (2026, {"cultivated": "6"})):
        with pytest.raises((UserError, ValidationErrors)):
            plan.set_targets(ctx, year, values)
    assert db_digest(station) == before
    assert plan.set_targets(ctx, 2026, {"coordinators_new": 4})["coordinators_new"] == 4
    assert plan.set_targets(ctx, 2026, {"cultivated": 3})["coordinators_new"] == 4     # others kept
    assert plan.targets(ctx, 2027)["coordinators_new"] == 35


def test_progress_by_year_and_quarter_counted_from_the_registers(ctx, tmp_path: Path):
    _plant(ctx)
    plan.set_targets(ctx, 2026, {"coordinators_new": 4, "cultivated": 3, "gold_coordinators": 2,
                                 "new_enterprises_served": 2, "key_enterprise_visits": 4})
    year = _rows(plan.progress(ctx, parse_period("2026")))
    assert (year["coordinators_new"]["actual"], year["coordinators_new"]["completion"]) == (3, 75.0)
    assert year["gold_coordinators"]["actual"] == 0            # counted from 选树 decisions, not 荣誉
    assert year["cultivated"]["actual"] == 3 and year["cultivation_pass_rate"]["actual"] == 66.7
    assert year["cultivation_pass_rate"]["completion"] == 74.1        # 66.67 of 90 points
    assert year["new_enterprises_served"]["actual"] == 1
    assert year["key_enterprise_visits"]["actual"] == 3
    assert year["mediation_success_rate"]["actual"] == 50.0           # 1 agreed of 1 agreed + 1 failed
    assert year["coordinators_new"]["year_to_date"] is None
    q3 = _rows(plan.progress(ctx, parse_period("2026-Q3")))
    assert (q3["coordinators_new"]["actual"], q3["coordinators_new"]["year_to_date"]) == (1, 3)
    assert q3["key_enterprise_visits"]["actual"] == 2 and q3["key_enterprise_visits"]["year_to_date"] == 2
    assert q3["coordinators_new"]["completion"] == 75.0               # year to date against the year
    with pytest.raises(UserError):
        plan.progress(ctx, parse_period("2025-12-01..2026-01-31"))

    out = tmp_path / "进度.xlsx"
    report_export.plan_progress(ctx, parse_period("2026-Q3"), out)
    sheet = load_workbook(out).active
    cells = [[c.value for c in row] for row in sheet.iter_rows()]
    flat = [v for row in cells for v in row if v is not None]
    assert "构建和谐劳动关系三年行动计划目标完成情况表" in flat
    line = next(row for row in cells if row[0] == "新增劳动关系协调员")
    assert line[1:6] == ["名", 4, "1", "3", "75.0%"]
    with pytest.raises(UserError):
        report_export.plan_progress(ctx, parse_period("2026"), tmp_path / "x.csv")


def test_plan_through_the_cli(tmp_path: Path):
    from tests.e2e.test_cli import hexie

    root = tmp_path / "station"
    assert hexie(root, "init", "--role", "township", "--unit-code", "110105001", "--unit-name", "东坝镇调解中心",
                 "--short-name", "东坝", "--admin", "admin").returncode == 0
    set_ = hexie(root, "plan", "targets", "2026", "--set", "coordinators_new=40", "--json")
    assert set_.returncode == 0, set_.stderr and json.loads(set_.stdout)["coordinators_new"] == 40
    assert json.loads(set_.stdout)["coordinators_new"] == 40
    assert hexie(root, "plan", "targets", "2026", "--set", "coordinators_new=x").returncode == 1
    assert hexie(root, "plan", "targets", "2026", "--set", "bogus=3").returncode == 1
    assert hexie(root, "plan", "progress", "2026-Q5").returncode == 1
    shown = hexie(root, "plan", "progress", "2026")
    assert shown.returncode == 0 and "新增劳动关系协调员\t目标40名\t完成0" in shown.stdout
    out = tmp_path / "p.xlsx"
    exported = hexie(root, "plan", "progress", "2026-Q4", "--out", str(out), "--json")
    assert exported.returncode == 0 and out.exists(), exported.stderr
    assert json.loads(exported.stdout)["period"] == "2026-Q4"
