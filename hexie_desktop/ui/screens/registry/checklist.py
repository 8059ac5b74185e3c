"""The 六规范、五上墙 checklist of one mediation organization.

Each item may carry a photo (the board on the wall, the ledger on the desk): 添加照片… stores it
off the GUI thread through ``services.attachments.add_checklist_photo``; 查看照片 checks the
stored file and opens a copy (:mod:`hexie_desktop.ui.screens.attachments.files`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialog, QWidget

from hexie_desktop.core import codes
from hexie_desktop.core.changes import Changes
from hexie_desktop.core.errors import HexieError
from hexie_desktop.services import attachments, registries
from hexie_desktop.ui import messages, ops, style, write_op
from hexie_desktop.ui.forms.checklist_dialog import Ui_ChecklistDialog
from hexie_desktop.ui.models.records import RecordTableModel
from hexie_desktop.ui.screens.attachments import files
from hexie_desktop.ui.workspace import Workspace

CHANGES = Changes.registry("orgs")
"""A checklist belongs to its organization in the 调解组织 register."""


class ChecklistDialog(QDialog):
    """Lists the items; the row below the table records the result for the selected one."""

    def __init__(self, workspace: Workspace, org: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ChecklistDialog()
        self.ui.setupUi(self)
        self.workspace = workspace
        self.org = org
        self.task: ops.Task | None = None
        self.store: Path | None = workspace.station.paths.attachments if workspace.station.paths else None
        ui = self.ui
        style.chinese_buttons(ui.buttonBox)
        style.set_role(ui.errorLabel, "error")
        style.set_role(ui.titleLabel, "title")
        ui.titleLabel.setText(org.get("name") or "")
        for code, label in codes.CHECKLIST_STATUSES.items():
            ui.status.addItem(label, code)
        self.model = RecordTableModel(
            [("group_label", self.tr("类别")), ("title", self.tr("项目")), ("status_label", self.tr("检查结果")),
             ("checked_on", self.tr("检查日期")), ("photo_label", self.tr("照片")), ("note", self.tr("备注"))],
            parent=self)
        ui.table.setModel(self.model)
        ui.table.horizontalHeader().setStretchLastSection(True)
        ui.table.verticalHeader().setVisible(False)
        for column, width in enumerate((80, 160, 80, 100, 60)):
            ui.table.setColumnWidth(column, width)
        ui.saveButton.setEnabled(workspace.can("registry.edit"))
        ui.saveButton.clicked.connect(self.save_item)
        ui.buttonBox.rejected.connect(self.reject)
        style.set_role(ui.photoLabel, "hint")
        self.can_add_photo = workspace.can("registry.edit") and self.store is not None
        if self.store is None:
            ui.addPhotoButton.setToolTip(self.tr("此工作站没有本机数据目录，不能保存照片"))
        ui.addPhotoButton.clicked.connect(lambda: self.add_photo())
        ui.viewPhotoButton.clicked.connect(self.view_photo)
        ui.allMetButton.setEnabled(workspace.can("registry.edit"))
        ui.allMetButton.clicked.connect(self.ask_all_met)
        self.reload()
        ui.table.selectionModel().currentRowChanged.connect(self._selected)
        ui.table.selectRow(0)

    def reload(self) -> None:
        """Read the items again."""
        try:
            items = registries.checklist(self.workspace.ctx, self.org["id"])
        except HexieError as exc:
            messages.show_error(self, exc)
            return
        self.model.set_records([{**i, "photo_label": self.tr("有") if i.get("attachment_id") else "—"}
                                for i in items])
        self._photo_state()

    def selected(self) -> dict[str, Any] | None:
        """The record of the current item."""
        index = self.ui.table.currentIndex()
        return self.model.record(index.row()) if index.isValid() else None

    def _photo_state(self) -> None:
        record = self.selected()
        has = bool(record and record.get("attachment_id"))
        ui = self.ui
        ui.photoLabel.setText("" if record is None else
                              self.tr("本项已有照片。") if has else self.tr("本项尚无照片。"))
        ui.addPhotoButton.setText(self.tr("更换照片(&P)…") if has else self.tr("添加照片(&P)…"))
        ui.addPhotoButton.setEnabled(record is not None and self.can_add_photo)
        ui.viewPhotoButton.setEnabled(has and self.store is not None)

    def _selected(self, current: Any, _previous: Any = None) -> None:
        if not current.isValid():
            return
        record = self.model.record(current.row())
        self._photo_state()
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

        def saved(_result: Any) -> None:
            self.ui.errorLabel.clear()
            self.reload()
            self.ui.table.selectRow(min(row + 1, self.model.rowCount() - 1))

        write_op.write(self, self.workspace, registries.set_checklist_item, self.workspace.ctx, record["id"],
                       self.ui.status.currentData(), self.ui.checkedOn.text_for_service(),
                       self.ui.note.text().strip() or None, changes=CHANGES, on_done=saved, on_error=self._refused,
                       busy=self._buttons())

    def _buttons(self) -> tuple[QWidget, ...]:
        return (self.ui.saveButton, self.ui.allMetButton, self.ui.addPhotoButton)

    def _refused(self, error: BaseException) -> None:
        if isinstance(error, HexieError):
            self.ui.errorLabel.setText(messages.describe(error))
        else:
            messages.show_error(self, error)

    def ask_all_met(self) -> QWidget:
        """Ask first, then record every item as 达标 today (one audited transaction)."""
        return messages.ask(self, self.tr("全部达标"), self.tr(
            "把“{org}”的全部{n}个检查项记为“达标”，检查日期为今天？").format(
                org=self.org.get("name") or "", n=self.model.rowCount()), self.set_all_met)

    def set_all_met(self) -> None:
        """Record every item as 达标 today (off the GUI thread)."""

        def saved(_result: Any) -> None:
            self.ui.errorLabel.clear()
            self.reload()

        write_op.write(self, self.workspace, registries.set_all_checklist_items, self.workspace.ctx, self.org["id"],
                       "met", changes=CHANGES, on_done=saved, on_error=self._refused, busy=self._buttons())

    # ---------------------------------------------------------------- photos

    def add_photo(self, path: Path | None = None) -> ops.Task | None:
        """Ask for a photo (unless given) and link it to the selected item, off the GUI thread."""
        record = self.selected()
        if record is None or not self.can_add_photo or self.store is None:
            return None
        if path is None:
            path = files.choose_photo(self)
        if path is None:
            return None
        row = self.ui.table.currentIndex().row()

        def done(_result: dict) -> None:
            self.task = None
            self.reload()
            self.ui.table.selectRow(row)

        self.task = write_op.write(self, self.workspace, attachments.add_checklist_photo, self.workspace.ctx,
                                   self.store, record["id"], Path(path), changes=CHANGES, on_done=done,
                                   busy=self._buttons())
        return self.task

    def view_photo(self) -> ops.Task | None:
        """Check the selected item's stored photo and open it (a damaged file is reported)."""
        record = self.selected()
        if record is None or not record.get("attachment_id") or self.store is None:
            return None
        self.task = files.open_attachment(self, self.workspace.ctx, self.store,
                                          {"id": record["attachment_id"], "filename": record.get("title"), "mime": None})
        return self.task
