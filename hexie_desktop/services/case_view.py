"""A case as one plain dict: what ``case show --json``, documents and the detail screen use.

Dates are ISO strings, amounts strings in yuan with two decimals.  Personal data is
unmasked here; lists and default exports mask it, and unmasked views are audited by the
caller.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hexie_desktop.core import codes, dossier, ids, money, periods, workflow
from hexie_desktop.services import settings
from hexie_desktop.storage.models import Attachment, Case


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


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


def _party(p) -> dict[str, Any]:  # noqa: ANN001
    return {
        "id": p.id, "name": p.name, "id_type": p.id_type, "id_number": p.id_number, "sex": p.sex,
        "sex_label": codes.label(codes.SEXES, p.sex), "birth_date": _iso(p.birth_date), "phone": p.phone,
        "address": p.address, "is_representative": p.is_representative,
    }


def _item(i) -> dict[str, Any]:  # noqa: ANN001
    return {
        "id": i.id, "seq": i.seq, "obligation": i.obligation, "payer": i.payer, "payee": i.payee,
        "amount": money.cents_to_str(i.amount_cents), "amount_upper": money.to_uppercase_rmb(i.amount_cents),
        "method": i.method, "method_label": codes.label(codes.PAYMENT_METHODS, i.method),
        "due_on": _iso(i.due_on), "category": i.category, "performed_on": _iso(i.performed_on),
        "paid": money.cents_to_str(i.paid_cents),
    }


def _shares(agreement, applicants: list) -> list[dict[str, Any]]:  # noqa: ANN001
    """Each worker's amount under the agreement (每人金额), named by applicant id and name."""
    names = {p.id: p.name for p in applicants}
    return [{"seq": s.seq, "applicant_id": s.party_id, "name": names.get(s.party_id, ""),
             "amount": money.cents_to_str(s.amount_cents), "due_on": _iso(s.due_on)}
            for s in agreement.shares if not s.deleted]


def case_dict(session: Session, case: Case, *, today: date, station: dict[str, str]) -> dict[str, Any]:
    """The whole case as a JSON-ready dict (stable names, see docs/JSON.md)."""
    deadlines = deadlines_for(session, case)
    agreement = case.agreement
    calendar = settings.calendar(session)
    deadline_settings = settings.deadline_settings(session)
    dates = case_dates(case)
    limitation = periods.limitation_status(case.infringement_known_on, case.received_on, deadline_settings, calendar)
    facts = case_facts(case, today)
    applicants = [p for p in case.parties if not p.deleted]
    return {
        "id": case.id,
        "origin": case.origin,
        "number": case.number,
        "state": case.state,
        "state_label": codes.label(codes.CASE_STATES, case.state),
        "received_on": _iso(case.received_on),
        "source": case.source,
        "source_label": codes.label(codes.CASE_SOURCES, case.source),
        "facts": case.facts,
        "evidence": case.evidence,
        "infringement_known_on": _iso(case.infringement_known_on),
        "collective": case.collective,
        "workers": case.workers,
        "applicant_side": case.applicant_side or "worker",
        "applicant_side_label": codes.label(codes.APPLICANT_SIDES, case.applicant_side or "worker"),
        "employer_type": case.employer_type,
        "employer_type_label": codes.label(codes.EMPLOYER_TYPES, case.employer_type) or None,
        "industry": case.industry,
        "industry_label": codes.label(codes.INDUSTRIES, case.industry) or None,
        "main_category": case.main_category,
        "main_category_label": codes.label(codes.CLAIM_CATEGORIES, case.main_category),
        "organization": {
            "name": station.get("unit_name", ""), "short_name": station.get("short_name", ""),
            "address": station.get("address", ""), "phone": station.get("phone", ""),
        },
        "mediator": {"id": case.mediator.id, "name": case.mediator.name} if case.mediator else None,
        "applicants": [_party(p) for p in applicants],
        "respondent": {
            "id": case.respondent.id, "name": case.respondent.name, "credit_code": case.respondent.credit_code,
            "address": case.respondent.address, "legal_representative": case.respondent.legal_representative,
            "phone": case.respondent.phone,
        },
        "claims": [
            {"category": c.category, "category_label": codes.label(codes.CLAIM_CATEGORIES, c.category),
             "description": c.description, "amount": money.cents_to_str(c.amount_cents)}
            for c in case.claims if not c.deleted
        ],
        "claimed_total": money.cents_to_str(case.claimed_cents),
        "sessions": [
            {"seq": s.seq, "held_on": _iso(s.held_on), "start_time": s.start_time, "end_time": s.end_time,
             "place": s.place, "mediators": s.mediators,
             "recorder": s.recorder, "attendees": s.attendees, "statements": s.statements,
             "proposal": s.proposal, "result": s.result}
            for s in case.sessions if not s.deleted
        ],
        "agreement": None if agreement is None else {
            "status": "effective" if agreement.effective_on else "draft",
            "content": agreement.content,
            "applicant_signed_on": _iso(agreement.applicant_signed_on),
            "respondent_signed_on": _iso(agreement.respondent_signed_on),
            "mediator_signed_on": _iso(agreement.mediator_signed_on),
            "seal_applied_on": _iso(agreement.seal_applied_on),
            "effective_on": _iso(agreement.effective_on),
            "agreed_total": money.cents_to_str(agreement.agreed_cents),
            "items": [_item(i) for i in agreement.items if not i.deleted],
            "shares": _shares(agreement, applicants),
        },
        "decision": {
            "accepted_on": _iso(case.accepted_on), "approver": case.approver,
            "rejected_on": _iso(case.rejected_on), "rejection_reason": case.rejection_reason,
            "rejection_reason_label": codes.label(codes.REJECTION_REASONS, case.rejection_reason) or None,
            "failed_on": _iso(case.failed_on), "failure_reason": case.failure_reason,
            "failure_reason_label": codes.label(codes.FAILURE_REASONS, case.failure_reason) or None,
            "withdrawn_on": _iso(case.withdrawn_on), "defaulted_on": _iso(case.defaulted_on),
            "closed_on": _iso(case.closed_on), "closing_reason": case.closing_reason,
            "closing_reason_label": codes.label(codes.CLOSING_REASONS, case.closing_reason) or None,
            "archive_number": case.archive_number, "archived_on": _iso(case.archived_on),
            "retention_years": case.retention_years, "note": case.decision_note,
            "archive_catalog": dossier.stored_catalog(case.archive_catalog),
        },
        "follow_ups": [
            {"visited_on": _iso(f.visited_on), "person": f.person, "method": f.method,
             "performance_status": f.performance_status, "satisfaction": f.satisfaction,
             "satisfaction_label": codes.label(codes.SATISFACTION_LEVELS, f.satisfaction) or None,
             "risks": f.risks, "measures": f.measures}
            for f in case.follow_ups if not f.deleted
        ],
        "documents": [
            {"id": d.id, "doc_type": d.doc_type, "title": document_title(d.doc_type, d.subject),
             "subject": d.subject, "number": d.number, "issued_at": d.issued_at.isoformat(timespec="seconds"), "issuer": d.issuer,
             "content_hash": d.content_hash, "pages": d.pages}
            for d in case.documents if not d.deleted
        ],
        "attachments": [
            {"id": a.id, "title": a.title, "doc_type": a.doc_type, "filename": a.filename, "pages": a.pages,
             "sha256": a.sha256}
            for a in _attachments(session, case)
        ],
        "deadlines": {name: d.due.isoformat() for name, d in deadlines.items()},
        "periods": asdict(deadline_settings),
        "deadline_details": {
            name: {"label": d.label, "due": d.due.isoformat(), "basis": d.basis,
                   "status": "met" if deadline_met(case, name) else periods.due_status(d.due, today),
                   "active": not deadline_met(case, name),
                   "warning": "；".join(calendar.warnings_for(d.due)) or None}
            for name, d in deadlines.items()
        },
        "calendar_warnings": list(calendar.warnings_for(*[d.due for d in deadlines.values()])),
        "limitation": {"level": limitation.level, "expires_on": _iso(limitation.expires_on),
                       "message": limitation.message},
        "arbitration_right_from": _iso(periods.arbitration_right_from(dates, deadline_settings, calendar)),
        "may_apply_for_arbitration": periods.may_apply_for_arbitration(dates, case.state, today, deadline_settings,
                                                                       calendar),
        "returns_to_hearing": periods.returns_to_hearing(dates, case.state, today, deadline_settings, calendar),
        "actions": {name: reason for name, reason in workflow.available_actions(facts).items()},
        "events": [
            {"seq": e.seq, "action": e.action, "from_state": e.from_state, "to_state": e.to_state,
             "on": _iso(e.on_date), "at": e.at.isoformat(timespec="seconds"), "actor": e.actor, "note": e.note}
            for e in case.events if not e.deleted
        ],
    }


def masked(view: dict[str, Any]) -> dict[str, Any]:
    """A copy of a case dict with the personal data of people masked (:data:`ids.PERSONAL_COLUMNS`).

    The applicants' ID numbers, phones and addresses, and the respondent's phone (at a small
    employer often the owner's own mobile).
    """
    out = dict(view)
    out["applicants"] = [ids.mask_row("parties", p) for p in view["applicants"]]
    out["respondent"] = ids.mask_row("employers", view["respondent"])
    return out
