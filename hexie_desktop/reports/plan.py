"""The plan progress workbook (三年行动计划目标完成情况表): one line per indicator with its
yearly target, the period's figure, the year to date and the completion, and the counting rules
under the table.  ``services/report_export.py`` computes it, checks the target and audits."""

from __future__ import annotations

from pathlib import Path

from hexie_desktop.core import plan as rules
from hexie_desktop.core.i18n import _
from hexie_desktop.reports.shapes import ProgressData
from hexie_desktop.reports.xlsx import Book, Col, TableSheet, reporter_line


def write(book: Book, result: ProgressData) -> int:
    """Write the progress table into ``book``; returns the number of indicator lines."""
    quarterly = any(r.year_to_date is not None for r in result.rows)
    columns = [Col(_("指标"), "text", width=24), Col(_("单位"), "text", width=6, align="center"),
               Col(_("年度目标"), "int", width=10), Col(_("本期完成"), "text", width=10, align="right")]
    if quarterly:
        columns.append(Col(_("本年累计"), "text", width=10, align="right"))
    columns += [Col(_("完成进度"), "text", width=10, align="right"), Col(_("统计口径"), "text", width=44)]
    period = result.period
    sheet = TableSheet(book, _("目标完成情况"), columns, title=_("构建和谐劳动关系三年行动计划目标完成情况表"),
                       subtitle=_("{label}（{range}）").format(label=period.label, range=period.range_text),
                       left_note=_("填报单位：{unit}").format(unit=result.meta.unit_name))
    sheet.head()
    for row in result.rows:
        indicator = rules.BY_CODE[row.code]
        cells = [row.label, row.unit, row.target, rules.actual_text(indicator, row.actual)]
        if quarterly:
            cells.append(rules.actual_text(indicator, row.year_to_date))
        cells += [rules.percent_text(row.completion), row.basis]
        sheet.row(cells, kinds=[c.kind for c in columns])
    sheet.lines([_("说明：年度目标见本站“计划目标”设置；完成进度＝（季度、月度按本年累计）完成数÷年度目标，"
                   "比率类指标以百分点计。"), reporter_line(result.meta.reporter, result.meta.today)])
    sheet.finish()
    return len(result.rows)


def write_file(path: Path, result: ProgressData) -> int:
    """Write the workbook to ``path``."""
    book = Book(path, streaming=False)
    try:
        return write(book, result)
    finally:
        book.close()

