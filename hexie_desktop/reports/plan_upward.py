"""The 工作情况 workbook of the action plan for the 市/省 协调劳动关系三方 (issue 14 point 6): one
table with the five parts of ``services/plan_upward.py``; at a district, a column per township
after the total.  Counts are numbers, rates are percentages, money is 元."""

from __future__ import annotations

from pathlib import Path

from hexie_desktop.core.i18n import _
from hexie_desktop.reports.shapes import UpwardData
from hexie_desktop.reports.xlsx import Book, Col, TableSheet, reporter_line

KIND = {"count": "int", "rate": "rate", "money": "money"}


def title(report: UpwardData) -> str:
    """``构建和谐劳动关系三年行动计划2026年第三季度工作情况``."""
    return _("构建和谐劳动关系三年行动计划{label}工作情况").format(label=report.period.label)


def write(book: Book, report: UpwardData) -> int:
    """Write the report into ``book``; returns the number of figure lines."""
    group = _("其中：各乡镇（街道）") if report.per_origin else ""
    columns = [Col(_("项目"), "text", width=36), Col(_("单位"), "text", width=6, align="center"),
               Col(_("年度目标"), "int", width=9), Col(_("本期合计"), "int", width=10),
               Col(_("本年累计"), "int", width=10), Col(_("完成进度"), "rate", width=9)]
    columns += [Col(name, "int", group=group, width=11) for name in report.origins.values()]
    sheet = TableSheet(book, _("工作情况"), columns, title=title(report),
                       subtitle=_("（{range}）").format(range=report.period.range_text),
                       left_note=_("填报单位：{unit}").format(unit=report.meta.unit_name),
                       right_note=_("报送：市（省）协调劳动关系三方办公室"))
    sheet.head()
    count = 0
    blank = [None] * (len(columns) - 1)
    for section in report.sections:
        sheet.row([section.title, *blank], kinds=["text"] * len(columns), bold=True)
        for line in section.lines:
            kind = KIND[line.kind]
            cells = [line.label, line.unit, line.target if section.code == "targets" else None, line.total,
                     line.year_to_date if section.code == "targets" else None,
                     line.completion if section.code == "targets" else None]
            cells += [line.by_origin.get(code) for code in report.origins]
            kinds = ["text", "text", "int", kind, kind, "rate"] + [kind] * len(report.origins)
            sheet.row(cells, kinds=kinds, indent=1)
            count += 1
    notes = [_("说明：1. 目标完成情况的统计口径同“计划进度”；季度报告的完成进度按本年累计对照年度目标。"),
             _("2. 案件办理口径同统计报表；名册人数为报告日在册数，其余为本期数。"),
             _("3. 选树按决定日期计入；预警线索按发现日期、办结日期计入。")]
    if report.per_origin:
        notes.append(_("4. 合计为各乡镇（街道）及本级数据之和，比率按合计数重新计算。"))
    sheet.lines([*notes, reporter_line(report.meta.reporter, report.meta.today)])
    sheet.finish()
    return count



def write_file(path: Path, report: UpwardData) -> int:
    """Write the workbook to ``path`` (normally a temporary path); returns the number of figure lines."""
    book = Book(path, streaming=False)
    try:
        return write(book, report)
    finally:
        book.close()
