"""调解协议书: parties, dispute, numbered items with amounts in figures and 大写, each worker's amount
(每人金额明细) of a collective agreement, effect and copies clauses, legal notices (仲裁审查 at the
named arbitration commission, 司法确认 at the named court, 支付令, arbitration), signatures, seal and
a QR code.  An agreement not yet signed prints the same way with blank signature dates: it is the
paper the parties sign.

The QR code carries ``HEXIE1|<case id>|<document hash>``, where the hash is
:func:`~hexie_desktop.documents.render.content_hash` of this document, so a paper copy
can be checked against the data.  A final agreement needs every item's amount, payer and
due date (:func:`agreement_final_problems`); otherwise only a draft may be printed.
"""

from __future__ import annotations

from dataclasses import replace

from hexie_desktop.core import codes, money
from hexie_desktop.core.i18n import _
from hexie_desktop.documents import formatting as fmt
from hexie_desktop.documents.model import (
    QR,
    Annex,
    Block,
    Document,
    Heading,
    Paragraph,
    Signature,
    SignatureBlock,
    Table,
    Title,
)
from hexie_desktop.documents.projection import digest, project
from hexie_desktop.documents.templates import common

QR_PREFIX = "HEXIE1"

ITEM = {
    "seq": True, "obligation": True, "payer": True, "payee": True, "amount": "amount", "method": True,
    "method_label": True, "due_on": True, "category": True,
}

SHARE = {"seq": True, "applicant_id": True, "name": True, "amount": "amount", "due_on": True}

SHAPE = {
    **common.HEAD,
    "applicants": [{**common.APPLICANT, "id": True}],
    "workers": True,
    "claims": [common.CLAIM],
    "agreement": {
        "content": True,
        "applicant_signed_on": True,
        "respondent_signed_on": True,
        "mediator_signed_on": True,
        "seal_applied_on": True,
        "effective_on": True,
        "items": [ITEM],
        "shares": [SHARE],
    },
    "deadlines": {"arbitration_review": True, "judicial_confirmation": True},
    "periods": common.PERIODS,
    "deadline_details": common.deadline_shape("arbitration_review", "judicial_confirmation"),
}


def _items(data: dict) -> list[dict]:
    agreement = data.get("agreement") or {}
    return [i for i in (agreement.get("items") or []) if isinstance(i, dict)]


def agreement_final_problems(case: dict) -> list[str]:
    """What keeps the agreement of ``case`` from being printed as final (empty = nothing).

    Each item must name its amount, payer and due date (仲裁审查 needs clear, executable
    content, 办案规则 art. 78); an agreement with neither items nor text is incomplete.
    """
    data = project(case, SHAPE)
    agreement = data.get("agreement")
    if not agreement:
        return [_("尚未录入调解协议")]
    items = _items(data)
    problems: list[str] = []
    if not items and not fmt.text(agreement.get("content")):
        problems.append(_("调解协议没有协议事项，也没有协议内容"))
    for number, item in enumerate(items, start=1):
        lacking = []
        if not item.get("amount") or fmt.cents(item.get("amount")) is None:
            lacking.append(_("金额"))
        if not fmt.text(item.get("payer")):
            lacking.append(_("给付方"))
        if not fmt.text(item.get("due_on")):
            lacking.append(_("履行期限"))
        if lacking:
            name = fmt.text(item.get("obligation")) or _("（未命名）")
            problems.append(_("第{n}项“{name}”缺少：{what}").format(
                n=item.get("seq") or number, name=name, what="、".join(lacking)))
    return problems


def _item_text(item: dict) -> str:
    """One agreed item: its obligation, then payer, payee, amount, method and due date."""
    obligation = fmt.text(item.get("obligation")) or _("支付款项")
    if obligation[-1] not in "。；;.!！":
        obligation += "。"
    method = fmt.text(item.get("method_label")) or codes.label(codes.PAYMENT_METHODS, item.get("method"))
    details = [
        _("给付方：") + (fmt.text(item.get("payer")) or fmt.PENDING),
        _("收款方：") + fmt.text(item.get("payee")) if fmt.text(item.get("payee")) else "",
        _("金额：") + fmt.amount_both(item.get("amount")) if item.get("amount") else _("金额：") + fmt.PENDING,
        _("履行方式：") + method if method else "",
        _("履行期限：") + fmt.cn_date(item.get("due_on"), blank=fmt.PENDING) + _("前"),
    ]
    return obligation + "；".join(d for d in details if d) + "。"


def _shares(data: dict) -> list[dict]:
    agreement = data.get("agreement") or {}
    return [s for s in (agreement.get("shares") or []) if isinstance(s, dict)]


def _figure(amount: object) -> str:
    """``12,345.60`` for an amount (empty when unreadable)."""
    cents = fmt.cents(amount)
    return money.format_amount(cents) if cents is not None else ""


def shares_table(data: dict) -> Table:
    """Each worker's amount: 序号, 姓名, 身份证件号码, 金额（元）, 履行期限, and the total."""
    ids = {fmt.text(p.get("id")): p for p in common.applicants(data)}
    rows: list[list[str | None]] = []
    for number, share in enumerate(_shares(data), start=1):
        person = ids.get(fmt.text(share.get("applicant_id"))) or {}
        rows.append([str(number), fmt.text(share.get("name")) or fmt.text(person.get("name")),
                     fmt.text(person.get("id_number")), _figure(share.get("amount")),
                     fmt.cn_date(share.get("due_on"), blank="")])
    total = fmt.total(s.get("amount") for s in _shares(data))
    rows.append(["", _("合计"), "", _figure(total if total is None else fmt.money_text(total)), ""])
    return Table(header=[[_("序号"), _("姓名"), _("身份证件号码"), _("金额（元）"), _("履行期限")]], rows=rows,
                 widths=[0.9, 1.8, 3.8, 2.2, 3.0], align=["center", "center", "center", "right", "center"], size=11)


def _shares_blocks(data: dict, items: list[dict]) -> list[Block]:
    """The sentence on the per-worker amounts and, for a few workers, the table itself (one worker: the items)."""
    if not _shares(data) or len(common.applicants(data)) < 2:
        return []
    total = fmt.total(s.get("amount") for s in _shares(data))
    text = _("上述款项由被申请人分别支付给每名劳动者，每人金额和履行期限见{where}，合计{total}，"
             "与协议事项金额合计一致；每名劳动者可以就本人金额依法申请支付令、仲裁审查或者仲裁。").format(
        where=_("附件2“每名劳动者金额明细”") if common.uses_annex(data) else _("下表"),
        total=fmt.amount_both(fmt.money_text(total)) if total is not None else fmt.PENDING)
    blocks: list[Block] = [Paragraph(text)]
    if not common.uses_annex(data):
        blocks.append(shares_table(data))
    return blocks


def share_warnings(data: dict) -> list[str]:
    """A collective agreement without every worker's amount, or amounts not adding up (printed anyway)."""
    items = _items(data)
    item_total = fmt.total(i.get("amount") for i in items) or 0
    shares = _shares(data)
    collective = bool(data.get("collective")) or len(common.applicants(data)) >= 10
    if shares:
        total = fmt.total(s.get("amount") for s in shares) or 0
        if total != item_total:
            return [_("每人金额合计与协议事项金额合计不一致")]
    elif collective and item_total and len(common.applicants(data)) > 1:
        return [_("集体争议的调解协议尚未列明每名劳动者的金额（劳动争议调解仲裁法第十六条）")]
    return []


def _payment_order_items(items: list[dict]) -> list[str]:
    """Numbers of the items for which a 支付令 may be sought (LDTJ art. 16)."""
    return [str(item.get("seq") or n) for n, item in enumerate(items, start=1)
            if item.get("category") in codes.PAYMENT_ORDER_CATEGORIES]


def _notices(data: dict, station: dict, items: list[dict]) -> list[Block]:
    deadlines = data.get("deadlines") or {}
    arb = common.arbitration_text(station)
    review = _("双方当事人可以自本协议生效之日起{n}日内，共同向{arb}提出仲裁审查申请").format(
        n=common.period_words(data, "arbitration_review_days"), arb=arb)
    review += common.cite(data, "arbitration_review_days", _("（《劳动人事争议仲裁办案规则》第七十四条）"))
    if deadlines.get("arbitration_review"):
        review += _("，期限至{day}").format(day=fmt.cn_date(deadlines["arbitration_review"]))
    court = _("双方当事人可以自本协议生效之日起{n}日内，共同向{court}申请司法确认").format(
        n=common.period_words(data, "judicial_confirmation_days"), court=common.court_text(station))
    court += common.cite(data, "judicial_confirmation_days", _("（《中华人民共和国民事诉讼法》第二百零五条）"))
    if deadlines.get("judicial_confirmation"):
        court += _("，期限至{day}").format(day=fmt.cn_date(deadlines["judicial_confirmation"]))
    for warning in common.calendar_warnings(data, "arbitration_review", "judicial_confirmation"):
        court += _("（注：{w}）").format(w=warning)  # printed dates carry the screen's calendar warning
    order = _("因支付拖欠劳动报酬、工伤医疗费、经济补偿或者赔偿金事项达成调解协议，用人单位在协议约定期限内"
              "不履行的，劳动者可以持本协议书依法向人民法院申请支付令（《中华人民共和国劳动争议调解仲裁法》第十六条）")
    eligible = _payment_order_items(items)
    if eligible:
        order += _("；本协议第{items}项属于上述事项").format(items="、".join(eligible))
    default = _("达成调解协议后，一方当事人在协议约定期限内不履行调解协议的，另一方当事人可以依法向{arb}"
                "申请仲裁（《中华人民共和国劳动争议调解仲裁法》第十五条）").format(
        arb=fmt.text(station.get("arbitration_commission")) or _("有管辖权的劳动人事争议仲裁委员会"))
    texts = (review, court, order, default)
    # The last notice stays on the page of the signatures (no signature page without text).
    return [Paragraph(f"{n}. {text}。", keep_with_next=n == len(texts)) for n, text in enumerate(texts, start=1)]


def compose(data: dict, station: dict, *, final: bool = True) -> Document:
    """Lay out the agreement from its projected fields (``final`` adds the QR code)."""
    title = _("劳动人事争议调解协议书")
    org = common.org_name(data, station)
    us = common.self_name(org)
    agreement = data.get("agreement") or {}
    items = _items(data)
    annex = _("附件1") if _shares(data) and common.uses_annex(data) else None
    blocks: list[Block] = [Title(title), common.number_line(data), common.party_fields(data, annex=annex)]

    blocks.append(Heading(_("一、争议事项")))
    blocks.append(Paragraph(_("上列当事人因{category}争议，申请人于{received}向{us}申请调解。").format(
        category=common.category(data), received=fmt.cn_date(data.get("received_on")), us=us)))
    claims = common.claims_text(data)
    if claims:
        blocks.append(Paragraph(_("申请人请求：") + "；".join(f"{n}. {c}" for n, c in enumerate(claims, 1)) + "。"))

    blocks.append(Heading(_("二、协议内容")))
    content = [p.strip() for p in fmt.text(agreement.get("content")).splitlines() if p.strip()]
    if content and content[0].rstrip("：:").endswith(_("如下协议")):
        # The recorded text opens the items itself ("经调解，双方自愿达成如下协议").
        blocks.append(Paragraph(content.pop(0).rstrip("：:。") + "："))
    else:
        blocks.append(Paragraph(_("经{us}主持调解，双方当事人在平等自愿的基础上达成如下协议：").format(us=us)))
    number = 0
    for number, item in enumerate(items, start=1):
        blocks.append(Paragraph(f"{number}. " + _item_text(item)))
    total = fmt.total(item.get("amount") for item in items)
    if total is not None and len(items) > 1:
        blocks.append(Paragraph(_("以上款项合计") + fmt.amount_both(fmt.money_text(total)) + "。"))
    blocks += _shares_blocks(data, items)
    for part in content:
        number += 1
        blocks.append(Paragraph(f"{number}. {part}"))

    blocks.append(Heading(_("三、协议效力")))
    blocks.append(Paragraph(_("1. 本协议经双方当事人签名或者盖章，经调解员签名并加盖调解组织印章后生效，"
                              "对双方当事人具有约束力，当事人应当履行（《中华人民共和国劳动争议调解仲裁法》第十四条）。")))
    blocks.append(Paragraph(_("2. 本协议一式三份，双方当事人各执一份，{us}留存一份，具有同等效力。").format(us=us)))

    blocks.append(Heading(_("四、告知事项")))
    blocks += _notices(data, station, items)

    worker_label = (_("{role}（代表人）（签名、按指印）") if common.uses_annex(data) else _("{role}（签名、按指印）")
                    ).format(role=common.worker_role(data))
    employer_label = _("{role}（盖章）\n经办人（签名）").format(role=common.employer_role(data))
    blocks.append(SignatureBlock([
        *_party_signatures(data, agreement, worker_label, employer_label),
        Signature(_("调解员（签名）"), date=fmt.cn_date(agreement.get("mediator_signed_on"), blank="") or None),
        common.seal_signature(org, agreement.get("seal_applied_on")),
    ]))
    if final:
        payload = f"{QR_PREFIX}|{fmt.text(data.get('id'))}|{digest('agreement', data)}"
        blocks.append(QR(payload, caption=_("核验码：扫描右侧二维码，可核对本协议书与调解组织存档记录是否一致。"
                                            "文书摘要：{short}").format(short=digest("agreement", data)[:16])))
    if common.uses_annex(data):
        annex = common.applicant_annex(data, signatures=True)
        if _shares(data):
            blocks.append(replace(annex, number=1))
            blocks.append(Annex(_("每名劳动者金额明细"), [shares_table(data)], number=2))
        else:
            blocks.append(annex)
    warnings = common.missing_settings(station) + share_warnings(data)
    return Document("agreement", title, blocks, warnings=warnings)


def build(case: dict, station: dict) -> Document:
    """The 调解协议书 of ``case`` as it will be printed in final form."""
    return compose(project(case, SHAPE), station or {})


def build_draft(case: dict, station: dict) -> Document:
    """The 调解协议书 of ``case`` as a draft (no QR code; missing values shown as 〔待定〕)."""
    return compose(project(case, SHAPE), station or {}, final=False)


def _party_signatures(data: dict, agreement: dict, worker_label: str, employer_label: str) -> list[Signature]:
    """The two parties' places, the 申请人 first: ``applicant_signed_on`` is the 申请人's date, the
    employer's when it applied (用人单位申请调解).  The workers' place lists the representatives of a
    collective dispute in an aligned grid."""
    applied = agreement.get("applicant_signed_on")
    responded = agreement.get("respondent_signed_on")
    if common.employer_applied(data):
        return [Signature(employer_label, date=fmt.cn_date(applied, blank="") or None),
                common.applicant_signature(data, worker_label, responded)]
    return [common.applicant_signature(data, worker_label, applied),
            Signature(employer_label, date=fmt.cn_date(responded, blank="") or None)]
