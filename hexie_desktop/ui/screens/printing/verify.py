"""核对协议二维码: the decoded QR text of a printed agreement → 一致 / 不一致, clearly coloured.

A USB barcode scanner types the text and presses Enter, so Enter in the field checks at
once; text read with a phone can be pasted.  The answer comes from
:func:`services.printing.verify` (run off the GUI thread).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from hexie_desktop.services import printing
from hexie_desktop.services.printing import Verification
from hexie_desktop.ui import messages, ops, style
from hexie_desktop.ui.forms.print_verify import Ui_PrintVerifyDialog
from hexie_desktop.ui.workspace import Workspace

MATCH_STYLE = "background:#2e7d32;color:white;font-size:26px;font-weight:bold;border-radius:8px;padding:6px;"
MISMATCH_STYLE = "background:#b71c1c;color:white;font-size:26px;font-weight:bold;border-radius:8px;padding:6px;"
PENDING_STYLE = "color:#5f6b76;font-size:18px;"


def _t(text: str) -> str:
    return QCoreApplication.translate("Printing", text)


class VerifyDialog(QDialog):
    """Paste or scan the QR text, press Enter: the answer shows in green (一致) or red (不一致)."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_PrintVerifyDialog()
        self.ui.setupUi(self)
        self.workspace = workspace
        self.answer: Verification | None = None
        self.task: ops.Task | None = None
        ui = self.ui
        style.chinese_buttons(ui.buttonBox)
        style.set_role(ui.introLabel, "hint")
        ui.buttonBox.rejected.connect(self.reject)
        ui.verifyButton.clicked.connect(self.verify)
        ui.qrText.returnPressed.connect(self.verify)
        ui.qrText.textEdited.connect(lambda _text: self.clear_answer())
        ui.pasteButton.clicked.connect(self.paste)
        self.clear_answer()
        ui.qrText.setFocus()

    def clear_answer(self) -> None:
        """Forget the last answer (the text changed)."""
        ui = self.ui
        self.answer = None
        ui.resultLabel.setText(_t("尚未核对"))
        ui.resultLabel.setStyleSheet(PENDING_STYLE)
        ui.messageLabel.clear()
        ui.detailsLabel.clear()

    def paste(self) -> None:
        """Replace the text with the clipboard's and check it."""
        text = QApplication.clipboard().text().strip()
        if text:
            self.ui.qrText.setText(text)
            self.verify()

    def verify(self) -> ops.Task | None:
        """Ask the service whether the text belongs to an agreement this station printed."""
        text = self.ui.qrText.text().strip()
        if not text:
            self.clear_answer()
            self.ui.messageLabel.setText(_t("请先扫描或粘贴二维码内容。"))
            return None
        self.ui.resultLabel.setText(_t("正在核对……"))
        self.ui.resultLabel.setStyleSheet(PENDING_STYLE)
        self.ui.verifyButton.setEnabled(False)
        self.task = ops.run(self, printing.verify, self.workspace.ctx, text, on_done=self.show_answer,
                            on_error=self._failed)
        return self.task

    def _failed(self, error: BaseException) -> None:
        self.ui.verifyButton.setEnabled(True)
        self.clear_answer()
        messages.show_error(self, error)

    def show_answer(self, answer: Verification) -> None:
        """Show 一致 (green) or 不一致 (red) with the service's message."""
        ui = self.ui
        ui.verifyButton.setEnabled(True)
        self.answer = answer
        ui.resultLabel.setText(_t("一致") if answer.match else _t("不一致"))
        ui.resultLabel.setStyleSheet(MATCH_STYLE if answer.match else MISMATCH_STYLE)
        ui.messageLabel.setText(answer.message)
        if answer.match and answer.data_changed:
            text = _t("协议书确为本站出具，但打印后案件数据有变更（例如已登记履行），以系统中的记录为准。")
            style.set_role(ui.detailsLabel, "warning")
        elif answer.match:
            text = _t("二维码与本站出具时的协议内容相符。")
            style.set_role(ui.detailsLabel, "hint")
        else:
            text = _t("请核对纸质协议书的来源；其他单位出具的协议书请到出具单位核对。")
            style.set_role(ui.detailsLabel, "hint")
        ui.detailsLabel.setText(text)
        ui.qrText.selectAll()


def open_verify_dialog(parent: QWidget) -> VerifyDialog:
    """Open the 核对协议二维码 dialog for the workspace of ``parent`` (the main window)."""
    dialog = VerifyDialog(parent.workspace, parent)  # type: ignore[attr-defined]
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
