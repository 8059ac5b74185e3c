"""The 繁简分流 screen: cases with their grade (简易/一般/重大), the reasons, a person's override,
and the 重大集体劳动争议 still to report with their deadline; override, record the report, print
the 报告, open the case.  Every action is one service call."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from hexie_desktop.core import grading as rules
from hexie_desktop.core.errors import HexieError
from hexie_desktop.services import grading
from hexie_desktop.ui import messages, style
from hexie_desktop.ui.forms.grading import Ui_GradingScreen
from hexie_desktop.ui.lazy import RefreshWhenShown
from hexie_desktop.ui.models.records import RecordTableModel
from hexie_desktop.ui.screens.printing.jobs import PrintJobs
from hexie_desktop.ui.widgets.badges import BadgeDelegate
from hexie_desktop.ui.widgets.form_dialog import FormDialog
from hexie_desktop.ui.widgets.formbuilder import Field
from hexie_desktop.ui.workspace import Workspace

BADGES = {"major": "overdue", "ordinary": "later", "simple": "met"}
"""Grade → badge colour."""


class GradingScreen(RefreshWhenShown):
    """Lists :func:`services.grading.list_grades` (or the reports due) with the handling buttons."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.dialog: FormDialog | None = None
        self.jobs = PrintJobs(workspace, self)
        self.ui = Ui_GradingScreen()
        self.ui.setupUi(self)
        ui = self.ui
        style.set_role(ui.titleLabel, "title")
        style.set_role(ui.summaryLabel, "hint")
        ui.filterCombo.addItem(self.tr("全部分级"), None)
        for code, label in rules.GRADES.items():
            ui.filterCombo.addItem(label, code)
        ui.filterCombo.addItem(self.tr("待报告的重大集体争议"), "due")
        self.model = RecordTableModel(
            [("grade_label", self.tr("分级")), ("number", self.tr("案件编号")), ("state_label", self.tr("状态")),
             ("workers", self.tr("人数")),
             (lambda r: self.tr("规则：{g}").format(g=r["computed_label"]) + (
                 self.tr("；人工调整：{why}").format(why=r["override_reason"]) if r["override"] else ""),
              self.tr("分级来源")),
             (lambda r: "；".join(r["reasons"]), self.tr("依据")),
             (self._report_text, self.tr("重大集体争议报告"))],
            id_key="number", badge_key="badge", badge_column=0, parent=self)
        ui.table.setModel(self.model)
        ui.table.setItemDelegateForColumn(0, BadgeDelegate(ui.table))
        for column, width in enumerate((70, 210, 70, 50, 150, 380)):
            ui.table.setColumnWidth(column, width)
        can_grade = workspace.can("case.grade")
        ui.overrideButton.setEnabled(can_grade)
        ui.reportedButton.setEnabled(can_grade)
        ui.filterCombo.currentIndexChanged.connect(self.refresh)
        ui.openCheck.toggled.connect(self.refresh)
        ui.overrideButton.clicked.connect(self.override)
        ui.reportedButton.clicked.connect(self.record_report)
        ui.printButton.clicked.connect(self.print_report)
        ui.openButton.clicked.connect(self.open_case)
        ui.table.activated.connect(lambda _i: self.open_case())
        workspace.cases_changed.connect(self._mark_stale)

    def _report_text(self, row: dict[str, Any]) -> str:
        if not row["major_collective"]:
            return ""
        if row["reported_on"]:
            return self.tr("已于{d}报告").format(d=row["reported_on"].isoformat())
        return self.tr("应于{d}前报告").format(d=row["report_due"].isoformat()) + (
            self.tr("（已超期）") if row["report_overdue"] else "")

    def refresh(self) -> None:
        """List the cases of the chosen grade (or the reports due)."""
        self._stale = False
        choice = self.ui.filterCombo.currentData()
        try:
            if choice == "due":
                rows = grading.major_due(self.workspace.ctx)
            else:
                rows = grading.list_grades(self.workspace.ctx, grade=choice, open_only=self.ui.openCheck.isChecked())
            due = grading.major_due(self.workspace.ctx)
        except HexieError as exc:
            messages.show_error(self, exc)
            return
        for row in rows:
            row["badge"] = BADGES[row["grade"]]
        self.model.set_records(rows)
        counts = {code: sum(1 for r in rows if r["grade"] == code) for code in rules.GRADES}
        self.ui.summaryLabel.setText(self.tr("共{n}件：简易{simple}件，一般{ordinary}件，重大{major}件；"
                                          "待报告的重大集体劳动争议{due}件，其中超期{late}件").format(
            n=len(rows), due=len(due), late=sum(1 for r in due if r["report_overdue"]), **counts))
        if rows:
            self.ui.table.selectRow(0)

    def selected(self) -> dict[str, Any] | None:
        """The selected case's grading row."""
        index = self.ui.table.currentIndex()
        return self.model.record(index.row()) if index.isValid() else None

    def override(self) -> FormDialog | None:
        """Override the selected case's grade, with a reason."""
        row = self.selected()
        if row is None:
            return None
        choices = [("auto", self.tr("按规则分级（{g}）").format(g=row["computed_label"])), *rules.GRADES.items()]
        fields = [Field("grade", self.tr("分级"), "choice", True, choices, default=row["override"] or "auto"),
                  Field("reason", self.tr("调整理由"), "multiline")]

        def submit(values: dict[str, Any]) -> Any:
            return grading.set_grade(self.workspace.ctx, row["number"], values.get("grade"), values.get("reason"))

        dialog = FormDialog(self.tr("调整分级"), row["number"], fields, submit, self)
        dialog.builder.set_value("grade", row["override"] or "auto")
        dialog.accepted.connect(self.refresh)
        self.dialog = dialog
        dialog.open()
        return dialog

    def record_report(self) -> FormDialog | None:
        """Record the day the selected 重大集体劳动争议 was reported upward."""
        row = self.selected()
        if row is None:
            return None
        fields = [Field("on", self.tr("报告日期"), "date", True, default=self.workspace.ctx.today)]

        def submit(values: dict[str, Any]) -> Any:
            return grading.mark_reported(self.workspace.ctx, row["number"], values.get("on"))

        dialog = FormDialog(self.tr("登记已向三方报告"), row["number"], fields, submit, self)
        dialog.accepted.connect(self.refresh)
        self.dialog = dialog
        dialog.open()
        return dialog

    def print_report(self) -> Any:
        """Print the 重大集体劳动争议情况报告 of the selected case (preview as other 文书)."""
        row = self.selected()
        return None if row is None else self.jobs.case_document(row["number"], "major_report")

    def open_case(self) -> None:
        """Open the selected case in the detail screen."""
        row = self.selected()
        if row is not None:
            self.workspace.open_case.emit(row["number"])
