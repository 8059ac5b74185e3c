"""Reading an Excel file for import, and the import report workbook.

:func:`read_sheet` opens the workbook read-only with openpyxl and finds the header row —
the row (among the first 15 of each sheet) that names the most known columns — so a
template and an exported ledger both import.  The 填写说明 row is skipped; reading stops at
the ledger's 合计 / 填报人 lines.  Cells come back as plain values; a formula is never
evaluated: its text (``=...``) is read like any other text.

:func:`write_report` writes the report workbook naming every bad row and column and why.
The import itself (one transaction, one audit entry) is ``services/excel_import.py``.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, NamedTuple

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from hexie_desktop.core.errors import UserError
from hexie_desktop.core.i18n import _
from hexie_desktop.reports.shapes import ImportData
from hexie_desktop.reports.templates import HINT_PREFIX
from hexie_desktop.reports.xlsx import Book, Col, TableSheet

HEADER_SCAN_ROWS = 15
_CONTROL_ESCAPE = re.compile(r"_x(00[01][0-9A-Fa-f])_")
_STOP_WORDS = (_("合计"), _("填报人"), _("说明："))


def _unescape(value: Any) -> Any:
    """Control characters come back from OOXML as ``_x0001_``-style escapes: turn them back."""
    if isinstance(value, str) and "_x00" in value:
        return _CONTROL_ESCAPE.sub(lambda m: chr(int(m[1], 16)), value)
    return value


class RawSheet(NamedTuple):
    """A sheet read into plain values: header text by column index, data rows with their row numbers."""

    headers: dict[int, str]
    rows: list[tuple[int, list[Any]]]
    sheet_name: str
    header_row: int


def read_sheet(path: Path, known: Callable[[Any], bool], label: str) -> RawSheet:
    """The header and data rows of the sheet in ``path`` whose header row has the most cells
    ``known`` says are columns of the import ``label``."""
    path = Path(path)
    if not path.exists():
        raise UserError(_("找不到文件：{path}").format(path=path), field="file")
    try:
        workbook = load_workbook(path, read_only=True, data_only=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as exc:
        raise UserError(_("“{name}”不是有效的 Excel（.xlsx）文件：{error}").format(name=path.name, error=exc),
                        field="file") from None
    try:
        best: tuple[int, Any, int, list[Any]] | None = None
        for ws in workbook.worksheets:
            if getattr(ws, "sheet_state", "visible") != "visible":
                continue
            for number, values in enumerate(ws.iter_rows(max_row=HEADER_SCAN_ROWS, values_only=True), start=1):
                hits = sum(1 for v in values if known(v))
                if hits and (best is None or hits > best[0]):
                    best = (hits, ws, number, list(values))
        if best is None:
            raise UserError(_("文件中找不到{kind}的表头，请使用下载的模板").format(
                kind=label), field="file")
        _hits, ws, header_row, header_values = best
        headers = {i: str(v) for i, v in enumerate(header_values) if v is not None and str(v).strip()}
        rows: list[tuple[int, list[Any]]] = []
        for number, values in enumerate(ws.iter_rows(min_row=header_row + 1, values_only=True),
                                        start=header_row + 1):
            cells = [_unescape(v) for v in values]
            first = next((v for v in cells if v is not None and str(v).strip()), None)
            if first is None:
                continue
            text = str(cells[0]).strip() if cells and cells[0] is not None else ""
            if number == header_row + 1 and str(first).startswith(HINT_PREFIX):
                continue
            if text.startswith(_STOP_WORDS):
                break
            rows.append((number, cells))
        return RawSheet(headers, rows, ws.title, header_row)
    finally:
        workbook.close()


def write_report(path: Path, result: ImportData, label: str, status_labels: Mapping[str, str]) -> None:
    """Write the report workbook of an import of ``label`` (summary, every problem, every row's outcome)."""
    book = Book(path, streaming=False)
    try:
        summary = TableSheet(book, _("导入结果"), [Col(_("项目"), width=18), Col(_("内容"), width=90)],
                             title=_("Excel 导入报告"), left_note=_("类型：{kind}").format(kind=label),
                             right_note=_("文件：{name}").format(name=result.source))
        summary.head()
        mode = _("仅导入正确的行") if result.valid_only else _("全部正确才导入")
        rows = [
            (_("导入方式"), mode),
            (_("结果"), result.summary()),
            (_("数据行数"), str(len(result.rows))),
            (_("新增"), str(result.count("created"))),
            (_("更新"), str(result.count("updated"))),
            (_("已存在，未变"), str(result.count("unchanged"))),
            (_("重复，已跳过"), str(result.count("duplicate"))),
            (_("有误，未导入"), str(result.invalid_rows)),
            (_("问题数"), str(len(result.problems))),
        ]
        if result.ignored_headers:
            rows.append((_("未识别的列（已忽略）"), "、".join(result.ignored_headers)))
        for item, text in rows:
            summary.row([item, text])
        summary.finish(freeze=False)
        problems = TableSheet(book, _("问题清单"), [
            Col(_("行号"), "int", width=7), Col(_("列"), width=6), Col(_("列名"), width=20),
            Col(_("单元格内容"), width=30), Col(_("问题"), width=60)],
            title=_("导入问题清单"), left_note=_("文件：{name}").format(name=result.source),
            right_note=_("共{n}个问题").format(n=len(result.problems)))
        problems.head()
        for p in result.problems:
            problems.row([p.row, p.column, p.header, p.value, p.message])
        problems.finish()
        outcomes = TableSheet(book, _("逐行结果"), [Col(_("行号"), "int", width=7), Col(_("结果"), width=14),
                                                   Col(_("说明"), width=90)],
                              title=_("逐行导入结果"), left_note=_("文件：{name}").format(name=result.source),
                              right_note="")
        outcomes.head()
        for r in result.rows:
            outcomes.row([r.row, status_labels.get(r.status, r.status), r.note])
        outcomes.finish()
        if result.problems:
            problems.ws.activate()
    finally:
        book.close()

