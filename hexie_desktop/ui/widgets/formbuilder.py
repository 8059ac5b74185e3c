"""Build form rows from field descriptions, read their values back, mark the wrong ones.

Used where the fields are data rather than layout: the workflow action dialogs and the
registry record dialog (whose fields come from ``services.registries.FIELDS``).  The
dialog frame itself comes from ``forms/form_dialog.ui``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from hexie_desktop.ui.widgets.dates import DateEdit

TEXT_KINDS = frozenset({"text", "id_number", "credit_code", "phone", "money", "password", "ref_text"})


@dataclass(frozen=True)
class Field:
    """One input: ``kind`` is text, multiline, date, int, bool, choice, combo (choice or free text),
    money, password, id_number, credit_code or phone."""

    name: str
    label: str
    kind: str = "text"
    required: bool = False
    choices: Sequence[tuple[Any, str]] = field(default_factory=tuple)
    default: Any = None
    hint: str = ""
    read_only: bool = False


def normalize_choices(choices: Any) -> list[tuple[Any, str]]:
    """``[(code, label)]`` from a mapping, a list of pairs or a list of plain values."""
    if not choices:
        return []
    if isinstance(choices, Mapping):
        return [(k, str(v)) for k, v in choices.items()]
    out: list[tuple[Any, str]] = []
    for choice in choices:
        if isinstance(choice, (tuple, list)) and len(choice) == 2:
            out.append((choice[0], str(choice[1])))
        else:
            out.append((choice, str(choice)))
    return out


class FormBuilder:
    """Adds one row per :class:`Field` to a QFormLayout and reads the values back."""

    def __init__(self, layout: QFormLayout, fields: Sequence[Field], parent: QWidget) -> None:
        self.layout = layout
        self.fields = list(fields)
        self.widgets: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        for spec in self.fields:
            widget = self._make(spec, parent)
            widget.setObjectName(f"field_{spec.name}")
            if spec.hint:
                widget.setToolTip(spec.hint)
            if spec.read_only:
                widget.setEnabled(False)
            label = QLabel(spec.label + ("＊" if spec.required else ""), parent)
            label.setBuddy(widget)
            self.labels[spec.name] = label
            self.widgets[spec.name] = widget
            layout.addRow(label, widget)
            self.set_value(spec.name, spec.default)

    @staticmethod
    def _make(spec: Field, parent: QWidget) -> QWidget:
        if spec.kind == "multiline":
            edit = QPlainTextEdit(parent)
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(64)
            return edit
        if spec.kind == "date":
            return DateEdit(parent)
        if spec.kind == "int":
            spin = QSpinBox(parent)
            spin.setRange(0, 10**9)
            return spin
        if spec.kind == "bool":
            return QCheckBox(parent)
        if spec.kind in ("choice", "combo"):
            combo = QComboBox(parent)
            combo.setEditable(spec.kind == "combo")
            # Long choices (an agreement item with its amounts and due date) must not widen the
            # dialog past the screen: the box shrinks to the form, its list shows them in full.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(16)
            if not spec.required:
                combo.addItem("", None)
            for code, label in normalize_choices(spec.choices):
                combo.addItem(label, code)
            combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)   # the list shows them whole
            if combo.isEditable():
                # Typing part of a name (a mediator's given name) offers the matches in a list: ↓ and Enter pick.
                combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
                completer = combo.completer()
                completer.setFilterMode(Qt.MatchFlag.MatchContains)
                completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
                completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            return combo
        edit = QLineEdit(parent)
        if spec.kind == "password":
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        if spec.kind == "money":
            edit.setPlaceholderText(QCoreApplication.translate("FormBuilder", "金额（元），如 1234.50"))
        return edit

    def widget(self, name: str) -> QWidget:
        """The input widget of field ``name``."""
        return self.widgets[name]

    def value(self, name: str) -> Any:
        """The value of one field as services take it (``None`` when empty)."""
        widget = self.widgets[name]
        if isinstance(widget, DateEdit):
            return widget.text_for_service()
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText().strip() or None
        if isinstance(widget, QSpinBox):
            return widget.value()
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        if isinstance(widget, QComboBox):
            if widget.isEditable():
                text = widget.currentText().strip()
                index = widget.findText(text)
                if index >= 0 and widget.itemData(index) is not None:
                    return widget.itemData(index)
                return text or None
            return widget.currentData()
        if isinstance(widget, QLineEdit):
            return widget.text().strip() or None
        return None

    def values(self) -> dict[str, Any]:
        """Every field's value by name."""
        return {spec.name: self.value(spec.name) for spec in self.fields}

    def set_value(self, name: str, value: Any) -> None:
        """Show ``value`` in field ``name``."""
        widget = self.widgets[name]
        if isinstance(widget, DateEdit):
            if isinstance(value, str):
                widget.setText(value)
            else:
                widget.setValue(value if isinstance(value, date) else None)
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText("" if value is None else str(value))
        elif isinstance(widget, QSpinBox):
            widget.setValue(int(value or 0))
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        elif isinstance(widget, QComboBox):
            index = widget.findData(value)
            if index >= 0:
                widget.setCurrentIndex(index)
            elif widget.isEditable() and value is not None:
                widget.setEditText(str(value))
        elif isinstance(widget, QLineEdit):
            widget.setText("" if value is None else str(value))

    def set_values(self, values: Mapping[str, Any]) -> None:
        """Fill the fields present in ``values``."""
        for name, value in values.items():
            if name in self.widgets:
                self.set_value(name, value)

    def mark(self, name: str | None, message: str) -> QWidget | None:
        """Mark field ``name`` as wrong (red, tooltip); returns its widget when known."""
        widget = self.widgets.get(name or "")
        if widget is None:
            return None
        widget.setProperty("invalid", True)
        widget.setToolTip(message)
        widget.style().unpolish(widget)
        widget.style().polish(widget)
        return widget

    def clear_marks(self) -> None:
        """Remove every mark."""
        for spec in self.fields:
            widget = self.widgets[spec.name]
            widget.setProperty("invalid", False)
            widget.setToolTip(spec.hint)
            widget.style().unpolish(widget)
            widget.style().polish(widget)

    def first_widget(self) -> QWidget | None:
        """The first enabled input (for initial focus)."""
        return next((self.widgets[s.name] for s in self.fields if not s.read_only), None)
