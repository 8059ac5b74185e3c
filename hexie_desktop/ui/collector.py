"""Python's cyclic garbage collector runs on the GUI thread only.

With automatic collection on, a collection may start on whichever thread happens to allocate —
often a worker of :mod:`hexie_desktop.ui.ops` — and free a garbage cycle holding a widget or
another Qt object there, which crashes Qt (objects must die on the thread they live in).  So
automatic collection is off and a timer on the GUI thread collects whenever the generation
counts pass the usual thresholds, as Anki's ``GarbageCollector`` does.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 1000


class GarbageCollector(QObject):
    """Turns automatic collection off and collects on the GUI thread every second when due."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(INTERVAL_MS)

    def check(self) -> int:
        """Collect the oldest generation whose count passed its threshold; returns the objects freed."""
        counts = gc.get_count()
        due = [generation for generation in range(3) if counts[generation] > self.thresholds[generation]]
        return gc.collect(due[-1]) if due else 0


_collector: GarbageCollector | None = None


def install(parent: QObject | None = None) -> GarbageCollector:
    """Start collecting on the GUI thread (once per process; later calls return the same collector)."""
    global _collector
    if _collector is None:
        _collector = GarbageCollector(parent)
    return _collector
