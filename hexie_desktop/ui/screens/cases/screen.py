"""The case list: one search box, filters, sortable columns, deadline badges; Enter opens a case.

Queries run off the GUI thread; a newer query makes the answer of an older one void, so
typing fast never shows a stale list.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHeaderView, QWidget

from hexie_desktop.core import codes
from hexie_desktop.core.changes import CASE, REGISTRY, SETTINGS, Changes
from hexie_desktop.core.grading import GRADES
from hexie_desktop.services import dashboard as dashboard_service
from hexie_desktop.services.cases import CaseFilter
from hexie_desktop.ui import ops, style
from hexie_desktop.ui.forms.case_list import Ui_CaseListScreen
from hexie_desktop.ui.models import queries
from hexie_desktop.ui.models.case_table import DEADLINE_COLUMN, NUMBER_ROLE, RECEIVED_COLUMN, CaseTableModel
from hexie_desktop.ui.widgets.badges import BadgeDelegate
from hexie_desktop.ui.widgets.keys import shortcut
from hexie_desktop.ui.workspace import Workspace

SEARCH_DELAY_MS = 250
COLUMN_WIDTHS = (210, 84, 80, 150, 92, 140, 90, 96, 60, 62, 44, 70, 80)
RESPONDENT_COLUMN = 5
WATCHES = (CASE, SETTINGS, f"{REGISTRY}:mediators")
"""What the list shows: the cases, their deadline status (settings) and the mediators' names."""
"""被申请人 takes what the screen leaves, so 数据交换 (the last column) is whole at 1366 px."""


class CaseListScreen(QWidget):
    """Shows :class:`CaseTableModel` for the filter built from the controls."""

    new_case_requested = Signal()
    loaded = Signal(int)
    """Emitted with the number of matches each time a query's answer is shown."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_CaseListScreen()
        self.ui.setupUi(self)
        self.workspace = workspace
        self.generation = 0
        self.pending = False
        self._stale = True
        style.set_role(self.ui.titleLabel, "title")
        style.set_role(self.ui.hintLabel, "hint")
        self.model = CaseTableModel(workspace.ctx, self)
        self._setup_filters()
        self._setup_table()
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.requery)
        self.ui.search.textChanged.connect(self.search_timer.start)
        self.ui.search.returnPressed.connect(self._search_now)
        shortcut(self, QKeySequence.StandardKey.Find, self.focus_search)
        self.ui.newButton.clicked.connect(self.new_case_requested)
        workspace.changed.connect(self._changed)

    # ---------------------------------------------------------------- set-up

    def _setup_filters(self) -> None:
        ui = self.ui
        ui.state.addItem(self.tr("全部状态"), None)
        for code, label in codes.CASE_STATES.items():
            ui.state.addItem(label, code)
        ui.category.addItem(self.tr("全部类别"), None)
        for code, label in codes.CLAIM_CATEGORY_SHORT.items():
            ui.category.addItem(label, code)
        ui.collective.addItem(self.tr("集体/非集体"), None)
        ui.collective.addItem(self.tr("仅集体争议"), True)
        ui.collective.addItem(self.tr("仅非集体"), False)
        ui.grade.addItem(self.tr("全部分级"), None)
        for code, label in GRADES.items():
            ui.grade.addItem(self.tr("仅{g}").format(g=label), code)
        for combo in (ui.state, ui.category, ui.collective, ui.grade):
            combo.currentIndexChanged.connect(self.requery)
        for edit in (ui.receivedFrom, ui.receivedTo):
            edit.editingFinished.connect(self.requery)
        ui.resetButton.clicked.connect(self.reset_filters)

    def _setup_table(self) -> None:
        table = self.ui.table
        table.setModel(self.model)
        table.setItemDelegateForColumn(DEADLINE_COLUMN, BadgeDelegate(table))
        vertical = table.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(26)
        vertical.setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in enumerate(COLUMN_WIDTHS):
            table.setColumnWidth(column, width)
        header.setSectionResizeMode(RESPONDENT_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSortIndicator(RECEIVED_COLUMN, Qt.SortOrder.DescendingOrder)
        header.sortIndicatorChanged.connect(self.requery)
        table.activated.connect(self._open)

    # ---------------------------------------------------------------- queries

    def current_filter(self) -> CaseFilter:
        """The filter the controls describe (unparseable dates are left out and shown red)."""
        ui = self.ui
        return CaseFilter(
            state=ui.state.currentData(), search=ui.search.text().strip() or None,
            category=ui.category.currentData(), received_from=ui.receivedFrom.value(),
            received_to=ui.receivedTo.value(), collective=ui.collective.currentData(),
        )

    def requery(self, *_args: Any) -> None:
        """Run the query for the current filter and sort order off the GUI thread."""
        self.search_timer.stop()
        self._stale = False
        self.generation += 1
        generation = self.generation
        header = self.ui.table.horizontalHeader()
        column = header.sortIndicatorSection()
        descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
        key = self.model.sort_key(column) if 0 <= column < self.model.columnCount() else None
        self.pending = True
        self.ui.countLabel.setText(self.tr("正在查询……"))
        ops.run(self, queries.run_case_query, self.workspace.ctx, self.current_filter(), key, descending,
                self.ui.grade.currentData(), on_done=lambda result: self._show(generation, result))

    def _show(self, generation: int, result: queries.CaseQueryResult) -> None:
        if generation != self.generation:
            return
        self.pending = False
        self.model.set_ids(result.ids, result.rows)
        self.ui.countLabel.setText(self.tr("共 {n} 件").format(n=f"{len(result.ids):,}"))
        if result.ids:
            self.ui.table.selectRow(0)
        self.loaded.emit(len(result.ids))

    def refresh_badges(self) -> None:
        """Fill the 期限 column from the dashboard service (overdue first wins)."""
        ops.run(self, dashboard_service.dashboard, self.workspace.ctx, on_done=self._badges)

    def _badges(self, result: Any) -> None:
        badges: dict[str, tuple[str, str]] = {}
        for item in result.items:
            badges.setdefault(item.case_id, (item.status, f"{item.label}：{item.due.isoformat()}"))
        self.model.set_badges(badges)

    def _search_now(self) -> None:
        self.requery()
        if self.model.rowCount():
            self.ui.table.setFocus()

    def reset_filters(self) -> None:
        """Clear the search and every filter."""
        ui = self.ui
        for widget in (ui.state, ui.category, ui.collective, ui.grade, ui.receivedFrom, ui.receivedTo, ui.search):
            widget.blockSignals(True)
        ui.search.clear()
        ui.state.setCurrentIndex(0)
        ui.category.setCurrentIndex(0)
        ui.collective.setCurrentIndex(0)
        ui.grade.setCurrentIndex(0)
        ui.receivedFrom.clear()
        ui.receivedTo.clear()
        for widget in (ui.state, ui.category, ui.collective, ui.grade, ui.receivedFrom, ui.receivedTo, ui.search):
            widget.blockSignals(False)
        self.requery()

    def focus_search(self) -> None:
        """Put the cursor in the search box (Ctrl+F)."""
        self.ui.search.setFocus()
        self.ui.search.selectAll()

    # ---------------------------------------------------------------- navigation

    def _changed(self, changes: Changes) -> None:
        if changes.touches(*WATCHES):
            self._mark_stale()

    def _mark_stale(self) -> None:
        self._stale = True
        if self.isVisible():
            self.requery()
            self.refresh_badges()

    def showEvent(self, event) -> None:  # noqa: ANN001 - Qt override
        """Query on first show and after cases changed."""
        super().showEvent(event)
        if self._stale:
            self.requery()
            self.refresh_badges()

    def _open(self, index: QModelIndex) -> None:
        number = index.data(NUMBER_ROLE)
        if number:
            self.workspace.open_case.emit(number)
