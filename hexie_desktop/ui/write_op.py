"""Every write from the GUI goes through here (the model is Anki's ``CollectionOp``).

``write(parent, workspace, fn, *args, changes=…)`` runs the service write ``fn(*args)`` on a
worker thread (one service call = one session = one transaction, as on the command line) and:

* shows a busy state while it runs: the wait cursor, the ``busy`` widgets disabled, and no second
  write from the same ``parent`` until this one has reported (a second click or key does nothing);
* on failure calls ``on_error`` (a dialog that marks its fields) or shows the error in a Chinese
  message box (:func:`hexie_desktop.ui.messages.show_error`); nothing was written;
* on success announces what changed, once, on the application-wide
  :attr:`Workspace.changed <hexie_desktop.ui.workspace.Workspace.changed>` signal — ``changes`` is
  a :class:`~hexie_desktop.core.changes.Changes` or a function of the service's result — and then
  calls ``on_done(result)``.  Screens refresh only when the changes touch what they show.

The outcome is handled even when ``parent`` was closed meanwhile: the changes are still announced
(the write happened) and a failure is still shown.  A dialog that builds its write before knowing
where it runs returns :func:`prepare`'s :class:`Write` instead (see ``widgets/form_dialog.py``).
``tests/unit/test_gui_writes.py`` fails when a widget calls a service write any other way.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from hexie_desktop.core.changes import Changes
from hexie_desktop.ui import messages, ops

if TYPE_CHECKING:
    from hexie_desktop.ui.workspace import Workspace

log = logging.getLogger(__name__)
ChangesOf = Changes | Callable[[Any], Changes]
_writing: set[QObject] = set()


def writing(parent: QObject) -> bool:
    """True while a write started from ``parent`` has not reported yet."""
    return parent in _writing


@dataclass(frozen=True)
class Write:
    """One service write, prepared (not started): ``fn(*args, **kwargs)`` and what it changes."""

    workspace: Workspace
    fn: Callable[..., Any]
    args: tuple = ()
    kwargs: dict[str, Any] = field(default_factory=dict)
    changes: ChangesOf = field(default_factory=Changes)

    def changes_of(self, result: Any) -> Changes:
        """The changes this write made, given the service's result."""
        return self.changes(result) if callable(self.changes) else self.changes

    def start(self, parent: QObject, *, on_done: Callable[[Any], None] | None = None,
              on_error: Callable[[BaseException], None] | None = None, busy: Sequence[QWidget] = (),
              progress_title: str | None = None, progress_total: int = 0) -> ops.Task | None:
        """Run on a worker thread; None (and nothing done) while ``parent`` is still writing."""
        if parent in _writing:
            return None
        _writing.add(parent)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        disabled = [w for w in busy if w.isEnabled()]
        for widget in disabled:
            widget.setEnabled(False)

        def finish() -> bool:
            _writing.discard(parent)
            QGuiApplication.restoreOverrideCursor()
            for widget in disabled:
                if shiboken6.isValid(widget):
                    widget.setEnabled(True)
            return shiboken6.isValid(parent)

        def done(result: Any) -> None:
            alive = finish()
            self.workspace.announce(self.changes_of(result))
            if alive and on_done is not None:
                on_done(result)

        def failed(error: BaseException) -> None:
            alive = finish()
            if alive and on_error is not None:
                on_error(error)
            else:
                messages.show_error(parent if alive and isinstance(parent, QWidget) else None, error)

        return ops.run(parent, self.fn, *self.args, on_done=done, on_error=failed, progress_title=progress_title,
                       progress_total=progress_total, always_report=True, **self.kwargs)


def prepare(workspace: Workspace, fn: Callable[..., Any], *args: Any, changes: ChangesOf,
            **kwargs: Any) -> Write:
    """The write ``fn(*args, **kwargs)`` announcing ``changes``, to be started by whoever runs it."""
    return Write(workspace, fn, args, kwargs, changes)


def write(parent: QObject, workspace: Workspace, fn: Callable[..., Any], *args: Any, changes: ChangesOf,
          on_done: Callable[[Any], None] | None = None, on_error: Callable[[BaseException], None] | None = None,
          busy: Sequence[QWidget] = (), progress_title: str | None = None, progress_total: int = 0,
          **kwargs: Any) -> ops.Task | None:
    """Run the service write ``fn(*args, **kwargs)`` off the GUI thread; see the module docstring."""
    return Write(workspace, fn, args, kwargs, changes).start(
        parent, on_done=on_done, on_error=on_error, busy=busy, progress_title=progress_title,
        progress_total=progress_total)
