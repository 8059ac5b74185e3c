"""The case detail screen: everything about one case and the actions its state allows.

Personal data arrives masked; 显示完整证件号 asks the service for the unmasked view, which
checks the role and writes an audit entry.  Only the actions that the case's state allows
and the user's role holds become buttons; the others are listed with the reason.
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractItemView, QDialog, QHeaderView, QPushButton, QTableView, QWidget

from hexie_desktop.core import codes, permissions, workflow
from hexie_desktop.core.changes import Changes
from hexie_desktop.core.errors import HexieError
from hexie_desktop.services import case_actions, case_queries
from hexie_desktop.ui import messages, style, write_op
from hexie_desktop.ui.forms.case_detail import Ui_CaseDetailScreen
from hexie_desktop.ui.models.records import RecordTableModel
from hexie_desktop.ui.screens.action_plan.summary import grade_text
from hexie_desktop.ui.screens.attachments import AttachmentPanel
from hexie_desktop.ui.screens.case_detail import action_forms, render
from hexie_desktop.ui.screens.case_detail.agreement_dialog import AgreementDialog
from hexie_desktop.ui.screens.case_detail.archive_dialog import ArchiveDialog
from hexie_desktop.ui.screens.printing import ChooseDocumentDialog, PrintJobs, paper_form
from hexie_desktop.ui.widgets.badges import BadgeDelegate
from hexie_desktop.ui.widgets.form_dialog import FormDialog
from hexie_desktop.ui.widgets.keys import shortcut
from hexie_desktop.ui.workspace import Workspace


def _setup_view(view: QTableView, model: RecordTableModel, widths: tuple[int, ...] = ()) -> None:
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for column, width in enumerate(widths):
        view.setColumnWidth(column, width)


class CaseDetailScreen(QWidget):
    """Shows one case (:func:`services.case_queries.show`) and runs its actions."""

    back_requested = Signal()
    action_done = Signal(str, str)
    """The action name and the result message after an action succeeded."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_CaseDetailScreen()
        self.ui.setupUi(self)
        self.workspace = workspace
        self.case: dict[str, Any] | None = None
        self.number: str | None = None
        self.unmasked = False
        self.dialog: QDialog | None = None
        self.paper_dialog: QDialog | None = None
        self.action_buttons: dict[str, QPushButton] = {}
        ui = self.ui
        style.set_role(ui.numberLabel, "title")
        self._models()
        ui.backButton.clicked.connect(self.back_requested)
        ui.refreshButton.clicked.connect(self.reload)
        ui.unmaskButton.clicked.connect(self.toggle_unmask)
        can_unmask = workspace.can("pii.unmask")
        ui.unmaskButton.setEnabled(can_unmask)
        if not can_unmask:
            ui.unmaskButton.setToolTip(self.tr("您的角色不能查看完整证件号"))
        else:
            ui.unmaskButton.setToolTip(self.tr("查看完整身份证号、电话和住址（将记入审计日志）"))
        shortcut(self, "Alt+Left", self.back_requested.emit)
        self.printing = PrintJobs(workspace, self)
        self.printing.issued.connect(self.reload)
        ui.printButton.clicked.connect(self.choose_document)
        ui.printDocumentButton.clicked.connect(self.choose_document)
        ui.reprintButton.clicked.connect(self.reprint_selected)
        ui.documentsView.activated.connect(lambda _index: self.reprint_selected())
        ui.documentsView.selectionModel().selectionChanged.connect(lambda *_args: self._documents_selection())
        shortcut(self, "Ctrl+P", self.choose_document)
        self.attachments = AttachmentPanel(workspace, ui.attachmentsTab)
        ui.attachmentsLayout.addWidget(self.attachments)
        self.attachments.changed.connect(self.reload)

    def _models(self) -> None:
        ui = self.ui
        self.applicants_model = RecordTableModel(
            [("name", self.tr("姓名")), ("sex", self.tr("性别")), ("birth", self.tr("出生日期")),
             ("id_number", self.tr("身份证号码")), ("phone", self.tr("联系电话")), ("rep", self.tr("代表")),
             ("address", self.tr("住址"))], parent=self)
        _setup_view(ui.applicantsView, self.applicants_model, (90, 45, 95, 170, 110, 50))
        self.claims_model = RecordTableModel(
            [("category_label", self.tr("类别")), ("amount", self.tr("金额（元）")), ("description", self.tr("说明"))],
            right_aligned=(1,), parent=self)
        _setup_view(ui.claimsView, self.claims_model, (260, 110))
        self.deadlines_model = RecordTableModel(
            [("label", self.tr("期限")), ("due", self.tr("到期日")), ("status_text", self.tr("状态")),
             ("basis", self.tr("依据"))], badge_key="status", badge_column=2, parent=self)
        _setup_view(ui.deadlinesView, self.deadlines_model, (140, 100, 90))
        ui.deadlinesView.setItemDelegateForColumn(2, BadgeDelegate(ui.deadlinesView))
        self.events_model = RecordTableModel(
            [("on", self.tr("日期")), ("action", self.tr("办理事项")), ("change", self.tr("状态变化")),
             ("actor", self.tr("办理人")), ("note", self.tr("说明")), ("at", self.tr("记录时间"))], parent=self)
        _setup_view(ui.eventsView, self.events_model, (95, 110, 170, 80, 260))
        self.items_model = RecordTableModel(
            [("seq", self.tr("序号")), ("obligation", self.tr("履行内容")), ("amount", self.tr("金额（元）")),
             ("payer", self.tr("义务人")), ("payee", self.tr("权利人")), ("method", self.tr("方式")),
             ("due_on", self.tr("履行期限")), ("performed_on", self.tr("履行完毕")), ("paid", self.tr("已付（元）"))],
            right_aligned=(2, 8), parent=self)
        _setup_view(ui.itemsView, self.items_model, (45, 200, 90, 140, 100, 80, 95, 90))
        self.follow_ups_model = RecordTableModel(
            [("visited_on", self.tr("回访日期")), ("person", self.tr("对象")), ("method", self.tr("方式")),
             ("status", self.tr("履行情况")), ("satisfaction", self.tr("满意度")), ("risks", self.tr("风险")),
             ("measures", self.tr("措施"))], parent=self)
        _setup_view(ui.followUpsView, self.follow_ups_model, (95, 80, 80, 180, 70, 150))
        self.documents_model = RecordTableModel(
            [("title", self.tr("文书")), ("number", self.tr("文号")), ("issued_at", self.tr("出具时间")),
             ("issuer", self.tr("出具人")), ("pages", self.tr("页数"))], parent=self)
        _setup_view(ui.documentsView, self.documents_model, (160, 200, 150, 90))

    # ---------------------------------------------------------------- loading

    def load(self, number: str, *, unmask: bool = False) -> bool:
        """Show the case ``number``; False (and a message) when it cannot be read."""
        try:
            case = case_queries.show(self.workspace.ctx, number, unmask=unmask)
        except HexieError as exc:
            messages.show_error(self, exc)
            return False
        self.case, self.number, self.unmasked = case, case["number"], unmask
        self.render()
        return True

    def reload(self) -> None:
        """Read the case again (masked)."""
        if self.number:
            self.load(self.number)

    def toggle_unmask(self) -> None:
        """Show or hide the full ID numbers, phones and addresses (showing is audited)."""
        if self.number:
            self.load(self.number, unmask=not self.unmasked)

    def render(self) -> None:
        """Fill every part of the screen from :attr:`case`."""
        case = self.case
        if case is None:
            return
        ui = self.ui
        ui.numberLabel.setText(case["number"])
        ui.stateLabel.setText(f"  {case['state_label']}  ")
        ui.stateLabel.setStyleSheet("background:#3a6591;color:white;border-radius:8px;padding:2px 6px;")
        ui.summaryLabel.setText(render.summary(case) + grade_text(self.workspace, case["number"]))
        alert, role = render.alerts(case)
        ui.alertLabel.setText(alert)
        ui.alertLabel.setVisible(bool(alert))
        style.set_role(ui.alertLabel, role)
        ui.unmaskButton.setText(self.tr("隐藏完整证件号(&U)") if self.unmasked else self.tr("显示完整证件号(&U)"))
        self.applicants_model.set_records(render.applicant_rows(case))
        ui.respondentLabel.setText(render.respondent_html(case))
        self.claims_model.set_records(case["claims"])
        ui.factsText.setHtml(render.facts_html(case))
        self.deadlines_model.set_records(render.deadline_rows(case))
        notes = [self.tr("状态按到期日与今天比较得出；已经办理的事项以“办理经过”为准。")]
        ui.calendarLabel.setText("\n".join(notes + list(case.get("calendar_warnings") or [])))
        self.events_model.set_records(render.event_rows(case))
        ui.sessionsText.setHtml(render.sessions_html(case))
        ui.agreementLabel.setText(render.agreement_text(case))
        self.items_model.set_records(render.item_rows(case))
        self.follow_ups_model.set_records(render.follow_up_rows(case))
        self.documents_model.set_records(render.document_rows(case))
        self._documents_selection()
        self.attachments.show_case(case)
        self._render_actions()

    # ---------------------------------------------------------------- printing

    def choose_document(self) -> ChooseDocumentDialog | None:
        """Ask which 文书 to print; the chosen one is rendered and previewed."""
        if self.case is None:
            return None
        dialog = ChooseDocumentDialog(self.case, self)
        number = self.case["number"]
        dialog.accepted.connect(lambda: self.ask_and_print(dialog.doc_type() or "", draft=dialog.draft(),
                                                           number=number))
        self.dialog = dialog
        dialog.open()
        return dialog

    def ask_and_print(self, doc_type: str, *, draft: bool = False, number: str | None = None) -> None:
        """Print ``doc_type``, first asking what the paper needs (which session, which delivery …)."""
        case = self.case
        if case is None or not doc_type or not paper_form.asks(doc_type, case):
            self.print_document(doc_type, draft=draft, number=number)
            return
        form = paper_form.dialog(doc_type, case, self.workspace.ctx.today,
                                 lambda options: self.print_document(doc_type, draft=draft, number=number,
                                                                     options=options), self)
        self.paper_dialog = form
        form.open()

    def print_document(self, doc_type: str, *, draft: bool = False, number: str | None = None,
                       options: dict | None = None) -> None:
        """Render ``doc_type`` of this case off the GUI thread and open the print preview."""
        number = number or self.number
        if number and doc_type:
            self.printing.case_document(number, doc_type, draft=draft, options=options)

    def selected_document(self) -> int | None:
        """The row of the selected issued document."""
        index = self.ui.documentsView.currentIndex()
        return index.row() if index.isValid() and self.ui.documentsView.selectionModel().hasSelection() else None

    def _documents_selection(self) -> None:
        self.ui.reprintButton.setEnabled(self.selected_document() is not None)

    def reprint_selected(self) -> None:
        """Re-print the selected issued document exactly as it was issued."""
        row = self.selected_document()
        if self.case is not None and row is not None:
            self.printing.reprint(self.case, row)

    # ---------------------------------------------------------------- actions

    def available(self) -> dict[str, str | None]:
        """Each action mapped to ``None`` (can be done now by this user) or the reason it cannot."""
        assert self.case is not None
        out: dict[str, str | None] = {}
        for name, reason in self.case["actions"].items():
            if reason is None and not permissions.allowed(self.workspace.actor.role,
                                                         workflow.ACTIONS[name].permission):
                reason = self.tr("您的角色（{role}）不能办理此事项").format(role=self.workspace.role_label)
            out[name] = reason
        return out

    def _render_actions(self) -> None:
        layout = self.ui.actionsLayout
        for button in self.action_buttons.values():
            layout.removeWidget(button)
            button.deleteLater()
        self.action_buttons = {}
        unavailable = []
        for name, reason in self.available().items():
            label = workflow.ACTIONS[name].label if name in workflow.ACTIONS else name
            if reason is None:
                button = QPushButton(label + "…", self)
                button.setProperty("role", "action")
                button.setObjectName(f"action_{name}")
                button.clicked.connect(lambda _checked=False, n=name: self.start_action(n))
                layout.addWidget(button)
                self.action_buttons[name] = button
            else:
                unavailable.append(f"<p><b>{escape(label)}</b>：{escape(reason)}</p>")
        if not self.action_buttons:
            self.ui.actionsGroup.setTitle(self.tr("当前没有可办理的操作"))
        else:
            self.ui.actionsGroup.setTitle(self.tr("可办理的操作"))
        self.ui.unavailableText.setHtml("".join(unavailable))

    def start_action(self, action: str) -> QDialog:
        """Open the dialog of ``action`` (non-blocking); the case reloads when it succeeds."""
        assert self.case is not None
        case = self.case
        if action in ("agree", "draft-agreement"):
            dialog: QDialog = AgreementDialog(self.workspace, case, self)
        elif action == "archive":
            dialog = ArchiveDialog(self.workspace, case, self)
        else:
            number = case["number"]

            def submit(values: dict[str, Any]) -> write_op.Write:
                return write_op.prepare(self.workspace, case_actions.apply, self.workspace.ctx, number, action,
                                        action_forms.clean(values), changes=Changes.case(number))

            label = workflow.ACTIONS[action].label
            dialog = FormDialog(self.tr("{action} — {number}").format(action=label, number=number),
                                action_forms.intro(action, case), action_forms.fields_for(action, case, self.workspace),
                                submit, self)
        dialog.accepted.connect(lambda: self._action_finished(action, dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _action_finished(self, action: str, dialog: QDialog) -> None:
        action = getattr(dialog, "action", action)  # the agreement dialog saves a draft or makes it effective
        result = getattr(dialog, "result", None)
        message = getattr(result, "message", "") or ""
        state = codes.label(codes.CASE_STATES, getattr(result, "state", None))
        self.dialog = None
        number = self.number
        self.reload()  # the write announced its changes; this screen shows the result at once
        self.action_done.emit(action, message)
        messages.flash(self, self.tr("已办理：{action}{state}{msg}").format(
            action=render.action_label(action), state=f"，案件状态：{state}" if state else "",
            msg=f"（{message}）" if message else ""))
        if action == "agree" and number:
            self.dialog = messages.ask(self, self.tr("打印调解协议书"), self.tr("现在打印调解协议书？"),
                                       lambda: self.print_document("agreement", number=number))
        elif action == "draft-agreement" and number:
            self.dialog = messages.ask(self, self.tr("打印调解协议书"),
                                       self.tr("协议草稿已保存（尚未生效）。现在打印调解协议书供各方签署？"),
                                       lambda: self.print_document("agreement", number=number))
