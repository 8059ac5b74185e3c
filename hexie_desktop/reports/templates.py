"""Import templates: one header row, one 填写说明 row, drop-down lists for coded columns.

The columns are given by the services (``services.imports.columns``) — the same the import
reads and the ledgers write.  Required columns are marked with ``*`` (ignored when reading).
Coded columns get a drop-down list fed from the hidden sheet "代码表"; identity-number and
phone columns are formatted as text so Excel keeps every digit and the final X.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from xlsxwriter.utility import xl_col_to_name

from hexie_desktop.core import ledgers
from hexie_desktop.core.i18n import _
from hexie_desktop.reports.shapes import TemplateColumn
from hexie_desktop.reports.xlsx import Book, sheet_name

HINT_PREFIX = _("填写说明：")
TEMPLATE_ROWS = 2000
_TEXT_FORMAT_KINDS = ("id_number", "credit_code", "phone", "division")


def _rules(kind: str) -> list[str]:
    common = [
        _("1. 第1行为表头，请勿修改；第2行为填写说明，导入时自动跳过；从第3行起每行一条记录。"),
        _("2. 带 * 的列必须填写；下拉列表中的选项也可以填写代码。日期写作 2026-03-12（也可用日期格式的单元格）。"),
        _("3. 身份证号码、统一社会信用代码请以文本格式填写；导入时逐行校验，出错的行会在导入报告中注明行号、列和原因。"),
        _("4. 默认全部正确才导入；选择“仅导入正确的行”时，只导入没有错误的行。重复导入同一文件不会产生重复记录。"),
    ]
    if kind == "cases":
        return common + [_("5. 同一案件按（收到申请日期、申请人身份证号码、被申请人）识别，已登记的案件会跳过。"
                           "有处理结果的，按结案流程补记受理、调解、协议、履行和结案；调解员须已在调解员名册中。")]
    if kind == "selections":
        return common + [_("5. 按（年度、选树类型、对象）识别，已有的提名不变。填写“决定”的为已有结论的历史结果："
                           "选树的各项条件记为符合并注明历史数据导入；未填写的为待逐项核查的提名。")]
    return common + [ledgers.spec(kind).import_rule]


def write_file(path: Path, kind: str, label: str, columns: Sequence[TemplateColumn]) -> int:
    """Write the import template of ``kind`` (named ``label``, with ``columns``) to ``path``; returns the
    number of columns."""
    book = Book(path, streaming=False)
    try:
        wb = book.workbook
        ws = wb.add_worksheet(sheet_name(label))
        codes_ws = wb.add_worksheet(_("代码表"))
        notes = wb.add_worksheet(_("填写规则"))
        head = book.fmt(bold=True, border=1, align="center", text_wrap=True, bg_color="#E8EEF5")
        head_required = book.fmt(bold=True, border=1, align="center", text_wrap=True, bg_color="#FCE4D6")
        hint = book.fmt(italic=True, font_color="#5F6B76", text_wrap=True, border=1, valign="top", font_size=9)
        text_cells = book.fmt(num_format="@")
        ws.set_row(0, 30)
        ws.set_row(1, 48)
        list_column = 0
        for index, column in enumerate(columns):
            ws.set_column(index, index, max(column.width, 10),
                          text_cells if column.kind in _TEXT_FORMAT_KINDS else None)
            header = ("*" if column.required else "") + column.header
            ws.write_string(0, index, header, head_required if column.required else head)
            ws.write_string(1, index, (HINT_PREFIX if index == 0 else "") + column.hint, hint)
            options: list[str] | None = None
            if column.kind == "choice" and column.choices:
                options = list(column.choices.values())
            elif column.kind == "bool":
                options = [_("是"), _("否")]
            if options:
                codes_ws.write_string(0, list_column, column.header)
                for n, option in enumerate(options, start=1):
                    codes_ws.write_string(n, list_column, option)
                letter = xl_col_to_name(list_column)
                ws.data_validation(2, index, TEMPLATE_ROWS, index, {
                    "validate": "list", "source": f"='{_('代码表')}'!${letter}$2:${letter}${len(options) + 1}",
                    "error_type": "warning", "error_title": _("不在可选范围"),
                    "error_message": _("请从下拉列表中选择，或填写代码"),
                })
                codes_ws.set_column(list_column, list_column, 24)
                list_column += 1
        ws.freeze_panes(2, 1)
        codes_ws.hide()
        notes.set_column(0, 0, 110)
        wrap = book.fmt(text_wrap=True, valign="top")
        notes.write_string(0, 0, _("{kind}导入模板 — 填写规则").format(kind=label),
                           book.fmt(bold=True, font_size=14))
        for n, rule in enumerate(_rules(kind), start=2):
            notes.write_string(n, 0, rule, wrap)
        ws.activate()
        return len(columns)
    finally:
        book.close()
