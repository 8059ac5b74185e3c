"""Fill a station with realistic synthetic data, fast enough for 100,000 cases.

Rows are written with Core bulk inserts in one transaction (the ORM would take minutes),
so this module stamps the sync columns itself: one ``change_seq`` for the whole batch,
``version`` 1, the station's origin.  Every case is internally consistent: its state
follows from dated events that all lie before today, agreements carry the four signature
facts, archived cases have archive numbers, and counters continue after the demo.

The rows are made from a :class:`_Plan` without the database (``_produce``), so a worker
process (services/demo/worker.py) can make them while this process inserts; the case tables'
rows are made directly as the driver's tuples (:data:`DIRECT`), and a seed always gives the
same demo (tests/e2e/test_demo_bulk.py holds it to the generator before issue 12's session 5).
"""

from __future__ import annotations

import itertools
import os
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, cast

from sqlalchemy import Boolean, Column, Connection, Date, DateTime, Dialect, Table, select, update
from sqlalchemy.orm import Session

from hexie_desktop.core import codes, ids, numbering, states
from hexie_desktop.core.errors import UserError
from hexie_desktop.core.i18n import _
from hexie_desktop.services import selection, settings, warnings
from hexie_desktop.services.context import Context
from hexie_desktop.services.demo import names, worker
from hexie_desktop.services.demo.draws import Draws, Weights
from hexie_desktop.storage import digest as kept_digest
from hexie_desktop.storage import search
from hexie_desktop.storage.db import CHANGE_SEQ, large_cache
from hexie_desktop.storage.models import (
    Agreement,
    AgreementItem,
    AgreementShare,
    Case,
    CaseEvent,
    CaseSearchText,
    ChecklistItem,
    Claim,
    Coordinator,
    CoordinatorEnterprise,
    Counter,
    Cultivation,
    Employer,
    EnterpriseVisit,
    FollowUp,
    KeyEnterprise,
    LayoffPlan,
    MediationOrg,
    MediationSession,
    Mediator,
    NegotiationInstructor,
    NewEnterprise,
    OrgSupervision,
    Party,
    PerformanceRecord,
    PersonAssessment,
    PersonTraining,
    Selection,
    SocialOrg,
    SocialOrgEvaluation,
    SocialOrgWork,
    utcnow,
)

MAX_CASES = 1_000_000
_DEMO_TRAININGS = (_("劳动争议调解业务培训"), _("劳动合同法实务"), _("集体协商实务"), _("调解文书制作"),
                   _("根治欠薪政策解读"))
BATCH = 5000
DEFER_INDEXES_FROM = 2000  # cases; fewer are written faster with the indexes in place
WORKER_FROM = 10_000  # cases; fewer are made faster here than a worker process starts
CATEGORY_WEIGHTS = (
    ("wages", 46), ("contract_termination", 16), ("double_wages", 8), ("social_insurance", 9),
    ("work_injury", 7), ("labor_relation", 6), ("rest_leave", 3), ("welfare_training_protection", 2), ("other", 3),
)
SOURCE_WEIGHTS = (("application", 55), ("oral", 30), ("arbitration_entrusted", 8), ("court_entrusted", 3),
                  ("proactive", 4))
_CATEGORIES, _SOURCES = Weights(CATEGORY_WEIGHTS), Weights(SOURCE_WEIGHTS)
_OUTCOMES = Weights((("agree", 62), ("fail", 20), ("withdraw", 10), ("reject", 8)))


@dataclass(frozen=True)
class DemoReport:
    """What the generator wrote."""

    cases: int
    employers: int
    registry_rows: int
    seconds: float


class _Rows:
    """Buffers of rows per model, flushed in bulk with the sync columns of the whole batch."""

    def __init__(self, origin: str, seq: int, dialect: Dialect) -> None:
        self.dialect = dialect
        self.stamp = {"origin": origin, "version": 1, "change_seq": seq, "updated_at": utcnow(), "deleted": False}
        self.buffers: dict[type, list[dict]] = {}
        self.direct: dict[type, list[tuple]] = {model: [] for model in DIRECT}
        """Rows of the :data:`DIRECT` models, already as tuples in their key order (the hottest tables)."""
        self.count = 0
        self.ids = IdSequence()

    def add(self, model: type, **values: object) -> str:
        """Buffer one row of ``model`` and return its id."""
        if "id" not in values:
            values["id"] = self.ids.next()
        rows = self.buffers.get(model)
        if rows is None:
            rows = self.buffers[model] = []
        rows.append(values)
        self.count += 1
        return values["id"]  # type: ignore[return-value]

    # Parents before children, in the order of the foreign keys.
    ORDER = (Employer, MediationOrg, ChecklistItem, Mediator, Coordinator, SocialOrg, KeyEnterprise,
             EnterpriseVisit, LayoffPlan, NewEnterprise, Cultivation, NegotiationInstructor, PersonTraining,
             PersonAssessment, CoordinatorEnterprise, OrgSupervision, SocialOrgWork, SocialOrgEvaluation, Case,
             Party, Claim, MediationSession, Agreement, AgreementItem, AgreementShare, PerformanceRecord, FollowUp,
             CaseEvent)

    def take(self) -> list[Insert]:
        """The inserts of the buffered rows, table by table (the buffers are emptied)."""
        out: list[Insert] = []
        for model in self.ORDER:
            rows = self.buffers.pop(model, None)
            if rows:
                out.append(_insert(model, rows, self.stamp, self.dialect))
            tuples = self.direct.get(model)
            if tuples:
                out.append(_insert_direct(model, tuples, self.stamp, self.dialect))
                self.direct[model] = []
        return out


class IdSequence:
    """Row ids of one demo run: UUID-shaped text, a random prefix per run and a counter after it.

    Random UUIDs land at random places of every id index (and of the ``case_id`` indexes that
    repeat them), which made the bulk load page through the whole file; ids that grow within a
    run are appended at the end of those indexes instead.  The 60 random bits of the prefix keep
    ids of different runs and stations apart (an exchanged id must be unique across a district);
    the counter part carries the RFC 4122 variant bits, the prefix the version 4 nibble.
    """

    def __init__(self) -> None:
        prefix = int.from_bytes(os.urandom(8), "big") & ~(0xF << 12) | (0x4 << 12)
        head = f"{prefix:016x}"
        self.next: Callable[[], str] = map(f"{head[:8]}-{head[8:12]}-{head[12:16]}-8000-{{:012x}}".format,
                                           itertools.count(1)).__next__
        """The next id of this run (``xxxxxxxx-xxxx-4xxx-8000-nnnnnnnnnnnn``, growing)."""


def _table(model: Any) -> Table:
    """The table of a mapped model."""
    return cast(Table, model.__table__)


_TABLES = {_table(model).name: _table(model) for model in (*_Rows.ORDER, CaseSearchText)}


class _Memo(dict):
    """``convert(value)`` remembered per distinct value (the demo has a few thousand distinct dates)."""

    def __init__(self, convert: Callable[[Any], object]) -> None:
        super().__init__({None: None})
        self.convert = convert

    def __missing__(self, value: Any) -> object:
        out = self[value] = self.convert(value)
        return out


def _sqlite_value(column: Column, dialect: Dialect) -> Callable[[object], object] | None:
    """How a Python value of ``column`` is stored by SQLite, as SQLAlchemy would store it (None: as it is)."""
    kind = column.type
    if isinstance(kind, DateTime):  # SQLAlchemy's SQLite format: 2026-12-04 09:00:00.000000
        return _Memo(lambda v: v.isoformat(" ", "microseconds")).__getitem__
    if isinstance(kind, Date):
        return _Memo(lambda v: v.isoformat()).__getitem__
    if isinstance(kind, Boolean):  # the driver stores True/False as 1/0 itself
        return None
    return kind.bind_processor(dialect)


DIRECT: dict[type, tuple[str, ...]] = {
    Case: ("number", "year", "seq", "state", "source", "received_on", "infringement_known_on", "facts", "evidence",
           "main_category", "collective", "workers", "respondent_id", "org_id", "mediator_id", "claimed_cents",
           "accepted_on", "approver", "rejected_on", "rejection_reason", "mediation_extended_until", "failed_on",
           "failure_reason", "withdrawn_on", "defaulted_on", "decision_note", "closed_on", "closing_reason",
           "archive_number", "archive_seq", "archived_on", "retention_years", "archive_catalog", "created_by",
           "grade_override", "grade_reason", "major_reported_on", "employer_type", "industry", "applicant_side",
           "id"),
    Party: ("case_id", "position", "role", "name", "id_type", "id_number", "sex", "birth_date", "phone", "address",
            "is_representative", "id"),
    CaseEvent: ("case_id", "seq", "action", "from_state", "to_state", "on_date", "at", "actor", "note", "id"),
    Claim: ("case_id", "position", "category", "description", "amount_cents", "id"),
    MediationSession: ("case_id", "seq", "held_on", "start_time", "end_time", "place", "mediators", "recorder",
                       "attendees", "statements", "proposal", "result", "id"),
    AgreementShare: ("agreement_id", "case_id", "party_id", "seq", "amount_cents", "due_on", "id"),
    Agreement: ("case_id", "content", "applicant_signed_on", "respondent_signed_on", "mediator_signed_on",
                "seal_applied_on", "effective_on", "agreed_cents", "arbitration_review", "judicial_confirmation",
                "payment_order", "id"),
    AgreementItem: ("agreement_id", "case_id", "seq", "obligation", "payer", "payee", "amount_cents", "method",
                    "due_on", "category", "performed_on", "paid_cents", "id"),
    PerformanceRecord: ("case_id", "item_id", "performed_on", "amount_cents", "evidence", "note", "id"),
    FollowUp: ("case_id", "visited_on", "person", "method", "performance_status", "satisfaction", "risks",
               "measures", "id"),
}
"""The models whose rows the generator makes as tuples of these keys (every column but the sync stamp).

On SQLite the values are already as stored (dates as ISO text); on other databases Python values.
"""

Insert = tuple[str, str, list]
"""One executemany: ``("sql", statement, row tuples)`` for the SQLite driver, else ``("core", table, row dicts)``."""


def _insert(model: type, rows: list[dict], stamp: dict[str, object], dialect: Dialect) -> Insert:
    """The executemany of ``rows`` (plus the ``stamp`` columns); on SQLite straight for the driver."""
    if dialect.name != "sqlite":
        return "core", _table(model).name, _uniform(model, [{**row, **stamp} for row in rows])
    statement, tuples = _sqlite_rows(model, rows, stamp, dialect)
    return "sql", statement, tuples


def _insert_direct(model: type, tuples: list[tuple], stamp: dict[str, object], dialect: Dialect) -> Insert:
    """The executemany of rows made as tuples of ``DIRECT[model]`` (plus the ``stamp`` columns as literals)."""
    keys = DIRECT[model]
    columns = {c.key: c for c in _table(model).columns}
    if set(keys) | set(stamp) != set(columns):  # a new column must be given a value here, not left out silently
        raise RuntimeError(f"demo rows of {_table(model).name} do not match its columns")
    if dialect.name != "sqlite":
        return "core", _table(model).name, [{**dict(zip(keys, row, strict=True)), **stamp} for row in tuples]
    slots = ["?"] * len(keys)
    for key, value in stamp.items():
        convert = _sqlite_value(columns[key], dialect)
        slots.append(_literal(convert(value) if convert else value))
    names = ", ".join(f'"{columns[key].name}"' for key in (*keys, *stamp))
    return "sql", f'INSERT INTO "{_table(model).name}" ({names}) VALUES ({", ".join(slots)})', tuples


def _write(conn: Connection, inserts: list[Insert]) -> None:
    """Run ``inserts`` on ``conn``, in order."""
    for kind, target, rows in inserts:
        if kind == "sql":
            conn.exec_driver_sql(target, rows)
        else:
            conn.execute(_TABLES[target].insert(), rows)


def _sqlite_rows(model: type, rows: list[dict], stamp: dict[str, object],
                 dialect: Dialect) -> tuple[str, list[tuple]]:
    """The INSERT of ``model`` and ``rows`` as the SQLite driver takes them (values as SQLAlchemy stores them).

    SQLAlchemy's per-row work took most of the time, so each row's values are read in one
    ``map`` over the column keys, transposed into one list per column, converted a column at a
    time (each distinct date once) and zipped back into row tuples.  A missing key takes the
    column's scalar default, as before.  A value the same in every row (the sync stamp, a
    column empty in the whole batch) is written into the statement as a literal instead of
    being bound once per row: the same stored value, less work for both Python and SQLite.
    """
    columns = list(_table(model).columns)
    own = [c for c in columns if c.key not in stamp]
    keys = [c.key for c in own]
    by_key = dict(zip(keys, zip(*[tuple(map(row.get, keys)) for row in rows], strict=True), strict=True))
    count = len(rows)
    slots: list[str] = []
    values: list[Any] = []
    for column in columns:
        convert = _sqlite_value(column, dialect)
        key = column.key
        if key in stamp:
            slots.append(_literal(convert(stamp[key]) if convert else stamp[key]))
            continue
        default = column.default.arg if column.default is not None and column.default.is_scalar else None
        raw: Any = by_key[key] if default is None else [row.get(key, default) for row in rows]
        if raw.count(None) == count:  # empty in the whole batch (None is stored as NULL, never converted)
            slots.append("NULL")
            continue
        slots.append("?")
        values.append(list(map(convert, raw)) if convert else raw)
    names = ", ".join(f'"{c.name}"' for c in columns)
    statement = f'INSERT INTO "{_table(model).name}" ({names}) VALUES ({", ".join(slots)})'
    return statement, list(zip(*values, strict=True)) if values else [()] * count


def _literal(value: object) -> str:
    """``value`` as an SQLite literal that stores what binding it would store (None, bool, int or str only)."""
    if value is None:
        return "NULL"
    if isinstance(value, bool | int):
        return str(int(value))
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    raise TypeError(f"no literal for {type(value).__name__}")


def _uniform(model: type, rows: list[dict]) -> list[dict]:
    """Give every row the same keys (column defaults where missing) so one executemany inserts them."""
    columns = _table(model).columns
    defaults = {c.key: (c.default.arg if c.default is not None and c.default.is_scalar else None) for c in columns}
    keys = set().union(*rows)
    missing = {k: defaults[k] for k in defaults if k not in keys}
    for row in rows:
        for key in keys:
            row.setdefault(key, defaults[key])
        row.update(missing)
    return rows


def _station_region(unit_code: str) -> str:
    region = unit_code[:6]
    return region if region in ids.REGIONS else "110105"


def _regions_near(unit_code: str) -> list[str]:
    prefix = unit_code[:4]
    near = [code for code in ids.REGIONS if code.startswith(prefix) and not code.endswith("00")]
    return near or [_station_region(unit_code)]


class _Generator:
    """Makes the rows of one demo from its :class:`_Plan`; needs no database (it may run in a worker process)."""

    def __init__(self, plan: _Plan, dialect: Dialect) -> None:
        self.rng = random.Random(plan.seed)
        self.draw = Draws(self.rng)
        self.today = plan.today
        self.rows = _Rows(plan.origin, plan.seq, dialect)
        self.dialect = dialect
        self.unit_name = plan.unit_name
        self.short = plan.short_name
        self.town = self.short if self.short.endswith(("镇", "乡", "街道")) else self.short + "镇"
        self.regions = _regions_near(plan.origin)
        self.region = _station_region(plan.origin)
        self.case_pattern = plan.case_pattern
        self.archive_pattern = plan.archive_pattern
        self.seq_by_year: dict[int, int] = dict(plan.cases_by_year)
        self.employer_facts: dict[str, tuple[str | None, str | None]] = {}  # id → (type, industry) for case snapshots
        self.archive_by_year: dict[int, int] = dict(plan.archives_by_year)
        self.day_texts: dict[date, tuple[object, object]] = {}
        self.search_rows: list[tuple[str, str]] = []
        self.id_serial = 0

    def day_text(self, day: date) -> tuple[object, object]:
        """``day`` and 09:00 of it as a :data:`DIRECT` row stores them (ISO text on SQLite), once per distinct day."""
        out = self.day_texts.get(day)
        if out is None:
            at = datetime.combine(day, datetime.min.time()) + timedelta(hours=9)
            out = (day.isoformat(), at.isoformat(" ", "microseconds")) if self.dialect.name == "sqlite" else (day, at)
            self.day_texts[day] = out
        return out

    # -- people and employers

    def resident_id(self, birth: date, female: bool) -> str:
        self.id_serial += 1
        sequence = (self.id_serial * 2 + (0 if female else 1)) % 1000
        if female and sequence % 2:
            sequence = (sequence + 1) % 1000
        if not female and sequence % 2 == 0:
            sequence = (sequence + 1) % 1000
        return ids.make_resident_id(self.draw.pick(self.regions), birth, sequence)

    def credit_code(self) -> str:
        body = "91" + self.region + "".join(self.rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(9))
        return ids.make_credit_code(body)

    def employers(self, count: int) -> list[tuple[str, str, str]]:
        out = []
        seen: set[str] = set()
        for _i in range(count):
            name, industry = names.company_name(self.draw, self.town)
            if name in seen:
                name = name.replace("有限", f"第{len(seen) % 9 + 1}分公司有限", 1)
            seen.add(name)
            code = self.credit_code()
            eid = self.rows.add(
                Employer, name=name, credit_code=code, address=names.address(self.draw, self.town),
                legal_representative=names.person_name(self.draw), phone=names.landline(self.rng.randint(10, 999), self.rng.randint(2000000, 89999999))
                if self.rng.random() < 0.5 else names.mobile(self.draw),
                employer_type=(employer_type := self.rng.choice(
                    ("private", "private", "private", "individual", "foreign", "state_owned"))),
                industry=industry, employees=self.rng.randint(5, 800), division_code=None,
            )
            out.append((eid, name, code))
            self.employer_facts[eid] = (employer_type, industry)
        return out

    # -- registries and ledgers

    def registries(self, employers: list[tuple[str, str, str]]) -> list[tuple[str, str]]:
        rng, draw = self.rng, self.draw
        org_id = self.rows.add(
            MediationOrg, name=self.unit_name, org_type="township_center", code=None,
            address=names.address(draw, self.town), founding_document=f"{self.short}政发〔2023〕12号",
            founded_on=date(2023, 3, 1), has_seal=True, premises=_("调解室2间、接待室1间"),
            head=names.person_name(draw), phones=names.mobile(draw), staff_full_time=3, staff_part_time=6,
            enterprises_covered=len(employers), status="active",
        )
        for position, (group, code, title) in enumerate(codes.DEFAULT_CHECKLIST):
            met = rng.random() < 0.8
            self.rows.add(ChecklistItem, org_id=org_id, group=group, item_code=code, title=title, position=position,
                          status="met" if met else "not_met", checked_on=self.today - timedelta(days=rng.randint(5, 200)),
                          note=None if met else _("待整改"))
        for kind in ("enterprise_committee", "peoples_mediation", "industry"):
            self.rows.add(MediationOrg, name=f"{self.town}{rng.choice(names.COMPANY_WORDS)}{codes.ORG_TYPES[kind]}",
                          org_type=kind, address=names.address(draw, self.town), head=names.person_name(draw),
                          phones=names.mobile(draw), staff_full_time=rng.randint(0, 2), staff_part_time=rng.randint(2, 6),
                          enterprises_covered=rng.randint(1, 40), has_seal=rng.random() < 0.7, status="active")
        mediators = []
        for _i in range(8):
            female = rng.random() < 0.5
            birth = date(rng.randint(1965, 1995), rng.randint(1, 12), rng.randint(1, 28))
            name = names.person_name(draw)
            mid = self.rows.add(
                Mediator, name=name, id_number=self.resident_id(birth, female), sex="female" if female else "male",
                birth_date=birth, phone=names.mobile(draw), org_id=org_id,
                employment_mode=rng.choice(("full_time", "part_time")), term_start=date(2024, 1, 1),
                term_end=date(2026, 12, 31), certificate_no=f"TJY{rng.randint(100000, 999999)}",
                trainings=None, assessments=None, status="active",
            )
            mediators.append((mid, name))
        self.coordinator_ids: list[str] = []
        for _i in range(60):
            female = rng.random() < 0.5
            birth = date(rng.randint(1970, 1998), rng.randint(1, 12), rng.randint(1, 28))
            employer = rng.choice(employers)
            self.coordinator_ids.append(self.rows.add(
                Coordinator, name=names.person_name(draw), id_number=self.resident_id(birth, female),
                sex="female" if female else "male", birth_date=birth, phone=names.mobile(draw),
                coordinator_type=rng.choice(("enterprise", "enterprise", "public_platform", "social_org")),
                employer_id=employer[0], division_code=(self._division()), position=rng.choice(("人事专员", "工会主席", "网格员")),
                employment_mode=rng.choice(("full_time", "part_time")),
                skill_level=rng.choice(("level4", "level3", "level2", "practitioner", "none")),
                certificate_no=f"{rng.randint(10**11, 10**12 - 1)}", certificate_issuer=_("人力资源和社会保障部门"),
                certificate_date=date(rng.randint(2018, 2025), rng.randint(1, 12), 1),
                years_in_work=rng.randint(1, 20), enterprises_covered=rng.randint(1, 30),
                honours=_("金牌劳动关系协调员") if rng.random() < 0.05 else None, status="active",
                registered_on=date(rng.randint(2019, 2025), rng.randint(1, 12), 1),
            ))
        self.social_org_ids: list[str] = []
        for i in range(5):
            self.social_org_ids.append(self.rows.add(SocialOrg, name=f"{self.town}{rng.choice(names.COMPANY_WORDS)}劳动关系服务中心{i + 1}",
                          credit_code=ids.make_credit_code("52" + self.region + f"{rng.randint(10**8, 10**9 - 1)}"),
                          org_kind=_("民办非企业单位"), staff=rng.randint(3, 30),
                          services=_("劳动法律咨询、协调劳动关系、调解"), industry="O", scale=_("小型"), status="active"))
        for employer in rng.sample(employers, min(20, len(employers))):
            last, now = rng.randint(50, 900), 0
            now = max(10, last + rng.randint(-120, 40))
            kid = self.rows.add(KeyEnterprise, employer_id=employer[0], industry="C", employees_last_year_end=last,
                                employees_now=now, stable_job_policies=_("稳岗返还、以工代训"),
                                risk_level=rng.choice(("low", "medium", "high")), note=None)
            for _v in range(rng.randint(1, 4)):
                visited = self.today - timedelta(days=rng.randint(1, 300))
                self.rows.add(EnterpriseVisit, key_enterprise_id=kid, visited_on=visited,
                              method=rng.choice(list(codes.VISIT_METHODS)), content=_("用工指导，劳动合同签订检查"),
                              staff=names.person_name(draw), next_visit_on=visited + timedelta(days=90))
            if now < last:
                planned = last - now
                self.rows.add(LayoffPlan, key_enterprise_id=kid, planned=planned, actual=max(0, planned - rng.randint(0, 5)),
                              positions=_("生产线操作工"), threshold_met=planned >= 20 or planned * 10 >= last,
                              notice_on=self.today - timedelta(days=rng.randint(30, 120)),
                              reported_on=self.today - timedelta(days=rng.randint(1, 29)),
                              compensation_standard=_("按工作年限每满一年支付一个月工资"),
                              ability_to_pay=rng.choice((_("具备支付能力"), _("需分期支付"))))
        for employer in rng.sample(employers, min(30, len(employers))):
            self.rows.add(NewEnterprise, employer_id=employer[0],
                          registered_on=self.today - timedelta(days=rng.randint(10, 360)), industry="F",
                          expected_headcount=rng.randint(3, 120),
                          first_contact_on=self.today - timedelta(days=rng.randint(1, 9)),
                          services=_("劳动合同示范文本、用工政策宣讲"), follow_ups=None)
        for employer in rng.sample(employers, min(10, len(employers))):
            self.rows.add(Cultivation, employer_id=employer[0], year=self.today.year, plan=_("和谐劳动关系企业创建"),
                          visits=_("季度走访"), result=rng.choice(("pending", "met", "not_met")))
        self.structured(employers, mediators, org_id)
        return mediators

    def structured(self, employers: list[tuple[str, str, str]], mediators: list[tuple[str, str]], org_id: str) -> None:
        """The structured registers of issue 14.3, from their own random stream (the rest of the demo is unchanged)."""
        rng = random.Random(f"{self.region}-{self.today.isoformat()}-structured")
        draw = Draws(rng)
        for mid, _name in mediators:
            for year in (2025, 2026):
                day = date(year, rng.randint(3, 9), rng.randint(1, 28))
                self.rows.add(PersonTraining, mediator_id=mid, trained_on=day, hours=rng.choice((8, 16, 24)),
                              subject=rng.choice(_DEMO_TRAININGS), provider=_("区劳动人事争议仲裁院"))
            self.rows.add(PersonAssessment, mediator_id=mid, year=2025,
                          result=rng.choice(("excellent", "qualified", "qualified", "basic")), assessor=_("区人社局"))
        for cid in rng.sample(self.coordinator_ids, min(20, len(self.coordinator_ids))):
            day = date(2026, rng.randint(1, 10), rng.randint(1, 28))
            self.rows.add(PersonTraining, coordinator_id=cid, trained_on=day, hours=rng.choice((8, 16)),
                          subject=rng.choice(_DEMO_TRAININGS), provider=_("区总工会"))
        # Large and medium enterprises mostly have a coordinator; the township's coordinators cover its area.
        for row in self.rows.buffers.get(Employer, []):
            row["division_code"] = self._division_with(rng)
        sizes = {row["id"]: row.get("employees") or 0 for row in self.rows.buffers.get(Employer, [])}
        large = [e for e in employers if sizes.get(e[0], 0) >= 300]
        for employer in large:
            if rng.random() < 0.8:
                self.rows.add(CoordinatorEnterprise, coordinator_id=rng.choice(self.coordinator_ids),
                              employer_id=employer[0], served_from=date(2025, rng.randint(1, 12), 1))
        for cid in self.coordinator_ids[:3]:
            for row in self.rows.buffers.get(Coordinator, []):
                if row["id"] == cid:
                    row["division_code"] = f"{self.region}{rng.randint(1, 20):03d}000"
        self.rows.add(OrgSupervision, org_id=org_id, visited_on=self.today - timedelta(days=rng.randint(20, 200)),
                      inspector=_("区调解仲裁管理科"), findings=_("调解卷宗归档不及时"),
                      rectification=_("一个月内完成归档"), rectified_on=None)
        for sid in self.social_org_ids:
            for _w in range(rng.randint(1, 3)):
                day = self.today - timedelta(days=rng.randint(1, 300))
                self.rows.add(SocialOrgWork, social_org_id=sid, worked_on=day,
                              work_type=rng.choice(list(codes.SOCIAL_WORK_TYPES)),
                              enterprises_served=rng.randint(0, 10), workers_served=rng.randint(5, 120),
                              content=_("送法进企业"))
            self.rows.add(SocialOrgEvaluation, social_org_id=sid, year=2025,
                          result=rng.choice(list(codes.EVALUATION_RESULTS)), evaluator=_("区总工会"))
        for i in range(6):
            female = rng.random() < 0.5
            birth = date(rng.randint(1968, 1992), rng.randint(1, 12), rng.randint(1, 28))
            number = ids.make_resident_id(rng.choice(self.regions), birth, 600 + 2 * i + (0 if female else 1))
            self.rows.add(NegotiationInstructor, name=names.person_name(draw), id_number=number,
                          sex="female" if female else "male", birth_date=birth, phone=names.mobile(draw),
                          unit=rng.choice((_("区总工会"), _("乡镇总工会"))), employment_mode="full_time",
                          appointed_on=date(rng.randint(2021, 2025), rng.randint(1, 12), 1),
                          certificate_no=None, division_code=None, enterprises_guided=rng.randint(3, 40),
                          status="active")

    def _division_with(self, rng: random.Random) -> str:
        return f"{self.region}{rng.randint(1, 20):03d}{rng.randint(1, 30):03d}"

    def _division(self) -> str:
        return f"{self.region}{self.rng.randint(1, 20):03d}{self.rng.randint(1, 30):03d}"

    # -- cases

    def case(self, employers: list[tuple[str, str, str]], mediators: list[tuple[str, str]],
             received: date) -> None:
        rng, rows, today, draw = self.rng, self.rows, self.today, self.draw
        between, pick, rand = draw.between, draw.pick, draw.random
        year = received.year
        n = self.seq_by_year.get(year, 0) + 1
        self.seq_by_year[year] = n
        number = numbering.format_case_number(self.case_pattern, year=year, short_name=self.short, n=n)
        employer_id, employer_name, employer_code = pick(employers)
        collective = rand() < 0.02
        workers = between(10, 30) if collective else (1 if rand() < 0.9 else between(2, 5))
        category = draw.weighted(_CATEGORIES)
        source = draw.weighted(_SOURCES)
        case_id = rows.ids.next()
        search_parts = [number, employer_name, employer_code]
        per_worker = between(150, 6000) * 1000 * (0 if category == "labor_relation" else 1)
        claims = [(category, per_worker * workers)]
        if rand() < 0.25 and category != "double_wages":
            claims.append(("double_wages" if category == "wages" else "wages", between(100, 2000) * 1000 * workers))
        claimed = sum(a for _c, a in claims)

        accepted = rejected = withdrawn = failed = agreed = closed = archived = defaulted_on = None
        outcome = draw.weighted(_OUTCOMES)
        decided = received + timedelta(days=between(0, 3))
        events: list[tuple[str, str | None, str, date, str | None]] = [("register", None, "registered", received,
                                                                         codes.CASE_SOURCES[source])]
        state = "registered"
        mediator_id, mediator_name = pick(mediators)
        sessions: list[date] = []
        items: list[dict] = []
        if decided <= today:
            if outcome == "reject":
                rejected = decided
                state = "rejected"
                events.append(("reject", "registered", state, decided, codes.REJECTION_REASONS["respondent_refuses"]))
            else:
                accepted = decided
                state = "accepted"
                events.append(("accept", "registered", state, decided, None))
        session_day = (accepted or received) + timedelta(days=between(1, 4))
        if accepted and session_day <= today:
            for k in range(between(1, 2)):
                day = session_day + timedelta(days=k * between(2, 5))
                if day > today:
                    break
                sessions.append(day)
                events.append(("record-session", state, "mediating", day, f"第{k + 1}次调解"))
                state = "mediating"
        end_day = (sessions[-1] if sessions else (accepted or received)) + timedelta(days=between(0, 4))
        if accepted and end_day <= today and (sessions or outcome == "withdraw"):
            if outcome == "agree" and sessions:
                agreed = end_day
                events.append(("agree", state, "agreed", end_day, None))
                state = "agreed"
                agreed_total = int(claimed * pick((1, 1, 0.9, 0.8, 0.7, 0.6)))
                count = 1 if rand() < 0.7 else between(2, 3)
                share = agreed_total // count if count else 0
                for k in range(count):
                    amount = share if k < count - 1 else agreed_total - share * (count - 1)
                    due = agreed + timedelta(days=pick((0, 3, 7, 15, 30)) * (k + 1))
                    items.append({"seq": k + 1, "amount": amount, "due": due})
                events.append(("perform-start", "agreed", "performing", agreed, None))
                state = "performing"
                for item in items:
                    pay_day = item["due"] - timedelta(days=between(0, 3))
                    pay_day = max(pay_day, agreed)
                    if rand() < 0.92 and pay_day <= today:
                        item["performed"] = pay_day
                if all("performed" in i for i in items):
                    last = max(i["performed"] for i in items)
                    events.append(("perform-item", "performing", "performed", last, None))
                    state = "performed"
                elif any(i["due"] < today - timedelta(days=5) and "performed" not in i for i in items):
                    defaulted_on = max(i["due"] for i in items) + timedelta(days=3)
                    if defaulted_on <= today:
                        events.append(("default", "performing", "defaulted", defaulted_on, _("已告知可申请仲裁或支付令")))
                        state = "defaulted"
            elif outcome == "fail" and sessions:
                failed = end_day
                events.append(("fail", state, "failed", end_day, codes.FAILURE_REASONS["no_agreement"]))
                state = "failed"
            elif outcome == "withdraw":
                withdrawn = end_day
                events.append(("withdraw", state, "withdrawn", end_day, None))
                state = "withdrawn"
        if state in states.ENDED_STATES:
            close_day = events[-1][3] + timedelta(days=between(1, 12))
            if close_day <= today:
                closing = state
                events.append(("close", state, "closed", close_day, codes.CLOSING_REASONS[closing]))
                state = "closed"
                closed = (close_day, closing)
                archive_day = close_day + timedelta(days=between(3, 40))
                if archive_day <= today:
                    a = self.archive_by_year.get(archive_day.year, 0) + 1
                    self.archive_by_year[archive_day.year] = a
                    archived = (archive_day, a, numbering.format_archive_number(
                        self.archive_pattern, year=archive_day.year, n=a, short_name=self.short))
                    events.append(("archive", "closed", "archived", archive_day, archived[2]))
                    state = "archived"

        day_text = self.day_text

        def on(day: date | None) -> object:
            return None if day is None else day_text(day)[0]

        employer_type, industry = self.employer_facts.get(employer_id, (None, None))
        rows.direct[Case].append((
            number, year, n, state, source, on(received), on(received - timedelta(days=between(5, 300))),
            names.FACTS[category].format(start=f"{received.year - between(1, 5)}年{between(1, 12)}月",
                                         job=pick(names.JOBS), months=between(1, 6), amount=f"{claimed / 100:.2f}"),
            _("劳动合同、工资条、考勤记录") if rand() < 0.6 else None,
            category, collective, workers, employer_id, None, mediator_id if accepted else None, claimed, on(accepted),
            _("负责人") if accepted else None, on(rejected), "respondent_refuses" if rejected else None, None,
            on(failed), "no_agreement" if failed else None, on(withdrawn), on(defaulted_on), None,
            on(closed[0]) if closed else None, closed[1] if closed else None,
            archived[2] if archived else None, archived[1] if archived else None,
            on(archived[0]) if archived else None, 10 if archived else None, None, _("窗口登记员"),
            None, None, None, employer_type, industry, "worker", case_id))
        reps = set(rng.sample(range(workers), 3)) if collective else set()
        party_ids: list[str] = []
        add_party, next_id = rows.direct[Party].append, rows.ids.next
        for position in range(workers):
            female = rand() < 0.4
            birth = date(between(1962, 2004), between(1, 12), between(1, 28))
            name = names.person_name(draw)
            id_number = self.resident_id(birth, female)
            phone = names.mobile(draw)
            party = (case_id, position, "applicant", name, "resident_id", id_number, "female" if female else "male",
                     day_text(birth)[0], phone, names.address(draw, self.town), position in reps, next_id())
            add_party(party)
            party_ids.append(party[-1])
            search_parts += [name, id_number, phone]
        add_claim = rows.direct[Claim].append
        for position, (cat, amount) in enumerate(claims):
            add_claim((case_id, position, cat, None, amount, next_id()))
        add_session = rows.direct[MediationSession].append
        for k, day in enumerate(sessions, start=1):
            add_session((case_id, k, day_text(day)[0], None, None, _("调解室"), mediator_name, names.person_name(draw),
                         _("双方当事人"), _("双方陈述了各自意见。"), _("建议双方互谅互让。"),
                         _("达成一致意见") if agreed and k == len(sessions) else None, next_id()))
        if agreed:
            agreed_on = on(agreed)
            agreement = (case_id, _("经调解，双方自愿达成如下协议"), agreed_on, agreed_on, agreed_on, agreed_on, agreed_on,
                         sum(i["amount"] for i in items), rand() < 0.05, rand() < 0.08,
                         state == "defaulted" and category in codes.PAYMENT_ORDER_CATEGORIES, next_id())
            rows.direct[Agreement].append(agreement)
            agreement_id = agreement[-1]
            add_item, add_record = rows.direct[AgreementItem].append, rows.direct[PerformanceRecord].append
            for item in items:
                performed = item.get("performed")
                row = (agreement_id, case_id, item["seq"],
                       _("被申请人向申请人支付{what}").format(what=codes.CLAIM_CATEGORY_SHORT[category]),
                       employer_name, _("申请人"), item["amount"],
                       pick(("bank_transfer", "bank_transfer", "cash", "wechat_alipay")),
                       on(item["due"]), category, on(performed), item["amount"] if performed else 0, next_id())
                add_item(row)
                if performed:
                    add_record((case_id, row[-1], on(performed), item["amount"], _("转账凭证"), None, next_id()))
            last_due = max(i["due"] for i in items)
            if party_ids:  # each worker's amount (每人金额), adding up to the items (no random draw)
                total = sum(i["amount"] for i in items)
                each = total // len(party_ids)
                add_share, due_text = rows.direct[AgreementShare].append, day_text(last_due)[0]
                for k, party_id in enumerate(party_ids, start=1):
                    add_share((agreement_id, case_id, party_id, k,
                               each if k < len(party_ids) else total - each * (len(party_ids) - 1), due_text, next_id()))
            visit = last_due + timedelta(days=between(3, 7))
            if visit <= today and rand() < 0.7:
                rows.direct[FollowUp].append((
                    case_id, on(visit), names.person_name(draw), "phone",
                    _("已履行") if state == "performed" or state in states.FINISHED_STATES else _("未完全履行"),
                    pick(("very_satisfied", "satisfied", "satisfied", "neutral")), None, None, next_id()))
        add_event, head = rows.direct[CaseEvent].append, _("负责人")
        for seq, (action, from_state, to_state, day, note) in enumerate(events, start=1):
            on_date, at = day_text(day)
            add_event((case_id, seq, action, from_state, to_state, on_date, at,
                       mediator_name if action in ("record-session", "agree") else head, note, next_id()))
        self.search_rows.append((case_id, " ".join(search_parts)))

    def take(self) -> list[Insert]:
        """The inserts of the buffered rows and the cases' search text (indexed by FTS5 after the load)."""
        out = self.rows.take()
        if self.search_rows:
            if self.dialect.name == "sqlite":
                out.append(("sql", "INSERT INTO case_search_text (case_id, body) VALUES (?, ?)", self.search_rows))
            else:
                out.append(("core", _table(CaseSearchText).name,
                            [{"case_id": cid, "body": body} for cid, body in self.search_rows]))
        self.search_rows = []
        return out


@dataclass(frozen=True)
class _Plan:
    """Everything the rows of one demo follow from (picklable: a worker process makes the rows from it)."""

    seed: int
    cases: int
    years: int
    today: date
    origin: str
    seq: int
    unit_name: str
    short_name: str
    case_pattern: str
    archive_pattern: str
    cases_by_year: dict[int, int]
    archives_by_year: dict[int, int]
    batch: int  # cases per batch


@dataclass
class _Batch:
    """The inserts of a part of the demo; ``done`` cases are made so far; the last batch has the totals."""

    inserts: list[Insert]
    done: int
    totals: _Totals | None = None


@dataclass(frozen=True)
class _Totals:
    """What the whole demo made: employers, registry rows and the counters the cases used."""

    employers: int
    registry_rows: int
    cases_by_year: dict[int, int]
    archives_by_year: dict[int, int]


def _produce(plan: _Plan, dialect: Dialect) -> Iterator[_Batch]:
    """The demo's rows, batch by batch: registries first, then the cases ``plan.batch`` at a time."""
    gen = _Generator(plan, dialect)
    employers = gen.employers(max(20, min(3000, plan.cases // 25)))
    mediators = gen.registries(employers)
    registry_rows = gen.rows.count - len(employers)
    yield _Batch(gen.take(), 0)
    span = (plan.today - date(plan.today.year - plan.years, 1, 1)).days
    rand = gen.rng.random
    # Receipt dates in order, denser in recent months, so numbers grow with the date.
    received_dates = sorted(plan.today - timedelta(days=int(span * (rand() ** 1.3))) for _i in range(plan.cases))
    for index, received in enumerate(received_dates):
        gen.case(employers, mediators, received)
        if (index + 1) % plan.batch == 0:
            yield _Batch(gen.take(), index + 1)
    yield _Batch(gen.take(), plan.cases,
                 _Totals(len(employers), registry_rows, gen.seq_by_year, gen.archive_by_year))


def worker_main() -> None:
    """The worker process's entry (services/demo/worker.py): the batches of the plan on its stdin."""
    worker.main(_produce)


def _finish_counters(session: Session, totals: _Totals) -> None:
    """Continue the case and archive numbers after the demo's."""
    for prefix, values in (("case_no", totals.cases_by_year), ("archive_no", totals.archives_by_year)):
        for year, value in values.items():
            name = f"{prefix}.{year}"
            current = session.get(Counter, name)
            if current is None:
                session.add(Counter(name=name, value=value))
            else:
                current.value = max(current.value, value)


def _existing_counts(session: Session) -> tuple[dict[int, int], dict[int, int]]:
    cases_by_year: dict[int, int] = {}
    archive_by_year: dict[int, int] = {}
    for counter in session.execute(select(Counter)).scalars():
        prefix, _dot, year = counter.name.partition(".")
        if year.isdigit():
            if prefix == "case_no":
                cases_by_year[int(year)] = counter.value
            elif prefix == "archive_no":
                archive_by_year[int(year)] = counter.value
    return cases_by_year, archive_by_year


@contextmanager
def _indexes_deferred(session: Session, cases: int) -> Iterator[None]:
    """Drop the secondary indexes of the tables the demo fills and build them again after the load.

    Building an index once from all its rows is much cheaper than updating it row by row; worth it
    on SQLite when the demo adds at least as many cases as the station holds (a new demo station).
    Everything stays inside the caller's transaction: an error restores the indexes with the rest.
    Unique indexes are checked again when they are built.
    """
    conn = session.connection()
    if conn.dialect.name != "sqlite" or cases < DEFER_INDEXES_FROM:
        yield
        return
    held = conn.exec_driver_sql("SELECT count(*) FROM cases").scalar_one()
    if held > cases:
        yield
        return
    tables = [_table(model).name for model in _Rows.ORDER] + [_table(CaseSearchText).name]
    marks = ", ".join("?" * len(tables))
    indexes = conn.exec_driver_sql(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({marks})",
        tuple(tables)).all()
    for name, _sql in indexes:
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
    yield
    for _name, sql in indexes:
        conn.exec_driver_sql(sql)


def generate(ctx: Context, *, cases: int, seed: int = 1, years: int = 3,
             progress: Callable[[int], None] | None = None) -> DemoReport:
    """Write ``cases`` synthetic cases plus registries and ledgers in one audited transaction.

    From :data:`WORKER_FROM` cases on SQLite, when a second core is free, the rows are made by a
    worker process while this one inserts the previous batch (the same rows for the same seed:
    services/demo/worker.py).
    """
    ctx.require("demo.generate")
    if not 0 <= cases <= MAX_CASES:
        raise UserError(_("案件数应在0到{n}之间").format(n=MAX_CASES), field="cases")
    started = time.perf_counter()
    with ctx.db.read() as session:
        new_station = session.execute(select(Case.id).limit(1)).first() is None
    # A new station has nothing to lose: its bulk load commits without fsync (storage/db.py).
    with ctx.db.transaction(bulk_load=new_station and cases >= DEFER_INDEXES_FROM) as session, large_cache(session):
        kept_digest.invalidate(session)  # bulk rows skip the digest upkeep: the next export rebuilds it
        session.execute(update(Counter).where(Counter.name == CHANGE_SEQ).values(value=Counter.value + 1))
        seq = session.execute(select(Counter.value).where(Counter.name == CHANGE_SEQ)).scalar_one()
        cases_by_year, archives_by_year = _existing_counts(session)
        plan = _Plan(seed=seed, cases=cases, years=years, today=ctx.today,
                     origin=settings.get(session, "station.unit_code"),
                     seq=seq, unit_name=settings.get(session, "station.unit_name"),
                     short_name=settings.get(session, "station.short_name"),
                     case_pattern=settings.get(session, "numbering.case_pattern"),
                     archive_pattern=settings.get(session, "numbering.archive_pattern"),
                     cases_by_year=cases_by_year, archives_by_year=archives_by_year, batch=BATCH)
        first_rid = search.next_rid(session)
        conn = session.connection()
        totals: _Totals | None = None
        with _indexes_deferred(session, cases), _source(plan, conn.dialect) as batches:
            for batch in batches:
                _write(conn, batch.inserts)
                totals = batch.totals or totals
                if progress and batch.done and batch.totals is None:
                    progress(batch.done)
        assert totals is not None
        search.index_from(session, first_rid)
        _finish_counters(session, totals)
        # The monitoring rules over the demo data: the demo opens with leads to handle (issue 14 #4).
        warnings.scan_in(session, ctx)
        if session.execute(select(Selection.id).limit(1)).first() is None:  # once: a second demo would nominate twice
            selection.demo_in(session, ctx)  # 选树 under way and last year's results (issue 14 #2)
        if progress:
            progress(cases)
        ctx.audit(session, "demo.generate", entity="station", summary=f"{cases}件演示案件，种子{seed}")
    return DemoReport(cases, totals.employers, totals.registry_rows, time.perf_counter() - started)


@contextmanager
def _source(plan: _Plan, dialect: Dialect) -> Iterator[Iterator[_Batch]]:
    """The batches of ``plan``: made here, or by a worker process (from :data:`WORKER_FROM` cases on SQLite,
    when a second core is free)."""
    if plan.cases < WORKER_FROM or dialect.name != "sqlite" or not worker.usable() or not worker.spare_core():
        yield _produce(plan, dialect)
        return
    with worker.batches(plan) as batches:
        try:
            first = next(batches)
        except worker.WorkerUnavailable:  # it could not start here (nothing was sent): make the rows here
            yield _produce(plan, dialect)
            return
        yield itertools.chain([first], batches)
