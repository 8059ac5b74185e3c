"""The typed case view (core/case_view.py) and its one JSON edge (issue 11.2).

``case show --json``, the document data and the print snapshots are ``to_json`` of a
:class:`CaseView`; they must stay the dict the services built by hand before (docs/JSON.md
documents it, scripts read it).  :func:`_legacy_case_dict` below is that old builder, kept
verbatim as the oracle: every case of the demo station, with issued papers and an
attachment, gives the same JSON, key order included.

The one difference is deliberate: the old builder took the station's identity from its
caller, and the archive check passed none, so ``organization`` was empty there; the view
reads it from the settings itself.
"""

from __future__ import annotations

import json
from dataclasses import FrozenInstanceError, asdict
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from hexie_desktop.core import codes, dossier, money, periods, workflow
from hexie_desktop.core.case_view import CaseView, masked, to_json
from hexie_desktop.core.money import Money
from hexie_desktop.services import attachments, case_queries, printing, settings, users
from hexie_desktop.services.case_queries import station_dict
from hexie_desktop.services.case_view import (
    _attachments,
    build,
    case_dates,
    case_facts,
    deadline_met,
    deadlines_for,
    document_title,
)
from hexie_desktop.storage.models import Case

TODAY = date(2026, 11, 21)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


# --------------------------------------------------------------------------- the old builder (oracle)

def _party(p) -> dict[str, Any]:
    return {
        "id": p.id, "name": p.name, "id_type": p.id_type, "id_number": p.id_number, "sex": p.sex,
        "sex_label": codes.label(codes.SEXES, p.sex), "birth_date": _iso(p.birth_date), "phone": p.phone,
        "address": p.address, "is_representative": p.is_representative,
    }


def _item(i) -> dict[str, Any]:
    return {
        "id": i.id, "seq": i.seq, "obligation": i.obligation, "payer": i.payer, "payee": i.payee,
        "amount": money.cents_to_str(i.amount_cents), "amount_upper": money.to_uppercase_rmb(i.amount_cents),
        "method": i.method, "method_label": codes.label(codes.PAYMENT_METHODS, i.method),
        "due_on": _iso(i.due_on), "category": i.category, "performed_on": _iso(i.performed_on),
        "paid": money.cents_to_str(i.paid_cents),
    }


def _shares(agreement, applicants: list) -> list[dict[str, Any]]:
    """Each worker's amount under the agreement (每人金额), named by applicant id and name."""
    names = {p.id: p.name for p in applicants}
    return [{"seq": s.seq, "applicant_id": s.party_id, "name": names.get(s.party_id, ""),
             "amount": money.cents_to_str(s.amount_cents), "due_on": _iso(s.due_on)}
            for s in agreement.shares if not s.deleted]


def _legacy_case_dict(session, case: Case, *, today: date, station: dict[str, str]) -> dict[str, Any]:
    """services.case_view.case_dict as it was before the typed view (verbatim)."""
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
             "subject": d.subject, "number": d.number, "issued_at": d.issued_at.isoformat(timespec="seconds"),
             "issuer": d.issuer,
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


# --------------------------------------------------------------------------- tests


@pytest.fixture
def town(station_factory, tmp_path: Path):
    """The demo station (40 cases in every state) with an address and phone, a printed paper and a scan."""
    station = station_factory()
    ctx = station.context(users.actor_for(station.db, "admin"), today_fn=lambda: TODAY)
    settings.update(ctx, {"station.address": "测试街道文化路1号", "station.phone": "0571-88880000"})
    with ctx.db.read() as session:
        numbers = list(session.execute(select(Case.number).order_by(Case.number)).scalars())
    printing.print_case_document(ctx, "application", numbers[0], tmp_path / "application.pdf")
    printing.print_case_document(ctx, "registration", numbers[0], tmp_path / "registration.pdf")
    scan = tmp_path / "身份证.pdf"
    scan.write_bytes(b"%PDF-1.4 scan")
    attachments.add_to_case(ctx, station.paths.attachments, numbers[0], scan, title="身份证复印件", pages=2)
    return ctx, numbers


def test_every_case_gives_the_json_the_old_dict_builder_gave(town):
    ctx, numbers = town
    seen: set[str] = set()
    with ctx.db.read() as session:
        station = station_dict(session)
        for number in numbers:
            case = session.execute(select(Case).where(Case.number == number)).scalars().one()
            old = _legacy_case_dict(session, case, today=TODAY, station=station)
            new = to_json(build(session, case, today=TODAY))
            assert json.dumps(new, ensure_ascii=False) == json.dumps(old, ensure_ascii=False), number
            seen |= {k for k, v in new.items() if v not in (None, [], {}, "")}
            seen |= {f"agreement.{k}" for k, v in (new["agreement"] or {}).items() if v}
    # the comparison covered the rich parts, not only empty ones
    assert {"documents", "attachments", "sessions", "follow_ups", "agreement", "agreement.items", "mediator",
            "claims", "deadline_details", "events"} <= seen
    assert len(numbers) == 40


def test_show_json_is_the_view_masked_and_names_the_station(town):
    ctx, numbers = town
    view = case_queries.view(ctx, numbers[0])
    assert isinstance(view, CaseView)
    assert case_queries.show(ctx, numbers[0]) == to_json(view)
    assert view.organization.address == "测试街道文化路1号" and view.organization.phone == "0571-88880000"
    full = case_queries.view(ctx, numbers[0], unmask=True)
    assert masked(full) == view
    person = full.applicants[0]
    assert person.id_number and view.applicants[0].id_number != person.id_number
    assert "*" in (view.applicants[0].id_number or "")


def test_the_view_is_typed_and_frozen(town):
    ctx, numbers = town
    view = case_queries.view(ctx, numbers[0], unmask=True)
    assert isinstance(view.received_on, date) and isinstance(view.claimed_total, Money)
    assert all(isinstance(c.amount, Money) for c in view.claims)
    assert isinstance(view.applicants, tuple) and isinstance(view.documents, tuple)
    assert view.documents[0].title == "调解申请书" and view.attachments[0].pages == 2
    with pytest.raises(FrozenInstanceError):
        view.state = "closed"  # type: ignore[misc]
    assert to_json(view)["claimed_total"] == money.cents_to_str(view.claimed_total.cents)


def test_money_refuses_what_is_not_whole_fen():
    assert str(Money(123450)) == "1234.50" and Money(123450).formatted == "1,234.50"
    assert Money(100).upper == "人民币壹元整"
    with pytest.raises(TypeError):
        Money(12.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Money(True)


def test_a_view_of_an_unknown_case_is_refused(town):
    ctx, _numbers = town
    from hexie_desktop.core.errors import NotFound

    with pytest.raises(NotFound):
        case_queries.view(ctx, "no such case")
