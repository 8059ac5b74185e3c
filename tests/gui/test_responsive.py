"""The window never freezes on the way in (issue 12): slow reads run off the GUI thread.

The password check (argon2id, most of a second on a slow PC), the exchange page's count of
rows waiting for export and the 工作台's action-plan line each took a third of a second or
more on the GUI thread at 100,000 cases.  Here each is made slow on purpose (a worker that
waits) and the event loop must keep running: a 10 ms heartbeat keeps ticking, the dialog
keeps its keyboard focus and says what it is doing.
"""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox

from hexie_desktop.services import exchange, grading, users
from hexie_desktop.ui import ops
from hexie_desktop.ui.screens.login import LoginDialog
from tests.gui.conftest import activate, type_text, wait_tasks


class Heartbeat:
    """Counts the beats of a 10 ms timer; the longest gap is the longest freeze."""

    def __init__(self) -> None:
        self.beats: list[float] = []
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(lambda: self.beats.append(time.perf_counter()))
        self.timer.start()


def _held(monkeypatch, module, name: str) -> tuple[threading.Event, list[int]]:
    """Make ``module.name`` wait (on its worker thread) until the returned event is set."""
    real = getattr(module, name)
    release, calls = threading.Event(), []

    def slow(*args, **kwargs):
        calls.append(1)
        assert threading.current_thread() is not threading.main_thread(), "ran on the GUI thread"
        release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, slow)
    return release, calls


def test_login_dialog_stays_responsive_and_keeps_the_focus_while_checking(qtbot, station, monkeypatch) -> None:
    release, calls = _held(monkeypatch, users, "authenticate")
    dialog = LoginDialog(station)
    qtbot.addWidget(dialog)
    activate(dialog)
    type_text(dialog.ui.username, "head")
    QTest.keyClick(dialog.ui.username, Qt.Key.Key_Tab)
    assert dialog.ui.password.hasFocus()
    type_text(dialog.ui.password, "head1234")
    QTest.keyClick(dialog.ui.password, Qt.Key.Key_Return)
    ok = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.checking() and not ok.isEnabled() and ok.text() == "正在验证……"
    heart = Heartbeat()
    qtbot.wait(300)
    assert len(heart.beats) >= 5, "the event loop stood still while the password was checked"
    assert dialog.ui.password.hasFocus() and dialog.ui.password.isReadOnly()
    type_text(dialog.ui.password, "x")                         # typing changes nothing meanwhile
    QTest.keyClick(dialog.ui.password, Qt.Key.Key_Return)      # nor does a second Enter
    assert dialog.ui.password.text() == "head1234" and dialog.actor is None and dialog.isVisible()
    with qtbot.waitSignal(dialog.logged_in, timeout=10000):
        release.set()
    assert dialog.actor is not None and dialog.actor.username == "head" and not dialog.isVisible()
    assert len(calls) == 1


def test_a_wrong_password_gives_the_fields_back_with_the_focus(qtbot, station, monkeypatch) -> None:
    release, _calls = _held(monkeypatch, users, "authenticate")
    dialog = LoginDialog(station)
    qtbot.addWidget(dialog)
    activate(dialog)
    type_text(dialog.ui.username, "head")
    type_text(dialog.ui.password, "wrong-pw")
    QTest.mouseClick(dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert dialog.checking() and dialog.focusWidget() in (dialog.ui.username, dialog.ui.password)
    release.set()
    qtbot.waitUntil(lambda: not dialog.checking(), timeout=10000)
    ok = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
    assert "用户名或密码错误" in dialog.ui.errorLabel.text()
    assert ok.isEnabled() and ok.text() == "登录" and not dialog.ui.password.isReadOnly()
    assert dialog.ui.password.hasFocus() and dialog.ui.password.selectedText() == "wrong-pw"
    assert dialog.actor is None


def test_cancelling_while_checking_logs_nobody_in(qtbot, station, monkeypatch) -> None:
    release, _calls = _held(monkeypatch, users, "authenticate")
    dialog = LoginDialog(station)
    qtbot.addWidget(dialog)
    activate(dialog)
    type_text(dialog.ui.username, "head")
    type_text(dialog.ui.password, "head1234")
    entered: list[object] = []
    dialog.logged_in.connect(entered.append)
    dialog.try_login()
    dialog.reject()
    release.set()
    wait_tasks(qtbot)
    assert entered == [] and dialog.actor is None and not dialog.isVisible()


def test_exchange_page_says_counting_then_shows_the_counts(qtbot, window, monkeypatch) -> None:
    screen = window.exchange
    assert screen.view is None and screen.task is None, "nothing is counted while the page is never shown"
    release, calls = _held(monkeypatch, exchange, "overview")
    heart = Heartbeat()
    window.show_page("exchange")
    assert screen.ui.statusLabel.text() == "正在统计……"
    qtbot.wait(200)
    assert len(heart.beats) >= 5 and screen.ui.statusLabel.text() == "正在统计……"
    window.show_page("dashboard")
    window.show_page("exchange")                  # shown again while counting: one more count after it
    release.set()
    wait_tasks(qtbot)
    assert "待导出的修改：" in screen.ui.statusLabel.text() and screen.view is not None
    assert len(calls) == 2 and not ops.busy()


def test_dashboard_line_of_the_action_plan_is_read_beside_the_due_items(qtbot, window, monkeypatch) -> None:
    board = window.dashboard
    release, calls = _held(monkeypatch, grading, "dashboard_line")
    heart = Heartbeat()
    board.refresh()
    assert board.planLabel.text() == "行动计划：正在统计……"
    qtbot.waitUntil(lambda: board.task is not None and board.task.done, timeout=10000)
    assert len(heart.beats) >= 1 and board.planLabel.text() == "行动计划：正在统计……"  # tiles first
    release.set()
    wait_tasks(qtbot)
    assert board.planLabel.text().startswith("预警线索待处理") and len(calls) == 1


def test_the_window_builds_a_page_when_it_is_first_shown(qtbot, window) -> None:
    """Building all ten pages at login froze the new window for half a second at 100,000 cases."""
    assert set(window.built_pages()) == {"dashboard"}
    assert window.ui.navigation.count() == len(window.nav_keys) == 9    # the navigation lists them all
    window.ui.navigation.setCurrentRow(window.nav_keys.index("registry"))
    assert set(window.built_pages()) == {"dashboard", "registry"}
    assert window.current_page() is window.registry is window.pages["registry"]
    wait_tasks(qtbot)
    assert window.registry.model.rowCount() > 0
    window.show_page("dashboard")
    assert window.current_page() is window.dashboard and set(window.built_pages()) == {"dashboard", "registry"}


def test_the_lock_dialog_checks_the_password_off_the_gui_thread(qtbot, window, monkeypatch) -> None:
    release, calls = _held(monkeypatch, users, "authenticate")
    window.lock()
    dialog = window.lock_dialog
    type_text(dialog.ui.password, "head1234")
    QTest.keyClick(dialog.ui.password, Qt.Key.Key_Return)
    assert dialog.checking() and not dialog.ui.unlockButton.isEnabled()
    heart = Heartbeat()
    qtbot.wait(200)
    assert len(heart.beats) >= 5 and window.is_locked() and dialog.ui.password.isReadOnly()
    QTest.keyClick(dialog.ui.password, Qt.Key.Key_Return)      # a second Enter starts nothing
    release.set()
    qtbot.waitUntil(lambda: not window.is_locked(), timeout=10000)
    assert window.centralWidget().isVisible() and len(calls) == 1
