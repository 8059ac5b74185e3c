"""劳动关系协调员覆盖情况: every enterprise, its coordinators and whether it is covered (issue 14.3).

The figures come from ``services.coverage`` (rules in ``core.coverage``), read off the GUI thread.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QWidget

from hexie_desktop.services import coverage
from hexie_desktop.ui import ops, style
from hexie_desktop.ui.forms.coverage_dialog import Ui_CoverageDialog
from hexie_desktop.ui.models.records import RecordTableModel
from hexie_desktop.ui.workspace import Workspace


class CoverageDialog(QDialog):
    """The coverage table with its summary line; 只看未覆盖 narrows it to the enterprises to work on."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_CoverageDialog()
        self.ui.setupUi(self)
        self.workspace = workspace
        self.view: coverage.CoverageView | None = None
        self.task: ops.Task | None = None
        ui = self.ui
        style.chinese_buttons(ui.buttonBox)
        style.set_role(ui.titleLabel, "title")
        style.set_role(ui.hintLabel, "hint")
        self.model = RecordTableModel(
            [("employer_name", self.tr("企业名称")), ("employees", self.tr("职工人数")), ("size", self.tr("规模")),
             ("coordinators", self.tr("服务的协调员")), ("covered_label", self.tr("已覆盖")),
             ("how", self.tr("覆盖方式"))], parent=self)
        ui.table.setModel(self.model)
        ui.table.verticalHeader().setVisible(False)
        ui.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((260, 70, 60, 180, 60)):
            ui.table.setColumnWidth(column, width)
        ui.uncoveredOnly.toggled.connect(self._show_rows)
        ui.buttonBox.rejected.connect(self.reject)
        ui.summaryLabel.setText(self.tr("正在计算……"))
        self.task = ops.run(self, coverage.view, workspace.ctx, on_done=self._loaded)

    def _loaded(self, view: coverage.CoverageView) -> None:
        self.view = view
        self.ui.summaryLabel.setText(coverage.summary_text(view.totals, view.threshold))
        self._show_rows()

    def _show_rows(self, *_args: Any) -> None:
        if self.view is None:
            return
        only = self.ui.uncoveredOnly.isChecked()
        yes, no = self.tr("是"), self.tr("否")
        self.model.set_records([{**r, "covered_label": yes if r["covered"] else no}
                                for r in self.view.rows if not (only and r["covered"])])
