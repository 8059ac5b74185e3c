"""Import from Excel: ledgers round-trip, re-imports add nothing, bad rows are named precisely."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from hexie_desktop.core.errors import UserError
from hexie_desktop.core.ids import make_credit_code, make_resident_id
from hexie_desktop.services import demo, imports, registries, reports
from hexie_desktop.services import report_export as export
from hexie_desktop.services.station import init_station
from hexie_desktop.services.users import actor_for
from hexie_desktop.storage.models import AuditEntry, Case, Coordinator
from tests.e2e.conftest import PASSWORD, TODAY
from tests.e2e.test_cli import hexie
from tests.e2e.test_reports import build_scenario

REGISTER_KINDS = ["employers", "coordinators", "mediators", "key_enterprises", "new_enterprises", "social_orgs",
                  "cultivations"]


def _fresh(tmp_path: Path, name: str = "target"):
    station = init_station(data_dir=tmp_path / name, db_url=None, role="township", unit_code="110105003",
                           unit_name="金盏乡劳动人事争议调解中心", short_name="金盏", admin="admin", password=PASSWORD)
    return station, station.context(actor_for(station.db, "admin"), today_fn=lambda: TODAY)


def _rows(path: Path, kind: str, ctx) -> list[tuple]:
    """The importable columns of every data row of an exported ledger, sorted."""
    with ctx.db.read() as session:
        columns = reports.ledger_columns(session, kind)
    keep = [i for i, c in enumerate(columns) if c.importable]
    ws = load_workbook(path).active
    out = []
    for row in ws.iter_rows(min_row=6, values_only=True):
        if isinstance(row[0], int):
            out.append(tuple(row[i] for i in keep))
    return sorted(out, key=repr)


def _audits(station) -> int:
    with station.db.read() as session:
        return session.execute(select(func.count()).select_from(AuditEntry)).scalar_one()


def test_register_ledgers_round_trip_and_reimport_adds_nothing(ctx, tmp_path):
    demo.generate(ctx, cases=20, seed=5, years=0)
    target, tctx = _fresh(tmp_path)
    for org in registries.list_records(ctx, "orgs"):  # mediators name their organization, which must exist
        registries.save_record(tctx, "orgs", {"name": org["name"], "org_type": org["org_type"], "status": "active"})
    for kind in REGISTER_KINDS:
        source_file = tmp_path / f"{kind}.xlsx"
        exported = export.export(ctx, kind, source_file, unmask=True)
        assert exported.rows > 0, kind
        before = _audits(target)
        first = export.import_file(tctx, kind, source_file)
        assert first.result.committed and first.result.invalid_rows == 0, first.result.problems[:3]
        assert first.result.count("created") == exported.rows, kind
        assert _audits(target) == before + 1  # one import, one audit entry
        again_file = tmp_path / f"{kind}-again.xlsx"
        export.export(tctx, kind, again_file, unmask=True)
        assert _rows(again_file, kind, tctx) == _rows(source_file, kind, ctx), kind
        second = export.import_file(tctx, kind, source_file)
        assert second.result.count("created") == 0 and second.result.count("updated") == 0, kind
        assert second.result.count("unchanged") == exported.rows
        assert len(registries.list_records(tctx, kind)) == exported.rows


def test_case_ledger_round_trips_as_historical_cases(ctx, tmp_path):
    build_scenario(ctx)
    source_file = tmp_path / "cases.xlsx"
    export.export(ctx, "cases", source_file, unmask=True)
    target, tctx = _fresh(tmp_path)
    # The cases name their mediator, who must be in the target's register too (imported before the cases).
    registries.save_record(tctx, "mediators", {"name": "王调解", "employment_mode": "part_time", "status": "active"})
    first = export.import_file(tctx, "cases", source_file, report=tmp_path / "report.xlsx")
    assert first.result.committed, first.result.problems
    assert first.result.count("created") == 10
    again_file = tmp_path / "again.xlsx"
    export.export(tctx, "cases", again_file, unmask=True)
    assert _rows(again_file, "cases", tctx) == _rows(source_file, "cases", ctx)
    with target.db.read() as session:
        states = dict(session.execute(select(Case.state, func.count()).group_by(Case.state)).all())
    assert states == {"closed": 6, "performing": 1, "registered": 3}  # A B D E I J closed; C; F G H
    second = export.import_file(tctx, "cases", source_file)
    assert second.result.count("duplicate") == 10 and second.result.count("created") == 0
    assert "已登记为（2026）金盏劳调字第" in second.result.rows[0].note
    # The same figures come out of both stations.
    one = reports.statistics(ctx, reports.stats.month(2026, 10), trend=False).total
    two = reports.statistics(tctx, reports.stats.month(2026, 10), trend=False).total
    for key in ("received", "closed", "closed.agreed", "closed.failed", "closed.other", "claimed_cents",
                "agreed_cents", "workers", "collective"):
        assert one[key] == two[key], key


def _coordinator_file(tmp_path: Path, ctx, rows: list[list]) -> Path:
    template = tmp_path / "模板.xlsx"
    export.template(ctx, "coordinators", template)
    workbook = load_workbook(template)
    ws = workbook.worksheets[0]
    headers = [imports.header_key(c.value) for c in ws[1]]
    for number, values in enumerate(rows, start=3):
        for key, value in values:
            ws.cell(number, headers.index(key) + 1, value)
    path = tmp_path / "协调员.xlsx"
    workbook.save(path)
    return path


def test_bad_rows_are_named_by_row_and_column_and_nothing_or_only_valid_rows_import(station, ctx, tmp_path):
    good = make_resident_id("110105", date(1985, 4, 3), 17)
    base = [("类型", "企业"), ("专兼职", "兼职"), ("职业技能等级", "四级/中级工"), ("状态", "在岗")]
    rows = [
        [("姓名", "张三"), ("身份证号码", good), *base],                                          # row 3: fine
        [("姓名", "李四"), ("身份证号码", good[:-1] + ("0" if good[-1] != "0" else "1")), *base],  # row 4: check digit
        [("姓名", "王五"), ("身份证号码", make_resident_id("110105", date(1990, 1, 1), 19)), ("类型", "国企"),
         *base[1:]],                                                                              # row 5: choice
        [("姓名", "赵六"), ("身份证号码", make_resident_id("110105", date(1991, 1, 1), 21)), *base,
         ("发证日期", "2026-02-30")],                                                              # row 6: date
        [("姓名", "=1+1"), ("身份证号码", make_resident_id("110105", date(1992, 1, 1), 23)), *base],  # row 7: formula
        [("姓名", "钱七"), ("身份证号码", 110105199301010025), *base],                            # row 8: number cell
        [("姓名", "孙八"), ("身份证号码", make_resident_id("110105", date(1994, 1, 1), 27)), *base,
         ("从业年限", "三年"), ("所在单位统一社会信用代码", "91110105MA01ABCD20")],                   # row 9: two errors
    ]
    path = _coordinator_file(tmp_path, ctx, rows)
    assert load_workbook(path).worksheets[0]["A7"].data_type == "f"  # a real formula in the source
    report = tmp_path / "报告.xlsx"
    outcome = export.import_file(ctx, "coordinators", path, report=report)
    result = outcome.result
    assert not result.committed and result.invalid_rows == 5
    with station.db.read() as session:
        assert session.execute(select(func.count()).select_from(Coordinator)).scalar_one() == 0
    found = {(p.row, p.column, p.header): p.message for p in result.problems}
    assert "校验" in found[(4, "B", "身份证号码")]
    assert "国企" in found[(5, "D", "类型")] and "不是可选值" in found[(5, "D", "类型")]
    assert "2026-02-30" in found[(6, "M", "发证日期")]
    assert "文本格式" in found[(8, "B", "身份证号码")]
    assert "三年" in found[(9, "N", "从业年限")]
    assert "统一社会信用代码" in found[(9, "F", "所在单位统一社会信用代码")]
    assert [r.status for r in result.rows] == ["valid", "invalid", "invalid", "invalid", "valid", "invalid",
                                               "invalid"]
    sheet = load_workbook(report)["问题清单"]
    listed = [(r[0], r[1], r[2]) for r in sheet.iter_rows(min_row=4, values_only=True) if isinstance(r[0], int)]
    assert (4, "B", "身份证号码") in listed and (9, "N", "从业年限") in listed
    assert all(c.data_type != "f" for ws in load_workbook(report).worksheets for row in ws.iter_rows() for c in row)

    only_valid = export.import_file(ctx, "coordinators", path, valid_only=True).result
    assert only_valid.committed and only_valid.count("created") == 2 and only_valid.invalid_rows == 5
    names = sorted(r["name"] for r in registries.list_records(ctx, "coordinators"))
    assert names == ["=1+1", "张三"]  # the formula was read as its text, never evaluated


def test_historical_case_rows_check_outcome_columns(ctx, tmp_path):
    registries.save_record(ctx, "mediators", {"name": "周调解", "employment_mode": "full_time", "status": "active"})
    template = tmp_path / "cases-template.xlsx"
    export.template(ctx, "cases", template)
    workbook = load_workbook(template)
    ws = workbook.worksheets[0]
    headers = [imports.header_key(c.value) for c in ws[1]]
    code = make_credit_code("91110105MA01ABCD2")

    def put(row: int, **values) -> None:
        base = {"收到申请日期": "2026-03-02", "申请人姓名": "张三", "申请人身份证号码":
                make_resident_id("110105", date(1990, 5, 17), 100 + row), "被申请人名称": "东坝某公司",
                "被申请人统一社会信用代码": code, "争议类别": "劳动报酬", "请求金额（元）": 5000}
        base.update(values)
        for key, value in base.items():
            ws.cell(row, headers.index(imports.header_key(key)) + 1, value)

    put(3, 处理结果="调解成功", 处理日期="2026-03-10", **{"协议金额（元）": 4000, "已履行金额（元）": 4000},
        结案日期="2026-03-20", 调解员="周调解")
    put(4, 处理结果="调解成功", **{"协议金额（元）": 100})                  # no 处理日期
    put(5, 处理结果="调解不成", 处理日期="2026-03-05", 调解员="不在名册")      # unknown mediator
    put(6, **{"被申请人统一社会信用代码": "91110105MA01ABCD2X"})          # bad credit code
    put(7, 收到申请日期="2027-01-01")                                    # in the future
    put(8, 处理结果="调解成功", 处理日期="2026-03-10", 结案日期="2026-03-12",
        **{"协议金额（元）": 100, "已履行金额（元）": 200})                  # paid more than agreed
    put(9, 处理结果="撤回", 处理日期="2026-03-01")                        # before the receipt
    path = tmp_path / "cases.xlsx"
    workbook.save(path)
    result = export.import_file(ctx, "cases", path, valid_only=True).result
    found = {(p.row, p.header): p.message for p in result.problems}
    assert "处理日期" in found[(4, "处理日期")]
    assert "不在调解员名册" in found[(5, "调解员")]
    assert (6, "被申请人统一社会信用代码") in found
    assert "晚于今天" in found[(7, "收到申请日期")]
    assert "大于协议金额" in found[(8, "已履行金额（元）")]
    assert "早于收到申请日期" in found[(9, "处理日期")]
    assert result.count("created") == 1 and result.invalid_rows == 6
    view = reports.statistics(ctx, reports.stats.month(2026, 3), trend=False).total
    assert view["closed.agreed"] == 1 and view["paid_cents"] == 400000


def test_import_refuses_files_it_cannot_read(ctx, tmp_path):
    bogus = tmp_path / "x.xlsx"
    bogus.write_text("not a workbook", encoding="utf-8")
    with pytest.raises(UserError, match="不是有效的 Excel"):
        export.import_file(ctx, "employers", bogus)
    other = tmp_path / "other.xlsx"
    export.template(ctx, "employers", other)
    with pytest.raises(UserError, match="缺少必填列"):
        export.import_file(ctx, "coordinators", other)
    with pytest.raises(UserError, match="未知的导入类型"):
        export.template(ctx, "nonsense", tmp_path / "t.xlsx")


def test_command_line_report_template_and_import(tmp_path):
    root = tmp_path / "station"
    assert hexie(root, "init", "--role", "township", "--unit-code", "110105001", "--unit-name",
                 "东坝镇劳动人事争议调解中心", "--short-name", "东坝", "--admin", "admin").returncode == 0
    assert hexie(root, "demo", "--cases", "30").returncode == 0
    done = hexie(root, "report", "quarterly", "--period", "2026-Q3", "--out", str(tmp_path / "q.xlsx"))
    assert done.returncode == 0 and "统计季报" in done.stdout and (tmp_path / "q.xlsx").exists()
    bad = hexie(root, "report", "monthly", "--period", "2026-13", "--out", str(tmp_path / "m.xlsx"))
    assert bad.returncode == 1 and "无法识别的期间" in bad.stderr
    done = hexie(root, "import-xlsx", "employers", "--template", str(tmp_path / "t.xlsx"))
    assert done.returncode == 0 and (tmp_path / "t.xlsx").exists()
    workbook = load_workbook(tmp_path / "t.xlsx")
    ws = workbook.worksheets[0]
    ws["A3"], ws["B3"] = "东坝新公司", make_credit_code("91110105MA01QQQQ1")
    ws["A4"], ws["B4"] = "坏代码公司", "123"
    workbook.save(tmp_path / "in.xlsx")
    refused = hexie(root, "import-xlsx", "employers", str(tmp_path / "in.xlsx"), "--report", str(tmp_path / "r.xlsx"))
    assert refused.returncode == 1 and "未导入任何数据" in refused.stdout and "第4行 B列" in refused.stderr
    assert (tmp_path / "r.xlsx").exists()
    done = hexie(root, "import-xlsx", "employers", str(tmp_path / "in.xlsx"), "--valid-only")
    assert done.returncode == 0 and "新增1" in done.stdout
