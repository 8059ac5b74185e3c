"""不予受理通知书: the reason, and the other routes (arbitration commission, limitation)."""

from __future__ import annotations

from hexie_desktop.core.i18n import _
from hexie_desktop.documents import formatting as fmt
from hexie_desktop.documents.model import Block, Document, Paragraph, Span, Title
from hexie_desktop.documents.projection import project
from hexie_desktop.documents.templates import common

SHAPE = {
    **common.HEAD,
    "claims": [common.CLAIM],
    "decision": {"rejected_on": True, "rejection_reason_label": True, "note": True},
    "deadlines": {"limitation": True},
    "deadline_details": common.deadline_shape("limitation"),
}


def compose(data: dict, station: dict) -> Document:
    """Lay out the rejection notice from its projected fields."""
    title = _("劳动人事争议调解不予受理通知书")
    org = common.org_name(data, station)
    us = common.self_name(org)
    decision = data.get("decision") or {}
    deadlines = data.get("deadlines") or {}
    reason = fmt.text(decision.get("rejection_reason_label"))
    note = fmt.text(decision.get("note"))
    blocks: list[Block] = [
        Title(title),
        common.number_line(data),
        Paragraph(common.applying_names(data) + "：", indent=False),
        Paragraph(_("你（们）于{received}提出的与{respondent}之间的{category}争议调解申请，{us}已收到。").format(
            received=fmt.cn_date(data.get("received_on")), respondent=common.responding_names(data),
            category=common.category(data), us=us)),
    ]
    claims = common.claims_text(data)
    if claims:
        blocks.append(Paragraph(_("申请事项：") + "；".join(claims) + "。"))
    if reason:
        blocks.append(Paragraph(_("经审查，因{reason}，{us}决定不予受理。").format(reason=reason, us=us)))
    else:
        blocks.append(Paragraph([Span(_("经审查，因")), common.blank(12),
                                 Span(_("，{us}决定不予受理。").format(us=us))]))
    if note:
        blocks.append(Paragraph(_("说明：") + note))
    limitation = _("劳动争议申请仲裁的时效期间为一年，从当事人知道或者应当知道其权利被侵害之日起计算")
    if deadlines.get("limitation"):
        limitation += _("；据你（们）陈述，仲裁时效期间至{day}届满").format(day=fmt.cn_date(deadlines["limitation"]))
        for warning in common.calendar_warnings(data, "limitation"):
            limitation += _("（注：{w}）").format(w=warning)  # the screen's calendar warning
    blocks += [
        Paragraph(_("你（们）可以依法向{arb}申请仲裁，也可以向其他依法设立的调解组织申请调解。").format(
            arb=common.arbitration_text(station))),
        Paragraph(limitation + _("，请注意在时效期间内主张权利。")),
        Paragraph(_("特此通知。"), keep_with_next=True),
    ]
    blocks += common.issuer_lines(org, decision.get("rejected_on"))
    return Document("rejection", title, blocks)


def build(case: dict, station: dict) -> Document:
    """The 不予受理通知书 of ``case``."""
    return compose(project(case, SHAPE), station or {})
