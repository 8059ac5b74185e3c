"""Idle detection for the lock: no key or mouse input for N minutes emits :attr:`IdleWatcher.idle`."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

_INPUT = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin, QEvent.Type.InputMethod,
})


class IdleWatcher(QObject):
    """Watches the application's input events; restarts its timer on each."""

    idle = Signal()

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle)
        self.set_minutes(minutes)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_minutes(self, minutes: int) -> None:
        """Change the idle time (0 or less: never lock)."""
        self.minutes = minutes
        self.set_interval_ms(max(0, minutes) * 60_000)

    def set_interval_ms(self, msecs: int) -> None:
        """Change the idle time in milliseconds (tests use short times)."""
        self.interval = msecs
        self.timer.setInterval(msecs)
        self.resume()

    def pause(self) -> None:
        """Stop watching (while locked)."""
        self.timer.stop()

    def resume(self) -> None:
        """Start counting again from now."""
        if self.interval > 0:
            self.timer.start()
        else:
            self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Any input restarts the countdown; events pass through unchanged."""
        if event.type() in _INPUT and self.timer.isActive():
            self.timer.start()
        return False
