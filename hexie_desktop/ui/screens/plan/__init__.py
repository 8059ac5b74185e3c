"""计划进度: the action plan's yearly targets and their progress by period."""

from hexie_desktop.ui.screens.plan.screen import PlanScreen

__all__ = ["PlanScreen"]
