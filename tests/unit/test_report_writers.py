"""The workbook writers of ``reports/`` take plain data (issue 11.4): no station, no service, no database.

They sit at step 2 of docs/LAYERS.md beside ``documents``; the services gather the data and
audit.  Here plain objects of the shapes in ``reports/shapes.py`` are written and read back
with openpyxl; a header row is found by the predicate the caller gives.
"""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest
from openpyxl import Workbook, load_workbook

from hexie_desktop.core.errors import UserError
from hexie_desktop.reports import excel_import, ledgers, templates

META = SimpleNamespace(unit_name="东坝镇劳动人事争议调解中心", reporter="王主任", today=date(2026, 11, 21))


def _column(key, header, kind="text", **more):
    base = {"group": "", "width": 12, "total": False, "required": False, "choices": None, "hint": ""}
    return SimpleNamespace(key=key, header=header, kind=kind, **{**base, **more})


def test_a_ledger_is_written_from_plain_rows(tmp_path):
    columns = [_column("seq", "序号", "int"), _column("name", "姓名"), _column("workers", "人数", "int", total=True)]
    rows = [{"seq": 1, "name": "张三", "workers": 3}, {"seq": 2, "name": "=1+1", "workers": 4}]
    ledger = SimpleNamespace(title="测试台账", columns=columns, count=2, rows=iter(rows), meta=META, period=None,
                             unmask=False)
    out = tmp_path / "l.xlsx"
    assert ledgers.write_file(out, ledger) == 2
    ws = load_workbook(out).active
    values = [[c.value for c in row] for row in ws.iter_rows()]
    assert ["测试台账"] == [v for v in values[0] if v]
    body = [r for r in values if isinstance(r[0], int)]
    assert [r[1] for r in body] == ["张三", "=1+1"]  # formula-like text stays text
    assert any(r[2] == 7 for r in values if r[0] == "合计")
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)


def test_an_import_template_and_its_header_are_read_back(tmp_path):
    columns = [_column("name", "姓名", required=True, hint="必填"),
               _column("mode", "方式", "choice", choices={"a": "专职", "b": "兼职"})]
    out = tmp_path / "t.xlsx"
    assert templates.write_file(out, "mediators", "调解员", columns) == 2
    known = {"姓名", "方式"}
    sheet = excel_import.read_sheet(out, lambda v: str(v or "").lstrip("*") in known, "调解员")
    assert sheet.headers == {0: "*姓名", 1: "方式"} and sheet.rows == [] and sheet.header_row == 1


def test_a_sheet_without_a_known_header_is_refused_naming_the_import(tmp_path):
    path = tmp_path / "x.xlsx"
    book = Workbook()
    book.active.append(["甲", "乙"])
    book.save(path)
    with pytest.raises(UserError, match="调解员"):
        excel_import.read_sheet(path, lambda v: False, "调解员")


def test_the_import_report_is_written_from_plain_results(tmp_path):
    rows = [SimpleNamespace(row=3, status="created", note=""), SimpleNamespace(row=4, status="invalid", note="有误")]
    problems = [SimpleNamespace(row=4, column="B", header="身份证号码", value="123", message="位数不对")]
    result = SimpleNamespace(source="in.xlsx", valid_only=True, rows=rows, problems=problems, ignored_headers=["备用"],
                             invalid_rows=1, count=lambda s: sum(r.status == s for r in rows),
                             summary=lambda: "共2行")
    out = tmp_path / "r.xlsx"
    excel_import.write_report(out, result, "调解员", {"created": "新增", "invalid": "有误，未导入"})
    book = load_workbook(out)
    text = {c.value for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value}
    assert {"类型：调解员", "共2行", "备用", "位数不对", "新增", "有误，未导入"} <= text
