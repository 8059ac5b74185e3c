"""GUI writes: off the GUI thread, busy while running, refused without change, and announced once.

Issue 11 point 5 (the model is Anki's ``CollectionOp``): every write goes through
``ui/write_op.py``; the screens refresh from the one ``Workspace.changed`` signal, and only when the
changes touch what they show.
"""

from __future__ import annotations

import threading
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from sqlalchemy import func, select

from hexie_desktop.core import ids
from hexie_desktop.core.changes import USERS, Changes
from hexie_desktop.services import case_actions, cases, registries, users
from hexie_desktop.services.cases import CaseFilter, count_cases
from hexie_desktop.storage.models import AuditEntry
from hexie_desktop.ui import write_op
from hexie_desktop.ui.main_window import MainWindow
from tests.gui.conftest import make_case, message_boxes, settle, wait_tasks


def _audits(station: Any) -> int:
    with station.db.read() as session:
        return session.execute(select(func.count()).select_from(AuditEntry)).scalar_one()


def _fill_intake(intake: Any, name: str = "上官婉儿") -> None:
    intake.applicants.add_lines(f"{name}\t\n")
    intake.ui.respondentName.setText("测试街道示例制造有限公司")
    intake.ui.claimAmount.setText("100")
    intake.claims.add_from_entry()
    intake.ui.facts.setPlainText("拖欠工资")


def _spy_threads(monkeypatch: Any, module: Any, name: str) -> list[bool]:
    """Wrap ``module.name`` so each call records whether it ran on the GUI (main) thread."""
    real = getattr(module, name)
    on_gui_thread: list[bool] = []

    def spy(*args: Any, **kwargs: Any) -> Any:
        on_gui_thread.append(threading.current_thread() is threading.main_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, spy)
    return on_gui_thread


def test_intake_action_and_registry_writes_run_off_the_gui_thread(qtbot, window, workspace, monkeypatch) -> None:
    registered = _spy_threads(monkeypatch, cases, "register")
    applied = _spy_threads(monkeypatch, case_actions, "apply")
    saved = _spy_threads(monkeypatch, registries, "save_record")
    window.show_page("intake")
    _fill_intake(window.intake)
    assert window.intake.save()
    settle()
    number = window.intake.last_number
    assert registered == [False] and number
    window.workspace.open_case.emit(number)
    dialog = window.detail.start_action("reject")
    dialog.builder.widget("reason").setCurrentIndex(dialog.builder.widget("reason").findData("other"))
    dialog.builder.set_value("note", "已向法院起诉")
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    settle()
    assert applied == [False] and window.detail.case["state"] == "rejected"
    window.show_page("registry")
    screen = window.registry
    screen.ui.kinds.setCurrentRow(list(registries.KINDS).index("mediators"))
    wait_tasks(qtbot)
    dialog = screen.new_record()
    dialog.builder.set_value("name", "司马调解")
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    settle()
    assert saved == [False] and not dialog.isVisible()


def test_busy_while_saving_and_a_second_save_does_nothing(qtbot, window, workspace, monkeypatch) -> None:
    release = threading.Event()
    calls: list[int] = []
    real = cases.register

    def slow(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        assert release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(cases, "register", slow)
    before = count_cases(workspace.ctx, CaseFilter())
    window.show_page("intake")
    intake = window.intake
    _fill_intake(intake)
    assert intake.save()
    qtbot.waitUntil(lambda: calls == [1])
    assert not intake.ui.saveButton.isEnabled()                       # busy: no second click
    assert QGuiApplication.overrideCursor() is not None
    assert QGuiApplication.overrideCursor().shape() == Qt.CursorShape.WaitCursor
    assert write_op.writing(intake)
    assert intake.save() is False                                     # Ctrl+S again: nothing happens
    release.set()
    settle()
    assert calls == [1]
    assert count_cases(workspace.ctx, CaseFilter()) == before + 1     # saved once
    assert intake.ui.saveButton.isEnabled() and not write_op.writing(intake)
    assert QGuiApplication.overrideCursor() is None


def test_a_refused_write_shows_the_reason_and_changes_nothing(qtbot, login, station) -> None:
    admin = login("admin")
    win = MainWindow(admin)
    qtbot.addWidget(win)
    win.show()
    win.show_page("users")
    screen = win.users
    announced: list[Changes] = []
    admin.changed.connect(announced.append)
    row = [r["username"] for r in screen.model.records()].index("admin")
    screen.ui.table.selectRow(row)
    audits = _audits(station)
    screen.ui.toggleButton.click()                                    # disable oneself: refused
    settle()
    boxes = message_boxes()
    assert boxes and boxes[-1].windowTitle() == "不能执行" and "不能停用自己的账户" in boxes[-1].text()
    assert {u.username: u.active for u in users.list_users(admin.ctx)}["admin"] is True
    assert _audits(station) == audits and announced == []             # nothing written, nothing announced
    assert screen.ui.toggleButton.isEnabled()                         # the busy state is over
    assert QGuiApplication.overrideCursor() is None


def test_a_write_refreshes_the_visible_case_list_and_the_hidden_dashboard_when_shown(qtbot, window, workspace) -> None:
    window.show_page("cases")
    wait_tasks(qtbot)
    screen, board = window.cases, window.dashboard
    before = screen.model.rowCount()
    items = len(board.items)
    number = make_case(workspace, received_days_ago=0)
    case_actions_done: list[Any] = []
    write_op.write(window, workspace, case_actions.apply, workspace.ctx, number, "reject",
                   {"reason": "other", "note": "已起诉"}, changes=Changes.case(number),
                   on_done=case_actions_done.append)
    settle()
    wait_tasks(qtbot)
    assert case_actions_done and screen.model.rowCount() == before + 1   # the visible list re-queried
    assert board._stale                                                # hidden: only marked
    window.show_page("dashboard")
    wait_tasks(qtbot)
    assert not board._stale and len(board.items) == items                 # rejected: nothing due


def test_the_registry_reloads_only_for_its_own_register(qtbot, window, workspace, login, monkeypatch) -> None:
    window.show_page("registry")
    screen = window.registry
    screen.ui.kinds.setCurrentRow(list(registries.KINDS).index("mediators"))
    wait_tasks(qtbot)
    reloads: list[int] = []
    real = screen.reload
    monkeypatch.setattr(screen, "reload", lambda: (reloads.append(1), real())[1])
    workspace.announce(Changes.of(USERS))
    workspace.announce(Changes.registry("enterprises"))
    assert reloads == []                                              # not what this page shows
    before = screen.model.rowCount()
    write_op.write(window, workspace, registries.save_record, login("admin").ctx, "mediators",
                   {"name": "东方调解", "employment_mode": "full_time", "status": "active"},
                   changes=Changes.registry("mediators"))
    settle()
    wait_tasks(qtbot)
    assert len(reloads) == 1 and screen.model.rowCount() == before + 1
    window.show_page("dashboard")
    workspace.announce(Changes.registry("mediators"))                 # hidden now: marked, read when shown
    assert len(reloads) == 1
    window.show_page("registry")
    wait_tasks(qtbot)
    assert len(reloads) == 2


def test_the_changes_are_announced_even_when_the_dialog_closed_meanwhile(qtbot, window, workspace,
                                                                         monkeypatch) -> None:
    release = threading.Event()
    real = registries.save_record
    monkeypatch.setattr(registries, "save_record",
                        lambda *a, **k: (release.wait(10), real(*a, **k))[1])
    announced: list[Changes] = []
    workspace.changed.connect(announced.append)
    owner = QWidget()
    task = write_op.write(owner, workspace, registries.save_record, workspace.ctx, "mediators",
                          {"name": "慕容调解", "employment_mode": "full_time", "status": "active"},
                          changes=Changes.registry("mediators"), on_done=lambda _r: announced.append(Changes()))
    assert task is not None
    owner.deleteLater()
    qtbot.wait(20)
    release.set()
    settle()
    assert announced == [Changes.registry("mediators")]               # announced; the gone owner not called
    assert "慕容调解" in [r["name"] for r in registries.list_records(workspace.ctx, "mediators")]
    assert QGuiApplication.overrideCursor() is None


def test_an_identity_check_refusal_keeps_the_registry_dialog_open_with_the_field_marked(qtbot, window) -> None:
    window.show_page("registry")
    screen = window.registry
    screen.ui.kinds.setCurrentRow(list(registries.KINDS).index("mediators"))
    wait_tasks(qtbot)
    before = screen.model.rowCount()
    dialog = screen.new_record()
    dialog.builder.set_value("name", "欧阳错号")
    good = ids.make_resident_id("330106", date(1980, 5, 5), 33)
    dialog.builder.set_value("id_number", good[:-1] + ("0" if good[-1] != "0" else "1"))   # wrong check digit
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    settle()
    wait_tasks(qtbot)
    assert dialog.isVisible() and dialog.ui.errorLabel.text()
    assert dialog.ui.buttonBox.isEnabled()                            # may correct and submit again
    assert screen.model.rowCount() == before
