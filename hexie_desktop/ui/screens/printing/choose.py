"""The chooser: which 文书 of this case to print, final or as a watermarked draft."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QListWidgetItem, QWidget

from hexie_desktop.core.case_view import CaseView
from hexie_desktop.ui import style
from hexie_desktop.ui.forms.print_choose import Ui_PrintChooseDialog
from hexie_desktop.ui.screens.printing import rules


def _t(text: str) -> str:
    return QCoreApplication.translate("Printing", text)


class ChooseDocumentDialog(QDialog):
    """Lists the documents that make sense for the case now (:func:`rules.offered`); 预览 accepts."""

    def __init__(self, case: CaseView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_PrintChooseDialog()
        self.ui.setupUi(self)
        self.case = case
        ui = self.ui
        style.chinese_buttons(ui.buttonBox)
        style.set_role(ui.hintLabel, "hint")
        ok = ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(_t("预览(&V)…"))
        ui.titleLabel.setText(_t("{number}　{state}").format(number=case.number, state=case.state_label))
        style.set_role(ui.titleLabel, "section")
        for doc_type in rules.offered(case):
            note = rules.issued_note(case, doc_type)
            text = rules.title(doc_type) + (f"　（{note}）" if note else "")
            item = QListWidgetItem(text, ui.documents)
            item.setData(Qt.ItemDataRole.UserRole, doc_type)
        wanted = rules.suggested(case)
        for row in range(ui.documents.count()):
            if ui.documents.item(row).data(Qt.ItemDataRole.UserRole) == wanted:
                ui.documents.setCurrentRow(row)
        ui.hintLabel.setText(_t("预览不登记；在预览中打印或另存为 PDF 时登记为已出具文书（调解协议书带防伪二维码）；"
                                "草稿带水印，不登记。"
                                "只列出本案当前状态下适用的文书。"))
        ui.documents.currentRowChanged.connect(lambda _row: self._update())
        ui.documents.itemActivated.connect(lambda _item: self.accept())
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)
        self._update()
        ui.documents.setFocus()

    def _update(self) -> None:
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.doc_type() is not None)

    def offered(self) -> list[str]:
        """The document types listed, in order."""
        return [self.ui.documents.item(r).data(Qt.ItemDataRole.UserRole) for r in range(self.ui.documents.count())]

    def doc_type(self) -> str | None:
        """The chosen document type."""
        item = self.ui.documents.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def choose(self, doc_type: str) -> None:
        """Select ``doc_type`` in the list (when offered)."""
        if doc_type in self.offered():
            self.ui.documents.setCurrentRow(self.offered().index(doc_type))

    def draft(self) -> bool:
        """True when a watermarked draft was asked for."""
        return self.ui.draftCheck.isChecked()

    def accept(self) -> None:
        """Close with the choice (nothing happens without one)."""
        if self.doc_type() is not None:
            super().accept()
