"""The respondent part of the intake form: pick from the employer register or type a new one."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QStringListModel, Qt, QTimer
from PySide6.QtWidgets import QCompleter

from hexie_desktop.core import codes, ids
from hexie_desktop.core.errors import HexieError, UserError
from hexie_desktop.services import employers
from hexie_desktop.services.context import Context
from hexie_desktop.ui import style

LOOKUP_DELAY_MS = 200
LEAF_WIDGETS = {"name": "respondentName", "credit_code": "creditCode", "legal_representative": "legalRep",
                "phone": "respondentPhone", "address": "respondentAddress"}
CODE_WIDGETS = {"employer_type": "employerType", "industry": "industry"}
"""Choice boxes of the respondent: the code tables of core.codes (as the CLI and the statistics use them)."""


def _t(text: str) -> str:
    return QCoreApplication.translate("RespondentPicker", text)


class RespondentPicker(QObject):
    """Completes the respondent's name or credit code from :func:`services.employers.search`."""

    def __init__(self, ui: Any, ctx: Context, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.ctx = ctx
        self.found: dict[str, Any] = {}
        self.picked: Any = None
        self.completions = QStringListModel(self)
        self.completer = QCompleter(self.completions, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.completer.setMaxVisibleItems(10)
        ui.respondentName.setCompleter(self.completer)
        self.completer.activated[str].connect(self._activated)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(LOOKUP_DELAY_MS)
        self.timer.timeout.connect(self.lookup)
        ui.respondentName.textEdited.connect(self._edited)
        ui.creditCode.editingFinished.connect(self.check_credit_code)
        style.set_role(ui.respondentHint, "hint")
        self._fill_codes()

    def _fill_codes(self) -> None:
        """单位性质 and 行业 from the code tables; 行业 completes what is typed (code or name)."""
        ui = self.ui
        for combo, table, show_code in ((ui.employerType, codes.EMPLOYER_TYPES, False),
                                        (ui.industry, codes.INDUSTRIES, True)):
            combo.clear()
            combo.addItem(_t("（未填写）"), None)
            for code, label in table.items():
                combo.addItem(f"{code} {label}" if show_code else label, code)
            # Long industry names must not widen the form past 1366 px: the list shows them whole.
            combo.setSizeAdjustPolicy(combo.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
            combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)
        completer = ui.industry.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        ui.industry.setInsertPolicy(ui.industry.InsertPolicy.NoInsert)

    @staticmethod
    def _code_of(combo: Any) -> str | None:
        """The code chosen in ``combo``; typed text that names no entry is passed on for the service to refuse."""
        if not combo.isEditable():
            return combo.currentData()
        text = combo.currentText().strip()
        index = combo.findText(text)
        if index >= 0:
            return combo.itemData(index)
        return text or None

    @staticmethod
    def _set_code(combo: Any, code: str | None) -> None:
        index = combo.findData(code) if code else 0
        combo.setCurrentIndex(max(index, 0))

    def _edited(self, _text: str) -> None:
        self.picked = None
        self.timer.start()

    def lookup(self) -> None:
        """Search the register for the typed text and offer the matches."""
        text = self.ui.respondentName.text().strip()
        if not text:
            self.completions.setStringList([])
            self.ui.respondentHint.clear()
            return
        try:
            rows = employers.search(self.ctx, text)
        except HexieError as exc:
            self.ui.respondentHint.setText(exc.message)
            return
        self.found = {self._display(r): r for r in rows}
        self.completions.setStringList(list(self.found))
        if rows:
            self.ui.respondentHint.setText(_t("单位名录中有{n}个相符的单位，用↓选择后回车。").format(n=len(rows)))
            if self.ui.respondentName.hasFocus():
                self.completer.setCompletionPrefix(text)
                self.completer.complete()
        else:
            self.ui.respondentHint.setText(_t("单位名录中没有“{text}”，保存时将作为新单位登记。").format(text=text))

    @staticmethod
    def _display(row: Any) -> str:
        return f"{row.name}（{row.credit_code}）" if row.credit_code else row.name

    def _activated(self, text: str) -> None:
        row = self.found.get(text)
        if row is not None:
            QTimer.singleShot(0, lambda: self.pick(row))

    def pick(self, row: Any) -> None:
        """Fill the respondent fields from a register entry."""
        self.picked = row
        ui = self.ui
        ui.respondentName.setText(row.name)
        ui.creditCode.setText(row.credit_code or "")
        ui.legalRep.setText(row.legal_representative or "")
        ui.respondentPhone.setText(row.phone or "")
        ui.respondentAddress.setText(row.address or "")
        self._set_code(ui.employerType, getattr(row, "employer_type", None))
        self._set_code(ui.industry, getattr(row, "industry", None))
        ui.respondentHint.setText(_t("已选择单位名录中的单位。"))
        style.set_role(ui.respondentHint, "ok")
        ui.creditCode.setFocus()

    def check_credit_code(self) -> None:
        """Flag a credit code with a wrong check character at once."""
        text = self.ui.creditCode.text().strip()
        bad = False
        if text:
            try:
                ids.check_credit_code(text)
            except UserError as exc:
                bad = True
                self.ui.respondentHint.setText(exc.message)
                style.set_role(self.ui.respondentHint, "error")
        self.ui.creditCode.setProperty("invalid", bad)
        self.ui.creditCode.style().unpolish(self.ui.creditCode)
        self.ui.creditCode.style().polish(self.ui.creditCode)

    def payload(self) -> dict[str, Any]:
        """The respondent as the registration service expects it."""
        ui = self.ui
        return {"name": ui.respondentName.text().strip() or None,
                "credit_code": ui.creditCode.text().strip() or None,
                "legal_representative": ui.legalRep.text().strip() or None,
                "phone": ui.respondentPhone.text().strip() or None,
                "address": ui.respondentAddress.text().strip() or None,
                "employer_type": self._code_of(ui.employerType),
                "industry": self._code_of(ui.industry)}

    def widget_for(self, leaf: str | None) -> Any:
        """The input for a service field of the respondent."""
        name = CODE_WIDGETS.get(leaf or "") or LEAF_WIDGETS.get(leaf or "name", "respondentName")
        return getattr(self.ui, name)

    def clear(self) -> None:
        """Empty the respondent fields."""
        for name in LEAF_WIDGETS.values():
            getattr(self.ui, name).clear()
        for name in CODE_WIDGETS.values():
            getattr(self.ui, name).setCurrentIndex(0)
        self.ui.respondentHint.clear()
        self.picked = None
