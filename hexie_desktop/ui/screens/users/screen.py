"""The users screen: list, add, reset a password, disable or enable; change one's own password."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from hexie_desktop.core import codes, permissions
from hexie_desktop.core.changes import REGISTRY, USERS, Changes
from hexie_desktop.core.errors import HexieError, UserError
from hexie_desktop.services import registries, users
from hexie_desktop.ui import messages, style, write_op
from hexie_desktop.ui.forms.users import Ui_UsersScreen
from hexie_desktop.ui.models.records import RecordTableModel
from hexie_desktop.ui.widgets.form_dialog import FormDialog
from hexie_desktop.ui.widgets.formbuilder import Field
from hexie_desktop.ui.workspace import Workspace


def _t(text: str) -> str:
    return QCoreApplication.translate("UsersScreen", text)


def _same(values: dict[str, Any], first: str, second: str) -> None:
    if (values.get(first) or "") != (values.get(second) or ""):
        raise UserError(_t("两次输入的密码不一致"), field=second)


def password_dialog(workspace: Workspace, username: str, *, own: bool, parent: QWidget | None = None) -> FormDialog:
    """A dialog that changes a password (one's own needs the old one)."""
    fields = [Field("new_password", _t("新密码"), "password", True),
              Field("new_password2", _t("再次输入新密码"), "password", True)]
    if own:
        fields.insert(0, Field("old_password", _t("原密码"), "password", True))

    def submit(values: dict[str, Any]) -> write_op.Write:
        _same(values, "new_password", "new_password2")
        return write_op.prepare(workspace, users.change_password, workspace.ctx, username,
                                values.get("new_password") or "", changes=Changes.of(USERS),
                                old_password=values.get("old_password") if own else None)

    title = _t("修改我的密码") if own else _t("重设“{user}”的密码").format(user=username)
    return FormDialog(title, "", fields, submit, parent)


class UsersScreen(QWidget):
    """Admins manage logins here; everybody can change their own password."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_UsersScreen()
        self.ui.setupUi(self)
        self.workspace = workspace
        self.dialog: Any = None
        ui = self.ui
        style.set_role(ui.titleLabel, "title")
        style.set_role(ui.noteLabel, "hint")
        self.model = RecordTableModel(
            [("username", self.tr("用户名")), ("display_name", self.tr("姓名")), ("role_label", self.tr("角色")),
             (lambda r: r.get("mediator_name") or self.tr("（未关联）"), self.tr("调解员名册记录")),
             (lambda r: self.tr("启用") if r["active"] else self.tr("已停用"), self.tr("状态")),
             (lambda r: self.tr("连续输错密码，暂时锁定") if r.get("locked_until") else "", self.tr("锁定"))],
            id_key="username", parent=self)
        ui.table.setModel(self.model)
        ui.table.verticalHeader().setVisible(False)
        ui.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((140, 140, 120, 140, 80)):
            ui.table.setColumnWidth(column, width)
        self.manage = workspace.can("users.manage")
        for button in (ui.newButton, ui.resetButton, ui.linkButton, ui.toggleButton):
            button.setEnabled(self.manage)
        ui.noteLabel.setText(self.tr("角色：负责人可受理、结案；调解员办理调解；窗口登记员登记和归档；管理员管理用户和设置。")
                             if self.manage else self.tr("只有管理员可以管理用户；您可以修改自己的密码。"))
        ui.newButton.clicked.connect(self.new_user)
        ui.resetButton.clicked.connect(self.reset_password)
        ui.toggleButton.clicked.connect(self.toggle_active)
        ui.linkButton.clicked.connect(self.link_mediator)
        ui.ownPasswordButton.clicked.connect(self.own_password)
        workspace.changed.connect(self._changed)
        self.reload()

    def reload(self) -> None:
        """List the users."""
        try:
            self.model.set_records(users.list_users(self.workspace.ctx))
        except HexieError as exc:
            messages.show_error(self, exc)

    def selected(self) -> dict[str, Any] | None:
        """The selected user."""
        index = self.ui.table.currentIndex()
        return self.model.record(index.row()) if index.isValid() else None

    def _roles(self) -> list[tuple[str, str]]:
        allowed = (permissions.DISTRICT_ROLES if self.workspace.station.info.role == "district"
                   else permissions.TOWNSHIP_ROLES)
        return [(code, label) for code, label in codes.ROLES.items() if code in allowed]

    def new_user(self) -> FormDialog:
        """Open the new-user form."""
        fields = [Field("username", self.tr("用户名"), required=True), Field("display_name", self.tr("姓名"), required=True),
                  Field("role", self.tr("角色"), "choice", True, self._roles(), default="clerk"),
                  Field("password", self.tr("初始密码"), "password", True),
                  Field("password2", self.tr("再次输入密码"), "password", True),
                  Field("mediator", self.tr("调解员名册记录"), "combo", choices=self._mediators(),
                        hint=self.tr("此用户是调解员时，选择其在调解员名册中的记录（可输入姓名查找）"))]

        def submit(values: dict[str, Any]) -> write_op.Write:
            _same(values, "password", "password2")
            return write_op.prepare(
                self.workspace, users.create_user, self.workspace.ctx, changes=Changes.of(USERS),
                username=values.get("username") or "", display_name=values.get("display_name") or "",
                role=values.get("role") or "", password=values.get("password") or "", mediator=values.get("mediator"))

        dialog = FormDialog(self.tr("新增用户"), "", fields, submit, self)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _mediators(self) -> list[tuple[str, str]]:
        """``(id, name)`` of the 调解员 register for the choice boxes."""
        try:
            return registries.choices(self.workspace.ctx, "mediators")
        except HexieError:
            return []

    def link_mediator(self) -> FormDialog | None:
        """Link the selected user to a 调解员 record (or unlink with an empty choice)."""
        user = self.selected()
        if user is None:
            return None
        choices = self._mediators()
        note = self.tr("选择“{name}”在调解员名册中的记录；留空表示取消关联。"
                       "关联后，工作台“我的案件”列出该调解员的案件，受理时默认指定该调解员。").format(name=user["display_name"])
        if not choices:
            note = self.tr("调解员名册中还没有调解员：请先在“名册台账 › 调解员”中添加。")
        fields = [Field("mediator", self.tr("调解员"), "combo", choices=choices, default=user.get("mediator_id"))]

        def submit(values: dict[str, Any]) -> write_op.Write:
            return write_op.prepare(self.workspace, users.link_mediator, self.workspace.ctx, user["username"],
                                    values.get("mediator"), changes=Changes.of(USERS))

        dialog = FormDialog(self.tr("关联调解员：{user}").format(user=user["username"]), note, fields, submit, self)
        self.dialog = dialog
        dialog.open()
        return dialog

    def reset_password(self) -> FormDialog | None:
        """Set a new password for the selected user."""
        user = self.selected()
        if user is None:
            return None
        dialog = password_dialog(self.workspace, user["username"], own=False, parent=self)
        self.dialog = dialog
        dialog.open()
        return dialog

    def own_password(self) -> FormDialog:
        """Change one's own password."""
        dialog = password_dialog(self.workspace, self.workspace.actor.username, own=True, parent=self)
        self.dialog = dialog
        dialog.open()
        return dialog

    def toggle_active(self) -> None:
        """Disable an active user or enable a disabled one (off the GUI thread; the list follows)."""
        user = self.selected()
        if user is None:
            return
        write_op.write(self, self.workspace, users.set_active, self.workspace.ctx, user["username"], not user["active"],
                       changes=Changes.of(USERS), busy=(self.ui.toggleButton,))

    def _changed(self, changes: Changes) -> None:
        if changes.touches(USERS, f"{REGISTRY}:mediators"):
            self.reload()
