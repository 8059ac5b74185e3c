"""First run: create the station (identity and first admin) when the data folder has none."""

from hexie_desktop.ui.screens.first_run.dialog import FirstRunDialog

__all__ = ["FirstRunDialog"]
