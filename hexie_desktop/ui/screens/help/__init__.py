"""帮助: the bundled user guide (offline) and 关于 (version, licence, where the data and the log are)."""

from hexie_desktop.ui.screens.help.dialogs import GUIDE, AboutDialog, GuideDialog, about_lines

__all__ = ["GUIDE", "AboutDialog", "GuideDialog", "about_lines"]
