"""Mediators as people and the employer on the case, driven as a person would (issue 16 points 2–3,
issue 10 point 14): intake's 单位性质/行业/申请方, picking the mediator by typing, linking a login to
its mediator record, the first-run wizard's first mediator and the dashboard's setup notice.

Screenshots at 1366×768 go to ``HEXIE_SHOTS`` when that variable names a folder.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from hexie_desktop.services import case_queries, registries, users
from hexie_desktop.services.station import init_station
from hexie_desktop.ui.workspace import Workspace
from tests.gui.conftest import activate, focused, make_case, press, settle, type_here, type_text, wait_tasks


def _shot(widget: QWidget, name: str) -> None:
    folder = os.environ.get("HEXIE_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(folder) / f"{name}.png"))


def _alt(key: Qt.Key) -> None:
    QTest.keyClick(focused(), key, Qt.KeyboardModifier.AltModifier)


def _pick_from_popup(qtbot, completer) -> None:
    popup = completer.popup()
    qtbot.waitUntil(popup.isVisible, timeout=10000)
    QTest.keyClick(popup, Qt.Key.Key_Down)
    QTest.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not popup.isVisible(), timeout=10000)


def test_intake_asks_employer_type_industry_and_who_applied(qtbot, window, workspace) -> None:
    """A new employer typed at intake with its 单位性质 and 行业 (chosen by keyboard, 行业 by typing part
    of its name): the case keeps them as registered, so the official report counts it."""
    window.resize(1366, 768)
    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    intake = window.intake
    ui = intake.ui
    _alt(Qt.Key.Key_W)                                        # 申请方
    assert focused() is ui.applicantSide
    press(Qt.Key.Key_Down)                                    # 用人单位申请
    assert ui.applicantSide.currentData() == "employer"
    assert ui.respondentGroup.title() == "申请人（用人单位）" and ui.applicantsGroup.title() == "被申请人（劳动者）"
    assert "用人单位列为申请人" in ui.applicantSideHint.text()
    press(Qt.Key.Key_Tab)                                     # 姓名
    type_here("欧阳娜娜")
    press(Qt.Key.Key_Return)
    assert ui.applicantsTable.rowCount() == 1
    _alt(Qt.Key.Key_R)                                        # 单位名称
    type_here("东坝新开五金有限公司")
    _alt(Qt.Key.Key_T)                                        # 单位性质
    assert focused() is ui.employerType
    press(Qt.Key.Key_Down)                                    # 国有企业
    press(Qt.Key.Key_Down)                                    # 民营企业
    assert ui.employerType.currentText() == "民营企业"
    _alt(Qt.Key.Key_I)                                        # 行业: type part of the name
    assert focused() is ui.industry
    type_here("制造")
    _pick_from_popup(qtbot, ui.industry.completer())
    assert ui.industry.currentText() == "C 制造业"
    activate(window)
    _alt(Qt.Key.Key_L)                                        # 请求类别
    press(Qt.Key.Key_Down)
    press(Qt.Key.Key_Tab)
    type_here("3000")
    press(Qt.Key.Key_Return)
    _shot(window, "intake-employer-applicant")
    QTest.keyClick(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    settle()
    assert "已登记" in window.statusBar().currentMessage(), ui.errorLabel.text()
    case = case_queries.show(workspace.ctx, intake.last_number)
    assert (case["employer_type"], case["industry"], case["applicant_side"]) == ("private", "C", "employer")
    assert ui.applicantSide.currentData() == "worker" and ui.respondentGroup.title() == "被申请人（用人单位）"
    assert ui.employerType.currentIndex() == 0 and ui.industry.currentIndex() == 0
    wait_tasks(qtbot)


def test_intake_refuses_an_industry_that_is_no_code(qtbot, window, workspace) -> None:
    """Typed text that names no 行业 is refused by the service and the box is marked (nothing saved)."""
    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    ui = window.intake.ui
    type_text(ui.name, "张三")
    QTest.keyClick(ui.name, Qt.Key.Key_Return)
    type_text(ui.respondentName, "某某公司")
    type_text(ui.industry.lineEdit(), "外星产业")
    ui.claimCategory.setCurrentIndex(1)
    assert not window.intake.save()
    assert ui.industry.property("invalid") and "行业" in ui.errorLabel.text()
    wait_tasks(qtbot)


def test_accept_picks_the_mediator_by_typing_and_refuses_none(qtbot, window, workspace, login) -> None:
    """指定调解员 completes from the register; leaving it empty is refused with the reason (case unchanged)."""
    admin = login("admin")
    registries.save_record(admin.ctx, "mediators", {"name": "欧阳调解", "employment_mode": "full_time",
                                                    "status": "active"})
    number = make_case(workspace)
    window.workspace.open_case.emit(number)
    detail = window.detail
    dialog = detail.start_action("accept")
    activate(dialog)
    combo = dialog.builder.widget("mediator")
    assert combo.currentText() == ""                          # the head is not a mediator: nothing preset
    dialog.ui.buttonBox.accepted.emit()
    settle()
    assert dialog.isVisible() and "受理须指定调解员" in dialog.ui.errorLabel.text()
    assert case_queries.show(workspace.ctx, number)["state"] == "registered"
    combo.setFocus()
    type_here("欧阳")
    _pick_from_popup(qtbot, combo.completer())
    assert combo.currentText() == "欧阳调解"
    _shot(dialog, "accept-mediator")
    activate(dialog)
    dialog.ui.buttonBox.accepted.emit()
    settle()
    shown = case_queries.show(workspace.ctx, number)
    assert shown["state"] == "accepted" and shown["mediator"]["name"] == "欧阳调解"
    wait_tasks(qtbot)


def test_linked_mediator_is_preset_when_accepting(qtbot, login) -> None:
    """A mediator's own login (linked in 用户) accepts as that mediator without choosing."""
    from hexie_desktop.ui.main_window import MainWindow

    mediator = login("mediator")
    own = users.own_mediator_id(mediator.ctx)
    head = login("head")
    number = make_case(head)
    win = MainWindow(head)
    qtbot.addWidget(win)
    win.workspace.open_case.emit(number)
    dialog = win.detail.start_action("accept")
    assert dialog.builder.value("mediator") is None
    win2 = MainWindow(login("admin"))
    qtbot.addWidget(win2)
    win2.workspace.open_case.emit(number)
    admin_dialog = win2.detail.start_action("accept")
    assert admin_dialog.builder.value("mediator") == users.own_mediator_id(win2.workspace.ctx) != own
    wait_tasks(qtbot)


def test_users_screen_links_a_login_to_its_mediator_record(qtbot, login) -> None:
    """用户 › 关联调解员: choose the record by typing its name; the table shows the link."""
    from hexie_desktop.ui.screens.users.screen import UsersScreen

    admin = login("admin")
    registries.save_record(admin.ctx, "mediators", {"name": "欧阳调解", "employment_mode": "full_time",
                                                    "status": "active"})
    screen = UsersScreen(admin)
    qtbot.addWidget(screen)
    screen.resize(1366, 700)
    activate(screen)
    clerk_row = next(i for i, r in enumerate(screen.model.records()) if r["username"] == "clerk")
    screen.ui.table.selectRow(clerk_row)
    dialog = screen.link_mediator()
    activate(dialog)
    combo = dialog.builder.widget("mediator")
    combo.setFocus()
    type_here("欧阳")
    _pick_from_popup(qtbot, combo.completer())
    _shot(dialog, "users-link-mediator")
    activate(dialog)
    dialog.ui.buttonBox.accepted.emit()
    settle()
    linked = {u.username: u.mediator_name for u in users.list_users(admin.ctx)}
    assert linked["clerk"] == "欧阳调解"
    assert screen.model.record(clerk_row)["mediator_name"] == "欧阳调解"
    screen.ui.table.selectRow(next(i for i, r in enumerate(screen.model.records()) if r["username"] == "head"))
    dialog = screen.link_mediator()
    dialog.builder.widget("mediator").setCurrentText("欧阳调解")
    dialog.ui.buttonBox.accepted.emit()
    settle()
    assert dialog.isVisible() and "已关联用户“clerk”" in dialog.ui.errorLabel.text()
    _shot(screen, "users")
    wait_tasks(qtbot)


def test_first_run_adds_the_first_mediator(qtbot, tmp_path: Path) -> None:
    """The wizard asks for the first mediator (optional) and can link the admin to it."""
    from hexie_desktop.ui.screens.first_run import FirstRunDialog

    dialog = FirstRunDialog(tmp_path / "new", None)
    qtbot.addWidget(dialog)
    activate(dialog)
    ui = dialog.ui
    type_text(ui.unitCode, "330106002")
    type_text(ui.unitName, "某某镇劳动人事争议调解中心")
    type_text(ui.password, "secret99")
    type_text(ui.password2, "secret99")
    ui.mediatorName.setFocus()
    type_here("王调解")
    press(Qt.Key.Key_Tab)
    assert focused() is ui.adminIsMediator
    press(Qt.Key.Key_Space)
    _shot(dialog, "first-run")
    ui.buttonBox.accepted.emit()
    settle()
    qtbot.waitUntil(lambda: dialog.station is not None, timeout=20000)
    station = dialog.station
    ctx = station.context(users.actor_for(station.db, "admin"))
    assert [r["name"] for r in registries.list_records(ctx, "mediators")] == ["王调解"]
    assert users.list_users(ctx)[0].mediator_name == "王调解"
    station.db.dispose()


def test_dashboard_says_no_mediator_is_registered(qtbot, tmp_path: Path) -> None:
    """A station whose wizard skipped the mediator: the dashboard says so and how to add one."""
    from hexie_desktop.ui.main_window import MainWindow

    station = init_station(data_dir=tmp_path / "bare", db_url=None, role="township", unit_code="110105001",
                           unit_name="东坝镇劳动人事争议调解中心", short_name="东坝", admin="admin",
                           password="secret99")
    workspace = Workspace(station, users.authenticate(station.db, "admin", "secret99"))
    win = MainWindow(workspace)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    activate(win)
    win.show_page("dashboard")
    board = win.dashboard
    qtbot.waitUntil(lambda: board.setupLabel.isVisible(), timeout=10000)
    assert "调解员名册中还没有调解员" in board.setupLabel.text() and "名册台账 › 调解员" in board.setupLabel.text()
    _shot(win, "dashboard-no-mediator")
    wait_tasks(qtbot)
    station.db.dispose()
