"""From nothing to the main window: first run or login (or the demo station), then the window.

:class:`Launcher` drives the sequence with non-blocking dialogs so the same code runs under
``app.exec()`` and in tests; :func:`start` is the Qt side of ``hexie_desktop.app.run``.
"""

from __future__ import annotations

import gc
import logging
import sys
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from hexie_desktop.paths import StationPaths
from hexie_desktop.storage.lock import StationLock
from hexie_desktop.ui import collector, logout, messages, ops, style
from hexie_desktop.ui.screens.login import LoginDialog

if TYPE_CHECKING:  # the database layer and the main window load while the login dialog is up
    from hexie_desktop.services.backups import StationUnusable
    from hexie_desktop.services.context import Actor
    from hexie_desktop.services.station import Station
    from hexie_desktop.ui.main_window import MainWindow
    from hexie_desktop.ui.screens.restore import RestoreDialog


log = logging.getLogger("hexie_desktop")

OPEN_AFTER_MS = 300
"""Start opening the station at the latest this long after the login dialog was asked for."""


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

    @staticmethod
    def qt_dialogs() -> None:
        """Qt's own file dialogs from here on (:func:`style.use_qt_dialogs`), set once the login
        dialog is up and before any screen that can open a file dialog."""
        style.use_qt_dialogs()

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
            self.qt_dialogs()
            assert self.data_dir is not None
            from hexie_desktop.services.demo import station as demo_station

            self.dialog = ops.run(None, demo_station.prepare_demo, self.data_dir,
                                  progress_title=_t("正在准备演示数据……"), progress_total=demo_station.DEMO_CASES,
                                  on_done=self._demo_ready, on_error=self._fatal)
            return
        if self.data_dir is not None and not self.db_url and not StationPaths(self.data_dir).database.exists():
            from hexie_desktop.services.backups import StationUnusable
            from hexie_desktop.services.station import check_before_opening

            paths = StationPaths(self.data_dir)
            try:  # quick: there is no file to check; says whether a backup can be restored
                check_before_opening(paths)
            except StationUnusable as exc:
                self._unusable(paths, exc)
                return
        # The login dialog shows at once; the station is checked and opened (and the window's code
        # loads) meanwhile.  A damaged file is never written to: the check runs before anything else.
        # That work starts once the dialog is painted: a worker importing SQLAlchemy shares the GIL
        # with the GUI thread and would hold up the dialog's first paint.
        dialog = self.login(None)
        begun = False

        def open_station() -> None:
            nonlocal begun
            if not begun:
                begun = True
                ops.run(None, _open_and_load, self.data_dir, self.db_url, on_done=self._opened,
                        on_error=lambda exc: self._open_failed(exc, dialog))

        dialog.painted.connect(open_station)
        QTimer.singleShot(OPEN_AFTER_MS, open_station)  # a dialog that is never painted (hidden) waits no longer

    def _open_failed(self, error: BaseException, dialog: object) -> None:
        """The start-up check found the station unusable: restore wizard or first run; else a box."""
        from hexie_desktop.services.backups import StationUnusable

        if isinstance(error, StationUnusable) and self.data_dir is not None:
            if isinstance(dialog, LoginDialog):
                dialog.hide()
            self._unusable(StationPaths(self.data_dir), error)
            return
        self._fatal(error, dialog)

    def _unusable(self, paths: StationPaths, exc: StationUnusable) -> None:
        """First run for a new (or never finished) station; the restore wizard when there is a backup."""
        from hexie_desktop.storage import health

        self.qt_dialogs()
        has_backup = exc.offer is not None and exc.offer.backup is not None
        fresh = (health.HALF_CREATED, health.MISSING, health.EMPTY)  # nothing to lose: the file is set aside
        if exc.health.kind in fresh and (exc.health.kind == health.HALF_CREATED or not has_backup):
            from hexie_desktop.ui.screens.first_run import FirstRunDialog

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
        from hexie_desktop.ui.screens.restore import RestoreDialog

        self.qt_dialogs()
        dialog = RestoreDialog(paths, problem=problem)
        dialog.restored.connect(lambda _result: QTimer.singleShot(0, self._reopen))
        dialog.rejected.connect(lambda: self.finished.emit(0))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _reopen(self) -> None:
        """Open the (restored) station again and ask for a login."""
        from hexie_desktop.services.station import open_station

        window, self.window = self.window, None
        try:
            self.login(open_station(data_dir=self.data_dir, db_url=self.db_url))
        except Exception as exc:  # noqa: BLE001
            self._fatal(exc)
        if window is not None:
            window.close()

    def _opened(self, station: Station) -> None:
        self.qt_dialogs()
        self.station = station
        if isinstance(self.dialog, LoginDialog):
            self.dialog.set_station(station)

    def login(self, station: Station | None, username: str = "") -> LoginDialog:
        """Ask for the password on ``station`` (``None``: still opening, see :meth:`LoginDialog.set_station`)."""
        self.station = station
        dialog = LoginDialog(station, username=username)
        dialog.logged_in.connect(lambda actor: self.open_window(dialog.station, actor))
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
        from hexie_desktop.services.backup import auto_backup
        from hexie_desktop.ui.main_window import MainWindow
        from hexie_desktop.ui.workspace import Workspace

        self.qt_dialogs()
        self.station = station
        window = MainWindow(Workspace(station, actor, demo=demo))
        window.station_restored.connect(lambda _result: QTimer.singleShot(0, self._reopen))
        window.show()
        # Everything loaded so far (modules, PySide6 types, the database layer) lives as long as the
        # program: keep it out of the cyclic collector's full passes, which otherwise walk it all
        # (120–240 ms pauses of every thread at 100,000 cases, measured with gc.callbacks).
        gc.freeze()
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

    def _fatal(self, error: BaseException, dialog: object = None) -> None:
        """Show ``error``; when the box is closed the program ends with exit code 1."""
        if isinstance(dialog, LoginDialog):
            dialog.hide()
        box = messages.show_error(None, error)
        box.finished.connect(lambda _code: self.finished.emit(1))

    def close(self) -> None:
        """Release the database (stamping its file as sound, ``storage.health``) and the station lock."""
        if self.station is not None:
            self.station.close()
        if self.lock is not None:
            self.lock.release()


def _open_and_load(data_dir: Path | None, db_url: str | None) -> Station:
    """Check and open the station (off the GUI thread) and load the main window's modules meanwhile."""
    from hexie_desktop.services.station import open_station

    station = open_station(data_dir=data_dir, db_url=db_url)
    import hexie_desktop.ui.main_window  # noqa: F401 - imported now so that opening the window is quick

    create_qt_types()
    return station


def create_qt_types() -> None:
    """Have PySide6 build its Python types now (on a worker thread, while the person types the password).

    PySide6 builds a class and its enums the first time the class is used; building the main
    window met some six hundred of them (a tenth of a second of the GUI thread, a slice of the freeze
    after login).  A tenth of a second here, off the GUI thread, instead.
    """
    from PySide6 import QtCore, QtGui, QtWidgets

    for module in (QtCore, QtGui, QtWidgets):
        for name in dir(module):
            getattr(module, name)


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


def configure(app: QApplication) -> None:
    """Name, style and threading of the application (also used by the start-up benchmark)."""
    sys.setswitchinterval(0.001)  # a worker thread hands the GIL back to the event loop within 1 ms (default 5)
    sys.excepthook = _show_unexpected
    app.setApplicationName("hexie")
    style.apply(app, dialogs_now=False)  # see Launcher.qt_dialogs
    collector.install(app)  # cycles (and the Qt objects in them) are freed on the GUI thread only


def start(*, data_dir: Path | None, db_url: str | None, demo: bool, argv: list[str]) -> int:
    """Create the QApplication, run the launcher and the event loop; return the exit code."""
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    configure(app)
    app.setQuitOnLastWindowClosed(False)
    global _launcher
    launcher = _launcher = Launcher(data_dir, db_url, demo)
    launcher.finished.connect(app.exit)
    QTimer.singleShot(0, launcher.start)
    code = app.exec()
    ops.wait_all()
    launcher.close()
    return code
