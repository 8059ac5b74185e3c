"""Run service calls off the GUI thread, with a progress dialog for long work.

``run(parent, fn, *args, on_done=…)`` queues ``fn(*args)`` on a worker thread and calls
``on_done(result)`` back on the GUI thread.  A :class:`~hexie_desktop.core.errors.HexieError`
(or anything unexpected) goes to ``on_error`` when given, else to
:func:`hexie_desktop.ui.messages.show_error`.  Callbacks are dropped when ``parent`` has
been destroyed meanwhile (unless ``always_report=True``: a write's outcome must be handled even when
its dialog is gone).  With ``progress_title`` a window-modal progress dialog shows;
``fn`` then receives ``progress=`` (a callable taking the number done so far).
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from hexie_desktop.ui import messages

log = logging.getLogger(__name__)
_pool: QThreadPool | None = None
_running: set[Task] = set()
_reported: list[Task] = []  # reported tasks whose job may still be leaving its worker thread
_shells: deque[_Job] = deque(maxlen=256)


def pool() -> QThreadPool:
    """The thread pool the tasks run on (created on first use)."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(2)
    return _pool


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int)


class _Job(QRunnable):
    """The worker's side of a task.  It drops none of its references itself: a reference dropped on
    the worker thread could be the last one to a Qt object (a widget's bound method, the signals)
    and free it there.  :func:`_bury` clears them on the GUI thread once ``left`` is set."""

    def __init__(self, fn: Callable[..., Any], args: tuple, kwargs: dict, signals: _Signals) -> None:
        super().__init__()
        self.fn, self.args, self.kwargs, self.signals = fn, args, kwargs, signals
        self.left = threading.Event()
        self.setAutoDelete(False)  # Python owns the job (kept by its Task), never the pool's thread

    def run(self) -> None:
        try:
            result = self.fn(*self.args, **self.kwargs)
        except Exception as exc:  # every failure is routed to the GUI thread and shown there
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)
        finally:
            self.left.set()


class Task(QObject):
    """One background call; finished or failed is reported exactly once on the GUI thread."""

    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, parent: QObject | None, on_done: Callable[[Any], None] | None,
                 on_error: Callable[[BaseException], None] | None, dialog: QProgressDialog | None,
                 always_report: bool = False) -> None:
        super().__init__()
        self._owner = parent
        self._always = always_report
        self._on_done = on_done
        self._on_error = on_error
        self._dialog = dialog
        self.done = False
        self.result: Any = None
        self.error: BaseException | None = None
        self.signals = _Signals()
        self.job: _Job | None = None
        self.signals.done.connect(self._finished)
        self.signals.failed.connect(self._failed)
        self.signals.progress.connect(self._progressed)

    def _owner_alive(self) -> bool:
        return self._always or self._owner is None or shiboken6.isValid(self._owner)

    def _close_dialog(self) -> None:
        if self._dialog is not None and shiboken6.isValid(self._dialog):
            self._dialog.reset()
            self._dialog.close()
            self._dialog.deleteLater()
        self._dialog = None

    @Slot(int)
    def _progressed(self, value: int) -> None:
        if self._dialog is not None and shiboken6.isValid(self._dialog):
            self._dialog.setValue(min(value, self._dialog.maximum() - 1) if self._dialog.maximum() else 0)

    @Slot(object)
    def _finished(self, result: Any) -> None:
        self.done, self.result = True, result
        self._close_dialog()
        _retire(self)
        if self._owner_alive():
            if self._on_done is not None:
                self._on_done(result)
            self.finished.emit(result)

    @Slot(object)
    def _failed(self, error: BaseException) -> None:
        self.done, self.error = True, error
        self._close_dialog()
        _retire(self)
        if not self._owner_alive():
            log.warning("background error after its window closed: %s", type(error).__name__)
            return
        if self._on_error is not None:
            self._on_error(error)
        else:
            parent = self._owner if isinstance(self._owner, QWidget) and shiboken6.isValid(self._owner) else None
            messages.show_error(parent, error)
        self.failed.emit(error)


def run(parent: QObject | None, fn: Callable[..., Any], *args: Any,
        on_done: Callable[[Any], None] | None = None, on_error: Callable[[BaseException], None] | None = None,
        progress_title: str | None = None, progress_total: int = 0, always_report: bool = False,
        **kwargs: Any) -> Task:
    """Run ``fn(*args, **kwargs)`` on a worker thread; see the module docstring."""
    dialog = None
    if progress_title is not None:
        dialog = QProgressDialog(progress_title, "", 0, progress_total,
                                 parent if isinstance(parent, QWidget) else None)
        dialog.setCancelButton(None)
        dialog.setWindowTitle(progress_title)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setValue(0)
    task = Task(parent, on_done, on_error, dialog, always_report)
    if dialog is not None:
        kwargs["progress"] = task.signals.progress.emit
    task.job = _Job(fn, args, kwargs, task.signals)
    _running.add(task)
    pool().start(task.job)
    return task


def _retire(task: Task) -> None:
    """``task`` has reported: no longer running; its references are cleared once its job has left."""
    _running.discard(task)
    _reported.append(task)
    _bury()


def _bury() -> None:
    """Clear, on the GUI thread, the references of reported tasks whose job has left its worker."""
    for task in [t for t in _reported if t.job is None or t.job.left.is_set()]:
        _reported.remove(task)
        if task.job is not None:
            task.job.fn = task.job.args = task.job.kwargs = task.job.signals = None
            _shells.append(task.job)  # the empty job outlives its worker's last touch by far
            task.job = None


def busy() -> bool:
    """True while any background call is still running or not yet reported."""
    _bury()
    return bool(_running)


def wait_all(msecs: int = 30000) -> bool:
    """Wait for the worker threads to finish (at exit and in tests); True when they did."""
    finished = pool().waitForDone(msecs)
    _bury()
    return finished
