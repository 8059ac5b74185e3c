"""The 备份与恢复 dialog: shown at start when the station file is damaged or gone, and from the menu.

It lists the station's backups (time, kind, size, case count, verified or not), says what the
chosen one lacks, and restores it after the administrator's password stored IN that backup —
the damaged file is never logged in to.  Opened from the menu it also makes a backup now.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QTableWidgetItem, QWidget

from hexie_desktop.core.changes import NOTHING
from hexie_desktop.core.errors import HexieError
from hexie_desktop.core.permissions import allowed
from hexie_desktop.paths import StationPaths
from hexie_desktop.services import backups, maintenance, restore
from hexie_desktop.services.backups import BackupInfo
from hexie_desktop.ui import messages, ops, style, write_op
from hexie_desktop.ui.forms.restore import Ui_RestoreDialog


class RestoreDialog(QDialog):
    """Backups of ``paths``; ``workspace`` is given when opened from the menu of a running window."""

    restored = Signal(object)
    """The :class:`~hexie_desktop.services.restore.Restored` result."""

    def __init__(self, paths: StationPaths, *, problem: str = "", workspace=None,  # noqa: ANN001
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_RestoreDialog()
        self.ui.setupUi(self)
        self.paths, self.workspace = paths, workspace
        self.infos: list[BackupInfo] = []
        self.done_result: restore.Restored | None = None
        self._auto_user = ""
        style.set_role(self.ui.errorLabel, "error")
        self.ui.problemLabel.setText(problem)
        self.ui.problemLabel.setVisible(bool(problem))
        if problem:
            style.set_role(self.ui.problemLabel, "error")
        self.ui.backupTable.horizontalHeader().setStretchLastSection(True)
        self.ui.backupTable.verticalHeader().setVisible(False)
        self.ui.backupButton.setVisible(workspace is not None)
        may = workspace is None or allowed(workspace.actor.role, "station.backup")
        self.ui.backupButton.setEnabled(may)
        self.ui.restoreButton.setEnabled(False)
        if not may:
            self.ui.errorLabel.setText(self.tr("只有管理员或负责人可以备份和恢复"))
        self.may = may
        self.ui.backupTable.itemSelectionChanged.connect(self._chosen)
        self.ui.restoreButton.clicked.connect(self.restore)
        self.ui.backupButton.clicked.connect(self.backup_now)
        self.ui.closeButton.clicked.connect(self.reject)
        self.ui.password.returnPressed.connect(self.restore)
        self.refresh()

    # ---------------------------------------------------------------- list

    def refresh(self) -> None:
        """Read the backup folder again (in the background)."""
        ops.run(self, backups.list_backups, self.paths, on_done=self._listed)

    def _listed(self, infos: list[BackupInfo]) -> None:
        self.infos = infos
        table = self.ui.backupTable
        table.setRowCount(len(infos))
        for row, info in enumerate(infos):
            state = self.tr("可用") if info.verified else self.tr("损坏，不能使用")
            cells = [info.when_text, info.label_text, info.size_text,
                     "-" if info.cases is None else str(info.cases), state]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, column, item)
        table.resizeColumnsToContents()
        first = next((row for row, info in enumerate(infos) if info.verified), None)
        if first is None:
            self.ui.lacksLabel.setText(self.tr("备份文件夹里没有可用的备份：{path}").format(path=self.paths.backups))
            self.ui.restoreButton.setEnabled(False)
            return
        table.selectRow(first)
        self.ui.password.setFocus()

    def selected(self) -> BackupInfo | None:
        """The backup chosen in the list."""
        rows = self.ui.backupTable.selectionModel().selectedRows()
        return self.infos[rows[0].row()] if rows else None

    def _chosen(self) -> None:
        info = self.selected()
        usable = info is not None and info.verified
        self.ui.restoreButton.setEnabled(usable and self.may)
        if not usable:
            self.ui.lacksLabel.setText(self.tr("这个备份已损坏，不能用来恢复") if info else "")
            return
        lacking = backups.lacking(self.paths.database, info.path)
        text = self.tr("恢复到{when}的状态（{n}件案件）。").format(when=info.when_text, n=info.cases)
        if lacking:
            text += self.tr("备份之后登记的{n}件案件需要重新录入：{cases}").format(
                n=len(lacking), cases="、".join(lacking[:20]) + ("……" if len(lacking) > 20 else ""))
        self.ui.lacksLabel.setText(text)
        if not self.ui.username.text() or self.ui.username.text() == self._auto_user:
            try:
                self._auto_user = restore.admin_of(info.path)
            except HexieError:
                self._auto_user = ""
            self.ui.username.setText(self._auto_user)

    # ---------------------------------------------------------------- actions

    def restore(self) -> None:
        """Restore the chosen backup (after the password stored in it)."""
        info = self.selected()
        if info is None or not info.verified or not self.may:
            return
        if not self.ui.password.text():
            self.ui.errorLabel.setText(self.tr("请输入备份中保存的管理员密码"))
            self.ui.password.setFocus()
            return
        self.ui.errorLabel.setText(self.tr("正在恢复……"))
        self.ui.restoreButton.setEnabled(False)
        if self.workspace is not None:
            ops.wait_all()
            self.workspace.station.db.dispose()
        ops.run(self, restore.restore_as, self.paths, info.path, self.ui.username.text().strip(),
                self.ui.password.text(), on_done=self._restored, on_error=self._failed)

    def _restored(self, result: restore.Restored) -> None:
        self.done_result = result
        lines = [self.tr("已恢复到{when}的备份。").format(when=result.backup_when)]
        if result.aside is not None:
            lines.append(self.tr("原来的数据库文件已原样保存为：{path}").format(path=result.aside))
        if result.lacking:
            lines.append(self.tr("备份之后登记的{n}件案件需要重新录入：{cases}").format(
                n=len(result.lacking), cases="、".join(result.lacking)))
        lines.append(self.tr("请重新登录。"))
        messages.show_info(None, self.tr("恢复完成"), "\n".join(lines))
        self.accept()
        self.restored.emit(result)

    def _failed(self, error: BaseException) -> None:
        self.ui.restoreButton.setEnabled(True)
        if not isinstance(error, HexieError):
            self.ui.errorLabel.clear()
            messages.show_error(self, error)
            return
        self.ui.errorLabel.setText(messages.describe(error))
        if error.field == "password":
            self.ui.password.selectAll()
            self.ui.password.setFocus()

    def backup_now(self) -> None:
        """Make a verified backup of the open station and list it."""
        if self.workspace is None:
            return

        def made(path) -> None:  # noqa: ANN001
            self.ui.errorLabel.setText(self.tr("已备份到：{path}").format(path=path))
            self.refresh()

        write_op.write(self, self.workspace, maintenance.backup, self.workspace.ctx, self.workspace.station,
                       changes=NOTHING, on_done=made, busy=(self.ui.backupButton,))
