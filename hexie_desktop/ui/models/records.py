"""A read-only table model over a list of plain records (dicts or dataclasses).

Used for the dashboard, registries, users, deadlines, events and other short lists that a
service returns whole.  Columns are ``(key, header)`` pairs; a key may be a callable that
computes the shown text from the record.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, is_dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from hexie_desktop.ui.widgets.badges import BADGE_ROLE

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
RECORD_ROLE = Qt.ItemDataRole.UserRole + 2
ID_ROLE = Qt.ItemDataRole.UserRole + 3

Key = str | Callable[[dict[str, Any]], Any]
_Index = QModelIndex | QPersistentModelIndex


def as_record(obj: Any) -> dict[str, Any]:
    """A dict view of ``obj`` (dataclasses become dicts)."""
    if isinstance(obj, dict):
        return obj
    if is_dataclass(obj) and not isinstance(obj, type):
        return asdict(obj)
    raise TypeError(f"not a record: {type(obj).__name__}")


def display(value: Any) -> str:
    """How a plain value reads in a cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return QCoreApplication.translate("Records", "是") if value else QCoreApplication.translate("Records", "否")
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    return str(value)


class RecordTableModel(QAbstractTableModel):
    """Rows are records, columns are keys; :data:`RECORD_ROLE` gives the whole record."""

    def __init__(self, columns: Sequence[tuple[Key, str]], *, id_key: str = "id",
                 badge_key: str | None = None, badge_column: int | None = None,
                 right_aligned: Sequence[int] = (), parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._records: list[dict[str, Any]] = []
        self._id_key = id_key
        self._badge_key = badge_key
        self._badge_column = badge_column
        self._right = set(right_aligned)

    def set_records(self, records: Sequence[Any]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._records = [as_record(r) for r in records]
        self.endResetModel()

    def set_columns(self, columns: Sequence[tuple[Key, str]]) -> None:
        """Replace the columns (and keep the rows)."""
        self.beginResetModel()
        self._columns = list(columns)
        self.endResetModel()

    def record(self, row: int) -> dict[str, Any]:
        """The record shown in ``row``."""
        return self._records[row]

    def records(self) -> list[dict[str, Any]]:
        """Every record, in order."""
        return list(self._records)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Number of records (0 under any parent: this is a flat table)."""
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Number of columns."""
        return 0 if parent.isValid() else len(self._columns)

    def _value(self, record: dict[str, Any], column: int) -> Any:
        key = self._columns[column][0]
        return key(record) if callable(key) else record.get(key)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text, sort value, tooltip, alignment, badge status, record or id."""
        if not index.isValid() or index.row() >= self.rowCount() or index.column() >= len(self._columns):
            return None
        record = self.record(index.row())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = display(self._value(record, index.column()))
            return text if role == Qt.ItemDataRole.DisplayRole or len(text) > 12 else None
        if role == SORT_ROLE:
            value = self._value(record, index.column())
            return display(value) if not isinstance(value, (int, float)) or isinstance(value, bool) else value
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self._right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == BADGE_ROLE and self._badge_key and index.column() == self._badge_column:
            return record.get(self._badge_key)
        if role == RECORD_ROLE:
            return record
        if role == ID_ROLE:
            return record.get(self._id_key)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Column headers; row numbers on the vertical header."""
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._columns[section][1] if 0 <= section < len(self._columns) else None
        return str(section + 1)
