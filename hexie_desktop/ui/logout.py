"""Log out / switch user on a shared PC: close the session's window and ask anyone to log in again.

The lock dialog only lets the same user back in; 注销/切换用户 ends the session instead, so the
next person at the PC can log in with their own account on the same station.  The launcher
(:mod:`hexie_desktop.ui.startup`) connects :func:`connect` to every window it opens.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


def end_session(window: QMainWindow, show_login: Callable[[], object]) -> None:
    """Close ``window`` without quitting the program, then call ``show_login`` (an empty login dialog)."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        app.setQuitOnLastWindowClosed(False)
    window.close()
    window.deleteLater()
    QTimer.singleShot(0, show_login)


def connect(window: QMainWindow, show_login: Callable[[], object]) -> None:
    """When ``window`` asks to log out, end its session and show the login dialog."""
    window.logout_requested.connect(lambda: end_session(window, show_login))  # type: ignore[attr-defined]
