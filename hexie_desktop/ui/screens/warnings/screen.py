"""The 监测预警 screen: scan, list leads by status, read one lead's follow-up records, handle it
(指派、跟进、化解办结、排除、重新打开) and set the thresholds.  Every action is one service call."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QPushButton, QWidget

from hexie_desktop.core import warnings as rules
from hexie_desktop.core.errors import HexieError
from hexie_desktop.services import settings, warnings
from hexie_desktop.ui import messages, style
from hexie_desktop.ui.forms.warnings import Ui_WarningsScreen
from hexie_desktop.ui.lazy import RefreshWhenShown
from hexie_desktop.ui.models.records import RecordTableModel
from hexie_desktop.ui.widgets.badges import BadgeDelegate
from hexie_desktop.ui.widgets.form_dialog import FormDialog
from hexie_desktop.ui.widgets.formbuilder import Field
from hexie_desktop.ui.workspace import Workspace

BADGES = {"red": "overdue", "orange": "today", "yellow": "soon"}
"""Lead level → the badge colour the case lists use for the same urgency."""


class WarningsScreen(RefreshWhenShown):
    """Lists :func:`services.warnings.list_leads`; the buttons call scan/handle/settings."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.dialog: FormDialog | None = None
        self.ui = Ui_WarningsScreen()
        self.ui.setupUi(self)
        ui = self.ui
        style.set_role(ui.titleLabel, "title")
        style.set_role(ui.summaryLabel, "hint")
        for code, label in (("open", self.tr("待处理和跟进中")), ("all", self.tr("全部")),
                            *((k, v) for k, v in rules.STATUSES.items() if k not in rules.OPEN_STATUSES)):
            ui.statusCombo.addItem(label, code)
        self.buttons: dict[str, QPushButton] = {}
        for action in rules.HANDLING:  # one button per handling step the rules define
            button = QPushButton(rules.ACTIONS[action] + "…", self)
            button.setObjectName(f"handle_{action}")
            button.clicked.connect(lambda _c=False, a=action: self.handle(a))
            self.buttons[action] = button
            ui.handlingLayout.addWidget(button)
        self.model = RecordTableModel(
            [("level_label", self.tr("等级")), ("status_label", self.tr("状态")), ("rule_label", self.tr("类型")),
             ("title", self.tr("线索")), (lambda r: r["owner"] or self.tr("未指派"), self.tr("负责人")),
             ("raised_on", self.tr("发现日期")),
             (lambda r: (r["due_on"].isoformat() if r["due_on"] else "") + (self.tr("（已超期）") if r["overdue"] else ""),
              self.tr("处理时限"))],
            badge_key="badge", badge_column=0, parent=self)
        ui.table.setModel(self.model)
        ui.table.setItemDelegateForColumn(0, BadgeDelegate(ui.table))
        for column, width in enumerate((100, 70, 230, 430, 80, 90)):
            ui.table.setColumnWidth(column, width)
        ui.splitter.setSizes([400, 160])
        can_handle = workspace.can("warning.handle")
        for button in self.buttons.values():
            button.setEnabled(can_handle)
        ui.scanButton.setEnabled(workspace.can("warning.scan"))
        ui.thresholdButton.setEnabled(workspace.can("settings.edit"))
        ui.scanButton.clicked.connect(self.scan)
        ui.thresholdButton.clicked.connect(self.edit_thresholds)
        ui.statusCombo.currentIndexChanged.connect(self.refresh)
        ui.table.selectionModel().currentRowChanged.connect(lambda *_a: self.show_detail())
        workspace.cases_changed.connect(self._mark_stale)

    # ---------------------------------------------------------------- data

    def refresh(self) -> None:
        """List the leads of the chosen status and the open counts by level."""
        self._stale = False
        try:
            leads = warnings.list_leads(self.workspace.ctx, status=self.ui.statusCombo.currentData())
            summary = warnings.open_summary(self.workspace.ctx)
        except HexieError as exc:
            messages.show_error(self, exc)
            return
        for lead in leads:
            lead["badge"] = BADGES.get(lead["level"], "none")
        self.model.set_records(leads)
        self.ui.summaryLabel.setText(self.tr("待处理线索{total}条：红色{red}条，橙色{orange}条，黄色{yellow}条；超过处理时限{overdue}条")
                                  .format(**summary))
        if leads:
            self.ui.table.selectRow(0)
        self.show_detail()

    def selected(self) -> dict[str, Any] | None:
        """The selected lead."""
        index = self.ui.table.currentIndex()
        return self.model.record(index.row()) if index.isValid() else None

    def show_detail(self) -> None:
        """The selected lead's facts and follow-up records."""
        lead = self.selected()
        if lead is None:
            self.ui.detail.setPlainText("")
            return
        try:
            full = warnings.show(self.workspace.ctx, lead["id"])
        except HexieError as exc:
            self.ui.detail.setPlainText(messages.describe(exc))
            return
        lines = [full["title"], full["detail"] or "", self.tr("跟进记录：")]
        for record in full["actions"]:
            owner = self.tr("（负责人：{o}）").format(o=record["owner"]) if record["owner"] else ""
            lines.append(f"{record['on_date'].isoformat()}  {record['actor']}  {record['action_label']}{owner}  "
                         f"{record['note'] or ''}")
        self.ui.detail.setPlainText("\n".join(lines))

    # ---------------------------------------------------------------- actions

    def scan(self) -> None:
        """Run the rules over the station's data."""
        try:
            result = warnings.scan(self.workspace.ctx)
        except HexieError as exc:
            messages.show_error(self, exc)
            return
        self.refresh()
        self.ui.summaryLabel.setText(self.tr("扫描完成：新线索{r}条，情况变化{u}条。").format(r=result.raised, u=result.updated)
                                  + self.ui.summaryLabel.text())

    def handle(self, action: str) -> FormDialog | None:
        """Open the form of one handling action for the selected lead."""
        lead = self.selected()
        if lead is None:
            return None
        fields = [Field("note", self.tr("处理情况"), "multiline", action != "assign")]
        if action == "assign":
            fields.insert(0, Field("owner", self.tr("负责人"), required=True, default=lead["owner"]))

        def submit(values: dict[str, Any]) -> Any:
            return warnings.handle(self.workspace.ctx, lead["id"], action, note=values.get("note"),
                                   owner=values.get("owner"))

        dialog = FormDialog(rules.ACTIONS[action], lead["title"], fields, submit, self)
        dialog.accepted.connect(self.refresh)
        self.dialog = dialog
        dialog.open()
        return dialog

    def edit_thresholds(self) -> FormDialog | None:
        """Edit the thresholds (admins)."""
        try:
            current = warnings.read_thresholds(self.workspace.ctx)
        except HexieError as exc:
            messages.show_error(self, exc)
            return None
        fields = [Field(key, rules.LABELS[key], "int", True) for key in current]

        def submit(values: dict[str, Any]) -> Any:
            return settings.update(self.workspace.ctx, {"warnings.thresholds": values})

        dialog = FormDialog(self.tr("预警阈值"), self.tr("扫描时按这些阈值生成线索；修改后重新扫描生效。"), fields, submit, self)
        dialog.builder.set_values(current)
        self.dialog = dialog
        dialog.open()
        return dialog
