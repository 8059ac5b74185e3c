"""What a paper asks for when it is printed, checked against the case: one rule for CLI and GUI.

Some 文书 print facts that are not case data but belong to the paper itself:

* 调解通知书 — when and where the session is held (the code keeps no schedule, so the
  office enters them at print; LDTJ art. 13 / 企业劳动争议协商调解规定 the parties are told
  in good time);
* 调解笔录 — which recorded session the record is of (one record per session);
* 送达回证 — which issued documents are delivered, to whom, how and when (one form per
  delivery, not every document ever issued);
* 调解建议书 — the recommendation itself (to whom, what);
* 撤回调解申请书 — the withdrawal reason the applicant gives (optional).

:func:`resolve` checks the raw options (``{"session": 2}``, …) and returns the paper's part
of the document data (``data["paper"]``), which the template prints and the content hash covers, so
each session's record or each delivery is its own issued document.  :func:`subject` names
that part in a line ("第2次调解") for the list of issued documents and the 卷内目录.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from hexie_desktop.core import codes, fields
from hexie_desktop.core.case_view import CaseView, IssuedDocument, MediationSession
from hexie_desktop.core.errors import NotAllowed, UserError
from hexie_desktop.core.i18n import _
from hexie_desktop.core.paper_types import PAPERS
from hexie_desktop.core.papers import SERVED_TYPES

Case = CaseView

KEYS: Mapping[str, frozenset[str]] = {key: frozenset(paper.inputs) for key, paper in PAPERS.items() if paper.inputs}
"""Document type → the options it reads at print (declared in ``core/paper_types.py``); other types take none."""


def sessions(case: Case) -> tuple[MediationSession, ...]:
    """The recorded sessions of ``case`` in order."""
    return case.sessions


def served_documents(case: Case) -> list[IssuedDocument]:
    """Issued documents a 送达回证 may cover (oldest first)."""
    return [d for d in case.documents if d.doc_type in SERVED_TYPES]


def parties(case: Case) -> list[dict[str, str]]:
    """Everyone a paper may be delivered to: the applicants, then the respondent (name, address)."""
    out = [{"name": p.name, "address": p.address or "", "role": _("申请人")} for p in case.applicants if p.name]
    if case.respondent.name:
        out.append({"name": case.respondent.name, "address": case.respondent.address or "", "role": _("被申请人")})
    return out


def _mediation_notice(case: Case, raw: Mapping[str, Any]) -> dict[str, Any]:
    on = fields.day(raw.get("session_on"), "session_on", required=True)
    if on is None:  # required: fields.day has refused it already
        raise UserError(_("必须填写日期（YYYY-MM-DD）"), field="session_on")
    accepted = case.decision.accepted_on
    if accepted and on < accepted:
        raise UserError(_("调解日期不能早于受理日期 {d}").format(d=accepted), field="session_on")
    return {
        "session_on": on.isoformat(),
        "session_time": fields.clock(raw.get("session_time"), "session_time", required=True),
        "place": fields.text(raw.get("place"), "place", required=True, max_len=100),
        "note": fields.text(raw.get("note"), "note", max_len=500),
    }


def _record(case: Case, raw: Mapping[str, Any]) -> dict[str, Any]:
    held = sessions(case)
    seq = fields.integer(raw.get("session"), "session", minimum=1, maximum=10_000)
    if seq is None:
        if len(held) != 1:
            raise UserError(_("本案已记录{n}次调解，请指定打印第几次调解的笔录（--session N）").format(n=len(held)),
                            field="session")
        seq = held[0].seq or 1
    if not any(s.seq == seq for s in held):
        raise UserError(_("本案没有第{n}次调解记录（共{count}次）").format(n=seq, count=len(held)), field="session")
    return {"session": seq}


def _pick_document(case: Case, token: object, index: int) -> IssuedDocument:
    """An issued document by its id, or by its type (the latest issued of that type)."""
    field = f"documents[{index}]"
    if not isinstance(token, str) or not token.strip():
        raise UserError(_("应为已出具文书的编号或文书类型"), field=field)
    token = token.strip()
    listed = served_documents(case)
    for doc in listed:
        if doc.id == token:
            return doc
    typed = [d for d in listed if d.doc_type == token]
    if typed:
        return typed[-1]
    known = "、".join(f"{d.doc_type}（{d.id[:8]}）" for d in listed) or _("无")
    raise UserError(_("“{token}”不是本案已出具的需送达文书；可选：{known}").format(token=token[:40], known=known),
                    field=field)


def _service(case: Case, raw: Mapping[str, Any]) -> dict[str, Any]:
    tokens = fields.sequence(raw.get("documents"), "documents")
    if not tokens:
        raise UserError(_("请选择本次送达的文书（已出具的文书中选一份或几份）"), field="documents")
    chosen: list[dict[str, Any]] = []
    for index, token in enumerate(tokens):
        doc = _pick_document(case, token, index)
        if all(c["id"] != doc.id for c in chosen):
            title = doc.title or codes.label(codes.DOCUMENT_TYPES, doc.doc_type)
            chosen.append({"id": doc.id, "doc_type": doc.doc_type, "title": title,
                           "issued_at": doc.issued_at.isoformat(timespec="seconds")})
    everyone = parties(case)
    name = fields.text(raw.get("recipient"), "recipient", max_len=200)
    if name is None:
        if len(everyone) != 1:
            raise UserError(_("请指定受送达人：{names}").format(names="、".join(p["name"] for p in everyone)),
                            field="recipient")
        name = everyone[0]["name"]
    party = next((p for p in everyone if p["name"] == name), None)
    if party is None:
        raise UserError(_("“{name}”不是本案当事人；可选：{names}").format(
            name=name[:40], names="、".join(p["name"] for p in everyone)), field="recipient")
    method = raw.get("method")
    if method not in (None, ""):
        codes.require(codes.DELIVERY_METHODS, method, "method")
    else:
        method = None
    served_on = fields.day(raw.get("served_on"), "served_on")
    if served_on is not None:
        latest = max((str(c.get("issued_at") or "")[:10] for c in chosen), default="")
        if latest and served_on.isoformat() < latest:
            raise UserError(_("送达日期不能早于文书出具日期 {d}").format(d=latest), field="served_on")
    return {
        "documents": chosen,
        "recipient": party["name"], "role": party["role"],
        "address": fields.text(raw.get("address"), "address", max_len=300) or party["address"],
        "method": method, "method_label": codes.label(codes.DELIVERY_METHODS, method) or None,
        "served_on": served_on.isoformat() if served_on else None,
    }


def _recommendation(case: Case, raw: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "addressee": fields.text(raw.get("addressee"), "addressee", max_len=200) or case.respondent.name,
        "content": fields.text(raw.get("content"), "content", required=True, max_len=5000, multiline=True),
    }


def _withdrawal(case: Case, raw: Mapping[str, Any]) -> dict[str, Any]:
    return {"reason": fields.text(raw.get("reason"), "reason", max_len=500)}


RESOLVERS: Mapping[str, Callable[[Case, Mapping[str, Any]], dict[str, Any]]] = {
    "mediation_notice": _mediation_notice,
    "record": _record,
    "service": _service,
    "recommendation": _recommendation,
    "withdrawal": _withdrawal,
}
"""Document type → the check of the inputs it asks (besides the issue date); a test keeps it equal to the
declared inputs."""


DATED: Mapping[str, str] = {key: paper.dated_after for key, paper in PAPERS.items() if paper.dated_after}
"""Papers dated the day they are issued (``on``, default today), not before the named decision."""


def _issued_on(doc_type: str, case: Case, raw: Mapping[str, Any], today: date) -> str:
    on = fields.day(raw.get("on"), "on") or today
    if on > today:
        raise UserError(_("出具日期不能晚于今天 {d}").format(d=today), field="on")
    basis = getattr(case.decision, DATED[doc_type])
    if basis and on < basis:
        raise UserError(_("出具日期不能早于{what} {d}").format(
            what=_("受理日期") if DATED[doc_type] == "accepted_on" else _("登记未履行日期"), d=basis), field="on")
    return on.isoformat()


def resolve(doc_type: str, case: Case, options: Mapping[str, Any] | None, today: date) -> dict[str, Any] | None:
    """The checked paper data of ``doc_type`` for ``case`` (``None`` for papers that ask nothing).

    Unknown option keys are refused by name; a paper that takes no options refuses any.
    Papers dated when issued get ``issued_on`` (option ``on``, default ``today``).
    """
    resolver = RESOLVERS.get(doc_type)
    if resolver is None and doc_type not in DATED:
        if options:
            raise NotAllowed(_("{title}不需要打印选项：{names}").format(
                title=codes.label(codes.DOCUMENT_TYPES, doc_type), names="、".join(sorted(map(str, options)))[:200]),
                field="options")
        return None
    raw = fields.only(fields.mapping(dict(options or {}), "options"), KEYS.get(doc_type, frozenset()), "options")
    paper = resolver(case, raw) if resolver is not None else {}
    if doc_type in DATED:
        paper["issued_on"] = _issued_on(doc_type, case, raw, today)
    return paper


def subject(doc_type: str, paper: Mapping[str, Any] | None) -> str | None:
    """What one issued paper is of, in a few words (``第2次调解``, ``受理通知书→张三``), or ``None``."""
    if not paper:
        return None
    if doc_type == "record":
        return _("第{n}次调解").format(n=paper.get("session"))
    if doc_type == "service":
        titles = "、".join(str(d.get("title") or "") for d in paper.get("documents") or [])
        return f"{titles}→{paper.get('recipient') or ''}"[:200]
    if doc_type == "mediation_notice":
        return f"{paper.get('session_on') or ''} {paper.get('session_time') or ''}".strip()
    if doc_type == "recommendation":
        return str(paper.get("addressee") or "")[:200] or None
    return None
