"""The restore wizard at start on a damaged or missing station file, and 备份与恢复 in the menu."""

from __future__ import annotations

import hashlib
import shutil
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from hexie_desktop.paths import StationPaths
from hexie_desktop.services.backup import auto_backup
from hexie_desktop.ui.screens.login import LoginDialog
from hexie_desktop.ui.screens.restore import RestoreDialog
from hexie_desktop.ui.startup import Launcher
from tests.conftest import ADMIN
from tests.gui.conftest import activate, make_case, message_boxes, type_text, wait_tasks


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _station_with_backup(template: Path, tmp_path: Path) -> StationPaths:
    root = tmp_path / "station"
    shutil.copytree(template, root)
    paths = StationPaths(root)
    assert auto_backup(paths.database, paths.backups, now=datetime(2026, 11, 20, 9, 0)) is not None
    return paths


def _start(qtbot, root: Path) -> tuple[Launcher, list[int]]:
    launcher = Launcher(root, None, False)
    codes: list[int] = []
    launcher.finished.connect(codes.append)
    launcher.start()
    return launcher, codes


def test_damaged_file_at_start_opens_the_restore_wizard_then_the_login(qtbot, station_template, tmp_path):
    paths = _station_with_backup(station_template, tmp_path)
    data = paths.database.read_bytes()
    paths.database.write_bytes(data[:len(data) // 2])
    digest = _sha(paths.database)
    launcher, codes = _start(qtbot, paths.root)
    # The check runs behind the login dialog, off the GUI thread; on damage the wizard replaces it.
    qtbot.waitUntil(lambda: isinstance(launcher.dialog, RestoreDialog), timeout=10000)
    dialog = launcher.dialog
    qtbot.addWidget(dialog)
    activate(dialog)
    wait_tasks(qtbot)
    problem = dialog.ui.problemLabel.text()
    assert "已损坏" in problem and "2026-11-20 09:00" in problem and "40件案件" in problem
    assert _sha(paths.database) == digest, "nothing is written before the person decides"
    table = dialog.ui.backupTable
    assert table.rowCount() == 1 and table.item(0, 3).text() == "40" and table.item(0, 4).text() == "可用"
    assert dialog.ui.username.text() == ADMIN[0]
    type_text(dialog.ui.password, "wrong-pw")
    dialog.ui.restoreButton.click()
    wait_tasks(qtbot)
    assert "备份中保存的管理员密码" in dialog.ui.errorLabel.text()
    assert _sha(paths.database) == digest
    dialog.ui.password.clear()
    type_text(dialog.ui.password, ADMIN[1])
    QTest.keyClick(dialog.ui.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(launcher.dialog, LoginDialog), timeout=20000)
    assert any("恢复完成" in box.windowTitle() for box in message_boxes())
    aside = [p for p in paths.root.iterdir() if p.name.startswith("damaged-")]
    assert len(aside) == 1 and _sha(aside[0]) == digest
    login = launcher.dialog
    qtbot.addWidget(login)
    type_text(login.ui.username, ADMIN[0])
    type_text(login.ui.password, ADMIN[1])
    with qtbot.waitSignal(launcher.ready, timeout=20000) as blocker:
        login.ui.buttonBox.accepted.emit()
    qtbot.addWidget(blocker.args[0])
    wait_tasks(qtbot)
    assert codes == []
    launcher.close()


def test_deleted_database_with_a_backup_offers_restore_and_cancel_ends(qtbot, station_template, tmp_path):
    paths = _station_with_backup(station_template, tmp_path)
    paths.database.unlink()
    launcher, codes = _start(qtbot, paths.root)
    dialog = launcher.dialog
    assert isinstance(dialog, RestoreDialog), "a deleted database with backups is not a new station"
    qtbot.addWidget(dialog)
    wait_tasks(qtbot)
    assert "不见了" in dialog.ui.problemLabel.text()
    dialog.ui.closeButton.click()
    assert codes == [0] and not paths.database.exists()
    launcher.close()


def test_damaged_file_without_backup_shows_one_box_then_the_program_ends(qtbot, tmp_path):
    root = tmp_path / "station"
    root.mkdir()
    (root / "hexie.sqlite3").write_bytes(b"not a database at all" * 50)
    launcher, codes = _start(qtbot, root)
    qtbot.waitUntil(lambda: bool(message_boxes()), timeout=5000)
    box = message_boxes()[0]
    assert "已损坏" in box.text() and "\n" not in box.text()
    box.accept()
    qtbot.waitUntil(lambda: codes == [1], timeout=5000)
    launcher.close()


def test_an_unexpected_error_at_start_ends_after_the_box(qtbot, tmp_path, monkeypatch):
    from hexie_desktop.services import station as station_service

    root = tmp_path / "station"
    root.mkdir()
    (root / "hexie.sqlite3").write_bytes(b"")

    def boom(*_args, **_kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(station_service, "check_before_opening", boom)
    launcher, codes = _start(qtbot, root)
    qtbot.waitUntil(lambda: bool(message_boxes()), timeout=5000)
    message_boxes()[0].accept()
    qtbot.waitUntil(lambda: codes == [1], timeout=5000)
    launcher.close()
    assert not launcher.lock.held


def test_menu_backup_now_then_restore_the_chosen_backup(qtbot, window):
    workspace = window.workspace
    window.open_backups()
    dialog = window.dialog
    assert isinstance(dialog, RestoreDialog)
    wait_tasks(qtbot)
    assert dialog.ui.backupTable.rowCount() == 0 and "没有可用的备份" in dialog.ui.lacksLabel.text()
    assert dialog.ui.backupButton.isVisible() and dialog.ui.backupButton.isEnabled()
    dialog.ui.backupButton.click()
    wait_tasks(qtbot)
    qtbot.waitUntil(lambda: dialog.ui.backupTable.rowCount() == 1, timeout=10000)
    assert dialog.ui.backupTable.item(0, 1).text() == "手动" and dialog.ui.backupTable.item(0, 3).text() == "40"
    number = make_case(workspace)
    dialog.ui.backupTable.clearSelection()
    dialog.ui.backupTable.selectRow(0)
    assert number in dialog.ui.lacksLabel.text()
    type_text(dialog.ui.password, ADMIN[1])
    with qtbot.waitSignal(window.station_restored, timeout=20000) as blocker:
        dialog.ui.restoreButton.click()
    assert blocker.args[0].lacking == [number]
    assert any(p.name.startswith("hexie-before-restore-") for p in workspace.station.paths.backups.iterdir())


def test_first_run_short_password_creates_nothing_then_succeeds(qtbot, tmp_path):
    from hexie_desktop.ui.screens.first_run import FirstRunDialog

    root = tmp_path / "new"
    dialog = FirstRunDialog(root, None)
    qtbot.addWidget(dialog)
    activate(dialog)
    type_text(dialog.ui.unitCode, "330106002")
    type_text(dialog.ui.unitName, "某某镇劳动人事争议调解中心")
    type_text(dialog.ui.password, "123")
    type_text(dialog.ui.password2, "123")
    dialog.ui.buttonBox.accepted.emit()
    qtbot.waitUntil(lambda: dialog.ui.buttonBox.isEnabled(), timeout=10000)
    assert "密码至少需要6个字符" in dialog.ui.errorLabel.text()
    assert not (root / "hexie.sqlite3").exists()
    for field in (dialog.ui.password, dialog.ui.password2):
        field.clear()
        type_text(field, "secret99")
    with qtbot.waitSignal(dialog.created, timeout=20000):
        dialog.ui.buttonBox.accepted.emit()
    dialog.station.db.dispose()
    assert (root / "hexie.sqlite3").exists()


def test_half_created_station_at_start_opens_the_first_run_again(qtbot, tmp_path):
    from hexie_desktop.storage import migrate
    from hexie_desktop.storage.db import Database, sqlite_url
    from hexie_desktop.ui.screens.first_run import FirstRunDialog

    root = tmp_path / "half"
    root.mkdir()
    db = Database(sqlite_url(root / "hexie.sqlite3"))
    migrate.upgrade(db.engine)  # tables, but the admin was refused (the old first-run bug)
    db.dispose()
    launcher, codes = _start(qtbot, root)
    qtbot.waitUntil(lambda: isinstance(launcher.dialog, FirstRunDialog), timeout=10000)
    assert codes == []
    qtbot.addWidget(launcher.dialog)
    launcher.close()
