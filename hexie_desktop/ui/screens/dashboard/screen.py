"""The dashboard screen: due items of the office or of the user, filtered by tile; Enter opens a case.

Both readings run off the GUI thread, side by side: the due items (:func:`services.dashboard.dashboard`)
and the action plan's line (:func:`action_plan_text`, a third of a second at 100,000 cases).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QAbstractItemView, QButtonGroup, QHeaderView, QLabel, QWidget

from hexie_desktop.core.changes import CASE, REGISTRY, SETTINGS, USERS, Changes
from hexie_desktop.services import dashboard as dashboard_service
from hexie_desktop.ui import ops, style
from hexie_desktop.ui.forms.dashboard import Ui_DashboardScreen
from hexie_desktop.ui.lazy import RefreshWhenShown
from hexie_desktop.ui.models.records import ID_ROLE, RecordTableModel
from hexie_desktop.ui.screens.action_plan.summary import action_plan_text
from hexie_desktop.ui.widgets.badges import BadgeDelegate, status_text
from hexie_desktop.ui.workspace import Workspace

TILES = ("all", "overdue", "today", "soon")
WATCHES = (CASE, SETTINGS, USERS, f"{REGISTRY}:mediators")
"""What the dashboard shows: due cases (deadline settings), and whether a mediator is registered and linked."""


class DashboardScreen(RefreshWhenShown):
    """Shows :func:`services.dashboard.dashboard` for the office or for the user's own cases."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_DashboardScreen()
        self.ui.setupUi(self)
        self.workspace = workspace
        self.items: list[Any] = []
        self.month_counts: dict[str, int] = {}
        self.task: ops.Task | None = None
        self.plan_task: ops.Task | None = None
        self._stale = True
        style.set_role(self.ui.titleLabel, "title")
        style.set_role(self.ui.hintLabel, "hint")
        self.model = RecordTableModel(
            [("status_text", self.tr("状态")), ("due", self.tr("到期日")), ("label", self.tr("期限")),
             ("number", self.tr("案件编号")), ("applicants", self.tr("申请人")), ("mediator", self.tr("调解员"))],
            id_key="number", badge_key="status", badge_column=0, parent=self)
        table = self.ui.table
        table.setModel(self.model)
        table.setItemDelegateForColumn(0, BadgeDelegate(table))
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = table.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in enumerate((90, 100, 200, 250, 180)):
            table.setColumnWidth(column, width)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.activated.connect(self._open)
        self.tiles = {"all": self.ui.allTile, "overdue": self.ui.overdueTile, "today": self.ui.todayTile,
                      "soon": self.ui.soonTile}
        self.group = QButtonGroup(self)
        for key, tile in self.tiles.items():
            tile.setProperty("role", "tile")
            tile.setMinimumHeight(56)
            self.group.addButton(tile)
            tile.toggled.connect(self._apply_tile)
        mine_first = workspace.actor.role in ("mediator", "clerk")
        self.ui.mineRadio.setChecked(mine_first)
        self.ui.officeRadio.setChecked(not mine_first)
        self.ui.mineRadio.toggled.connect(self.refresh)
        self.ui.refreshButton.clicked.connect(self.refresh)
        workspace.changed.connect(self._changed)
        # The action plan's line (issue 14): open early-warning leads and 重大集体劳动争议 reports due.
        self.planLabel = QLabel(self)
        self.planLabel.setWordWrap(True)
        self.ui.mainLayout.insertWidget(self.ui.mainLayout.indexOf(self.ui.monthLabel) + 1, self.planLabel)
        # What must be set up first (issue 16: no mediator registered, the login not linked to one).
        self.setupLabel = QLabel(self)
        self.setupLabel.setObjectName("setupLabel")
        self.setupLabel.setWordWrap(True)
        style.set_role(self.setupLabel, "warning")
        self.setupLabel.hide()
        self.ui.mainLayout.insertWidget(self.ui.mainLayout.indexOf(self.ui.monthLabel), self.setupLabel)

    # ---------------------------------------------------------------- data

    def _changed(self, changes: Changes) -> None:
        if changes.touches(*WATCHES):
            self._mark_stale()

    def refresh(self) -> None:
        """Ask the service for the due items again (off the GUI thread)."""
        self._stale = False
        self.ui.monthLabel.setText(self.tr("正在加载……"))
        for key, tile in self.tiles.items():  # no old (or initial) count while the new one is computed
            tile.setText(self.tr("{name}\n…").format(name=self._tile_names()[key]))
        self.task = ops.run(self, _load, self.workspace.ctx, self.ui.mineRadio.isChecked(), on_done=self._show)
        if self.plan_task is None or self.plan_task.done:  # the same for the office and for "mine"
            self.planLabel.setText(self.tr("行动计划：正在统计……"))
            self.plan_task = ops.run(self, action_plan_text, self.workspace, on_done=self.planLabel.setText)

    def _show(self, loaded: tuple[Any, list[dict[str, Any]]]) -> None:
        result, self.items = loaded
        self.month_counts = dict(result.month_counts)
        counts = {key: len(self.items) if key == "all" else sum(1 for i in self.items if i["status"] == key)
                  for key in TILES}
        names = self._tile_names()
        for key, tile in self.tiles.items():
            tile.setText(self.tr("{name}\n{n} 项").format(name=names[key], n=counts[key]))
        labels = {"register": self.tr("登记"), "accept": self.tr("受理"), "reject": self.tr("不予受理"),
                  "agree": self.tr("调解成功"), "fail": self.tr("调解不成"), "withdraw": self.tr("撤回"),
                  "close": self.tr("结案"), "archive": self.tr("归档")}
        parts = [f"{labels.get(k, k)} {v}" for k, v in self.month_counts.items()]
        self.ui.monthLabel.setText(self.tr("本月（{month}月）：").format(month=date.today().month) + " · ".join(parts))
        self.setupLabel.setText("\n".join(result.notices))
        self.setupLabel.setVisible(bool(result.notices))
        self._apply_tile()

    def _tile_names(self) -> dict[str, str]:
        return {"all": self.tr("全部待办"), "overdue": self.tr("已逾期"), "today": self.tr("今日到期"),
                "soon": self.tr("3日内到期")}

    def current_tile(self) -> str:
        """Which tile filters the table."""
        return next((key for key, tile in self.tiles.items() if tile.isChecked()), "all")

    def _apply_tile(self, _checked: bool = True) -> None:
        key = self.current_tile()
        shown = [i for i in self.items if key == "all" or i["status"] == key]
        self.model.set_records(shown)
        if shown:
            self.ui.table.selectRow(0)

    def _open(self, index: QModelIndex) -> None:
        number = index.data(ID_ROLE)
        if number:
            self.workspace.open_case.emit(number)


def _load(ctx: Any, mine: bool) -> tuple[Any, list[dict[str, Any]]]:
    """The due items and the table's rows, built on the worker thread (1,700 rows at 100,000 cases)."""
    result = dashboard_service.dashboard(ctx, mine=mine)
    texts = {status: status_text(status) for status in {i.status for i in result.items}}
    items = [{"number": i.number, "applicants": i.applicants, "label": i.label, "due": i.due, "status": i.status,
              "status_text": texts[i.status], "mediator": i.mediator or "", "case_id": i.case_id}
             for i in result.items]
    return result, items
