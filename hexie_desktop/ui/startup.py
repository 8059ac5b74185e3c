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
from hexie_desktop.services.context import Actor
from hexie_desktop.paths import StationPaths
from hexie_desktop.services.backup import auto_backup
from hexie_desktop.services.backups import StationUnusable
from hexie_desktop.services.station import Station, check_before_opening, open_station
from hexie_desktop.storage import health
from hexie_desktop.storage.lock import StationLock
from hexie_desktop.ui import messages, ops, style
from hexie_desktop.ui.main_window import MainWindow
from hexie_desktop.ui.screens.first_run import FirstRunDialog
from hexie_desktop.ui.screens.login import LoginDialog
from hexie_desktop.ui.screens.restore import RestoreDialog
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
        """Begin: demo station, first-run dialog, restore wizard or login dialog.

        Refused while another window has the station.  Any error ends in a box and then the
        process exits (never a process without a window that holds the station lock).
        """
        try:
            self._start()
        except Exception as exc:  # noqa: BLE001 - whatever it is, tell the person and end
            self._fatal(exc)

    def _start(self) -> None:
        if self.data_dir is not None and not self.db_url:
            self.lock = StationLock(StationPaths(self.data_dir).lock).acquire()
        if self.demo:
            assert self.data_dir is not None
            self.dialog = ops.run(None, composition.prepare_demo, self.data_dir,
                                  progress_title=_t("正在准备演示数据……"), progress_total=composition.DEMO_CASES,
                                  on_done=self._demo_ready, on_error=self._fatal)
            return
        if self.db_url or self.data_dir is None:
            self.login(open_station(data_dir=self.data_dir, db_url=self.db_url))
            return
        paths = StationPaths(self.data_dir)
        try:
            check_before_opening(paths)
        except StationUnusable as exc:
            self._unusable(paths, exc)
            return
        self.login(open_station(data_dir=self.data_dir))

    def _unusable(self, paths: StationPaths, exc: StationUnusable) -> None:
        """First run for a new (or never finished) station; the restore wizard when there is a backup."""
        has_backup = exc.offer is not None and exc.offer.backup is not None
        fresh = (health.HALF_CREATED, health.MISSING, health.EMPTY)  # nothing to lose: the file is set aside
        if exc.health.kind in fresh and (exc.health.kind == health.HALF_CREATED or not has_backup):
            dialog = FirstRunDialog(self.data_dir, self.db_url)
            dialog.created.connect(self._station_created)
            dialog.rejected.connect(lambda: self.finished.emit(0))
            self.dialog = dialog
            dialog.open()
            return
        if not has_backup:
            self._fatal(exc)
            return
        self.open_restore(paths, exc.offer.sentence())

    def open_restore(self, paths: StationPaths, problem: str) -> RestoreDialog:
        """The restore wizard at start: on success the login follows, on cancel the program ends."""
        dialog = RestoreDialog(paths, problem=problem)
        dialog.restored.connect(lambda _result: QTimer.singleShot(0, self._reopen))
        dialog.rejected.connect(lambda: self.finished.emit(0))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _reopen(self) -> None:
        """Open the (restored) station again and ask for a login."""
        window, self.window = self.window, None
        try:
            self.login(open_station(data_dir=self.data_dir, db_url=self.db_url))
        except Exception as exc:  # noqa: BLE001
            self._fatal(exc)
        if window is not None:
            window.close()

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
        window.station_restored.connect(lambda _result: QTimer.singleShot(0, self._reopen))
        window.show()
        self.window = window
        if station.paths is not None and station.db.is_sqlite:
            ops.run(None, auto_backup, station.paths.database, station.paths.backups,
                    on_error=lambda exc: log.warning("automatic backup failed: %s", exc))
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setQuitOnLastWindowClosed(True)
        self.ready.emit(window)
        return window

    def _fatal(self, error: BaseException) -> None:
        """Show ``error``; when the box is closed the program ends with exit code 1."""
        box = messages.show_error(None, error)
        box.finished.connect(lambda _code: self.finished.emit(1))

    def close(self) -> None:
        """Release the database and the station lock."""
        if self.station is not None:
            self.station.db.dispose()
        if self.lock is not None:
            self.lock.release()


_launcher: Launcher | None = None


def _show_unexpected(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
    """Last resort for an error no screen expected: log it and tell the person.

    With the main window open the program keeps running; before it (start-up) it ends after
    the box, so no process stays behind without a window holding the station lock.
    """
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, trace)
        return
    error.__traceback__ = trace
    if _launcher is not None and _launcher.window is None:
        _launcher._fatal(error)
        return
    messages.show_error(QApplication.activeWindow(), error)


def start(*, data_dir: Path | None, db_url: str | None, demo: bool, argv: list[str]) -> int:
    """Create the QApplication, run the launcher and the event loop; return the exit code."""
    app = QApplication.instance() or QApplication(argv)
    sys.excepthook = _show_unexpected
    assert isinstance(app, QApplication)
    app.setApplicationName("hexie")
    style.apply(app)
    app.setQuitOnLastWindowClosed(False)
    global _launcher
    launcher = _launcher = Launcher(data_dir, db_url, demo)
    launcher.finished.connect(app.exit)
    QTimer.singleShot(0, launcher.start)
    code = app.exec()
    ops.wait_all()
    launcher.close()
    return code
