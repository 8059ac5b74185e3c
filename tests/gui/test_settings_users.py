"""Settings and users screens."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from hexie_desktop.services import users
from hexie_desktop.ui.main_window import MainWindow
from hexie_desktop.ui.models import queries
from tests.gui.conftest import settle, type_text, wait_tasks


def _ok(dialog) -> None:
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    settle()


def test_admin_changes_settings(qtbot, login) -> None:
    admin = login("admin")
    win = MainWindow(admin)
    qtbot.addWidget(win)
    win.show_page("settings")
    screen = win.settings
    builder = screen.builder
    type_text(builder.widget("station.arbitration_commission"), "某区劳动人事争议仲裁委员会")
    builder.widget("deadlines.follow_up_days").setValue(10)
    builder.widget("security.idle_lock_minutes").setValue(15)
    assert screen.save()
    settle()
    stored = queries.station_settings(admin.ctx)
    assert stored["station.arbitration_commission"] == "某区劳动人事争议仲裁委员会"
    assert stored["deadlines"]["follow_up_days"] == 10
    assert stored["security.idle_lock_minutes"] == 15
    assert "已保存3项" in screen.ui.errorLabel.text()
    builder.widget("numbering.case_pattern").setText("没有序号")
    assert screen.save()                                        # starts; the service refuses
    settle()
    assert screen.ui.errorLabel.text()
    wait_tasks(qtbot)


def test_admin_corrects_the_station_name_but_not_its_code(qtbot, login) -> None:
    """Issue 16 #1: a typo in the unit name (printed on every seal line) can be corrected, audited."""
    admin = login("admin")
    win = MainWindow(admin)
    qtbot.addWidget(win)
    win.show_page("settings")
    screen = win.settings
    name = screen.builder.widget("station.unit_name")
    code = admin.station.info.unit_code
    name.clear()
    type_text(name, "东坝镇劳动人事争议调解中心（更正）")
    type_text(screen.builder.widget("station.address"), "东坝路1号")
    assert screen.save()
    settle()
    assert admin.station.info.unit_name == "东坝镇劳动人事争议调解中心（更正）"
    assert "（更正）" in win.windowTitle() and "（更正）" in win.station_label.text()
    assert admin.station.info.unit_code == code
    assert "单位代码" in screen.ui.stationLabel.text() and "不能修改" in screen.ui.stationLabel.text()
    name.clear()
    assert screen.save()                                       # starts; a name is required
    settle()
    assert "不能为空" in screen.ui.errorLabel.text()
    assert admin.station.info.unit_name.endswith("（更正）")
    wait_tasks(qtbot)


def test_head_cannot_change_settings(window) -> None:
    window.show_page("settings")
    assert not window.settings.ui.saveButton.isEnabled()
    assert "只有管理员" in window.settings.ui.errorLabel.text()


def test_admin_adds_a_user_and_resets_a_password(qtbot, login, station) -> None:
    admin = login("admin")
    win = MainWindow(admin)
    qtbot.addWidget(win)
    win.show_page("users")
    screen = win.users
    before = screen.model.rowCount()
    dialog = screen.new_user()
    type_text(dialog.builder.widget("username"), "xiaozhou")
    type_text(dialog.builder.widget("display_name"), "周小周")
    dialog.builder.widget("role").setCurrentIndex(dialog.builder.widget("role").findData("mediator"))
    type_text(dialog.builder.widget("password"), "zhou1234")
    type_text(dialog.builder.widget("password2"), "zhou12345")
    _ok(dialog)
    assert "不一致" in dialog.ui.errorLabel.text()
    dialog.builder.widget("password2").clear()
    type_text(dialog.builder.widget("password2"), "zhou1234")
    _ok(dialog)
    assert screen.model.rowCount() == before + 1
    assert users.authenticate(station.db, "xiaozhou", "zhou1234").role == "mediator"
    row = [r["username"] for r in screen.model.records()].index("xiaozhou")
    screen.ui.table.selectRow(row)
    dialog = screen.reset_password()
    type_text(dialog.builder.widget("new_password"), "newpass1")
    type_text(dialog.builder.widget("new_password2"), "newpass1")
    _ok(dialog)
    assert users.authenticate(station.db, "xiaozhou", "newpass1").username == "xiaozhou"
    screen.ui.table.selectRow(row)
    screen.ui.toggleButton.click()
    settle()
    assert screen.model.record(row)["active"] is False
    wait_tasks(qtbot)


def test_everyone_changes_their_own_password(qtbot, window, station) -> None:
    window.show_page("users")
    screen = window.users
    assert not screen.ui.newButton.isEnabled()
    dialog = screen.own_password()
    type_text(dialog.builder.widget("old_password"), "wrong-old")
    type_text(dialog.builder.widget("new_password"), "head9999")
    type_text(dialog.builder.widget("new_password2"), "head9999")
    _ok(dialog)
    assert "原密码不正确" in dialog.ui.errorLabel.text()
    dialog.builder.widget("old_password").clear()
    type_text(dialog.builder.widget("old_password"), "head1234")
    _ok(dialog)
    assert not dialog.isVisible()
    assert users.authenticate(station.db, "head", "head9999").username == "head"
