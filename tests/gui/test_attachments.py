"""Attachments: the 附件 tab of a case and the photos of the 六规范、五上墙 checklist."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from hexie_desktop.services import attachments, case_queries, registries
from hexie_desktop.ui.screens.attachments import files
from tests.gui.conftest import make_case, message_boxes, settle, township_center_row, type_text, wait_tasks

JPEG = b"\xff\xd8\xff\xe0" + bytes(range(256)) * 12          # 3076 bytes → 3.0 KB
PDF = b"%PDF-1.4\n" + b"\x00\x01\x02\x03" * (384 * 1024)      # 1572873 bytes → 1.5 MB
PNG = b"\x89PNG\r\n\x1a\n" + b"photo" * 200


@pytest.fixture
def opened(monkeypatch) -> list[Path]:
    """The paths handed to the system viewer (nothing really opens)."""
    paths: list[Path] = []
    monkeypatch.setattr(files, "open_path", lambda path: paths.append(Path(path)) or True)
    return paths


@pytest.fixture
def scans(tmp_path: Path) -> list[Path]:
    """A scanned pay slip (JPEG) and a scanned application (PDF)."""
    folder = tmp_path / "扫描"
    folder.mkdir()
    slip, application = folder / "工资条.jpg", folder / "调解申请书.pdf"
    slip.write_bytes(JPEG)
    application.write_bytes(PDF)
    return [slip, application]


def _panel(window, number: str):
    window.workspace.open_case.emit(number)
    detail = window.detail
    assert window.current_page() is detail
    detail.ui.tabs.setCurrentWidget(detail.ui.attachmentsTab)
    return detail, detail.attachments


def _ok(dialog) -> None:
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    settle()


def _add_two(qtbot, panel, scans, monkeypatch) -> None:
    monkeypatch.setattr(files, "choose_files", lambda parent: list(scans))
    panel.ui.addButton.click()
    first = panel.dialog
    assert first.isVisible() and "第 1 个，共 2 个" in first.windowTitle()
    assert first.ui.title.text() == "工资条"                      # the file name by default
    assert first.ui.docType.currentText() == "其他材料"
    assert "3.0 KB" in first.ui.fileLabel.text()
    first.ui.title.clear()
    type_text(first.ui.title, "申请人工资条")
    _ok(first)
    second = panel.dialog
    assert second is not first and "第 2 个，共 2 个" in second.windowTitle()
    second.ui.docType.setCurrentIndex(second.ui.docType.findData("application"))
    second.ui.pages.setValue(3)
    _ok(second)
    wait_tasks(qtbot)


def _rows(panel) -> list[tuple[str, ...]]:
    model = panel.model
    return [tuple(model.index(r, c).data() for c in range(model.columnCount())) for r in range(model.rowCount())]


def test_add_two_scans_through_the_tab(qtbot, window, workspace, scans, monkeypatch, qtmodeltester) -> None:
    number = make_case(workspace)
    detail, panel = _panel(window, number)
    assert panel.count() == 0 and not panel.ui.openButton.isEnabled() and not panel.ui.removeButton.isEnabled()
    assert panel.ui.countLabel.text() == "尚无附件"
    _add_two(qtbot, panel, scans, monkeypatch)
    assert _rows(panel) == [("申请人工资条", "其他材料", "工资条.jpg", "3.0 KB", "1"),
                            ("调解申请书", "调解申请书", "调解申请书.pdf", "1.5 MB", "3")]
    qtmodeltester.check(panel.model)
    assert panel.ui.countLabel.text() == "共 2 件，1.5 MB"
    # the case view was read again: the 卷内目录 and 文书 rules see the new papers
    assert [a["doc_type"] for a in detail.case["attachments"]] == ["other", "application"]
    stored = attachments.list_for_case(workspace.ctx, number)
    assert sorted(a["size"] for a in stored) == [len(JPEG), len(PDF)]
    assert "已添加附件 2 个" in window.statusBar().currentMessage()


def test_open_checks_and_opens_a_copy_under_the_file_name(qtbot, window, workspace, scans, monkeypatch,
                                                          opened) -> None:
    number = make_case(workspace)
    _detail, panel = _panel(window, number)
    _add_two(qtbot, panel, scans, monkeypatch)
    panel.ui.table.selectRow(1)
    assert panel.ui.openButton.isEnabled()
    panel.ui.openButton.click()
    wait_tasks(qtbot)
    assert len(opened) == 1
    assert opened[0].name == "调解申请书.pdf"
    assert opened[0].read_bytes() == PDF
    assert opened[0].stat().st_mode & 0o222 == 0               # read-only: a viewer cannot change the paper
    assert message_boxes() == []
    panel.ui.table.selectRow(0)                                # double-click / Enter opens too
    panel.ui.table.activated.emit(panel.model.index(0, 0))
    wait_tasks(qtbot)
    assert opened[1].name == "工资条.jpg" and opened[1].read_bytes() == JPEG
    opened[0].chmod(0o644)
    opened[0].write_bytes(b"changed in a viewer")
    panel.ui.table.selectRow(1)                                # again: a changed copy is replaced
    panel.ui.openButton.click()
    wait_tasks(qtbot)
    assert opened[2] == opened[0] and opened[2].read_bytes() == PDF and message_boxes() == []
    panel.ui.openButton.click()                                # unchanged: the same copy is reused
    wait_tasks(qtbot)
    assert opened[3] == opened[0] and opened[3].read_bytes() == PDF


def test_a_tampered_file_is_reported_as_damaged(qtbot, window, workspace, scans, monkeypatch, opened) -> None:
    number = make_case(workspace)
    _detail, panel = _panel(window, number)
    _add_two(qtbot, panel, scans, monkeypatch)
    record = panel.model.record(0)
    stored = workspace.station.paths.attachments / record["sha256"][:2] / record["sha256"]
    stored.write_bytes(JPEG[:-1] + b"X")
    panel.ui.table.selectRow(0)
    panel.ui.openButton.click()
    wait_tasks(qtbot)
    assert opened == []
    boxes = message_boxes()
    assert len(boxes) == 1
    assert "附件文件缺失或已损坏：工资条.jpg" in boxes[0].text()
    boxes[0].close()
    stored.unlink()                                            # missing altogether: the same clear words
    panel.ui.openButton.click()
    wait_tasks(qtbot)
    assert opened == [] and "已损坏" in message_boxes()[0].text()


def test_delete_asks_first_and_then_removes(qtbot, window, workspace, scans, monkeypatch) -> None:
    number = make_case(workspace)
    _detail, panel = _panel(window, number)
    _add_two(qtbot, panel, scans, monkeypatch)
    panel.ui.table.selectRow(0)
    panel.ui.removeButton.click()
    box = message_boxes()[0]
    assert "确定从本案删除附件“申请人工资条”吗" in box.text()
    box.button(QMessageBox.StandardButton.No).click()
    assert panel.count() == 2
    panel.ui.table.selectRow(0)
    panel.ui.removeButton.click()
    message_boxes()[0].button(QMessageBox.StandardButton.Yes).click()
    settle()
    assert [r[0] for r in _rows(panel)] == ["调解申请书"]
    assert [a["title"] for a in attachments.list_for_case(workspace.ctx, number)] == ["调解申请书"]
    assert [a["title"] for a in case_queries.show(workspace.ctx, number)["attachments"]] == ["调解申请书"]
    assert panel.ui.countLabel.text() == "共 1 件，1.5 MB"


def test_skip_one_file_and_stop_the_rest(qtbot, window, workspace, scans, tmp_path, monkeypatch) -> None:
    third = tmp_path / "证据.png"
    third.write_bytes(PNG)
    number = make_case(workspace)
    _detail, panel = _panel(window, number)
    monkeypatch.setattr(files, "choose_files", lambda parent: [*scans, third])
    panel.ui.addButton.click()
    panel.dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).click()   # 跳过此文件
    second = panel.dialog
    assert second.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).text() == "跳过此文件"
    _ok(second)
    third_dialog = panel.dialog
    assert third_dialog.stop_button is None                   # the last file: nothing left to stop
    third_dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).click()
    wait_tasks(qtbot)
    assert [r[2] for r in _rows(panel)] == ["调解申请书.pdf"]
    monkeypatch.setattr(files, "choose_files", lambda parent: [*scans, third])
    panel.ui.addButton.click()
    _ok(panel.dialog)
    panel.dialog.stop_button.click()                           # 其余不再添加
    wait_tasks(qtbot)
    assert panel.dialog is None
    assert [r[2] for r in _rows(panel)] == ["调解申请书.pdf", "工资条.jpg"]


def test_cancelled_file_chooser_adds_nothing(qtbot, window, workspace, monkeypatch) -> None:
    number = make_case(workspace)
    _detail, panel = _panel(window, number)
    monkeypatch.setattr(files, "choose_files", lambda parent: [])
    panel.ui.addButton.click()
    wait_tasks(qtbot)
    assert panel.dialog is None and panel.count() == 0


def test_a_file_over_200_mb_is_refused_in_the_dialog(qtbot, window, workspace, tmp_path, monkeypatch) -> None:
    huge = tmp_path / "整卷扫描.pdf"
    with open(huge, "wb") as handle:
        handle.truncate(attachments.MAX_BYTES + 1)             # sparse: no 200 MB written
    number = make_case(workspace)
    _detail, panel = _panel(window, number)
    monkeypatch.setattr(files, "choose_files", lambda parent: [huge])
    panel.ui.addButton.click()
    dialog = panel.dialog
    assert "文件过大" in dialog.ui.errorLabel.text()
    assert not dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    dialog.reject()
    wait_tasks(qtbot)
    assert panel.count() == 0


def test_files_dropped_on_the_tab_are_asked_about(qtbot, window, workspace, scans) -> None:
    number = make_case(workspace)
    _detail, panel = _panel(window, number)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(scans[0]))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    panel.dropEvent(event)
    _ok(panel.dialog)
    wait_tasks(qtbot)
    assert [r[2] for r in _rows(panel)] == ["工资条.jpg"]


def test_size_in_words() -> None:
    assert files.size_text(0) == "0.0 KB"
    assert files.size_text(12) == "0.1 KB"
    assert files.size_text(1536) == "1.5 KB"
    assert files.size_text(5 * 1024 * 1024) == "5.0 MB"
    assert files.safe_name('..\\证据:1?.jpg') == "证据_1_.jpg"
    assert files.safe_name("上墙照片", "image/png") == "上墙照片.png"


def _checklist(qtbot, window):
    window.show_page("registry")
    screen = window.registry
    screen.ui.kinds.setCurrentRow(list(registries.KINDS).index("orgs"))
    wait_tasks(qtbot)
    screen.ui.table.selectRow(township_center_row(screen))
    return screen.open_checklist()


def test_checklist_photo_add_and_view(qtbot, window, workspace, tmp_path, monkeypatch, opened) -> None:
    photo = tmp_path / "IMG_0001.png"
    photo.write_bytes(PNG)
    dialog = _checklist(qtbot, window)
    dialog.ui.table.selectRow(2)
    title = dialog.model.record(2)["title"]
    assert dialog.ui.photoLabel.text() == "本项尚无照片。"
    assert not dialog.ui.viewPhotoButton.isEnabled() and dialog.ui.addPhotoButton.isEnabled()
    monkeypatch.setattr(files, "choose_photo", lambda parent: photo)
    dialog.ui.addPhotoButton.click()
    wait_tasks(qtbot)
    assert dialog.model.record(2)["attachment_id"]
    assert dialog.model.index(2, 4).data() == "有" and dialog.model.index(0, 4).data() == "—"
    assert dialog.ui.table.currentIndex().row() == 2
    assert dialog.ui.photoLabel.text() == "本项已有照片。"
    assert dialog.ui.addPhotoButton.text().startswith("更换照片")
    items = registries.checklist(workspace.ctx, dialog.org["id"])
    assert [bool(i["attachment_id"]) for i in items].count(True) == 1
    dialog.ui.viewPhotoButton.click()
    wait_tasks(qtbot)
    assert len(opened) == 1 and opened[0].read_bytes() == PNG
    assert opened[0].suffix == ".png" and opened[0].stem == title.replace("/", "_")
    dialog.ui.table.selectRow(0)
    assert not dialog.ui.viewPhotoButton.isEnabled()


def test_checklist_photo_damaged(qtbot, window, workspace, tmp_path, monkeypatch, opened) -> None:
    photo = tmp_path / "墙.jpg"
    photo.write_bytes(JPEG)
    dialog = _checklist(qtbot, window)
    dialog.ui.table.selectRow(0)
    assert dialog.add_photo(photo) is not None
    wait_tasks(qtbot)
    record = dialog.model.record(0)
    assert record["attachment_id"]
    (workspace.station.paths.attachments / _sha(JPEG)[:2] / _sha(JPEG)).write_bytes(b"broken")
    dialog.ui.table.selectRow(0)
    dialog.ui.viewPhotoButton.click()
    wait_tasks(qtbot)
    assert opened == []
    assert "已损坏" in message_boxes()[0].text()


def _sha(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()
