"""services/imports.py: rows of an Excel sheet checked, then written together — or not at all."""

from __future__ import annotations

from hexie_desktop.core.ids import make_resident_id
from hexie_desktop.services import imports, registries
from hexie_desktop.services.imports import SheetData

HEADERS = {0: "姓名", 1: "身份证号码", 2: "专兼职", 3: "状态"}


def _id(seq: int) -> str:
    from datetime import date

    return make_resident_id("330106", date(1985, 3, 4), seq)


def test_good_rows_are_written_and_a_second_import_changes_nothing(ctx, digest):
    sheet = SheetData(HEADERS, [(2, ["导入甲", _id(11), "专职", "在岗"]), (3, ["导入乙", _id(12), "兼职", "在岗"])])
    result = imports.import_rows(ctx, "mediators", sheet, source="unit.xlsx")
    assert result.committed and [r.status for r in result.rows] == ["created", "created"]
    names = {r["name"] for r in registries.list_records(ctx, "mediators")}
    assert {"导入甲", "导入乙"} <= names
    before = digest()
    again = imports.import_rows(ctx, "mediators", sheet, source="unit.xlsx")
    assert [r.status for r in again.rows] == ["unchanged", "unchanged"]
    assert digest() != before  # only the audit entry of the second import


def test_one_bad_row_writes_none_and_names_the_cell(ctx, digest):
    sheet = SheetData(HEADERS, [(2, ["导入丙", _id(13), "专职", "在岗"]), (3, ["导入丁", "12345", "专职", "在岗"])])
    before = digest()
    result = imports.import_rows(ctx, "mediators", sheet)
    assert not result.committed and result.invalid_rows == 1
    problem = result.problems[0]
    assert (problem.row, problem.column, problem.header) == (3, "B", "身份证号码")
    assert digest() == before
