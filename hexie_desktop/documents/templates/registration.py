"""受理登记表: number, receipt date, source, parties, category, workers, amount, decision, approver."""

from __future__ import annotations

from hexie_desktop.core.i18n import _
from hexie_desktop.documents import formatting as fmt
from hexie_desktop.documents.model import Block, Document, Fields, Title
from hexie_desktop.documents.projection import project
from hexie_desktop.documents.templates import common

LABEL_CHARS = 6

SHAPE = {
    **common.HEAD,
    "source_label": True,
    "facts": True,
    "workers": True,
    "claims": [common.CLAIM],
    "claimed_total": "amount",
    "recorder": common.PERSON,
    "decision": {
        "accepted_on": True, "rejected_on": True, "rejection_reason": True, "rejection_reason_label": True,
        "approver": True, "note": True,
    },
}


def _applicants_cell(data: dict) -> str:
    """Every applicant with ID number and phone, one per line (or the annex reference)."""
    if common.uses_annex(data):
        reps = "；".join(common.applicant_sentence(r).rstrip("。") for r in common.representatives(data))
        return _("{names}（名单见附件）\n代表人：{reps}").format(names=common.applicant_names(data), reps=reps)
    return "\n".join(common.applicant_sentence(p) for p in common.applicants(data))


def _party_rows(data: dict) -> list[tuple[str, str | None]]:
    """申请人 then 被申请人: the workers first, or the employer when it applied."""
    workers = (common.worker_role(data), _applicants_cell(data) or None)
    employer = (common.employer_role(data),
                common.respondent_sentence(common.respondent(data)) if common.respondent(data) else None)
    return [employer, workers] if common.employer_applied(data) else [workers, employer]


def _decision(data: dict) -> tuple[str, str]:
    """(respondent agrees?, decision text)."""
    decision = data.get("decision") or {}
    if decision.get("accepted_on"):
        return _("同意调解"), _("予以受理（{day}）").format(day=fmt.cn_date(decision["accepted_on"]))
    if decision.get("rejected_on"):
        reason = fmt.text(decision.get("rejection_reason_label"))
        agrees = _("不同意调解") if decision.get("rejection_reason") == "respondent_refuses" else ""
        text = _("不予受理（{day}）").format(day=fmt.cn_date(decision["rejected_on"]))
        return agrees, text + (_("，理由：") + reason if reason else "")
    return "", _("□予以受理\u3000□不予受理")


def compose(data: dict, station: dict) -> Document:
    """Lay out the registration form from its projected fields."""
    title = _("劳动人事争议调解受理登记表")
    people = common.applicants(data)
    workers = data.get("workers") or len(people) or None
    agrees, decision_text = _decision(data)
    decision = data.get("decision") or {}
    mediator = fmt.text((data.get("mediator") or {}).get("name"))
    recorder = fmt.text((data.get("recorder") or {}).get("name"))
    claimed = data.get("claimed_total")
    short_rows = [
        (_("收到申请日期"), fmt.cn_date(data.get("received_on"), blank="") or None),
        (_("申请方式"), fmt.text(data.get("source_label")) or None),
        (_("是否集体争议"), _("是") if data.get("collective") else _("否")),
        (_("涉及人数"), _("{n}人").format(n=workers) if workers else None),
    ]
    long_rows = [
        (_("争议类型"), fmt.text(data.get("main_category_label")) or None),
        (_("请求金额"), fmt.amount_both(claimed) if claimed else None),
        *_party_rows(data),
        (_("请求事项"), "\n".join(f"{n}. {c}" for n, c in enumerate(common.claims_text(data), start=1)) or None),
        (_("纠纷简要情况"), fmt.text(data.get("facts")) or None),
        (_("被申请人意见"), agrees or None),
        (_("受理意见"), decision_text),
        (_("承办调解员"), mediator or None),
        (_("审批人"), fmt.text(decision.get("approver")) or None),
        (_("登记人"), recorder or None),
        (_("备注"), fmt.text(decision.get("note")) or None),
    ]
    blocks: list[Block] = [
        Title(title),
        common.number_line(data),
        Fields(short_rows, boxed=True, columns=2, label_chars=LABEL_CHARS),
        Fields(long_rows, boxed=True, columns=1, label_chars=LABEL_CHARS),
    ]
    blocks += common.issuer_lines(common.org_name(data, station), data.get("received_on"))
    if common.uses_annex(data):
        blocks.append(common.applicant_annex(data))
    return Document("registration", title, blocks)


def build(case: dict, station: dict) -> Document:
    """The 受理登记表 of ``case``."""
    return compose(project(case, SHAPE), station or {})
