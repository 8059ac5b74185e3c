"""The small dialog asked once per chosen file: title, 材料类型 and pages."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QWidget

from hexie_desktop.core import codes
from hexie_desktop.services import attachments
from hexie_desktop.ui import style
from hexie_desktop.ui.forms.attachment_dialog import Ui_AttachmentDialog
from hexie_desktop.ui.screens.attachments.files import size_text

DEFAULT_TYPE = "other"


@dataclass(frozen=True)
class Entry:
    """What the person said about one file."""

    path: Path
    title: str
    doc_type: str
    pages: int


class AttachmentDialog(QDialog):
    """确定 (添加) takes the file, 取消 skips it; with more files to come, 其余不再添加 stops the round."""

    def __init__(self, path: Path, position: int = 1, total: int = 1, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_AttachmentDialog()
        self.ui.setupUi(self)
        self.path = Path(path)
        self.stop_requested = False
        ui = self.ui
        style.chinese_buttons(ui.buttonBox)
        style.set_role(ui.hintLabel, "hint")
        style.set_role(ui.errorLabel, "error")
        ok = ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("添加"))
        cancel = ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel)
        self.stop_button: QPushButton | None = None
        if total > 1:
            self.setWindowTitle(self.tr("添加材料（第 {n} 个，共 {total} 个）").format(n=position, total=total))
            cancel.setText(self.tr("跳过此文件"))
            if position < total:
                self.stop_button = ui.buttonBox.addButton(self.tr("其余不再添加"),
                                                          QDialogButtonBox.ButtonRole.ActionRole)
                self.stop_button.setObjectName("stopButton")
                self.stop_button.clicked.connect(self._stop)
        for code, label in codes.DOCUMENT_TYPES.items():
            ui.docType.addItem(label, code)
        ui.docType.setCurrentIndex(max(0, ui.docType.findData(DEFAULT_TYPE)))
        ui.title.setText(self.path.stem)
        ui.title.selectAll()
        size = self.path.stat().st_size if self.path.is_file() else None
        ui.fileLabel.setText(self.tr("文件：{name}　{size}").format(name=self.path.name, size=size_text(size)))
        ui.fileLabel.setToolTip(str(self.path))
        problem = ""
        if size is None:
            problem = self.tr("文件不存在或无法读取。")
        elif size > attachments.MAX_BYTES:
            problem = self.tr("文件过大（最大200MB），请分册扫描或压缩后再添加。")
        ui.errorLabel.setText(problem)
        ui.errorLabel.setVisible(bool(problem))
        ok.setEnabled(not problem)
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)
        ui.title.setFocus()

    def _stop(self) -> None:
        self.stop_requested = True
        self.reject()

    def entry(self) -> Entry:
        """The file with its title (the file name when left empty), type and pages."""
        ui = self.ui
        return Entry(self.path, ui.title.text().strip() or self.path.stem, ui.docType.currentData() or DEFAULT_TYPE,
                     ui.pages.value())
