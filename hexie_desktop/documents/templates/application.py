"""调解申请书 (or 口头申请笔录 when the application was oral): parties, claims, facts, evidence."""

from __future__ import annotations

from hexie_desktop.core.i18n import _
from hexie_desktop.documents import formatting as fmt
from hexie_desktop.documents.model import Block, Document, Heading, Paragraph, Signature, SignatureBlock, Title
from hexie_desktop.documents.projection import project
from hexie_desktop.documents.templates import common

SHAPE = {
    **common.HEAD,
    "source": True,
    "source_label": True,
    "facts": True,
    "evidence": True,
    "claims": [common.CLAIM],
    "claimed_total": "amount",
    "recorder": common.PERSON,
}


def _evidence_lines(evidence: object) -> list[str]:
    """Evidence as lines, whether stored as text or as a list."""
    if isinstance(evidence, list):
        return [fmt.text(e) for e in evidence if fmt.text(e)]
    text = fmt.text(evidence)
    return [line.strip() for line in text.splitlines() if line.strip()]


def compose(data: dict, station: dict) -> Document:
    """Lay out the application from its projected fields."""
    oral = data.get("source") == "oral"
    title = _("劳动人事争议调解口头申请笔录") if oral else _("劳动人事争议调解申请书")
    org = common.org_name(data, station)
    blocks: list[Block] = [Title(title), common.number_line(data), common.party_fields(data)]

    blocks.append(Heading(_("调解请求")))
    claims = common.claims_text(data)
    if claims:
        for number, claim in enumerate(claims, start=1):
            blocks.append(Paragraph(f"{number}. {claim}。"))
        if data.get("claimed_total") and len(claims) > 1:
            blocks.append(Paragraph(_("请求金额合计") + fmt.amount_both(data["claimed_total"]) + "。"))
    else:
        blocks += [Paragraph([common.blank(26)], indent=False) for _i in range(3)]

    blocks.append(Heading(_("事实与理由")))
    facts = fmt.text(data.get("facts"))
    if facts:
        blocks += [Paragraph(part) for part in facts.splitlines() if part.strip()]
    else:
        blocks += [Paragraph([common.blank(26)], indent=False) for _i in range(4)]

    blocks.append(Heading(_("证据和证据来源")))
    evidence = _evidence_lines(data.get("evidence"))
    if evidence:
        blocks += [Paragraph(f"{n}. {line}") for n, line in enumerate(evidence, start=1)]
    else:
        blocks += [Paragraph([common.blank(26)], indent=False) for _i in range(2)]

    if oral:
        closing = _("以上内容已向申请人宣读（或交申请人阅看），申请人确认记录无误。")
    else:
        closing = _("申请人已知悉劳动人事争议调解的权利义务，自愿申请调解。")
    blocks.append(Paragraph(closing, keep_with_next=True))
    blocks += [Paragraph(_("此致"), indent=True, keep_with_next=True),
               Paragraph(org, indent=False, keep_with_next=True)]
    applicant_label = (_("申请人（盖章）\n经办人（签名）") if common.employer_applied(data)
                       else _("申请人（签名、按指印）"))
    entries = [Signature(applicant_label, date=fmt.cn_date(data.get("received_on"), blank="") or None)]
    if oral:
        recorder = fmt.text((data.get("recorder") or {}).get("name"))
        entries.append(Signature(_("记录人"), name=recorder or None))
    blocks.append(SignatureBlock(entries))
    if common.uses_annex(data):
        blocks.append(common.applicant_annex(data, signatures=not common.employer_applied(data)))
    return Document("application", title, blocks)


def build(case: dict, station: dict) -> Document:
    """The 调解申请书 (口头申请笔录) of ``case``."""
    return compose(project(case, SHAPE), station or {})
