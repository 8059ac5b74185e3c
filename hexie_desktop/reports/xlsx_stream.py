"""Data rows of a streamed table written as XML in one piece (the 100,000-row ledgers).

In constant-memory mode XlsxWriter keeps one row of cell objects and turns it into XML when
the next row starts, a dozen Python calls per cell; for a ledger of 100,000 rows × 21
columns that was most of the export's time.  :class:`RowStream` writes a data row of
ordinary cells — text, integers, amounts in 分, dates, blanks — into the worksheet's row
stream as the very XML :meth:`TableSheet.row <hexie_desktop.reports.xlsx.TableSheet.row>`
makes XlsxWriter write, with the same rules (text always an inline string, the quote prefix
on text starting with ``= + - @`` or a control character, the row height of wrapped text).

A row with any cell out of the ordinary — text with ``& < > " _``, control characters or
surrounding white space, text longer than half of Excel's cell limit (checked and refused by
the ordinary path), a value of any other type — is written by ``TableSheet.row`` itself and
flushed at once, so the rare cases keep XlsxWriter's own escaping and checks.
``tests/unit/test_ledger_stream.py`` holds the sheet's XML byte for byte equal to the
ordinary path's.  The fast path is used only when the sheet is streamed and XlsxWriter is the
pinned version; otherwise every row goes through ``TableSheet.row``.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.utility import xl_col_to_name

from hexie_desktop.reports.xlsx import EXCEL_CELL_LIMIT, LINE_HEIGHT, TEXT_KINDS, TableSheet, lines_needed

XLSXWRITER_VERSION = "3.3.1"
"""The XlsxWriter whose row XML :class:`RowStream` writes (pinned in pyproject.toml)."""

_OUT_OF_THE_ORDINARY = re.compile('[\x00-\x1f\x7f&<>"_\ufffe\uffff]')
_QUOTED_FIRST = frozenset("=+-@\x7f" + "".join(chr(c) for c in range(32)))
"""First characters that get the quote prefix (``xlsx.needs_quote_prefix``)."""


_LINES_CACHE = 4096
"""Most remembered line counts of Chinese text per column (a column of distinct values starts over)."""


class RowStream:
    """Writes the data rows of ``sheet`` (a :class:`TableSheet` after its ``head``) in order."""

    def __init__(self, sheet: TableSheet) -> None:
        self.sheet = sheet
        ws = sheet.ws
        self.fast = (sheet.book.streaming and ws.constant_memory and xlsxwriter.__version__ == XLSXWRITER_VERSION
                     and ws.default_row_height == ws.original_row_height and ws.excel_version == 2007)
        self.letters = [xl_col_to_name(i) for i in range(len(sheet.columns))]
        self.widths = [c.width for c in sheet.columns]
        self.money = [c.kind == "money" for c in sheet.columns]
        self.numeric = [c.kind not in TEXT_KINDS for c in sheet.columns]
        self.dated = [c.kind == "date" for c in sheet.columns]
        self.plain: list[Format] = list(sheet._plain)
        self.heads: list[str | None] = [None] * len(self.plain)
        self.quoted_heads: list[str | None] = [None] * len(self.plain)
        self.serials: dict[date, str] = {}
        self.lines: list[dict[str, int]] = [{} for _column in self.plain]
        self.row_tags: dict[int, str] = {}

    def _head(self, index: int, quoted: bool) -> str:
        """The cell's start with its style (``\\0`` for the row number); the format's index is given
        at its first use, as XlsxWriter gives it when it writes the cell."""
        cache = self.quoted_heads if quoted else self.heads
        head = cache[index]
        if head is None:
            fmt = self.sheet.book.quoted(self.plain[index]) if quoted else self.plain[index]
            head = cache[index] = f'<c r="{self.letters[index]}\0" s="{fmt._get_xf_index()}"'
        return head

    def _serial(self, day: date) -> str:
        serial = self.serials.get(day)
        if serial is None:
            number = self.sheet.ws._convert_date_time(datetime(day.year, day.month, day.day))
            serial = self.serials[day] = f"{number:.16G}"
        return serial

    def _lines(self, index: int, value: str) -> int:
        if value.isascii():  # quick to count (numbers, masked ids, codes): not remembered
            return lines_needed(value, self.widths[index])
        cache = self.lines[index]
        lines = cache.get(value)
        if lines is None:
            if len(cache) >= _LINES_CACHE:
                cache.clear()
            lines = cache[value] = lines_needed(value, self.widths[index])
        return lines

    def _row_tag(self, r: int, lines: int) -> str:
        """The ``<row>`` start of a row ``lines`` high, as XlsxWriter writes it after ``set_row``.

        The row's height is not kept in the worksheet (XlsxWriter would keep it for every row,
        some 20 MB for 100,000 rows, and needs it only for images, which a ledger has none of).
        """
        tag = self.row_tags.get(lines)
        if tag is None:
            ws = self.sheet.ws
            ws.set_row(r, LINE_HEIGHT * min(lines, 30) + 2)
            stream, ws.fh = ws.fh, io.StringIO()
            try:
                ws._write_row(r, None, ws.row_info[r])
                made = ws.fh.getvalue()
            finally:
                ws.fh = stream
            tag = self.row_tags[lines] = made.replace(f'<row r="{r + 1}"', '<row r="\0"', 1)
        ws = self.sheet.ws
        ws.row_info.pop(r, None)
        ws.row_sizes.pop(r, None)
        return tag

    def row(self, values: Sequence[Any]) -> None:
        """One data row, as ``TableSheet.row(values)`` would write it."""
        sheet = self.sheet
        if not self.fast:
            sheet.row(values)
            return
        ws = sheet.ws
        r = sheet.next_row
        if ws.previous_row < r or ws.table:
            ws._write_single_row(r)  # the rows before (the header) first, as XlsxWriter does
        cells = self._cells(values) if len(values) == len(self.letters) else None
        if cells is None:
            sheet.row(values)
            ws._write_single_row(r + 1)  # written now: the next rows go straight to the stream
            return
        xml, lines = cells
        ws._check_dimensions(r, 0)
        ws._check_dimensions(r, len(self.letters) - 1)
        start = self._row_tag(r, lines) if lines > 1 else '<row r="\0">'
        ws.fh.write((start + xml).replace("\0", str(r + 1)) + "</row>")
        ws.previous_row = r + 1
        sheet.next_row += 1
        sheet.data_rows += 1

    def _cells(self, values: Sequence[Any]) -> tuple[str, int] | None:
        """The row's cells as XML (``\\0`` for the row number) and its lines, or None when out of the ordinary."""
        parts = []
        lines = 1
        heads, widths = self.heads, self.widths
        for index, value in enumerate(values):
            kind = type(value)
            if kind is str and value:
                if (len(value) > EXCEL_CELL_LIMIT // 2 or _OUT_OF_THE_ORDINARY.search(value)
                        or value[0].isspace() or value[-1].isspace()):
                    return None
                if len(value) * 1.9 > widths[index]:
                    lines = max(lines, self._lines(index, value))
                head = self._head(index, True) if value[0] in _QUOTED_FIRST else (
                    heads[index] or self._head(index, False))
                parts.append(f'{head} t="inlineStr"><is><t>{value}</t></is></c>')
            elif value is None or (kind is str and not value):
                parts.append((heads[index] or self._head(index, False)) + "/>")
            elif kind is int and self.numeric[index]:
                number = value / 100 if self.money[index] else value
                parts.append(f"{heads[index] or self._head(index, False)}><v>{number:.16G}</v></c>")
            elif kind is date and self.dated[index]:
                parts.append(f"{heads[index] or self._head(index, False)}><v>{self._serial(value)}</v></c>")
            else:
                return None
        return "".join(parts), lines
