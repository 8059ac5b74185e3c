"""A date entry that may stay empty: ``YYYY-MM-DD`` typed from the keyboard.

Accepts ``2025-03-12``, ``2025/3/12``, ``2025.3.12`` and ``20250312`` and shows them as
ISO dates once the field is left.  ``T`` enters today; ``+``/``-`` (or Up/Down) move a
valid date by one day.  Text that is not a date is kept as typed so the service can name
the field in its error; the field turns red meanwhile.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from hexie_desktop.core import dates

parse_date = dates.parse


class DateEdit(QLineEdit):
    """Optional date field; :meth:`value` gives ``date | None``, :meth:`text_for_service` what to send."""

    dateChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("年-月-日"))
        self.setMaxLength(12)
        self.setToolTip(self.tr("日期，如 2025-03-12；按 T 填入今天，+/- 或上下键加减一天"))
        self.editingFinished.connect(self._normalize)
        self.textChanged.connect(self._mark)

    def value(self) -> date | None:
        """The date entered, or ``None``."""
        return parse_date(self.text())

    def setValue(self, day: date | None) -> None:
        """Show ``day`` (or clear the field)."""
        self.setText(day.isoformat() if day else "")

    def text_for_service(self) -> str | None:
        """ISO text when valid, the raw text when not (so the service reports it), ``None`` when empty."""
        day = self.value()
        if day is not None:
            return day.isoformat()
        return self.text().strip() or None

    def is_valid(self) -> bool:
        """True when empty or a real date."""
        return not self.text().strip() or self.value() is not None

    def _normalize(self) -> None:
        day = self.value()
        if day is not None and self.text() != day.isoformat():
            self.setText(day.isoformat())

    def _mark(self) -> None:
        self.setProperty("invalid", not self.is_valid())
        self.style().unpolish(self)
        self.style().polish(self)
        self.dateChanged.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Shortcuts: T = today, +/Up = next day, -/Down = previous day."""
        key, text = event.key(), event.text()
        day = self.value()
        if text in ("t", "T") and not self.hasSelectedText() and not self.text().strip():
            self.setValue(date.today())
            return
        if day is not None and (key in (Qt.Key.Key_Up, Qt.Key.Key_Plus) or text == "+"):
            self.setValue(day + timedelta(days=1))
            return
        if day is not None and (key == Qt.Key.Key_Down or (text == "-" and len(self.text()) >= 10)):
            self.setValue(day - timedelta(days=1))
            return
        super().keyPressEvent(event)
