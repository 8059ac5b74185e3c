"""Printing 文书: render from the case data, record every issued document, re-print identically,
and check the QR code of a printed agreement against the data.

A final (non-draft) print records an :class:`IssuedDocument` with its content hash and the
exact data it printed (``snapshot``), so a re-print renders the same document.  Drafts and
previews are audited but not recorded as issued.  A document that contradicts the case
(core/papers.py) is refused.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from sqlalchemy import select

from hexie_desktop import documents
from hexie_desktop.core import codes, dates, paper_inputs, papers
from hexie_desktop.core.errors import Conflict, NotFound, UserError
from hexie_desktop.core.i18n import _
from hexie_desktop.documents.templates.agreement import QR_PREFIX
from hexie_desktop.services import settings
from hexie_desktop.services.case_queries import station_dict
from hexie_desktop.services.case_view import case_dict, document_title
from hexie_desktop.services.cases import get_case
from hexie_desktop.services.context import Context
from hexie_desktop.storage.models import Case, IssuedDocument, MediationOrg, Mediator

CASE_DOCUMENTS = tuple(k for k in documents.DOCUMENTS if k != "wallboard")


@dataclass(frozen=True)
class Printed:
    """A printed file and what was recorded about it."""

    path: Path
    doc_type: str
    content_hash: str
    pages: int
    warnings: tuple[str, ...]
    document_id: str | None
    reprint: bool
    options: dict | None = field(default=None, compare=False)
    """The print options it was made with (a preview is issued with the same ones)."""


def _record_issue(session, ctx: Context, case: Case, doc_type: str, data: dict, station: dict,  # noqa: ANN001
                  content_hash: str, pages: int) -> tuple[IssuedDocument, bool]:
    """Record ``doc_type`` of ``case`` as issued (once per content hash); (record, already issued)."""
    existing = session.execute(
        select(IssuedDocument).where(IssuedDocument.case_id == case.id, IssuedDocument.doc_type == doc_type,
                                     IssuedDocument.content_hash == content_hash,
                                     IssuedDocument.deleted.is_(False))
    ).scalars().first()
    reprinted = existing is not None
    if existing is None:
        existing = IssuedDocument(
            case_id=case.id, doc_type=doc_type, number=case.number, issuer=ctx.actor.display_name,
            content_hash=content_hash, pages=pages, subject=paper_inputs.subject(doc_type, data.get("paper")),
            snapshot=json.dumps({"case": data, "station": station}, ensure_ascii=False, sort_keys=True),
        )
        session.add(existing)
        session.flush()
    ctx.audit(session, "document.print", entity="case", entity_id=case.id,
              summary=f"{case.number} {existing_title(existing)} {content_hash[:12]}")
    return existing, reprinted


def existing_title(issued: IssuedDocument) -> str:
    """The issued document's name with what it is of (``调解笔录（第2次调解）``)."""
    return document_title(issued.doc_type, issued.subject)


def paper_data(session, ctx: Context, case: Case, doc_type: str, options: dict | None) -> tuple[dict, dict]:  # noqa: ANN001
    """(case data with the checked paper options as ``data["paper"]``, station) for ``doc_type``.

    The document must fit the case (:mod:`core.papers`) and its options must fit too
    (:mod:`core.paper_inputs`); either refusal raises before anything is written.
    """
    station = station_dict(session)
    data = case_dict(session, case, today=ctx.today)
    papers.check(doc_type, data)
    paper = paper_inputs.resolve(doc_type, data, options, ctx.today)
    if paper is not None:
        data["paper"] = paper
    if doc_type == "major_report":
        from hexie_desktop.services import grading

        data["grading"] = grading.for_print(session, case, ctx.today)
    return data, station


def _check_doc_type(doc_type: str) -> None:
    if doc_type not in CASE_DOCUMENTS:
        raise UserError(_("未知的文书类型“{kind}”，可用：{known}").format(kind=doc_type, known="、".join(CASE_DOCUMENTS)),
                        field="doc_type")


def print_case_document(ctx: Context, doc_type: str, number: str, out: Path, *, draft: bool = False,
                        preview: bool = False, options: dict | None = None) -> Printed:
    """Render ``doc_type`` of case ``number`` to ``out``; a final print is recorded as issued.

    The document must fit the case (:mod:`core.papers`; NotAllowed otherwise).  ``options``
    are what the paper asks at print (:mod:`core.paper_inputs`: the session of a 调解笔录,
    the documents and delivery of a 送达回证, …).  ``draft`` prints a watermarked draft,
    ``preview`` the final look without issuing it: neither is recorded (a preview is issued
    by :func:`issue_previewed` when it is printed or saved).
    """
    ctx.require("read")
    _check_doc_type(doc_type)
    with ctx.db.transaction() as session:
        case = get_case(session, number)
        data, station = paper_data(session, ctx, case, doc_type, options)
        result = documents.render(doc_type, data, station, out, draft=draft)
        title = codes.label(codes.DOCUMENT_TYPES, doc_type)
        if draft or preview:
            ctx.audit(session, "document.draft" if draft else "document.preview", entity="case", entity_id=case.id,
                      summary=f"{case.number} {title}")
            return Printed(result.path, doc_type, result.sha256, result.pages, tuple(result.warnings), None, False,
                           options)
        existing, reprinted = _record_issue(session, ctx, case, doc_type, data, station, result.sha256, result.pages)
        return Printed(result.path, doc_type, result.sha256, result.pages, tuple(result.warnings), existing.id,
                       reprinted, options)


def issue_previewed(ctx: Context, previewed: Printed, number: str) -> Printed:
    """Record a previewed document as issued when it is printed or saved (预览 itself issues nothing).

    The case data must still give the previewed content; otherwise the preview is stale
    (Conflict) and has to be made again.
    """
    ctx.require("read")
    _check_doc_type(previewed.doc_type)
    with ctx.db.transaction() as session:
        case = get_case(session, number)
        data, station = paper_data(session, ctx, case, previewed.doc_type, previewed.options)
        documents.check_final(previewed.doc_type, data)
        if documents.content_hash(previewed.doc_type, data) != previewed.content_hash:
            raise Conflict(_("预览后案件数据已有变更，请重新预览后再打印"))
        existing, reprinted = _record_issue(session, ctx, case, previewed.doc_type, data, station,
                                            previewed.content_hash, previewed.pages)
        return Printed(previewed.path, previewed.doc_type, previewed.content_hash, previewed.pages,
                       previewed.warnings, existing.id, reprinted, previewed.options)


def reprint(ctx: Context, document_id: str, out: Path) -> Printed:
    """Render an issued document again from the data it was first printed with."""
    ctx.require("read")
    with ctx.db.transaction() as session:
        issued = session.get(IssuedDocument, document_id)
        if issued is None or issued.deleted or not issued.snapshot:
            raise NotFound(_("没有该文书的打印记录"))
        snapshot = json.loads(issued.snapshot)
        result = documents.render(issued.doc_type, snapshot["case"], snapshot["station"], out)
        ctx.audit(session, "document.reprint", entity="issued_document", entity_id=issued.id,
                  summary=f"{issued.number} {existing_title(issued)}")
        return Printed(result.path, issued.doc_type, result.sha256, result.pages, tuple(result.warnings), issued.id,
                       True)


@dataclass(frozen=True)
class Verification:
    """The answer to a scanned QR code."""

    match: bool
    message: str
    number: str | None = None
    issued_at: str | None = None
    data_changed: bool = False


def verify(ctx: Context, qr_text: str) -> Verification:
    """Check the decoded QR text of a printed agreement (``HEXIE1|case id|hash``) against the records."""
    ctx.require("read")
    parts = (qr_text or "").strip().split("|")
    if len(parts) != 3 or parts[0] != QR_PREFIX or len(parts[2]) != 64:
        return Verification(False, _("不是本系统打印的调解协议书二维码"))
    _prefix, case_id, content_hash = parts
    with ctx.db.read() as session:
        case = session.get(Case, case_id)
        if case is None or case.deleted:
            return Verification(False, _("不一致：本站没有该案件"))
        issued = session.execute(
            select(IssuedDocument).where(IssuedDocument.case_id == case_id, IssuedDocument.doc_type == "agreement",
                                         IssuedDocument.origin == case.origin,  # only the case's own station
                                         IssuedDocument.content_hash == content_hash,
                                         IssuedDocument.deleted.is_(False))
        ).scalars().first()
        if issued is None:
            return Verification(False, _("不一致：案件 {number} 没有打印过内容相同的调解协议书").format(number=case.number),
                                case.number)
        current = documents.content_hash("agreement", case_dict(session, case, today=ctx.today))
        changed = current != content_hash
        message = _("一致：{number} 调解协议书，{at} 由 {issuer} 打印").format(
            number=case.number, at=dates.local(issued.issued_at), issuer=issued.issuer)
        if changed:
            message += _("；注意：打印后案件数据已有变更")
        return Verification(True, message, case.number, issued.issued_at.isoformat(timespec="seconds"), changed)


def org_board_data(session, org_id: str) -> dict:  # noqa: ANN001
    """An organization as the 五上墙 wall boards print it (members from the mediator register)."""
    org = session.get(MediationOrg, org_id)
    if org is None or org.deleted:
        org = session.execute(select(MediationOrg).where(MediationOrg.name == org_id,
                                                         MediationOrg.deleted.is_(False))).scalars().first()
    if org is None:
        raise NotFound(_("调解组织不存在：{org}").format(org=org_id))
    members = session.execute(select(Mediator).where(Mediator.org_id == org.id, Mediator.deleted.is_(False),
                                                     Mediator.status == "active").order_by(Mediator.name)).scalars()
    people = [{"name": org.head, "role": _("主任")}] if org.head else []
    people += [{"name": m.name, "role": _("专职调解员") if m.employment_mode == "full_time" else _("兼职调解员")}
               for m in members]
    return {"id": org.id, "name": org.name, "type_label": codes.label(codes.ORG_TYPES, org.org_type),
            "address": org.address, "head": org.head, "phones": org.phones, "members": people,
            "duties": [], "procedure": [], "conduct": [], "rules": [],
            "periods": asdict(settings.deadline_settings(session))}


def print_wallboard(ctx: Context, org: str, out: Path, *, page_size: str = "A2") -> Printed:
    """Render the 五上墙 boards of an organization (by id or name)."""
    ctx.require("read")
    with ctx.db.transaction() as session:
        data = org_board_data(session, org)
        station = station_dict(session)
        result = documents.render("wallboard", data, station, out, page_size=page_size)
        session.add(IssuedDocument(org_id=data["id"], doc_type="other", number=data["name"],
                                   issuer=ctx.actor.display_name, content_hash=result.sha256, pages=result.pages))
        ctx.audit(session, "document.print", entity="org", entity_id=data["id"], summary=f"{data['name']} 五上墙")
        return Printed(result.path, "wallboard", result.sha256, result.pages, tuple(result.warnings), None, False)
