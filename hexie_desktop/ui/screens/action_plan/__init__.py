"""行动计划: the action plan's pages (计划进度, 选树, 监测预警, 繁简分流) under one navigation entry."""

from hexie_desktop.ui.screens.action_plan.screen import ActionPlanScreen

__all__ = ["ActionPlanScreen"]
