"""Unexpected errors in the window: a message box naming the log file; the log has the traceback, no
personal data.  Everyday faults (a full disk) get their plain-words box."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from hexie_desktop import log
from hexie_desktop.ui import ops
from tests.gui.conftest import message_boxes, wait_tasks

NAME, ID_NUMBER, PHONE = "欧阳测试", "110105199005177777", "13900001111"


@pytest.fixture
def log_file(tmp_path: Path):
    path = log.configure(tmp_path / "station")
    yield path
    log.configure(None)


def _owner(qtbot) -> QWidget:
    owner = QWidget()
    qtbot.addWidget(owner)
    owner.show()
    return owner


def test_unexpected_error_shows_the_log_path_and_logs_no_personal_data(qtbot, log_file) -> None:
    owner = _owner(qtbot)

    def save_case() -> None:
        try:
            {}[f"{NAME} {ID_NUMBER}"]
        except KeyError as inner:
            raise RuntimeError(f"保存 {NAME} {PHONE} 失败") from inner

    ops.run(owner, save_case)
    wait_tasks(qtbot)
    boxes = message_boxes()
    assert boxes and boxes[0].icon() == QMessageBox.Icon.Critical
    text = boxes[0].text()
    assert str(log_file) in text and "RuntimeError" in text
    assert NAME not in text and PHONE not in text
    logged = log_file.read_text(encoding="utf-8")
    assert "RuntimeError" in logged and "KeyError" in logged and "save_case" in logged
    for secret in (NAME, ID_NUMBER, PHONE):
        assert secret not in logged


def test_last_resort_hook_shows_a_box_naming_the_log(qtbot, log_file) -> None:
    from hexie_desktop.ui.startup import _show_unexpected

    _owner(qtbot)
    try:
        raise ZeroDivisionError(NAME)
    except ZeroDivisionError as exc:
        _show_unexpected(type(exc), exc, exc.__traceback__)
    boxes = message_boxes()
    assert boxes and str(log_file) in boxes[0].text()
    assert "ZeroDivisionError" in log_file.read_text(encoding="utf-8")
    assert NAME not in log_file.read_text(encoding="utf-8")


def test_full_disk_gets_a_plain_words_box(qtbot, log_file) -> None:
    owner = _owner(qtbot)

    def write_pdf() -> None:
        raise OSError(errno.ENOSPC, "No space left on device", "/media/usb/申请书.pdf")

    ops.run(owner, write_pdf)
    wait_tasks(qtbot)
    boxes = message_boxes()
    assert boxes and boxes[0].icon() == QMessageBox.Icon.Warning
    assert boxes[0].windowTitle() == "无法读写文件或数据库"
    assert "磁盘空间已满" in boxes[0].text() and "/media/usb/申请书.pdf" in boxes[0].text()
    assert "OSError [ENOSPC]" in log_file.read_text(encoding="utf-8")
