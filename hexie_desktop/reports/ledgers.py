"""Ledger workbooks (调解工作台账 and the registers), streamed row by row.

The columns come from the services (``services.reports.ledger_columns``, the same columns
as the import templates), so an exported ledger can be imported again; this module only writes
the data it is given (:class:`~hexie_desktop.reports.shapes.LedgerData`: a row is a dict keyed by
column key or a sequence of cells in column order).  Rows are written in XlsxWriter's
constant-memory mode, ordinary ones straight as XML (:mod:`hexie_desktop.reports.xlsx_stream`):
memory stays flat however many rows there are.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from hexie_desktop.core import stats
from hexie_desktop.core.i18n import _
from hexie_desktop.core.text import readable_records
from hexie_desktop.reports.shapes import LedgerColumn, LedgerData
from hexie_desktop.reports.xlsx import Book, Col, TableSheet, reporter_line
from hexie_desktop.reports.xlsx_stream import RowStream

PROGRESS_EVERY = 1000


def table_columns(columns: Sequence[LedgerColumn]) -> list[Col]:
    """Writer columns of ledger columns."""
    return [Col(c.header, c.kind, c.group, c.width, c.total, "center" if c.key == "seq" else None) for c in columns]


def write(book: Book, ledger: LedgerData, progress: Callable[[int], None] | None = None) -> int:
    """Write ``ledger`` as one sheet of ``book``; returns the number of data rows."""
    columns = ledger.columns
    if ledger.period is not None:
        subtitle = _("收到申请日期：{range}").format(range=ledger.period.range_text)
    else:
        subtitle = _("截至{day}").format(day=stats.cn_date(ledger.meta.today))
    right = _("共{n}条").format(n=ledger.count)
    if ledger.unmask:
        right = _("含完整个人信息，注意保密　") + right
    sheet = TableSheet(book, ledger.title, table_columns(columns), title=ledger.title, subtitle=subtitle,
                       left_note=_("填报单位：{unit}").format(unit=ledger.meta.unit_name), right_note=right)
    sheet.head()
    sums: dict[int, Any] = {}
    totalled = [i for i, c in enumerate(columns) if c.total]
    keys = [c.key for c in columns]
    free_text = [i for i, c in enumerate(columns) if c.kind == "longtext"]
    stream = RowStream(sheet)
    count = 0
    for row in ledger.rows:
        values = [row.get(key) for key in keys] if isinstance(row, dict) else row
        if free_text:  # free text is printed as people read it (never raw JSON in a printed register)
            values = list(values)
            for index in free_text:
                values[index] = readable_records(values[index])
        stream.row(values)
        for index in totalled:
            value = values[index]
            if isinstance(value, int) and not isinstance(value, bool):
                sums[index] = sums.get(index, 0) + value
        count += 1
        if progress is not None and count % PROGRESS_EVERY == 0:
            progress(count)
    if progress is not None:
        progress(count)
    if len(columns) > 1 and not columns[1].total:
        sums[1] = _("{n}条").format(n=count)
    sheet.totals(sums, _("合计"))
    sheet.lines([reporter_line(ledger.meta.reporter, ledger.meta.today)])
    sheet.finish()
    return count


def write_file(path: Path, ledger: LedgerData, progress: Callable[[int], None] | None = None) -> int:
    """Write ``ledger`` to ``path`` (normally a temporary path) in streaming mode."""
    book = Book(path, streaming=True)
    try:
        return write(book, ledger, progress)
    finally:
        book.close()
