"""未履行告知书: an agreed item is in default; tells the worker what can be done now.

An item is in default only after its due date has passed (民法典 art. 203 ¶2), judged on the
recorded default date (``decision.defaulted_on``), never on today.  Routes:

* LDTJ art. 15 — a party that does not perform within the agreed time: the other may apply
  for arbitration;
* LDTJ art. 16 — agreements on 拖欠劳动报酬、工伤医疗费、经济补偿或者赔偿金: the worker may take the
  调解协议书 to the people's court and apply for a 支付令 (民事诉讼法 督促程序: the court where
  the debtor is domiciled).  Only items of those kinds are named for it.
"""

from __future__ import annotations

from datetime import date

from hexie_desktop.core import money, workflow
from hexie_desktop.core.i18n import _
from hexie_desktop.documents import formatting as fmt
from hexie_desktop.documents.model import Block, Document, Paragraph, Table, Title
from hexie_desktop.documents.projection import project
from hexie_desktop.documents.templates import common

SHAPE = {
    **common.HEAD,
    "agreement": {"effective_on": True, "items": [{
        "seq": True, "obligation": True, "payer": True, "amount": "amount", "paid": "amount", "due_on": True,
        "category": True, "performed_on": True}]},
    "decision": {"defaulted_on": True},
    "paper": {"issued_on": True},
}


def _day(value: object) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) and value else None


def overdue_items(data: dict) -> list[dict]:
    """The unperformed items whose due date had passed on the recorded default date."""
    on = _day((data.get("decision") or {}).get("defaulted_on"))
    items = [i for i in ((data.get("agreement") or {}).get("items") or []) if isinstance(i, dict)]
    if on is None:
        return []
    return [i for i in items if not i.get("performed_on") and workflow.is_overdue(_day(i.get("due_on")), on)]


def _left(item: dict) -> str:
    amount = fmt.cents(item.get("amount")) or 0
    paid = fmt.cents(item.get("paid")) or 0
    return money.format_amount(amount - paid) if amount else ""


def compose(data: dict, station: dict) -> Document:
    """Lay out the default notice from its projected fields."""
    title = _("调解协议未履行告知书")
    org = common.org_name(data, station)
    us = common.self_name(org)
    agreement = data.get("agreement") or {}
    decision = data.get("decision") or {}
    paper = data.get("paper") or {}
    respondent = fmt.text(common.respondent(data).get("name")) or "\u3000" * 8
    overdue = overdue_items(data)
    blocks: list[Block] = [
        Title(title),
        common.number_line(data),
        Paragraph(common.applicant_names(data) + "：", indent=False),
        Paragraph(_("你（们）与{respondent}{category}争议一案，经{us}调解，双方于{effective}达成调解协议，"
                    "协议已经生效，当事人应当履行。").format(
            respondent=respondent, category=common.category(data), us=us,
            effective=fmt.cn_date(agreement.get("effective_on")))),
        Paragraph(_("截至{on}，{respondent}未按协议约定的期限履行下列事项：").format(
            on=fmt.cn_date(decision.get("defaulted_on")), respondent=respondent)),
    ]
    rows = []
    for item in overdue:
        rows.append([str(item.get("seq") or ""), fmt.text(item.get("obligation")),
                     fmt.figures(item.get("amount")) if item.get("amount") else "", _left(item),
                     fmt.cn_date(item.get("due_on"), blank="")])
    blocks.append(Table(header=[[_("序号"), _("履行内容"), _("协议金额（元）"), _("未履行金额（元）"), _("履行期限")]],
                        rows=rows or [["", "", "", "", ""]], widths=[1.1, 5.0, 2.2, 2.2, 2.9],
                        align=["center", "left", "right", "right", "center"], size=11))
    blocks.append(Paragraph(_("你（们）现在可以："), keep_with_next=True))
    blocks.append(Paragraph(_("一、依照《中华人民共和国劳动争议调解仲裁法》第十五条，就对方不履行调解协议，"
                              "依法向{arb}申请仲裁。").format(arb=common.arbitration_text(station))))
    order = [i for i in overdue if workflow.payment_order_allowed(i.get("category"))]
    if order:
        seqs = "、".join(_("第{n}项").format(n=i.get("seq")) for i in order)
        blocks.append(Paragraph(_("二、上列{seqs}属于支付拖欠劳动报酬、工伤医疗费、经济补偿或者赔偿金事项。"
                                  "依照《中华人民共和国劳动争议调解仲裁法》第十六条，用人单位在协议约定期限内不履行的，"
                                  "你（们）可以持调解协议书依法向{court}申请支付令，人民法院应当依法发出支付令。").format(
            seqs=seqs, court=court_text(station))))
        tail = _("三、")
    else:
        tail = _("二、")
    blocks.append(Paragraph(tail + _("申请仲裁的时效期间为一年（《中华人民共和国劳动争议调解仲裁法》第二十七条），"
                                     "请及时主张权利；需要帮助的，可以向{us}咨询。").format(us=us)))
    blocks.append(Paragraph(_("特此告知。"), keep_with_next=True))
    blocks += common.issuer_lines(org, paper.get("issued_on"))
    return Document("default_notice", title, blocks)


def court_text(station: dict) -> str:
    """The court for a 支付令: the one named in the settings, else the debtor's local basic court."""
    name = fmt.text(station.get("court_name") or station.get("court"))
    if not name:
        return _("被申请人住所地的基层人民法院")
    address = fmt.text(station.get("court_address"))
    return name + (_("（地址：{a}）").format(a=address) if address else "")


def build(case: dict, station: dict) -> Document:
    """The 未履行告知书 of ``case``."""
    return compose(project(case, SHAPE), station or {})
