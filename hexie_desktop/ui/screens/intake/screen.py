"""The intake screen: collects one registration and hands it to :func:`services.cases.register`.

The service validates everything and saves all or nothing; when it refuses, every field it
names is marked here (red cell or field, tooltip) and listed above the form in words.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from hexie_desktop.core import codes, periods
from hexie_desktop.core.changes import SETTINGS, Changes
from hexie_desktop.core.errors import HexieError, UserError, ValidationErrors
from hexie_desktop.services import cases
from hexie_desktop.ui import messages, style, write_op
from hexie_desktop.ui.fieldnames import split_path
from hexie_desktop.ui.forms.intake import Ui_IntakeScreen
from hexie_desktop.ui.models import queries
from hexie_desktop.ui.screens.intake.applicants import ApplicantsEditor
from hexie_desktop.ui.screens.intake.claims import ClaimsEditor
from hexie_desktop.ui.screens.intake.respondent import RespondentPicker
from hexie_desktop.ui.widgets.keys import shortcut
from hexie_desktop.ui.workspace import Workspace

LIMITATION_ROLES = {"ok": "ok", "near": "warning", "expired": "error", "unknown": "hint"}


class IntakeScreen(QWidget):
    """登记新案件: basic facts, applicants, respondent, claims, facts and evidence."""

    registered = Signal(str)
    """The number of a case just registered."""
    open_case_requested = Signal(str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_IntakeScreen()
        self.ui.setupUi(self)
        self.workspace = workspace
        self.last_number: str | None = None
        self.last_warnings: tuple[str, ...] = ()
        self._deadline_setup: tuple[periods.DeadlineSettings, periods.WorkCalendar] | None = None
        ui = self.ui
        style.set_role(ui.titleLabel, "title")
        style.set_role(ui.errorLabel, "error")
        for code, label in codes.CASE_SOURCES.items():
            ui.source.addItem(label, code)
        for code, label in codes.APPLICANT_SIDES.items():
            ui.applicantSide.addItem(label, code)
        style.set_role(ui.applicantSideHint, "hint")
        ui.applicantSide.currentIndexChanged.connect(self._side_changed)
        self.applicants = ApplicantsEditor(ui, lambda: workspace.ctx.today, self)
        self.claims = ClaimsEditor(ui, self)
        self.respondent = RespondentPicker(ui, workspace.ctx, self)
        ui.receivedOn.dateChanged.connect(self.update_limitation)
        ui.knownOn.dateChanged.connect(self.update_limitation)
        workspace.changed.connect(self._changed)
        ui.saveButton.clicked.connect(self.save)
        ui.clearButton.clicked.connect(self.ask_clear)
        ui.openSavedButton.clicked.connect(self._open_saved)
        ui.openSavedButton.setVisible(False)
        shortcut(self, "Ctrl+S", self.save)
        ui.errorLabel.setVisible(False)
        can_register = workspace.can("case.register")
        ui.saveButton.setEnabled(can_register)
        self._note(self.tr("您的角色不能登记案件（只读）") if not can_register else "", "hint")
        self.clear()

    def _changed(self, changes: Changes) -> None:
        if changes.touches(SETTINGS):  # deadline lengths or the calendar may differ now
            self._deadline_setup = None
            self.update_limitation()

    def initial_focus(self) -> QWidget:
        """Where the cursor goes when the screen opens."""
        return self.ui.receivedOn

    # ---------------------------------------------------------------- live hints

    def update_limitation(self) -> None:
        """Show the limitation status for the typed dates (core.periods.limitation_status)."""
        label = self.ui.limitationLabel
        received = self.ui.receivedOn.value() or self.workspace.ctx.today
        known = self.ui.knownOn.value()
        if self._deadline_setup is None:
            self._deadline_setup = queries.deadline_setup(self.workspace.ctx)
        settings, calendar = self._deadline_setup
        try:
            status = periods.limitation_status(known, received, settings, calendar)
        except UserError as exc:
            label.setText(exc.message)
            style.set_role(label, "error")
            return
        label.setText(status.message)
        style.set_role(label, LIMITATION_ROLES.get(status.level, "hint"))

    def _side_changed(self, _index: int = 0) -> None:
        """Name the two groups by who applied: the workers (usual) or the employer (用人单位申请调解)."""
        ui = self.ui
        if ui.applicantSide.currentData() == "employer":
            ui.applicantsGroup.setTitle(self.tr("被申请人（劳动者）"))
            ui.respondentGroup.setTitle(self.tr("申请人（用人单位）"))
            ui.applicantSideHint.setText(self.tr("用人单位申请调解：文书中用人单位列为申请人，劳动者列为被申请人；"
                                                 "统计仍按劳动者人数和单位性质、行业计入。"))
        else:
            ui.applicantsGroup.setTitle(self.tr("申请人（劳动者）"))
            ui.respondentGroup.setTitle(self.tr("被申请人（用人单位）"))
            ui.applicantSideHint.clear()

    # ---------------------------------------------------------------- save

    def payload(self) -> dict[str, Any]:
        """The registration as :func:`services.cases.register` expects one case."""
        ui = self.ui
        return {
            "received_on": ui.receivedOn.text_for_service(),
            "source": ui.source.currentData(),
            "applicant_side": ui.applicantSide.currentData(),
            "infringement_known_on": ui.knownOn.text_for_service(),
            "applicants": self.applicants.payload(),
            "respondent": self.respondent.payload(),
            "claims": self.claims.payload(),
            "facts": ui.facts.toPlainText().strip() or None,
            "evidence": ui.evidence.toPlainText().strip() or None,
        }

    def save(self) -> bool:
        """Register the case (off the GUI thread); on refusal mark and list every named field.

        True when the save has started; ``last_number`` names the case once it is saved.
        """
        if not self.ui.saveButton.isEnabled():
            return False
        self._clear_marks()
        if self.ui.name.text().strip() and not self.applicants.add_from_entry():
            return False
        if self.ui.claimAmount.text().strip() and not self.claims.add_from_entry():
            return False
        payload = {"cases": [self.payload()]}
        try:
            repeats = cases.likely_duplicates(self.workspace.ctx, payload)
        except HexieError as exc:
            self._show_errors(exc)
            return False
        if repeats:
            self._pending_box = messages.ask(
                self, self.tr("可能重复登记"),
                "\n".join(repeats) + "\n\n" + self.tr("仍要登记为新案件吗？"), lambda: self._register(payload))
            return False
        return self._register(payload)

    def _register(self, payload: dict[str, Any]) -> bool:
        """Register off the GUI thread (保存 disabled meanwhile); True when the save has started."""
        return write_op.write(self, self.workspace, cases.register, self.workspace.ctx, payload,
                              changes=lambda created: Changes.cases(c.number for c in created),
                              on_done=self._registered, on_error=self._refused,
                              busy=(self.ui.saveButton, self.ui.clearButton)) is not None

    def _refused(self, error: BaseException) -> None:
        if isinstance(error, HexieError):
            self._show_errors(error)
        else:
            messages.show_error(self, error)

    def _registered(self, created: list[Any]) -> None:
        first = created[0]
        self.last_number, self.last_warnings = first.number, tuple(first.warnings)
        self.clear()
        text = self.tr("已登记：{number}").format(number=first.number)
        messages.flash(self, text)  # passing, in the status bar: the header keeps its place
        # Warnings need reading: they stay (wrapped, under the header) until the next save.
        self._note(text + self.tr("（提示：{w}）").format(w="；".join(first.warnings)) if first.warnings else "",
                   "warning")
        self.ui.openSavedButton.setVisible(True)
        self.registered.emit(first.number)
        self.ui.openSavedButton.setFocus()

    def _show_errors(self, exc: HexieError) -> None:
        errors = exc.errors if isinstance(exc, ValidationErrors) else [exc]
        first_widget = None
        for error in errors:
            widget = self._mark(error)
            first_widget = first_widget or widget
        lines = messages.error_lines(exc)
        self.ui.errorLabel.setText(self.tr("未保存，请更正以下{n}处：").format(n=len(lines)) + "\n"
                                   + "\n".join(f"• {line}" for line in lines))
        self.ui.errorLabel.setVisible(True)
        self._note("")
        self.ui.openSavedButton.setVisible(False)
        if first_widget is not None:
            first_widget.setFocus()
            self.ui.scroll.ensureWidgetVisible(first_widget)

    def _mark(self, error: UserError) -> QWidget | None:
        parts = split_path(error.field)
        if not parts:
            return None
        head, index = parts[0]
        leaf = parts[1][0] if len(parts) > 1 else None
        ui = self.ui
        simple = {"received_on": ui.receivedOn, "source": ui.source, "infringement_known_on": ui.knownOn,
                  "facts": ui.facts, "evidence": ui.evidence, "applicant_side": ui.applicantSide}
        if head in simple:
            widget = simple[head]
            self._flag(widget, error.message)
            return widget
        if head == "applicants":
            self.applicants.mark(index, leaf, error.message)
            if index is None:
                self._flag(ui.applicantsTable, error.message)
            return ui.applicantsTable if self.applicants.rows else ui.name
        if head == "claims":
            self.claims.mark(index, leaf, error.message)
            return ui.claimsTable if self.claims.rows else ui.claimCategory
        if head == "respondent":
            widget = self.respondent.widget_for(leaf)
            self._flag(widget, error.message)
            return widget
        return None

    def _flag(self, widget: QWidget, message: str) -> None:
        widget.setProperty("invalid", True)
        widget.setToolTip(message)
        widget.style().unpolish(widget)
        widget.style().polish(widget)
        self._flagged.append(widget)

    def _clear_marks(self) -> None:
        for widget in getattr(self, "_flagged", []):
            widget.setProperty("invalid", False)
            widget.setToolTip("")
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        self._flagged: list[QWidget] = []
        self.applicants.clear_problems()
        self.claims.clear_problems()
        self.ui.errorLabel.clear()
        self.ui.errorLabel.setVisible(False)

    def typed_summary(self) -> str:
        """What the person has typed so far, in words ("3 名申请人、2 项请求、事实"), or ""."""
        ui = self.ui
        parts = []
        applicants = len(self.applicants.rows) + (1 if ui.name.text().strip() else 0)
        if applicants:
            parts.append(self.tr("{n} 名申请人").format(n=applicants))
        if self.respondent.payload().get("name"):
            parts.append(self.tr("被申请人"))
        claims = len(self.claims.payload()) + (1 if ui.claimAmount.text().strip() else 0)
        if claims:
            parts.append(self.tr("{n} 项请求").format(n=claims))
        if ui.facts.toPlainText().strip() or ui.evidence.toPlainText().strip():
            parts.append(self.tr("事实与证据"))
        return "、".join(parts)

    def ask_clear(self) -> None:
        """清空: asks first when anything has been typed, so one key cannot lose a registration."""
        typed = self.typed_summary()
        if not typed:
            self.clear()
            return
        self._pending_box = messages.ask(self, self.tr("清空登记表"),
                                         self.tr("清空已填写的{what}？清空后不能恢复。").format(what=typed), self.clear)

    def clear(self) -> None:
        """Start a new, empty registration (receipt date today)."""
        self._clear_marks()
        ui = self.ui
        ui.receivedOn.setValue(self.workspace.ctx.today)
        ui.source.setCurrentIndex(0)
        ui.applicantSide.setCurrentIndex(0)
        ui.knownOn.clear()
        self.applicants.clear()
        self.respondent.clear()
        self.claims.clear()
        ui.facts.clear()
        ui.evidence.clear()
        self.update_limitation()

    def _note(self, text: str, role: str = "hint") -> None:
        """The line under the header (warnings of the last save, read-only notice); hidden when empty."""
        self.ui.savedLabel.setText(text)
        style.set_role(self.ui.savedLabel, role)
        self.ui.savedLabel.setVisible(bool(text))

    def _open_saved(self) -> None:
        if self.last_number:
            self.open_case_requested.emit(self.last_number)

    def today(self) -> date:
        """The date services consider today."""
        return self.workspace.ctx.today
