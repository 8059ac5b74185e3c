"""The registry screen: pick a register on the left, list, search, add, edit and delete its records."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QIdentityProxyModel, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHeaderView, QPushButton, QWidget

from hexie_desktop.core.changes import REGISTRY, Changes
from hexie_desktop.services import registries
from hexie_desktop.ui import messages, ops, style, write_op
from hexie_desktop.ui.forms.registry import Ui_RegistryScreen
from hexie_desktop.ui.models.lazy_records import PAGE, LazyRecordModel
from hexie_desktop.ui.screens.printing import PrintJobs, WallboardDialog
from hexie_desktop.ui.screens.registry import fields
from hexie_desktop.ui.screens.registry.checklist import ChecklistDialog
from hexie_desktop.ui.screens.registry.coverage import CoverageDialog
from hexie_desktop.ui.widgets.form_dialog import FormDialog
from hexie_desktop.ui.workspace import Workspace


def _ids_and_first_page(ctx: Any, kind: str, search: str | None, sort: str | None,
                        descending: bool) -> tuple[list[str], list[dict[str, Any]]]:
    """Off the GUI thread: the register's ids in order and the records of the first page."""
    ids = registries.record_ids(ctx, kind, search, sort=sort, descending=descending)
    return ids, registries.records_for(ctx, kind, ids[:PAGE])


COVERAGE_KINDS = frozenset({"coordinators", "coverage"})
"""Registers whose header offers the coverage view."""


class RegistryScreen(QWidget):
    """Generic over ``registries.KINDS``: the columns and forms come from ``registries.FIELDS``."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_RegistryScreen()
        self.ui.setupUi(self)
        self.workspace = workspace
        self.kind = next(iter(registries.KINDS))
        self.dialog: Any = None
        self.task: ops.Task | None = None
        ui = self.ui
        style.set_role(ui.titleLabel, "title")
        style.set_role(ui.countLabel, "hint")
        for kind in registries.KINDS:
            ui.kinds.addItem(registries.KIND_LABELS.get(kind, kind))
        self.sort_key: str | None = None
        self.descending = False
        self.generation = 0
        self.model = LazyRecordModel(fields.columns(self.kind), self._fetcher(self.kind), parent=self)
        self.model.sort_requested.connect(self._sort)
        self.proxy = QIdentityProxyModel(self)  # sorting is the service's: the model asks for a new id order
        self.proxy.setSourceModel(self.model)
        ui.table.setModel(self.proxy)
        ui.table.horizontalHeader().setResizeContentsPrecision(60)  # fit columns to the first rows, not all
        ui.table.verticalHeader().setVisible(False)
        ui.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        ui.table.horizontalHeader().setStretchLastSection(True)
        ui.table.horizontalHeader().setDefaultSectionSize(120)
        ui.table.verticalHeader().setDefaultSectionSize(26)
        can_edit = workspace.can("registry.edit")
        for button in (ui.newButton, ui.editButton, ui.deleteButton):
            button.setEnabled(can_edit)
        ui.kinds.currentRowChanged.connect(self._kind_changed)
        ui.newButton.clicked.connect(self.new_record)
        ui.editButton.clicked.connect(self.edit_record)
        ui.table.activated.connect(lambda _i: self.edit_record())
        ui.deleteButton.clicked.connect(self.delete_record)
        ui.checklistButton.clicked.connect(self.open_checklist)
        self.wallboardButton = QPushButton(self.tr("打印上墙展板(&W)…"), self)
        self.wallboardButton.setObjectName("wallboardButton")
        self.wallboardButton.setToolTip(self.tr("按 A2 或 A3 打印所选调解组织的五上墙展板"))
        ui.headerLayout.insertWidget(ui.headerLayout.indexOf(ui.checklistButton) + 1, self.wallboardButton)
        self.wallboardButton.clicked.connect(self.print_wallboard)
        self.coverageButton = QPushButton(self.tr("覆盖情况(&V)…"), self)
        self.coverageButton.setObjectName("coverageButton")
        self.coverageButton.setToolTip(self.tr("大中型企业是否配备劳动关系协调员，小微企业是否在协调员服务区域内"))
        ui.headerLayout.insertWidget(ui.headerLayout.indexOf(self.wallboardButton) + 1, self.coverageButton)
        self.coverageButton.clicked.connect(self.open_coverage)
        self.printing = PrintJobs(workspace, self)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(250)
        self.search_timer.timeout.connect(self.reload)
        ui.search.textChanged.connect(self.search_timer.start)
        self._loaded = False
        self._stale = False
        workspace.changed.connect(self._changed)
        ui.kinds.setCurrentRow(0)

    # ---------------------------------------------------------------- data

    def _kind_changed(self, row: int) -> None:
        kinds = list(registries.KINDS)
        if not 0 <= row < len(kinds):
            return
        self.kind = kinds[row]
        self.ui.titleLabel.setText(registries.KIND_LABELS.get(self.kind, self.kind))
        self.ui.checklistButton.setVisible(self.kind == "orgs")
        self.wallboardButton.setVisible(self.kind == "orgs")
        self.coverageButton.setVisible(self.kind in COVERAGE_KINDS)
        self.sort_key, self.descending = None, False
        self.ui.table.horizontalHeader().setSortIndicator(-1, self.ui.table.horizontalHeader().sortIndicatorOrder())
        self.ui.search.setPlaceholderText(fields.search_hint(self.kind))
        self.ui.search.setEnabled(bool(registries.search_fields(self.kind)))
        # No rows of the previous register under the new headers while this one loads.
        self.model.set_ids([], self._fetcher(self.kind))
        self.model.set_columns(fields.columns(self.kind))
        self.reload()

    def _changed(self, changes: Changes) -> None:
        """Reload the register shown when a write touched it (when next shown, if hidden now)."""
        if changes.touches(f"{REGISTRY}:{self.kind}"):
            if self.isVisible():
                self.reload()
            else:
                self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        """Reload when shown after a write touched the register while hidden."""
        super().showEvent(event)
        if self._stale:
            self.reload()

    def _fetcher(self, kind: str):  # noqa: ANN202
        ctx = self.workspace.ctx
        return lambda ids: registries.records_for(ctx, kind, ids)

    def _sort(self, key: str | None, descending: bool) -> None:
        if (key, descending) != (self.sort_key, self.descending):
            self.sort_key, self.descending = key, descending
            self.reload()

    def reload(self) -> None:
        """List the ids of the current register (off the GUI thread); rows are read by page when shown."""
        kind = self.kind
        self._stale = False
        self.generation += 1
        generation = self.generation
        self.ui.countLabel.setText(self.tr("正在加载……"))
        self.task = ops.run(self, _ids_and_first_page, self.workspace.ctx, kind,
                            self.ui.search.text().strip() or None, self.sort_key, self.descending,
                            on_done=lambda result: self._show(kind, generation, *result))

    def _show(self, kind: str, generation: int, ids: list[str], first: list[dict[str, Any]]) -> None:
        if kind != self.kind or generation != self.generation:
            return
        self.model.set_ids(ids, self._fetcher(kind), first)
        self.ui.countLabel.setText(self.tr("共 {n} 条").format(n=len(ids)))
        table = self.ui.table
        table.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            table.setColumnWidth(column, max(60, min(table.columnWidth(column) + 6, 240)))

    def selected(self) -> dict[str, Any] | None:
        """The selected record."""
        index = self.ui.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.record(self.proxy.mapToSource(index).row())

    # ---------------------------------------------------------------- editing

    def _open_form(self, title: str, record: dict[str, Any] | None) -> FormDialog:
        kind = self.kind
        ctx = self.workspace.ctx

        def submit(values: dict[str, Any]) -> write_op.Write:
            if record is None:
                return write_op.prepare(self.workspace, registries.save_record, ctx, kind, fields.create_values(values),
                                        changes=Changes.registry(kind))
            return write_op.prepare(self.workspace, registries.save_record, ctx, kind,
                                    fields.changed_values(kind, record, values), record["id"],
                                    changes=Changes.registry(kind))

        dialog = FormDialog(title, "", fields.form_fields(ctx, kind), submit, self)
        if record is not None:
            dialog.builder.set_values(fields.form_values(record))
        self.dialog = dialog
        dialog.open()
        return dialog

    def new_record(self) -> FormDialog:
        """Open an empty form for a new record."""
        label = registries.KIND_LABELS.get(self.kind, self.kind)
        return self._open_form(self.tr("新增{what}").format(what=label), None)

    def edit_record(self) -> FormDialog | None:
        """Open the selected record in a form."""
        record = self.selected()
        if record is None or not self.workspace.can("registry.edit"):
            return None
        label = registries.KIND_LABELS.get(self.kind, self.kind)
        return self._open_form(self.tr("修改{what}：{name}").format(what=label, name=record.get("display_name", "")),
                               record)

    def delete_record(self) -> None:
        """Ask, then tombstone the selected record."""
        record = self.selected()
        if record is None:
            return
        kind = self.kind

        def really() -> None:
            write_op.write(self, self.workspace, registries.delete_record, self.workspace.ctx, kind, record["id"],
                           changes=Changes.registry(kind), busy=(self.ui.deleteButton,))

        self.dialog = messages.ask(self, self.tr("删除"), self.tr("确定删除“{name}”吗？").format(
            name=record.get("display_name", "")), really)

    def open_checklist(self) -> ChecklistDialog | None:
        """Open the 六规范、五上墙 checklist of the selected organization."""
        record = self.selected()
        if record is None or self.kind != "orgs":
            return None
        dialog = ChecklistDialog(self.workspace, record, self)
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_coverage(self) -> CoverageDialog:
        """Show which enterprises have a 劳动关系协调员 (large and medium ones by link, small ones by area)."""
        dialog = CoverageDialog(self.workspace, self)
        self.dialog = dialog
        dialog.open()
        return dialog

    def print_wallboard(self) -> WallboardDialog | None:
        """Ask A2 or A3, then render the selected organization's 五上墙 boards and preview them."""
        record = self.selected()
        if record is None or self.kind != "orgs":
            return None
        dialog = WallboardDialog(record, self)
        dialog.accepted.connect(lambda: self.printing.wallboard(
            record["id"], record.get("name") or record.get("display_name") or "", dialog.page_size()))
        self.dialog = dialog
        dialog.open()
        return dialog
