"""The shared employer register: lookup, dedupe by 统一社会信用代码, create."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from hexie_desktop.core.intake import RespondentDraft
from hexie_desktop.services.context import Context
from hexie_desktop.storage.models import Employer


@dataclass(frozen=True)
class EmployerRow:
    """An employer as pickers and lists show it."""

    id: str
    name: str
    credit_code: str | None
    address: str | None
    legal_representative: str | None
    phone: str | None
    employer_type: str | None = None
    industry: str | None = None


def _row(e: Employer) -> EmployerRow:
    return EmployerRow(e.id, e.name, e.credit_code, e.address, e.legal_representative, e.phone, e.employer_type,
                       e.industry)


def find_or_create(session: Session, draft: RespondentDraft) -> Employer:
    """The register entry for ``draft``: same credit code, else same name without a code, else new.

    Missing details of an existing entry are filled in from the draft; known ones are kept.
    """
    if draft.credit_code:
        # A deleted entry keeps its code (unique per station): revive it instead of duplicating.
        existing = session.execute(select(Employer).where(Employer.credit_code == draft.credit_code)).scalars().first()
        if existing is not None and existing.deleted:
            existing.deleted = False
    else:
        existing = session.execute(
            select(Employer).where(Employer.deleted.is_(False), Employer.name == draft.name,
                                   Employer.credit_code.is_(None))
        ).scalars().first()
    if existing is None:
        existing = Employer(name=draft.name, credit_code=draft.credit_code)
        session.add(existing)
    for attr in ("address", "legal_representative", "phone", "employer_type", "industry"):
        value = getattr(draft, attr)
        if value and not getattr(existing, attr):
            setattr(existing, attr, value)
    return existing


def search(ctx: Context, query: str, limit: int = 20) -> list[EmployerRow]:
    """Employers whose name or credit code contains ``query`` (for the respondent picker)."""
    ctx.require("read")
    pattern = f"%{query.strip()}%"
    with ctx.db.read() as session:
        rows = session.execute(
            select(Employer)
            .where(Employer.deleted.is_(False), or_(Employer.name.like(pattern), Employer.credit_code.like(pattern)))
            .order_by(Employer.name)
            .limit(limit)
        ).scalars()
        return [_row(e) for e in rows]
