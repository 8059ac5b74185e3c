"""统计报表: statistics of a period with charts, Excel export of reports and ledgers, Excel import."""

from hexie_desktop.ui.screens.reports.screen import ReportsScreen

__all__ = ["ReportsScreen"]
