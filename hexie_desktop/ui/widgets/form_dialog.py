"""A dialog whose rows are built from :class:`~hexie_desktop.ui.widgets.formbuilder.Field` descriptions.

On 确定 it calls ``submit(values)``; a :class:`HexieError` keeps the dialog open with the
message under the form and the named field marked; success stores the result and closes.
When ``submit`` returns a prepared :class:`~hexie_desktop.ui.write_op.Write`, the dialog runs it
off the GUI thread (buttons disabled meanwhile) and closes, or marks the fields, when it reports.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QWidget

from hexie_desktop.core.errors import HexieError
from hexie_desktop.ui import messages, style, write_op
from hexie_desktop.ui.fieldnames import split_path
from hexie_desktop.ui.forms.form_dialog import Ui_FormDialog
from hexie_desktop.ui.widgets.formbuilder import Field, FormBuilder
from hexie_desktop.ui.widgets.keys import submit_with_ctrl_enter


class FormDialog(QDialog):
    """Title, intro text, generated rows, error line, 确定/取消."""

    def __init__(self, title: str, intro: str, fields: Sequence[Field],
                 submit: Callable[[dict[str, Any]], Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_FormDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(title)
        self.ui.introLabel.setText(intro)
        self.ui.introLabel.setVisible(bool(intro))
        style.set_role(self.ui.errorLabel, "error")
        style.chinese_buttons(self.ui.buttonBox)
        self.builder = FormBuilder(self.ui.form, fields, self.ui.formHost)
        self.submit_fn = submit
        self.result: Any = None
        self.ui.buttonBox.accepted.connect(self.submit)
        self.ui.buttonBox.rejected.connect(self.reject)
        submit_with_ctrl_enter(self, self.ui.buttonBox)
        first = self.builder.first_widget()
        if first is not None:
            first.setFocus()
        rows = len(fields)
        self.resize(620, min(640, 170 + rows * 42))

    def values(self) -> dict[str, Any]:
        """The values entered, by field name."""
        return self.builder.values()

    def submit(self) -> bool:
        """Call the submit function; keep the dialog open with the reason when it refuses.

        True when saved, or (for a prepared write) when the write has started.
        """
        if write_op.writing(self) or not self.ui.buttonBox.isEnabled():
            return False
        self.builder.clear_marks()
        self.ui.errorLabel.clear()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            outcome = self.submit_fn(self.values())
        except HexieError as exc:
            QGuiApplication.restoreOverrideCursor()
            self.refused(exc)
            return False
        QGuiApplication.restoreOverrideCursor()
        if isinstance(outcome, write_op.Write):
            return outcome.start(self, on_done=self.saved, on_error=self._failed, busy=(self.ui.buttonBox,)) is not None
        self.saved(outcome)
        return True

    def saved(self, result: Any) -> None:
        """Keep the result and close."""
        self.result = result
        self.accept()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, HexieError):
            self.refused(error)
        else:
            messages.show_error(self, error)

    def refused(self, exc: HexieError) -> None:
        """Show why the submit was refused under the form and mark the named fields."""
        self.ui.errorLabel.setText(messages.describe(exc))
        errors = getattr(exc, "errors", [exc])
        widget = None
        for error in errors:
            leaf = split_path(error.field)[-1][0] if split_path(error.field) else None
            widget = self.builder.mark(leaf, error.message) or widget
        if widget is not None:
            widget.setFocus()
