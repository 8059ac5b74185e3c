"""Logging in and unlocking: the login dialog and the idle-lock dialog."""

from hexie_desktop.ui.screens.login.dialogs import LockDialog, LoginDialog

__all__ = ["LockDialog", "LoginDialog"]
