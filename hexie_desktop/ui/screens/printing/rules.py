"""Which 文书 the print chooser offers for a case, from what the case view already says.

The chooser offers exactly the documents the printing service would issue: both ask
:mod:`hexie_desktop.core.papers` (no 终止调解通知书 for a case that has not failed, no
受理通知书 for a rejected one).  Titles, order and the paper suggested in each state are
declared once per document type (:mod:`hexie_desktop.core.paper_types`).  Other checks (the
agreement's completeness) stay with the services and the documents package.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from hexie_desktop.core import codes, dates, paper_types, papers
from hexie_desktop.core.case_view import CaseView

Case = CaseView


def _t(text: str) -> str:
    return QCoreApplication.translate("Printing", text)


SUGGESTED_BY_STATE = {state: key for key, paper in paper_types.PAPERS.items() for state in paper.suggested_in}
"""Case state → the paper pre-selected in the chooser (``suggested_in`` of the declarations)."""


def title(doc_type: str) -> str:
    """The Chinese name of ``doc_type``."""
    paper = paper_types.PAPERS.get(doc_type)
    return paper.title if paper is not None else codes.label(codes.DOCUMENT_TYPES, doc_type) or doc_type


def offered(case: Case) -> list[str]:
    """The document types worth offering for ``case``, in the usual order of a case file."""
    return [doc for doc in paper_types.CASE_PAPERS if papers.allowed(doc, case)]


def suggested(case: Case) -> str | None:
    """The document most likely wanted now (pre-selected in the chooser)."""
    docs = offered(case)
    wanted = SUGGESTED_BY_STATE.get(case.state)
    if wanted in docs:
        return wanted
    return docs[0] if docs else None


def local_time(stored: datetime | str | None) -> str:
    """A stored UTC time (naive, or ISO text without zone as the JSON gives it) as local wall-clock text."""
    if not stored:
        return ""
    if isinstance(stored, datetime):
        return dates.local(stored)
    try:
        moment = datetime.fromisoformat(stored)
    except ValueError:
        return stored.replace("T", " ")
    return dates.local(moment)


def issued_note(case: Case, doc_type: str) -> str:
    """“已出具 2 次，最近 2026-11-20” for documents already printed as final, else ""."""
    issued = [d for d in case.documents if d.doc_type == doc_type]
    if not issued:
        return ""
    latest = local_time(max(d.issued_at for d in issued))[:10]
    return _t("已出具 {n} 次，最近 {on}").format(n=len(issued), on=latest)
