"""Exports are inert: formula-like and control-character text stays text; oversize cells are refused."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils.escape import unescape
from sqlalchemy import update

from hexie_desktop.core.errors import UserError
from hexie_desktop.core.ids import make_resident_id
from hexie_desktop.core.text import first_control
from hexie_desktop.fileio import atomic_path
from hexie_desktop.reports import ledgers
from hexie_desktop.reports.xlsx import EXCEL_CELL_LIMIT, Book, Col, TableSheet
from hexie_desktop.services import registries, reports
from hexie_desktop.services import report_export as export
from hexie_desktop.services.imports import Column
from hexie_desktop.storage.models import Coordinator

NASTY = ["=HYPERLINK(\"http://x\",\"点我\")", "+1+2", "-3*4", "@SUM(A1:A9)", "=cmd|' /C calc'!A0",
         "\x01控制字符开头", "中间\x02有控制字符"]


def test_formula_like_and_control_text_is_written_inert(ctx, station, tmp_path):
    for i, text in enumerate(NASTY):
        safe = text if first_control(text) is None else "待替换"
        saved = registries.save_record(ctx, "coordinators", {
            "name": f"协调员{i}", "id_number": make_resident_id("110105", date(1980, 1, 1), 300 + i),
            "coordinator_type": "enterprise", "employment_mode": "part_time", "skill_level": "none",
            "status": "active", "position": safe, "honours": safe})
        if safe != text:
            # Input refuses control characters now; data from before (or written by other programs)
            # may still hold them, and the export must keep them inert.
            with station.db.transaction() as session:
                session.execute(update(Coordinator).where(Coordinator.id == saved["id"])
                                .values(position=text, honours=text))
    out = tmp_path / "协调员.xlsx"
    export.export(ctx, "coordinators", out)
    ws = load_workbook(out).active
    header = [c.value for c in ws[5]]
    column = header.index("职务") + 1
    written = {}
    for row in ws.iter_rows(min_row=6):
        cell = row[column - 1]
        if isinstance(row[0].value, int):
            written[row[1].value] = cell
    assert len(written) == len(NASTY)
    for i, text in enumerate(NASTY):
        cell = written[f"协调员{i}"]
        assert cell.data_type == "s" and unescape(cell.value) == text
        starts_dangerous = text[0] in "=+-@" or ord(text[0]) < 32
        assert cell.quotePrefix is starts_dangerous, text
    every = [c for row in ws.iter_rows() for c in row]
    assert all(c.data_type != "f" for c in every)


def _ledger(rows: list[dict]) -> reports.Ledger:
    meta = reports.StationMeta("110105001", "东坝镇劳动人事争议调解中心", "township", "王主任", date(2026, 11, 21))
    columns = [reports.SEQ, Column("name", "姓名", group="基本情况"), Column("note", "备注", "longtext",
                                                                          group="基本情况")]
    return reports.Ledger("coordinators", "测试台账", columns, len(rows), iter(rows), meta, None, False)


def test_oversize_cell_is_refused_naming_row_and_column_and_no_file_is_left(tmp_path):
    rows = [{"seq": 1, "name": "张三", "note": "短"}, {"seq": 2, "name": "李四", "note": "长" * (EXCEL_CELL_LIMIT + 1)}]
    target = tmp_path / "too-long.xlsx"
    with pytest.raises(UserError) as info:
        with atomic_path(target) as tmp:
            ledgers.write_file(tmp, _ledger(rows))
    message = info.value.message
    assert "第7行" in message and "“备注”列" in message and "C7" in message and "32768" in message
    assert "不会截断" in message
    assert not target.exists() and list(tmp_path.iterdir()) == []
    # Exactly at the limit is fine (astral characters count twice, as in Excel).
    fine = tmp_path / "limit.xlsx"
    with atomic_path(fine) as tmp:
        ledgers.write_file(tmp, _ledger([{"seq": 1, "name": "王五", "note": "𬌗" * (EXCEL_CELL_LIMIT // 2)}]))
    assert len(load_workbook(fine).active["C6"].value) == EXCEL_CELL_LIMIT // 2


def test_streaming_header_draws_ungrouped_columns_as_one_block(tmp_path):
    path = tmp_path / "h.xlsx"
    book = Book(path, streaming=True)
    sheet = TableSheet(book, "表", [Col("序号", "int"), Col("姓名", group="人员"), Col("电话", group="人员")],
                       title="标题", left_note="左", right_note="右")
    sheet.head()
    sheet.row([1, "=1+1", "+86 138"])
    sheet.finish()
    book.close()
    ws = load_workbook(path).active
    assert {str(r) for r in ws.merged_cells.ranges} >= {"A1:C1", "B3:C3"}
    assert ws["A3"].value == "序号" and ws["A3"].border.bottom.style is None and ws["A4"].border.top.style is None
    assert ws["B5"].value == "=1+1" and ws["B5"].data_type == "s" and ws["B5"].quotePrefix


def test_unmasked_export_needs_the_right_even_for_registers(station, ctx, tmp_path):
    from hexie_desktop.core.errors import NotAllowed
    from hexie_desktop.services.users import actor_for, create_user

    create_user(ctx, username="viewer", display_name="区级查看", role="clerk", password="view12345")
    clerk = station.context(actor_for(station.db, "viewer"))
    with pytest.raises(NotAllowed):
        export.export(clerk, "mediators", Path(tmp_path / "m.xlsx"), unmask=True)
    export.export(clerk, "mediators", Path(tmp_path / "m.xlsx"))
    assert (tmp_path / "m.xlsx").exists()
