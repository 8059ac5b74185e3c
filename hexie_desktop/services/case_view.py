"""Build the typed view of one case (:class:`core.case_view.CaseView`) from its stored rows.

The detail screen, the paper guards and the printing service read the view; its JSON
(``case show --json``, document data, print snapshots) is :func:`core.case_view.to_json`.
Personal data is unmasked here; lists and default views mask it
(:func:`core.case_view.masked`), and unmasked views are audited by the caller.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hexie_desktop.core import case_view as view
from hexie_desktop.core import codes, dossier, periods, workflow
from hexie_desktop.core.money import Money
from hexie_desktop.services import settings
from hexie_desktop.storage.models import Agreement, Attachment, Case, Party


def case_facts(case: Case, today: date) -> workflow.CaseFacts:
    """The facts the workflow guards need."""
    items = [i for i in (case.agreement.items if case.agreement else []) if not i.deleted]
    open_items = [i for i in items if i.performed_on is None]
    overdue = [i for i in open_items if workflow.is_overdue(i.due_on, today)]
    effective = bool(case.agreement and case.agreement.effective_on)
    return workflow.CaseFacts(case.state, case.received_on, len(items), len(open_items), len(overdue), effective)


def case_dates(case: Case) -> periods.CaseDates:
    """The dates the deadlines run from (a draft agreement's items set no deadline)."""
    agreement = case.agreement
    effective = agreement is not None and agreement.effective_on is not None
    items = [i for i in (agreement.items if effective else []) if not i.deleted and i.due_on]
    return periods.CaseDates(
        received_on=case.received_on,
        infringement_known_on=case.infringement_known_on,
        mediation_extended_until=case.mediation_extended_until,
        agreement_effective_on=agreement.effective_on if agreement else None,
        last_item_due_on=max((i.due_on for i in items), default=None),
        closed_on=case.closed_on,
        entrusted=case.source == periods.ENTRUSTED_SOURCE,
        mediation_ended_on=periods.mediation_ended_on(
            failed_on=case.failed_on, rejected_on=case.rejected_on, withdrawn_on=case.withdrawn_on,
            accepted_on=case.accepted_on),
    )


def deadlines_for(session: Session, case: Case) -> dict[str, periods.Deadline]:
    """Every deadline that applies to ``case`` now."""
    return periods.compute_deadlines(case_dates(case), settings.deadline_settings(session),
                                     settings.calendar(session))


def deadline_met(case: Case, name: str) -> bool:
    """True when the deadline no longer counts (then it is shown, but not as due): :func:`periods.deadline_counts`."""
    return not periods.deadline_counts(name, case.state, followed_up=any(not f.deleted for f in case.follow_ups))


def _attachments(session: Session, case: Case) -> list[Attachment]:
    return list(session.execute(
        select(Attachment).where(Attachment.case_id == case.id, Attachment.deleted.is_(False))
        .order_by(Attachment.updated_at)
    ).scalars())


def document_title(doc_type: str, subject: str | None) -> str:
    """An issued document's name with what it is of: ``调解笔录（第2次调解）``."""
    title = codes.label(codes.DOCUMENT_TYPES, doc_type)
    return f"{title}（{subject}）" if subject else title


def _catalog(text: str | None) -> tuple[view.CatalogEntry, ...] | None:
    stored = dossier.stored_catalog(text)
    if stored is None:
        return None
    return tuple(view.CatalogEntry(str(e.get("title") or ""), str(e.get("doc_type") or ""), _pages(e.get("pages")))
                 for e in stored)


def _pages(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def organization(session: Session) -> view.Organization:
    """The station handling the case, from the station settings (name, short name, address, phone)."""
    return view.Organization(
        name=settings.get(session, "station.unit_name"), short_name=settings.get(session, "station.short_name"),
        address=settings.get(session, "station.address"), phone=settings.get(session, "station.phone"))


def _agreement(agreement: Agreement | None, applicants: list[Party]) -> view.Agreement | None:
    if agreement is None:
        return None
    names = {p.id: p.name for p in applicants}
    return view.Agreement(
        content=agreement.content,
        applicant_signed_on=agreement.applicant_signed_on, respondent_signed_on=agreement.respondent_signed_on,
        mediator_signed_on=agreement.mediator_signed_on, seal_applied_on=agreement.seal_applied_on,
        effective_on=agreement.effective_on, agreed_total=Money(agreement.agreed_cents),
        items=tuple(view.AgreementItem(
            id=i.id, seq=i.seq, obligation=i.obligation, payer=i.payer, payee=i.payee, amount=Money(i.amount_cents),
            method=i.method, due_on=i.due_on, category=i.category, performed_on=i.performed_on,
            paid=Money(i.paid_cents)) for i in agreement.items if not i.deleted),
        shares=tuple(view.Share(seq=s.seq, applicant_id=s.party_id, name=names.get(s.party_id, ""),
                                amount=Money(s.amount_cents), due_on=s.due_on)
                     for s in agreement.shares if not s.deleted),
    )


def build(session: Session, case: Case, *, today: date) -> view.CaseView:
    """The typed view of ``case`` on ``today`` (unmasked; callers mask and audit)."""
    deadlines = deadlines_for(session, case)
    calendar = settings.calendar(session)
    deadline_settings = settings.deadline_settings(session)
    dates = case_dates(case)
    facts = case_facts(case, today)
    applicants = [p for p in case.parties if not p.deleted]
    respondent = case.respondent
    return view.CaseView(
        id=case.id, origin=case.origin, number=case.number, state=case.state, received_on=case.received_on,
        source=case.source, facts=case.facts, evidence=case.evidence,
        infringement_known_on=case.infringement_known_on, collective=case.collective, workers=case.workers,
        applicant_side=case.applicant_side or "worker", employer_type=case.employer_type, industry=case.industry,
        main_category=case.main_category,
        organization=organization(session),
        mediator=view.MediatorRef(case.mediator.id, case.mediator.name) if case.mediator else None,
        applicants=tuple(view.Party(
            id=p.id, name=p.name, id_type=p.id_type, id_number=p.id_number, sex=p.sex, birth_date=p.birth_date,
            phone=p.phone, address=p.address, is_representative=p.is_representative) for p in applicants),
        respondent=view.Respondent(
            id=respondent.id, name=respondent.name, credit_code=respondent.credit_code, address=respondent.address,
            legal_representative=respondent.legal_representative, phone=respondent.phone),
        claims=tuple(view.Claim(c.category, c.description, Money(c.amount_cents))
                     for c in case.claims if not c.deleted),
        claimed_total=Money(case.claimed_cents),
        sessions=tuple(view.MediationSession(
            seq=s.seq, held_on=s.held_on, start_time=s.start_time, end_time=s.end_time, place=s.place,
            mediators=s.mediators, recorder=s.recorder, attendees=s.attendees, statements=s.statements,
            proposal=s.proposal, result=s.result) for s in case.sessions if not s.deleted),
        agreement=_agreement(case.agreement, applicants),
        decision=view.Decision(
            accepted_on=case.accepted_on, approver=case.approver, rejected_on=case.rejected_on,
            rejection_reason=case.rejection_reason, failed_on=case.failed_on, failure_reason=case.failure_reason,
            withdrawn_on=case.withdrawn_on, defaulted_on=case.defaulted_on, closed_on=case.closed_on,
            closing_reason=case.closing_reason, archive_number=case.archive_number, archived_on=case.archived_on,
            retention_years=case.retention_years, note=case.decision_note,
            archive_catalog=_catalog(case.archive_catalog)),
        follow_ups=tuple(view.FollowUp(
            visited_on=f.visited_on, person=f.person, method=f.method, performance_status=f.performance_status,
            satisfaction=f.satisfaction, risks=f.risks, measures=f.measures)
            for f in case.follow_ups if not f.deleted),
        documents=tuple(view.IssuedDocument(
            id=d.id, doc_type=d.doc_type, title=document_title(d.doc_type, d.subject), subject=d.subject,
            number=d.number, issued_at=d.issued_at, issuer=d.issuer, content_hash=d.content_hash, pages=d.pages)
            for d in case.documents if not d.deleted),
        attachments=tuple(view.AttachmentRef(id=a.id, title=a.title, doc_type=a.doc_type, filename=a.filename,
                                             pages=a.pages, sha256=a.sha256)
                          for a in _attachments(session, case)),
        deadlines=tuple(view.DeadlineView(
            name=name, label=d.label, due=d.due, basis=d.basis,
            status="met" if deadline_met(case, name) else periods.due_status(d.due, today),
            active=not deadline_met(case, name), warning="；".join(calendar.warnings_for(d.due)) or None)
            for name, d in deadlines.items()),
        periods=deadline_settings,
        calendar_warnings=tuple(calendar.warnings_for(*[d.due for d in deadlines.values()])),
        limitation=periods.limitation_status(case.infringement_known_on, case.received_on, deadline_settings,
                                             calendar),
        arbitration_right_from=periods.arbitration_right_from(dates, deadline_settings, calendar),
        may_apply_for_arbitration=periods.may_apply_for_arbitration(dates, case.state, today, deadline_settings,
                                                                    calendar),
        returns_to_hearing=periods.returns_to_hearing(dates, case.state, today, deadline_settings, calendar),
        actions=tuple(workflow.available_actions(facts).items()),
        events=tuple(view.Event(seq=e.seq, action=e.action, from_state=e.from_state, to_state=e.to_state,
                                on=e.on_date, at=e.at, actor=e.actor, note=e.note)
                     for e in case.events if not e.deleted),
    )


def case_dict(session: Session, case: Case, *, today: date) -> dict[str, Any]:
    """The whole case as the JSON-ready dict (:func:`core.case_view.to_json`, stable names: docs/JSON.md)."""
    return view.to_json(build(session, case, today=today))
