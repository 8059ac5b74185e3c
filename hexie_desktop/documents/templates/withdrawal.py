"""撤回调解申请书: the withdrawal the applicant signs (the 卷内目录 of a withdrawn case requires it).

Printable for a case already withdrawn and for one that may still be withdrawn (registered,
accepted, mediating), so the applicant can sign it before the withdrawal is recorded.  The
applicant keeps the right to arbitration (LDTJ art. 5, art. 14 ¶3); the arbitration limitation
interrupted by the application restarts when the mediation ends (LDTJ art. 27, 民法典 art. 195).
"""

from __future__ import annotations

from hexie_desktop.core.i18n import _
from hexie_desktop.documents import formatting as fmt
from hexie_desktop.documents.model import Block, Document, Fields, Paragraph, Signature, SignatureBlock, Span, Title
from hexie_desktop.documents.projection import project
from hexie_desktop.documents.templates import common

SHAPE = {
    **common.HEAD,
    "decision": {"accepted_on": True, "withdrawn_on": True},
    "paper": {"reason": True},
}


def compose(data: dict, station: dict) -> Document:
    """Lay out the withdrawal from its projected fields."""
    title = _("撤回劳动人事争议调解申请书")
    org = common.org_name(data, station)
    decision = data.get("decision") or {}
    paper = data.get("paper") or {}
    respondent = fmt.text(common.respondent(data).get("name")) or "\u3000" * 8
    facts = _("申请人于{received}向{org}申请调解与被申请人{respondent}之间的{category}争议").format(
        received=fmt.cn_date(data.get("received_on")), org=org, respondent=respondent, category=common.category(data))
    if decision.get("accepted_on"):
        facts += _("，已于{accepted}受理").format(accepted=fmt.cn_date(decision["accepted_on"]))
    blocks: list[Block] = [
        Title(title),
        common.number_line(data),
        Fields([(_("申请人"), common.applicant_names(data)), (_("被申请人"), respondent),
                (_("案由"), _("{category}争议").format(category=common.category(data)))]),
        Paragraph(facts + _("。现申请人自愿撤回该调解申请。")),
    ]
    reason = fmt.text(paper.get("reason"))
    if reason:
        blocks.append(Paragraph(_("撤回理由：") + reason))
    else:
        blocks.append(Paragraph([Span(_("撤回理由：")), common.blank(20)]))
        blocks.append(Paragraph([common.blank(26)], indent=False))
    blocks += [
        Paragraph(_("申请人已知悉：撤回调解申请后，本案调解程序终止；申请人仍可以依法向{arb}申请仲裁。"
                    "因申请调解而中断的仲裁时效，自调解程序终止之日起重新计算"
                    "（《中华人民共和国劳动争议调解仲裁法》第二十七条、《中华人民共和国民法典》第一百九十五条）。")
                  .format(arb=common.arbitration_text(station))),
        Paragraph(_("此致"), keep_with_next=True),
        Paragraph(org, indent=False, keep_with_next=True),
    ]
    on = fmt.cn_date(decision.get("withdrawn_on"), blank="") or None
    if common.uses_annex(data):
        people, label = common.representatives(data), _("申请人代表{name}（签名并按指印）")
    else:
        people, label = common.applicants(data), _("申请人{name}（签名并按指印）")
    names = [fmt.text(p.get("name")) for p in people] if len(people) > 1 else [""]
    signers = [Signature(label.format(name=name), date=on) for name in names]
    blocks.append(SignatureBlock(signers))
    if common.uses_annex(data):
        blocks.append(common.applicant_annex(data, title=_("撤回申请人名单"), signatures=True))
    return Document("withdrawal", title, blocks)


def build(case: dict, station: dict) -> Document:
    """The 撤回调解申请书 of ``case``."""
    return compose(project(case, SHAPE), station or {})
