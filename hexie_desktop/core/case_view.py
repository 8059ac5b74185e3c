"""One case as a typed, frozen view: what the detail screen, the paper guards and the CLI read.

``services.case_view`` builds a :class:`CaseView` from the stored rows; everything inside
the program reads its attributes — dates are :class:`datetime.date`, amounts
:class:`~hexie_desktop.core.money.Money`, lists tuples.  JSON exists only at the edges:
:func:`to_json` is the one place that turns a view into the dict of ``case show --json``
(docs/JSON.md), of the document templates and of the print snapshots, so its keys and
formats are stable.

Labels (``state_label`` …) are properties over the codes, so a view cannot disagree with
:mod:`core.codes`.  Personal data is unmasked in a built view; :func:`masked` gives the copy
that lists and default views show (:data:`core.ids.PERSONAL_COLUMNS`).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from datetime import date, datetime
from typing import Any

from hexie_desktop.core import codes, ids
from hexie_desktop.core.money import Money
from hexie_desktop.core.periods import DeadlineSettings, LimitationStatus


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _label(table: Any, code: str | None) -> str | None:
    """The label of ``code``, or ``None`` when there is none (the JSON's ``…_label`` of optional codes)."""
    return codes.label(table, code) or None


@dataclass(frozen=True)
class Organization:
    """The station that handles the case, as papers name it."""

    name: str = ""
    short_name: str = ""
    address: str = ""
    phone: str = ""


@dataclass(frozen=True)
class MediatorRef:
    """The case's mediator."""

    id: str
    name: str


@dataclass(frozen=True)
class Party:
    """An applicant (申请人), a worker."""

    id: str
    name: str
    id_type: str | None
    id_number: str | None
    sex: str | None
    birth_date: date | None
    phone: str | None
    address: str | None
    is_representative: bool

    @property
    def sex_label(self) -> str:
        """男/女 (empty when unknown)."""
        return codes.label(codes.SEXES, self.sex)


@dataclass(frozen=True)
class Respondent:
    """The employer (被申请人, or the applicant when the employer applies)."""

    id: str
    name: str
    credit_code: str | None
    address: str | None
    legal_representative: str | None
    phone: str | None


@dataclass(frozen=True)
class Claim:
    """One request (仲裁/调解请求) with its amount."""

    category: str
    description: str | None
    amount: Money

    @property
    def category_label(self) -> str:
        """The claim category's name."""
        return codes.label(codes.CLAIM_CATEGORIES, self.category)


@dataclass(frozen=True)
class MediationSession:
    """One mediation session (调解笔录)."""

    seq: int
    held_on: date | None
    start_time: str | None
    end_time: str | None
    place: str | None
    mediators: str | None
    recorder: str | None
    attendees: str | None
    statements: str | None
    proposal: str | None
    result: str | None


@dataclass(frozen=True)
class AgreementItem:
    """One obligation of the agreement and how far it is performed."""

    id: str
    seq: int
    obligation: str
    payer: str | None
    payee: str | None
    amount: Money
    method: str | None
    due_on: date | None
    category: str | None
    performed_on: date | None
    paid: Money

    @property
    def method_label(self) -> str:
        """The payment method's name."""
        return codes.label(codes.PAYMENT_METHODS, self.method)


@dataclass(frozen=True)
class Share:
    """One worker's amount under the agreement (每人金额)."""

    seq: int
    applicant_id: str
    name: str
    amount: Money
    due_on: date | None


@dataclass(frozen=True)
class Agreement:
    """The mediation agreement: a draft until the four signature dates make it effective."""

    content: str | None
    applicant_signed_on: date | None
    respondent_signed_on: date | None
    mediator_signed_on: date | None
    seal_applied_on: date | None
    effective_on: date | None
    agreed_total: Money
    items: tuple[AgreementItem, ...] = ()
    shares: tuple[Share, ...] = ()

    @property
    def status(self) -> str:
        """``effective`` or ``draft``."""
        return "effective" if self.effective_on else "draft"


@dataclass(frozen=True)
class CatalogEntry:
    """One paper of the 卷内目录 stored when the case was archived."""

    title: str
    doc_type: str
    pages: int | None


@dataclass(frozen=True)
class Decision:
    """The case's decisions: acceptance, rejection, failure, withdrawal, default, closing, archiving."""

    accepted_on: date | None = None
    approver: str | None = None
    rejected_on: date | None = None
    rejection_reason: str | None = None
    failed_on: date | None = None
    failure_reason: str | None = None
    withdrawn_on: date | None = None
    defaulted_on: date | None = None
    closed_on: date | None = None
    closing_reason: str | None = None
    archive_number: str | None = None
    archived_on: date | None = None
    retention_years: int | None = None
    note: str | None = None
    archive_catalog: tuple[CatalogEntry, ...] | None = None
    """The catalogue checked at archiving (``None`` when the case was not archived with one)."""

    @property
    def rejection_reason_label(self) -> str | None:
        """The rejection reason's name."""
        return _label(codes.REJECTION_REASONS, self.rejection_reason)

    @property
    def failure_reason_label(self) -> str | None:
        """The failure reason's name."""
        return _label(codes.FAILURE_REASONS, self.failure_reason)

    @property
    def closing_reason_label(self) -> str | None:
        """The closing reason's name."""
        return _label(codes.CLOSING_REASONS, self.closing_reason)


@dataclass(frozen=True)
class FollowUp:
    """A follow-up visit (回访)."""

    visited_on: date | None
    person: str | None
    method: str | None
    performance_status: str | None
    satisfaction: str | None
    risks: str | None
    measures: str | None

    @property
    def satisfaction_label(self) -> str | None:
        """The satisfaction level's name."""
        return _label(codes.SATISFACTION_LEVELS, self.satisfaction)


@dataclass(frozen=True)
class IssuedDocument:
    """A document issued for the case (printed final)."""

    id: str
    doc_type: str
    title: str
    subject: str | None
    number: str | None
    issued_at: datetime
    issuer: str | None
    content_hash: str | None
    pages: int | None


@dataclass(frozen=True)
class AttachmentRef:
    """A scanned or paper item of the case file."""

    id: str | None
    title: str | None
    doc_type: str | None
    filename: str | None
    pages: int | None
    sha256: str | None


@dataclass(frozen=True)
class DeadlineView:
    """One deadline of the case with where it stands today."""

    name: str
    label: str
    due: date
    basis: str
    status: str
    """``met`` when it no longer counts, else ``core.periods.due_status``."""
    active: bool
    warning: str | None


@dataclass(frozen=True)
class Event:
    """One entry of the case history."""

    seq: int
    action: str
    from_state: str | None
    to_state: str | None
    on: date | None
    at: datetime
    actor: str | None
    note: str | None


@dataclass(frozen=True)
class CaseView:
    """The whole case as the program reads it (see the module docstring)."""

    id: str
    origin: str
    number: str
    state: str
    received_on: date
    source: str | None
    facts: str | None
    evidence: str | None
    infringement_known_on: date | None
    collective: bool
    workers: int
    applicant_side: str
    employer_type: str | None
    industry: str | None
    main_category: str
    organization: Organization
    mediator: MediatorRef | None
    applicants: tuple[Party, ...]
    respondent: Respondent
    claims: tuple[Claim, ...]
    claimed_total: Money
    sessions: tuple[MediationSession, ...]
    agreement: Agreement | None
    decision: Decision
    follow_ups: tuple[FollowUp, ...]
    documents: tuple[IssuedDocument, ...]
    attachments: tuple[AttachmentRef, ...]
    deadlines: tuple[DeadlineView, ...]
    periods: DeadlineSettings
    calendar_warnings: tuple[str, ...]
    limitation: LimitationStatus
    arbitration_right_from: date | None
    may_apply_for_arbitration: bool
    returns_to_hearing: bool
    actions: tuple[tuple[str, str | None], ...]
    """Every workflow action with ``None`` (available now) or the reason it is not."""
    events: tuple[Event, ...]

    @property
    def state_label(self) -> str:
        """The state's name."""
        return codes.label(codes.CASE_STATES, self.state)

    @property
    def source_label(self) -> str:
        """How the case came in."""
        return codes.label(codes.CASE_SOURCES, self.source)

    @property
    def applicant_side_label(self) -> str:
        """Who applied (劳动者 / 用人单位)."""
        return codes.label(codes.APPLICANT_SIDES, self.applicant_side)

    @property
    def employer_type_label(self) -> str | None:
        """The employer type recorded at registration."""
        return _label(codes.EMPLOYER_TYPES, self.employer_type)

    @property
    def industry_label(self) -> str | None:
        """The industry recorded at registration."""
        return _label(codes.INDUSTRIES, self.industry)

    @property
    def main_category_label(self) -> str:
        """The main dispute category's name."""
        return codes.label(codes.CLAIM_CATEGORIES, self.main_category)

    def deadline(self, name: str) -> DeadlineView | None:
        """The deadline called ``name`` (``mediation``, ``follow_up`` …) when it applies."""
        return next((d for d in self.deadlines if d.name == name), None)

    def action_reason(self, action: str) -> str | None:
        """Why ``action`` cannot be taken now, or ``None`` when it can."""
        return dict(self.actions).get(action)

    @property
    def available_actions(self) -> tuple[str, ...]:
        """The workflow actions the case allows now, in workflow order."""
        return tuple(name for name, reason in self.actions if reason is None)


def masked(view: CaseView) -> CaseView:
    """A copy of ``view`` with the personal data of people masked (:data:`ids.PERSONAL_COLUMNS`).

    The applicants' ID numbers, phones and addresses, and the respondent's phone (at a small
    employer often the owner's own mobile).
    """
    return replace(view, applicants=tuple(_mask("parties", p) for p in view.applicants),
                   respondent=_mask("employers", view.respondent))


def _mask(table: str, record: Any) -> Any:
    """``record`` with the personal columns of ``table`` masked."""
    changes: dict[str, Any] = {k: mask(getattr(record, k)) for k, mask in ids.PERSONAL_COLUMNS[table].items()}
    return replace(record, **changes)


# --------------------------------------------------------------------------- the JSON edge


def _party(p: Party) -> dict[str, Any]:
    return {"id": p.id, "name": p.name, "id_type": p.id_type, "id_number": p.id_number, "sex": p.sex,
            "sex_label": p.sex_label, "birth_date": _iso(p.birth_date), "phone": p.phone, "address": p.address,
            "is_representative": p.is_representative}


def _item(i: AgreementItem) -> dict[str, Any]:
    return {"id": i.id, "seq": i.seq, "obligation": i.obligation, "payer": i.payer, "payee": i.payee,
            "amount": str(i.amount), "amount_upper": i.amount.upper, "method": i.method,
            "method_label": i.method_label, "due_on": _iso(i.due_on), "category": i.category,
            "performed_on": _iso(i.performed_on), "paid": str(i.paid)}


def _agreement(a: Agreement | None) -> dict[str, Any] | None:
    if a is None:
        return None
    return {
        "status": a.status, "content": a.content,
        "applicant_signed_on": _iso(a.applicant_signed_on), "respondent_signed_on": _iso(a.respondent_signed_on),
        "mediator_signed_on": _iso(a.mediator_signed_on), "seal_applied_on": _iso(a.seal_applied_on),
        "effective_on": _iso(a.effective_on), "agreed_total": str(a.agreed_total),
        "items": [_item(i) for i in a.items],
        "shares": [{"seq": s.seq, "applicant_id": s.applicant_id, "name": s.name, "amount": str(s.amount),
                    "due_on": _iso(s.due_on)} for s in a.shares],
    }


def _decision(d: Decision) -> dict[str, Any]:
    return {
        "accepted_on": _iso(d.accepted_on), "approver": d.approver,
        "rejected_on": _iso(d.rejected_on), "rejection_reason": d.rejection_reason,
        "rejection_reason_label": d.rejection_reason_label,
        "failed_on": _iso(d.failed_on), "failure_reason": d.failure_reason,
        "failure_reason_label": d.failure_reason_label,
        "withdrawn_on": _iso(d.withdrawn_on), "defaulted_on": _iso(d.defaulted_on),
        "closed_on": _iso(d.closed_on), "closing_reason": d.closing_reason,
        "closing_reason_label": d.closing_reason_label,
        "archive_number": d.archive_number, "archived_on": _iso(d.archived_on),
        "retention_years": d.retention_years, "note": d.note,
        "archive_catalog": None if d.archive_catalog is None else [catalog_entry_json(e) for e in d.archive_catalog],
    }


def catalog_entry_json(entry: CatalogEntry) -> dict[str, Any]:
    """A stored catalogue line as JSON (``{"title", "doc_type", "pages"}``)."""
    return {"title": entry.title, "doc_type": entry.doc_type, "pages": entry.pages}


def to_json(view: CaseView) -> dict[str, Any]:
    """The case as the JSON-ready dict of ``case show --json``, the templates and snapshots (docs/JSON.md).

    The only place a view becomes JSON: dates ISO strings, amounts ``"1234.50"``, times to
    the second.
    """
    return {
        "id": view.id,
        "origin": view.origin,
        "number": view.number,
        "state": view.state,
        "state_label": view.state_label,
        "received_on": _iso(view.received_on),
        "source": view.source,
        "source_label": view.source_label,
        "facts": view.facts,
        "evidence": view.evidence,
        "infringement_known_on": _iso(view.infringement_known_on),
        "collective": view.collective,
        "workers": view.workers,
        "applicant_side": view.applicant_side,
        "applicant_side_label": view.applicant_side_label,
        "employer_type": view.employer_type,
        "employer_type_label": view.employer_type_label,
        "industry": view.industry,
        "industry_label": view.industry_label,
        "main_category": view.main_category,
        "main_category_label": view.main_category_label,
        "organization": asdict(view.organization),
        "mediator": None if view.mediator is None else {"id": view.mediator.id, "name": view.mediator.name},
        "applicants": [_party(p) for p in view.applicants],
        "respondent": asdict(view.respondent),
        "claims": [{"category": c.category, "category_label": c.category_label, "description": c.description,
                    "amount": str(c.amount)} for c in view.claims],
        "claimed_total": str(view.claimed_total),
        "sessions": [{**asdict(s), "held_on": _iso(s.held_on)} for s in view.sessions],
        "agreement": _agreement(view.agreement),
        "decision": _decision(view.decision),
        "follow_ups": [
            {"visited_on": _iso(f.visited_on), "person": f.person, "method": f.method,
             "performance_status": f.performance_status, "satisfaction": f.satisfaction,
             "satisfaction_label": f.satisfaction_label, "risks": f.risks, "measures": f.measures}
            for f in view.follow_ups
        ],
        "documents": [{**asdict(d), "issued_at": d.issued_at.isoformat(timespec="seconds")} for d in view.documents],
        "attachments": [asdict(a) for a in view.attachments],
        "deadlines": {d.name: d.due.isoformat() for d in view.deadlines},
        "periods": asdict(view.periods),
        "deadline_details": {
            d.name: {"label": d.label, "due": d.due.isoformat(), "basis": d.basis, "status": d.status,
                     "active": d.active, "warning": d.warning}
            for d in view.deadlines
        },
        "calendar_warnings": list(view.calendar_warnings),
        "limitation": {"level": view.limitation.level, "expires_on": _iso(view.limitation.expires_on),
                       "message": view.limitation.message},
        "arbitration_right_from": _iso(view.arbitration_right_from),
        "may_apply_for_arbitration": view.may_apply_for_arbitration,
        "returns_to_hearing": view.returns_to_hearing,
        "actions": dict(view.actions),
        "events": [
            {"seq": e.seq, "action": e.action, "from_state": e.from_state, "to_state": e.to_state, "on": _iso(e.on),
             "at": e.at.isoformat(timespec="seconds"), "actor": e.actor, "note": e.note}
            for e in view.events
        ],
    }
