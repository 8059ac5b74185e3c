"""终止调解通知书 (调解不成): reason, dates, right to arbitration and the limitation notice.

The limitation restarts on the termination date (民法典 art. 195, LDTJ art. 27): the printed
last day is the case's ``limitation`` deadline, which core/periods.py counts from the end of
mediation.  A case entrusted by the arbitration commission (仲裁委委托) goes back to the
arbitration hearing instead of the parties applying for arbitration.
"""

from __future__ import annotations

from hexie_desktop.core.i18n import _
from hexie_desktop.core.periods import ENTRUSTED_SOURCE
from hexie_desktop.documents import formatting as fmt
from hexie_desktop.documents.model import Block, Document, Fields, Paragraph, Signature, SignatureBlock, Title
from hexie_desktop.documents.projection import project
from hexie_desktop.documents.templates import common

SHAPE = {
    **common.HEAD,
    "state": True,
    "source": True,
    "deadline_details": common.deadline_shape("limitation"),
    "decision": {
        "accepted_on": True, "failed_on": True, "failure_reason_label": True, "withdrawn_on": True,
        "note": True,
    },
    "deadlines": {"limitation": True},
    "periods": common.PERIODS,
}


def _ending(data: dict) -> tuple[str, object]:
    """(reason, date) of the end of mediation."""
    decision = data.get("decision") or {}
    if decision.get("withdrawn_on") and not decision.get("failed_on"):
        return _("申请人撤回调解申请"), decision["withdrawn_on"]
    return fmt.text(decision.get("failure_reason_label")), decision.get("failed_on")


def compose(data: dict, station: dict) -> Document:
    """Lay out the termination notice from its projected fields."""
    title = _("劳动人事争议终止调解通知书")
    org = common.org_name(data, station)
    us = common.self_name(org)
    decision = data.get("decision") or {}
    deadlines = data.get("deadlines") or {}
    reason, ended_on = _ending(data)
    note = fmt.text(decision.get("note"))
    blocks: list[Block] = [
        Title(title),
        common.number_line(data),
        Paragraph(fmt.join([common.applying_names(data), common.responding_names(data)]) + "：", indent=False),
        Paragraph(_("申请人{applicants}与被申请人{respondent}{category}争议一案，{us}于{received}收到调解申请。")
                  .format(applicants=common.applying_names(data), respondent=common.responding_names(data),
                          category=common.category(data), us=us, received=fmt.cn_date(data.get("received_on")))),
        Fields([
            (_("受理日期"), fmt.cn_date(decision.get("accepted_on"), blank="") or None),
            (_("终止日期"), fmt.cn_date(ended_on, blank="") or None),
            (_("终止原因"), reason or None),
        ]),
    ]
    if note:
        blocks.append(Paragraph(_("说明：") + note))
    blocks.append(Paragraph(_("因上述原因，{us}决定终止本案调解。").format(us=us)))
    warnings: list[str] = []
    if data.get("source") == ENTRUSTED_SOURCE:
        blocks.append(Paragraph(_("本案系{arb}委托调解，调解未达成协议，{us}已将本案退回该仲裁委员会，"
                                  "由其依法继续仲裁审理。").format(arb=common.arbitration_text(station), us=us)))
    else:
        blocks.append(Paragraph(_("当事人可以自收到本通知书之日起依法向{arb}申请仲裁。").format(
            arb=common.arbitration_text(station))))
        limitation = _("劳动争议申请仲裁的时效期间为{n}年，从当事人知道或者应当知道其权利被侵害之日起计算；"
                       "因申请调解而中断的，自终止调解之日起，仲裁时效期间重新计算").format(
            n=common.period_words(data, "limitation_years"))
        limitation += common.cite(data, "limitation_years", _(
            "（《中华人民共和国劳动争议调解仲裁法》第二十七条、《中华人民共和国民法典》第一百九十五条）"))
        if deadlines.get("limitation") and ended_on:
            limitation += _("。本案于{ended}终止调解，仲裁时效期间自该日起重新计算，至{day}届满").format(
                ended=fmt.cn_date(ended_on), day=fmt.cn_date(deadlines["limitation"]))
            warnings = common.calendar_warnings(data, "limitation")
        blocks.append(Paragraph(limitation + _("，请在时效期间内及时主张权利。")))
        blocks += common.calendar_notes(warnings)
    blocks.append(Paragraph(_("特此通知。"), keep_with_next=True))
    mediator = fmt.text((data.get("mediator") or {}).get("name"))
    blocks.append(SignatureBlock([
        Signature(_("调解员（签名）"), name=mediator or None),
        common.seal_signature(org, ended_on),
        Signature(_("申请人（签收）")),
        Signature(_("被申请人（签收）")),
    ]))
    return Document("termination", title, blocks, warnings=warnings + common.missing_settings(station, court=False))


def build(case: dict, station: dict) -> Document:
    """The 终止调解通知书 of ``case``."""
    return compose(project(case, SHAPE), station or {})
