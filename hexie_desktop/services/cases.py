"""Registering cases (all-or-nothing), listing and searching them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from hexie_desktop.core import codes, duplicates, fields, ids, money, numbering
from hexie_desktop.core.errors import NotFound, UserError, ValidationErrors
from hexie_desktop.core.i18n import _
from hexie_desktop.core.intake import CaseDraft, RespondentDraft, parse_case
from hexie_desktop.services import settings
from hexie_desktop.services.context import Context
from hexie_desktop.services.employers import find_or_create
from hexie_desktop.storage import search
from hexie_desktop.storage.db import next_counter
from hexie_desktop.storage.models import Case, CaseEvent, Claim, Employer, Mediator, Party


@dataclass(frozen=True)
class Registered:
    """A case just registered."""

    id: str
    number: str
    warnings: tuple[str, ...]


def parse_batch(payload: object, today: date) -> list[CaseDraft]:
    """Validate ``{"cases": [...]}``; every error names its case index and field."""
    if not isinstance(payload, dict) or not isinstance(payload.get("cases"), list):
        raise UserError(_("输入应为 {\"cases\": [...]}"), field="cases")
    fields.only(payload, {"cases"})
    if not payload["cases"]:
        raise UserError(_("没有案件"), field="cases")
    drafts: list[CaseDraft] = []
    errors: list[UserError] = []
    for index, raw in enumerate(payload["cases"]):
        try:
            drafts.append(parse_case(raw, today=today, path=f"cases[{index}]"))
        except ValidationErrors as exc:
            errors.extend(exc.errors)
    if errors:
        raise ValidationErrors(errors)
    return drafts


def case_number_for(session: Session, year: int) -> tuple[int, str]:
    """Allocate the next running number of ``year`` and format the case number."""
    n = next_counter(session, f"case_no.{year}")
    pattern = settings.get(session, "numbering.case_pattern")
    short_name = settings.get(session, "station.short_name")
    return n, numbering.format_case_number(pattern, year=year, short_name=short_name, n=n)


def add_case(session: Session, draft: CaseDraft, actor_name: str) -> Case:
    """Insert one validated case with its parties, claims and first event (caller's transaction)."""
    employer = find_or_create(session, draft.respondent)
    seq, number = case_number_for(session, draft.received_on.year)
    case = Case(
        number=number, year=draft.received_on.year, seq=seq, state="registered", source=draft.source,
        received_on=draft.received_on, infringement_known_on=draft.infringement_known_on, facts=draft.facts,
        evidence=draft.evidence, main_category=draft.main_category, collective=draft.collective,
        workers=len(draft.applicants), respondent=employer, claimed_cents=draft.claimed_cents,
        created_by=actor_name, applicant_side=draft.applicant_side,
        # The employer as registered: the statistics count these, whatever the register says later.
        employer_type=draft.respondent.employer_type or employer.employer_type,
        industry=draft.respondent.industry or employer.industry,
    )
    session.add(case)
    session.flush()
    for position, p in enumerate(draft.applicants):
        case.parties.append(Party(
            position=position, name=p.name, id_type=p.id_type, id_number=p.id_number, sex=p.sex,
            birth_date=p.birth_date, phone=p.phone, address=p.address, is_representative=p.is_representative,
        ))
    for position, cl in enumerate(draft.claims):
        case.claims.append(Claim(position=position, category=cl.category, description=cl.description,
                                 amount_cents=cl.amount_cents))
    session.add(CaseEvent(case_id=case.id, seq=1, action="register", from_state=None, to_state="registered",
                          on_date=draft.received_on, actor=actor_name,
                          note=codes.label(codes.CASE_SOURCES, draft.source)))
    session.flush()
    search.index_case(session, case)
    return case


def _same_employer(respondent: RespondentDraft):  # noqa: ANN202  (an SQL condition)
    """The condition :func:`employers.find_or_create` would match ``respondent`` by."""
    if respondent.credit_code:
        return Employer.credit_code == respondent.credit_code
    return (Employer.name == respondent.name) & Employer.credit_code.is_(None)


def _earlier_cases(session: Session, draft: CaseDraft) -> list[duplicates.EarlierCase]:
    """Cases of the same employer in the duplicate window sharing an applicant's ID number."""
    numbers = {p.id_number for p in draft.applicants if p.id_number}
    if not numbers:
        return []
    low, high = duplicates.window(draft.received_on)
    rows = session.execute(
        select(Case.number, Case.received_on, Party.id_number)
        .join(Party, Party.case_id == Case.id).join(Employer, Employer.id == Case.respondent_id)
        .where(Case.deleted.is_(False), Party.deleted.is_(False), _same_employer(draft.respondent),
               Case.received_on.between(low, high), Party.id_number.in_(sorted(numbers)))
    ).all()
    found: dict[str, duplicates.EarlierCase] = {}
    for number, received_on, id_number in rows:
        known = found.get(number)
        ids_ = (known.id_numbers if known else frozenset()) | {id_number}
        found[number] = duplicates.EarlierCase(number, received_on, ids_)
    return list(found.values())


def _duplicate_warnings(session: Session, draft: CaseDraft) -> list[str]:
    numbers = {p.id_number for p in draft.applicants if p.id_number}
    return duplicates.likely_duplicates(numbers, draft.received_on, _earlier_cases(session, draft))


def likely_duplicates(ctx: Context, payload: object) -> list[str]:
    """Warnings for a registration that repeats an earlier one (asked before saving; changes nothing)."""
    ctx.require("case.register")
    drafts = parse_batch(payload, ctx.today)
    with ctx.db.read() as session:
        return [w for draft in drafts for w in _duplicate_warnings(session, draft)]


def register(ctx: Context, payload: object) -> list[Registered]:
    """Register every case of ``payload`` in one transaction, or none of them.

    A likely double registration (:mod:`core.duplicates`) is registered with a warning.
    """
    ctx.require("case.register")
    drafts = parse_batch(payload, ctx.today)
    with ctx.db.transaction() as session:
        repeats = [_duplicate_warnings(session, draft) for draft in drafts]
        created = [add_case(session, draft, ctx.actor.display_name) for draft in drafts]
        summary = "、".join(c.number for c in created[:20]) + ("…" if len(created) > 20 else "")
        ctx.audit(session, "case.register", entity="case",
                  entity_id=created[0].id if len(created) == 1 else None,
                  summary=f"{len(created)}件：{summary}")
        return [Registered(c.id, c.number, d.warnings + tuple(r)) for c, d, r in zip(created, drafts, repeats, strict=True)]


def get_case(session: Session, number_or_id: str) -> Case:
    """The case with this number (or id); NotFound otherwise."""
    key = (number_or_id or "").strip()
    case = session.execute(
        select(Case).where(Case.deleted.is_(False), Case.number == key)
    ).scalars().first()
    if case is None and len(key) == 36:
        case = session.get(Case, key)
    if case is None:
        raise NotFound(_("找不到案件“{key}”").format(key=key))
    return case


@dataclass(frozen=True)
class CaseFilter:
    """Filters of the case list."""

    state: str | None = None
    search: str | None = None
    category: str | None = None
    mediator_id: str | None = None
    received_from: date | None = None
    received_to: date | None = None
    collective: bool | None = None
    origin: str | None = None


SORTS = ("received_on", "number", "applicants", "respondent", "category", "claimed", "mediator", "state")


def _order(query: Select, sort: str, descending: bool) -> Select:
    """Order a case-id query by one of :data:`SORTS` (ties: newest receipt, then number)."""
    if sort not in SORTS:
        raise UserError(_("不能按“{sort}”排序").format(sort=sort), field="sort")
    if sort == "applicants":
        first = select(Party.name).where(Party.case_id == Case.id, Party.position == 0).scalar_subquery()
        keys = [first]
    elif sort == "respondent":
        keys = [select(Employer.name).where(Employer.id == Case.respondent_id).scalar_subquery()]
    elif sort == "mediator":
        keys = [select(Mediator.name).where(Mediator.id == Case.mediator_id).scalar_subquery()]
    else:
        keys = {"received_on": [Case.received_on], "number": [Case.year, Case.seq], "category": [Case.main_category],
                "claimed": [Case.claimed_cents], "state": [Case.state]}[sort]
    ordered = [k.desc() if descending else k.asc() for k in keys]
    return query.order_by(*ordered, Case.received_on.desc(), Case.year.desc(), Case.seq.desc())


def filtered_ids(session: Session, flt: CaseFilter, *, sort: str = "received_on", descending: bool = True) -> Select:
    """A query of case ids matching ``flt``, ordered by ``sort`` (default: newest receipt first)."""
    query = select(Case.id).where(Case.deleted.is_(False))
    if flt.state:
        codes.require(codes.CASE_STATES, flt.state, "state")
        query = query.where(Case.state == flt.state)
    if flt.category:
        codes.require(codes.CLAIM_CATEGORIES, flt.category, "category")
        query = query.where(Case.main_category == flt.category)
    if flt.mediator_id:
        query = query.where(Case.mediator_id == flt.mediator_id)
    if flt.received_from:
        query = query.where(Case.received_on >= flt.received_from)
    if flt.received_to:
        query = query.where(Case.received_on <= flt.received_to)
    if flt.collective is not None:
        query = query.where(Case.collective.is_(flt.collective))
    if flt.origin:
        query = query.where(Case.origin == flt.origin)
    if flt.search and flt.search.strip():
        matches = search.matching_case_ids(session, flt.search).subquery()
        query = query.where(Case.id.in_(select(matches.c.case_id)))
    return _order(query, sort, descending)


@dataclass(frozen=True)
class CaseRow:
    """One line of the case list (personal data masked)."""

    id: str
    number: str
    state: str
    state_label: str
    received_on: date
    applicants: str
    workers: int
    respondent: str
    category: str
    category_label: str
    claimed: str
    mediator: str | None
    collective: bool
    id_number_masked: str
    phone_masked: str


def rows_for(session: Session, case_ids: list[str]) -> list[CaseRow]:
    """List rows for ``case_ids`` in the given order."""
    if not case_ids:
        return []
    cases = {
        c.id: c
        for c in session.execute(
            select(Case.id, Case.number, Case.state, Case.received_on, Case.workers, Case.main_category,
                   Case.claimed_cents, Case.collective, Employer.name.label("respondent"),
                   Mediator.name.label("mediator"))
            .join(Employer, Employer.id == Case.respondent_id)
            .outerjoin(Mediator, Mediator.id == Case.mediator_id)
            .where(Case.id.in_(case_ids))
        )
    }
    first = {
        p.case_id: p
        for p in session.execute(
            select(Party.case_id, Party.name, Party.id_number, Party.phone)
            .where(Party.case_id.in_(case_ids), Party.position == 0, Party.deleted.is_(False))
        )
    }
    out = []
    for cid in case_ids:
        c = cases.get(cid)
        if c is None:
            continue
        p = first.get(cid)
        name = p.name if p else ""
        if c.workers > 1:
            name = _("{name}等{n}人").format(name=name, n=c.workers)
        out.append(CaseRow(
            id=c.id, number=c.number, state=c.state, state_label=codes.label(codes.CASE_STATES, c.state),
            received_on=c.received_on, applicants=name, workers=c.workers, respondent=c.respondent,
            category=c.main_category, category_label=codes.label(codes.CLAIM_CATEGORY_SHORT, c.main_category),
            claimed=money.cents_to_str(c.claimed_cents), mediator=c.mediator, collective=c.collective,
            id_number_masked=ids.mask_id(p.id_number if p else None),
            phone_masked=ids.mask_phone(p.phone if p else None),
        ))
    return out


def list_cases(ctx: Context, flt: CaseFilter, *, limit: int | None = None, offset: int = 0) -> list[CaseRow]:
    """Matching cases, newest first (all of them unless ``limit``)."""
    ctx.require("read")
    with ctx.db.read() as session:
        query = filtered_ids(session, flt).offset(offset)
        if limit is not None:
            query = query.limit(limit)
        case_ids = list(session.execute(query).scalars())
        rows: list[CaseRow] = []
        for start in range(0, len(case_ids), 500):
            rows += rows_for(session, case_ids[start:start + 500])
        return rows


def case_ids(ctx: Context, flt: CaseFilter, *, sort: str = "received_on", descending: bool = True) -> list[str]:
    """Ids of every matching case in display order (fast: the list fetches rows page by page)."""
    ctx.require("read")
    with ctx.db.read() as session:
        return list(session.execute(filtered_ids(session, flt, sort=sort, descending=descending)).scalars())


def case_rows(ctx: Context, case_ids_: list[str]) -> list[CaseRow]:
    """List rows (personal data masked) for ``case_ids_``, in that order."""
    ctx.require("read")
    out: list[CaseRow] = []
    with ctx.db.read() as session:
        for start in range(0, len(case_ids_), 500):
            out += rows_for(session, case_ids_[start:start + 500])
    return out


def count_cases(ctx: Context, flt: CaseFilter) -> int:
    """How many cases match ``flt``."""
    ctx.require("read")
    with ctx.db.read() as session:
        sub = filtered_ids(session, flt).order_by(None).subquery()
        return session.execute(select(func.count()).select_from(sub)).scalar_one()
