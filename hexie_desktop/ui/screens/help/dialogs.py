"""The user guide viewer and the 关于 dialog.

The guide is a copy of docs/USER-GUIDE.md bundled in the package (``resources/help``, kept in
step by ``scripts/sync_help.py``) and rendered from Markdown with its screenshots, so it opens
on a PC without a network or a browser.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QImage, QTextCursor, QTextDocument
from PySide6.QtWidgets import QDialog, QWidget

from hexie_desktop import __version__, log
from hexie_desktop.ui import style
from hexie_desktop.ui.forms.about_dialog import Ui_AboutDialog
from hexie_desktop.ui.forms.guide_dialog import Ui_GuideDialog
from hexie_desktop.ui.workspace import Workspace

HELP_DIR = Path(__file__).resolve().parents[3] / "resources" / "help"
GUIDE = HELP_DIR / "USER-GUIDE.md"
LICENCE = "专有软件（Proprietary），仅供授权的调解组织使用"


IMAGE_WIDTH = 880
"""Screenshots are 1366 px wide; in the guide they are shown at most this wide (no sideways scrolling)."""


def fit_images(document: QTextDocument, width: int) -> int:
    """Shrink every image of ``document`` wider than ``width`` (keeping its proportions); returns how many."""
    changed = 0
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            if fmt.isImageFormat():
                image_format = fmt.toImageFormat()
                image = QImage(str(HELP_DIR / image_format.name()))
                if not image.isNull() and image.width() > width:
                    image_format.setWidth(width)
                    image_format.setHeight(image.height() * width / image.width())
                    cursor = QTextCursor(document)
                    cursor.setPosition(fragment.position())
                    cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
                    cursor.setCharFormat(image_format)
                    changed += 1
            it += 1
        block = block.next()
    return changed


def _t(text: str) -> str:
    return QCoreApplication.translate("Help", text)


class GuideDialog(QDialog):
    """使用说明: the bundled guide in a browser pane (links inside the guide work, nothing goes online)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_GuideDialog()
        self.ui.setupUi(self)
        style.chinese_buttons(self.ui.buttonBox)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.browser.setSearchPaths([str(HELP_DIR)])
        self.ui.browser.document().setBaseUrl(QUrl.fromLocalFile(str(HELP_DIR) + "/"))
        try:
            self.ui.browser.document().setMarkdown(GUIDE.read_text(encoding="utf-8"))
        except OSError:
            self.ui.browser.setPlainText(self.tr("找不到使用说明文件：{path}").format(path=GUIDE))
        fit_images(self.ui.browser.document(), IMAGE_WIDTH)
        self.ui.browser.moveCursor(QTextCursor.MoveOperation.Start)


def about_lines(workspace: Workspace) -> list[str]:
    """What 关于 says: program, version, licence, the data folder and the log file."""
    paths = workspace.station.paths
    data = str(paths.root) if paths is not None else _t("（数据保存在数据库服务器上）")
    log_file = log.current_path()
    return [
        _t("和谐调解 Desktop　版本 {version}").format(version=__version__),
        _t("许可：{licence}").format(licence=LICENCE),
        _t("数据文件夹：{path}").format(path=data),
        _t("日志文件：{path}").format(path=log_file if log_file is not None else _t("（本次运行不写日志）")),
    ]


class AboutDialog(QDialog):
    """关于: version, licence, data folder and log file (selectable, to read out on the phone)."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_AboutDialog()
        self.ui.setupUi(self)
        style.chinese_buttons(self.ui.buttonBox)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.label.setText("\n".join(about_lines(workspace)))
