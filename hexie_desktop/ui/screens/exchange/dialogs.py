"""Dialogs of the exchange screen: the dry-run summary before an import, and a conflict side by side."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QWidget

from hexie_desktop.services import exchange
from hexie_desktop.ui import style
from hexie_desktop.ui.fieldnames import describe_field
from hexie_desktop.ui.forms.exchange_conflict import Ui_ExchangeConflictDialog
from hexie_desktop.ui.forms.exchange_summary import Ui_ExchangeSummaryDialog
from hexie_desktop.ui.models.records import RecordTableModel

SYNC_LABELS = {"id": "记录编号", "origin": "所属单位", "version": "版本", "change_seq": "乡镇变更序号",
               "updated_at": "乡镇修改时间（仅供参考）", "deleted": "已删除"}


def _column_label(column: str) -> str:
    if column in SYNC_LABELS:
        return SYNC_LABELS[column]
    label = describe_field(column)
    return column if label == column else f"{label}（{column}）"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


class SummaryDialog(QDialog):
    """What an import would do, per package and table; 确认导入 applies it."""

    def __init__(self, outcomes: list[exchange.Outcome], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ExchangeSummaryDialog()
        self.ui.setupUi(self)
        style.set_role(self.ui.problemLabel, "error")
        self.outcomes = outcomes
        rows = []
        good = [o for o in outcomes if o.ok]
        for outcome in good:
            for table, counts in exchange.summary_lines(outcome.summary) if outcome.summary else []:
                rows.append({"package": self.tr("{name}第{n}号").format(name=outcome.sender_name, n=outcome.sequence),
                             "table": exchange.TABLE_LABELS.get(table, table), **exchange.counts_dict(counts)})
        self.model = RecordTableModel([
            ("package", self.tr("数据包")), ("table", self.tr("数据表")), ("new", self.tr("新增")),
            ("updated", self.tr("更新")), ("unchanged", self.tr("未变（重复）")), ("conflicts", self.tr("冲突")),
            ("rejected", self.tr("隔离"))], id_key="table", right_aligned=(2, 3, 4, 5, 6), parent=self)
        self.model.set_records(rows)
        self.ui.table.setModel(self.model)
        self.ui.table.verticalHeader().setVisible(False)
        for column, width in enumerate((180, 110, 64, 64, 90, 64, 64)):
            self.ui.table.setColumnWidth(column, width)
        totals = [o.summary.totals() for o in good if o.summary]
        self.ui.headLabel.setText(self.tr(
            "以下是试导入的结果，尚未写入。共{k}个数据包：新增{new}行，更新{upd}行，未变{same}行，"
            "冲突{conf}行（不覆盖，进入冲突列表），隔离{rej}行（格式不对，其余照常导入）。").format(
            k=len(good), new=sum(t.new for t in totals), upd=sum(t.updated for t in totals),
            same=sum(t.unchanged for t in totals), conf=sum(t.conflicts for t in totals),
            rej=sum(t.rejected for t in totals)))
        problems = [f"{o.source}：{o.error}" for o in outcomes if not o.ok]
        self.ui.problemLabel.setText("\n".join(problems))
        self.ui.problemLabel.setVisible(bool(problems))
        self.ui.applyButton.setEnabled(bool(good))
        self.ui.applyButton.clicked.connect(self.accept)
        self.ui.cancelButton.clicked.connect(self.reject)


class ConflictDialog(QDialog):
    """Both versions of a conflicting row side by side; the person keeps one of them."""

    def __init__(self, conflict: exchange.ConflictView, decide: Callable[[bool], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ExchangeConflictDialog()
        self.ui.setupUi(self)
        self.conflict = conflict
        self.decide = decide
        table = exchange.TABLE_LABELS.get(conflict.table, conflict.table)
        self.ui.reasonLabel.setText(self.tr("{table}（来自{origin}，编号 {id}）\n{reason}").format(
            table=table, origin=conflict.origin, id=conflict.row_id, reason=conflict.reason))
        style.set_role(self.ui.noteLabel, "hint")
        self.model = RecordTableModel([("column", self.tr("字段")), ("stored", self.tr("区里保存的版本")),
                                       ("incoming", self.tr("乡镇的版本"))], id_key="column", parent=self)
        self.ui.table.setModel(self.model)
        self.ui.table.verticalHeader().setVisible(False)
        self.ui.table.setColumnWidth(0, 210)
        self.ui.table.setColumnWidth(1, 290)
        self.ui.table.horizontalHeader().setStretchLastSection(True)
        if conflict.incoming is None:
            self.ui.takeButton.setText(self.tr("按乡镇现状移除区里的这条记录(&R)"))
        self.ui.allCheck.toggled.connect(self.fill)
        self.ui.keepButton.clicked.connect(lambda: self._decide(False))
        self.ui.takeButton.clicked.connect(lambda: self._decide(True))
        self.ui.closeButton.clicked.connect(self.reject)
        self.fill()

    def fill(self) -> None:
        """Show the differing fields (or every field)."""
        conflict = self.conflict
        if self.ui.allCheck.isChecked():
            incoming = conflict.incoming or {}
            rows = [(c, conflict.stored.get(c), incoming.get(c)) for c in conflict.stored]
        else:
            rows = conflict.differences
        absent = self.tr("（乡镇已没有此记录）")
        self.model.set_records([{"column": _column_label(c), "stored": _cell(a),
                                 "incoming": absent if conflict.incoming is None else _cell(b)}
                                for c, a, b in rows])

    def _decide(self, take: bool) -> None:
        self.decide(take)
        self.accept()
