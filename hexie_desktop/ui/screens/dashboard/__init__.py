"""工作台: deadlines due today, within three days and overdue; this month's counts."""

from hexie_desktop.ui.screens.dashboard.screen import DashboardScreen

__all__ = ["DashboardScreen"]
