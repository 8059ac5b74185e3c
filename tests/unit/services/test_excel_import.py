"""services/excel_import.py: an Excel file imported from its template, with the report workbook."""

from __future__ import annotations

from datetime import date

from openpyxl import load_workbook

from hexie_desktop.core.ids import make_resident_id
from hexie_desktop.services import excel_import, registries, report_export


def _fill(template, rows: list[list[str]]) -> None:
    """Write ``rows`` from the template's third row on (row 1: headers, * when required; row 2: hints)."""
    book = load_workbook(template)
    sheet = book.worksheets[0]
    columns = {str(c.value).lstrip("*"): c.column for c in sheet[1] if c.value}
    for row_no, (name, id_number, mode, status) in enumerate(rows, start=3):
        for header, value in (("姓名", name), ("身份证号码", id_number), ("专兼职", mode), ("状态", status)):
            sheet.cell(row_no, columns[header], value)
    book.save(template)


def test_a_filled_template_imports_and_writes_its_report(ctx, tmp_path):
    template = report_export.template(ctx, "mediators", tmp_path / "调解员.xlsx")
    _fill(template, [["表格甲", make_resident_id("330106", date(1980, 1, 2), 21), "专职", "在岗"]])
    done = excel_import.import_file(ctx, "mediators", template, report=tmp_path / "报告.xlsx")
    assert done.result.committed and [r.status for r in done.result.rows] == ["created"]
    assert "表格甲" in {r["name"] for r in registries.list_records(ctx, "mediators")}
    assert done.report is not None and done.report.exists()


def test_a_bad_row_imports_nothing_and_the_report_names_it(ctx, tmp_path, digest):
    template = report_export.template(ctx, "mediators", tmp_path / "调解员.xlsx")
    _fill(template, [["表格乙", make_resident_id("330106", date(1980, 1, 2), 22), "专职", "在岗"],
                     ["表格丙", "123", "专职", "在岗"]])
    before = digest()
    done = excel_import.import_file(ctx, "mediators", template, report=tmp_path / "报告.xlsx")
    assert not done.result.committed and done.result.invalid_rows == 1
    assert digest() == before
    book = load_workbook(tmp_path / "报告.xlsx", read_only=True)
    try:
        text = " ".join(str(c) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for c in row if c)
    finally:
        book.close()
    assert "身份证号码" in text
