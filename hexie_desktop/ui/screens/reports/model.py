"""The statistics table as a Qt model: one row per line of ``core.stats.LINES``, one column per value column."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from hexie_desktop.core import money, stats

_Index = QModelIndex | QPersistentModelIndex
FIXED = 3


def cell_text(value: int | Fraction | None, line: stats.Line) -> str:
    """How a figure reads in the table: counts plain, amounts with separators, ratios to one decimal."""
    if line.kind == "heading":
        return ""
    if line.kind in ("rate", "days"):
        return stats.fraction_text(value if isinstance(value, Fraction) or value is None else Fraction(value),
                                   line.kind)
    if line.kind == "money":
        return money.format_amount(int(value or 0))
    return str(value or 0)


class StatisticsModel(QAbstractTableModel):
    """Lines × (指标, 代码, 单位, value columns); values are the figures of each column."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._columns: list[tuple[str, stats.Figures]] = []
        self._denominator = "agreed_failed"
        self._headers = [self.tr("指标"), self.tr("代码"), self.tr("单位")]

    def set_columns(self, columns: list[tuple[str, stats.Figures]], denominator: str) -> None:
        """Show these value columns (header, figures)."""
        self.beginResetModel()
        self._columns = list(columns)
        self._denominator = denominator
        self.endResetModel()

    def line(self, row: int) -> stats.Line:
        """The line shown in ``row``."""
        return stats.LINES[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """One row per line (a flat table)."""
        return 0 if parent.isValid() else len(stats.LINES)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Label, code, unit, then the value columns."""
        return 0 if parent.isValid() else FIXED + len(self._columns)

    def value(self, row: int, column: int) -> int | Fraction | None:
        """The raw figure in a value cell."""
        figures = self._columns[column - FIXED][1]
        return stats.value(figures, stats.LINES[row], self._denominator)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text, alignment, bold headings and a tint for indented lines."""
        if not index.isValid() or not (0 <= index.row() < len(stats.LINES)) or not (
                0 <= index.column() < FIXED + len(self._columns)):
            return None
        line = stats.LINES[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return ("　　" * line.indent) + line.label
            if column == 1:
                return line.code
            if column == 2:
                return line.unit
            return cell_text(self.value(index.row(), column), line)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column >= FIXED:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int((Qt.AlignmentFlag.AlignHCenter if column else Qt.AlignmentFlag.AlignLeft)
                       | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and line.kind == "heading":
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and line.indent:
            return QBrush(QColor("#4a5560"))
        if role == Qt.ItemDataRole.ToolTipRole and column >= FIXED and line.kind == "rate":
            return stats.DENOMINATORS.get(self._denominator)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Column titles; no row titles (the code column says which line it is)."""
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if 0 <= section < FIXED:
            return self._headers[section]
        if FIXED <= section < FIXED + len(self._columns):
            return self._columns[section - FIXED][0]
        return None
