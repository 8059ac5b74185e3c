"""Keyboard shortcuts scoped to one screen."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget


def shortcut(widget: QWidget, keys: str | QKeySequence | QKeySequence.StandardKey,
             slot: Callable[[], None]) -> QShortcut:
    """A shortcut active while focus is inside ``widget`` (so screens do not steal each other's keys)."""
    sequence = keys if isinstance(keys, QKeySequence) else QKeySequence(keys)
    short = QShortcut(sequence, widget)
    short.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    short.activated.connect(slot)
    return short
