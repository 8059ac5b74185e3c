"""案件: the searchable, filterable, sortable list of every case."""

from hexie_desktop.ui.screens.cases.screen import CaseListScreen

__all__ = ["CaseListScreen"]
