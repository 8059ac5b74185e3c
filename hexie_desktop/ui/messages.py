"""The one place that shows errors and notices to people (QMessageBox).

Services raise :class:`~hexie_desktop.core.errors.HexieError` subclasses with a Chinese
message and, where it concerns one input, the field.  This module names the field in
words and picks the title; screens call :func:`show_error` (or :func:`describe` for an
inline label).  Boxes open window-modal without blocking, so the event loop keeps running.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from hexie_desktop.core.errors import (
    Conflict,
    HexieError,
    NotAllowed,
    NotFound,
    StorageError,
    UserError,
    ValidationErrors,
)

# The login dialog shows before these load (start-up time): the log's file handlers, sqlite3 and
# the field names are imported where first needed, and Qt's enum namespace is read as ``QtCore.Qt``.

_CONTEXT = "Messages"


def _t(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def title_for(error: BaseException) -> str:
    """The message box title for ``error``."""
    if isinstance(error, NotAllowed):
        return _t("不能执行")
    if isinstance(error, NotFound):
        return _t("找不到")
    if isinstance(error, Conflict):
        return _t("数据冲突")
    if isinstance(error, StorageError):
        return _t("无法读写文件或数据库")
    if isinstance(error, UserError):
        return _t("输入有误")
    return _t("程序错误")


def error_lines(error: HexieError) -> list[str]:
    """One line per problem, each starting with the field it concerns in words."""
    from hexie_desktop.ui.fieldnames import describe_field

    errors = error.errors if isinstance(error, ValidationErrors) else [error]
    lines = []
    for item in errors:
        where = describe_field(item.field) if item.field not in (None, "action") else ""
        lines.append(f"{where}：{item.message}" if where else item.message)
    return lines


def describe(error: BaseException) -> str:
    """The text a person reads for ``error`` (everyday faults of files and the database in plain words)."""
    from hexie_desktop import log as hexie_log
    from hexie_desktop.storage.errors import translate

    typed = translate(error)
    if typed is not None:
        return "\n".join(error_lines(typed))
    path = hexie_log.current_path()
    where = _t("详细信息已写入日志：{path}").format(path=path) if path else _t("未能写入日志。")
    return _t("程序内部错误（{kind}），本次操作未完成。\n{where}").format(kind=type(error).__name__, where=where)


_orphans: set[QMessageBox] = set()


def _keep_alive(box: QMessageBox) -> None:
    """A box without a parent is owned by Python: hold it until it is answered, or it vanishes at once."""
    _orphans.add(box)
    box.finished.connect(lambda _code: _orphans.discard(box))


def _box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    Qt = QtCore.Qt  # noqa: N806 - the namespace, read when first needed
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setWindowModality(Qt.WindowModality.WindowModal if parent else Qt.WindowModality.ApplicationModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if parent is None:
        _keep_alive(box)
    box.open()
    return box


def show_error(parent: QWidget | None, error: BaseException) -> QMessageBox:
    """Show ``error`` in a message box; unexpected errors are logged with their traceback."""
    from hexie_desktop import log as hexie_log
    from hexie_desktop.storage.errors import translate

    typed = translate(error)
    if typed is None:
        hexie_log.unexpected(error, "window")
    elif typed is not error:
        hexie_log.fault(error, "window")
    icon = QMessageBox.Icon.Warning if typed is not None else QMessageBox.Icon.Critical
    return _box(parent, icon, title_for(typed or error), describe(error))


FLASH_MS = 10000
"""How long a passing success notice stays in the status bar."""


def flash(widget: QWidget, text: str, timeout_ms: int = FLASH_MS) -> bool:
    """A passing success notice in the status bar of ``widget``'s main window (no layout moves).

    Returns False when the widget is not inside a main window (then nothing is shown).
    """
    window = widget.window()
    if not isinstance(window, QMainWindow):
        return False
    window.statusBar().showMessage(text, timeout_ms)
    return True


def show_info(parent: QWidget | None, title: str, text: str) -> QMessageBox:
    """Show a notice (for example what an action did)."""
    return _box(parent, QMessageBox.Icon.Information, title, text)


def ask(parent: QWidget | None, title: str, text: str, on_yes: Callable[[], None]) -> QMessageBox:
    """Ask a yes/no question without blocking; ``on_yes`` runs when the person answers 是."""
    Qt = QtCore.Qt  # noqa: N806 - the namespace, read when first needed
    box = QMessageBox(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.button(QMessageBox.StandardButton.Yes).setText(_t("是"))
    box.button(QMessageBox.StandardButton.No).setText(_t("否"))
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setWindowModality(Qt.WindowModality.WindowModal if parent else Qt.WindowModality.ApplicationModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if parent is None:
        _keep_alive(box)

    def answered(button) -> None:  # noqa: ANN001
        if box.standardButton(button) == QMessageBox.StandardButton.Yes:
            on_yes()

    box.buttonClicked.connect(answered)
    box.open()
    return box
