"""Turn the case view of ``services.case_queries.view`` into the texts and rows the screen shows."""

from __future__ import annotations

from datetime import date
from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication

from hexie_desktop.core import codes, workflow
from hexie_desktop.core.case_view import CaseView
from hexie_desktop.ui.screens.printing.rules import local_time
from hexie_desktop.ui.widgets.badges import status_text

EXTRA_EVENT_LABELS = {"register": "登记", "perform-start": "进入履行阶段"}


def _t(text: str) -> str:
    return QCoreApplication.translate("CaseRender", text)


def _day(day: date | None) -> str:
    """A date as the screen shows it (ISO), empty when there is none."""
    return day.isoformat() if day else ""


def action_label(action: str) -> str:
    """The words for a workflow action or event."""
    spec = workflow.ACTIONS.get(action)
    if spec is not None:
        return spec.label
    return _t(EXTRA_EVENT_LABELS.get(action, action))


def summary(case: CaseView) -> str:
    """One paragraph: receipt, source, category, amount, workers, mediator."""
    mediator = case.mediator.name if case.mediator else _t("未指定")
    parts = [
        _t("收到申请：{d}").format(d=_day(case.received_on)),
        _t("来源：{s}").format(s=case.source_label),
        _t("争议类别：{c}").format(c=case.main_category_label),
        _t("请求金额：{a} 元").format(a=case.claimed_total),
        _t("劳动者：{n}人{c}").format(n=case.workers, c=_t("（集体争议）") if case.collective else ""),
        _t("调解员：{m}").format(m=mediator),
    ]
    if case.applicant_side == "employer":
        parts.append(_t("申请人（用人单位申请）：{r}").format(r=case.respondent.name))
    else:
        parts.append(_t("被申请人：{r}").format(r=case.respondent.name))
    return "　".join(parts)


def alerts(case: CaseView) -> tuple[str, str]:
    """``(text, role)``: the arbitration prompt and the limitation warning, most urgent first."""
    lines: list[str] = []
    role = "hint"
    if case.may_apply_for_arbitration:
        lines.append(_t("法定调解期限（收到申请之日起十五日）已于{d}届满，当事人可申请仲裁，延长调解期限不影响这一权利；"
                        "如调解不成请办理“调解不成”并出具终止调解通知书。").format(d=_day(case.arbitration_right_from)))
        role = "warning"
    elif case.returns_to_hearing:
        lines.append(_t("仲裁委委托调解期限已届满：未达成协议的，请办理“调解不成”并将本案退回仲裁委员会继续审理。"))
        role = "warning"
    limitation = case.limitation
    if limitation.level in ("near", "expired"):
        lines.append(_t("仲裁时效：") + limitation.message)
        role = "error" if limitation.level == "expired" else "warning"
    return "\n".join(lines), role


def applicant_rows(case: CaseView) -> list[dict[str, Any]]:
    """Applicants for the parties table."""
    return [
        {"name": p.name, "sex": p.sex_label, "birth": _day(p.birth_date), "id_number": p.id_number or "",
         "phone": p.phone or "", "address": p.address or "", "rep": _t("代表") if p.is_representative else "",
         "id": p.id}
        for p in case.applicants
    ]


def respondent_html(case: CaseView) -> str:
    """The respondent block."""
    r = case.respondent
    role = _t("申请人（用人单位）") if case.applicant_side == "employer" else _t("被申请人")
    rows = [(role, r.name), (_t("统一社会信用代码"), r.credit_code),
            (_t("法定代表人"), r.legal_representative), (_t("联系电话"), r.phone),
            (_t("住所"), r.address),
            (_t("单位性质（登记时）"), case.employer_type_label),
            (_t("行业（登记时）"), case.industry_label)]
    return "<br>".join(f"<b>{escape(k)}：</b>{escape(v or '—')}" for k, v in rows)


def claim_rows(case: CaseView) -> list[dict[str, Any]]:
    """The requests for the claims table."""
    return [{"category": c.category, "category_label": c.category_label, "description": c.description,
             "amount": str(c.amount)} for c in case.claims]


def facts_html(case: CaseView) -> str:
    """Facts and evidence."""
    return (f"<h4>{escape(_t('事实与理由'))}</h4><p>{escape(case.facts or '—')}</p>"
            f"<h4>{escape(_t('证据材料'))}</h4><p>{escape(case.evidence or '—')}</p>")


def deadline_rows(case: CaseView) -> list[dict[str, Any]]:
    """Deadlines with due date, status and legal basis."""
    return [
        {"label": d.label, "due": _day(d.due), "status": d.status, "status_text": status_text(d.status),
         "basis": d.basis}
        for d in case.deadlines
    ]


def event_rows(case: CaseView) -> list[dict[str, Any]]:
    """The history, oldest first."""
    out = []
    for e in case.events:
        change = codes.label(codes.CASE_STATES, e.to_state)
        if e.from_state and e.from_state != e.to_state:
            change = f"{codes.label(codes.CASE_STATES, e.from_state)} → {change}"
        out.append({"on": _day(e.on) or None, "action": action_label(e.action), "change": change,
                    "actor": e.actor or "", "note": e.note or "", "at": local_time(e.at)})
    return out


def sessions_html(case: CaseView) -> str:
    """Every mediation session as a block."""
    if not case.sessions:
        return escape(_t("尚无调解记录。"))
    parts = []
    labels = (("place", _t("地点")), ("mediators", _t("调解员")), ("recorder", _t("记录人")),
              ("attendees", _t("到场人员")), ("statements", _t("陈述要点")), ("proposal", _t("调解方案")),
              ("result", _t("结果")))
    for s in case.sessions:
        body = "".join(f"<p><b>{escape(label)}：</b>{escape(getattr(s, key) or '—')}</p>" for key, label in labels)
        clock = "–".join(t for t in (s.start_time, s.end_time) if t)
        when = " ".join(v for v in (_day(s.held_on), clock) if v)
        parts.append(f"<h4>{escape(_t('第{n}次调解　{d}').format(n=s.seq, d=when))}</h4>{body}")
    return "".join(parts)


def agreement_text(case: CaseView) -> str:
    """Agreement content, the four signature dates and the effective date."""
    agreement = case.agreement
    if agreement is None:
        return _t("尚未达成调解协议。")
    missing = _t("未记录")
    lines = [
        _t("协议草稿（尚未生效：四项签名盖章日期齐全后方生效；可打印供各方签署）")
        if not agreement.effective_on else _t("协议已生效"),
        _t("协议内容：{c}").format(c=agreement.content or "—"),
        _t("申请人签名：{a}　被申请人签名：{r}　调解员签名：{m}　调解组织盖章：{s}").format(
            a=_day(agreement.applicant_signed_on) or missing, r=_day(agreement.respondent_signed_on) or missing,
            m=_day(agreement.mediator_signed_on) or missing, s=_day(agreement.seal_applied_on) or missing),
        _t("生效日期：{e}　协议金额合计：{t} 元").format(e=_day(agreement.effective_on) or missing,
                                                t=agreement.agreed_total),
    ]
    return "\n".join(lines)


def item_rows(case: CaseView) -> list[dict[str, Any]]:
    """Agreement items with their performance."""
    items = case.agreement.items if case.agreement else ()
    return [
        {"seq": i.seq, "obligation": i.obligation, "payer": i.payer or "", "payee": i.payee or "",
         "amount": str(i.amount), "method": i.method_label, "due_on": _day(i.due_on),
         "performed_on": _day(i.performed_on) or _t("未履行"), "paid": str(i.paid)}
        for i in items
    ]


def follow_up_rows(case: CaseView) -> list[dict[str, Any]]:
    """Follow-up visits."""
    return [
        {"visited_on": _day(f.visited_on) or None, "person": f.person or "",
         "method": codes.label(codes.VISIT_METHODS, f.method), "status": f.performance_status or "",
         "satisfaction": f.satisfaction_label or "", "risks": f.risks or "", "measures": f.measures or ""}
        for f in case.follow_ups
    ]


def document_rows(case: CaseView) -> list[dict[str, Any]]:
    """Issued documents (issue time in local time)."""
    return [
        {"title": d.title, "number": d.number or "", "issued_at": local_time(d.issued_at),
         "issuer": d.issuer or "", "pages": d.pages or ""}
        for d in case.documents
    ]
