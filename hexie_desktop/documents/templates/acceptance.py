"""受理通知书: the decision to accept, the mediator, the 15-day period and the arbitration route."""

from __future__ import annotations

from hexie_desktop.core.i18n import _
from hexie_desktop.core.periods import ENTRUSTED_SOURCE
from hexie_desktop.documents import formatting as fmt
from hexie_desktop.documents.model import Block, Document, Paragraph, Title
from hexie_desktop.documents.projection import project
from hexie_desktop.documents.templates import common

SHAPE = {
    **common.HEAD,
    "source": True,
    "decision": {"accepted_on": True},
    "deadlines": {"mediation": True},
    "arbitration_right_from": True,
    "deadline_details": common.deadline_shape("mediation"),
    "periods": common.PERIODS,
}


def compose(data: dict, station: dict) -> Document:
    """Lay out the acceptance notice from its projected fields."""
    title = _("劳动人事争议调解受理通知书")
    org = common.org_name(data, station)
    us = common.self_name(org)
    decision = data.get("decision") or {}
    deadlines = data.get("deadlines") or {}
    mediator = fmt.text((data.get("mediator") or {}).get("name"))
    blocks: list[Block] = [
        Title(title),
        common.number_line(data),
        Paragraph(common.applying_names(data) + "：", indent=False),
        Paragraph(_("你（们）于{received}提出的与{respondent}之间的{category}争议调解申请，{us}已收到。"
                    "经审查，该申请符合受理条件，{us}决定予以受理。").format(
            received=fmt.cn_date(data.get("received_on")), respondent=common.responding_names(data),
            category=common.category(data), us=us)),
    ]
    if mediator:
        blocks.append(Paragraph(_("本案由调解员{name}负责调解。").format(name=mediator)))
    if data.get("source") == ENTRUSTED_SOURCE:
        period = _("本案系{arb}委托调解，").format(arb=common.arbitration_text(station))
        if deadlines.get("mediation"):
            period += _("调解期限至{day}届满；").format(day=fmt.cn_date(deadlines["mediation"]))
        period += _("期限内未达成调解协议的，本案退回该仲裁委员会继续仲裁审理。")
    else:
        period = _("自{us}收到调解申请之日起{n}日内").format(us=us, n=common.period_words(data, "mediation_days"))
        right_from = data.get("arbitration_right_from") or deadlines.get("mediation")
        if right_from:
            period += _("（即{day}前）").format(day=fmt.cn_date(right_from))
        period += _("未达成调解协议的，你（们）可以依法向{arb}申请仲裁。").format(arb=common.arbitration_text(station))
    warnings = common.calendar_warnings(data, "mediation")
    blocks += [
        Paragraph(period),
        *common.calendar_notes(warnings),
        Paragraph(_("请携带本人身份证件及有关证据材料，按{us}通知的时间、地点参加调解。"
                    "调解不收取任何费用。").format(us=us)),
        Paragraph(_("特此通知。"), keep_with_next=True),
    ]
    blocks += common.issuer_lines(org, decision.get("accepted_on"))
    return Document("acceptance", title, blocks, warnings=warnings)


def build(case: dict, station: dict) -> Document:
    """The 受理通知书 of ``case``."""
    return compose(project(case, SHAPE), station or {})
