"""Issue 14 point 6, the quarterly and annual 工作情况 report upward, with the district's township
columns; every figure below is counted by hand from the rows this test plants.

Sources: seed 000 (区三年行动计划) "定期向市协调劳动关系三方反馈服务企业数量和情况"; seed 004 "由市协调劳动关系
三方办公室汇总全市工作成果后，上报省协调劳动关系三方办公室"; seed 001 "定期向市三方报送工作信息，反映工作开展
情况、成效". A district holds each township's rows under the township's ``origin``
(exchange/ownership.py); its total is the sum of the townships (rates recomputed from the sums).
"""

from __future__ import annotations

import json
import subprocess
from datetime import date
from fractions import Fraction
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import update

from hexie_desktop.core.errors import UserError
from hexie_desktop.core.ids import make_credit_code, make_resident_id
from hexie_desktop.core.plan import report_period
from hexie_desktop.services import case_actions, plan_printing, plan_upward, registries, report_export, selection
from hexie_desktop.storage.models import (
    Case,
    Coordinator,
    Cultivation,
    NewEnterprise,
    Selection,
    SocialOrg,
    WarningLead,
)
from tests.e2e.helpers import db_digest, signatures
from tests.e2e.test_action_plan_warnings import _case

TOWN_B = "110105002"


def _coordinator(ctx, n: int, registered_on: str, status: str = "active") -> dict:
    return registries.save_record(ctx, "coordinators", {
        "name": f"协调员{n}", "id_number": make_resident_id("110105", date(1985, 1, 1), 100 + n),
        "coordinator_type": "enterprise", "employment_mode": "part_time", "skill_level": "none",
        "status": status, "registered_on": registered_on})


def _plant(station, ctx) -> None:
    """Township A (this station, 110105001) and township B (110105002) — see the docstrings of the tests."""
    a1 = _coordinator(ctx, 1, "2026-07-05")
    _coordinator(ctx, 2, "2026-08-01")
    _coordinator(ctx, 3, "2026-02-01", status="inactive")
    b1 = _coordinator(ctx, 4, "2026-09-30")
    registries.save_record(ctx, "mediators", {"name": "调解员甲", "employment_mode": "part_time", "status": "active"})
    firms = [registries.save_record(ctx, "employers", {"name": f"企业{i}",
                                                       "credit_code": make_credit_code(f"91110105MA01KK{i}K1")})
             for i in range(4)]
    registries.save_record(ctx, "cultivations", {"employer_id": firms[0]["id"], "year": 2026, "result": "met"})
    registries.save_record(ctx, "cultivations", {"employer_id": firms[1]["id"], "year": 2026, "result": "pending"})
    b_cultivation = registries.save_record(ctx, "cultivations", {"employer_id": firms[2]["id"], "year": 2026,
                                                                 "result": "met"})
    registries.save_record(ctx, "new_enterprises", {"employer_id": firms[0]["id"], "first_contact_on": "2026-08-10"})
    b_new = registries.save_record(ctx, "new_enterprises", {"employer_id": firms[3]["id"],
                                                            "first_contact_on": "2026-05-10"})
    key = registries.save_record(ctx, "key_enterprises", {"employer_id": firms[0]["id"], "risk_level": "low"})
    for day in ("2026-07-01", "2026-10-01"):
        registries.save_record(ctx, "visits", {"key_enterprise_id": key["id"], "visited_on": day, "method": "on_site"})
    agreed = _case(ctx, "2026-09-01", {"name": "甲"}, seq=10)
    case_actions.apply(ctx, agreed, "accept", {"on": "2026-09-02"})
    case_actions.apply(ctx, agreed, "record-session", {"held_on": "2026-09-03"})
    case_actions.apply(ctx, agreed, "agree", {"items": [], "content": "双方和解", **signatures("2026-09-04")})
    case_actions.apply(ctx, agreed, "close", {"on": "2026-09-05"})
    failed = _case(ctx, "2026-09-01", {"name": "乙"}, seq=20)
    case_actions.apply(ctx, failed, "accept", {"on": "2026-09-02"})
    case_actions.apply(ctx, failed, "fail", {"on": "2026-09-10", "reason": "refusal"})
    case_actions.apply(ctx, failed, "close", {"on": "2026-09-11"})
    # 选树: A nominates 协调员1 on 2026-08-01 and selects it (decided today, 2026-11-21: Q4);
    # B nominates its social organization on 2026-09-01 (open).
    gold = selection.nominate(ctx, "gold_coordinator", a1["id"], 2026, nominated_on="2026-08-01")
    for item in gold["checks"]:
        selection.check(ctx, gold["id"], item["code"], "met", "核实")
    selection.review(ctx, gold["id"])
    selection.decide(ctx, gold["id"], True)
    social = registries.save_record(ctx, "social_orgs", {"name": "乙镇劳动关系服务社", "status": "active"})
    b_nomination = selection.nominate(ctx, "gold_social_org", social["id"], 2026, nominated_on="2026-09-01")
    with station.db.transaction() as session:
        # Leads as the scan leaves them: A raised two in Q3 (one closed in Q3, one open and past its due
        # date), B raised one in Q4 and dismissed it.
        session.add_all([
            WarningLead(rule="repeat", subject="a1", level="yellow", title="线索1", evidence="e1", status="closed",
                        raised_on=date(2026, 7, 10), due_on=date(2026, 7, 20), closed_on=date(2026, 8, 1)),
            WarningLead(rule="repeat", subject="a2", level="red", title="线索2", evidence="e2", status="open",
                        raised_on=date(2026, 9, 1), due_on=date(2026, 9, 15)),
            WarningLead(rule="repeat", subject="b1", level="yellow", title="线索3", evidence="e3", status="dismissed",
                        raised_on=date(2026, 10, 1), due_on=date(2026, 10, 15), closed_on=date(2026, 10, 5),
                        origin=TOWN_B),
        ])
        # B's rows, as the district holds them after importing B's package.
        session.execute(update(Coordinator).where(Coordinator.id == b1["id"]).values(origin=TOWN_B))
        session.execute(update(Cultivation).where(Cultivation.id == b_cultivation["id"]).values(origin=TOWN_B))
        session.execute(update(NewEnterprise).where(NewEnterprise.id == b_new["id"]).values(origin=TOWN_B))
        session.execute(update(Case).where(Case.number == failed).values(origin=TOWN_B))
        session.execute(update(SocialOrg).where(SocialOrg.id == social["id"]).values(origin=TOWN_B))
        session.execute(update(Selection).where(Selection.id == b_nomination["id"]).values(origin=TOWN_B))


# Line → (township A, township B, total), counted by hand from _plant.
Q3 = {
    "coordinators_new": (2, 1, 3),          # A: 07-05, 08-01 (02-01 is Q1); B: 09-30
    "gold_coordinators": (0, 0, 0),         # decided 11-21, in Q4
    "cultivated": (2, 1, 3),                # by cultivation year 2026
    "new_enterprises_served": (1, 0, 1),    # A 08-10; B 05-10 is Q2
    "key_enterprise_visits": (1, 0, 1),     # 07-01 (10-01 is Q4)
    "cases.received": (1, 1, 2),
    "cases.closed.agreed": (1, 0, 1),
    "cases.closed.failed": (0, 1, 1),
    "registers.coordinators": (2, 1, 3),    # active now (协调员3 is inactive)
    "registers.mediators": (2, 0, 2),       # 王调解 (the station's first mediator) and 调解员甲
    "registers.social_orgs": (0, 1, 1),
    "selection.gold_coordinator.nominated": (1, 0, 1),
    "selection.gold_social_org.nominated": (0, 1, 1),
    "selection.gold_coordinator.selected": (0, 0, 0),
    "warnings.raised": (2, 0, 2),
    "warnings.closed": (1, 0, 1),
    "warnings.dismissed": (0, 0, 0),
    "warnings.open": (1, 0, 1),
    "warnings.overdue": (1, 0, 1),          # due 09-15, before the quarter's end
}
YEAR = {**Q3, "coordinators_new": (3, 1, 4), "gold_coordinators": (1, 0, 1), "new_enterprises_served": (1, 1, 2),
        "key_enterprise_visits": (2, 0, 2), "selection.gold_coordinator.selected": (1, 0, 1),
        "warnings.raised": (2, 1, 3), "warnings.dismissed": (0, 1, 1), "warnings.overdue": (1, 0, 1)}


@pytest.mark.parametrize(("period", "expected"), [("2026Q3", Q3), ("2026", YEAR)])
def test_report_figures_per_township_and_total_as_counted_by_hand(station, ctx, tmp_path, period, expected):
    _plant(station, ctx)
    report = plan_upward.build(ctx, report_period(period))
    a = "110105001"
    assert list(report.origins) == [a, TOWN_B] and report.per_origin
    for code, (first, second, total) in expected.items():
        line = report.line(code)
        assert (line.by_origin[a], line.by_origin[TOWN_B], line.total) == (first, second, total), code
    rate = report.line("cultivation_pass_rate")                          # A 1 of 2, B 1 of 1, together 2 of 3
    assert (float(rate.by_origin[a]), float(rate.by_origin[TOWN_B]), round(float(rate.total), 4)) == (0.5, 1.0, 0.6667)
    success = report.line("cases.success_rate")                          # A 1 agreed; B 1 failed: 1 of 2
    assert (float(success.by_origin[a]), float(success.by_origin[TOWN_B]), float(success.total)) == (1.0, 0.0, 0.5)
    targets = report.line("coordinators_new")
    assert targets.target == 35 and targets.completion == Fraction(4, 35)     # a quarter: year to date vs the year
    if period == "2026Q3":
        assert targets.year_to_date == 4                                 # Q1 to Q3: 02-01, 07-05, 08-01, 09-30

    out = tmp_path / "report.xlsx"
    report_export.plan_report(ctx, report_period(period), out)
    rows = [[c.value for c in r] for r in load_workbook(out).active.iter_rows()]
    at = next(i for i, r in enumerate(rows) if r[0] == "项目")
    assert rows[at][:7] == ["项目", "单位", "年度目标", "本期合计", "本年累计", "完成进度", "其中：各乡镇（街道）"]
    assert rows[at + 1][6] == "东坝镇劳动人事争议调解中心" and len(rows[at + 1]) == 8
    by_label = {r[0]: r for r in rows if r[0]}
    for code, (first, second, total) in expected.items():
        line = report.line(code)
        assert by_label[line.label][3] == total and by_label[line.label][6:8] == [first, second], code
    assert any(str(r[0]).startswith("构建和谐劳动关系三年行动计划") for r in rows)

    pdf = tmp_path / "report.pdf"
    plan_printing.print_summary(ctx, report_period(period), pdf)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout.replace(" ", "")
    assert "构建和谐劳动关系三年行动计划工作情况报告" in text and "分乡镇（街道）主要指标" in text
    assert "市（省）协调劳动关系三方办公室" in text and "特此报告" in text


def test_report_period_is_a_quarter_or_a_year_and_a_bad_target_changes_nothing(station, ctx, tmp_path):
    assert report_period("2026q3").code == report_period("2026-Q3").code
    for bad in ("2026-10", "2026-01-01..2026-06-30", "2026Q5", ""):
        with pytest.raises(UserError):
            report_period(bad)
    folder = tmp_path / "out"
    folder.mkdir()
    before = db_digest(station)
    with pytest.raises(UserError):
        report_export.plan_report(ctx, report_period("2026"), folder / "r.csv")
    with pytest.raises(UserError):
        plan_printing.print_summary(ctx, report_period("2026"), folder / "r.txt")
    assert not list(folder.iterdir()) and db_digest(station) == before     # no file, no audit entry
    single = plan_upward.build(ctx, report_period("2026"))            # one township alone: no township columns
    assert not single.per_origin and single.origins == {}


def test_plan_report_through_the_cli(tmp_path: Path):
    from tests.e2e.test_cli import hexie

    root = tmp_path / "station"
    assert hexie(root, "init", "--role", "township", "--unit-code", "110105001", "--unit-name", "东坝镇调解中心",
                 "--short-name", "东坝", "--admin", "admin").returncode == 0
    xlsx, pdf = tmp_path / "r.xlsx", tmp_path / "r.pdf"
    done = hexie(root, "plan", "report", "--period", "2026Q3", "--xlsx", str(xlsx), "--pdf", str(pdf), "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["period"] == "2026-Q3" and [s["code"] for s in data["sections"]] == [
        "targets", "cases", "registers", "selection", "warnings"]
    assert xlsx.exists() and pdf.exists()
    bad = hexie(root, "plan", "report", "--period", "2026-10")
    assert bad.returncode == 1 and "季度或年度" in bad.stderr


def test_district_report_from_a_real_township_package(tmp_path):
    """The township's rows reach the district through a signed package (exchange/ownership.py: the
    nomination and its checks are the township's); the district's column for it equals the township's
    own report, and the district prints the township's 选树 in its list with the township's name."""
    from tests.e2e.exchange_support import TOWN_CODE, open_pair

    with open_pair(tmp_path / "pair") as pair:
        ctx = pair.tctx
        first = _coordinator(ctx, 1, "2026-03-01")
        _coordinator(ctx, 2, "2026-04-01")
        gold = selection.nominate(ctx, "gold_coordinator", first["id"], 2026, nominated_on="2026-05-01")
        for item in gold["checks"]:
            selection.check(ctx, gold["id"], item["code"], "met", "核实")
        selection.review(ctx, gold["id"])
        selection.decide(ctx, gold["id"], True)
        own = plan_upward.build(ctx, report_period("2026"))
        assert not own.per_origin
        pair.sync("t-1.hxp")

        district = plan_upward.build(pair.dctx, report_period("2026"))
        assert district.per_origin and TOWN_CODE in district.origins
        # the township's column is headed by its name from its trusted card, not a bare code
        assert district.origins[TOWN_CODE] == "东坝镇劳动人事争议调解中心"
        for section in own.sections:
            for line in section.lines:
                if section.code == "targets" and line.kind == "rate":
                    continue
                shown = district.line(line.code)
                assert shown.by_origin[TOWN_CODE] == line.total == shown.total, line.code
        assert district.line("gold_coordinators").total == 1
        listed = selection.list_selections(pair.dctx, year=2026)
        assert [(r["subject_name"], r["status"], r["origin"]) for r in listed] == [("协调员1", "selected", TOWN_CODE)]
        out = tmp_path / "区名单.pdf"
        plan_printing.print_publication(pair.dctx, 2026, out)
        text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert "协调员1" in text and "东坝镇" in text  # the unit column names the township (wrapped)
