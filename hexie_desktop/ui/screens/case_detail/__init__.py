"""案件详情: one case's parties, claims, deadlines, history and the actions its state allows."""

from hexie_desktop.ui.screens.case_detail.screen import CaseDetailScreen

__all__ = ["CaseDetailScreen"]
