"""The case list model: every matching id up front, rows fetched in pages when shown.

A filter's ids come from one fast query (run off the GUI thread by the screen); the rows
behind them are read through :func:`hexie_desktop.ui.models.queries.case_rows` in pages of
:data:`~hexie_desktop.ui.models.queries.PAGE` the first time a view asks for a cell of
that page, and kept in a small LRU cache.  So the scroll bar is right from the start and
100,000 cases cost one id list plus the pages actually looked at.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any, NamedTuple

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from hexie_desktop.core import states
from hexie_desktop.services.cases import CaseRow
from hexie_desktop.services.context import Context
from hexie_desktop.ui.models import queries
from hexie_desktop.ui.models.pages import PageCache
from hexie_desktop.ui.models.records import ID_ROLE
from hexie_desktop.ui.widgets.badges import BADGE_ROLE, status_text

NUMBER_ROLE = Qt.ItemDataRole.UserRole + 4
MAX_PAGES = 40
_Index = QModelIndex | QPersistentModelIndex


class Column(NamedTuple):
    """One column: header, cell text, the service's sort name (``None``: not sortable)."""

    header: str
    text: Callable[[CaseRow], str]
    sort: str | None


def _t(text: str) -> str:
    return QCoreApplication.translate("CaseTableModel", text)


def _money(row: CaseRow) -> Decimal:
    return Decimal(row.claimed or "0")


def columns() -> list[Column]:
    """The case list's columns, in order."""
    return [
        Column(_t("案件编号"), lambda r: r.number, "number"),
        Column(_t("收到日期"), lambda r: r.received_on.isoformat(), "received_on"),
        Column(_t("申请人"), lambda r: r.applicants, "applicants"),
        Column(_t("身份证号"), lambda r: r.id_number_masked, None),
        Column(_t("电话"), lambda r: r.phone_masked, None),
        Column(_t("被申请人"), lambda r: r.respondent, "respondent"),
        Column(_t("争议类别"), lambda r: r.category_label, "category"),
        Column(_t("请求金额（元）"), lambda r: f"{_money(r):,.2f}", "claimed"),
        Column(_t("调解员"), lambda r: r.mediator or "", "mediator"),
        Column(_t("状态"), lambda r: r.state_label, "state"),
        Column(_t("分级"), lambda r: "", None),
        Column(_t("期限"), lambda r: "", None),
        Column(_t("数据交换"), lambda r: "", None),
    ]


RECEIVED_COLUMN = 1
AMOUNT_COLUMN = 7
GRADE_COLUMN = 10
"""繁简分流 (core/grading.py): 简易/一般/重大, read with each page."""
DEADLINE_COLUMN = 11
EXCHANGE_COLUMN = 12


class CaseTableModel(QAbstractTableModel):
    """Lazy case rows for a list of ids; badges come separately from the dashboard service."""

    def __init__(self, ctx: Context, parent: Any = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._columns = columns()
        self._ids: list[str] = []
        self._pages: PageCache[CaseRow | None] = PageCache(self._read_page, MAX_PAGES)
        self._badges: dict[str, tuple[str, str]] = {}
        self._exchange: dict[str, str] = {}
        self._grades: dict[str, str] = {}

    # ---------------------------------------------------------------- content

    def set_ids(self, ids: list[str], rows: list[CaseRow] | None = None) -> None:
        """Show the cases ``ids`` (in this order); ``rows`` when already read for all of them."""
        self.beginResetModel()
        self._ids = list(ids)
        self._pages.clear()
        if rows is not None:
            by_id = {r.id: r for r in rows}
            for page in range(0, (len(ids) + queries.PAGE - 1) // queries.PAGE):
                chunk = ids[page * queries.PAGE:(page + 1) * queries.PAGE]
                self._pages.put(page, [by_id.get(i) for i in chunk])
        self.endResetModel()

    def set_badges(self, badges: dict[str, tuple[str, str]]) -> None:
        """Deadline status per case id: ``{id: (status, label)}``; repaints the deadline column."""
        self._badges = dict(badges)
        if self._ids:
            self.dataChanged.emit(self.index(0, DEADLINE_COLUMN), self.index(len(self._ids) - 1, DEADLINE_COLUMN),
                                  [Qt.ItemDataRole.DisplayRole, BADGE_ROLE, Qt.ItemDataRole.ToolTipRole])

    def refresh_rows(self) -> None:
        """Forget the cached rows (after a change) and repaint."""
        self._pages.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(self._columns) - 1))

    def ids(self) -> list[str]:
        """The ids shown, in order."""
        return list(self._ids)

    def sort_key(self, column: int) -> str | None:
        """The service's sort name for ``column`` (``None``: the column cannot be sorted)."""
        return self._columns[column].sort

    def row_at(self, row: int) -> CaseRow | None:
        """The case row shown at ``row`` (read from the database when its page is not cached)."""
        if not 0 <= row < len(self._ids):
            return None
        page = row // queries.PAGE
        return self._pages.get(page)[row - page * queries.PAGE]

    def _read_page(self, page: int) -> list[CaseRow | None]:
        chunk = self._ids[page * queries.PAGE:(page + 1) * queries.PAGE]
        fetched = {r.id: r for r in queries.case_rows(self._ctx, chunk)}
        self._exchange.update(queries.exchange_labels(self._ctx, chunk))
        self._grades.update(queries.grade_labels(self._ctx, chunk))
        return [fetched.get(i) for i in chunk]

    @property
    def fetches(self) -> int:
        """How many pages were read from the database."""
        return self._pages.reads

    # ---------------------------------------------------------------- Qt model API

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Number of matching cases."""
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Number of columns."""
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text and the roles the views and tests use."""
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        column = index.column()
        if role == ID_ROLE:
            return self._ids[index.row()]
        if column == DEADLINE_COLUMN:
            badge = self._badges.get(self._ids[index.row()])
            if badge is None:
                return None
            if role == Qt.ItemDataRole.DisplayRole:
                return status_text(badge[0])
            if role == BADGE_ROLE:
                return badge[0]
            if role == Qt.ItemDataRole.ToolTipRole:
                return badge[1]
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, NUMBER_ROLE,
                        Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ForegroundRole):
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == AMOUNT_COLUMN:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        if role == NUMBER_ROLE:
            return row.number
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor("#888888") if row.state in states.FINISHED_STATES else None
        if column in (EXCHANGE_COLUMN, GRADE_COLUMN):
            text = (self._exchange if column == EXCHANGE_COLUMN else self._grades).get(row.id, "")
            return text if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole) else None
        text = self._columns[column].text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return text if len(text) > 10 else None
        return text

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Column headers; 1-based row numbers."""
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._columns[section].header if 0 <= section < len(self._columns) else None
        return str(section + 1)
