"""卷内目录: the documents of the file with page numbers; missing required items are flagged.

The list follows the 人民调解 卷宗 order (RMTJ-JZ) with the labour-mediation additions;
which items are required depends on the case's path (accepted, rejected, agreed, failed,
withdrawn).  Issued documents come from ``case["documents"]``, scanned papers (identity
proofs, evidence, receipts …) from the optional ``case["attachments"]``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from hexie_desktop.core.i18n import _
from hexie_desktop.documents import formatting as fmt
from hexie_desktop.documents.model import Block, Document, Paragraph, Span, Table, Title
from hexie_desktop.documents.projection import project
from hexie_desktop.documents.templates import common

AGREED_STATES = frozenset({"agreed", "performing", "performed", "defaulted"})

SHAPE = {
    **common.HEAD,
    "state": True,
    "sessions": [{"seq": True}],
    "agreement": {"effective_on": True},
    "decision": {"accepted_on": True, "rejected_on": True, "failed_on": True, "withdrawn_on": True,
                 "archive_number": True},
    "documents": [{"doc_type": True, "title": True, "pages": True}],
    "attachments": [{"doc_type": True, "kind": True, "title": True, "pages": True}],
}


def _decision(data: dict) -> dict:
    return data.get("decision") or {}


def _accepted(data: dict) -> bool:
    return bool(_decision(data).get("accepted_on")) or data.get("state") not in (None, "registered", "rejected")


def _agreed(data: dict) -> bool:
    return data.get("state") in AGREED_STATES or bool((data.get("agreement") or {}).get("effective_on"))


@dataclass(frozen=True)
class CatalogItem:
    """One line of the standard list: its title, the document kinds it takes, when it is required."""

    title: str
    kinds: frozenset[str]
    required: Callable[[dict], bool]


def _never(_data: dict) -> bool:
    return False


ITEMS: tuple[CatalogItem, ...] = (
    CatalogItem(_("调解申请书（口头申请笔录）或受理登记表"), frozenset({"application", "oral_record", "registration"}),
                lambda d: True),
    CatalogItem(_("当事人权利义务告知书"), frozenset({"notice"}), lambda d: not _decision(d).get("rejected_on")),
    CatalogItem(_("当事人身份证明"), frozenset({"identity"}), lambda d: True),
    CatalogItem(_("授权委托书"), frozenset({"power_of_attorney"}), _never),
    CatalogItem(_("受理通知书"), frozenset({"acceptance"}), lambda d: bool(_decision(d).get("accepted_on"))),
    CatalogItem(_("不予受理通知书"), frozenset({"rejection"}), lambda d: bool(_decision(d).get("rejected_on"))),
    CatalogItem(_("调查笔录"), frozenset({"investigation"}), _never),
    CatalogItem(_("证据材料"), frozenset({"evidence"}), _never),
    CatalogItem(_("调解笔录"), frozenset({"record"}),
                lambda d: bool(d.get("sessions")) or (_accepted(d) and not _decision(d).get("withdrawn_on"))),
    CatalogItem(_("调解协议书"), frozenset({"agreement"}), _agreed),
    CatalogItem(_("终止调解通知书"), frozenset({"termination"}), lambda d: bool(_decision(d).get("failed_on"))),
    CatalogItem(_("撤回调解申请书"), frozenset({"withdrawal"}), lambda d: bool(_decision(d).get("withdrawn_on"))),
    CatalogItem(_("送达回证"), frozenset({"service"}), _never),
    CatalogItem(_("履行凭证（收条、汇款单等）"), frozenset({"performance", "receipt"}), _never),
    CatalogItem(_("回访记录"), frozenset({"followup"}), _never),
    CatalogItem(_("仲裁审查、司法确认有关材料"), frozenset({"confirmation", "arbitration_review"}), _never),
    CatalogItem(_("卷宗情况说明及其他材料"), frozenset({"other", "note"}), _never),
)


def _papers(data: dict) -> list[dict]:
    """Issued documents and attachments, each with a ``kind``."""
    papers = []
    for doc in data.get("documents") or []:
        if isinstance(doc, dict):
            papers.append({**doc, "kind": doc.get("doc_type")})
    for att in data.get("attachments") or []:
        if isinstance(att, dict):
            kind = att.get("doc_type") or att.get("kind")
            if kind is None and "身份" in fmt.text(att.get("title")):
                kind = "identity"
            papers.append({**att, "kind": kind or "other"})
    return papers


def catalog_rows(data: dict) -> tuple[list[list[object]], list[str], bool]:
    """(table rows, titles of missing required items, whether every page count was known)."""
    papers = _papers(data)
    rows: list[list[object]] = []
    missing: list[str] = []
    page: int | None = 1
    for item in ITEMS:
        found = [p for p in papers if p["kind"] in item.kinds]
        if not found:
            if item.required(data):
                missing.append(item.title)
                rows.append([str(len(rows) + 1), item.title, "",
                             [Span(_("缺（必备材料）"), "heading")]])
            continue
        for paper in found:
            title = fmt.text(paper.get("title")) or item.title
            pages = paper.get("pages")
            if page is not None and isinstance(pages, int) and pages > 0:
                span = str(page) if pages == 1 else f"{page}-{page + pages - 1}"
                page += pages
            else:
                span, page = "", None
            rows.append([str(len(rows) + 1), title, span, ""])
    return rows, missing, page is not None


def compose(data: dict, station: dict) -> Document:
    """Lay out the file's table of contents from the projected fields."""
    title = _("卷内目录")
    rows, missing, pages_known = catalog_rows(data)
    archive = fmt.text(_decision(data).get("archive_number"))
    head = _("案号：{number}").format(number=fmt.text(data.get("number")) or "\u3000" * 10)
    if archive:
        head += "\u3000" + _("归档号：{archive}").format(archive=archive)
    blocks: list[Block] = [
        Title(title),
        Paragraph(head, indent=False, align="left", size=14),
        Table(header=[[_("序号"), _("文书名称"), _("页号"), _("备注")]], rows=rows, widths=[1.1, 6.6, 1.8, 3.0],
              align=["center", "left", "center", "left"]),
    ]
    warnings: list[str] = []
    if missing:
        text = _("缺少必备材料：") + "、".join(missing)
        blocks.append(Paragraph(text + "。", indent=False, size=12))
        warnings.append(_("卷内目录") + text)
    if not pages_known:
        note = _("部分材料页数未登记，其后页号请手工填写。")
        blocks.append(Paragraph(note, indent=False, size=12))
        warnings.append(_("卷内目录：") + note)
    return Document("catalog", title, blocks, warnings=warnings)


def build(case: dict, station: dict) -> Document:
    """The 卷内目录 of ``case``."""
    return compose(project(case, SHAPE), station or {})
