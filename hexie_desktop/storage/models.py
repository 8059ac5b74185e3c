"""Typed SQLAlchemy 2.0 models of every entity of SPEC §2 and §4.

Exchanged tables (those that travel to the district) mix in :class:`Synced`: a UUID
``id``, the owning station's ``origin`` unit code, a ``version`` bumped on every change, the
station-wide ``change_seq`` of the transaction that last touched the row, ``updated_at``
and a ``deleted`` tombstone.  Local tables (users, settings, audit log, counters) do not
travel.  Money is integer 分 (``*_cents``); dates are ``Date``; times are naive UTC.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, ClassVar

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.sql import FromClause

from hexie_desktop.storage.plain import utcnow

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> str:
    """A new random UUID as text."""
    return str(uuid.uuid4())


class Base(DeclarativeBase):
    """Declarative base with constraint naming conventions (needed by Alembic batch mode)."""

    metadata = MetaData(naming_convention=NAMING)


class Synced:
    """Sync columns carried by every exchanged table (ARCHITECTURE.md)."""

    if TYPE_CHECKING:  # as DeclarativeBase declares them, for code holding a type[Synced]
        __tablename__: Any
        __table__: ClassVar[FromClause]

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    origin: Mapped[str] = mapped_column(String(32), index=True)
    version: Mapped[int] = mapped_column(Integer, default=0)
    change_seq: Mapped[int] = mapped_column(BigInteger, default=0, index=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)


# ---------------------------------------------------------------- shared employer register


class Employer(Synced, Base):
    """用人单位: one register shared by cases and ledgers, deduplicated by 统一社会信用代码."""

    __tablename__ = "employers"
    __table_args__ = (UniqueConstraint("origin", "credit_code", name="uq_employers_origin_credit_code"),)

    name: Mapped[str] = mapped_column(String(200), index=True)
    credit_code: Mapped[str | None] = mapped_column(String(18))
    legacy_reg_no: Mapped[str | None] = mapped_column(String(30))
    address: Mapped[str | None] = mapped_column(String(300))
    legal_representative: Mapped[str | None] = mapped_column(String(50))
    phone: Mapped[str | None] = mapped_column(String(30))
    employer_type: Mapped[str | None] = mapped_column(String(30))
    industry: Mapped[str | None] = mapped_column(String(2))
    employees: Mapped[int | None] = mapped_column(Integer)
    division_code: Mapped[str | None] = mapped_column(String(12))


# ---------------------------------------------------------------- organizations and people


class MediationOrg(Synced, Base):
    """调解组织 with its founding data; the checklist lives in :class:`ChecklistItem`."""

    __tablename__ = "mediation_orgs"

    name: Mapped[str] = mapped_column(String(200))
    org_type: Mapped[str] = mapped_column(String(30))
    code: Mapped[str | None] = mapped_column(String(30))
    address: Mapped[str | None] = mapped_column(String(300))
    division_code: Mapped[str | None] = mapped_column(String(12))
    founding_document: Mapped[str | None] = mapped_column(String(200))
    founded_on: Mapped[date | None] = mapped_column(Date)
    has_seal: Mapped[bool] = mapped_column(Boolean, default=False)
    premises: Mapped[str | None] = mapped_column(String(200))
    head: Mapped[str | None] = mapped_column(String(50))
    phones: Mapped[str | None] = mapped_column(String(100))
    staff_full_time: Mapped[int] = mapped_column(Integer, default=0)
    staff_part_time: Mapped[int] = mapped_column(Integer, default=0)
    enterprises_covered: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(20), default="active")
    filing_on: Mapped[date | None] = mapped_column(Date)
    filing_no: Mapped[str | None] = mapped_column(String(50))

    checklist: Mapped[list[ChecklistItem]] = relationship(back_populates="org", order_by="ChecklistItem.position")


class ChecklistItem(Synced, Base):
    """One "六规范、五上墙" item of an organization: status, date checked, photo."""

    __tablename__ = "checklist_items"

    org_id: Mapped[str] = mapped_column(ForeignKey("mediation_orgs.id"), index=True)
    group: Mapped[str] = mapped_column(String(20))
    item_code: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(100))
    position: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(20), default="unchecked")
    checked_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)
    attachment_id: Mapped[str | None] = mapped_column(ForeignKey("attachments.id"))

    org: Mapped[MediationOrg] = relationship(back_populates="checklist")


class Mediator(Synced, Base):
    """调解员: identity, organization, term, certificate, training and assessments."""

    __tablename__ = "mediators"

    name: Mapped[str] = mapped_column(String(50), index=True)
    id_number: Mapped[str | None] = mapped_column(String(18))
    sex: Mapped[str | None] = mapped_column(String(10))
    birth_date: Mapped[date | None] = mapped_column(Date)
    phone: Mapped[str | None] = mapped_column(String(30))
    org_id: Mapped[str | None] = mapped_column(ForeignKey("mediation_orgs.id"), index=True)
    employment_mode: Mapped[str] = mapped_column(String(20), default="part_time")
    term_start: Mapped[date | None] = mapped_column(Date)
    term_end: Mapped[date | None] = mapped_column(Date)
    certificate_no: Mapped[str | None] = mapped_column(String(50))
    trainings: Mapped[str | None] = mapped_column(Text)
    assessments: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="active")


class Coordinator(Synced, Base):
    """劳动关系协调员 registry entry."""

    __tablename__ = "coordinators"

    name: Mapped[str] = mapped_column(String(50), index=True)
    id_number: Mapped[str] = mapped_column(String(18))
    sex: Mapped[str | None] = mapped_column(String(10))
    birth_date: Mapped[date | None] = mapped_column(Date)
    phone: Mapped[str | None] = mapped_column(String(30))
    coordinator_type: Mapped[str] = mapped_column(String(30))
    employer_id: Mapped[str | None] = mapped_column(ForeignKey("employers.id"))
    division_code: Mapped[str | None] = mapped_column(String(12))
    position: Mapped[str | None] = mapped_column(String(50))
    employment_mode: Mapped[str] = mapped_column(String(20), default="part_time")
    skill_level: Mapped[str] = mapped_column(String(20), default="none")
    certificate_no: Mapped[str | None] = mapped_column(String(50))
    certificate_issuer: Mapped[str | None] = mapped_column(String(100))
    certificate_date: Mapped[date | None] = mapped_column(Date)
    years_in_work: Mapped[int] = mapped_column(Integer, default=0)
    trainings: Mapped[str | None] = mapped_column(Text)
    enterprises_covered: Mapped[int] = mapped_column(Integer, default=0)
    honours: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(20), default="active")
    registered_on: Mapped[date | None] = mapped_column(Date)


class SocialOrg(Synced, Base):
    """协调劳动关系社会组织."""

    __tablename__ = "social_orgs"

    name: Mapped[str] = mapped_column(String(200))
    credit_code: Mapped[str | None] = mapped_column(String(18))
    org_kind: Mapped[str | None] = mapped_column(String(50))
    staff: Mapped[int] = mapped_column(Integer, default=0)
    services: Mapped[str | None] = mapped_column(Text)
    industry: Mapped[str | None] = mapped_column(String(2))
    scale: Mapped[str | None] = mapped_column(String(50))
    status: Mapped[str] = mapped_column(String(20), default="active")


# ---------------------------------------------------------------- enterprise ledgers


class KeyEnterprise(Synced, Base):
    """重点企业用工指导服务台账 entry."""

    __tablename__ = "key_enterprises"

    employer_id: Mapped[str] = mapped_column(ForeignKey("employers.id"), index=True)
    industry: Mapped[str | None] = mapped_column(String(2))
    employees_last_year_end: Mapped[int] = mapped_column(Integer, default=0)
    employees_now: Mapped[int] = mapped_column(Integer, default=0)
    stable_job_policies: Mapped[str | None] = mapped_column(Text)
    risk_level: Mapped[str] = mapped_column(String(10), default="low")
    note: Mapped[str | None] = mapped_column(Text)

    employer: Mapped[Employer] = relationship()


class EnterpriseVisit(Synced, Base):
    """A guidance visit to a key enterprise."""

    __tablename__ = "enterprise_visits"

    key_enterprise_id: Mapped[str] = mapped_column(ForeignKey("key_enterprises.id"), index=True)
    visited_on: Mapped[date] = mapped_column(Date)
    method: Mapped[str] = mapped_column(String(20))
    content: Mapped[str | None] = mapped_column(Text)
    staff: Mapped[str | None] = mapped_column(String(100))
    next_visit_on: Mapped[date | None] = mapped_column(Date)


class LayoffPlan(Synced, Base):
    """Layoff block of a key enterprise (劳动合同法 art. 41)."""

    __tablename__ = "layoff_plans"

    key_enterprise_id: Mapped[str] = mapped_column(ForeignKey("key_enterprises.id"), index=True)
    planned: Mapped[int] = mapped_column(Integer, default=0)
    actual: Mapped[int] = mapped_column(Integer, default=0)
    positions: Mapped[str | None] = mapped_column(Text)
    threshold_met: Mapped[bool] = mapped_column(Boolean, default=False)
    notice_on: Mapped[date | None] = mapped_column(Date)
    reported_on: Mapped[date | None] = mapped_column(Date)
    compensation_standard: Mapped[str | None] = mapped_column(Text)
    ability_to_pay: Mapped[str | None] = mapped_column(Text)
    wages_settled: Mapped[str | None] = mapped_column(Text)


class NewEnterprise(Synced, Base):
    """新注册企业用工服务台账 entry."""

    __tablename__ = "new_enterprises"

    employer_id: Mapped[str] = mapped_column(ForeignKey("employers.id"), index=True)
    registered_on: Mapped[date | None] = mapped_column(Date)
    industry: Mapped[str | None] = mapped_column(String(2))
    expected_headcount: Mapped[int] = mapped_column(Integer, default=0)
    first_contact_on: Mapped[date | None] = mapped_column(Date)
    services: Mapped[str | None] = mapped_column(Text)
    follow_ups: Mapped[str | None] = mapped_column(Text)

    employer: Mapped[Employer] = relationship()


class Cultivation(Synced, Base):
    """和谐企业培育: enterprise, year, plan, visits, result."""

    __tablename__ = "cultivations"

    employer_id: Mapped[str] = mapped_column(ForeignKey("employers.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    plan: Mapped[str | None] = mapped_column(Text)
    visits: Mapped[str | None] = mapped_column(Text)
    result: Mapped[str] = mapped_column(String(20), default="pending")

    employer: Mapped[Employer] = relationship()


# ---------------------------------------------------------------- structured registers (issue 14.3)


class PersonTraining(Synced, Base):
    """A training attended by a 劳动关系协调员 or a 调解员 (exactly one of the two is named)."""

    __tablename__ = "person_trainings"

    coordinator_id: Mapped[str | None] = mapped_column(ForeignKey("coordinators.id"), index=True)
    mediator_id: Mapped[str | None] = mapped_column(ForeignKey("mediators.id"), index=True)
    trained_on: Mapped[date] = mapped_column(Date)
    hours: Mapped[int] = mapped_column(Integer, default=0)
    subject: Mapped[str] = mapped_column(String(200))
    provider: Mapped[str | None] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(Text)


class PersonAssessment(Synced, Base):
    """The annual assessment (年度考核) of a 劳动关系协调员 or a 调解员."""

    __tablename__ = "person_assessments"

    coordinator_id: Mapped[str | None] = mapped_column(ForeignKey("coordinators.id"), index=True)
    mediator_id: Mapped[str | None] = mapped_column(ForeignKey("mediators.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    result: Mapped[str] = mapped_column(String(20))
    assessor: Mapped[str | None] = mapped_column(String(100))
    note: Mapped[str | None] = mapped_column(Text)


class CoordinatorEnterprise(Synced, Base):
    """An enterprise a 劳动关系协调员 serves (for the coverage of 大中型企业)."""

    __tablename__ = "coordinator_enterprises"

    coordinator_id: Mapped[str] = mapped_column(ForeignKey("coordinators.id"), index=True)
    employer_id: Mapped[str] = mapped_column(ForeignKey("employers.id"), index=True)
    served_from: Mapped[date | None] = mapped_column(Date)
    served_to: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)


class OrgSupervision(Synced, Base):
    """A supervision visit (督导检查) to a mediation organization."""

    __tablename__ = "org_supervisions"

    org_id: Mapped[str] = mapped_column(ForeignKey("mediation_orgs.id"), index=True)
    visited_on: Mapped[date] = mapped_column(Date)
    inspector: Mapped[str | None] = mapped_column(String(100))
    findings: Mapped[str | None] = mapped_column(Text)
    rectification: Mapped[str | None] = mapped_column(Text)
    rectified_on: Mapped[date | None] = mapped_column(Date)


class SocialOrgWork(Synced, Base):
    """A work record of a 协调劳动关系社会组织 (consultation, training, mediation …)."""

    __tablename__ = "social_org_works"

    social_org_id: Mapped[str] = mapped_column(ForeignKey("social_orgs.id"), index=True)
    worked_on: Mapped[date] = mapped_column(Date)
    work_type: Mapped[str] = mapped_column(String(20))
    enterprises_served: Mapped[int] = mapped_column(Integer, default=0)
    workers_served: Mapped[int] = mapped_column(Integer, default=0)
    content: Mapped[str | None] = mapped_column(Text)


class SocialOrgEvaluation(Synced, Base):
    """The yearly evaluation of a 协调劳动关系社会组织."""

    __tablename__ = "social_org_evaluations"

    social_org_id: Mapped[str] = mapped_column(ForeignKey("social_orgs.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    result: Mapped[str] = mapped_column(String(20))
    evaluator: Mapped[str | None] = mapped_column(String(100))
    note: Mapped[str | None] = mapped_column(Text)


class NegotiationInstructor(Synced, Base):
    """集体协商指导员 (the 集体协商专职指导员队伍台账 of the action plan)."""

    __tablename__ = "negotiation_instructors"

    name: Mapped[str] = mapped_column(String(50), index=True)
    id_number: Mapped[str | None] = mapped_column(String(18))
    sex: Mapped[str | None] = mapped_column(String(10))
    birth_date: Mapped[date | None] = mapped_column(Date)
    phone: Mapped[str | None] = mapped_column(String(30))
    unit: Mapped[str | None] = mapped_column(String(200))
    employment_mode: Mapped[str] = mapped_column(String(20), default="full_time")
    appointed_on: Mapped[date | None] = mapped_column(Date)
    certificate_no: Mapped[str | None] = mapped_column(String(50))
    division_code: Mapped[str | None] = mapped_column(String(12))
    enterprises_guided: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(20), default="active")


# ---------------------------------------------------------------- cases


# Covering indexes of the statistics (migration 0014, services/stats_tally.py): its GROUP BY queries and
# their joins read these indexes alone, never the wide rows.
STATS_COLUMNS = ("received_on", "origin", "deleted", "archived_on", "closed_on", "closing_reason", "rejected_on",
                 "defaulted_on", "source", "collective", "workers", "main_category", "employer_type", "industry",
                 "id")
"""``ix_cases_stats``: received_on first for the period's range."""
CASE_ID_STATS_COLUMNS = ("id", "deleted", "origin", "main_category", "received_on", "archived_on", "closed_on",
                         "defaulted_on")
"""``ix_cases_id_stats``: a case found by id from a joined row."""
CLAIM_STATS_COLUMNS = ("case_id", "deleted", "category", "amount_cents")
AGREEMENT_STATS_COLUMNS = ("effective_on", "deleted", "id", "case_id", "arbitration_review", "judicial_confirmation",
                           "payment_order")
ITEM_STATS_COLUMNS = ("agreement_id", "deleted", "case_id", "category", "amount_cents")
PERFORMANCE_STATS_COLUMNS = ("performed_on", "deleted", "case_id", "item_id", "amount_cents")
FOLLOW_UP_STATS_COLUMNS = ("visited_on", "deleted", "case_id")


class Case(Synced, Base):
    """调解案件: one dispute brought to the organization."""

    __tablename__ = "cases"
    __table_args__ = (
        UniqueConstraint("origin", "year", "seq", name="uq_cases_origin_year_seq"),
        Index("ix_cases_state_received", "state", "received_on"),
        Index("ix_cases_stats", *STATS_COLUMNS),
        Index("ix_cases_id_stats", *CASE_ID_STATS_COLUMNS),
    )

    number: Mapped[str] = mapped_column(String(80), index=True)
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(20), index=True)
    source: Mapped[str] = mapped_column(String(30))
    received_on: Mapped[date] = mapped_column(Date, index=True)
    infringement_known_on: Mapped[date | None] = mapped_column(Date)
    facts: Mapped[str] = mapped_column(Text, default="")
    evidence: Mapped[str | None] = mapped_column(Text)
    main_category: Mapped[str] = mapped_column(String(40), index=True)
    collective: Mapped[bool] = mapped_column(Boolean, default=False)
    workers: Mapped[int] = mapped_column(Integer, default=1)
    respondent_id: Mapped[str] = mapped_column(ForeignKey("employers.id"), index=True)
    org_id: Mapped[str | None] = mapped_column(ForeignKey("mediation_orgs.id"))
    mediator_id: Mapped[str | None] = mapped_column(ForeignKey("mediators.id"), index=True)
    claimed_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    accepted_on: Mapped[date | None] = mapped_column(Date)
    approver: Mapped[str | None] = mapped_column(String(50))
    rejected_on: Mapped[date | None] = mapped_column(Date)
    rejection_reason: Mapped[str | None] = mapped_column(String(40))
    mediation_extended_until: Mapped[date | None] = mapped_column(Date)
    failed_on: Mapped[date | None] = mapped_column(Date)
    failure_reason: Mapped[str | None] = mapped_column(String(40))
    withdrawn_on: Mapped[date | None] = mapped_column(Date)
    defaulted_on: Mapped[date | None] = mapped_column(Date)
    decision_note: Mapped[str | None] = mapped_column(Text)
    closed_on: Mapped[date | None] = mapped_column(Date, index=True)
    closing_reason: Mapped[str | None] = mapped_column(String(40))
    archive_number: Mapped[str | None] = mapped_column(String(40))
    archive_seq: Mapped[int | None] = mapped_column(Integer)
    archived_on: Mapped[date | None] = mapped_column(Date)
    retention_years: Mapped[int | None] = mapped_column(Integer)
    archive_catalog: Mapped[str | None] = mapped_column(Text)
    """The 卷内目录 checked when archiving (JSON: title, doc_type, pages per paper), printed as archived."""
    created_by: Mapped[str | None] = mapped_column(String(50))
    # 繁简分流 (action plan): a person's override of the computed grade, and the upward report
    # of a 重大集体劳动争议 (core/grading.py).
    grade_override: Mapped[str | None] = mapped_column(String(10))
    grade_reason: Mapped[str | None] = mapped_column(Text)
    major_reported_on: Mapped[date | None] = mapped_column(Date)
    # The employer's type and industry as registered (the statistics count these, so editing the
    # employer later does not rewrite past periods), and which side applied for mediation.
    employer_type: Mapped[str | None] = mapped_column(String(30))
    industry: Mapped[str | None] = mapped_column(String(2))
    applicant_side: Mapped[str] = mapped_column(String(10), default="worker", server_default="worker")
    """``worker``: the worker(s) applied (parties are 申请人); ``employer``: 用人单位申请调解 (parties are 被申请人)."""

    respondent: Mapped[Employer] = relationship(lazy="joined")
    mediator: Mapped[Mediator | None] = relationship()
    parties: Mapped[list[Party]] = relationship(back_populates="case", order_by="Party.position")
    claims: Mapped[list[Claim]] = relationship(back_populates="case", order_by="Claim.position")
    sessions: Mapped[list[MediationSession]] = relationship(order_by="MediationSession.seq")
    agreement: Mapped[Agreement | None] = relationship(back_populates="case", uselist=False)
    events: Mapped[list[CaseEvent]] = relationship(order_by="CaseEvent.seq")
    follow_ups: Mapped[list[FollowUp]] = relationship(order_by="FollowUp.visited_on")
    documents: Mapped[list[IssuedDocument]] = relationship(order_by="IssuedDocument.issued_at")


class Party(Synced, Base):
    """An applicant (劳动者) of a case, possibly an elected representative of a collective."""

    __tablename__ = "parties"

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    role: Mapped[str] = mapped_column(String(20), default="applicant")
    name: Mapped[str] = mapped_column(String(50), index=True)
    id_type: Mapped[str] = mapped_column(String(20), default="resident_id")
    id_number: Mapped[str | None] = mapped_column(String(30), index=True)
    sex: Mapped[str | None] = mapped_column(String(10))
    birth_date: Mapped[date | None] = mapped_column(Date)
    phone: Mapped[str | None] = mapped_column(String(30), index=True)
    address: Mapped[str | None] = mapped_column(String(300))
    is_representative: Mapped[bool] = mapped_column(Boolean, default=False)

    case: Mapped[Case] = relationship(back_populates="parties")


class Claim(Synced, Base):
    """请求事项: a category and the amount claimed."""

    __tablename__ = "claims"
    __table_args__ = (Index("ix_claims_stats", *CLAIM_STATS_COLUMNS),)

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    category: Mapped[str] = mapped_column(String(40))
    description: Mapped[str | None] = mapped_column(Text)
    amount_cents: Mapped[int] = mapped_column(BigInteger, default=0)

    case: Mapped[Case] = relationship(back_populates="claims")


class MediationSession(Synced, Base):
    """调解记录/笔录 of one session."""

    __tablename__ = "mediation_sessions"

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    held_on: Mapped[date] = mapped_column(Date)
    start_time: Mapped[str | None] = mapped_column(String(5))  # HH:MM
    end_time: Mapped[str | None] = mapped_column(String(5))
    place: Mapped[str | None] = mapped_column(String(100))
    mediators: Mapped[str | None] = mapped_column(String(200))
    recorder: Mapped[str | None] = mapped_column(String(50))
    attendees: Mapped[str | None] = mapped_column(Text)
    statements: Mapped[str | None] = mapped_column(Text)
    proposal: Mapped[str | None] = mapped_column(Text)
    result: Mapped[str | None] = mapped_column(Text)


class Agreement(Synced, Base):
    """调解协议 with the four signature facts of LDTJ art. 14."""

    __tablename__ = "agreements"
    __table_args__ = (Index("ix_agreements_stats", *AGREEMENT_STATS_COLUMNS),)

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), unique=True)
    content: Mapped[str | None] = mapped_column(Text)
    applicant_signed_on: Mapped[date | None] = mapped_column(Date)
    respondent_signed_on: Mapped[date | None] = mapped_column(Date)
    mediator_signed_on: Mapped[date | None] = mapped_column(Date)
    seal_applied_on: Mapped[date | None] = mapped_column(Date)
    effective_on: Mapped[date | None] = mapped_column(Date, index=True)
    agreed_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    arbitration_review: Mapped[bool] = mapped_column(Boolean, default=False)
    judicial_confirmation: Mapped[bool] = mapped_column(Boolean, default=False)
    payment_order: Mapped[bool] = mapped_column(Boolean, default=False)

    case: Mapped[Case] = relationship(back_populates="agreement")
    items: Mapped[list[AgreementItem]] = relationship(back_populates="agreement", order_by="AgreementItem.seq")
    shares: Mapped[list[AgreementShare]] = relationship(order_by="AgreementShare.seq")


class AgreementItem(Synced, Base):
    """One agreed item: obligation, payer, payee, amount, method, due date."""

    __tablename__ = "agreement_items"
    __table_args__ = (Index("ix_agreement_items_stats", *ITEM_STATS_COLUMNS),)

    agreement_id: Mapped[str] = mapped_column(ForeignKey("agreements.id"), index=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    obligation: Mapped[str] = mapped_column(Text)
    payer: Mapped[str] = mapped_column(String(200))
    payee: Mapped[str | None] = mapped_column(String(200))
    amount_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    method: Mapped[str | None] = mapped_column(String(30))
    due_on: Mapped[date | None] = mapped_column(Date, index=True)
    category: Mapped[str | None] = mapped_column(String(40))
    performed_on: Mapped[date | None] = mapped_column(Date)
    paid_cents: Mapped[int] = mapped_column(BigInteger, default=0)

    agreement: Mapped[Agreement] = relationship(back_populates="items")


class AgreementShare(Synced, Base):
    """One worker's amount and due date under a collective agreement (每人金额明细).

    Each worker can take the agreement to the court for a 支付令 (LDTJ art. 16) or to the
    arbitration commission for review only if it names what is owed to him or her; the shares
    add up to the agreed items' total.
    """

    __tablename__ = "agreement_shares"

    agreement_id: Mapped[str] = mapped_column(ForeignKey("agreements.id"), index=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    party_id: Mapped[str] = mapped_column(ForeignKey("parties.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    amount_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    due_on: Mapped[date | None] = mapped_column(Date)


class PerformanceRecord(Synced, Base):
    """履行情况: a performance of an agreed item."""

    __tablename__ = "performance_records"
    __table_args__ = (Index("ix_performance_records_stats", *PERFORMANCE_STATS_COLUMNS),)

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    item_id: Mapped[str] = mapped_column(ForeignKey("agreement_items.id"), index=True)
    performed_on: Mapped[date] = mapped_column(Date)
    amount_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    evidence: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)


class FollowUp(Synced, Base):
    """回访记录."""

    __tablename__ = "follow_ups"
    __table_args__ = (Index("ix_follow_ups_stats", *FOLLOW_UP_STATS_COLUMNS),)

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    visited_on: Mapped[date] = mapped_column(Date)
    person: Mapped[str | None] = mapped_column(String(100))
    method: Mapped[str | None] = mapped_column(String(20))
    performance_status: Mapped[str | None] = mapped_column(Text)
    satisfaction: Mapped[str | None] = mapped_column(String(20))
    risks: Mapped[str | None] = mapped_column(Text)
    measures: Mapped[str | None] = mapped_column(Text)


class CaseEvent(Synced, Base):
    """One entry of a case's history: an action with actor, time and note."""

    __tablename__ = "case_events"
    __table_args__ = (Index("ix_case_events_on_date_action", "on_date", "action"),)  # the dashboard's month

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(30))
    from_state: Mapped[str | None] = mapped_column(String(20))
    to_state: Mapped[str] = mapped_column(String(20))
    on_date: Mapped[date] = mapped_column(Date)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(50))
    note: Mapped[str | None] = mapped_column(Text)


class IssuedDocument(Synced, Base):
    """A printed 文书: type, number, time, issuer and content hash (re-printable)."""

    __tablename__ = "issued_documents"

    case_id: Mapped[str | None] = mapped_column(ForeignKey("cases.id"), index=True)
    org_id: Mapped[str | None] = mapped_column(ForeignKey("mediation_orgs.id"))
    doc_type: Mapped[str] = mapped_column(String(30))
    number: Mapped[str | None] = mapped_column(String(80))
    issued_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    issuer: Mapped[str] = mapped_column(String(50))
    content_hash: Mapped[str] = mapped_column(String(64))
    pages: Mapped[int] = mapped_column(Integer, default=1)
    snapshot: Mapped[str | None] = mapped_column(Text)
    subject: Mapped[str | None] = mapped_column(String(200))  # which session / delivery the paper is of


class Attachment(Synced, Base):
    """A stored file (scan, evidence, photo) referenced by its SHA-256."""

    __tablename__ = "attachments"

    case_id: Mapped[str | None] = mapped_column(ForeignKey("cases.id"), index=True)
    owner_table: Mapped[str | None] = mapped_column(String(40))
    owner_id: Mapped[str | None] = mapped_column(String(36))
    title: Mapped[str] = mapped_column(String(200))
    doc_type: Mapped[str | None] = mapped_column(String(30))
    filename: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(BigInteger)
    mime: Mapped[str | None] = mapped_column(String(100))
    pages: Mapped[int] = mapped_column(Integer, default=1)


# ---------------------------------------------------------------- local (not exchanged)


class User(Base):
    """A login of this station with its role; the password is an argon2id hash."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(50), unique=True)
    display_name: Mapped[str] = mapped_column(String(50))
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime)
    mediator_id: Mapped[str | None] = mapped_column(String(36))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")


class Setting(Base):
    """One station setting as JSON text."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Counter(Base):
    """Named counters: the station change sequence, yearly case numbers, archive numbers."""

    __tablename__ = "counters"

    name: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


class AuditEntry(Base):
    """Append-only, hash-chained audit log (one entry per user action)."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(50))
    action: Mapped[str] = mapped_column(String(60))
    entity: Mapped[str | None] = mapped_column(String(40))
    entity_id: Mapped[str | None] = mapped_column(String(80))
    summary: Mapped[str] = mapped_column(Text, default="")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)


# ---------------------------------------------------------------- action plan: monitoring and early warning


class WarningLead(Synced, Base):
    """线索: one early-warning signal raised by a monitoring rule (core/warnings.py) and its handling.

    ``rule`` and ``subject`` name what was signalled (e.g. repeat disputes against one employer);
    ``evidence`` is a digest of the facts, so a rescan neither duplicates an open lead nor re-raises
    a closed one for the same facts.
    """

    __tablename__ = "warning_leads"

    rule: Mapped[str] = mapped_column(String(30), index=True)
    subject: Mapped[str] = mapped_column(String(120), index=True)
    level: Mapped[str] = mapped_column(String(10))
    title: Mapped[str] = mapped_column(String(200))
    detail: Mapped[str | None] = mapped_column(Text)
    evidence: Mapped[str] = mapped_column(String(64))
    employer_id: Mapped[str | None] = mapped_column(ForeignKey("employers.id"), index=True)
    key_enterprise_id: Mapped[str | None] = mapped_column(ForeignKey("key_enterprises.id"))
    case_id: Mapped[str | None] = mapped_column(ForeignKey("cases.id"))
    raised_on: Mapped[date] = mapped_column(Date, index=True)
    due_on: Mapped[date | None] = mapped_column(Date)
    owner: Mapped[str | None] = mapped_column(String(50))
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)
    closed_on: Mapped[date | None] = mapped_column(Date)
    outcome: Mapped[str | None] = mapped_column(Text)


class WarningAction(Synced, Base):
    """One follow-up record of a lead: assignment, 跟进, closing, dismissal or reopening."""

    __tablename__ = "warning_actions"

    lead_id: Mapped[str] = mapped_column(ForeignKey("warning_leads.id"), index=True)
    on_date: Mapped[date] = mapped_column(Date)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(50))
    action: Mapped[str] = mapped_column(String(20))
    owner: Mapped[str | None] = mapped_column(String(50))
    note: Mapped[str | None] = mapped_column(Text)


# ---------------------------------------------------------------- action plan: 选树 (selection of exemplars)


class Selection(Synced, Base):
    """One nomination in a 选树 workflow (core/selection.py): a register record or a case, a year,
    its status through review and decision, and who decided when."""

    __tablename__ = "selections"

    kind: Mapped[str] = mapped_column(String(30), index=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    subject_kind: Mapped[str] = mapped_column(String(20))
    subject_name: Mapped[str] = mapped_column(String(200))
    coordinator_id: Mapped[str | None] = mapped_column(ForeignKey("coordinators.id"), index=True)
    social_org_id: Mapped[str | None] = mapped_column(ForeignKey("social_orgs.id"), index=True)
    org_id: Mapped[str | None] = mapped_column(ForeignKey("mediation_orgs.id"), index=True)
    mediator_id: Mapped[str | None] = mapped_column(ForeignKey("mediators.id"), index=True)
    case_id: Mapped[str | None] = mapped_column(ForeignKey("cases.id"), index=True)
    nominated_on: Mapped[date] = mapped_column(Date)
    nominated_by: Mapped[str] = mapped_column(String(50))
    reason: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="nominated", index=True)
    reviewed_on: Mapped[date | None] = mapped_column(Date)
    reviewed_by: Mapped[str | None] = mapped_column(String(50))
    review_note: Mapped[str | None] = mapped_column(Text)
    decided_on: Mapped[date | None] = mapped_column(Date, index=True)
    decided_by: Mapped[str | None] = mapped_column(String(50))
    decision_note: Mapped[str | None] = mapped_column(Text)


class SelectionCheck(Synced, Base):
    """One criterion of a nomination as checked: the quoted criterion, 符合/不符合, a note."""

    __tablename__ = "selection_checks"

    selection_id: Mapped[str] = mapped_column(ForeignKey("selections.id"), index=True)
    code: Mapped[str] = mapped_column(String(30))
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(String(60))
    result: Mapped[str] = mapped_column(String(10), default="unchecked")
    note: Mapped[str | None] = mapped_column(Text)
    checked_on: Mapped[date | None] = mapped_column(Date)
    checked_by: Mapped[str | None] = mapped_column(String(50))


SYNCED_MODELS: tuple[type[Synced], ...] = (
    Employer,
    MediationOrg,
    Attachment,
    ChecklistItem,
    Mediator,
    Coordinator,
    SocialOrg,
    KeyEnterprise,
    EnterpriseVisit,
    LayoffPlan,
    NewEnterprise,
    Cultivation,
    NegotiationInstructor,
    PersonTraining,
    PersonAssessment,
    CoordinatorEnterprise,
    OrgSupervision,
    SocialOrgWork,
    SocialOrgEvaluation,
    Case,
    Party,
    Claim,
    MediationSession,
    Agreement,
    AgreementItem,
    AgreementShare,
    PerformanceRecord,
    FollowUp,
    CaseEvent,
    IssuedDocument,
    WarningLead,
    WarningAction,
    Selection,
    SelectionCheck,
)


class ExchangeDigest(Base):
    """The exchange digest kept up to date with every write (storage/digest.py).

    One row per (origin, exchanged table): how many rows of that origin the table holds and
    the sum of their (table, id, version) hashes mod 2^256 as 64 hex digits.  The row with
    origin and table ``*`` marks the digest as maintained; without it the next reader rebuilds.
    """

    __tablename__ = "exchange_digests"

    origin: Mapped[str] = mapped_column(String(32), primary_key=True)
    table_name: Mapped[str] = mapped_column(String(40), primary_key=True)
    rows: Mapped[int] = mapped_column(BigInteger, default=0)
    digest: Mapped[str] = mapped_column(String(64))


class CaseSearchText(Base):
    """One line of searchable text per case; on SQLite an FTS5 trigram index follows it."""

    __tablename__ = "case_search_text"

    rid: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[str] = mapped_column(String(36), unique=True)
    body: Mapped[str] = mapped_column(Text)


# ---------------------------------------------------------------- exchange bookkeeping (local, not exchanged)


class ExchangePeer(Base):
    """A station this one exchanges packages with: its public card and how far the exchange got.

    A township holds one row, its district (``status`` ``trusted``).  A district holds one row
    per township: ``trusted`` once enrolled, ``pending`` while a first package waits for the
    admin to compare fingerprints.  ``epoch``/``last_sequence`` follow the peer's package
    numbering (replays and gaps), ``last_receipt_*`` the receipts exchanged with it.
    """

    __tablename__ = "exchange_peers"

    unit_code: Mapped[str] = mapped_column(String(32), primary_key=True)
    role: Mapped[str] = mapped_column(String(20))
    unit_name: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(20))
    fingerprint: Mapped[str] = mapped_column(String(40))
    age_recipient: Mapped[str] = mapped_column(String(100))
    sign_key: Mapped[str] = mapped_column(String(64))
    card: Mapped[str] = mapped_column(Text)
    previous_fingerprints: Mapped[str] = mapped_column(Text, default="[]")
    trusted_at: Mapped[datetime | None] = mapped_column(DateTime)
    trusted_by: Mapped[str | None] = mapped_column(String(50))
    epoch: Mapped[int] = mapped_column(Integer, default=0)
    epoch_base: Mapped[int] = mapped_column(BigInteger, default=0)
    last_sequence: Mapped[int] = mapped_column(Integer, default=0)
    last_package_id: Mapped[str | None] = mapped_column(String(36))
    last_received_at: Mapped[datetime | None] = mapped_column(DateTime)
    gaps: Mapped[str] = mapped_column(Text, default="[]")
    last_receipt_sequence: Mapped[int] = mapped_column(Integer, default=0)
    last_receipt_at: Mapped[datetime | None] = mapped_column(DateTime)


class ExchangePackage(Base):
    """Every package written (``out``) or applied/held (``in``) by this station.

    ``created_at`` is the sender's clock, kept as data; ``recorded_at`` is this station's own
    time of export or receipt.  For exported change packages ``digest``/``table_counts`` are
    what the district should hold once it applied the package; for receipts, what it holds.
    """

    __tablename__ = "exchange_packages"
    __table_args__ = (Index("ix_exchange_packages_peer_sequence", "direction", "peer", "epoch", "sequence"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    direction: Mapped[str] = mapped_column(String(3))
    kind: Mapped[str] = mapped_column(String(20))
    peer: Mapped[str] = mapped_column(String(32))
    sequence: Mapped[int] = mapped_column(Integer)
    epoch: Mapped[int] = mapped_column(Integer, default=1)
    epoch_base: Mapped[int] = mapped_column(BigInteger, default=0)
    change_from: Mapped[int] = mapped_column(BigInteger, default=0)
    change_to: Mapped[int] = mapped_column(BigInteger, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    recorded_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    status: Mapped[str] = mapped_column(String(20))
    row_counts: Mapped[str] = mapped_column(Text, default="{}")
    summary: Mapped[str] = mapped_column(Text, default="{}")
    digest: Mapped[str | None] = mapped_column(String(64))
    table_counts: Mapped[str] = mapped_column(Text, default="{}")
    audit_head: Mapped[str | None] = mapped_column(String(64))
    based_on: Mapped[str | None] = mapped_column(String(36))
    file_name: Mapped[str | None] = mapped_column(String(255))
    sha256: Mapped[str | None] = mapped_column(String(64))
    acknowledged_at: Mapped[datetime | None] = mapped_column(DateTime)
    acknowledged_by: Mapped[str | None] = mapped_column(String(36))


class ExchangeConflict(Base):
    """A row the district did not overwrite: both versions kept for a person to decide."""

    __tablename__ = "exchange_conflicts"
    __table_args__ = (Index("ix_exchange_conflicts_origin_status", "origin", "status"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    origin: Mapped[str] = mapped_column(String(32))
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(36), index=True)
    package_id: Mapped[str] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(Text)
    stored: Mapped[str] = mapped_column(Text)
    incoming: Mapped[str | None] = mapped_column(Text)
    fingerprint: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(20), default="open")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime)
    resolved_by: Mapped[str | None] = mapped_column(String(50))


class ExchangeQuarantine(Base):
    """A row of a package that failed validation, kept with its reason (the rest was applied)."""

    __tablename__ = "exchange_quarantine"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    package_id: Mapped[str] = mapped_column(String(36), index=True)
    origin: Mapped[str] = mapped_column(String(32))
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str | None] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text)
    raw: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="open")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ExchangeEpoch(Base):
    """One numbering era of this station: a restore from backup starts a new one."""

    __tablename__ = "exchange_epochs"

    epoch: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    started_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    base_change_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    reason: Mapped[str] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(Text)


class ExchangeCode(Base):
    """A code-table addition received from the district in a reference package."""

    __tablename__ = "exchange_codes"

    table_name: Mapped[str] = mapped_column(String(40), primary_key=True)
    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    label: Mapped[str] = mapped_column(String(100))
    package_id: Mapped[str] = mapped_column(String(36))
    added_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


def model_for_table(table: str) -> type[Base]:
    """The mapped class of ``table`` (how a register's spec in ``core/ledgers.py`` finds its rows)."""
    for mapper in Base.registry.mappers:
        if getattr(mapper.class_, "__tablename__", None) == table:
            return mapper.class_
    raise KeyError(table)
