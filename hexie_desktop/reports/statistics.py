"""The monthly, quarterly and annual statistics workbook (统计月报/季报/年报).

Sheet 1 "统计表": one line per figure of :data:`hexie_desktop.core.stats.LINES` with its
code and unit; the value columns are 本期 (and 本年累计 for a month or quarter) at a
township, or one column per township plus 合计 at a district.  Sheet 2 "月度趋势": the
twelve months up to the period's end.  Notes under the table give the definitions.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hexie_desktop.core import stats
from hexie_desktop.core.i18n import _
from hexie_desktop.reports.shapes import StatisticsData
from hexie_desktop.reports.xlsx import Book, Col, TableSheet, reporter_line

TITLES = {"month": _("劳动人事争议调解情况统计月报"), "quarter": _("劳动人事争议调解情况统计季报"),
          "year": _("劳动人事争议调解情况统计年报"), "custom": _("劳动人事争议调解情况统计表")}
_KIND = {"count": "int", "money": "money", "rate": "rate", "days": "days", "heading": "text"}


def _notes(result: StatisticsData) -> list[str]:
    return [
        _("说明：1. 本期收到：收到申请日期在本期内；不予受理：作出不予受理决定的日期在本期内。"),
        _("2. 本期结案：结案日期在本期内，按结案原因分为调解成功（协议已履行、未履行或无需履行）、调解不成、撤回和其他；"
          "上期结转＋本期收到＝本期结案＋期末未结。"),
        _("3. 调解成功率＝{formula}。请求金额按收到申请日期、协议金额按协议生效日期、实际履行金额按履行日期计入本期。").format(
            formula=stats.DENOMINATORS[result.denominator]),
        _("4. 期末逾期未办事项截至{day}：受理决定、调解期限、协议履行、回访和归档期限已届满而未办理的事项。").format(
            day=stats.cn_date(result.as_of)),
        _("5. 金额单位：元。"),
    ]


def value_columns(result: StatisticsData) -> list[tuple[str, stats.Figures]]:
    """The value columns of the table: (header, figures)."""
    if len(result.by_origin) > 1:
        cols = [(result.origins[o], f) for o, f in result.by_origin.items()]
        return cols + [(_("合计"), result.total)]
    cols = [(_("本期"), result.total)]
    if result.year_to_date is not None:
        cols.append((_("本年累计"), result.year_to_date))
    return cols


def cell(figures: stats.Figures, line: stats.Line, denominator: str) -> Any:
    """What one line shows for ``figures`` (``—`` for a ratio without a base)."""
    value = stats.value(figures, line, denominator)
    if line.kind in ("rate", "days") and value is None:
        return "—"
    return value


def write(book: Book, result: StatisticsData) -> int:
    """Write both sheets into ``book``; returns the number of table lines."""
    values = value_columns(result)
    group = _("数量") if len(values) > 1 else ""
    columns = [Col(_("指标名称"), "text", width=38), Col(_("代码"), "text", width=6, align="center"),
               Col(_("计量单位"), "text", width=8, align="center")]
    columns += [Col(header, "int", group, width=max(12.0, len(header) * 2.2)) for header, _f in values]
    period = result.period
    sheet = TableSheet(book, _("统计表"), columns, title=TITLES[period.kind],
                       subtitle=_("{label}（{range}）").format(label=period.label, range=period.range_text)
                       if period.kind != "custom" else period.range_text,
                       left_note=_("填报单位：{unit}").format(unit=result.meta.unit_name),
                       right_note=_("金额单位：元"))
    sheet.head()
    for line in stats.LINES:
        kind = _KIND[line.kind]
        kinds = ["text", "text", "text"] + [kind if not (line.kind in ("rate", "days") and
                                                        stats.value(f, line, result.denominator) is None)
                                            else "text" for _h, f in values]
        row: list[Any] = [line.label, line.code, line.unit if line.kind != "rate" else "%"]
        row += [None if line.kind == "heading" else cell(f, line, result.denominator) for _h, f in values]
        sheet.row(row, kinds=kinds, indent=line.indent, bold=line.kind == "heading")
    sheet.lines(_notes(result))
    sheet.lines([reporter_line(result.meta.reporter, result.meta.today)])
    sheet.finish()
    if result.trend:
        _trend_sheet(book, result)
    return len(stats.LINES)


def _trend_sheet(book: Book, result: StatisticsData) -> None:
    columns = [Col(_("月份"), "text", width=12, align="center"), Col(_("收到申请"), "int", _("案件（件）"), 9),
               Col(_("结案"), "int", _("案件（件）"), 8), Col(_("调解成功"), "int", _("案件（件）"), 9),
               Col(_("调解不成"), "int", _("案件（件）"), 9), Col(_("调解成功率"), "rate", "", 10),
               Col(_("请求金额"), "money", _("金额（元）"), 15), Col(_("协议金额"), "money", _("金额（元）"), 15),
               Col(_("实际履行金额"), "money", _("金额（元）"), 15)]
    first, last = result.trend[0][0], result.trend[-1][0]
    sheet = TableSheet(book, _("月度趋势"), columns, title=_("劳动人事争议调解月度趋势"),
                       subtitle=_("{a}至{b}").format(a=first.label, b=last.label),
                       left_note=_("填报单位：{unit}").format(unit=result.meta.unit_name),
                       right_note=_("金额单位：元"))
    sheet.head()
    for period, f in result.trend:
        rate = f.success_rate(result.denominator)
        sheet.row([period.label, f["received"], f["closed"], f["closed.agreed"], f["closed.failed"],
                   rate if rate is not None else "—", f["claimed_cents"], f["agreed_cents"], f["paid_cents"]],
                  kinds=[c.kind if not (c.kind == "rate" and rate is None) else "text" for c in columns])
    sheet.lines([_("调解成功率＝{formula}；各月数字按事件发生的日期计入。").format(
        formula=stats.DENOMINATORS[result.denominator])])
    sheet.finish()


def write_file(path: Path, result: StatisticsData) -> int:
    """Write the statistics workbook to ``path`` (normally a temporary path)."""
    book = Book(path, streaming=False)
    try:
        return write(book, result)
    finally:
        book.close()
