"""The case file (一案一档): which papers the 卷内目录 lists and which are required.

One rule for both the printed 卷内目录 (documents/templates/catalog.py) and the archive
guard (services/case_actions.py), over the typed case view (:class:`core.case_view.CaseView`):
issued documents come from ``case.documents``, scanned or paper items from
``case.attachments``.  The list follows the 人民调解 卷宗 order (RMTJ-JZ) with the
labour-mediation additions; which items are required depends on the case's path (accepted,
rejected, agreed, failed, withdrawn): a rejected case needs no 调解笔录 or 告知书, a withdrawn
one no 调解协议书.

The archive action stores the catalogue it checked (:func:`catalog_entries`, items and pages,
in ``cases.archive_catalog``); once archived, the 卷内目录 and the cover print that stored
catalogue (:func:`entries`), so later prints neither lose items nor add pages.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from hexie_desktop.core.case_view import AttachmentRef, CaseView, CatalogEntry, catalog_entry_json, catalog_from_json
from hexie_desktop.core.i18n import _
from hexie_desktop.core.states import AGREED_STATES


def _accepted(case: CaseView) -> bool:
    """Accepted for mediation (a rejected case never was, whatever state it is in now)."""
    return case.decision.accepted_on is not None


def _agreed(case: CaseView) -> bool:
    return case.state in AGREED_STATES or bool(case.agreement and case.agreement.effective_on)


@dataclass(frozen=True)
class CatalogItem:
    """One line of the standard list: its title, the document kinds it takes, when it is required."""

    title: str
    kinds: frozenset[str]
    required: Callable[[CaseView], bool]


def _never(_case: CaseView) -> bool:
    return False


ITEMS: tuple[CatalogItem, ...] = (
    CatalogItem(_("调解申请书（口头申请笔录）或受理登记表"), frozenset({"application", "oral_record", "registration"}),
                lambda c: True),
    CatalogItem(_("当事人权利义务告知书"), frozenset({"notice"}), _accepted),
    CatalogItem(_("当事人身份证明"), frozenset({"identity"}), lambda c: True),
    CatalogItem(_("授权委托书"), frozenset({"power_of_attorney"}), _never),
    CatalogItem(_("受理通知书"), frozenset({"acceptance"}), lambda c: c.decision.accepted_on is not None),
    CatalogItem(_("不予受理通知书"), frozenset({"rejection"}), lambda c: c.decision.rejected_on is not None),
    CatalogItem(_("调解通知书"), frozenset({"mediation_notice"}), _never),
    CatalogItem(_("调查笔录"), frozenset({"investigation"}), _never),
    CatalogItem(_("证据材料"), frozenset({"evidence"}), _never),
    CatalogItem(_("调解笔录"), frozenset({"record"}),
                lambda c: bool(c.sessions) or (_accepted(c) and c.decision.withdrawn_on is None)),
    CatalogItem(_("调解协议书"), frozenset({"agreement"}), _agreed),
    CatalogItem(_("终止调解通知书"), frozenset({"termination"}), lambda c: c.decision.failed_on is not None),
    CatalogItem(_("撤回调解申请书"), frozenset({"withdrawal"}), lambda c: c.decision.withdrawn_on is not None),
    CatalogItem(_("送达回证"), frozenset({"service"}), _never),
    CatalogItem(_("履行凭证（收条、汇款单等）"), frozenset({"performance", "receipt"}), _never),
    CatalogItem(_("未履行告知书"), frozenset({"default_notice"}), _never),
    CatalogItem(_("调解建议书"), frozenset({"recommendation"}), _never),
    CatalogItem(_("回访记录"), frozenset({"followup"}), _never),
    CatalogItem(_("仲裁审查、司法确认有关材料"), frozenset({"confirmation", "arbitration_review"}), _never),
    CatalogItem(_("卷宗情况说明及其他材料"), frozenset({"other", "note"}), _never),
)


@dataclass(frozen=True)
class Paper:
    """A paper of the file: an issued document or an attachment, with the item ``kind`` it stands for."""

    kind: str
    title: str
    pages: int | None


def papers(case: CaseView) -> list[Paper]:
    """Issued documents and attachments (scanned or paper items), each with a ``kind``.

    A paper issued for one session or one delivery (``subject``, e.g. 第2次调解) is listed
    once per subject: a later issue of the same subject replaces the earlier one, so the
    file holds one 调解笔录 per session.
    """
    found = []
    latest = {(d.doc_type, d.subject): i for i, d in enumerate(case.documents) if d.subject}
    for index, doc in enumerate(case.documents):
        if doc.subject and latest[(doc.doc_type, doc.subject)] != index:
            continue
        found.append(Paper(doc.doc_type, doc.title, doc.pages))
    for att in case.attachments:
        kind = att.doc_type
        if kind in (None, "other") and "身份" in (att.title or ""):
            kind = "identity"
        found.append(Paper(kind or "other", att.title or "", att.pages))
    return found


def with_listed(case: CaseView, listed: Iterable[Mapping[str, Any]]) -> CaseView:
    """``case`` with the papers listed for its archiving (``doc_type``, ``title``, ``pages`` each) as attachments."""
    extra = tuple(AttachmentRef(id=None, title=e.get("title"), doc_type=e.get("doc_type"), filename=None,
                                pages=e.get("pages"), sha256=None) for e in listed)
    return replace(case, attachments=case.attachments + extra)


def missing_items(case: CaseView) -> list[str]:
    """Titles of the required items no paper of the case stands for."""
    kinds = {p.kind for p in papers(case)}
    return [item.title for item in ITEMS if item.required(case) and not (item.kinds & kinds)]


def catalog_entries(case: CaseView) -> tuple[CatalogEntry, ...]:
    """The papers of the file in catalogue order.

    Issued documents and attachments whose kind is one of the standard items; the cover
    and the 卷内目录 themselves are not items of the file.
    """
    found = papers(case)
    out = []
    for item in ITEMS:
        for paper in found:
            if paper.kind in item.kinds:
                pages = paper.pages
                out.append(CatalogEntry(paper.title.strip() or item.title, paper.kind,
                                        pages if isinstance(pages, int) and pages > 0 else None))
    return tuple(out)


def dumps_catalog(entries: tuple[CatalogEntry, ...]) -> str:
    """The catalogue as stored with the archived case (JSON text: title, doc_type, pages per paper)."""
    return json.dumps([catalog_entry_json(e) for e in entries], ensure_ascii=False)


def stored_catalog(text: str | None) -> tuple[CatalogEntry, ...] | None:
    """The catalogue stored at archiving (``None`` when the case was not archived with one)."""
    if not text:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return None
    if not isinstance(value, list):
        return None
    return catalog_from_json(value)


@dataclass(frozen=True)
class Entry:
    """One line of the printed 卷内目录: a paper with its page span, or a missing required item."""

    title: str
    span: str
    missing: bool = False


def entries(case: CaseView) -> tuple[list[Entry], int | None]:
    """(lines of the 卷内目录, total pages or ``None`` when a page count is unknown).

    An archived case prints the catalogue stored when it was archived; otherwise the lines
    follow :data:`ITEMS` over the current papers, with the path's missing required items.
    """
    stored = case.decision.archive_catalog
    listed: list[tuple[CatalogEntry, bool]] = []
    if stored:
        listed = [(e, False) for e in stored]
    else:
        current = catalog_entries(case)
        kinds = {e.doc_type for e in current}
        for item in ITEMS:
            here = [e for e in current if e.doc_type in item.kinds]
            if here:
                listed += [(e, False) for e in here]
            elif item.required(case) and not (item.kinds & kinds):
                listed.append((CatalogEntry(item.title, "", None), True))
    lines: list[Entry] = []
    page: int | None = 1
    for entry, missing in listed:
        if missing:
            lines.append(Entry(entry.title, "", True))
            continue
        pages = entry.pages
        if page is not None and isinstance(pages, int) and pages > 0:
            span = str(page) if pages == 1 else f"{page}-{page + pages - 1}"
            page += pages
        else:
            span, page = "", None
        lines.append(Entry(entry.title, span))
    total = None if page is None or page == 1 else page - 1
    return lines, total
