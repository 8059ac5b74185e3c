"""One page with a tab per part of the action plan; each tab is its own screen and computes
only when shown (``RefreshWhenShown``)."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from hexie_desktop.ui.screens.grading import GradingScreen
from hexie_desktop.ui.screens.plan import PlanScreen
from hexie_desktop.ui.screens.selection import SelectionScreen
from hexie_desktop.ui.screens.warnings import WarningsScreen
from hexie_desktop.ui.workspace import Workspace


class ActionPlanScreen(QWidget):
    """Tabs: 计划进度, 选树, 监测预警, 繁简分流."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = PlanScreen(workspace)
        self.warnings = WarningsScreen(workspace)
        self.grading = GradingScreen(workspace)
        self.selection = SelectionScreen(workspace)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.plan, self.tr("计划进度"))
        self.tabs.addTab(self.selection, self.tr("选树"))
        self.tabs.addTab(self.warnings, self.tr("监测预警"))
        self.tabs.addTab(self.grading, self.tr("繁简分流"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def show_tab(self, name: str) -> QWidget:
        """Bring the tab ``plan``, ``selection``, ``warnings`` or ``grading`` to the front; returns its screen."""
        screen = getattr(self, name)
        self.tabs.setCurrentWidget(screen)
        return screen
