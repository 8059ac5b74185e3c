"""The settings screen: reads every setting, saves the changed ones through ``services.settings.update``."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QWidget

from hexie_desktop.core.changes import SETTINGS, STATION, Changes
from hexie_desktop.core.errors import HexieError
from hexie_desktop.core.periods import DeadlineSettings
from hexie_desktop.services import settings
from hexie_desktop.ui import messages, style, write_op
from hexie_desktop.ui.forms.settings import Ui_SettingsScreen
from hexie_desktop.ui.models import queries
from hexie_desktop.ui.widgets.formbuilder import Field, FormBuilder
from hexie_desktop.ui.workspace import Workspace

DEADLINE_LABELS = {
    "acceptance_working_days": "受理决定期限（工作日）", "mediation_days": "调解期限（日）",
    "arbitration_review_days": "仲裁审查申请期限（日）", "judicial_confirmation_days": "司法确认申请期限（日）",
    "follow_up_days": "回访期限（日）", "archive_days": "归档期限（日）", "limitation_years": "仲裁时效（年）",
    "limitation_warning_days": "仲裁时效提前提示（日）", "entrusted_mediation_days": "仲裁委委托调解期限（日）",
}


class SettingsScreen(QWidget):
    """Station identity (name editable, unit code fixed) and the settings an admin may change."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SettingsScreen()
        self.ui.setupUi(self)
        self.workspace = workspace
        self.current: dict[str, Any] = {}
        style.set_role(self.ui.titleLabel, "title")
        style.set_role(self.ui.errorLabel, "error")
        style.set_role(self.ui.stationLabel, "hint")
        self.deadline_names = list(DeadlineSettings.__dataclass_fields__)
        fields = [
            Field("station.unit_name", self.tr("单位名称（印在文书落款）")),
            Field("station.short_name", self.tr("简称（用于案件编号）")),
            Field("station.address", self.tr("单位地址")),
            Field("station.phone", self.tr("联系电话")),
            Field("station.arbitration_commission", self.tr("劳动人事争议仲裁委员会")),
            Field("station.arbitration_address", self.tr("仲裁委员会地址")),
            Field("station.arbitration_phone", self.tr("仲裁委员会电话")),
            Field("station.court_name", self.tr("司法确认的人民法院")),
            Field("numbering.case_pattern", self.tr("案件编号格式"), hint=self.tr("可用 {year} {short_name} {n}")),
            Field("numbering.archive_pattern", self.tr("归档号格式"), hint=self.tr("可用 {year} {n}")),
            *[Field(f"deadlines.{name}", self.tr(DEADLINE_LABELS.get(name, name)), "int")
              for name in self.deadline_names],
            Field("archive.retention_years", self.tr("默认保管期限（年）"), "int"),
            Field("security.idle_lock_minutes", self.tr("无操作自动锁定（分钟，0为不锁定）"), "int"),
        ]
        self.builder = FormBuilder(self.ui.form, fields, self.ui.formHost)
        for name, widget in self.builder.widgets.items():
            widget.setMaximumWidth(120 if name.startswith(("deadlines.", "archive.", "security.")) else 460)
        row_of = {field.name: row for row, field in enumerate(fields)}
        sections = ((row_of["archive.retention_years"], self.tr("其他")),
                    (row_of[f"deadlines.{self.deadline_names[0]}"],
                     self.tr("期限（按法定期间计算，可按本地规定调整；文书上的“十五日内”等按此印出）")),
                    (row_of["numbering.case_pattern"], self.tr("编号")),
                    (row_of["station.arbitration_commission"],
                     self.tr("仲裁委员会与人民法院（印在调解协议书、不予受理、终止调解等文书上）")),
                    (0, self.tr("本站（单位代码是数据交换身份，不能修改）")))
        for row, title in sections:
            heading = QLabel(title, self.ui.formHost)
            style.set_role(heading, "section")
            self.ui.form.insertRow(row, heading)
        can_edit = workspace.can("settings.edit")
        for widget in self.builder.widgets.values():
            widget.setEnabled(can_edit)
        self.ui.saveButton.setEnabled(can_edit)
        if not can_edit:
            self.ui.errorLabel.setText(self.tr("只有管理员可以修改设置。"))
            style.set_role(self.ui.errorLabel, "hint")
        self.ui.saveButton.clicked.connect(self.save)
        self.ui.reloadButton.clicked.connect(self.reload)
        workspace.changed.connect(self._changed)
        self.reload()

    def reload(self) -> None:
        """Show the stored values."""
        self.current = queries.station_settings(self.workspace.ctx)
        info = self.workspace.station.info
        self.ui.stationLabel.setText(self.tr("单位代码：{code}　类型：{kind}（区里据此识别本站，已有记录都带有它，"
                                             "所以不能修改；名称、简称等可由管理员更正）").format(
            code=info.unit_code,
            kind=self.tr("乡镇") if info.role == "township" else self.tr("区级")))
        values = {k: v for k, v in self.current.items() if k in self.builder.widgets}
        for name in self.deadline_names:
            values[f"deadlines.{name}"] = self.current["deadlines"].get(name)
        self.builder.set_values(values)

    def changes(self) -> dict[str, Any]:
        """The settings whose value differs from the stored one, as ``settings.update`` takes them."""
        values = self.builder.values()
        out: dict[str, Any] = {}
        deadlines = dict(self.current.get("deadlines", {}))
        for key, value in values.items():
            if key.startswith("deadlines."):
                deadlines[key.split(".", 1)[1]] = value
            elif value != self.current.get(key) and not (value is None and self.current.get(key) == ""):
                out[key] = "" if value is None else value
        if deadlines != self.current.get("deadlines"):
            out["deadlines"] = deadlines
        return out

    def save(self) -> bool:
        """Save what changed (one audited transaction, off the GUI thread); True when the save has started."""
        changes = self.changes()
        if not changes:
            self.ui.errorLabel.setText(self.tr("没有修改。"))
            style.set_role(self.ui.errorLabel, "hint")
            return False
        touched = Changes.of(SETTINGS, *([STATION] if any(k.startswith("station.") for k in changes) else []))

        def saved(_result: Any) -> None:
            self.ui.errorLabel.setText(self.tr("已保存{n}项设置。").format(n=len(changes)))
            style.set_role(self.ui.errorLabel, "ok")

        def refused(error: BaseException) -> None:
            if not isinstance(error, HexieError):
                messages.show_error(self, error)
                return
            self.ui.errorLabel.setText(messages.describe(error))
            style.set_role(self.ui.errorLabel, "error")

        return write_op.write(self, self.workspace, settings.update, self.workspace.ctx, changes, changes=touched,
                              on_done=saved, on_error=refused, busy=(self.ui.saveButton,)) is not None

    def _changed(self, changes: Changes) -> None:
        if changes.touches(SETTINGS):
            self.reload()
