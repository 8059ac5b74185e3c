"""The quarterly and annual 工作情况 report of the action plan, for the 市/省 协调劳动关系三方
(issue 14 point 6; seed 000 "定期向市协调劳动关系三方反馈", seed 004 "由市协调劳动关系三方办公室汇总
… 上报省协调劳动关系三方办公室", seed 001 "定期向市三方报送工作信息").

Five parts, each a list of lines with a total and, at a district, one figure per township
(rows are counted by their ``origin``, the unit that recorded them — exchange/ownership.py):

1. 目标完成情况 — the plan progress (``services/plan.py``): target, figure, year to date, completion;
2. 案件办理 — the statistics lines (``core/stats``) of the period;
3. 名册台账 — records in the registers on the report date, and the period's register work;
4. 选树 — nominations made and exemplars selected in the period, by kind;
5. 监测预警 — leads raised, handled (化解办结 or 排除) in the period, still open, past their time.

A district's total is the sum of its townships' figures (a rate is recomputed from the summed
counts, never averaged).  Reading only; the writers (reports/plan_upward.py, documents) audit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hexie_desktop.core import plan as rules
from hexie_desktop.core import selection as selection_rules
from hexie_desktop.core import stats
from hexie_desktop.core import warnings as warning_rules
from hexie_desktop.core.i18n import _
from hexie_desktop.services import plan, selection, settings
from hexie_desktop.services.context import Context
from hexie_desktop.services.reports import StationMeta, load_facts, origin_names, station_meta
from hexie_desktop.storage.models import (
    Case,
    Coordinator,
    Cultivation,
    EnterpriseVisit,
    KeyEnterprise,
    MediationOrg,
    Mediator,
    NewEnterprise,
    Selection,
    SocialOrg,
    WarningLead,
)

CASE_LINES = ("received", "closed", "closed.agreed", "closed.failed", "success_rate", "agreements", "workers",
              "collective", "agreed_cents", "paid_cents", "open_end")
"""The statistics lines (core/stats.LINES keys) the report carries."""

REGISTERS = (
    ("coordinators", Coordinator, _("劳动关系协调员（在岗）"), _("名")),
    ("mediators", Mediator, _("调解员（在岗）"), _("名")),
    ("orgs", MediationOrg, _("劳动人事争议调解组织（正常运行）"), _("个")),
    ("social_orgs", SocialOrg, _("协调劳动关系社会组织（正常运行）"), _("个")),
)
ORIGIN_TABLES = (Case, Coordinator, Mediator, MediationOrg, SocialOrg, KeyEnterprise, NewEnterprise, Cultivation,
                 Selection, WarningLead)
"""The tables whose origins make the township columns at a district."""


@dataclass
class Line:
    """One line: label, unit, kind (``count``, ``rate``, ``money`` in 分), the total, per-origin figures,
    and for the targets part the target, the year to date and the completion."""

    code: str
    label: str
    unit: str
    kind: str
    total: int | Fraction | None
    by_origin: dict[str, int | Fraction | None] = field(default_factory=dict)
    target: int | None = None
    year_to_date: int | Fraction | None = None
    completion: Fraction | None = None


@dataclass
class Section:
    """One part of the report."""

    code: str
    title: str
    lines: list[Line]


@dataclass
class UpwardReport:
    """The whole report of one period."""

    period: stats.Period
    meta: StationMeta
    origins: dict[str, str]
    sections: list[Section]
    per_origin: bool

    def line(self, code: str) -> Line:
        """The line ``code`` (section codes are distinct)."""
        for section in self.sections:
            for line in section.lines:
                if line.code == code:
                    return line
        raise KeyError(code)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready: rates in percent with one decimal, money in 元."""
        def number(value: Any, kind: str) -> Any:
            if value is None:
                return None
            if kind == "rate" or isinstance(value, Fraction):
                return round(float(value) * 100, 1)
            if kind == "money":
                return value / 100
            return value
        return {
            "period": self.period.code, "period_label": self.period.label, "unit": self.meta.unit_name,
            "origins": self.origins,
            "sections": [{"code": s.code, "title": s.title, "lines": [
                {"code": ln.code, "label": ln.label, "unit": ln.unit, "total": number(ln.total, ln.kind),
                 "by_origin": {o: number(v, ln.kind) for o, v in ln.by_origin.items()},
                 **({"target": ln.target, "year_to_date": number(ln.year_to_date, ln.kind),
                     "completion": number(ln.completion, "rate")} if s.code == "targets" else {})}
                for ln in s.lines]} for s in self.sections],
        }


def _origins(session: Session, own: str) -> list[str]:
    found: set[str] = set()
    for model in ORIGIN_TABLES:
        found.update(session.execute(select(model.origin).where(model.deleted.is_(False)).distinct()).scalars())
    return sorted(found) or [own]


def _count(session: Session, query: Any) -> int:
    return int(session.execute(query).scalar_one() or 0)


def _registers(session: Session, period: stats.Period, origin: str | None) -> dict[str, int]:
    start, end = period.start, period.end

    def mine(query: Any, model: Any) -> Any:
        return query if origin is None else query.where(model.origin == origin)

    out = {code: _count(session, mine(select(func.count()).select_from(model).where(
        model.deleted.is_(False), model.status == "active"), model)) for code, model, _l, _u in REGISTERS}
    out["key_enterprises"] = _count(session, mine(select(func.count()).select_from(KeyEnterprise).where(
        KeyEnterprise.deleted.is_(False)), KeyEnterprise))
    out["new_enterprises_served"] = _count(session, mine(select(func.count()).select_from(NewEnterprise).where(
        NewEnterprise.deleted.is_(False), NewEnterprise.first_contact_on >= start,
        NewEnterprise.first_contact_on <= end), NewEnterprise))
    out["key_enterprise_visits"] = _count(session, mine(select(func.count()).select_from(EnterpriseVisit).where(
        EnterpriseVisit.deleted.is_(False), EnterpriseVisit.visited_on >= start, EnterpriseVisit.visited_on <= end),
        EnterpriseVisit))
    return out


def _warnings(session: Session, period: stats.Period, as_of: date, origin: str | None) -> dict[str, int]:
    start, end = period.start, period.end
    base = select(func.count()).select_from(WarningLead).where(WarningLead.deleted.is_(False))
    if origin is not None:
        base = base.where(WarningLead.origin == origin)
    return {
        "raised": _count(session, base.where(WarningLead.raised_on >= start, WarningLead.raised_on <= end)),
        "closed": _count(session, base.where(WarningLead.status == "closed", WarningLead.closed_on >= start,
                                             WarningLead.closed_on <= end)),
        "dismissed": _count(session, base.where(WarningLead.status == "dismissed", WarningLead.closed_on >= start,
                                                WarningLead.closed_on <= end)),
        "open": _count(session, base.where(WarningLead.status.in_(warning_rules.OPEN_STATUSES))),
        "overdue": _count(session, base.where(WarningLead.status.in_(warning_rules.OPEN_STATUSES),
                                              WarningLead.due_on < as_of)),
    }


def build(ctx: Context, period: stats.Period) -> UpwardReport:
    """Assemble the report of ``period`` (a quarter or a year) from the registers, cases, selections and leads."""
    ctx.require("read")
    progress = plan.progress(ctx, period)  # validates the period (one year) and reads the targets
    as_of = min(period.end, ctx.today)
    with ctx.db.read() as session:
        meta = station_meta(session, ctx)
        denominator = settings.get(session, "stats.success_denominator")
        origins = _origins(session, meta.unit_code)
        per_origin = meta.role == "district" or len(origins) > 1  # as the statistics report: a column each
        if not per_origin:
            origins = []
        names = origin_names(session, origins)
        plan_by = {o: plan.actuals(session, period, ctx.today, o) for o in origins}
        facts = load_facts(session, period.start, period.end, as_of)
        figures_total = stats.compute(facts, period, as_of)
        figures_by = {o: stats.compute(facts.only(o), period, as_of) for o in origins}
        registers_total = _registers(session, period, None)
        registers_by = {o: _registers(session, period, o) for o in origins}
        nominated_total = selection.nominated_counts(session, period.start, period.end)
        nominated_by = {o: selection.nominated_counts(session, period.start, period.end, o) for o in origins}
        selected_total = selection.selected_counts(session, period.start, period.end)
        selected_by = {o: selection.selected_counts(session, period.start, period.end, o) for o in origins}
        warnings_total = _warnings(session, period, as_of, None)
        warnings_by = {o: _warnings(session, period, as_of, o) for o in origins}

    targets = [Line(r.code, r.label, r.unit, "rate" if r.kind == "rate" else "count", r.actual,
                    {o: plan_by[o][r.code] for o in origins}, r.target, r.year_to_date, r.completion)
               for r in progress.rows]
    lines_by_key = {line.key: line for line in stats.LINES}
    cases = []
    for key in CASE_LINES:
        line = lines_by_key[key]
        cases.append(Line(f"cases.{key}", line.label, line.unit, line.kind,
                          stats.value(figures_total, line, denominator),
                          {o: stats.value(figures_by[o], line, denominator) for o in origins}))
    registers = [Line(f"registers.{code}", label, unit, "count", registers_total[code],
                      {o: registers_by[o][code] for o in origins}) for code, _m, label, unit in REGISTERS]
    registers += [
        Line("registers.key_enterprises", _("重点企业（在台账）"), _("户"), "count", registers_total["key_enterprises"],
             {o: registers_by[o]["key_enterprises"] for o in origins}),
        Line("registers.new_enterprises_served", _("本期服务新注册企业"), _("户"), "count",
             registers_total["new_enterprises_served"],
             {o: registers_by[o]["new_enterprises_served"] for o in origins}),
        Line("registers.key_enterprise_visits", _("本期重点企业用工指导走访"), _("次"), "count",
             registers_total["key_enterprise_visits"], {o: registers_by[o]["key_enterprise_visits"] for o in origins}),
    ]
    selections = []
    for code, kind in selection_rules.KINDS.items():
        selections.append(Line(f"selection.{code}.nominated", _("{k}：本期提名").format(k=kind.label), _("个"), "count",
                               nominated_total[code], {o: nominated_by[o][code] for o in origins}))
        selections.append(Line(f"selection.{code}.selected", _("{k}：本期选树").format(k=kind.label), _("个"), "count",
                               selected_total[code], {o: selected_by[o][code] for o in origins}))
    warning_labels = (("raised", _("本期生成预警线索")), ("closed", _("本期化解办结")), ("dismissed", _("本期排除")),
                      ("open", _("报告日待处理线索")), ("overdue", _("其中超过处理时限")))
    leads = [Line(f"warnings.{code}", label, _("条"), "count", warnings_total[code],
                  {o: warnings_by[o][code] for o in origins}) for code, label in warning_labels]
    sections = [
        Section("targets", _("一、三年行动计划目标完成情况"), targets),
        Section("cases", _("二、劳动人事争议调解工作情况"), cases),
        Section("registers", _("三、队伍和台账建设情况"), registers),
        Section("selection", _("四、示范引领（选树）情况"), selections),
        Section("warnings", _("五、监测预警和线索处置情况"), leads),
    ]
    return UpwardReport(period, meta, names if per_origin else {}, sections, per_origin)


number_text = rules.number_text
"""A figure as printed (core/plan.py)."""
