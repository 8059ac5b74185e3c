"""打印上墙展板: pick A2 or A3 for an organization's 五上墙 boards, then preview them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from hexie_desktop.ui import style
from hexie_desktop.ui.forms.print_wallboard import Ui_PrintWallboardDialog


def _t(text: str) -> str:
    return QCoreApplication.translate("Printing", text)


class WallboardDialog(QDialog):
    """Asks for the paper size; 预览 accepts (the caller renders with :meth:`PrintJobs.wallboard`)."""

    def __init__(self, org: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_PrintWallboardDialog()
        self.ui.setupUi(self)
        self.org = org
        ui = self.ui
        style.chinese_buttons(ui.buttonBox)
        style.set_role(ui.titleLabel, "title")
        style.set_role(ui.introLabel, "hint")
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText(_t("预览(&V)…"))
        ui.titleLabel.setText(org.get("name") or org.get("display_name") or "")
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)
        ui.a2Radio.setFocus()

    def page_size(self) -> str:
        """``A2`` or ``A3``."""
        return "A3" if self.ui.a3Radio.isChecked() else "A2"
