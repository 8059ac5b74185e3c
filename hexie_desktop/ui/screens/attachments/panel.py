"""The 附件 tab of a case: scans, evidence and other papers stored with the case.

Adding asks for files (:func:`files.choose_files`, or files dropped on the tab), then for each
one a small :class:`AttachmentDialog`; the confirmed files are stored off the GUI thread as one
action (one transaction, one audit entry: all of them or none).  Opening checks the stored file
and opens a copy; removing asks first.
:attr:`changed` fires after every change so the case view (文书, 卷内目录) reads the case again.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QDialog, QHeaderView, QMessageBox, QWidget

from hexie_desktop.core import codes
from hexie_desktop.core.changes import Changes
from hexie_desktop.core.errors import HexieError
from hexie_desktop.services import attachments
from hexie_desktop.ui import messages, ops, style, write_op
from hexie_desktop.ui.forms.attachment_panel import Ui_AttachmentPanel
from hexie_desktop.ui.models.records import RecordTableModel
from hexie_desktop.ui.screens.attachments import files
from hexie_desktop.ui.screens.attachments.dialog import AttachmentDialog, Entry
from hexie_desktop.ui.workspace import Workspace


class AttachmentPanel(QWidget):
    """Lists the attachments of one case and adds, opens and removes them."""

    changed = Signal()
    """Attachments were added or removed."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_AttachmentPanel()
        self.ui.setupUi(self)
        self.workspace = workspace
        self.number: str | None = None
        self.dialog: QDialog | None = None
        self.task: ops.Task | None = None
        self.question: QMessageBox | None = None
        self._queue: list[Path] = []
        self._confirmed: list[Entry] = []
        self._total = 0
        ui = self.ui
        style.set_role(ui.hintLabel, "hint")
        self.model = RecordTableModel(
            [("title", self.tr("题名")), ("type_label", self.tr("材料类型")), ("filename", self.tr("文件名")),
             ("size_text", self.tr("大小")), ("pages", self.tr("页数"))], right_aligned=(3, 4), parent=self)
        ui.table.setModel(self.model)
        ui.table.setAlternatingRowColors(True)
        ui.table.verticalHeader().setVisible(False)
        ui.table.horizontalHeader().setStretchLastSection(False)
        ui.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        ui.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 150), (2, 220), (3, 90), (4, 60)):
            ui.table.setColumnWidth(column, width)
        ui.table.activated.connect(lambda _index: self.open_selected())
        ui.table.selectionModel().selectionChanged.connect(lambda *_args: self._enable())
        ui.addButton.clicked.connect(lambda: self.add_files())
        ui.openButton.clicked.connect(self.open_selected)
        ui.removeButton.clicked.connect(self.remove_selected)
        self.store: Path | None = workspace.station.paths.attachments if workspace.station.paths else None
        self.can_edit = workspace.can("case.register") and self.store is not None
        if self.store is None:
            ui.addButton.setToolTip(self.tr("此工作站没有本机数据目录，不能保存附件"))
        elif not self.can_edit:
            ui.addButton.setToolTip(self.tr("您的角色（{role}）不能添加或删除附件").format(role=workspace.role_label))
        self.setAcceptDrops(self.can_edit)
        self._enable()

    # ---------------------------------------------------------------- showing

    def show_case(self, case: dict[str, Any]) -> None:
        """List the attachments of ``case`` (the dict of ``case_queries.show``), in the order the case gives."""
        self.number = case["number"]
        order = {a["id"]: n for n, a in enumerate(case.get("attachments") or [])}
        try:
            rows = attachments.list_for_case(self.workspace.ctx, self.number)
        except HexieError as exc:
            messages.show_error(self, exc)
            rows = []
        rows.sort(key=lambda r: order.get(r["id"], len(order)))
        selected = self.selected()
        self.model.set_records([
            {**r, "type_label": codes.label(codes.DOCUMENT_TYPES, r.get("doc_type")) or self.tr("（未分类）"),
             "size_text": files.size_text(r.get("size"))}
            for r in rows])
        if selected is not None:
            ids = [r["id"] for r in self.model.records()]
            if selected["id"] in ids:
                self.ui.table.selectRow(ids.index(selected["id"]))
        total = sum(r.get("size") or 0 for r in rows)
        self.ui.countLabel.setText(self.tr("共 {n} 件，{size}").format(n=len(rows), size=files.size_text(total))
                                   if rows else self.tr("尚无附件"))
        self._enable()

    def count(self) -> int:
        """How many attachments are listed."""
        return self.model.rowCount()

    def selected(self) -> dict[str, Any] | None:
        """The selected attachment's record."""
        rows = self.ui.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def _enable(self) -> None:
        has = self.selected() is not None
        self.ui.addButton.setEnabled(self.can_edit and self.number is not None)
        self.ui.openButton.setEnabled(has and self.store is not None)
        self.ui.removeButton.setEnabled(has and self.can_edit)

    # ---------------------------------------------------------------- adding

    def add_files(self, paths: list[Path] | None = None) -> None:
        """Ask for files (unless given), then ask about each one and store the confirmed ones."""
        if not self.can_edit or self.number is None or self.dialog is not None:
            return
        if paths is None:
            paths = files.choose_files(self)
        self._queue = [Path(p) for p in paths if p]
        self._confirmed = []
        self._total = len(self._queue)
        self._ask_next()

    def _ask_next(self) -> None:
        if not self._queue:
            self.dialog = None
            self._store_confirmed()
            return
        path = self._queue.pop(0)
        dialog = AttachmentDialog(path, self._total - len(self._queue), self._total, self)
        dialog.finished.connect(lambda code: self._answered(dialog, code))
        self.dialog = dialog
        dialog.open()

    def _answered(self, dialog: AttachmentDialog, code: int) -> None:
        if code == QDialog.DialogCode.Accepted:
            self._confirmed.append(dialog.entry())
        if dialog.stop_requested:
            self._queue = []
        dialog.deleteLater()
        self._ask_next()

    def _store_confirmed(self) -> None:
        entries, self._confirmed = self._confirmed, []
        if not entries or self.number is None or self.store is None:
            return
        new = [attachments.NewAttachment(entry.path, entry.title, entry.doc_type, entry.pages) for entry in entries]
        self.task = write_op.write(self, self.workspace, attachments.add_many, self.workspace.ctx, self.store,
                                   self.number, new, changes=Changes.case(self.number), on_done=self._stored,
                                   on_error=self._store_failed, progress_title=self.tr("正在保存附件…"),
                                   progress_total=len(entries))

    def _stored(self, added: list[dict]) -> None:
        self.task = None
        self.changed.emit()
        messages.flash(self, self.tr("已添加附件 {n} 个").format(n=len(added)))

    def _removed(self) -> None:
        self.task = None
        self.changed.emit()

    def _store_failed(self, error: BaseException) -> None:
        self.task = None
        messages.show_error(self, error)  # none of the files was added; the message names the file

    # ---------------------------------------------------------------- drag and drop

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept files dragged from the file manager."""
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if self.can_edit and self.number is not None and urls and all(u.isLocalFile() for u in urls):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        """Add the dropped files as if they had been chosen."""
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        event.acceptProposedAction()
        self.add_files([p for p in paths if p.is_file()])

    # ---------------------------------------------------------------- opening and removing

    def open_selected(self) -> ops.Task | None:
        """Check the selected attachment's stored file and open it (a damaged file is reported)."""
        record = self.selected()
        if record is None or self.store is None:
            return None
        self.task = files.open_attachment(self, self.workspace.ctx, self.store, record)
        return self.task

    def remove_selected(self) -> None:
        """Ask, then remove the selected attachment from the case."""
        record = self.selected()
        if record is None or not self.can_edit:
            return

        number = self.number

        def really() -> None:
            self.task = write_op.write(self, self.workspace, attachments.remove, self.workspace.ctx, record["id"],
                                       changes=Changes.cases([number] if number else []),
                                       on_done=lambda _result: self._removed())

        self.question = messages.ask(self, self.tr("删除附件"), self.tr("确定从本案删除附件“{title}”吗？\n删除后不再列入卷内目录。").format(
            title=record.get("title") or record.get("filename") or ""), really)

