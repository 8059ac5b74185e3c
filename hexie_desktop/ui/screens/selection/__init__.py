"""选树: nominations, criteria checks, review, decision and the publication list (issue 14 point 2)."""

from hexie_desktop.ui.screens.selection.screen import SelectionScreen

__all__ = ["SelectionScreen"]
