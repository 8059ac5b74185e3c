"""The exchange screen: export to USB or e-mail, import packages and receipts, keys, townships, conflicts.

A township sees its district, what is exported and acknowledged, and exports; a district
unlocks its keys with the passphrase, imports townships' packages after a dry-run summary,
enrolls townships after a fingerprint check, hands out reference data and decides
conflicts with both versions side by side.  Long work runs off the GUI thread with progress.

Reading the state counts the rows waiting for export (a third of a second at 100,000 cases):
the page does it off the GUI thread when shown (:meth:`ExchangeScreen.refresh`, saying
正在统计…… meanwhile) and not at all while it is never opened; after its own actions it reads
at once (:meth:`ExchangeScreen.reload`).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFileDialog, QWidget

from hexie_desktop.core.changes import ALL, CASE, EXCHANGE, NOTHING, REGISTRY, SETTINGS, USERS, Changes
from hexie_desktop.core.errors import HexieError, UserError
from hexie_desktop.services import exchange
from hexie_desktop.ui import messages, ops, style, write_op
from hexie_desktop.ui.forms.exchange import Ui_ExchangeScreen
from hexie_desktop.ui.models.records import RecordTableModel
from hexie_desktop.ui.screens.exchange.dialogs import ConflictDialog, SummaryDialog
from hexie_desktop.ui.widgets.form_dialog import FormDialog
from hexie_desktop.ui.widgets.formbuilder import Field
from hexie_desktop.ui.workspace import Workspace

PACKAGE_FILTER = "数据包 (*.hxp *.hxp.*);;所有文件 (*)"
CARD_FILTER = "站点名片 (*.card *.json);;所有文件 (*)"


def imported_changes(outcomes: list[Any]) -> Changes:
    """What importing packages changed: rows of any kind once one package was applied, else the exchange log."""
    return ALL if any(getattr(o, "ok", False) for o in outcomes or ()) else Changes.of(EXCHANGE)


class ExchangeScreen(QWidget):
    """数据交换 for both roles (see the module docstring)."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ExchangeScreen()
        self.ui.setupUi(self)
        self.workspace = workspace
        self.station = workspace.station
        self.district = self.station.info.role == "district"
        self.keys: Any = None
        self.dialog: Any = None
        self.view: exchange.Overview | None = None
        self.task: ops.Task | None = None
        """The background read under way (``None`` when idle)."""
        self._generation = 0  # a read started before a newer one never overwrites it
        self._again = False
        ui = self.ui
        style.set_role(ui.titleLabel, "title")
        style.set_role(ui.stationLabel, "hint")
        self.history = RecordTableModel([
            (lambda r: self.tr("导出") if r["direction"] == "out" else self.tr("收到"), self.tr("方向")),
            (lambda r: exchange.KIND_LABELS.get(r["kind"], r["kind"]), self.tr("类型")),
            ("sequence", self.tr("编号")), ("peer", self.tr("对方")), ("recorded_at", self.tr("时间")),
            ("rows", self.tr("行数")), (lambda r: _status(self, r), self.tr("状态")),
            ("acknowledged_at", self.tr("区里确认时间")), ("file_name", self.tr("文件"))],
            id_key="package_id", right_aligned=(2, 5), parent=self)
        self.townships = RecordTableModel([
            ("unit_code", self.tr("单位代码")), ("unit_name", self.tr("名称")),
            (lambda r: {"trusted": self.tr("已登记"), "pending": self.tr("待核对指纹")}.get(r["status"], r["status"]),
             self.tr("登记")),
            ("fingerprint", self.tr("指纹")), ("last_sequence", self.tr("最近数据包")),
            ("last_received_at", self.tr("收到时间")),
            ("gap_label", self.tr("缺号")),
            ("last_receipt_at", self.tr("最近回执")), ("open_conflicts", self.tr("冲突")),
            ("open_quarantine", self.tr("隔离")), ("waiting", self.tr("等待中"))],
            id_key="unit_code", right_aligned=(4, 8, 9, 10), parent=self)
        self.conflict_model = RecordTableModel([
            ("origin", self.tr("乡镇")), (lambda r: exchange.TABLE_LABELS.get(r["table"], r["table"]),
                                          self.tr("数据表")),
            ("row_id", self.tr("记录编号")), ("reason", self.tr("原因")), ("created_at", self.tr("发现时间"))],
            id_key="id", parent=self)
        self.quarantine_model = RecordTableModel([
            ("origin", self.tr("乡镇")), (lambda r: exchange.TABLE_LABELS.get(r["table"], r["table"]),
                                          self.tr("数据表")),
            ("row_id", self.tr("记录编号")), ("reason", self.tr("原因")), ("created_at", self.tr("时间"))],
            id_key="id", parent=self)
        widths = {ui.historyTable: (56, 72, 56, 90, 130, 64, 110, 130),
                  ui.townshipTable: (90, 200, 80, 190, 80, 130, 60, 130, 50, 50),
                  ui.conflictTable: (90, 100, 260, 360), ui.quarantineTable: (90, 100, 260, 360)}
        for table, model in ((ui.historyTable, self.history), (ui.townshipTable, self.townships),
                             (ui.conflictTable, self.conflict_model), (ui.quarantineTable, self.quarantine_model)):
            table.setModel(model)
            table.verticalHeader().setVisible(False)
            table.horizontalHeader().setStretchLastSection(True)
            for column, width in enumerate(widths[table]):
                table.setColumnWidth(column, width)
        can_move = workspace.can("station.backup")
        can_keys = workspace.can("settings.edit")
        for widget in (ui.exportUsbButton, ui.exportMailButton, ui.splitLabel, ui.splitSpin, ui.fullCheck):
            widget.setVisible(not self.district)
            widget.setEnabled(can_move)
        for widget in (ui.referenceButton, ui.acceptButton, ui.receiptButton):
            widget.setVisible(self.district)
        ui.referenceButton.setEnabled(can_keys)
        ui.acceptButton.setEnabled(can_keys)
        ui.receiptButton.setEnabled(can_move)
        ui.importButton.setEnabled(can_move)
        ui.trustButton.setEnabled(can_keys)
        ui.conflictButton.setEnabled(can_keys)
        for tab in (ui.townshipsTab, ui.conflictsTab, ui.quarantineTab):
            ui.tabs.setTabVisible(ui.tabs.indexOf(tab), self.district)
        ui.trustButton.setText(self.tr("导入乡镇名片并登记(&T)…") if self.district
                               else self.tr("导入区里名片(&T)…"))
        ui.refreshButton.clicked.connect(self.refresh)
        ui.unlockButton.clicked.connect(self.unlock)
        ui.passphraseEdit.returnPressed.connect(self.unlock)
        ui.exportUsbButton.clicked.connect(lambda: self.export(split=False))
        ui.exportMailButton.clicked.connect(lambda: self.export(split=True))
        ui.importButton.clicked.connect(self.import_files)
        ui.cardButton.clicked.connect(self.write_card)
        ui.trustButton.clicked.connect(self.trust_card)
        ui.acceptButton.clicked.connect(self.accept_township)
        ui.referenceButton.clicked.connect(self.publish_reference)
        ui.receiptButton.clicked.connect(self.write_receipt)
        ui.conflictButton.clicked.connect(self.open_conflict)
        ui.conflictTable.doubleClicked.connect(lambda _index: self.open_conflict())
        workspace.changed.connect(self._changed)
        ui.statusLabel.setText(self.tr("正在统计……"))
        style.set_role(ui.statusLabel, "hint")

    def showEvent(self, event: QShowEvent) -> None:
        """Read the state again each time the page is shown: cases, registers and settings change
        elsewhere, and 待导出的修改 must count them (off the GUI thread)."""
        super().showEvent(event)
        if not event.spontaneous():
            self.refresh()

    def _changed(self, changes: Changes) -> None:
        """待导出的修改 count every exchanged row: any write may change them (counted when shown, else)."""
        if changes.touches(CASE, REGISTRY, SETTINGS, EXCHANGE, USERS) and self.isVisible():
            self.refresh()

    def initial_focus(self) -> QWidget:
        """Where the keyboard goes when the page is shown."""
        return self.ui.importButton if self.district else self.ui.exportUsbButton

    # ---------------------------------------------------------------- file choices (tests replace these)

    def choose_folder(self, title: str) -> Path | None:
        """Ask for a folder (the USB stick)."""
        folder = QFileDialog.getExistingDirectory(self, title)
        return Path(folder) if folder else None

    def choose_files(self, title: str) -> list[Path]:
        """Ask for package files (several; e-mail parts in any order)."""
        files, _filter = QFileDialog.getOpenFileNames(self, title, "", self.tr(PACKAGE_FILTER))
        return [Path(f) for f in files]

    def choose_open(self, title: str, filter_: str) -> Path | None:
        """Ask for one file to read."""
        name, _filter = QFileDialog.getOpenFileName(self, title, "", filter_)
        return Path(name) if name else None

    def choose_save(self, title: str, suggested: str, filter_: str) -> Path | None:
        """Ask where to write a file."""
        name, _filter = QFileDialog.getSaveFileName(self, title, suggested, filter_)
        return Path(name) if name else None

    # ---------------------------------------------------------------- state

    def refresh(self) -> None:
        """Read the exchange state off the GUI thread and show it; 正在统计…… until it arrives.

        While a read is under way a new request waits for it and then reads once more.
        """
        if self.task is not None:
            self._again = True
            return
        self._again = False
        self._generation += 1
        generation = self._generation
        if self.view is None:
            self.ui.statusLabel.setText(self.tr("正在统计……"))
        self.task = ops.run(self, _read, self.workspace.ctx, self.district,
                            on_done=lambda state: self._read_done(generation, state),
                            on_error=lambda exc: self._read_done(generation, exc))

    def _read_done(self, generation: int, state: Any) -> None:
        self.task = None
        if generation == self._generation:  # else a newer reload() has shown newer figures already
            self._show_state(state)
        if self._again:
            self.refresh()

    def reload(self) -> None:
        """Read the exchange state now (after this page's own actions) and show it."""
        self._generation += 1
        try:
            state: Any = _read(self.workspace.ctx, self.district)
        except HexieError as exc:
            state = exc
        self._show_state(state)

    def _show_state(self, state: Any) -> None:
        if isinstance(state, BaseException):
            if not isinstance(state, HexieError):
                messages.show_error(self, state)
                return
            self.ui.statusLabel.setText(messages.describe(state))
            return
        view, conflicts, quarantined = state
        self.view = view
        ui = self.ui
        card = view.card
        ui.stationLabel.setText(self.tr("本站：{name}（{code}）　指纹：{fp}").format(
            name=view.unit_name, code=view.unit_code, fp=card.fingerprint if card else self.tr("尚未生成")))
        lines: list[str] = []
        if self.district:
            lines.append(self.tr("已登记乡镇{n}个，待处理冲突{c}条，隔离记录{q}条").format(
                n=sum(1 for t in view.townships if t.status == "trusted"), c=view.open_conflicts,
                q=view.open_quarantine))
            pending = [t for t in view.townships if t.status == "pending"]
            if pending:
                lines.append(self.tr("等待核对指纹：{names}").format(
                    names="、".join(f"{t.unit_name}（{t.fingerprint}）" for t in pending)))
            for township in view.townships:
                if township.gap_label:
                    lines.append(self.tr("{name}的第{n}号数据包未收到").format(
                        name=township.unit_name, n=township.gap_label))
                if township.other_cards:
                    lines.append(self.tr("注意：另有名片（指纹 {fps}）也自称是{code}，可能有人冒充；只接受电话核对一致的指纹").format(
                        fps="、".join(township.other_cards), code=township.unit_code))
        else:
            if view.district is not None:
                lines.append(self.tr("区级站点：{name}（指纹 {fp}）").format(name=view.district.unit_name,
                                                                          fp=view.district.fingerprint))
            lines.append(self.tr("待导出的修改：{n}行；区里已确认到变更序号{seq}").format(
                n=view.pending_rows, seq=view.acknowledged_seq) if view.acknowledged_seq else
                self.tr("待导出的修改：{n}行；区里尚未确认收到本站的数据").format(n=view.pending_rows))
        lines += view.notes
        ui.statusLabel.setText("\n".join(lines))
        style.set_role(ui.statusLabel, "warning" if view.full_recommended or view.open_conflicts else "hint")
        if view.full_recommended and not self.district:
            ui.fullCheck.setChecked(True)
        ui.unlockFrame.setVisible(view.protected and self.keys is None)
        self.history.set_records([_package_record(p) for p in view.history])
        self.townships.set_records(view.townships)
        if self.district:
            self.conflict_model.set_records(conflicts)
            self.quarantine_model.set_records(quarantined)

    def _say(self, text: str, role: str = "ok") -> None:
        self.ui.messageLabel.setText(text)
        style.set_role(self.ui.messageLabel, role)

    def _need_keys(self) -> bool:
        if self.view is not None and self.view.protected and self.keys is None:
            self._say(self.tr("请先输入区级密钥口令并解锁。"), "error")
            self.ui.passphraseEdit.setFocus()
            return False
        return True

    def unlock(self) -> None:
        """Unlock the district keys with the passphrase typed on the screen.

        A district without keys yet (created without a passphrase) first sets its passphrase,
        typed twice, and its keys are made sealed with it.
        """
        passphrase = self.ui.passphraseEdit.text()
        self.ui.passphraseEdit.clear()

        def done(keys: Any) -> None:
            self.keys = keys
            self._say(self.tr("密钥已解锁（本次登录内有效）。"))
            self.reload()

        if not exchange.has_keys(self.station):
            self._create_keys(done)
            return
        ops.run(self, exchange.unlock, self.station, passphrase, on_done=done,
                on_error=lambda exc: self._say(messages.describe(exc), "error"))

    def _create_keys(self, done) -> None:  # noqa: ANN001
        def submit(values: dict[str, Any]) -> Any:
            first, second = values.get("passphrase") or "", values.get("passphrase2") or ""
            if first != second:
                raise UserError(self.tr("两次输入的口令不一致"), field="passphrase2")
            return exchange.unlock(self.station, first)

        dialog = FormDialog(self.tr("设置区级密钥口令"), self.tr(
            "本站还没有交换密钥。请设置区级密钥口令（至少8个字符）并牢记：忘记口令将无法打开乡镇发来的数据包。"),
            [Field("passphrase", self.tr("口令"), "password", True),
             Field("passphrase2", self.tr("再次输入口令"), "password", True)], submit, self)
        dialog.accepted.connect(lambda: done(dialog.result))
        self.dialog = dialog
        dialog.open()

    # ---------------------------------------------------------------- township export

    def export(self, *, split: bool) -> None:
        """Export a package to a folder (USB stick), whole or as e-mail parts."""
        self.reload()
        if self.view is not None and self.view.district is None:    # before asking for a folder
            who = "" if self.ui.trustButton.isEnabled() else self.tr("请管理员登录后")
            self._say(self.tr("还不能导出：尚未登记区级站点。{who}请先在本页点“导入区里名片”，"
                              "选择区里发来的站点名片，并电话核对指纹。").format(who=who), "error")
            self.ui.trustButton.setFocus()
            return
        folder = self.choose_folder(self.tr("选择U盘或保存数据包的文件夹") if not split
                                    else self.tr("选择保存邮件附件的文件夹"))
        if folder is None:
            return
        info = self.station.info
        stamp = datetime.now().strftime("%Y%m%d-%H%M")
        target = folder / f"{info.short_name}-{info.unit_code}-{stamp}.hxp"
        write_op.write(self, self.workspace, exchange.export_package, self.workspace.ctx, target,
                       split_mb=self.ui.splitSpin.value() if split else None, full=self.ui.fullCheck.isChecked(),
                       changes=Changes.of(EXCHANGE), on_done=self._exported,
                       progress_title=self.tr("正在导出数据包…"), progress_total=0)

    def _exported(self, result: exchange.Exported) -> None:
        kind = exchange.KIND_LABELS.get(result.kind, result.kind)
        names = "\n".join(str(p) for p in result.paths)
        self._say(self.tr("已导出第{n}号数据包（{kind}，{rows}行，{files}个附件）：\n{names}").format(
            n=result.sequence, kind=kind, rows=result.rows, files=result.files, names=names))
        self.ui.fullCheck.setChecked(False)
        self.refresh()  # this page's own action: its history and counts follow even when it is not shown

    # ---------------------------------------------------------------- imports

    def import_files(self) -> None:
        """Import packages, receipts or reference data; a district first sees a dry-run summary."""
        if not self._need_keys():
            return
        files = self.choose_files(self.tr("选择数据包（分卷请一次全部选中）"))
        if not files:
            return
        if not self.district:
            write_op.write(self, self.workspace, exchange.import_packages, self.workspace.ctx, files,
                           changes=imported_changes, on_done=self._imported,
                           progress_title=self.tr("正在导入…"), progress_total=0)
            return
        write_op.write(self, self.workspace, exchange.import_packages, self.workspace.ctx, files, dry_run=True,
                       keys=self.keys, changes=NOTHING, on_done=lambda outcomes: self._summary(files, outcomes),
                       progress_title=self.tr("正在检查数据包…"), progress_total=0)

    def _summary(self, files: list[Path], outcomes: list[exchange.Outcome]) -> None:
        dialog = SummaryDialog(outcomes, self)
        self.dialog = dialog
        dialog.accepted.connect(lambda: write_op.write(
            self, self.workspace, exchange.import_packages, self.workspace.ctx, files, keys=self.keys,
            changes=imported_changes, on_done=self._imported, progress_title=self.tr("正在导入…"), progress_total=0))
        dialog.finished.connect(lambda _code: self.reload())
        dialog.open()

    def _imported(self, outcomes: list[exchange.Outcome]) -> None:
        lines = []
        for outcome in outcomes:
            if not outcome.ok:
                lines.append(self.tr("未导入 {source}：{error}").format(source=Path(outcome.source).name,
                                                                      error=outcome.error))
                continue
            head = self.tr("{name}第{n}号{kind}").format(
                name=outcome.sender_name, n=outcome.sequence, kind=exchange.KIND_LABELS.get(outcome.kind, ""))
            if outcome.summary is not None:
                t = outcome.summary.totals()
                head += self.tr("：新增{new}，更新{upd}，未变{same}，冲突{conf}，隔离{rej}").format(
                    new=t.new, upd=t.updated, same=t.unchanged, conf=t.conflicts, rej=t.rejected)
            lines.append(head)
            lines += ["　" + m for m in outcome.messages]
            if outcome.receipt_path is not None:
                lines.append(self.tr("　回执已写入：{path}（请带回或发给乡镇）").format(path=outcome.receipt_path))
        self._say("\n".join(lines), "ok" if all(o.ok for o in outcomes) else "warning")
        self.reload()

    # ---------------------------------------------------------------- keys

    def write_card(self) -> None:
        """Save this station's card (public keys) for the other side."""
        info = self.station.info
        target = self.choose_save(self.tr("保存本站名片"), f"{info.short_name}-{info.unit_code}.card",
                                  self.tr(CARD_FILTER))
        if target is None or not self._need_keys_for_card():
            return
        write_op.write(self, self.workspace, exchange.write_card, self.workspace.ctx, target,
                       changes=Changes.of(EXCHANGE), on_done=lambda card: self._say(self.tr(
                           "名片已保存：{path}\n请把指纹 {fp} 电话告诉对方，供对方核对。").format(
                           path=target, fp=card.fingerprint)))

    def _need_keys_for_card(self) -> bool:
        return exchange.has_keys(self.station) or self._need_keys()

    def trust_card(self) -> None:
        """Read the other side's card, show its fingerprint, and trust it once the person confirms."""
        path = self.choose_open(self.tr("选择对方的站点名片"), self.tr(CARD_FILTER))
        if path is None:
            return
        try:
            card = exchange.read_card(path)
        except HexieError as exc:
            messages.show_error(self, exc)
            return

        def trust() -> None:
            write_op.write(self, self.workspace, exchange.trust_card, self.workspace.ctx, path,
                           fingerprint=card.fingerprint, changes=Changes.of(EXCHANGE),
                           on_done=lambda peer: self._say(self.tr("已信任：{name}（{code}）").format(
                               name=peer.unit_name, code=peer.unit_code)))

        self.dialog = messages.ask(self, self.tr("核对指纹"), self.tr(
            "名片：{name}（{code}，{role}）\n指纹：\n\n{fp}\n\n请打电话请对方读出其指纹，逐组核对，一致才能信任。一致吗？").format(
            name=card.unit_name, code=card.unit_code, fp=card.fingerprint,
            role=self.tr("乡镇") if card.role == "township" else self.tr("区级")), trust)

    def _selected(self, table, model) -> dict | None:  # noqa: ANN001
        rows = table.selectionModel().selectedRows() if table.selectionModel() else []
        return model.record(rows[0].row()) if rows else None

    def accept_township(self) -> None:
        """Enroll the selected waiting township after the fingerprint typed matches its package."""
        if not self._need_keys():
            return
        record = self._selected(self.ui.townshipTable, self.townships)
        pending = [t for t in (self.view.townships if self.view else []) if t.status == "pending"]
        if record is None or record["status"] != "pending":
            record = {"unit_code": pending[0].unit_code, "unit_name": pending[0].unit_name} if pending else None
        if record is None:
            self._say(self.tr("没有等待核对指纹的乡镇。"), "hint")
            return

        def submit(values: dict[str, Any]) -> write_op.Write:
            return write_op.prepare(self.workspace, exchange.accept_township, self.workspace.ctx, record["unit_code"],
                                    values.get("fingerprint") or "", keys=self.keys,
                                    changes=lambda result: imported_changes(result[1]) | Changes.of(EXCHANGE))

        dialog = FormDialog(self.tr("接受乡镇"), self.tr(
            "请电话询问{name}（{code}）本站名片上的指纹，输入后与其数据包中的指纹核对。").format(
            name=record["unit_name"], code=record["unit_code"]),
            [Field("fingerprint", self.tr("对方读出的指纹"), required=True)], submit, self)
        dialog.accepted.connect(lambda: self._imported(dialog.result[1]) if dialog.result[1] else self.reload())
        self.dialog = dialog
        dialog.open()

    # ---------------------------------------------------------------- district actions

    def publish_reference(self) -> None:
        """Write a reference package (holidays, document settings, codes) for every enrolled township."""
        if not self._need_keys():
            return
        folder = self.choose_folder(self.tr("选择保存参考数据包的文件夹"))
        if folder is None:
            return
        target = folder / f"参考数据-{self.station.info.unit_code}-{datetime.now():%Y%m%d-%H%M}.hxp"
        write_op.write(self, self.workspace, exchange.publish_reference, self.workspace.ctx, target, keys=self.keys,
                       changes=Changes.of(EXCHANGE),
                       on_done=lambda r: self._say(self.tr("已导出参考数据包第{n}号（{k}个乡镇）：{path}").format(
                           n=r.sequence, k=len(r.recipients), path=r.paths[0])))

    def write_receipt(self) -> None:
        """Issue the receipt for the selected township again (e.g. the first one was lost)."""
        if not self._need_keys():
            return
        record = self._selected(self.ui.townshipTable, self.townships)
        if record is None:
            self._say(self.tr("请先在“乡镇”列表中选中一个乡镇。"), "hint")
            return
        target = self.choose_save(self.tr("保存回执"), f"{record['unit_code']}-回执.hxp", self.tr(PACKAGE_FILTER))
        if target is None:
            return
        write_op.write(self, self.workspace, exchange.write_receipt, self.workspace.ctx, record["unit_code"],
                       out=target, keys=self.keys, changes=Changes.of(EXCHANGE),
                       on_done=lambda path: self._say(self.tr("回执已写入：{path}").format(path=path)))

    def open_conflict(self) -> None:
        """Show the selected conflict side by side and let the person decide."""
        record = self._selected(self.ui.conflictTable, self.conflict_model)
        if record is None:
            self._say(self.tr("请先在“冲突”列表中选中一条。"), "hint")
            return
        conflict = exchange.ConflictView(**record)

        def decided(take: bool) -> None:
            self._say(self.tr("冲突已处理：{choice}").format(
                choice=self.tr("采用乡镇的版本") if take else self.tr("保留区里的版本")))
            self.refresh()  # this page's own action: its conflict list follows even when it is not shown

        def decide(take: bool) -> None:
            write_op.write(self, self.workspace, exchange.resolve_conflict, self.workspace.ctx, conflict.id,
                           take_township=take, changes=ALL, on_done=lambda _result: decided(take))

        self.dialog = ConflictDialog(conflict, decide, self)
        self.dialog.open()


def _read(ctx: Any, district: bool) -> tuple[exchange.Overview, list, list]:
    """Everything the page shows (a background read; the screen's own actions call it directly)."""
    view = exchange.overview(ctx)
    if not district:
        return view, [], []
    return view, exchange.conflicts(ctx), exchange.quarantined(ctx)


def _package_record(package: exchange.PackageView) -> dict[str, Any]:
    return {"package_id": package.package_id, "direction": package.direction, "kind": package.kind,
            "sequence": package.sequence, "peer": package.peer, "recorded_at": package.recorded_at,
            "rows": package.rows, "status": package.status, "acknowledged_at": package.acknowledged_at,
            "file_name": package.file_name}


def _status(screen: ExchangeScreen, record: dict[str, Any]) -> str:
    return {"sent": screen.tr("已导出，待确认"), "acknowledged": screen.tr("区里已确认"),
            "applied": screen.tr("已导入"), "waiting": screen.tr("等待登记")}.get(record["status"], record["status"])
