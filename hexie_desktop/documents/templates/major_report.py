"""重大集体劳动争议情况报告: a major collective dispute reported to the district/city 协调劳动关系三方
(issue 14 point 5; seed 002 "多元调处"): parties, workers, amount, grade and its reasons, the
report deadline, the state of the case and a blank for the measures taken."""

from __future__ import annotations

from hexie_desktop.core.i18n import _
from hexie_desktop.documents import formatting as fmt
from hexie_desktop.documents.model import Block, Document, Fields, Paragraph, Title
from hexie_desktop.documents.projection import project
from hexie_desktop.documents.templates import common

SHAPE = {
    **common.HEAD,
    "workers": True,
    "state_label": True,
    "facts": True,
    "claimed_total": "amount",
    "grading": {"grade_label": True, "reasons": True, "override_reason": True, "report_due": True},
}


def compose(data: dict, station: dict, today: object = None) -> Document:
    """Lay out the report from its projected fields."""
    title = _("重大集体劳动争议情况报告")
    org = common.org_name(data, station)
    grading = data.get("grading") or {}
    respondent = fmt.text(common.respondent(data).get("name")) or "\u3000" * 6
    facts = fmt.text(data.get("facts"))
    workers = data.get("workers")
    blocks: list[Block] = [
        Title(title),
        common.number_line(data),
        Paragraph(_("区（县）、市协调劳动关系三方办公室："), indent=False),
        Paragraph(_("{received}，{org}收到{applicants}与{respondent}之间的{category}争议调解申请，"
                    "涉及劳动者{workers}人，请求金额合计{amount}。现将有关情况报告如下。").format(
            received=fmt.cn_date(data.get("received_on")), org=org, applicants=common.applicant_names(data),
            respondent=respondent, category=common.category(data),
            workers=workers if workers is not None else "\u3000\u3000",
            amount=fmt.amount_both(data.get("claimed_total")))),
        Fields([
            (_("案件编号"), fmt.text(data.get("number")) or None),
            (_("案件分级"), fmt.text(grading.get("grade_label")) or None),
            (_("分级依据"), fmt.text(grading.get("reasons")) or None),
            (_("人工调整理由"), fmt.text(grading.get("override_reason")) or None),
            (_("报告时限"), fmt.cn_date(grading.get("report_due"), blank="") or None),
            (_("办理状态"), fmt.text(data.get("state_label")) or None),
            (_("调解员"), fmt.text((data.get("mediator") or {}).get("name")) or None),
        ], boxed=True, columns=1, label_chars=6),
    ]
    if facts:
        blocks.append(Paragraph(_("基本情况：") + facts))
    blocks.append(Paragraph(_("已采取的处置措施及下一步工作：") + "\u3000" * 40))
    blocks.append(Paragraph(_("特此报告。"), keep_with_next=True))
    blocks += common.issuer_lines(org, today)
    return Document("major_report", title, blocks)


def build(case: dict, station: dict) -> Document:
    """The 重大集体劳动争议情况报告 of ``case``."""
    return compose(project(case, SHAPE), station or {})
