"""当事人权利义务告知书: voluntary and free mediation, rights, duties, 15-day rule, limitation."""

from __future__ import annotations

from hexie_desktop.core.i18n import _
from hexie_desktop.core.periods import ENTRUSTED_SOURCE
from hexie_desktop.documents import formatting as fmt
from hexie_desktop.documents.model import Block, Document, Heading, Paragraph, Signature, SignatureBlock, Title
from hexie_desktop.documents.projection import project
from hexie_desktop.documents.templates import common

SHAPE = {
    **common.HEAD,
    "infringement_known_on": True,
    "source": True,
    "deadlines": {"mediation": True, "limitation": True},
    "arbitration_right_from": True,
    "deadline_details": common.deadline_shape("mediation", "limitation"),
    "periods": common.PERIODS,
}

def rights(data: dict) -> tuple[str, ...]:
    """The parties' rights, with the configured mediation period (LDTJ art. 14) in words.

    Besides mediation and arbitration: the right to appoint an agent (委托代理人) and, for
    unpaid wages and other breaches of labour law, the complaint to the 劳动保障监察机构
    (LDTJ art. 9, 《劳动保障监察条例》).
    """
    return (
        _("自愿选择调解，也可以不经调解直接向劳动人事争议仲裁委员会申请仲裁；调解过程中可以随时要求终止调解。"),
        _("调解员是本案当事人或者当事人的近亲属，或者与本案有利害关系、可能影响公正调解的，有权申请其回避。"),
        _("自主表达意愿，自愿达成调解协议；有权拒绝接受调解方案。"),
        _("达成调解协议前，申请人可以撤回调解申请。"),
        _("自调解组织收到调解申请之日起{n}日内未达成调解协议的，可以依法申请仲裁").format(
            n=common.period_words(data, "mediation_days"))
        + common.cite(data, "mediation_days", _("（《中华人民共和国劳动争议调解仲裁法》第十四条）")) + "。",
        _("可以委托代理人参加调解；委托他人代理的，应当向调解组织提交由委托人签名或者盖章的授权委托书，"
          "写明委托事项和权限。"),
        _("用人单位违反国家规定，拖欠或者未足额支付劳动报酬，或者拖欠工伤医疗费、经济补偿或者赔偿金的，"
          "劳动者可以向劳动行政部门（劳动保障监察机构）投诉，劳动行政部门应当依法处理"
          "（《中华人民共和国劳动争议调解仲裁法》第九条）。"),
        _("要求对调解中涉及的个人隐私和商业秘密予以保密。"),
    )


DUTIES = (
    _("如实陈述案件事实，提供真实的身份证明和证据材料。"),
    _("遵守调解秩序，尊重对方当事人和调解员。"),
    _("按时参加调解；无正当理由不到场的，调解组织可以终止调解。"),
    _("自觉履行依法达成并已生效的调解协议。"),
)


def compose(data: dict, station: dict) -> Document:
    """Lay out the notice of rights and duties from its projected fields."""
    title = _("劳动人事争议调解当事人权利义务告知书")
    org = common.org_name(data, station)
    respondent = fmt.text(common.respondent(data).get("name"))
    addressees = fmt.join([common.applicant_names(data), respondent])
    deadlines = data.get("deadlines") or {}
    blocks: list[Block] = [
        Title(title),
        common.number_line(data),
        Paragraph(addressees + "：", indent=False),
        Paragraph(_("根据《中华人民共和国劳动争议调解仲裁法》等规定，为保障当事人的合法权益，"
                    "现将劳动人事争议调解中当事人的权利和义务告知如下：")),
        Heading(_("一、调解原则")),
        Paragraph(_("劳动人事争议调解遵循自愿、平等、合法、公正的原则。调解不收取任何费用。"
                    "{org}在查明事实、分清是非的基础上，依法进行调解。").format(org=org)),
        Heading(_("二、当事人的权利")),
    ]
    blocks += [Paragraph(f"{n}. " + text) for n, text in enumerate(rights(data), start=1)]
    if deadlines.get("mediation") and data.get("source") == ENTRUSTED_SOURCE:
        blocks.append(Paragraph(_("本案系仲裁委员会委托调解，调解期限至{day}届满；届满未达成调解协议的，"
                                  "本案退回仲裁委员会继续仲裁审理。").format(day=fmt.cn_date(deadlines["mediation"]))))
    elif deadlines.get("mediation"):
        right_from = data.get("arbitration_right_from") or deadlines["mediation"]
        text = _("本案调解期限至{day}届满").format(day=fmt.cn_date(deadlines["mediation"]))
        text += _("；自收到调解申请之日起{n}日内（即{day}前）未达成调解协议的，当事人可以依法申请仲裁，"
                  "经双方同意延长调解期限的，不影响当事人申请仲裁").format(
            n=common.period_words(data, "mediation_days"), day=fmt.cn_date(right_from))
        text += common.cite(data, "mediation_days", _("（劳动争议调解仲裁法第十四条）")) + "。"
        blocks.append(Paragraph(text))
    warnings = common.calendar_warnings(data, "mediation", "limitation")
    blocks += common.calendar_notes(warnings)
    blocks.append(Heading(_("三、当事人的义务")))
    blocks += [Paragraph(f"{n}. " + text) for n, text in enumerate(DUTIES, start=1)]
    blocks.append(Heading(_("四、仲裁时效提示")))
    years = common.period_words(data, "limitation_years")
    blocks.append(Paragraph(_(
        "劳动争议申请仲裁的时效期间为{n}年，从当事人知道或者应当知道其权利被侵害之日起计算；"
        "因当事人一方向有关部门请求权利救济等原因而中断，从中断时起，仲裁时效期间重新计算。"
        "劳动关系存续期间因拖欠劳动报酬发生争议的，不受{n}年时效期间的限制，但劳动关系终止的，"
        "应当自劳动关系终止之日起{n}年内提出").format(n=years)
        + common.cite(data, "limitation_years", _("（《中华人民共和国劳动争议调解仲裁法》第二十七条）")) + "。"))
    known = data.get("infringement_known_on")
    if known:
        text = _("据申请人陈述，其知道或者应当知道权利被侵害之日为{day}").format(day=fmt.cn_date(known))
        if deadlines.get("limitation"):
            text += _("，仲裁时效期间至{day}届满").format(day=fmt.cn_date(deadlines["limitation"]))
        blocks.append(Paragraph(text + "。"))
    blocks.append(Paragraph(_("以上内容已向当事人告知，当事人已阅读并知悉。"), keep_with_next=True))
    mediator = fmt.text((data.get("mediator") or {}).get("name"))
    blocks.append(SignatureBlock([
        Signature(_("申请人（签收）")),
        Signature(_("被申请人（签收）")),
        Signature(_("告知人"), name=mediator or None),
        common.seal_signature(org),
    ]))
    return Document("notice", title, blocks, warnings=warnings)


def build(case: dict, station: dict) -> Document:
    """The 当事人权利义务告知书 of ``case``."""
    return compose(project(case, SHAPE), station or {})
