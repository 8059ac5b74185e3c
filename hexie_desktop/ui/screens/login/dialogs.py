"""The login dialog (username + password) and the lock dialog (password of the same user again).

Both call :func:`hexie_desktop.services.users.authenticate`, which counts failures, locks the
account after five and writes the audit entries; its Chinese messages show under the fields.
Both check off the GUI thread (argon2id takes most of a second on a slow PC): each
stays responsive, shows 正在验证…… and keeps the keyboard focus in its fields meanwhile.
It is the first thing on screen, so nothing here reads ``Qt`` (PySide6 builds that namespace on
first use, a tenth of the start-up time) until it is needed; its labels are centred by the style sheet.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QGuiApplication, QPaintEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from hexie_desktop.core.errors import HexieError
from hexie_desktop.ui import messages, ops, style
from hexie_desktop.ui.forms.lock import Ui_LockDialog
from hexie_desktop.ui.forms.login import Ui_LoginDialog

if TYPE_CHECKING:  # the login dialog shows before the database layer has loaded
    from hexie_desktop.services.context import Actor
    from hexie_desktop.services.station import Station


def _authenticate(station: Station, username: str, password: str) -> Actor:
    """The check itself (on a worker thread for the login dialog)."""
    from hexie_desktop.services import users

    return users.authenticate(station.db, username, password)


class LoginDialog(QDialog):
    """Asks for username and password; :attr:`actor` is set once they are right."""

    logged_in = Signal(object)
    painted = Signal()
    """Once, just after the dialog was first painted (start-up work that can wait, waits for it)."""

    def __init__(self, station: Station | None, parent: QWidget | None = None, *, username: str = "") -> None:
        super().__init__(parent)
        self._painted = False
        self.ui = Ui_LoginDialog()
        self.ui.setupUi(self)
        self.station: Station | None = None
        self.actor: Actor | None = None
        self.task: ops.Task | None = None
        """The password check under way (``None`` when idle)."""
        self._cancelled = False
        style.chinese_buttons(self.ui.buttonBox)
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("登录"))
        ui = self.ui
        for label, role in ((ui.titleLabel, "title"), (ui.errorLabel, "error"), (ui.stationLabel, "hint")):
            label.setProperty("role", role)  # not yet polished: no style.set_role (its QStyle costs start-up time)
        self.ui.stationLabel.setText(self.tr("正在打开站点……"))
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        if station is not None:
            self.set_station(station)
        self.ui.username.setText(username)
        (self.ui.password if username else self.ui.username).setFocus()
        self.ui.buttonBox.accepted.connect(self.try_login)
        self.ui.buttonBox.rejected.connect(self.reject)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Paint; the first time, emit :attr:`painted` once the event loop is free again."""
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.painted.emit)

    def set_station(self, station: Station) -> None:
        """The station is open: name it and allow logging in (typing was possible all along)."""
        self.station = station
        self.ui.stationLabel.setText(self.tr("站点：{name}（{code}）").format(
            name=station.info.unit_name, code=station.info.unit_code))
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.task is None)

    def checking(self) -> bool:
        """True while the password is being checked."""
        return self.task is not None

    def try_login(self) -> None:
        """Check the credentials off the GUI thread; then accept the dialog or show why not.

        Meanwhile 登录 is greyed and says 正在验证……, the fields are read-only (they keep the
        keyboard focus) and a second Enter does nothing.
        """
        if self.station is None or self.task is not None:
            return
        username = self.ui.username.text().strip()
        if not username:
            self.ui.errorLabel.setText(self.tr("请输入用户名"))
            self.ui.username.setFocus()
            return
        self._set_busy(True)
        self.task = ops.run(self, _authenticate, self.station, username, self.ui.password.text(),
                            on_done=self._accepted, on_error=self._refused)

    def _set_busy(self, busy: bool) -> None:
        ok = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("正在验证……") if busy else self.tr("登录"))
        ok.setEnabled(not busy and self.station is not None)
        self.ui.username.setReadOnly(busy)
        self.ui.password.setReadOnly(busy)
        if busy:
            self.ui.errorLabel.clear()
            QGuiApplication.setOverrideCursor(QtCore.Qt.CursorShape.BusyCursor)
        else:
            QGuiApplication.restoreOverrideCursor()
        if not self.ui.username.hasFocus():  # the greyed 登录 button must not leave the focus nowhere
            self.ui.password.setFocus()

    def _accepted(self, actor: Actor) -> None:
        self.task = None
        self._set_busy(False)
        if self._cancelled:
            return
        self.actor = actor
        self.logged_in.emit(actor)
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self.task = None
        self._set_busy(False)
        if self._cancelled:
            return
        if not isinstance(error, HexieError):
            messages.show_error(self, error)
            return
        self.ui.errorLabel.setText(messages.describe(error))
        self.ui.password.selectAll()
        self.ui.password.setFocus()

    def reject(self) -> None:
        """Cancel (also while the password is being checked: the result is then ignored)."""
        self._cancelled = self.task is not None
        super().reject()


class LockDialog(QDialog):
    """Covers the session after idle time; only the same user's password unlocks it."""

    unlocked = Signal()
    quit_requested = Signal()

    def __init__(self, station: Station, actor: Actor, minutes: int, parent: QWidget | None = None, *,
                 idle: bool = True) -> None:
        super().__init__(parent)
        self.ui = Ui_LockDialog()
        self.ui.setupUi(self)
        self.station = station
        self.actor = actor
        self._quitting = False
        self.task: ops.Task | None = None
        """The password check under way (``None`` when idle)."""
        self._unlock_text = self.ui.unlockButton.text()
        style.set_role(self.ui.errorLabel, "error")
        why = self.tr("{minutes}分钟无操作，").format(minutes=minutes) if idle else ""
        self.ui.messageLabel.setText(why + self.tr("已锁定以保护当事人信息。\n请输入 {name}（{user}）的密码解锁。").format(
            name=actor.display_name, user=actor.username))
        self.ui.unlockButton.clicked.connect(self.try_unlock)
        self.ui.quitButton.clicked.connect(self._quit)
        self.ui.password.returnPressed.connect(self.try_unlock)
        self.ui.password.setFocus()

    def checking(self) -> bool:
        """True while the password is being checked."""
        return self.task is not None

    def try_unlock(self) -> None:
        """Check the password off the GUI thread (解锁 says 正在验证……, the field keeps the focus);
        close and emit :attr:`unlocked` when right."""
        if self.task is not None:
            return
        self._set_busy(True)
        self.task = ops.run(self, _authenticate, self.station, self.actor.username, self.ui.password.text(),
                            on_done=self._checked, on_error=self._refused)

    def _set_busy(self, busy: bool) -> None:
        self.ui.unlockButton.setText(self.tr("正在验证……") if busy else self._unlock_text)
        self.ui.unlockButton.setEnabled(not busy)
        self.ui.password.setReadOnly(busy)
        if busy:
            self.ui.errorLabel.clear()
        self.ui.password.setFocus()

    def _checked(self, _actor: Actor) -> None:
        self.task = None
        self._set_busy(False)
        if self._quitting:
            return
        self.unlocked.emit()
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self.task = None
        self._set_busy(False)
        if self._quitting:
            return
        if not isinstance(error, HexieError):
            messages.show_error(self, error)
            return
        self.ui.errorLabel.setText(messages.describe(error))
        self.ui.password.clear()

    def _quit(self) -> None:
        self._quitting = True
        self.quit_requested.emit()
        self.reject()

    def reject(self) -> None:
        """Esc does not unlock: only the quit button leaves without the password."""
        if self._quitting:
            super().reject()

    def keyPressEvent(self, event) -> None:  # noqa: ANN001 - Qt override
        """Swallow Esc so the lock cannot be dismissed."""
        if event.key() == QtCore.Qt.Key.Key_Escape:
            return
        super().keyPressEvent(event)
