"""Turn the case dict of ``services.case_queries.show`` into the texts and rows the screen shows."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication

from hexie_desktop.core import codes, workflow
from hexie_desktop.ui.screens.printing.rules import local_time
from hexie_desktop.ui.widgets.badges import status_text

EXTRA_EVENT_LABELS = {"register": "登记", "perform-start": "进入履行阶段"}


def _t(text: str) -> str:
    return QCoreApplication.translate("CaseRender", text)


def action_label(action: str) -> str:
    """The words for a workflow action or event."""
    spec = workflow.ACTIONS.get(action)
    if spec is not None:
        return spec.label
    return _t(EXTRA_EVENT_LABELS.get(action, action))


def summary(case: dict[str, Any]) -> str:
    """One paragraph: receipt, source, category, amount, workers, mediator."""
    mediator = case["mediator"]["name"] if case.get("mediator") else _t("未指定")
    parts = [
        _t("收到申请：{d}").format(d=case["received_on"]),
        _t("来源：{s}").format(s=case["source_label"]),
        _t("争议类别：{c}").format(c=case["main_category_label"]),
        _t("请求金额：{a} 元").format(a=case["claimed_total"]),
        _t("劳动者：{n}人{c}").format(n=case["workers"], c=_t("（集体争议）") if case["collective"] else ""),
        _t("调解员：{m}").format(m=mediator),
    ]
    if case.get("applicant_side") == "employer":
        parts.append(_t("申请人（用人单位申请）：{r}").format(r=case["respondent"]["name"]))
    else:
        parts.append(_t("被申请人：{r}").format(r=case["respondent"]["name"]))
    return "　".join(parts)


def alerts(case: dict[str, Any]) -> tuple[str, str]:
    """``(text, role)``: the arbitration prompt and the limitation warning, most urgent first."""
    lines: list[str] = []
    role = "hint"
    if case.get("may_apply_for_arbitration"):
        lines.append(_t("法定调解期限（收到申请之日起十五日）已于{d}届满，当事人可申请仲裁，延长调解期限不影响这一权利；"
                        "如调解不成请办理“调解不成”并出具终止调解通知书。").format(d=case.get("arbitration_right_from") or ""))
        role = "warning"
    elif case.get("returns_to_hearing"):
        lines.append(_t("仲裁委委托调解期限已届满：未达成协议的，请办理“调解不成”并将本案退回仲裁委员会继续审理。"))
        role = "warning"
    limitation = case.get("limitation") or {}
    if limitation.get("level") in ("near", "expired"):
        lines.append(_t("仲裁时效：") + limitation.get("message", ""))
        role = "error" if limitation.get("level") == "expired" else "warning"
    return "\n".join(lines), role


def applicant_rows(case: dict[str, Any]) -> list[dict[str, Any]]:
    """Applicants for the parties table."""
    return [
        {"name": p["name"], "sex": p.get("sex_label") or "", "birth": p.get("birth_date") or "",
         "id_number": p.get("id_number") or "", "phone": p.get("phone") or "", "address": p.get("address") or "",
         "rep": _t("代表") if p.get("is_representative") else "", "id": p.get("id")}
        for p in case["applicants"]
    ]


def respondent_html(case: dict[str, Any]) -> str:
    """The respondent block."""
    r = case["respondent"]
    role = _t("申请人（用人单位）") if case.get("applicant_side") == "employer" else _t("被申请人")
    rows = [(role, r.get("name")), (_t("统一社会信用代码"), r.get("credit_code")),
            (_t("法定代表人"), r.get("legal_representative")), (_t("联系电话"), r.get("phone")),
            (_t("住所"), r.get("address")),
            (_t("单位性质（登记时）"), case.get("employer_type_label")),
            (_t("行业（登记时）"), case.get("industry_label"))]
    return "<br>".join(f"<b>{escape(k)}：</b>{escape(v or '—')}" for k, v in rows)


def facts_html(case: dict[str, Any]) -> str:
    """Facts and evidence."""
    return (f"<h4>{escape(_t('事实与理由'))}</h4><p>{escape(case.get('facts') or '—')}</p>"
            f"<h4>{escape(_t('证据材料'))}</h4><p>{escape(case.get('evidence') or '—')}</p>")


def deadline_rows(case: dict[str, Any]) -> list[dict[str, Any]]:
    """Deadlines with due date, status and legal basis."""
    return [
        {"label": d["label"], "due": d["due"], "status": d.get("status"), "status_text": status_text(d.get("status")),
         "basis": d.get("basis", "")}
        for d in case.get("deadline_details", {}).values()
    ]


def event_rows(case: dict[str, Any]) -> list[dict[str, Any]]:
    """The history, oldest first."""
    out = []
    for e in case.get("events", []):
        change = codes.label(codes.CASE_STATES, e.get("to_state"))
        if e.get("from_state") and e.get("from_state") != e.get("to_state"):
            change = f"{codes.label(codes.CASE_STATES, e['from_state'])} → {change}"
        out.append({"on": e.get("on"), "action": action_label(e["action"]), "change": change,
                    "actor": e.get("actor") or "", "note": e.get("note") or "",
                    "at": local_time(e.get("at"))})
    return out


def sessions_html(case: dict[str, Any]) -> str:
    """Every mediation session as a block."""
    if not case.get("sessions"):
        return escape(_t("尚无调解记录。"))
    parts = []
    labels = (("place", _t("地点")), ("mediators", _t("调解员")), ("recorder", _t("记录人")),
              ("attendees", _t("到场人员")), ("statements", _t("陈述要点")), ("proposal", _t("调解方案")),
              ("result", _t("结果")))
    for s in case["sessions"]:
        body = "".join(f"<p><b>{escape(label)}：</b>{escape(s.get(key) or '—')}</p>" for key, label in labels)
        clock = "–".join(t for t in (s.get("start_time"), s.get("end_time")) if t)
        when = " ".join(v for v in (s.get("held_on"), clock) if v)
        parts.append(f"<h4>{escape(_t('第{n}次调解　{d}').format(n=s['seq'], d=when))}</h4>{body}")
    return "".join(parts)


def agreement_text(case: dict[str, Any]) -> str:
    """Agreement content, the four signature dates and the effective date."""
    agreement = case.get("agreement")
    if not agreement:
        return _t("尚未达成调解协议。")
    missing = _t("未记录")
    lines = [
        _t("协议草稿（尚未生效：四项签名盖章日期齐全后方生效；可打印供各方签署）")
        if not agreement.get("effective_on") else _t("协议已生效"),
        _t("协议内容：{c}").format(c=agreement.get("content") or "—"),
        _t("申请人签名：{a}　被申请人签名：{r}　调解员签名：{m}　调解组织盖章：{s}").format(
            a=agreement.get("applicant_signed_on") or missing, r=agreement.get("respondent_signed_on") or missing,
            m=agreement.get("mediator_signed_on") or missing, s=agreement.get("seal_applied_on") or missing),
        _t("生效日期：{e}　协议金额合计：{t} 元").format(e=agreement.get("effective_on") or missing,
                                                t=agreement.get("agreed_total") or "0.00"),
    ]
    return "\n".join(lines)


def item_rows(case: dict[str, Any]) -> list[dict[str, Any]]:
    """Agreement items with their performance."""
    agreement = case.get("agreement") or {}
    return [
        {"seq": i["seq"], "obligation": i["obligation"], "payer": i.get("payer") or "", "payee": i.get("payee") or "",
         "amount": i["amount"], "method": i.get("method_label") or "", "due_on": i.get("due_on") or "",
         "performed_on": i.get("performed_on") or _t("未履行"), "paid": i.get("paid") or "0.00"}
        for i in agreement.get("items", [])
    ]


def follow_up_rows(case: dict[str, Any]) -> list[dict[str, Any]]:
    """Follow-up visits."""
    return [
        {"visited_on": f.get("visited_on"), "person": f.get("person") or "",
         "method": codes.label(codes.VISIT_METHODS, f.get("method")), "status": f.get("performance_status") or "",
         "satisfaction": f.get("satisfaction_label") or "", "risks": f.get("risks") or "",
         "measures": f.get("measures") or ""}
        for f in case.get("follow_ups", [])
    ]


def document_rows(case: dict[str, Any]) -> list[dict[str, Any]]:
    """Issued documents (issue time in local time)."""
    return [
        {"title": d.get("title"), "number": d.get("number") or "", "issued_at": local_time(d.get("issued_at")),
         "issuer": d.get("issuer") or "", "pages": d.get("pages") or ""}
        for d in case.get("documents", [])
    ]
