"""The case file (一案一档): which papers the 卷内目录 lists and which are required.

One rule for both the printed 卷内目录 (documents/templates/catalog.py) and the archive
guard (services/case_actions.py), over the plain case dict: issued documents come from
``case["documents"]``, scanned or paper items from ``case["attachments"]``.  The list
follows the 人民调解 卷宗 order (RMTJ-JZ) with the labour-mediation additions; which items
are required depends on the case's path (accepted, rejected, agreed, failed, withdrawn): a
rejected case needs no 调解笔录 or 告知书, a withdrawn one no 调解协议书.

The archive action stores the catalogue it checked (:func:`catalog_entries`, items and pages,
in ``cases.archive_catalog``); once archived, the 卷内目录 and the cover print that stored
catalogue (:func:`entries`), so later prints neither lose items nor add pages.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from hexie_desktop.core.i18n import _
from hexie_desktop.core.states import AGREED_STATES


def _decision(data: dict) -> dict:
    return data.get("decision") or {}


def _accepted(data: dict) -> bool:
    """Accepted for mediation (a rejected case never was, whatever state it is in now)."""
    return bool(_decision(data).get("accepted_on"))


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
    CatalogItem(_("当事人权利义务告知书"), frozenset({"notice"}), _accepted),
    CatalogItem(_("当事人身份证明"), frozenset({"identity"}), lambda d: True),
    CatalogItem(_("授权委托书"), frozenset({"power_of_attorney"}), _never),
    CatalogItem(_("受理通知书"), frozenset({"acceptance"}), lambda d: bool(_decision(d).get("accepted_on"))),
    CatalogItem(_("不予受理通知书"), frozenset({"rejection"}), lambda d: bool(_decision(d).get("rejected_on"))),
    CatalogItem(_("调解通知书"), frozenset({"mediation_notice"}), _never),
    CatalogItem(_("调查笔录"), frozenset({"investigation"}), _never),
    CatalogItem(_("证据材料"), frozenset({"evidence"}), _never),
    CatalogItem(_("调解笔录"), frozenset({"record"}),
                lambda d: bool(d.get("sessions")) or (_accepted(d) and not _decision(d).get("withdrawn_on"))),
    CatalogItem(_("调解协议书"), frozenset({"agreement"}), _agreed),
    CatalogItem(_("终止调解通知书"), frozenset({"termination"}), lambda d: bool(_decision(d).get("failed_on"))),
    CatalogItem(_("撤回调解申请书"), frozenset({"withdrawal"}), lambda d: bool(_decision(d).get("withdrawn_on"))),
    CatalogItem(_("送达回证"), frozenset({"service"}), _never),
    CatalogItem(_("履行凭证（收条、汇款单等）"), frozenset({"performance", "receipt"}), _never),
    CatalogItem(_("未履行告知书"), frozenset({"default_notice"}), _never),
    CatalogItem(_("调解建议书"), frozenset({"recommendation"}), _never),
    CatalogItem(_("回访记录"), frozenset({"followup"}), _never),
    CatalogItem(_("仲裁审查、司法确认有关材料"), frozenset({"confirmation", "arbitration_review"}), _never),
    CatalogItem(_("卷宗情况说明及其他材料"), frozenset({"other", "note"}), _never),
)


def papers(data: dict) -> list[dict]:
    """Issued documents and attachments (scanned or paper items), each with a ``kind``.

    A paper issued for one session or one delivery (``subject``, e.g. 第2次调解) is listed
    once per subject: a later issue of the same subject replaces the earlier one, so the
    file holds one 调解笔录 per session.
    """
    papers = []
    docs = [d for d in data.get("documents") or [] if isinstance(d, dict)]
    latest = {(d.get("doc_type"), d.get("subject")): i for i, d in enumerate(docs) if d.get("subject")}
    for index, doc in enumerate(docs):
        if doc.get("subject") and latest[(doc.get("doc_type"), doc.get("subject"))] != index:
            continue
        papers.append({**doc, "kind": doc.get("doc_type")})
    for att in data.get("attachments") or []:
        if isinstance(att, dict):
            kind = att.get("doc_type") or att.get("kind")
            if kind in (None, "other") and "身份" in str(att.get("title") or ""):
                kind = "identity"
            papers.append({**att, "kind": kind or "other"})
    return papers


def missing_items(data: dict) -> list[str]:
    """Titles of the required items no paper of the case stands for."""
    kinds = {p["kind"] for p in papers(data)}
    return [item.title for item in ITEMS if item.required(data) and not (item.kinds & kinds)]


def catalog_entries(data: dict) -> list[dict]:
    """The papers of the file in catalogue order: ``{"title", "doc_type", "pages"}`` each.

    Issued documents and attachments whose kind is one of the standard items; the cover
    and the 卷内目录 themselves are not items of the file.
    """
    found = papers(data)
    out = []
    for item in ITEMS:
        for paper in found:
            if paper["kind"] in item.kinds:
                title = str(paper.get("title") or "").strip() or item.title
                pages = paper.get("pages")
                out.append({"title": title, "doc_type": paper["kind"],
                            "pages": pages if isinstance(pages, int) and not isinstance(pages, bool) and pages > 0
                            else None})
    return out


def dumps_catalog(entries: list[dict]) -> str:
    """The catalogue as stored with the archived case (JSON text)."""
    return json.dumps(entries, ensure_ascii=False)


def stored_catalog(text: str | None) -> list[dict] | None:
    """The catalogue stored at archiving (``None`` when the case was not archived with one)."""
    if not text:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return None
    if not isinstance(value, list):
        return None
    return [e for e in value if isinstance(e, dict)]


@dataclass(frozen=True)
class Entry:
    """One line of the printed 卷内目录: a paper with its page span, or a missing required item."""

    title: str
    span: str
    missing: bool = False


def entries(data: dict) -> tuple[list[Entry], int | None]:
    """(lines of the 卷内目录, total pages or ``None`` when a page count is unknown).

    An archived case prints the catalogue stored when it was archived; otherwise the lines
    follow :data:`ITEMS` over the current papers, with the path's missing required items.
    """
    stored = _decision(data).get("archive_catalog")
    if isinstance(stored, str):
        stored = stored_catalog(stored)
    lines: list[Entry] = []
    page: int | None = 1
    if isinstance(stored, list) and stored:
        listed = [(e, False) for e in stored if isinstance(e, dict)]
    else:
        current = catalog_entries(data)
        kinds = {e["doc_type"] for e in current}
        listed = []
        for item in ITEMS:
            here = [e for e in current if e["doc_type"] in item.kinds]
            if here:
                listed += [(e, False) for e in here]
            elif item.required(data) and not (item.kinds & kinds):
                listed.append(({"title": item.title}, True))
    for entry, missing in listed:
        if missing:
            lines.append(Entry(str(entry["title"]), "", True))
            continue
        pages = entry.get("pages")
        if page is not None and isinstance(pages, int) and pages > 0:
            span = str(page) if pages == 1 else f"{page}-{page + pages - 1}"
            page += pages
        else:
            span, page = "", None
        lines.append(Entry(str(entry.get("title") or ""), span))
    total = None if page is None or page == 1 else page - 1
    return lines, total
