"""Keyboard shortcuts scoped to one screen, and Ctrl+Enter to submit a dialog with multi-line fields."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialogButtonBox, QWidget


def shortcut(widget: QWidget, keys: str | QKeySequence | QKeySequence.StandardKey,
             slot: Callable[[], None]) -> QShortcut:
    """A shortcut active while focus is inside ``widget`` (so screens do not steal each other's keys)."""
    sequence = keys if isinstance(keys, QKeySequence) else QKeySequence(keys)
    short = QShortcut(sequence, widget)
    short.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    short.activated.connect(slot)
    return short


def submit_with_ctrl_enter(dialog: QWidget, box: QDialogButtonBox,
                           which: QDialogButtonBox.StandardButton = QDialogButtonBox.StandardButton.Ok
                           ) -> list[QShortcut]:
    """Ctrl+Enter (either Enter key) presses ``box``'s 确定 button, even inside a multi-line field.

    Plain Enter stays a new line in multi-line fields; a disabled button stays disabled.
    """

    def press() -> None:
        button = box.button(which)
        if button is not None and button.isEnabled() and button.isVisible():
            button.click()

    return [shortcut(dialog, keys, press) for keys in ("Ctrl+Return", "Ctrl+Enter")]
