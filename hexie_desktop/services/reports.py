"""Data for the statistics and the ledgers (SPEC §4–§5): facts for ``core.stats``, ledger rows, audited exports.

:func:`statistics` has the database count the figures of a period (and of the twelve months
before its end, for the trend charts; :mod:`hexie_desktop.services.stats_tally`) per origin and in
total; :func:`load_facts` reads the same cases as one fact each for :mod:`hexie_desktop.core.stats`
(the action plan's reports, and the full computation the fast path is tested against).
:func:`ledger` opens a read session and streams the rows of one ledger as plain dicts keyed by
:class:`~hexie_desktop.services.imports.Column` keys (the case ledger: tuples of cells in column
order, :mod:`hexie_desktop.services.case_ledger`) — masked unless the actor holds
``pii.unmask`` and asks — and :func:`record_export` writes the one audit entry of a finished
export.  Writing the workbooks is ``hexie_desktop.reports``' job.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from fractions import Fraction
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session, selectinload

from hexie_desktop.core import codes, ids, ledgers, periods, stats
from hexie_desktop.core.errors import UserError
from hexie_desktop.core.i18n import _
from hexie_desktop.services import case_ledger, coverage, imports, registries, selection_marks, settings, stats_tally
from hexie_desktop.services.context import Context
from hexie_desktop.services.imports import CASE_COLUMNS, Column, registry_columns
from hexie_desktop.services.origins import StationMeta as StationMeta
from hexie_desktop.services.origins import origin_names as origin_names
from hexie_desktop.services.origins import station_meta as station_meta
from hexie_desktop.storage.models import (
    Agreement,
    AgreementItem,
    Case,
    Employer,
    EnterpriseVisit,
    FollowUp,
    KeyEnterprise,
    LayoffPlan,
    MediationOrg,
)

COVERAGE = "coordinator_coverage"
STATISTICS_KINDS = {"monthly": "month", "quarterly": "quarter", "annual": "year"}
LEDGER_TITLES: dict[str, str] = {
    "cases": _("劳动人事争议调解工作台账"),
    **{kind: ledgers.spec(kind).ledger_title or "" for kind in ledgers.ledger_kinds()},
    COVERAGE: _("劳动关系协调员覆盖企业情况表"),
}
REPORT_KINDS: dict[str, str] = {
    "monthly": _("统计月报"), "quarterly": _("统计季报"), "annual": _("统计年报"), **LEDGER_TITLES,
}

# ---------------------------------------------------------------- station


# ---------------------------------------------------------------- statistics


def _live(model):  # noqa: ANN001, ANN202
    return model.deleted.is_(False)


def load_facts(session: Session, start: date, end: date, as_of: date) -> stats.Facts:
    """Every fact a report of the days ``start``–``end`` needs, duties judged at ``as_of``."""
    result = session.connection().execute(  # plain rows: tens of thousands of them
        select(Case.id, Case.origin, Case.received_on, Case.source, Case.main_category, Case.employer_type,
               Case.industry, Case.workers, Case.collective, Case.rejected_on, Case.closed_on,
               Case.closing_reason, Agreement.effective_on, Agreement.arbitration_review,
               Agreement.judicial_confirmation, Agreement.payment_order, Case.defaulted_on, Case.accepted_on,
               Case.failed_on, Case.withdrawn_on, Case.archived_on, Case.mediation_extended_until,
               Case.infringement_known_on)
        .outerjoin(Agreement, and_(Agreement.case_id == Case.id, _live(Agreement)))
        .where(_live(Case), Case.received_on <= end, or_(Case.archived_on.is_(None), Case.archived_on >= start))
    )
    # In parts: one fetch of every row would hold the interpreter lock, and freeze the window, for its whole length.
    case_rows = [row for part in result.partitions(2000) for row in part]
    # Columns 1–16 are CaseFact's fields in order (read by position: attribute lookups cost more than the rest).
    cases = tuple(stats.CaseFact(*r[1:13], bool(r[13]), bool(r[14]), bool(r[15]), r[16]) for r in case_rows)
    amounts = stats_tally.amount_facts(session, start, end)
    follow_ups = tuple(
        stats.FollowUpFact(o, d) for o, d in session.execute(
            select(Case.origin, FollowUp.visited_on).join(Case, Case.id == FollowUp.case_id)
            .where(_live(FollowUp), _live(Case), FollowUp.visited_on >= start, FollowUp.visited_on <= end)))
    deadlines = _deadline_facts(session, [r for r in case_rows if r.received_on <= as_of and (
        r.archived_on is None or r.archived_on > as_of)], as_of)
    return stats.Facts(cases, tuple(amounts), follow_ups, deadlines)


def _first(*days: date | None) -> date | None:
    present = [d for d in days if d is not None]
    return min(present) if present else None


def _deadline_facts(session: Session, rows: list[Any], as_of: date) -> tuple[stats.DeadlineFact, ...]:
    """The office's duties of the cases still in its hands at ``as_of`` (see docs/REPORTS.md)."""
    if not rows:
        return ()
    lengths, calendar = settings.deadline_settings(session), settings.calendar(session)
    items: dict[str, list[tuple[date | None, date | None]]] = {}
    visits: dict[str, date] = {}
    ids_ = [r.id for r in rows]
    for start in range(0, len(ids_), 500):
        chunk = ids_[start:start + 500]
        for case_id, due, performed in session.execute(
                select(AgreementItem.case_id, AgreementItem.due_on, AgreementItem.performed_on)
                .where(_live(AgreementItem), AgreementItem.case_id.in_(chunk))):
            items.setdefault(case_id, []).append((due, performed))
        for case_id, first in session.execute(
                select(FollowUp.case_id, func.min(FollowUp.visited_on))
                .where(_live(FollowUp), FollowUp.case_id.in_(chunk)).group_by(FollowUp.case_id)):
            visits[case_id] = first
    out: list[stats.DeadlineFact] = []
    floor = {name: timedelta(days=days) for name, days in periods.shortest_days(lengths).items()}

    def open_at(met: date | None) -> bool:
        return met is None or met > as_of

    for r in rows:
        case_items = items.get(r.id, [])
        dues = [d for d, _p in case_items if d is not None]
        if r.effective_on is not None:
            for due, performed in case_items:
                if due is not None:
                    out.append(stats.DeadlineFact(r.origin, "performance", r.effective_on, due,
                                                  _first(performed, r.defaulted_on, r.closed_on)))
        # Only a duty still open at as_of whose period can have run out by then is counted: skip the rest
        # before computing (a period never ends sooner than its shortest_days after the trigger).
        if not any((
            open_at(_first(r.accepted_on, r.rejected_on, r.withdrawn_on))
            and r.received_on + floor["acceptance"] < as_of,
            open_at(_first(r.effective_on, r.failed_on, r.withdrawn_on, r.rejected_on, r.closed_on))
            and (r.received_on + floor["mediation"] < as_of
                 or (r.mediation_extended_until is not None and r.mediation_extended_until < as_of)),
            r.effective_on is not None and dues and open_at(_first(visits.get(r.id), r.closed_on))
            and max(dues) + floor["follow_up"] < as_of,
            r.closed_on is not None and open_at(r.archived_on) and r.closed_on + floor["archive"] < as_of,
        )):
            continue
        deadlines = periods.compute_deadlines(periods.CaseDates(
            received_on=r.received_on, infringement_known_on=r.infringement_known_on,
            mediation_extended_until=r.mediation_extended_until, agreement_effective_on=r.effective_on,
            last_item_due_on=max(dues) if dues else None, closed_on=r.closed_on,
            entrusted=r.source == periods.ENTRUSTED_SOURCE), lengths, calendar)
        o = r.origin
        out.append(stats.DeadlineFact(o, "acceptance", r.received_on, deadlines["acceptance"].due,
                                      _first(r.accepted_on, r.rejected_on, r.withdrawn_on)))
        out.append(stats.DeadlineFact(o, "mediation", r.received_on, deadlines["mediation"].due,
                                      _first(r.effective_on, r.failed_on, r.withdrawn_on, r.rejected_on,
                                             r.closed_on)))
        if r.effective_on is not None:
            if "follow_up" in deadlines:
                out.append(stats.DeadlineFact(o, "follow_up", r.effective_on, deadlines["follow_up"].due,
                                              _first(visits.get(r.id), r.closed_on)))
        if r.closed_on is not None and "archive" in deadlines:
            out.append(stats.DeadlineFact(o, "archive", r.closed_on, deadlines["archive"].due, r.archived_on))
    return tuple(out)


@dataclass(frozen=True)
class StatisticsResult:
    """A statistics report: figures per origin and in total, the year to date and the monthly trend."""

    period: stats.Period
    as_of: date
    denominator: str
    meta: StationMeta
    origins: dict[str, str]
    by_origin: dict[str, stats.Figures]
    total: stats.Figures
    year_to_date: stats.Figures | None = None
    trend: list[tuple[stats.Period, stats.Figures]] = field(default_factory=list)

    def rate(self, figures: stats.Figures) -> Fraction | None:
        """调解成功率 of ``figures`` by this station's denominator."""
        return figures.success_rate(self.denominator)


def statistics(ctx: Context, period: stats.Period, *, trend: bool = True,
               progress: Callable[[int], None] | None = None) -> StatisticsResult:
    """The statistics of ``period`` per origin and in total (with the 12-month trend unless ``trend`` is false)."""
    ctx.require("read")
    as_of = min(period.end, ctx.today)
    months = stats.trailing_months(period.end) if trend else []
    window_start = min([period.start, *(m.start for m in months)])
    ytd_period = stats.custom(date(period.end.year, 1, 1), period.end) if period.kind in ("month", "quarter") \
        else None
    if ytd_period is not None:
        window_start = min(window_start, ytd_period.start)
    with ctx.db.read() as session:
        denominator = stats.check_denominator(settings.get(session, "stats.success_denominator"))
        meta = station_meta(session, ctx)
        # Counted by the database (services/stats_tally.py); the same figures as stats.compute over load_facts.
        tally = stats_tally.count_tally(session, window_start, period.end, as_of,
                                        [period, *months, *([ytd_period] if ytd_period else [])])
        if progress is not None:
            progress(1)
        parts = stats.tally_by_origin(tally, period)
        if not parts:
            parts = {meta.unit_code: stats.Figures()}
        names = origin_names(session, list(parts))
    total = stats.total(parts.values())
    year_to_date = stats.tally_compute(tally, ytd_period) if ytd_period is not None else None
    series = list(zip(months, stats.tally_series(tally, months), strict=True)) if months else []
    return StatisticsResult(period, as_of, denominator, meta, names, parts, total, year_to_date, series)


# ---------------------------------------------------------------- ledgers


def _derived(key: str, header: str, kind: str = "text", group: str = "", width: int = 10,
             total: bool = False) -> Column:
    return Column(key, header, kind, group=group, width=width, importable=False, total=total)


SEQ = _derived("seq", _("序号"), "int", width=5.5)


def ledger_columns(session: Session, kind: str) -> list[Column]:
    """Every column of a ledger (the importable ones and those only shown), in sheet order."""
    if kind == "cases":
        case = {c.key: c for c in CASE_COLUMNS}
        order = ["received_on", "source", "applicant_name", "applicant_id", "applicant_phone", "workers",
                 "respondent_name", "respondent_credit_code", "category", "claimed", "mediator", "accepted_on",
                 "outcome", "decided_on", "agreed", "paid", "closed_on"]
        widths = {"received_on": 10.5, "source": 10, "applicant_name": 8, "applicant_id": 19.5,
                  "applicant_phone": 12.5, "workers": 6, "respondent_name": 28, "respondent_credit_code": 19.5,
                  "category": 12, "claimed": 12, "mediator": 7, "accepted_on": 10.5, "outcome": 8,
                  "decided_on": 10.5, "agreed": 12, "paid": 12, "closed_on": 10.5}
        cols = [SEQ, _derived("number", _("案件编号"), group=_("案件"), width=25)]
        cols += [replace(case[key], width=widths[key]) for key in order]
        at = next(i for i, c in enumerate(cols) if c.key == "outcome")
        cols.insert(at, _derived("state", _("当前状态"), group=_("办理情况"), width=8))
        cols.append(_derived("archive_number", _("归档号"), group=_("办理情况"), width=9))
        return cols
    if kind == "orgs":
        cols = [SEQ]
        for spec in registries.FIELDS["orgs"]:
            group = ledgers.spec("orgs").groups.get(spec.name, "")
            width = {"name": 24, "address": 20, "founding_document": 16, "org_type": 16}.get(spec.name, 10)
            cols.append(_derived(spec.name, spec.label, spec.kind if spec.kind != "choice" else "text", group, width))
        for group_code, item_code, title in settings.get(session, "checklist.definitions"):
            group = codes.label(codes.CHECKLIST_GROUPS, group_code)
            cols.append(_derived(f"check.{item_code}", title, "choice", group, width=8))
        cols.append(_derived("checked_on", _("最近检查日期"), "date", _("检查"), 12))
        return cols
    if kind == COVERAGE:
        group = _("企业")
        return [SEQ, _derived("employer_name", _("企业名称"), group=group, width=28),
                _derived("employer_credit_code", _("统一社会信用代码"), group=group, width=20),
                _derived("division_code", _("区划代码"), group=group, width=14),
                _derived("employees", _("职工人数"), "int", group, 8, total=True),
                _derived("size", _("规模"), group=group, width=7),
                _derived("coordinators", _("服务的劳动关系协调员"), group=_("协调员"), width=24),
                _derived("coordinator_count", _("人数"), "int", _("协调员"), 6, total=True),
                _derived("covered", _("已覆盖"), "bool", _("覆盖"), 7),
                _derived("how", _("覆盖方式"), group=_("覆盖"), width=14)]
    if kind not in LEDGER_TITLES:
        raise UserError(_("未知的台账类型：{kind}（可用：{allowed}）").format(
            kind=kind, allowed="、".join(REPORT_KINDS)), field="kind")
    cols = [SEQ, *registry_columns(kind)]
    if ledgers.spec(kind).person:
        at = next(i for i, c in enumerate(cols) if c.key == "id_number")
        group = cols[at].group
        cols[at:at] = [_derived("sex", _("性别"), group=group, width=5),
                       _derived("birth_date", _("出生日期"), "date", group, 11)]
    if kind == "mediators":
        cols += [_derived("cases_handled", _("办理案件数"), "int", _("办案情况"), 8, total=True),
                 _derived("success_rate", _("调解成功率"), "rate", _("办案情况"), 9)]
    if kind in registries.PERSON_COLUMNS:
        group = _("培训考核记录")
        cols += [_derived("trainings_this_year", _("本年培训次数"), "int", group, 8, total=True),
                 _derived("training_hours_this_year", _("本年培训学时"), "int", group, 8, total=True),
                 _derived("last_assessment", _("最近年度考核"), group=group, width=14)]
    if kind in selection_marks.SUBJECT_MODELS:
        cols += [_derived("selection_label", _("选树情况"), group=_("选树"), width=24)]
    if kind == "key_enterprises":
        at = next(i for i, c in enumerate(cols) if c.key == "employees_now") + 1
        cols[at:at] = [_derived("employees_change", _("增减人数"), "int", _("用工情况"), 8)]
        at = next(i for i, c in enumerate(cols) if c.key == "note") + 1
        cols[at:at] = [_derived("visit_count", _("走访次数"), "int", _("指导服务"), 7, total=True),
                       _derived("last_visit_on", _("最近走访日期"), "date", _("指导服务"), 11),
                       _derived("next_visit_on", _("下次走访日期"), "date", _("指导服务"), 11)]
        at = next(i for i, c in enumerate(cols) if c.key == "layoff_positions") + 1
        cols[at:at] = [_derived("layoff_threshold_met", _("达到第四十一条标准"), "bool", _("裁员情况"), 8)]
    return cols


def _mask(value: str | None, kind: str, unmask: bool) -> str | None:
    if unmask or not value:
        return value
    return ids.mask_id(value) if kind == "id" else ids.mask_phone(value)


def _choice_values(kind: str, row: Any, out: dict[str, Any]) -> None:
    for spec in registries.FIELDS[kind]:
        if spec.kind == "ref":
            continue
        value = getattr(row, spec.name)
        out[spec.name] = codes.label(spec.choices or {}, value) if spec.kind == "choice" and value else value


def _employer_cells(session: Session, employer_id: str | None, out: dict[str, Any]) -> None:
    employer = session.get(Employer, employer_id) if employer_id else None
    out["employer_name"] = employer.name if employer else None
    out["employer_credit_code"] = employer.credit_code if employer else None


def _registry_rows(session: Session, kind: str, unmask: bool, year: int) -> Iterator[dict[str, Any]]:
    model = registries.KINDS[kind]
    spec = ledgers.spec(kind)
    query = select(model).where(_live(model))
    if hasattr(model, "name"):
        query = query.order_by(model.name, model.id)
    elif hasattr(model, "employer_id"):
        query = query.join(Employer, Employer.id == model.employer_id).order_by(Employer.name, model.id)
    else:
        first_date = next((f.name for f in spec.fields if f.kind == "date"), None)
        query = query.order_by(*((getattr(model, first_date),) if first_date else ()), model.id)
    mediator_stats = registries.mediator_stats(session) if kind == "mediators" else {}
    denominator = settings.get(session, "stats.success_denominator")
    masks = ids.PERSONAL_COLUMNS.get(model.__tablename__, {})
    names: dict[tuple[str, str], str] = {}
    people = registries.training_and_assessment(session, kind, year)
    selected = selection_marks.all_labels(session, kind)
    for row in session.execute(query).scalars():
        out: dict[str, Any] = {}
        _choice_values(kind, row, out)
        for column, mask in masks.items():
            value = getattr(row, column)
            out[column] = value if unmask or not value else mask(value)
        if spec.person:
            out["sex"] = codes.label(codes.SEXES, row.sex) or None
            out["birth_date"] = row.birth_date
        if hasattr(row, "employer_id"):
            _employer_cells(session, row.employer_id, out)
        for ref in spec.fields:
            if imports.ref_by_name(ref):
                value = getattr(row, ref.name)
                if value and (ref.ref, value) not in names:
                    target = session.get(registries.KINDS[ref.ref or ""], value)
                    names[(ref.ref or "", value)] = target.name if target is not None else ""
                out[imports.ref_column(ref)] = names.get((ref.ref or "", value)) if value else None
        if kind == "mediators":
            out.update(registries.mediator_record(mediator_stats.get(row.id), denominator))
        if kind in registries.PERSON_COLUMNS:
            out.update({"trainings_this_year": 0, "training_hours_this_year": 0, **people.get(row.id, {})})
        if kind in selection_marks.SUBJECT_MODELS:
            out["selection_label"] = selected.get(row.id) or None
        if kind == "key_enterprises":
            _key_enterprise_cells(session, row, out)
        yield out


def _key_enterprise_cells(session: Session, row: KeyEnterprise, out: dict[str, Any]) -> None:
    out["employees_change"] = (row.employees_now or 0) - (row.employees_last_year_end or 0)
    visits = list(session.execute(select(EnterpriseVisit).where(
        _live(EnterpriseVisit), EnterpriseVisit.key_enterprise_id == row.id)
        .order_by(EnterpriseVisit.visited_on)).scalars())
    out["visit_count"] = len(visits)
    out["last_visit_on"] = visits[-1].visited_on if visits else None
    out["next_visit_on"] = visits[-1].next_visit_on if visits else None
    plan = session.execute(select(LayoffPlan).where(_live(LayoffPlan), LayoffPlan.key_enterprise_id == row.id)
                           .order_by(LayoffPlan.updated_at.desc())).scalars().first()
    for spec in registries.FIELDS["layoffs"]:
        if spec.kind != "ref":
            out[f"layoff_{spec.name}"] = getattr(plan, spec.name) if plan else None
    out["layoff_threshold_met"] = plan.threshold_met if plan else None


def _org_rows(session: Session) -> Iterator[dict[str, Any]]:
    orgs = session.execute(select(MediationOrg).where(_live(MediationOrg)).order_by(MediationOrg.name)
                           .options(selectinload(MediationOrg.checklist))).scalars()
    for org in orgs:
        out: dict[str, Any] = {}
        _choice_values("orgs", org, out)
        items = [i for i in org.checklist if not i.deleted]
        for item in items:
            out[f"check.{item.item_code}"] = codes.label(codes.CHECKLIST_STATUSES, item.status)
        out["checked_on"] = max((i.checked_on for i in items if i.checked_on), default=None)
        yield out


def _count(session: Session, kind: str, period: stats.Period | None) -> int:
    if kind == COVERAGE:
        return session.execute(select(func.count()).select_from(Employer).where(_live(Employer))).scalar_one()
    if kind == "cases":
        sub = case_ledger.query(period).subquery()
        return session.execute(select(func.count()).select_from(sub)).scalar_one()
    model = registries.KINDS[kind]
    return session.execute(select(func.count()).select_from(model).where(_live(model))).scalar_one()


@dataclass
class Ledger:
    """An open ledger: its title, columns, how many rows, and the rows (consumed once).

    A row is a dict keyed by column key, or (the case ledger) a tuple of cells in column order.
    """

    kind: str
    title: str
    columns: list[Column]
    count: int
    rows: Iterator[Any]
    meta: StationMeta
    period: stats.Period | None
    unmask: bool


def _numbered(rows: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for seq, row in enumerate(rows, start=1):
        row["seq"] = seq
        yield row


def _session_rows(ctx: Context, kind: str, unmask: bool) -> Iterator[dict[str, Any]]:
    with ctx.db.read() as session:
        if kind == COVERAGE:
            rows = coverage.compute(session, ctx.today).rows
        else:
            rows = list(_org_rows(session) if kind == "orgs" else
                        _registry_rows(session, kind, unmask, ctx.today.year))
    yield from rows


def ledger(ctx: Context, kind: str, *, period: stats.Period | None = None, unmask: bool = False) -> Ledger:
    """The ledger ``kind`` with its rows to stream (cases may be limited to those received in ``period``)."""
    ctx.require("read")
    if unmask:
        ctx.require("pii.unmask")
    if kind not in LEDGER_TITLES:
        raise UserError(_("未知的台账类型：{kind}（可用：{allowed}）").format(
            kind=kind, allowed="、".join(LEDGER_TITLES)), field="kind")
    if period is not None and kind != "cases":
        raise UserError(_("只有调解工作台账可按期间导出（按收到申请日期）"), field="period")
    with ctx.db.read() as session:
        cols = ledger_columns(session, kind)
        count = _count(session, kind, period)
        meta = station_meta(session, ctx)
    if kind == "cases":  # tuples of cells in column order, numbered (the 100,000-row ledger: no dict per row)
        rows: Iterator[Any] = case_ledger.rows(ctx, period, unmask)
    else:
        rows = _numbered(_session_rows(ctx, kind, unmask))
    return Ledger(kind, LEDGER_TITLES[kind], cols, count, rows, meta, period, unmask)


def record_export(ctx: Context, kind: str, filename: str, *, rows: int, unmask: bool,
                  period: stats.Period | None = None) -> None:
    """Write the audit entry of an export (``export.unmasked`` when personal data was shown in full)."""
    with ctx.db.transaction() as session:
        ctx.audit(session, "export.unmasked" if unmask else "export", entity="report", entity_id=kind,
                  summary=_("{title}{period}，{n}行 → {file}").format(
                      title=REPORT_KINDS.get(kind, kind), period=f"（{period.label}）" if period else "", n=rows,
                      file=filename))
