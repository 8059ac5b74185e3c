"""The 六规范、五上墙 checklist of one mediation organization."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QWidget

from hexie_desktop.core import codes
from hexie_desktop.core.errors import HexieError
from hexie_desktop.services import registries
from hexie_desktop.ui import messages, style
from hexie_desktop.ui.forms.checklist_dialog import Ui_ChecklistDialog
from hexie_desktop.ui.models.records import RecordTableModel
from hexie_desktop.ui.workspace import Workspace


class ChecklistDialog(QDialog):
    """Lists the items; the row below the table records the result for the selected one."""

    def __init__(self, workspace: Workspace, org: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ChecklistDialog()
        self.ui.setupUi(self)
        self.workspace = workspace
        self.org = org
        ui = self.ui
        style.chinese_buttons(ui.buttonBox)
        style.set_role(ui.errorLabel, "error")
        style.set_role(ui.titleLabel, "title")
        ui.titleLabel.setText(org.get("name") or "")
        for code, label in codes.CHECKLIST_STATUSES.items():
            ui.status.addItem(label, code)
        self.model = RecordTableModel(
            [("group_label", self.tr("类别")), ("title", self.tr("项目")), ("status_label", self.tr("检查结果")),
             ("checked_on", self.tr("检查日期")), ("note", self.tr("备注"))], parent=self)
        ui.table.setModel(self.model)
        ui.table.horizontalHeader().setStretchLastSection(True)
        ui.table.verticalHeader().setVisible(False)
        for column, width in enumerate((80, 160, 80, 100)):
            ui.table.setColumnWidth(column, width)
        ui.saveButton.setEnabled(workspace.can("registry.edit"))
        ui.saveButton.clicked.connect(self.save_item)
        ui.buttonBox.rejected.connect(self.reject)
        self.reload()
        ui.table.selectionModel().currentRowChanged.connect(self._selected)
        ui.table.selectRow(0)

    def reload(self) -> None:
        """Read the items again."""
        try:
            self.model.set_records(registries.checklist(self.workspace.ctx, self.org["id"]))
        except HexieError as exc:
            messages.show_error(self, exc)

    def _selected(self, current: Any, _previous: Any = None) -> None:
        if not current.isValid():
            return
        record = self.model.record(current.row())
        self.ui.status.setCurrentIndex(max(0, self.ui.status.findData(record.get("status"))))
        self.ui.checkedOn.setText(record.get("checked_on") or self.workspace.ctx.today.isoformat())
        self.ui.note.setText(record.get("note") or "")

    def save_item(self) -> None:
        """Record the result of the selected item."""
        index = self.ui.table.currentIndex()
        if not index.isValid():
            return
        row = index.row()
        record = self.model.record(row)
        try:
            registries.set_checklist_item(self.workspace.ctx, record["id"], self.ui.status.currentData(),
                                          self.ui.checkedOn.text_for_service(), self.ui.note.text().strip() or None)
        except HexieError as exc:
            self.ui.errorLabel.setText(messages.describe(exc))
            return
        self.ui.errorLabel.clear()
        self.reload()
        self.ui.table.selectRow(min(row + 1, self.model.rowCount() - 1))
