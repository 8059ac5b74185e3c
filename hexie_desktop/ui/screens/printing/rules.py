"""Which 文书 the print chooser offers for a case, from what the case dict already says.

Presentation only: it keeps the list short and relevant (no 终止调解通知书 for a case that
has not failed).  Whether a document may be *issued* is decided by the services and the
documents package (for example the completeness check of the agreement), never here.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication

from hexie_desktop.core import codes, dates
from hexie_desktop.services.printing import CASE_DOCUMENTS

Case = dict[str, Any]


def _t(text: str) -> str:
    return QCoreApplication.translate("Printing", text)


def _decision(case: Case) -> dict[str, Any]:
    return case.get("decision") or {}


def accepted(case: Case) -> bool:
    """The case was accepted (受理) at some point."""
    return bool(_decision(case).get("accepted_on"))


def rejected(case: Case) -> bool:
    """The application was refused (不予受理)."""
    return case.get("state") == "rejected" or bool(_decision(case).get("rejected_on"))


def failed(case: Case) -> bool:
    """Mediation ended without agreement (调解不成)."""
    return case.get("state") == "failed" or bool(_decision(case).get("failed_on"))


def closed(case: Case) -> bool:
    """The case is closed or archived (the file is being put together)."""
    return case.get("state") in ("closed", "archived") or bool(_decision(case).get("closed_on"))


RULES: dict[str, Callable[[Case], bool]] = {
    "application": lambda case: True,
    "registration": lambda case: True,
    "notice": accepted,
    "acceptance": accepted,
    "rejection": rejected,
    "record": lambda case: bool(case.get("sessions")),
    "agreement": lambda case: bool(case.get("agreement")),
    "termination": failed,
    "service": lambda case: accepted(case) or rejected(case),
    "followup": lambda case: bool(case.get("follow_ups")),
    "cover": closed,
    "major_report": lambda case: bool(case.get("collective")) or (case.get("workers") or 0) >= 10,
    "catalog": closed,
}
"""Document type → when it makes sense to offer it (types not listed are always offered)."""

SUGGESTED_BY_STATE = {
    "registered": "registration", "accepted": "acceptance", "rejected": "rejection", "mediating": "record",
    "agreed": "agreement", "performing": "agreement", "performed": "agreement", "defaulted": "agreement",
    "failed": "termination", "withdrawn": "record", "closed": "cover", "archived": "cover",
}


def title(doc_type: str) -> str:
    """The Chinese name of ``doc_type``."""
    return codes.label(codes.DOCUMENT_TYPES, doc_type) or doc_type


def offered(case: Case) -> list[str]:
    """The document types worth offering for ``case``, in the usual order of a case file."""
    return [doc for doc in CASE_DOCUMENTS if RULES.get(doc, lambda c: True)(case)]


def suggested(case: Case) -> str | None:
    """The document most likely wanted now (pre-selected in the chooser)."""
    docs = offered(case)
    wanted = SUGGESTED_BY_STATE.get(case.get("state") or "")
    if wanted in docs:
        return wanted
    return docs[0] if docs else None


def local_time(stored: str | None) -> str:
    """A stored UTC time (ISO text without zone, as the case dict gives it) as local wall-clock text."""
    if not stored:
        return ""
    try:
        moment = datetime.fromisoformat(stored)
    except ValueError:
        return stored.replace("T", " ")
    return dates.local(moment)


def issued_note(case: Case, doc_type: str) -> str:
    """“已出具 2 次，最近 2026-11-20” for documents already printed as final, else ""."""
    issued = [d for d in case.get("documents") or [] if d.get("doc_type") == doc_type]
    if not issued:
        return ""
    latest = local_time(max((d.get("issued_at") or "") for d in issued))[:10]
    return _t("已出具 {n} 次，最近 {on}").format(n=len(issued), on=latest)
