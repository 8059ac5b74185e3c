"""监测预警: the early-warning leads of the station, their handling and the rule thresholds."""

from hexie_desktop.ui.screens.warnings.screen import WarningsScreen

__all__ = ["WarningsScreen"]
