"""Qt's own dialogs speak Chinese: the file dialog's "Look in:" and "Files of type:" included (issue 16 point 9).

The zh_CN catalogue in the PySide6 wheel lacks the Qt 6 spellings "&Look in:" and "Files of
&type:"; hexie_desktop/resources/i18n/qt_gaps_zh_CN.qm (compiled from the .ts beside it)
adds them, and every file dialog is Qt's own, never the desktop's native one.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QFileDialog, QLabel

from hexie_desktop.ui import style

_ACCEL = re.compile(r"\(&[A-Z]\)")


def _english(text: str) -> bool:
    return bool(re.search(r"[A-Za-z]", _ACCEL.sub("", text).replace("(*)", "")))


@pytest.mark.parametrize("mode", ["open", "save", "folder"])
def test_file_dialog_labels_and_buttons_are_chinese(qtbot, mode: str) -> None:
    assert QCoreApplication.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
    dialog = QFileDialog(None, "选择文件")
    qtbot.addWidget(dialog)
    if mode == "save":
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    elif mode == "folder":
        dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.labelText(QFileDialog.DialogLabel.LookIn) == "查找范围(&L)："
    assert dialog.labelText(QFileDialog.DialogLabel.FileType) == "文件类型(&T)："
    assert dialog.labelText(QFileDialog.DialogLabel.FileName) == ("目录：" if mode == "folder" else "文件名称(&N)：")
    texts = [w.text() for w in dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton) if w.isVisible()]
    texts += [w.toolTip() for w in dialog.findChildren(QAbstractButton) if w.toolTip()]
    types = dialog.findChild(QComboBox, "fileTypeCombo")
    texts += [types.itemText(i) for i in range(types.count())]
    assert [t for t in texts if _english(t)] == []
    dialog.close()


def test_the_shipped_gap_catalogue_is_compiled_from_its_source(tmp_path: Path) -> None:
    source = style.GAPS / "qt_gaps_zh_CN.ts"
    lrelease = shutil.which("pyside6-lrelease") or str(Path(sys.executable).with_name("pyside6-lrelease"))
    if not Path(lrelease).exists():
        pytest.skip("pyside6-lrelease not installed")
    out = tmp_path / "gaps.qm"
    subprocess.run([lrelease, str(source), "-qm", str(out)], check=True, capture_output=True)
    assert out.read_bytes() == (style.GAPS / "qt_gaps_zh_CN.qm").read_bytes(), \
        "stale: run pyside6-lrelease hexie_desktop/resources/i18n/qt_gaps_zh_CN.ts"
