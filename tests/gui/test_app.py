"""Start-up: demo station, first run, login, the window's size and status bar."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from hexie_desktop.services import users
from hexie_desktop.services.demo import station as demo_station
from hexie_desktop.ui.main_window import MainWindow
from hexie_desktop.ui.startup import Launcher
from tests.gui.conftest import activate, focused, press, type_here, type_text, wait_tasks


def test_prepare_demo_creates_station_and_head_user_once(tmp_path: Path) -> None:
    station, actor = demo_station.prepare_demo(tmp_path / "demo", cases=12)
    assert (actor.username, actor.role) == ("demo", "head")
    station.db.dispose()
    again, actor2 = demo_station.prepare_demo(tmp_path / "demo", cases=12)
    admin = again.context(users.actor_for(again.db, "admin"))
    names = [u.username for u in users.list_users(admin)]
    assert names.count("demo") == 1 and actor2.username == "demo"
    again.db.dispose()


def test_launcher_demo_opens_the_window_logged_in(qtbot, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(demo_station, "DEMO_CASES", 20)
    launcher = Launcher(tmp_path / "demo", None, demo=True)
    with qtbot.waitSignal(launcher.ready, timeout=20000) as blocker:
        launcher.start()
    window = blocker.args[0]
    qtbot.addWidget(window)
    assert window.workspace.actor.username == "demo"
    assert "演示街道劳动人事争议调解中心" in window.station_label.text()
    assert "演示用户" in window.user_label.text()
    wait_tasks(qtbot)
    launcher.close()


def test_first_run_then_login(qtbot, tmp_path: Path) -> None:
    launcher = Launcher(tmp_path / "new", None, demo=False)
    launcher.start()
    dialog = launcher.dialog
    qtbot.addWidget(dialog)
    activate(dialog)
    ui = dialog.ui
    ui.unitCode.setFocus()
    type_here("330106002")
    press(Qt.Key.Key_Tab)
    type_here("某某镇劳动人事争议调解中心")
    press(Qt.Key.Key_Tab)
    type_here("某某镇")
    type_text(ui.adminName, "赵管理")
    type_text(ui.password, "secret99")
    type_text(ui.password2, "secret98")
    ui.buttonBox.accepted.emit()
    assert "不一致" in ui.errorLabel.text()
    ui.password2.clear()
    type_text(ui.password2, "secret99")
    ui.buttonBox.accepted.emit()
    qtbot.waitUntil(lambda: launcher.station is not None and launcher.dialog is not dialog, timeout=10000)
    login = launcher.dialog
    qtbot.addWidget(login)
    assert login.ui.username.text() == "admin"
    type_text(login.ui.password, "secret99")
    with qtbot.waitSignal(launcher.ready) as blocker:
        login.ui.buttonBox.accepted.emit()
    window = blocker.args[0]
    qtbot.addWidget(window)
    assert window.workspace.actor.role == "admin"
    assert "某某镇劳动人事争议调解中心" in window.windowTitle()
    wait_tasks(qtbot)
    launcher.close()


def test_login_wrong_password_then_lock_out(qtbot, station) -> None:
    from hexie_desktop.ui.screens.login import LoginDialog

    dialog = LoginDialog(station)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.ui.username, "clerk")

    def enter(password: str) -> None:
        dialog.ui.password.clear()
        type_text(dialog.ui.password, password)
        QTest.keyClick(dialog.ui.password, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not dialog.checking())

    for attempt in range(4):
        enter("wrong-pw")
        assert "用户名或密码错误" in dialog.ui.errorLabel.text()
        assert f"再错{4 - attempt}次" in dialog.ui.errorLabel.text()
        assert dialog.ui.password.hasFocus() and dialog.ui.password.selectedText() == "wrong-pw"
    enter("wrong-pw")
    assert "已锁定10分钟" in dialog.ui.errorLabel.text()
    enter("clerk123")
    assert "账户已锁定" in dialog.ui.errorLabel.text()
    assert dialog.actor is None and dialog.isVisible()


def test_login_succeeds_with_enter(qtbot, station) -> None:
    from hexie_desktop.ui.screens.login import LoginDialog

    dialog = LoginDialog(station)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.ui.username, "head")
    type_text(dialog.ui.password, "head1234")
    with qtbot.waitSignal(dialog.logged_in):
        QTest.keyClick(dialog.ui.password, Qt.Key.Key_Return)
    assert dialog.actor.display_name == "王主任"


def test_window_fits_1366x768_and_shows_station_and_user(window: MainWindow) -> None:
    assert window.width() <= 1366 and window.height() <= 768
    assert window.minimumWidth() <= 1366 and window.minimumHeight() <= 768
    assert "测试街道" in window.station_label.text()
    assert "王主任" in window.user_label.text() and "负责人" in window.user_label.text()


def test_navigation_by_keyboard(qtbot, window: MainWindow) -> None:
    for n, key in enumerate(window.nav_keys, start=1):
        QTest.keyClick(window, Qt.Key(Qt.Key.Key_0 + n), Qt.KeyboardModifier.ControlModifier)
        assert window.current_page() is window.pages[key]
    focused()


def test_idle_lock_hides_data_and_unlocks_with_password(qtbot, window: MainWindow) -> None:
    window.idle.set_interval_ms(50)
    qtbot.waitUntil(window.is_locked, timeout=3000)
    assert not window.centralWidget().isVisible()
    dialog = window.lock_dialog
    assert "分钟无操作，已锁定" in dialog.ui.messageLabel.text()
    type_text(dialog.ui.password, "not-it")
    dialog.ui.unlockButton.click()
    assert dialog.checking() and dialog.ui.unlockButton.text() == "正在验证……"   # off the GUI thread
    qtbot.waitUntil(lambda: not dialog.checking(), timeout=10000)
    assert "密码错误" in dialog.ui.errorLabel.text() and dialog.ui.unlockButton.isEnabled()
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert window.is_locked()
    window.idle.set_interval_ms(0)
    type_text(dialog.ui.password, "head1234")
    QTest.keyClick(dialog.ui.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.is_locked(), timeout=10000)
    assert window.centralWidget().isVisible()


def test_first_run_names_the_wrong_field(qtbot, tmp_path: Path) -> None:
    from hexie_desktop.ui.screens.first_run import FirstRunDialog

    dialog = FirstRunDialog(tmp_path / "new", None)
    qtbot.addWidget(dialog)
    activate(dialog)
    type_text(dialog.ui.unitCode, "12345")
    type_text(dialog.ui.unitName, "某镇调解中心")
    type_text(dialog.ui.password, "secret99")
    type_text(dialog.ui.password2, "secret99")
    QTest.keyClick(dialog.ui.password2, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.ui.buttonBox.isEnabled(), timeout=5000)
    assert "单位代码应为6、9或12位数字" in dialog.ui.errorLabel.text()
    assert focused() is dialog.ui.unitCode
    assert not (tmp_path / "new" / "hexie.sqlite3").exists() or dialog.station is None



def test_second_window_on_the_same_station_is_refused(qtbot, tmp_path):
    from hexie_desktop.services.station import init_station
    from hexie_desktop.storage.lock import StationLock
    from hexie_desktop.ui import startup
    from tests.gui.conftest import message_boxes

    root = tmp_path / "locked"
    init_station(data_dir=root, db_url=None, role="township", unit_code="110105001", unit_name="东坝镇调解中心",
                 short_name="东坝", admin="admin", password="secret123")
    held = StationLock(root / "hexie.lock").acquire()
    launcher = startup.Launcher(root, None, False)
    codes = []
    launcher.finished.connect(codes.append)
    launcher.start()
    qtbot.waitUntil(lambda: bool(message_boxes()), timeout=5000)
    box = message_boxes()[0]
    assert "另一个程序窗口" in box.text() + box.informativeText()
    box.accept()
    qtbot.waitUntil(lambda: codes == [1], timeout=5000)
    assert launcher.station is None
    held.release()
    launcher.close()


def test_gui_suite_runs_offscreen(qapp) -> None:
    """The GUI tests never need a display: CI and developers run them on the offscreen platform."""
    assert qapp.platformName() == "offscreen"


def test_login_dialog_shows_while_the_station_opens(qtbot, tmp_path):
    """Start-up on an existing station: the dialog is there at once, the station opens behind it."""
    from PySide6.QtWidgets import QDialogButtonBox

    from hexie_desktop.services.station import init_station
    from hexie_desktop.ui.screens.login import LoginDialog

    root = tmp_path / "quick"
    init_station(data_dir=root, db_url=None, role="township", unit_code="110105001", unit_name="东坝镇调解中心",
                 short_name="东坝", admin="admin", password="secret123").db.dispose()
    launcher = Launcher(root, None, False)
    launcher.start()
    dialog = launcher.dialog
    qtbot.addWidget(dialog)
    assert isinstance(dialog, LoginDialog) and dialog.isVisible()
    ok = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
    if dialog.station is None:           # still opening: typing works, logging in waits
        assert "正在打开" in dialog.ui.stationLabel.text() and not ok.isEnabled()
    qtbot.waitUntil(lambda: dialog.station is not None, timeout=10000)  # opening starts once it is painted
    assert dialog.station is not None and ok.isEnabled() and "东坝镇调解中心" in dialog.ui.stationLabel.text()
    type_text(dialog.ui.username, "admin")
    type_text(dialog.ui.password, "secret123")
    with qtbot.waitSignal(launcher.ready) as blocker:
        ok.click()
    window = blocker.args[0]
    qtbot.addWidget(window)
    assert window.workspace.actor.username == "admin"
    wait_tasks(qtbot)
    launcher.close()
