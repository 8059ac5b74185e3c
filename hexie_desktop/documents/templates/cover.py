"""卷宗封面: archive number, parties, mediator, dates, result, retention, page count."""

from __future__ import annotations

from hexie_desktop.core.case_view import from_json
from hexie_desktop.core.dossier import entries
from hexie_desktop.core.i18n import _
from hexie_desktop.documents import formatting as fmt
from hexie_desktop.documents.model import Block, Document, Fields, Paragraph, Spacer, Title
from hexie_desktop.documents.projection import project
from hexie_desktop.documents.templates import common

SHAPE = {
    **common.HEAD,
    "state_label": True,
    "decision": {
        "accepted_on": True, "closed_on": True, "closing_reason_label": True, "archive_number": True,
        "archived_on": True, "retention_years": True, "note": True,
        "rejected_on": True, "failed_on": True, "withdrawn_on": True,
        "archive_catalog": [{"title": True, "doc_type": True, "pages": True}],
    },
    "state": True,
    "sessions": [{"seq": True}],
    "agreement": {"effective_on": True},
    "documents": [{"doc_type": True, "title": True, "pages": True, "subject": True}],
    "attachments": [{"doc_type": True, "kind": True, "title": True, "pages": True}],
    "archivist": common.PERSON,
}


def _page_count(data: dict) -> int | None:
    """Pages of the file as its 卷内目录 counts them (``None`` when a count is missing)."""
    return entries(from_json(data))[1]


def compose(data: dict, station: dict) -> Document:
    """Lay out the file cover from its projected fields."""
    title = _("劳动人事争议调解案卷")
    org = common.org_name(data, station)
    decision = data.get("decision") or {}
    mediator = fmt.text((data.get("mediator") or {}).get("name"))
    start = fmt.cn_date(data.get("received_on"), blank="")
    end = fmt.cn_date(decision.get("closed_on"), blank="")
    period = _("{start}至{end}").format(start=start or "\u3000" * 6, end=end or "\u3000" * 6)
    retention = decision.get("retention_years")
    pages = _page_count(data)
    result = fmt.text(decision.get("closing_reason_label")) or fmt.text(data.get("state_label"))
    blocks: list[Block] = [
        Spacer(1),
        Paragraph(org, indent=False, align="center", role="heading"),
        Title(title),
        Spacer(0.5),
        Fields([
            (_("归档号"), fmt.text(decision.get("archive_number")) or None),
            (_("案号"), fmt.text(data.get("number")) or None),
            (_("案由"), _("{category}争议").format(category=common.category(data))),
            (_("申请人"), common.applying_names(data)),
            (_("被申请人"), common.responding_names(data)),
            (_("调解员"), mediator or None),
            (_("调解日期"), period),
            (_("处理结果"), result or None),
            (_("立卷人"), fmt.text((data.get("archivist") or {}).get("name")) or None),
            (_("立卷日期"), fmt.cn_date(decision.get("archived_on"), blank="") or None),
            (_("卷内页数"), _("{n}页").format(n=pages) if pages else None),
            (_("保管期限"), _("{n}年").format(n=retention) if retention else None),
            (_("备注"), fmt.text(decision.get("note")) or None),
        ], boxed=True, columns=1, size=16),
    ]
    return Document("cover", title, blocks, page_numbers=False)


def build(case: dict, station: dict) -> Document:
    """The 卷宗封面 of ``case``."""
    return compose(project(case, SHAPE), station or {})
