"""Validation of a case registration (SPEC §2, §6): every field checked, every error named.

``parse_case`` turns one JSON/form payload into a :class:`CaseDraft` or raises
:class:`ValidationErrors` listing every bad field with its path, e.g.
``cases[2].applicants[0].id_number``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import ParamSpec, TypeVar

from hexie_desktop.core import codes, fields, ids, money
from hexie_desktop.core.errors import UserError, ValidationErrors
from hexie_desktop.core.i18n import _

MAX_APPLICANTS = 2000
CASE_KEYS = frozenset({"received_on", "source", "applicants", "respondent", "claims", "facts", "evidence",
                       "infringement_known_on", "applicant_side"})
PARTY_KEYS = frozenset({"name", "id_type", "id_number", "sex", "phone", "address", "is_representative"})
RESPONDENT_KEYS = frozenset({"name", "credit_code", "address", "legal_representative", "phone", "employer_type",
                             "industry"})
CLAIM_KEYS = frozenset({"category", "amount", "description"})


@dataclass(frozen=True)
class PartyDraft:
    """A validated applicant."""

    name: str
    id_type: str
    id_number: str | None
    sex: str | None
    birth_date: date | None
    phone: str | None
    address: str | None
    is_representative: bool
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class RespondentDraft:
    """A validated respondent (用人单位)."""

    name: str
    credit_code: str | None
    address: str | None
    legal_representative: str | None
    phone: str | None
    employer_type: str | None
    industry: str | None


@dataclass(frozen=True)
class ClaimDraft:
    """A validated claim."""

    category: str
    description: str | None
    amount_cents: int


@dataclass(frozen=True)
class CaseDraft:
    """A validated registration."""

    received_on: date
    source: str
    applicants: tuple[PartyDraft, ...]
    respondent: RespondentDraft
    claims: tuple[ClaimDraft, ...]
    facts: str
    evidence: str | None
    infringement_known_on: date | None
    warnings: tuple[str, ...] = field(default_factory=tuple)
    applicant_side: str = "worker"
    """``worker``: the workers apply against the employer; ``employer``: 用人单位申请调解, the workers
    (still listed in ``applicants``, the workers of the case) are the 被申请人."""

    @property
    def collective(self) -> bool:
        """Ten or more workers (LDTJ art. 7)."""
        return len(self.applicants) >= 10

    @property
    def claimed_cents(self) -> int:
        """Sum of the claimed amounts."""
        return sum(c.amount_cents for c in self.claims)

    @property
    def main_category(self) -> str:
        """The main claim: the largest amount, the first listed on ties."""
        return max(self.claims, key=lambda c: c.amount_cents).category if self.claims else "other"


_P = ParamSpec("_P")
_T = TypeVar("_T")


class _Collector:
    """Gathers errors so one pass reports every bad field."""

    def __init__(self) -> None:
        self.errors: list[UserError] = []

    def run(self, fn: Callable[_P, _T], *args: _P.args, **kwargs: _P.kwargs) -> _T | None:
        try:
            return fn(*args, **kwargs)
        except ValidationErrors as exc:
            self.errors.extend(exc.errors)
        except UserError as exc:
            self.errors.append(exc)
        return None


def _party(raw: object, path: str, today: date, c: _Collector) -> PartyDraft | None:
    data = c.run(fields.mapping, raw, path)
    if data is None:
        return None
    c.run(fields.only, data, PARTY_KEYS, path)
    name = c.run(fields.text, data.get("name"), f"{path}.name", required=True, max_len=50)
    id_type = data.get("id_type") or "resident_id"
    c.run(codes.require, codes.ID_TYPES, id_type, f"{path}.id_type")
    id_number = sex = birth = None
    warnings: tuple[str, ...] = ()
    raw_id = c.run(fields.text, data.get("id_number"), f"{path}.id_number", max_len=30)
    if raw_id and id_type == "resident_id":
        info = c.run(ids.check_resident_id, raw_id, today=today, field=f"{path}.id_number")
        if info is not None:
            id_number, sex, birth, warnings = info.number, info.sex, info.birth_date, info.warnings
    elif raw_id:
        id_number = raw_id
    phone_raw = c.run(fields.text, data.get("phone"), f"{path}.phone", max_len=30)
    phone = c.run(ids.check_phone, phone_raw, field=f"{path}.phone") if phone_raw else None
    address = c.run(fields.text, data.get("address"), f"{path}.address", max_len=300)
    representative = c.run(fields.boolean, data.get("is_representative"), f"{path}.is_representative")
    if sex is None and data.get("sex") is not None:
        sex = c.run(codes.require, codes.SEXES, data.get("sex"), f"{path}.sex")
    if name is None:
        return None
    return PartyDraft(name, id_type, id_number, sex, birth, phone, address, bool(representative),
                      tuple(f"{name}：{w}" for w in warnings))


def _respondent(raw: object, path: str, c: _Collector) -> RespondentDraft | None:
    data = c.run(fields.mapping, raw, path)
    if data is None:
        return None
    c.run(fields.only, data, RESPONDENT_KEYS, path)
    name = c.run(fields.text, data.get("name"), f"{path}.name", required=True, max_len=200)
    code_raw = c.run(fields.text, data.get("credit_code"), f"{path}.credit_code", max_len=30)
    code = c.run(ids.check_credit_code, code_raw, field=f"{path}.credit_code") if code_raw else None
    phone_raw = c.run(fields.text, data.get("phone"), f"{path}.phone", max_len=30)
    phone = c.run(ids.check_phone, phone_raw, field=f"{path}.phone") if phone_raw else None
    employer_type = data.get("employer_type")
    if employer_type is not None:
        c.run(codes.require, codes.EMPLOYER_TYPES, employer_type, f"{path}.employer_type")
    industry = data.get("industry")
    if industry is not None:
        c.run(codes.require, codes.INDUSTRIES, industry, f"{path}.industry")
    if name is None:
        return None
    return RespondentDraft(
        name=name,
        credit_code=code,
        address=c.run(fields.text, data.get("address"), f"{path}.address", max_len=300),
        legal_representative=c.run(fields.text, data.get("legal_representative"),
                                    f"{path}.legal_representative", max_len=50),
        phone=phone,
        employer_type=employer_type,
        industry=industry,
    )


def _claim(raw: object, path: str, c: _Collector) -> ClaimDraft | None:
    data = c.run(fields.mapping, raw, path)
    if data is None:
        return None
    c.run(fields.only, data, CLAIM_KEYS, path)
    category = c.run(codes.require, codes.CLAIM_CATEGORIES, data.get("category"), f"{path}.category")
    amount = data.get("amount")
    cents = 0 if amount in (None, "") else c.run(money.parse_amount, amount, field=f"{path}.amount")
    description = c.run(fields.text, data.get("description"), f"{path}.description", max_len=1000)
    if category is None or cents is None:
        return None
    return ClaimDraft(category, description, cents)


def representative_warnings(workers: int, representatives: int) -> tuple[str, ...]:
    """Warnings (never refusals) about a collective dispute's representatives.

    LDTJ art. 7: ten or more workers with a common claim are a collective dispute and *may*
    elect representatives; local rules name 3 to 5 as the usual number.  So none, or another
    number, is worth a warning, not a refusal.
    """
    if workers < 10:
        return ()
    if representatives == 0:
        return (_("集体争议（{n}人）未推举代表：劳动者可以推举代表参加调解（劳动争议调解仲裁法第七条），"
                  "通常为3至5人").format(n=workers),)
    if not 3 <= representatives <= 5:
        return (_("集体争议代表通常为3至5人，现为{n}人").format(n=representatives),)
    return ()


def parse_case(payload: object, *, today: date, path: str = "case") -> CaseDraft:
    """Validate one registration payload; raise ValidationErrors naming every bad field."""
    c = _Collector()
    data = c.run(fields.mapping, payload, path)
    if data is None:
        raise ValidationErrors(c.errors)
    c.run(fields.only, data, CASE_KEYS, path)
    received = c.run(fields.day, data.get("received_on"), f"{path}.received_on", required=True)
    if received is not None and received > today:
        c.errors.append(UserError(_("收到申请日期不能晚于今天"), field=f"{path}.received_on"))
    source = c.run(codes.require, codes.CASE_SOURCES, data.get("source", "application"), f"{path}.source")
    side = c.run(codes.require, codes.APPLICANT_SIDES, data.get("applicant_side") or "worker",
                 f"{path}.applicant_side")
    raw_applicants = c.run(fields.sequence, data.get("applicants"), f"{path}.applicants", required=True) or []
    if len(raw_applicants) > MAX_APPLICANTS:
        c.errors.append(UserError(_("申请人过多（最多{n}人）").format(n=MAX_APPLICANTS), field=f"{path}.applicants"))
        raw_applicants = []
    applicants = [_party(p, f"{path}.applicants[{i}]", today, c) for i, p in enumerate(raw_applicants)]
    seen: dict[str, int] = {}
    for i, party in enumerate(applicants):
        if party is not None and party.id_number:
            if party.id_number in seen:
                c.errors.append(UserError(_("与第{n}位申请人证件号码重复").format(n=seen[party.id_number] + 1),
                                          field=f"{path}.applicants[{i}].id_number"))
            seen.setdefault(party.id_number, i)
    respondent = _respondent(data.get("respondent"), f"{path}.respondent", c)
    raw_claims = c.run(fields.sequence, data.get("claims"), f"{path}.claims", required=True) or []
    claims = [_claim(cl, f"{path}.claims[{i}]", c) for i, cl in enumerate(raw_claims)]
    facts = c.run(fields.text, data.get("facts"), f"{path}.facts", max_len=20000) or ""
    evidence = c.run(fields.text, data.get("evidence"), f"{path}.evidence", max_len=5000)
    known = c.run(fields.day, data.get("infringement_known_on"), f"{path}.infringement_known_on")
    if known is not None and received is not None and known > received:
        c.errors.append(UserError(_("知道权利被侵害的日期不能晚于收到申请日期"), field=f"{path}.infringement_known_on"))
    good_applicants = [a for a in applicants if a is not None]
    if c.errors:
        raise ValidationErrors(c.errors)
    assert received is not None and source is not None and respondent is not None
    warnings = tuple(w for a in good_applicants for w in a.warnings) + representative_warnings(
        len(good_applicants), sum(1 for a in good_applicants if a.is_representative))
    return CaseDraft(received, source, tuple(good_applicants), respondent,
                     tuple(cl for cl in claims if cl is not None), facts, evidence, known, warnings,
                     applicant_side=side or "worker")
