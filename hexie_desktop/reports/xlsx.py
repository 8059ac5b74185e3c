"""Workbooks that look like official report tables, written with XlsxWriter.

:class:`Book` wraps one workbook (``streaming`` = XlsxWriter's ``constant_memory`` mode,
rows flushed to disk as they are written, for ledgers of any length).  :class:`TableSheet`
writes one table: a merged title, the 填报单位 / period line, one or two header rows
(groups merged over their columns), data rows, a totals row, the 填报人 and date line, and
the print setup (A4 landscape, header rows repeated on every page, fit to one page wide,
page numbers in the footer).

Safety rules applied to every cell:

* text is always written as an explicit string cell — never ``write()``, which could turn
  it into a formula, a number or a link — and text that starts with ``= + - @`` or a
  control character gets the *quote prefix* style, so Excel shows and keeps it as text
  even when the cell is edited;
* text longer than Excel's cell limit (32,767 UTF-16 units) is refused with a
  :class:`~hexie_desktop.core.errors.UserError` naming the row and column, never cut;
* amounts are integer 分 written as numbers of 元 with two decimals; ratios as numbers.

In streaming mode a row cannot be touched once a later row is written, and XlsxWriter
then silently drops vertical merges; so a column without a group is drawn there as two
stacked cells without the line between them instead of a vertical merge.
"""

from __future__ import annotations

import math
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from fractions import Fraction
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from hexie_desktop.core.errors import UserError
from hexie_desktop.core.i18n import _

EXCEL_CELL_LIMIT = 32767
"""Most characters (UTF-16 units) an Excel cell holds."""
FORMULA_PREFIXES = ("=", "+", "-", "@")
BODY_FONT = "宋体"
TITLE_FONT = "黑体"
TEXT_KINDS = frozenset({"text", "longtext", "choice", "id_number", "credit_code", "phone", "division"})
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")


def utf16_len(text: str) -> int:
    """Length of ``text`` as Excel counts it (UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


def needs_quote_prefix(text: str) -> bool:
    """True when Excel (or a CSV reader) could take ``text`` for a formula or a control sequence."""
    if not text:
        return False
    first = text[0]
    return first in FORMULA_PREFIXES or ord(first) < 32 or ord(first) == 127


def sheet_name(name: str) -> str:
    """A legal worksheet name (no ``[]:*?/\\``, at most 31 characters)."""
    return _SHEET_NAME_BAD.sub("_", name).strip("'")[:31] or "Sheet1"


@dataclass(frozen=True)
class Col:
    """One table column: header, value kind, optional group, width in characters, whether totalled, alignment."""

    header: str
    kind: str = "text"
    group: str = ""
    width: float = 12
    total: bool = False
    align: str | None = None


LINE_HEIGHT = 13.5
"""Points per line of 10-point text (row heights are set from the estimated number of lines)."""


def display_width(text: str) -> float:
    """Approximate width of ``text`` in Excel column units (CJK and full-width characters count 2)."""
    width = 0.0
    for ch in text:
        width += 1.9 if ord(ch) > 0x2E7F or unicodedata.east_asian_width(ch) in ("W", "F") else 1.05
    return width


def lines_needed(text: str, width: float) -> int:
    """How many wrapped lines ``text`` takes in a column ``width`` units wide."""
    usable = max(width, 1.0)
    if "\n" not in text:
        if len(text) * 1.9 <= usable:
            return 1
        if text.isascii():
            return max(1, math.ceil(len(text) * 1.05 / usable))
    return sum(max(1, math.ceil(display_width(part) / usable)) for part in text.split("\n"))


class Book:
    """One workbook being written to ``path`` (a temporary path; the caller moves it into place)."""

    def __init__(self, path: Path, *, streaming: bool = False) -> None:
        self.path = Path(path)
        self.streaming = streaming
        # XlsxWriter's own temp files go to a private folder beside the output, removed in close()
        # even when writing fails (a full disk must leave nothing behind).
        self._tmpdir = tempfile.mkdtemp(prefix=".xlsx-", dir=self.path.parent)
        self.workbook = xlsxwriter.Workbook(str(path), {
            "constant_memory": streaming, "strings_to_formulas": False, "strings_to_numbers": False,
            "strings_to_urls": False, "default_date_format": "yyyy-mm-dd", "tmpdir": self._tmpdir,
        })
        self._formats: dict[tuple, Format] = {}
        self._props: dict[int, dict[str, Any]] = {}

    def fmt(self, **props: Any) -> Format:
        """A cached cell format with ``props`` (XlsxWriter property names) over the body defaults."""
        base = {"font_name": BODY_FONT, "font_size": 10, "valign": "vcenter"}
        base.update(props)
        key = tuple(sorted(base.items()))
        if key not in self._formats:
            made = self.workbook.add_format(base)
            self._formats[key] = made
            self._props[id(made)] = base
        return self._formats[key]

    def quoted(self, fmt: Format) -> Format:
        """The same format with Excel's quote prefix (the cell's text is never read as a formula)."""
        return self.fmt(**{**self._props[id(fmt)], "quote_prefix": True})

    def close(self) -> None:
        """Write the file; the temporary folder goes in any case."""
        try:
            self.workbook.close()
        finally:
            shutil.rmtree(self._tmpdir, ignore_errors=True)


_NUMBER_FORMATS = {"int": "0", "money": "#,##0.00", "date": "yyyy-mm-dd", "rate": "0.0%", "days": "0.0"}


class TableSheet:
    """One official-looking table on one worksheet; call :meth:`head`, :meth:`row` …, :meth:`finish`."""

    def __init__(self, book: Book, name: str, columns: Sequence[Col], *, title: str, left_note: str = "",
                 right_note: str = "", subtitle: str = "") -> None:
        self.book = book
        self.ws: Worksheet = book.workbook.add_worksheet(sheet_name(name))
        self.columns = list(columns)
        self.title = title
        self.subtitle = subtitle
        self.left_note = left_note
        self.right_note = right_note
        self.next_row = 0
        self.header_rows = (0, 0)
        self.data_rows = 0
        self._cell_formats: dict[tuple, Format] = {}
        self._plain = [self._cell_format(c.kind, align=c.align) for c in self.columns]
        self._widths = [c.width for c in self.columns]
        for index, column in enumerate(self.columns):
            self.ws.set_column(index, index, column.width)

    # ---------------------------------------------------------------- formats

    def _cell_format(self, kind: str, *, bold: bool = False, indent: int = 0, quote: bool = False,
                     align: str | None = None) -> Format:
        key = (kind, bold, indent, quote, align)
        cached = self._cell_formats.get(key)
        if cached is None:
            cached = self._cell_formats[key] = self._make_cell_format(kind, bold, indent, quote, align)
        return cached

    def _make_cell_format(self, kind: str, bold: bool, indent: int, quote: bool, align: str | None) -> Format:
        props: dict[str, Any] = {"border": 1, "bold": bold}
        if kind in TEXT_KINDS or kind in ("bool",):
            props["text_wrap"] = True
            props["align"] = align or ("center" if kind in ("bool", "choice") else "left")
        else:
            props["align"] = align or ("center" if kind == "date" else "right")
        if kind in _NUMBER_FORMATS:
            props["num_format"] = _NUMBER_FORMATS[kind]
        if indent:
            props["indent"] = indent
        if quote:
            props["quote_prefix"] = True
        return self.book.fmt(**props)

    # ---------------------------------------------------------------- cells

    def text(self, row: int, col: int, value: str, fmt: Format, *, header: str | None = None) -> None:
        """Write ``value`` as an explicit, inert string cell; refuse text Excel cannot hold."""
        length = utf16_len(value) if len(value) > EXCEL_CELL_LIMIT // 2 else len(value)
        if length > EXCEL_CELL_LIMIT:
            where = header if header is not None else (self.columns[col].header if col < len(self.columns) else "")
            cell = xlsxwriter.utility.xl_rowcol_to_cell(row, col)
            raise UserError(_("第{row}行“{column}”列（{cell}）的内容有{n}个字符，超过 Excel 单元格上限 {limit} 个字符，"
                              "未导出（不会截断）").format(row=row + 1, column=where, cell=cell, n=length,
                                                   limit=EXCEL_CELL_LIMIT), field=cell)
        if needs_quote_prefix(value):
            fmt = self.book.quoted(fmt)
        self.ws.write_string(row, col, value, fmt)

    def value(self, row: int, col: int, value: Any, kind: str, fmt: Format) -> None:
        """Write one typed value: text, int, money (分), date, bool, rate or days (Fraction)."""
        if type(value) is str and value:  # the common case first: a ledger is mostly text
            self.text(row, col, value, fmt)
        elif value is None or value == "":
            self.ws.write_blank(row, col, None, fmt)
        elif isinstance(value, bool):
            self.text(row, col, _("是") if value else _("否"), fmt)
        elif kind == "money" and isinstance(value, int):
            self.ws.write_number(row, col, value / 100, fmt)
        elif isinstance(value, Fraction):
            self.ws.write_number(row, col, float(value), fmt)
        elif isinstance(value, (int, float)) and kind not in TEXT_KINDS:
            self.ws.write_number(row, col, value, fmt)
        elif isinstance(value, (date, datetime)) and kind == "date":
            self.ws.write_datetime(row, col, value if isinstance(value, datetime) else datetime(
                value.year, value.month, value.day), fmt)
        elif isinstance(value, date):
            self.text(row, col, value.isoformat(), fmt)
        else:
            self.text(row, col, str(value), fmt)

    def _span(self, row: int, first: int, last: int, text: str, fmt: Format) -> None:
        if last > first:
            self.ws.merge_range(row, first, row, last, None, fmt)
        self.text(row, first, text, fmt, header="")

    # ---------------------------------------------------------------- parts

    def head(self) -> None:
        """Title, 填报单位 / period line and the header rows."""
        last = len(self.columns) - 1
        ws = self.ws
        ws.set_row(0, 30)
        self._span(0, 0, last, self.title, self.book.fmt(font_name=TITLE_FONT, font_size=16, bold=True,
                                                         align="center"))
        row = 1
        if self.subtitle:
            ws.set_row(row, 20)
            self._span(row, 0, last, self.subtitle, self.book.fmt(font_size=11, align="center"))
            row += 1
        ws.set_row(row, 20)
        total_width = sum(c.width for c in self.columns)
        middle, running = 0, 0.0
        for index, column in enumerate(self.columns[:-1]):
            running += column.width
            middle = index
            if running >= total_width / 2:
                break
        if last >= 1:
            self._span(row, 0, middle, self.left_note, self.book.fmt(align="left"))
            self._span(row, middle + 1, last, self.right_note, self.book.fmt(align="right"))
        else:
            self._span(row, 0, 0, f"{self.left_note}　{self.right_note}", self.book.fmt(align="left"))
        grouped = any(c.group for c in self.columns)
        head = self.book.fmt(bold=True, border=1, align="center", text_wrap=True, bg_color="#E8EEF5")
        first = row + 1
        if not grouped:
            ws.set_row(first, 30)
            for index, column in enumerate(self.columns):
                self.text(first, index, column.header, head)
            self.header_rows = (first, first)
            self.next_row = first + 1
            return
        ws.set_row(first, 22)
        runs: list[tuple[str, int, int]] = []
        for index, column in enumerate(self.columns):
            if runs and column.group and runs[-1][0] == column.group:
                runs[-1] = (column.group, runs[-1][1], index)
            else:
                runs.append((column.group, index, index))
        top = self.book.fmt(bold=True, top=1, left=1, right=1, align="center", valign="bottom", text_wrap=True,
                            bg_color="#E8EEF5")
        bottom = self.book.fmt(bold=True, bottom=1, left=1, right=1, bg_color="#E8EEF5")
        stacked: list[int] = []
        for group, a, b in runs:
            if group:
                self._span(first, a, b, group, head)
            elif self.book.streaming:
                self.text(first, a, self.columns[a].header, top)
                stacked.append(a)
            else:
                ws.merge_range(first, a, first + 1, a, self.columns[a].header, head)
        ws.set_row(first + 1, 30)
        for index, column in enumerate(self.columns):
            if column.group:
                self.text(first + 1, index, column.header, head)
            elif index in stacked:
                ws.write_blank(first + 1, index, None, bottom)
        self.header_rows = (first, first + 1)
        self.next_row = first + 2

    def row(self, values: Sequence[Any], *, kinds: Sequence[str] | None = None, bold: bool = False,
            indent: int = 0) -> None:
        """One data row; ``kinds`` overrides the columns' kinds (the statistics table has a kind per line)."""
        r = self.next_row
        lines = 1
        widths = self._widths
        for index, value in enumerate(values):
            # Cheap test first: text shorter than its column (even if all CJK) takes one line.
            if isinstance(value, str) and index < len(widths) and (len(value) * 1.9 > widths[index] - 2 * indent
                                                                   or "\n" in value):
                lines = max(lines, lines_needed(value, widths[index] - (2 * indent if index == 0 else 0)))
        if lines > 1:
            self.ws.set_row(r, LINE_HEIGHT * min(lines, 30) + 2)
        plain = kinds is None and not bold and not indent
        for index, value in enumerate(values):
            column = self.columns[index]
            kind = kinds[index] if kinds is not None else column.kind
            fmt = self._plain[index] if plain else self._cell_format(
                kind, bold=bold, indent=indent if index == 0 else 0, align=column.align)
            self.value(r, index, value, kind, fmt)
        self.next_row += 1
        self.data_rows += 1

    def totals(self, sums: dict[int, Any], label: str = "") -> None:
        """The 合计 row: ``label`` in the first column, the given sums (by column index), others blank."""
        r = self.next_row
        for index, column in enumerate(self.columns):
            fmt = self._cell_format(column.kind if index else "text", bold=True, align="center" if not index else None)
            if index == 0:
                self.text(r, 0, label or _("合计"), fmt)
            else:
                self.value(r, index, sums.get(index), column.kind, fmt)
        self.next_row += 1

    def lines(self, texts: Sequence[str], *, gap: bool = True) -> None:
        """Lines of text across the table (notes, the 填报人 line) below it, without borders."""
        if gap:
            self.next_row += 1
        fmt = self.book.fmt(align="left", text_wrap=True)
        last = len(self.columns) - 1
        width = sum(c.width for c in self.columns)
        for text in texts:
            self.ws.set_row(self.next_row, LINE_HEIGHT * lines_needed(text, width) + 6)
            self._span(self.next_row, 0, last, text, fmt)
            self.next_row += 1

    def finish(self, *, freeze: bool = True) -> None:
        """Print setup: A4 landscape, header rows on every page, page numbers.

        A table that fits one landscape page at a readable size is fitted to one page wide.
        A wider one (the 调解工作台账 has 21 columns) is printed across several pages wide
        (:func:`print_plan`): the columns are cut at group boundaries, the first columns
        (序号 and the case number or name) are repeated on every page, and the scale is
        the largest that lets each part fit — never below :data:`MIN_PRINT_SCALE`.
        """
        ws = self.ws
        ws.set_paper(9)
        ws.set_landscape()
        ws.repeat_rows(self.header_rows[0], self.header_rows[1])
        plan = print_plan(self.columns)
        if plan.breaks:
            ws.repeat_columns(0, plan.repeat - 1)
            ws.set_v_pagebreaks(list(plan.breaks))
            ws.set_print_scale(plan.scale)
            ws.print_across()  # all parts of the first rows, then the next rows
        else:
            ws.fit_to_pages(1, 0)
        ws.center_horizontally()
        ws.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
        ws.set_footer(_("&C第 &P 页，共 &N 页"))
        if freeze:
            ws.freeze_panes(self.header_rows[1] + 1, 0)


PRINTABLE_UNITS = 146.0
"""Column width units (about 1.9 mm each at 100 %) across A4 landscape inside 0.4" margins."""
MIN_PRINT_SCALE = 85
"""Smallest print scale (per cent) of a table printed across several pages: still readable."""


@dataclass(frozen=True)
class PrintPlan:
    """How a wide table is printed: column breaks (indexes starting a page), repeated key columns, scale."""

    breaks: tuple[int, ...]
    repeat: int
    scale: int


def print_plan(columns: Sequence[Col]) -> PrintPlan:
    """Where to cut a table too wide for one A4 landscape page at :data:`MIN_PRINT_SCALE` %.

    The first two columns (序号 and the row's name or number) are repeated on each page.
    Cuts fall before a column whose group differs from the one before it where possible.
    ``breaks`` is empty when the whole width fits one page (then the sheet is fitted to
    one page wide).
    """
    widths = [c.width + 0.7 for c in columns]  # cell padding
    limit = PRINTABLE_UNITS * 100 / MIN_PRINT_SCALE
    if sum(widths) <= limit or len(columns) < 4:
        return PrintPlan((), 0, 100)
    repeat = 2
    fixed = sum(widths[:repeat])

    def cut(by_group: bool) -> list[int]:
        breaks: list[int] = []
        start = repeat
        while start < len(columns):
            used = fixed
            end = start
            last_group_cut = None
            while end < len(columns) and used + widths[end] <= limit:
                if end > start and columns[end].group != columns[end - 1].group:
                    last_group_cut = end
                used += widths[end]
                end += 1
            if end == start:  # one column wider than a page: it gets a page of its own
                end = start + 1
            elif (by_group and end < len(columns) and last_group_cut is not None
                  and last_group_cut - start >= (end - start) // 2):
                end = last_group_cut
            if end < len(columns):
                breaks.append(end)
            start = end
        return breaks

    grouped, tight = cut(True), cut(False)
    breaks = grouped if len(grouped) <= len(tight) else tight  # fewest sheets, then whole groups
    pages = [(a, b) for a, b in zip([repeat, *breaks], [*breaks, len(columns)], strict=True)]
    widest = max(fixed + sum(widths[a:b]) for a, b in pages)
    scale = max(MIN_PRINT_SCALE, min(100, int(PRINTABLE_UNITS * 100 / widest)))
    return PrintPlan(tuple(breaks), repeat, scale)


def reporter_line(reporter: str, day: date) -> str:
    """``填报人：王主任    审核人：        负责人：        填报日期：2026年11月21日``."""
    return _("填报人：{who}　　　　审核人：　　　　　　负责人：　　　　　　填报日期：{y}年{m}月{d}日").format(
        who=reporter, y=day.year, m=day.month, d=day.day)
