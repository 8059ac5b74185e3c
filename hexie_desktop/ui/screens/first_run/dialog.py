"""The first-run dialog: station kind, unit code and names, admin account, first mediator → ``init_station``."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QWidget

from hexie_desktop.core.errors import HexieError
from hexie_desktop.services.station import Station, init_station
from hexie_desktop.ui import messages, ops, style
from hexie_desktop.ui.forms.first_run import Ui_FirstRunDialog


class FirstRunDialog(QDialog):
    """Collects the station identity and admin account, then creates the station off the GUI thread."""

    created = Signal(object, str)
    """The new :class:`Station` and the admin's username."""

    def __init__(self, data_dir: Path | None, db_url: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_FirstRunDialog()
        self.ui.setupUi(self)
        self.data_dir, self.db_url = data_dir, db_url
        self.station: Station | None = None
        self.task: ops.Task | None = None
        style.chinese_buttons(self.ui.buttonBox)
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("创建站点"))
        style.set_role(self.ui.errorLabel, "error")
        self.ui.role.addItem(self.tr("乡镇（街道）调解组织"), "township")
        self.ui.role.addItem(self.tr("区（县）级管理"), "district")
        self.ui.buttonBox.accepted.connect(self.create)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.unitCode.setFocus()

    def _fields(self) -> dict[str, QLineEdit]:
        return {"unit_code": self.ui.unitCode, "unit_name": self.ui.unitName, "short_name": self.ui.shortName,
                "admin": self.ui.adminUser, "username": self.ui.adminUser, "password": self.ui.password,
                "first_mediator": self.ui.mediatorName}

    def create(self) -> None:
        """Check the two passwords match, then call ``init_station`` in the background."""
        if self.ui.password.text() != self.ui.password2.text():
            self.ui.errorLabel.setText(self.tr("两次输入的密码不一致"))
            self.ui.password2.setFocus()
            return
        self.ui.errorLabel.setText(self.tr("正在创建站点……"))
        self.ui.buttonBox.setEnabled(False)
        self.task = ops.run(
            self, init_station, data_dir=self.data_dir, db_url=self.db_url,
            role=self.ui.role.currentData(), unit_code=self.ui.unitCode.text().strip(),
            unit_name=self.ui.unitName.text().strip(), short_name=self.ui.shortName.text().strip() or None,
            admin=self.ui.adminUser.text().strip(), password=self.ui.password.text(),
            admin_name=self.ui.adminName.text().strip() or None,
            first_mediator=self.ui.mediatorName.text().strip() or None,
            admin_is_mediator=self.ui.adminIsMediator.isChecked(),
            on_done=self._created, on_error=self._failed,
        )

    def _created(self, station: Station) -> None:
        self.station = station
        self.created.emit(station, self.ui.adminUser.text().strip())
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.ui.buttonBox.setEnabled(True)
        if not isinstance(error, HexieError):
            self.ui.errorLabel.clear()
            messages.show_error(self, error)
            return
        self.ui.errorLabel.setText(messages.describe(error))
        widget = self._fields().get(error.field or "")
        if widget is not None:
            widget.setFocus()
            widget.selectAll()
