"""ui/collector.py and ui/ops.py: Qt objects are freed on the GUI thread only.

A collection started on a worker thread (automatic collection) or the last reference to a Qt
object dropped there (a job's signals or a widget's bound method) crashed the test suite twice
(segmentation faults in the event loop while a registry read ran on a worker).
"""

from __future__ import annotations

import gc
import threading

from PySide6.QtWidgets import QWidget

from hexie_desktop.ui import collector, ops
from tests.gui.conftest import wait_tasks


def test_the_collector_turns_automatic_collection_off_and_collects_when_due(qtbot) -> None:
    was = gc.isenabled()
    try:
        gc.enable()
        keeper = collector.GarbageCollector()
        assert not gc.isenabled()
        garbage = []
        for _ in range(keeper.thresholds[0] + 10):
            cycle: list = []
            cycle.append(cycle)
            garbage.append(cycle)
        del garbage, cycle
        assert keeper.check() > 0           # due: the cycles are freed here, on the GUI thread
    finally:
        (gc.enable if was else gc.disable)()


def test_a_jobs_references_are_dropped_on_the_gui_thread(qtbot) -> None:
    widget = QWidget()
    dropped_on: list[threading.Thread] = []

    class Marker:
        def __del__(self) -> None:
            dropped_on.append(threading.current_thread())

    marker = Marker()
    task = ops.run(widget, lambda m: None, marker)
    del marker
    wait_tasks(qtbot)
    ops.wait_all()
    assert task.done and dropped_on == [threading.main_thread()]
    widget.deleteLater()
