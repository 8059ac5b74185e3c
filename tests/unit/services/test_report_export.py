"""services/report_export.py: workbooks written atomically and audited; a refused export leaves no file."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from hexie_desktop.core import stats
from hexie_desktop.core.errors import UserError
from hexie_desktop.services import registries, report_export


def test_a_register_ledger_is_written_with_one_row_per_record(ctx, tmp_path):
    out = tmp_path / "调解员.xlsx"
    done = report_export.export(ctx, "mediators", out)
    assert done.rows == len(registries.list_records(ctx, "mediators")) == report_export.count_rows(ctx, "mediators")
    book = load_workbook(out, read_only=True)
    try:
        text = " ".join(str(c) for row in book.worksheets[0].iter_rows(values_only=True) for c in row if c)
    finally:
        book.close()
    assert registries.list_records(ctx, "mediators")[0]["name"] in text


def test_refused_exports_leave_no_file_and_no_audit_entry(ctx, tmp_path, digest):
    folder = tmp_path / "out"
    folder.mkdir()
    before = digest()
    with pytest.raises(UserError, match=".xlsx"):
        report_export.export(ctx, "mediators", folder / "out.csv")
    with pytest.raises(UserError, match="未知的报表类型"):
        report_export.export(ctx, "no_such_report", folder / "out.xlsx")
    monthly = next(k for k, v in report_export.STATISTICS_KINDS.items() if v == "month")
    with pytest.raises(UserError, match="无需"):
        report_export.export(ctx, monthly, folder / "out.xlsx", unmask=True)
    with pytest.raises(UserError, match="期间"):
        report_export.export(ctx, monthly, folder / "out.xlsx", period=stats.year(ctx.today.year))
    assert not list(folder.iterdir()) and digest() == before
