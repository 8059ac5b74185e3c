"""用户: the station's logins, roles and passwords."""

from hexie_desktop.ui.screens.users.screen import UsersScreen, password_dialog

__all__ = ["UsersScreen", "password_dialog"]
