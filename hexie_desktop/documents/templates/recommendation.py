"""调解建议书: a recommendation to the employer on problems the case showed (e.g. compliance in
wages, contracts, social insurance), so the dispute does not recur.

《企业劳动争议协商调解规定》(人社部令第17号) art. 4 and the committee duties (预防为主: help the
enterprise put contracts, rules and collective contracts right; build early warning).  The
recommendation itself is entered when printing (``case["paper"]``); allowed for accepted,
mediating and closed cases.
"""

from __future__ import annotations

from hexie_desktop.core.i18n import _
from hexie_desktop.documents import formatting as fmt
from hexie_desktop.documents.model import Block, Document, Paragraph, Span, Title
from hexie_desktop.documents.projection import project
from hexie_desktop.documents.templates import common

SHAPE = {
    **common.HEAD,
    "paper": {"addressee": True, "content": True, "issued_on": True},
}


def compose(data: dict, station: dict) -> Document:
    """Lay out the recommendation from its projected fields."""
    title = _("劳动人事争议调解建议书")
    org = common.org_name(data, station)
    us = common.self_name(org)
    paper = data.get("paper") or {}
    respondent = fmt.text(common.respondent(data).get("name"))
    addressee = fmt.text(paper.get("addressee")) or respondent or "\u3000" * 8
    you = _("你单位") if addressee == respondent else _("贵单位")
    blocks: list[Block] = [
        Title(title),
        common.number_line(data),
        Paragraph(addressee + "：", indent=False),
        Paragraph(_("{us}在调解{applicants}与{respondent}{category}争议一案（{number}）中，"
                    "发现用人单位在劳动用工管理方面存在以下问题。为预防和减少劳动争议，"
                    "依照《企业劳动争议协商调解规定》第四条，提出如下建议：").format(
            us=us, applicants=common.applicant_names(data), respondent=respondent or "\u3000" * 8,
            category=common.category(data), number=fmt.text(data.get("number")))),
    ]
    content = [line.strip() for line in fmt.text(paper.get("content")).splitlines() if line.strip()]
    if content:
        blocks += [Paragraph(line) for line in content]
    else:
        blocks += [Paragraph([common.blank(26)], indent=False) for _i in range(4)]
    blocks += [
        Paragraph(_("请{you}认真研究，依法规范劳动用工管理，并将落实情况及时反馈{us}。").format(you=you, us=us)),
        Paragraph(_("特此建议。"), keep_with_next=True),
    ]
    blocks += common.issuer_lines(org, paper.get("issued_on"))
    blocks.append(Paragraph([Span(_("签收人：")), common.blank(8), Span("\u3000" + _("签收日期：")), common.blank(8)],
                            indent=False))
    return Document("recommendation", title, blocks)


def build(case: dict, station: dict) -> Document:
    """The 调解建议书 of ``case``."""
    return compose(project(case, SHAPE), station or {})
