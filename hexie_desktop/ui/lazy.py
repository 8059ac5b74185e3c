"""Pages that recompute only when seen: a change marks them stale; showing a stale page refreshes it."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget


class RefreshWhenShown(QWidget):
    """Base for pages with a ``refresh()``: nothing is computed for a page that is never opened."""

    _stale = True

    def refresh(self) -> None:  # pragma: no cover - every subclass defines it
        """Recompute the page (subclasses set ``self._stale = False``)."""
        raise NotImplementedError

    def _mark_stale(self) -> None:
        """Recompute now when shown, else on the next show."""
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        """Recompute when shown after something changed."""
        super().showEvent(event)
        if self._stale:
            self.refresh()
