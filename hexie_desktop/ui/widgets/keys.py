"""Keyboard shortcuts scoped to one screen, and Ctrl+Enter to submit a dialog with multi-line fields."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialogButtonBox, QWidget


def key_list() -> list[tuple[str, str]]:
    """Every keyboard shortcut of the app with what it does: the F1 list, and the user guide's table (tested)."""
    t = QCoreApplication.translate
    return [
        ("Ctrl+1 … Ctrl+9", t("Keys", "工作台、案件、登记、名册台账、统计报表、设置、用户、数据交换、行动计划")),
        ("Ctrl+N / Ctrl+S", t("Keys", "登记新案件 / 保存登记")),
        ("Ctrl+F", t("Keys", "搜索案件")),
        (t("Keys", "回车"), t("Keys", "打开选中的案件")),
        ("Alt+1 … Alt+9", t("Keys", "案件详情的各页")),
        ("Ctrl+P", t("Keys", "打印文书（案件详情）")),
        ("Alt+←", t("Keys", "从案件详情返回")),
        (t("Keys", "Ctrl+回车"), t("Keys", "在有多行文字的对话框中确定")),
        ("Ctrl+Shift+P", t("Keys", "修改我的密码")),
        ("Ctrl+L / Ctrl+Q", t("Keys", "立即锁定 / 退出")),
        ("T / + / -", t("Keys", "日期栏：今天 / 加一天 / 减一天")),
        ("F1", t("Keys", "快捷键一览")),
    ]


def shortcut(widget: QWidget, keys: str | QKeySequence | QKeySequence.StandardKey,
             slot: Callable[[], None]) -> QShortcut:
    """A shortcut active while focus is inside ``widget`` (so screens do not steal each other's keys)."""
    sequence = keys if isinstance(keys, QKeySequence) else QKeySequence(keys)
    short = QShortcut(sequence, widget)
    short.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    short.activated.connect(slot)
    return short


def submit_with_ctrl_enter(dialog: QWidget, box: QDialogButtonBox,
                           which: QDialogButtonBox.StandardButton = QDialogButtonBox.StandardButton.Ok
                           ) -> list[QShortcut]:
    """Ctrl+Enter (either Enter key) presses ``box``'s 确定 button, even inside a multi-line field.

    Plain Enter stays a new line in multi-line fields; a disabled button stays disabled.
    """

    def press() -> None:
        button = box.button(which)
        if button is not None and button.isEnabled() and button.isVisible():
            button.click()

    return [shortcut(dialog, keys, press) for keys in ("Ctrl+Return", "Ctrl+Enter")]
