"""调解通知书: tells the respondent (被申请人) that the application was accepted and when and where
the mediation session is held.

LDTJ art. 13 (the mediator hears both sides) and 《企业劳动争议协商调解规定》(人社部令第17号)
(the committee notifies the parties of the session; mediation is voluntary and free).  The
code keeps no session schedule, so the date, time and place are entered when printing
(``case["paper"]``, :mod:`hexie_desktop.core.paper_inputs`).
"""

from __future__ import annotations

from hexie_desktop.core.i18n import _
from hexie_desktop.documents import formatting as fmt
from hexie_desktop.documents.model import Block, Document, Paragraph, Title
from hexie_desktop.documents.projection import project
from hexie_desktop.documents.templates import common

SHAPE = {
    **common.HEAD,
    "claims": [common.CLAIM],
    "decision": {"accepted_on": True},
    "paper": {"session_on": True, "session_time": True, "place": True, "note": True, "issued_on": True},
}


def _clock(value: object) -> str:
    """``09:30`` as ``9时30分`` (``9时`` on the hour); blanks when missing."""
    text = fmt.text(value)
    if not text or ":" not in text:
        return "\u3000\u3000时\u3000\u3000分"
    hour, minute = text.split(":", 1)
    return f"{int(hour)}时" + (f"{int(minute):02d}分" if int(minute) else "")


def compose(data: dict, station: dict) -> Document:
    """Lay out the session notice to the respondent from its projected fields."""
    title = _("劳动人事争议调解通知书")
    org = common.org_name(data, station)
    us = common.self_name(org)
    decision = data.get("decision") or {}
    paper = data.get("paper") or {}
    respondent = fmt.text(common.respondent(data).get("name")) or "\u3000" * 8
    mediator = fmt.text((data.get("mediator") or {}).get("name"))
    place = fmt.text(paper.get("place")) or "\u3000" * 12
    when = fmt.cn_date(paper.get("session_on")) + _clock(paper.get("session_time"))
    blocks: list[Block] = [
        Title(title),
        common.number_line(data),
        Paragraph(respondent + "：", indent=False),
        Paragraph(_("{applicants}于{received}向{us}申请调解与你单位之间的{category}争议，"
                    "{us}已于{accepted}受理。").format(
            applicants=common.applicant_names(data), received=fmt.cn_date(data.get("received_on")), us=us,
            category=common.category(data), accepted=fmt.cn_date(decision.get("accepted_on")))),
    ]
    claims = common.claims_text(data)
    if claims:
        blocks.append(Paragraph(_("申请人的调解请求：") + "；".join(claims) + "。"))
    by = _("（调解员：{name}）").format(name=mediator) if mediator else ""
    blocks.append(Paragraph(_("{us}定于{when}在{place}进行调解{by}，请你单位法定代表人（主要负责人）"
                              "或者委托代理人准时参加，并携带营业执照复印件、法定代表人身份证明及有关证据材料；"
                              "委托他人参加的，另附授权委托书。").format(us=us, when=when, place=place, by=by)))
    blocks += [
        Paragraph(_("调解遵循自愿、平等、合法、公正的原则，调解员充分听取双方的陈述（《中华人民共和国劳动争议调解仲裁法》"
                    "第十三条），不收取费用。你单位不同意调解或者不能按时参加的，请于调解日前告知{us}。"
                    "自{us}收到调解申请之日起十五日内未达成调解协议的，当事人可以依法申请仲裁（同法第十四条）。")
                  .format(us=us)),
    ]
    note = fmt.text(paper.get("note"))
    if note:
        blocks.append(Paragraph(_("说明：") + note))
    contact = []
    org_data = data.get("organization") or {}
    if fmt.text(org_data.get("address")):
        contact.append(_("地址：") + fmt.text(org_data.get("address")))
    if fmt.text(org_data.get("phone")):
        contact.append(_("联系电话：") + fmt.text(org_data.get("phone")))
    if contact:
        blocks.append(Paragraph("；".join(contact) + "。"))
    blocks.append(Paragraph(_("特此通知。"), keep_with_next=True))
    blocks += common.issuer_lines(org, paper.get("issued_on"))
    return Document("mediation_notice", title, blocks)


def build(case: dict, station: dict) -> Document:
    """The 调解通知书 to the respondent of ``case``."""
    return compose(project(case, SHAPE), station or {})
