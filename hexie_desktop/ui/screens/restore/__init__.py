"""备份与恢复: the list of backups, restore the chosen one (also the start-up restore wizard), back up now."""

from hexie_desktop.ui.screens.restore.dialog import RestoreDialog

__all__ = ["RestoreDialog"]
