"""One page with a tab per part of the action plan; each tab is its own screen and computes
only when shown (``RefreshWhenShown``)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from hexie_desktop.ui.forms.action_plan import Ui_ActionPlanScreen
from hexie_desktop.ui.screens.grading import GradingScreen
from hexie_desktop.ui.screens.plan import PlanScreen
from hexie_desktop.ui.screens.selection import SelectionScreen
from hexie_desktop.ui.screens.warnings import WarningsScreen
from hexie_desktop.ui.workspace import Workspace


class ActionPlanScreen(QWidget):
    """Tabs (titles and order in forms/action_plan.ui): 计划进度, 选树, 监测预警, 繁简分流."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ActionPlanScreen()
        self.ui.setupUi(self)
        self.plan = PlanScreen(workspace)
        self.warnings = WarningsScreen(workspace)
        self.grading = GradingScreen(workspace)
        self.selection = SelectionScreen(workspace)
        for page, screen in ((self.ui.planTab, self.plan), (self.ui.selectionTab, self.selection),
                             (self.ui.warningsTab, self.warnings), (self.ui.gradingTab, self.grading)):
            page.layout().addWidget(screen)

    def show_tab(self, name: str) -> QWidget:
        """Bring the tab ``plan``, ``selection``, ``warnings`` or ``grading`` to the front; returns its screen."""
        screen: QWidget = getattr(self, name)
        self.ui.tabs.setCurrentWidget(getattr(self.ui, f"{name}Tab"))
        return screen
