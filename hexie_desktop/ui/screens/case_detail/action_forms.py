"""The input fields of each workflow action (those without a dialog of their own).

Field names are exactly the keys :func:`services.case_actions.apply` reads.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication

from hexie_desktop.core import codes
from hexie_desktop.core.case_view import CaseView
from hexie_desktop.core.errors import HexieError
from hexie_desktop.services import registries, users
from hexie_desktop.ui.widgets.formbuilder import Field
from hexie_desktop.ui.workspace import Workspace

OWN_DIALOG = frozenset({"agree", "draft-agreement", "archive"})


def _t(text: str) -> str:
    return QCoreApplication.translate("ActionForms", text)


def _mediator_choices(workspace: Workspace) -> list[tuple[str, str]]:
    """``(id, name)`` of the active mediators of the register."""
    try:
        rows = registries.list_records(workspace.ctx, "mediators")
    except HexieError:
        return []
    return [(r["id"], r["name"]) for r in rows if r.get("status") in (None, "active")]


def _own_mediator(workspace: Workspace) -> str | None:
    """The mediator record the logged-in user is linked to (用户 › 关联调解员)."""
    try:
        return users.own_mediator_id(workspace.ctx)
    except HexieError:
        return None


def _open_items(case: CaseView) -> list[tuple[int, str]]:
    items = case.agreement.items if case.agreement else ()
    return [(i.seq, _t("第{n}项：{o}（{a}元，已付{p}元，期限{d}）").format(
        n=i.seq, o=i.obligation, a=i.amount, p=i.paid, d=i.due_on or "—"))
        for i in items if not i.performed_on]


def intro(action: str, case: CaseView) -> str:
    """A sentence shown above the fields."""
    texts = {
        "accept": _t("受理后，调解期限自收到申请之日起计算15日。须从调解员名册中指定调解员（可输入姓名查找）。"),
        "reject": _t("不予受理须写明原因，并出具不予受理通知书，告知当事人其他救济途径。"),
        "record-session": _t("记录一次调解（笔录）。第一次记录后案件进入“调解中”。"),
        "extend": _t("延长调解期限须经双方当事人同意，并记录各自同意的日期。当前期限：{d}").format(
            d=mediation.due if (mediation := case.deadline("mediation")) else "—"),
        "fail": _t("调解不成须写明原因，并出具终止调解通知书，告知当事人申请仲裁的权利和时效。"),
        "withdraw": _t("撤回须由申请人签名确认。"),
        "perform-item": _t("登记一项协议事项的履行（可分次登记部分履行）。"),
        "default": _t("登记协议未按期履行；系统将告知可申请仲裁，属劳动报酬、工伤医疗费、经济补偿或赔偿金的可申请支付令。"),
        "follow-up": _t("记录对当事人的回访。"),
        "close": _t("结案原因将根据办理经过自动确定。"),
    }
    return texts.get(action, "")


def fields_for(action: str, case: CaseView, workspace: Workspace) -> list[Field]:
    """The fields of ``action`` with sensible defaults for ``case``."""
    today = workspace.ctx.today
    on = Field("on", _t("日期"), "date", default=today, hint=_t("默认今天"))
    note = Field("note", _t("备注"), "multiline")
    mediator_name = case.mediator.name if case.mediator else None
    if action == "accept":
        choices = _mediator_choices(workspace)
        default = (case.mediator.id if case.mediator else None) or _own_mediator(workspace)
        hint = _t("从调解员名册中选择") if choices else _t("调解员名册中还没有调解员：请先在“名册台账 › 调解员”中添加")
        return [on, Field("mediator", _t("指定调解员"), "combo", False, choices, default=default, hint=hint),
                Field("approver", _t("审批人"), default=workspace.actor.display_name), note]
    if action == "reject":
        return [on, Field("reason", _t("不予受理原因"), "choice", True, list(codes.REJECTION_REASONS.items())), note]
    if action == "record-session":
        return [Field("held_on", _t("调解日期"), "date", default=today),
                Field("start_time", _t("开始时间"), hint=_t("时:分，如 09:30")),
                Field("end_time", _t("结束时间"), hint=_t("时:分，如 11:00")), Field("place", _t("地点")),
                Field("mediators", _t("调解员"), "combo",
                      choices=[(name, name) for _id, name in _mediator_choices(workspace)], default=mediator_name,
                      hint=_t("从调解员名册中选择；多人用顿号分隔，如：王五、李四")),
                Field("recorder", _t("记录人")),
                Field("attendees", _t("到场人员"), "multiline"), Field("statements", _t("陈述要点"), "multiline"),
                Field("proposal", _t("调解方案"), "multiline"), Field("result", _t("结果"), "multiline")]
    if action == "extend":
        return [Field("new_end", _t("新的调解期限"), "date", True),
                Field("applicant_consent_on", _t("申请人同意日期"), "date", True),
                Field("respondent_consent_on", _t("被申请人同意日期"), "date", True), note]
    if action == "fail":
        return [on, Field("reason", _t("调解不成原因"), "choice", True, list(codes.FAILURE_REASONS.items())), note]
    if action == "withdraw":
        return [on, Field("signed", _t("申请人已签名确认撤回"), "bool", default=True), note]
    if action == "perform-item":
        return [Field("item", _t("协议事项"), "choice", True, _open_items(case)), on,
                Field("amount", _t("本次履行金额"), "money", hint=_t("留空表示该项剩余金额全部履行")),
                Field("evidence", _t("履行凭证")), note]
    if action == "default":
        return [on, note]
    if action == "follow-up":
        return [Field("visited_on", _t("回访日期"), "date", default=today), Field("person", _t("回访对象")),
                Field("method", _t("方式"), "choice", choices=list(codes.VISIT_METHODS.items())),
                Field("performance_status", _t("履行情况"), "multiline"),
                Field("satisfaction", _t("满意度"), "choice", choices=list(codes.SATISFACTION_LEVELS.items())),
                Field("risks", _t("发现的风险"), "multiline"), Field("measures", _t("采取的措施"), "multiline")]
    if action == "close":
        return [on, note]
    raise KeyError(action)


def clean(values: dict[str, Any]) -> dict[str, Any]:
    """Drop empty values so the service applies its own defaults."""
    out = {k: v for k, v in values.items() if v not in (None, "")}
    for key, value in out.items():
        if isinstance(value, date):
            out[key] = value.isoformat()
    return out
