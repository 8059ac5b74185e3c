"""不予受理通知书: the reason, and where the party goes instead, by the reason (core/papers.py).

* not a labour dispute: 人民调解委员会 or the 人民法院, civil limitation of three years
  (民法典 art. 188) — no labour arbitration;
* already in arbitration or court: continue the proceedings there;
* other reasons: labour arbitration or another 调解组织, arbitration limitation (LDTJ art. 27),
  counted afresh from the rejection: the application interrupted it (art. 27 ¶2, 民法典 art. 195).
"""

from __future__ import annotations

from hexie_desktop.core import papers
from hexie_desktop.core.i18n import _
from hexie_desktop.documents import formatting as fmt
from hexie_desktop.documents.model import Block, Document, Paragraph, Span, Title
from hexie_desktop.documents.projection import project
from hexie_desktop.documents.templates import common

SHAPE = {
    **common.HEAD,
    "claims": [common.CLAIM],
    "decision": {"rejected_on": True, "rejection_reason": True, "rejection_reason_label": True, "note": True},
    "deadlines": {"limitation": True},
    "deadline_details": common.deadline_shape("limitation"),
    "periods": common.PERIODS,
}


def _civil_route() -> list[Block]:
    """Not a labour dispute: civil routes and the civil limitation (民法典 art. 188)."""
    years = fmt.cn_count(papers.CIVIL_LIMITATION_YEARS)
    return [
        Paragraph(_("你（们）反映的事项不属于劳动人事争议，不适用劳动人事争议调解和仲裁程序。"
                    "你（们）可以向当地人民调解委员会申请调解，也可以依法向人民法院提起诉讼。")),
        Paragraph(_("向人民法院请求保护民事权利的诉讼时效期间为{n}年，自权利人知道或者应当知道权利受到损害"
                    "以及义务人之日起计算（《中华人民共和国民法典》第一百八十八条），请注意在诉讼时效期间内主张权利。")
                  .format(n=years)),
    ]


def _continue_route() -> list[Block]:
    """Already before an arbitration commission or a court: pursue it there."""
    return [Paragraph(_("该争议已由劳动人事争议仲裁委员会或者人民法院依法受理，请你（们）在该仲裁或者诉讼程序中"
                        "继续主张权利；仲裁或者诉讼中可以依法申请调解。"))]


def _arbitration_route(data: dict, station: dict) -> list[Block]:
    """A labour dispute this organization does not mediate: arbitration, limitation (LDTJ art. 27)."""
    deadlines = data.get("deadlines") or {}
    limitation = _("劳动争议申请仲裁的时效期间为{n}年，从当事人知道或者应当知道其权利被侵害之日起计算").format(
        n=common.period_words(data, "limitation_years"))
    limitation += common.cite(data, "limitation_years", _("（《中华人民共和国劳动争议调解仲裁法》第二十七条）"))
    rejected_on = (data.get("decision") or {}).get("rejected_on")
    if deadlines.get("limitation") and rejected_on:
        # The application interrupted the limitation (LDTJ art. 27 ¶2); it runs again from the rejection.
        limitation += _("；你（们）申请调解使仲裁时效中断，仲裁时效期间自不予受理之日（{on}）起重新计算，"
                        "至{day}届满").format(on=fmt.cn_date(rejected_on), day=fmt.cn_date(deadlines["limitation"]))
    elif deadlines.get("limitation"):
        limitation += _("；据你（们）陈述，仲裁时效期间至{day}届满").format(day=fmt.cn_date(deadlines["limitation"]))
        for warning in common.calendar_warnings(data, "limitation"):
            limitation += _("（注：{w}）").format(w=warning)  # the screen's calendar warning
    return [
        Paragraph(_("你（们）可以依法向{arb}申请仲裁，也可以向其他依法设立的调解组织申请调解。").format(
            arb=common.arbitration_text(station))),
        Paragraph(limitation + _("，请注意在时效期间内主张权利。")),
    ]


def compose(data: dict, station: dict) -> Document:
    """Lay out the rejection notice from its projected fields."""
    title = _("劳动人事争议调解不予受理通知书")
    org = common.org_name(data, station)
    us = common.self_name(org)
    decision = data.get("decision") or {}
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
    route = papers.rejection_route(decision.get("rejection_reason"))
    if route == "civil":
        blocks += _civil_route()
    elif route == "continue":
        blocks += _continue_route()
    else:
        blocks += _arbitration_route(data, station)
    blocks.append(Paragraph(_("特此通知。"), keep_with_next=True))
    blocks += common.issuer_lines(org, decision.get("rejected_on"))
    warnings = common.missing_settings(station, court=False) if route == "arbitration" else []
    return Document("rejection", title, blocks, warnings=warnings)


def build(case: dict, station: dict) -> Document:
    """The 不予受理通知书 of ``case``."""
    return compose(project(case, SHAPE), station or {})
