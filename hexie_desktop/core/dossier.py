"""The case file (一案一档): which papers the 卷内目录 lists and which are required.

One rule for both the printed 卷内目录 (documents/templates/catalog.py) and the archive
guard (services/case_actions.py), over the plain case dict: issued documents come from
``case["documents"]``, scanned or paper items from ``case["attachments"]``.  The list
follows the 人民调解 卷宗 order (RMTJ-JZ) with the labour-mediation additions; which items
are required depends on the case's path (accepted, rejected, agreed, failed, withdrawn).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from hexie_desktop.core.i18n import _

AGREED_STATES = frozenset({"agreed", "performing", "performed", "defaulted"})


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


def papers(data: dict) -> list[dict]:
    """Issued documents and attachments (scanned or paper items), each with a ``kind``."""
    papers = []
    for doc in data.get("documents") or []:
        if isinstance(doc, dict):
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
