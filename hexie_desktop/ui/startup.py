"""From nothing to the main window: first run or login (or the demo station), then the window.

:class:`Launcher` drives the sequence with non-blocking dialogs so the same code runs under
``app.exec()`` and in tests; :func:`start` is the Qt side of ``hexie_desktop.app.run``.
"""

from __future__ import annotations

import logging

import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from hexie_desktop import app as composition
from hexie_desktop.core.errors import HexieError
from hexie_desktop.services.context import Actor
from hexie_desktop.paths import StationPaths
from hexie_desktop.services.backup import auto_backup
from hexie_desktop.services.station import Station, open_station
from hexie_desktop.storage.lock import StationLock
from hexie_desktop.ui import logout, messages, ops, style
from hexie_desktop.ui.main_window import MainWindow
from hexie_desktop.ui.screens.first_run import FirstRunDialog
from hexie_desktop.ui.screens.login import LoginDialog
from hexie_desktop.ui.workspace import Workspace


log = logging.getLogger("hexie_desktop")

def _t(text: str) -> str:
    return QCoreApplication.translate("Launcher", text)


class Launcher(QObject):
    """Opens the station and the window; emits :attr:`ready` with the window or :attr:`finished` with an exit code."""

    ready = Signal(object)
    finished = Signal(int)

    def __init__(self, data_dir: Path | None, db_url: str | None, demo: bool) -> None:
        super().__init__()
        self.data_dir, self.db_url, self.demo = data_dir, db_url, demo
        self.station: Station | None = None
        self.window: MainWindow | None = None
        self.dialog: object = None
        self.lock: StationLock | None = None

    def start(self) -> None:
        """Begin: demo station, first-run dialog or login dialog (refused while another window has the station)."""
        if self.data_dir is not None and not self.db_url:
            try:
                self.lock = StationLock(StationPaths(self.data_dir).lock).acquire()
            except HexieError as exc:
                self._fatal(exc)
                return
        if self.demo:
            assert self.data_dir is not None
            self.dialog = ops.run(None, composition.prepare_demo, self.data_dir,
                                  progress_title=_t("正在准备演示数据……"), progress_total=composition.DEMO_CASES,
                                  on_done=self._demo_ready, on_error=self._fatal)
            return
        if not composition.station_exists(self.data_dir, self.db_url):
            dialog = FirstRunDialog(self.data_dir, self.db_url)
            dialog.created.connect(self._station_created)
            dialog.rejected.connect(lambda: self.finished.emit(0))
            self.dialog = dialog
            dialog.open()
            return
        try:
            station = open_station(data_dir=self.data_dir, db_url=self.db_url)
        except HexieError as exc:
            self._fatal(exc)
            return
        self.login(station)

    def login(self, station: Station, username: str = "") -> LoginDialog:
        """Ask for the password on ``station``."""
        self.station = station
        dialog = LoginDialog(station, username=username)
        dialog.logged_in.connect(lambda actor: self.open_window(station, actor))
        dialog.rejected.connect(lambda: self.finished.emit(0))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _station_created(self, station: Station, admin: str) -> None:
        QTimer.singleShot(0, lambda: self.login(station, admin))

    def _demo_ready(self, result: tuple[Station, Actor]) -> None:
        station, actor = result
        self.open_window(station, actor, demo=True)

    def open_window(self, station: Station, actor: Actor, *, demo: bool = False) -> MainWindow:
        """Show the main window for ``actor``."""
        self.station = station
        window = MainWindow(Workspace(station, actor, demo=demo))
        window.show()
        self.window = window
        logout.connect(window, lambda: self.login(station))
        if station.paths is not None and station.db.is_sqlite:
            ops.run(None, auto_backup, station.paths.database, station.paths.backups,
                    on_error=lambda exc: log.warning("automatic backup failed: %s", exc))
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setQuitOnLastWindowClosed(True)
        self.ready.emit(window)
        return window

    def _fatal(self, error: BaseException) -> None:
        box = messages.show_error(None, error)
        box.finished.connect(lambda _code: self.finished.emit(1))

    def close(self) -> None:
        """Release the database and the station lock."""
        if self.station is not None:
            self.station.db.dispose()
        if self.lock is not None:
            self.lock.release()


def _show_unexpected(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
    """Last resort for an error no screen expected: log it and tell the person, keep running."""
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, trace)
        return
    error.__traceback__ = trace
    messages.show_error(QApplication.activeWindow(), error)


def start(*, data_dir: Path | None, db_url: str | None, demo: bool, argv: list[str]) -> int:
    """Create the QApplication, run the launcher and the event loop; return the exit code."""
    app = QApplication.instance() or QApplication(argv)
    sys.excepthook = _show_unexpected
    assert isinstance(app, QApplication)
    app.setApplicationName("hexie")
    style.apply(app)
    app.setQuitOnLastWindowClosed(False)
    launcher = Launcher(data_dir, db_url, demo)
    launcher.finished.connect(app.exit)
    QTimer.singleShot(0, launcher.start)
    code = app.exec()
    ops.wait_all()
    launcher.close()
    return code
