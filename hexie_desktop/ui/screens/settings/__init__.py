"""设置: the station's configurable values (arbitration body, numbering, periods, idle lock)."""

from hexie_desktop.ui.screens.settings.screen import SettingsScreen

__all__ = ["SettingsScreen"]
