"""The 选树 screen: choose a year and a kind, list the nominations, nominate a record, check each
criterion (quoted from the plan) with a note, review, decide, withdraw, print the publication list.
Every action is one service call; the rules (order of steps, refusals) are the service's."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QTableView, QWidget

from hexie_desktop.core import selection as rules
from hexie_desktop.core.errors import HexieError
from hexie_desktop.services import plan_printing, registries, selection
from hexie_desktop.ui import messages, style
from hexie_desktop.ui.forms.selection import Ui_SelectionScreen
from hexie_desktop.ui.lazy import RefreshWhenShown
from hexie_desktop.ui.models.records import RecordTableModel
from hexie_desktop.ui.widgets.form_dialog import FormDialog
from hexie_desktop.ui.widgets.formbuilder import Field
from hexie_desktop.ui.workspace import Workspace


class SelectionScreen(RefreshWhenShown):
    """Lists :func:`services.selection.list_selections`; the buttons call its steps."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.dialog: FormDialog | None = None
        self.current: dict[str, Any] | None = None
        self.focus_id: str | None = None
        self.ui = Ui_SelectionScreen()
        self.ui.setupUi(self)
        ui = self.ui
        style.set_role(ui.titleLabel, "title")
        style.set_role(ui.summaryLabel, "hint")
        ui.yearSpin.setRange(*rules.YEARS)
        ui.yearSpin.setValue(workspace.ctx.today.year)
        for code, kind in rules.KINDS.items():
            ui.kindCombo.addItem(kind.label, code)
        ui.kindCombo.addItem(self.tr("全部类型"), None)
        ui.statusCombo.addItem(self.tr("全部状态"), None)
        ui.statusCombo.addItem(self.tr("待审核或待决定"), "open")
        for code, label in rules.STATUSES.items():
            ui.statusCombo.addItem(label, code)
        self.model = RecordTableModel(
            [("kind_label", self.tr("类型")), ("subject_name", self.tr("对象")), ("status_label", self.tr("状态")),
             (lambda r: f"{r['met']}/{r['criteria']}", self.tr("条件符合")), ("nominated_on", self.tr("提名日期")),
             ("nominated_by", self.tr("提名人")), ("decided_on", self.tr("决定日期")), ("decided_by", self.tr("决定人")),
             ("origin_name", self.tr("推荐单位"))],
            parent=self)
        self._show(ui.table, self.model, (170, 240, 70, 70, 90, 80, 90, 80))
        self.checks = RecordTableModel(
            [("result_label", self.tr("核查结果")), ("text", self.tr("条件（摘自行动计划）")), ("source", self.tr("出处")),
             ("note", self.tr("核查情况"))], id_key="code", parent=self)
        self._show(ui.checkTable, self.checks, (70, 460, 240))
        rows = ui.checkTable.verticalHeader()
        rows.setMinimumSectionSize(rows.defaultSectionSize())  # fitting rows to their text never squeezes one-liners
        ui.splitter.setSizes([240, 320])
        can_nominate = workspace.can("selection.nominate")
        can_decide = workspace.can("selection.decide")
        for button, allowed in ((ui.nominateButton, can_nominate), (ui.checkButton, can_nominate),
                                (ui.withdrawButton, can_nominate), (ui.reviewButton, can_decide),
                                (ui.decideButton, can_decide)):
            button.setEnabled(allowed)
        ui.yearSpin.valueChanged.connect(self.refresh)
        ui.kindCombo.currentIndexChanged.connect(self.refresh)
        ui.statusCombo.currentIndexChanged.connect(self.refresh)
        ui.table.selectionModel().currentRowChanged.connect(lambda *_a: self.show_detail())
        ui.nominateButton.clicked.connect(lambda: self.nominate())
        ui.checkButton.clicked.connect(lambda: self.check())
        ui.reviewButton.clicked.connect(lambda: self.review())
        ui.decideButton.clicked.connect(lambda: self.decide())
        ui.withdrawButton.clicked.connect(lambda: self.withdraw())
        ui.publishButton.clicked.connect(lambda: self.publish())
        workspace.cases_changed.connect(self._mark_stale)

    @staticmethod
    def _show(table: QTableView, model: RecordTableModel, widths: tuple[int, ...]) -> None:
        """Put ``model`` in the form's ``table`` with its first columns ``widths`` wide."""
        table.setModel(model)
        for column, width in enumerate(widths):
            table.setColumnWidth(column, width)

    # ---------------------------------------------------------------- data

    def kind(self) -> str | None:
        """The chosen kind (``None``: every kind)."""
        return self.ui.kindCombo.currentData()

    def refresh(self) -> None:
        """List the nominations of the chosen year, kind and status."""
        self._stale = False
        chosen = self.selected()
        wanted = self.focus_id or (chosen["id"] if chosen else None)
        self.focus_id = None
        try:
            rows = selection.list_selections(self.workspace.ctx, kind=self.kind(), year=self.ui.yearSpin.value(),
                                             status=self.ui.statusCombo.currentData())
        except HexieError as exc:
            messages.show_error(self, exc)
            return
        self.model.set_records(rows)
        picked = sum(1 for r in rows if r["status"] == "selected")
        self.ui.summaryLabel.setText(self.tr("{y}年度：提名{n}个，已选树{s}个。先逐项核查条件，再审核、决定。").format(
            y=self.ui.yearSpin.value(), n=sum(1 for r in rows if r["status"] != "withdrawn"), s=picked))
        self.ui.nominateButton.setEnabled(self.workspace.can("selection.nominate") and self.kind() is not None)
        ids = [r["id"] for r in rows]
        if rows:
            self.ui.table.selectRow(ids.index(wanted) if wanted in ids else 0)
        self.show_detail()

    def selected(self) -> dict[str, Any] | None:
        """The selected nomination (as listed)."""
        index = self.ui.table.currentIndex()
        return self.model.record(index.row()) if index.isValid() else None

    def show_detail(self) -> None:
        """The selected nomination's criteria and what the registers say about its subject."""
        row = self.selected()
        self.current = None
        if row is None:
            self.checks.set_records([])
            self.ui.facts.setPlainText("")
            return
        try:
            self.current = selection.show(self.workspace.ctx, row["id"])
        except HexieError as exc:
            self.ui.facts.setPlainText(messages.describe(exc))
            return
        self.checks.set_records(self.current["checks"])
        self.ui.checkTable.resizeRowsToContents()
        lines = [self.tr("台账情况：") + "；".join(self.current["facts"])]
        if self.current["reason"]:
            lines.append(self.tr("推荐理由：") + self.current["reason"])
        if self.current["review_note"]:
            lines.append(self.tr("审核意见：") + self.current["review_note"])
        if self.current["decision_note"]:
            lines.append(self.tr("决定说明：") + self.current["decision_note"])
        self.ui.facts.setPlainText("\n".join(lines))
        if self.checks.rowCount():
            self.ui.checkTable.selectRow(0)

    # ---------------------------------------------------------------- actions

    def _open(self, title: str, intro: str, fields: list[Field], submit: Any) -> FormDialog:
        dialog = FormDialog(title, intro, fields, submit, self)
        dialog.accepted.connect(lambda: self._after(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _after(self, dialog: FormDialog) -> None:
        """Refresh and keep the nomination the dialog acted on selected."""
        if isinstance(dialog.result, dict) and dialog.result.get("id"):
            self.focus_id = dialog.result["id"]
        self.refresh()

    def nominate(self) -> FormDialog | None:
        """提名 a record of the register the chosen kind draws from (a case by its number)."""
        code = self.kind()
        if code is None:
            return None
        kind = rules.KINDS[code]
        year = self.ui.yearSpin.value()
        if kind.subject == "cases":
            subject = Field("subject", self.tr("案号"), "text", True, hint=self.tr("已达成调解协议的案件"))
        else:
            try:
                choices = registries.choices(self.workspace.ctx, kind.subject)
            except HexieError as exc:
                messages.show_error(self, exc)
                return None
            subject = Field("subject", rules.SUBJECTS[kind.subject], "choice", True, choices)
        fields = [subject, Field("reason", self.tr("推荐理由"), "multiline")]

        def submit(values: dict[str, Any]) -> Any:
            return selection.nominate(self.workspace.ctx, code, values.get("subject"), year, values.get("reason"))

        return self._open(self.tr("提名：{y}年度{k}").format(y=year, k=kind.label),
                          self.tr("提名后逐项核查条件；同一对象同一年度只能提名一次。"), fields, submit)

    def check(self) -> FormDialog | None:
        """核查 the criterion selected below the list."""
        index = self.ui.checkTable.currentIndex()
        if self.current is None or not index.isValid():
            return None
        item = self.checks.record(index.row())
        sid = self.current["id"]
        fields = [Field("result", self.tr("核查结果"), "choice", True, list(rules.RESULTS.items()),
                        default=item["result"] if item["result"] != "unchecked" else "met"),
                  Field("note", self.tr("核查情况"), "multiline", default=item["note"])]

        def submit(values: dict[str, Any]) -> Any:
            return selection.check(self.workspace.ctx, sid, item["code"], values.get("result"), values.get("note"))

        return self._open(self.tr("核查条件"), item["text"], fields, submit)

    def review(self) -> FormDialog | None:
        """审核 the selected nomination."""
        if self.current is None:
            return None
        sid = self.current["id"]
        return self._open(self.tr("审核"), self.current["subject_name"],
                          [Field("note", self.tr("审核意见"), "multiline")],
                          lambda values: selection.review(self.workspace.ctx, sid, values.get("note")))

    def decide(self) -> FormDialog | None:
        """决定: 选树 or not, with the date and a note."""
        if self.current is None:
            return None
        sid = self.current["id"]
        fields = [Field("decision", self.tr("决定"), "choice", True,
                        [("selected", self.tr("选树")), ("not_selected", self.tr("不选树"))]),
                  Field("decided_on", self.tr("决定日期"), "date", True, default=self.workspace.ctx.today),
                  Field("note", self.tr("说明（会议、文件）"), "multiline")]

        def submit(values: dict[str, Any]) -> Any:
            return selection.decide(self.workspace.ctx, sid, values.get("decision") == "selected",
                                    decided_on=values.get("decided_on"), note=values.get("note"))

        return self._open(self.tr("决定"), self.current["subject_name"], fields, submit)

    def withdraw(self) -> FormDialog | None:
        """撤回 the selected nomination."""
        if self.current is None:
            return None
        sid = self.current["id"]
        return self._open(self.tr("撤回提名"), self.current["subject_name"],
                          [Field("note", self.tr("撤回原因"), "multiline")],
                          lambda values: selection.withdraw(self.workspace.ctx, sid, values.get("note")))

    def publish(self, path: Path | None = None) -> Path | None:
        """Print the publication list of the chosen year (and kind) to a PDF."""
        year = self.ui.yearSpin.value()
        if path is None:
            name, _filter = QFileDialog.getSaveFileName(self, self.tr("打印选树结果名单"), f"选树结果名单-{year}.pdf",
                                                        "PDF (*.pdf)")
            if not name:
                return None
            path = Path(name)
        try:
            plan_printing.print_publication(self.workspace.ctx, year, path, self.kind())
        except HexieError as exc:
            messages.show_error(self, exc)
            return None
        return path
