"""Issue 14 point 2, 选树 (selection of exemplars): nomination, criteria checklist, review, decision,
the printed publication list, the mark in the registers and the counts in the plan progress.

Sources: seed 000 (区三年行动计划) 三(一)2(4) "选树金牌劳动关系协调员 … 每年从劳动关系协调员、集体协商专职
指导员、社会化工会工作者中选树", 三(二) "选树5家金牌协调劳动关系社会组织", 三(三) "打造3家 … 金牌劳动人事争议
调解组织"; seed 004 (市实施方案) 3(3) the conditions of a 金牌 mediation organization ("六规范、五上墙",
"调解成功率达到65%以上" …); seed 002 "命名一批“金牌调解组织”“金牌调解员”，评选“劳动纠纷十佳调解案例”".
"""

from __future__ import annotations

import json
import subprocess
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from hexie_desktop.core import selection as rules
from hexie_desktop.core.errors import HexieError, UserError
from hexie_desktop.core.ids import make_resident_id
from hexie_desktop.core.stats import parse_period
from hexie_desktop.services import case_actions, plan, plan_printing, registries, selection
from hexie_desktop.storage.models import AuditEntry
from tests.e2e.helpers import db_digest, signatures
from tests.e2e.test_action_plan_warnings import _case

SEEDS = Path("/work/shared/seeds")


def _coordinator(ctx, n: int, name: str) -> dict:
    return registries.save_record(ctx, "coordinators", {
        "name": name, "id_number": make_resident_id("110105", date(1985, 1, 1), 100 + n),
        "coordinator_type": "enterprise", "employment_mode": "part_time", "skill_level": "none",
        "status": "active", "registered_on": "2026-03-01"})


def _audits(station) -> int:
    with station.db.read() as session:
        return session.execute(select(func.count()).select_from(AuditEntry)).scalar_one()


def _all_met(ctx, row: dict) -> None:
    for item in row["checks"]:
        selection.check(ctx, row["short_id"], item["code"], "met", "经核实")


def _normal(text: str) -> str:
    return text.translate(str.maketrans({"，": ",", "（": "(", "）": ")", "：": ":", "；": ";"}))


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the policy seeds are not on this machine")
def test_every_criterion_is_quoted_from_a_seed():
    """Each criterion's quoted words (between the outer “ ”, split at " … ") occur in the seed it names."""
    texts = {p.name[:3]: _normal(p.read_text(encoding="utf-8")) for p in SEEDS.glob("*.txt")}
    checked = 0
    for kind in rules.KINDS.values():
        assert kind.criteria, kind.code
        for criterion in kind.criteria:
            seed = next(number for number, name in rules.SOURCES.items() if criterion.source.startswith(name))
            quoted = criterion.text[criterion.text.index("“") + 1:criterion.text.rindex("”")]
            for part in quoted.split(" … "):
                assert _normal(part) in texts[seed], (kind.code, criterion.code, part)
                checked += 1
    assert checked >= 25


def test_gold_coordinator_workflow_each_step_one_audit_and_refusals_change_nothing(station, ctx, tmp_path):
    zhang = _coordinator(ctx, 1, "张协调")
    _coordinator(ctx, 2, "李协调")
    audits = _audits(station)
    row = selection.nominate(ctx, "gold_coordinator", "张协调", 2026, "化解纠纷12起")
    assert (row["status"], len(row["checks"])) == ("nominated", len(rules.KINDS["gold_coordinator"].criteria))
    assert all(c["result"] == "unchecked" and c["text"].startswith("“") for c in row["checks"])
    assert _audits(station) == audits + 1
    sid = row["short_id"]

    before = db_digest(station)
    refusals = [
        lambda: selection.nominate(ctx, "gold_coordinator", zhang["id"], 2026),       # same record, same year
        lambda: selection.nominate(ctx, "gold_coordinator", "无此人", 2026),
        lambda: selection.nominate(ctx, "gold_nobody", "张协调", 2026),
        lambda: selection.nominate(ctx, "gold_coordinator", "李协调", 1999),
        lambda: selection.nominate(ctx, "gold_coordinator", "李协调", 2026, nominated_on="2026-12-01"),  # future
        lambda: selection.decide(ctx, sid, True),                                     # before the review
        lambda: selection.review(ctx, sid),                                           # criteria unchecked
        lambda: selection.check(ctx, sid, "pool", "not_met"),                         # 不符合 without a note
        lambda: selection.check(ctx, sid, "nope", "met"),
        lambda: selection.check(ctx, sid, "pool", "maybe"),
        lambda: selection.check(ctx, "abc", "pool", "met"),                           # id too short
    ]
    for refused in refusals:
        with pytest.raises(HexieError):
            refused()
    assert db_digest(station) == before

    selection.check(ctx, sid, "pool", "not_met", "非协调员队伍")
    for item in row["checks"][1:]:
        selection.check(ctx, sid, item["code"], "met", "经核实")
    assert selection.review(ctx, sid, "材料齐全")["status"] == "reviewed"
    before = db_digest(station)
    with pytest.raises(UserError, match="不符合"):
        selection.decide(ctx, sid, True)                                              # one criterion not met
    with pytest.raises(UserError):
        selection.decide(ctx, sid, True, decided_on="2026-11-30")                     # after today
    assert db_digest(station) == before
    changed = selection.check(ctx, sid, "pool", "met", "系集体协商专职指导员")
    assert changed["status"] == "nominated"                                           # a new finding: review again
    selection.review(ctx, sid)
    steps = _audits(station)
    with pytest.raises(UserError, match="不能早于审核日期"):
        selection.decide(ctx, sid, True, decided_on="2026-11-20")
    assert _audits(station) == steps
    decided = selection.decide(ctx, sid, True, decided_on="2026-11-21", note="区三方会议决定")
    assert (decided["status"], decided["decided_on"], decided["decided_by"]) == (
        "selected", date(2026, 11, 21), ctx.actor.display_name)
    assert _audits(station) == steps + 1
    before = db_digest(station)
    for refused in (lambda: selection.decide(ctx, sid, False), lambda: selection.check(ctx, sid, "pool", "met"),
                    lambda: selection.withdraw(ctx, sid)):
        with pytest.raises(UserError):
            refused()
    assert db_digest(station) == before

    # The register shows the mark; the plan counts the decision in its period.
    marks = {r["name"]: r["selection_label"] for r in registries.list_records(ctx, "coordinators")}
    assert marks == {"张协调": "2026金牌劳动关系协调员", "李协调": ""}
    from openpyxl import load_workbook

    from hexie_desktop.services import report_export

    report_export.export(ctx, "coordinators", tmp_path / "协调员.xlsx")  # the Excel register says it too
    book = load_workbook(tmp_path / "协调员.xlsx", read_only=True)
    cells = [c for row in book.active.iter_rows(values_only=True) for c in row]
    book.close()
    assert "选树情况" in cells and "2026金牌劳动关系协调员" in cells
    year = {r.code: r for r in plan.progress(ctx, parse_period("2026")).rows}
    assert year["gold_coordinators"].actual == 1
    assert {r.code: r for r in plan.progress(ctx, parse_period("2026-Q3")).rows}["gold_coordinators"].actual == 0
    assert {r.code: r for r in plan.progress(ctx, parse_period("2026-Q4")).rows}["gold_coordinators"].actual == 1

    # A nomination of 李 withdrawn, then nominated again; decided 未选树: not on the list.
    li = selection.nominate(ctx, "gold_coordinator", "李协调", 2026)
    assert registries.list_records(ctx, "coordinators", "李")[0]["selection_label"].endswith("（已提名）")
    selection.withdraw(ctx, li["id"], "材料不全")
    li = selection.nominate(ctx, "gold_coordinator", "李协调", 2026)
    _all_met(ctx, li)
    selection.review(ctx, li["id"])
    assert selection.decide(ctx, li["id"], False, note="名额已满")["status"] == "not_selected"
    assert [r["subject_name"] for r in selection.list_selections(ctx, year=2026, status="selected")] == ["张协调"]

    out = tmp_path / "名单.pdf"
    assert plan_printing.print_publication(ctx, 2026, out) == 1
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "2026年度选树结果名单" in text and "张协调" in text and "李协调" not in text
    assert "金牌劳动关系协调员（1个）" in text.replace(" ", "")
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    assert all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:] if line.strip())  # every font embedded


def test_mediation_org_and_case_nominations(station, ctx):
    org = registries.save_record(ctx, "orgs", {"name": "东坝镇调解中心", "org_type": "township_center",
                                               "status": "active"})
    gold = selection.nominate(ctx, "gold_mediation_org", org["id"], 2026)
    model = selection.nominate(ctx, "model_mediation_org", org["id"], 2026)               # another kind: allowed
    assert gold["id"] != model["id"]
    shown = selection.show(ctx, gold["id"])
    assert any("65%" in c["text"] for c in shown["checks"]) and "调解成功率" in shown["facts"][0]

    failed = _case(ctx, "2026-09-01", {"name": "甲"}, seq=20)
    before = db_digest(station)
    with pytest.raises(UserError, match="未达成调解协议"):
        selection.nominate(ctx, "top_case", failed, 2026)
    assert db_digest(station) == before
    agreed = _case(ctx, "2026-09-01", {"name": "乙"}, seq=10)
    case_actions.apply(ctx, agreed, "accept", {"on": "2026-09-02"})
    case_actions.apply(ctx, agreed, "record-session", {"held_on": "2026-09-03"})
    case_actions.apply(ctx, agreed, "agree", {"items": [], "content": "双方和解", **signatures("2026-09-04")})
    top = selection.nominate(ctx, "top_case", agreed, 2026, "当日化解")
    assert top["subject_name"].startswith(agreed) and top["subject_kind"] == "cases"


def test_ten_best_cases_are_at_most_ten_a_year():
    """Seed 002: "十佳调解案例" — the eleventh selection of a year is refused."""
    kind = rules.KINDS["top_case"]
    met = {c.code: "met" for c in kind.criteria}
    rules.can_decide("reviewed", True, met, kind_=kind, selected_this_year=9)
    with pytest.raises(UserError, match="最多选树10个"):
        rules.can_decide("reviewed", True, met, kind_=kind, selected_this_year=10)
    rules.can_decide("reviewed", False, met, kind_=kind, selected_this_year=10)          # 未选树 is always possible


def test_selection_through_the_cli(tmp_path: Path):
    from tests.e2e.test_cli import hexie

    root = tmp_path / "station"
    assert hexie(root, "init", "--role", "township", "--unit-code", "110105001", "--unit-name", "东坝镇调解中心",
                 "--short-name", "东坝", "--admin", "admin").returncode == 0
    kinds = hexie(root, "selection", "kinds", "--json")
    assert kinds.returncode == 0 and {k["code"] for k in json.loads(kinds.stdout)} == set(rules.KINDS)
    social = {"name": "东坝劳动关系服务社", "status": "active"}
    from hexie_desktop.services.station import open_station
    from hexie_desktop.services.users import actor_for

    station = open_station(data_dir=root)
    registries.save_record(station.context(actor_for(station.db, "admin")), "social_orgs", social)
    station.db.dispose()
    made = hexie(root, "selection", "nominate", "gold_social_org", "东坝劳动关系服务社", "--year", "2026", "--json")
    assert made.returncode == 0, made.stderr
    sid = json.loads(made.stdout)["short_id"]
    again = hexie(root, "selection", "nominate", "gold_social_org", "东坝劳动关系服务社", "--year", "2026")
    assert again.returncode == 1 and "重复提名" in again.stderr
    early = hexie(root, "selection", "decide", sid, "selected")
    assert early.returncode == 1 and "尚未审核" in early.stderr
    for code in [c.code for c in rules.KINDS["gold_social_org"].criteria]:
        assert hexie(root, "selection", "check", sid, code, "met", "--note", "核实").returncode == 0
    assert hexie(root, "selection", "review", sid).returncode == 0
    decided = hexie(root, "selection", "decide", sid, "selected", "--json")
    assert decided.returncode == 0 and json.loads(decided.stdout)["status"] == "selected"
    listed = hexie(root, "selection", "list", "--year", "2026")
    assert "东坝劳动关系服务社\t已选树" in listed.stdout
    out = tmp_path / "list.pdf"
    published = hexie(root, "selection", "publish", "--year", "2026", "--out", str(out))
    assert published.returncode == 0 and out.exists(), published.stderr
    progress = hexie(root, "plan", "progress", "2026", "--json")
    rows = {r["code"]: r for r in json.loads(progress.stdout)["rows"]}
    assert rows["gold_social_orgs"]["actual"] == 1
    assert hexie(root, "selection", "publish", "--year", "2026", "--out", str(tmp_path / "x.txt")).returncode == 1


def test_excel_import_of_nominations_and_earlier_results(station, ctx, tmp_path):
    """Issue 14 point 7: 选树 through the import framework (template → rows → report); an earlier
    result (决定 filled in) is recorded as reviewed and decided, a bare row as an open nomination."""
    from openpyxl import load_workbook

    from hexie_desktop.services import report_export as export

    _coordinator(ctx, 1, "张协调")
    _coordinator(ctx, 2, "李协调")
    template = tmp_path / "模板.xlsx"
    export.template(ctx, "selections", template)
    book = load_workbook(template)
    sheet = book.active
    assert [c.value for c in sheet[1]] == ["*年度", "*选树类型", "*对象", "提名日期", "推荐理由", "决定", "决定日期"]
    sheet.append([2025, "金牌劳动关系协调员", "张协调", "2025-05-01", "事迹突出", "选树", "2025-06-01"])
    sheet.append([2026, "金牌劳动关系协调员", "李协调", None, None, None, None])
    sheet.append([2026, "金牌劳动关系协调员", "无此人", None, None, None, None])
    sheet.append([2026, "金牌劳动关系协调员", "张协调", None, None, "选树", None])          # decision without a date
    sheet.append([2026, "金牌社会组织", "张协调", None, None, None, None])                 # not a kind
    source = tmp_path / "提名.xlsx"
    book.save(source)

    before = db_digest(station)
    refused = export.import_file(ctx, "selections", source, report=tmp_path / "报告.xlsx").result
    assert not refused.committed and db_digest(station) == before             # all or nothing: nothing
    assert [(r.row, r.status) for r in refused.rows] == [(3, "valid"), (4, "valid"), (5, "invalid"), (6, "invalid"),
                                                        (7, "invalid")]
    assert "不存在" in refused.rows[2].note
    assert {(p.row, p.header) for p in refused.problems} >= {(5, "对象"), (6, "决定日期"), (7, "选树类型")}

    done = export.import_file(ctx, "selections", source, valid_only=True).result
    assert done.committed and [r.status for r in done.rows[:2]] == ["created", "created"]
    again = export.import_file(ctx, "selections", source, valid_only=True).result
    assert [r.status for r in again.rows[:2]] == ["unchanged", "unchanged"]       # no duplicates
    rows = {(r["year"], r["subject_name"]): r for r in selection.list_selections(ctx)}
    assert set(rows) == {(2025, "张协调"), (2026, "李协调")}
    earlier = selection.show(ctx, rows[(2025, "张协调")]["id"])
    assert (earlier["status"], earlier["decided_on"]) == ("selected", date(2025, 6, 1))
    assert all(c["result"] == "met" and "历史数据导入" in c["note"] for c in earlier["checks"])
    assert rows[(2026, "李协调")]["status"] == "nominated"
    assert {r.code: r for r in plan.progress(ctx, parse_period("2025")).rows}["gold_coordinators"].actual == 1
