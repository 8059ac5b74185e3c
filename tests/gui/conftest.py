"""GUI test fixtures: offscreen Qt, a real station per test, typing helpers for Chinese text.

``qtbot.keyClicks`` with non-ASCII text aborts the whole process (qasciikey.cpp assert), so
text is typed with :func:`type_text`, one key event per character carrying the character.
"""

from __future__ import annotations

import os
import time

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before any QApplication exists

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from hexie_desktop.services import users
from hexie_desktop.ui import ops, style
from hexie_desktop.ui.workspace import Workspace


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget`` as key events (works for Chinese, unlike keyClicks)."""
    for ch in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier)


def focused() -> QWidget:
    """The widget that has the keyboard focus."""
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def type_here(text: str) -> QWidget:
    """Type into whatever has the focus, as a person would; returns that widget."""
    widget = focused()
    type_text(widget, text)
    return widget


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> QWidget:
    """Press one key in the focused widget; returns the widget that had the focus."""
    widget = focused()
    QTest.keyClick(widget, key, modifier)
    return widget


def message_boxes() -> list[QMessageBox]:
    """Message boxes now on screen."""
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def activate(widget: QWidget) -> QWidget:
    """Show ``widget`` and make it the active window (so keyboard focus works offscreen)."""
    if not widget.isVisible():
        widget.show()
    assert QTest.qWaitForWindowExposed(widget)
    widget.activateWindow()
    assert QTest.qWaitForWindowActive(widget)
    return widget


def settle(timeout_ms: int = 10000) -> None:
    """Let every background call (a save off the GUI thread, a query) report back; fails after ``timeout_ms``."""
    deadline = time.monotonic() + timeout_ms / 1000
    while ops.busy():
        assert time.monotonic() < deadline, "background work did not report back in time"
        QTest.qWait(10)


def wait_tasks(qtbot: Any, timeout: int = 10000) -> None:
    """Wait until every background call has reported back."""
    qtbot.waitUntil(lambda: not ops.busy(), timeout=timeout)


@pytest.fixture(scope="session", autouse=True)
def _styled_app(qapp: QApplication) -> QApplication:
    style.apply(qapp)
    return qapp


@pytest.fixture(autouse=True)
def _drain(qapp: QApplication):
    yield
    ops.wait_all()
    qapp.processEvents()
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox):
            widget.close()


@pytest.fixture
def station(station_factory):
    """A fresh copy of the test station."""
    return station_factory()


@pytest.fixture
def login(station):
    """``login("head")`` → a :class:`Workspace` for that user (head, mediator, clerk or admin)."""
    from tests.conftest import ADMIN, USERS

    def make(username: str = "head") -> Workspace:
        password = ADMIN[1] if username == ADMIN[0] else USERS[username][2]
        return Workspace(station, users.authenticate(station.db, username, password))

    return make


@pytest.fixture
def workspace(login) -> Workspace:
    """The head of office (负责人) logged in."""
    return login("head")


@pytest.fixture
def window(qtbot, workspace):
    """The main window, shown and active."""
    from hexie_desktop.ui.main_window import MainWindow

    win = MainWindow(workspace)
    qtbot.addWidget(win)
    activate(win)
    wait_tasks(qtbot)
    return win


def make_case(workspace: Workspace, *, name: str = "欧阳", received_days_ago: int = 1, seq: int = 17,
              respondent: str = "测试街道示例制造有限公司") -> str:
    """Register one case through the service (test set-up, not GUI); returns its number."""
    from datetime import date, timedelta

    from hexie_desktop.core import ids
    from hexie_desktop.services import cases

    today = workspace.ctx.today
    payload = {
        "received_on": (today - timedelta(days=received_days_ago)).isoformat(), "source": "application",
        "applicants": [{"name": name, "id_number": ids.make_resident_id("330106", date(1990, 3, 7), seq),
                        "phone": "13912345678", "address": "测试街道幸福路1号"}],
        "respondent": {"name": respondent},
        "claims": [{"category": "wages", "amount": "12345.60", "description": "拖欠工资"}],
        "facts": "拖欠三个月工资",
    }
    return cases.register(workspace.ctx, {"cases": [payload]})[0].number


def advance(workspace: Workspace, number: str, *actions: str) -> None:
    """Apply workflow actions through the service with plain data (test set-up)."""
    from hexie_desktop.services import case_actions, registries

    mediator = next(r["id"] for r in registries.list_records(workspace.ctx, "mediators")
                    if r.get("status") == "active")  # acceptance names a mediator of the register
    data = {"record-session": {"place": "调解室", "result": "继续协商"}, "accept": {"mediator": mediator}}
    for action in actions:
        case_actions.apply(workspace.ctx, number, action, data.get(action, {}))


def township_center_row(screen: Any) -> int:
    """The table row of the station's own 调解中心 in the registry screen (only it has a checklist in the demo)."""
    rows = screen.model.records()
    source = next(i for i, r in enumerate(rows) if r.get("org_type") == "township_center")
    return screen.proxy.mapFromSource(screen.model.index(source, 0)).row()
