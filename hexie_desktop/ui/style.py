"""Look and feel: CJK fonts, Qt's own Chinese strings, a small style sheet, button texts.

Qt's zh_CN catalogues ship in the PySide6 wheel (``QLibraryInfo.TranslationsPath``:
qtbase_zh_CN.qm, kept by the installers' prune lists) but lag behind Qt 6: the file dialog's
"&Look in:" and "Files of &type:" are missing there (only the older "Look in:" is).
Our resources/i18n/qt_gaps_zh_CN.qm adds those few strings; every file dialog is Qt's own (not the desktop's
native one), so it looks and reads the same on every PC and in the tests.
"""

from __future__ import annotations

from pathlib import Path

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel

FONT_FAMILIES = (
    "Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC",
    "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Droid Sans Fallback",
)

STYLE_SHEET = """
QListWidget#navigation { background: #24405f; color: #e8eef5; border: none; font-size: 15px; outline: 0; }
QListWidget#navigation::item { padding: 10px 14px; }
QListWidget#navigation::item:selected { background: #3a6591; color: white; }
QListWidget#kinds { font-size: 14px; }
QListWidget#kinds::item { padding: 6px 8px; }
QLabel[role="title"] { font-size: 18px; font-weight: bold; color: #1f3b57; }
QDialog#LoginDialog QLabel#titleLabel, QDialog#LoginDialog QLabel#stationLabel { qproperty-alignment: AlignCenter; }
QLabel[role="error"] { color: #b71c1c; }
QLabel[role="section"] { font-weight: bold; color: #1f3b57; padding-top: 8px; }
QLabel[role="hint"] { color: #5f6b76; }
QLabel[role="ok"] { color: #2e7d32; }
QLabel[role="warning"] { color: #e65100; }
QLineEdit[invalid="true"] { border: 1px solid #c62828; background: #fff1f1; }
QPushButton[role="action"] { padding: 5px 10px; text-align: left; }
QFrame[role="tile"] { border: 1px solid #d0d7de; border-radius: 6px; background: white; }
QPushButton[role="tile"] { border: 1px solid #d0d7de; border-radius: 6px; background: white;
    padding: 8px 16px; font-size: 15px; text-align: left; }
QPushButton[role="tile"]:checked { border: 2px solid #3a6591; background: #eaf1f8; }
QPushButton#overdueTile { color: #b71c1c; }
QPushButton#todayTile { color: #e65100; }
QPushButton#soonTile { color: #8d6e00; }
"""

_translators: list[QTranslator] = []


GAPS = Path(__file__).resolve().parent.parent / "resources" / "i18n"
"""Our own .qm with the Qt strings its zh_CN catalogue lacks (source: qt_gaps_zh_CN.ts beside it)."""


def use_qt_dialogs() -> None:
    """Qt's own file dialogs, never the desktop's (the same everywhere, translated by us).

    Separate from :func:`install_translators` so that start-up can call it once the login dialog
    shows: reading ``Qt`` makes PySide6 build the whole namespace (a tenth of the start-up time).
    """
    QCoreApplication.setAttribute(QtCore.Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)


def install_translators(app: QCoreApplication, *, dialogs_now: bool = True) -> None:
    """Load Qt's own zh_CN strings (file dialogs, standard buttons, context menus) and fill their gaps."""
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    if dialogs_now:
        use_qt_dialogs()
    if _translators:
        return
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in ("qtbase_zh_CN", "qt_zh_CN"):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _translators.append(translator)
    gaps = QTranslator(app)
    if gaps.load("qt_gaps_zh_CN", str(GAPS)):
        app.installTranslator(gaps)  # installed last: asked first
        _translators.append(gaps)


def apply(app: QApplication, *, dialogs_now: bool = True) -> None:
    """Fonts, translations and the style sheet for the whole application.

    ``dialogs_now=False``: the caller runs :func:`use_qt_dialogs` before the first file dialog.
    """
    install_translators(app, dialogs_now=dialogs_now)
    available = set(QFontDatabase.families())
    families = [f for f in FONT_FAMILIES if f in available]
    if families:
        font = QFont(app.font())
        font.setFamilies(families)
        font.setPointSize(max(font.pointSize(), 10))
        app.setFont(font)
    app.setStyleSheet(STYLE_SHEET)


def chinese_buttons(box: QDialogButtonBox) -> None:
    """Chinese texts on a button box's standard buttons, even without Qt's translation files."""
    t = QCoreApplication.translate
    texts = {
        QDialogButtonBox.StandardButton.Ok: t("Buttons", "确定"),
        QDialogButtonBox.StandardButton.Cancel: t("Buttons", "取消"),
        QDialogButtonBox.StandardButton.Save: t("Buttons", "保存"),
        QDialogButtonBox.StandardButton.Close: t("Buttons", "关闭"),
        QDialogButtonBox.StandardButton.Yes: t("Buttons", "是"),
        QDialogButtonBox.StandardButton.No: t("Buttons", "否"),
    }
    for which, text in texts.items():
        button = box.button(which)
        if button is not None:
            button.setText(text)


def no_default_button(box: QDialogButtonBox) -> None:
    """Enter in the dialog's fields must not press 确定 (for dialogs where Enter adds a line)."""
    for button in box.buttons():
        button.setAutoDefault(False)
        button.setDefault(False)


def set_role(label: QLabel, role: str) -> None:
    """Style a label as ``title``, ``error``, ``hint``, ``ok`` or ``warning`` (see the style sheet)."""
    label.setProperty("role", role)
    label.style().unpolish(label)
    label.style().polish(label)
