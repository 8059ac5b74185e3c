"""Plan targets and progress (三年行动计划 目标与进度): yearly targets in the setting
``plan.targets``, actual figures counted from the registers and cases for a period, and the
year to date beside a quarter or month.  The indicators and their counting rules are in
``core/plan.py``; the mediation success rate is the statistics report's own (core/stats).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hexie_desktop.core import plan as rules
from hexie_desktop.core import stats
from hexie_desktop.core.errors import UserError
from hexie_desktop.core.i18n import _
from hexie_desktop.services import settings
from hexie_desktop.services.context import Context
from hexie_desktop.services.reports import StationMeta, load_facts, station_meta
from hexie_desktop.storage.models import Coordinator, Cultivation, EnterpriseVisit, NewEnterprise


@dataclass(frozen=True)
class ProgressRow:
    """One indicator: the year's target, the period's figure, the year to date, and completion."""

    code: str
    label: str
    unit: str
    kind: str
    target: int
    actual: int | Fraction | None
    year_to_date: int | Fraction | None
    completion: Fraction | None
    basis: str

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready (rates as percent numbers with one decimal)."""
        def number(value: Any) -> Any:
            return round(float(value) * 100, 1) if isinstance(value, Fraction) else value
        return {"code": self.code, "label": self.label, "unit": self.unit, "kind": self.kind,
                "target": self.target, "actual": number(self.actual), "year_to_date": number(self.year_to_date),
                "completion": round(float(self.completion) * 100, 1) if self.completion is not None else None,
                "basis": self.basis}


@dataclass(frozen=True)
class PlanProgress:
    """The progress table of one period."""

    period: stats.Period
    meta: StationMeta
    rows: list[ProgressRow] = field(default_factory=list)
    denominator: str = "agreed_failed"


def _count(session: Session, query: Any) -> int:
    return int(session.execute(query).scalar_one() or 0)


def actuals(session: Session, period: stats.Period, as_of: date,
            origin: str | None = None) -> dict[str, int | Fraction | None]:
    """Every indicator's figure for ``period`` (counting rules: ``Indicator.basis``), of all the
    station's data or of the rows of one ``origin`` (a township's, at the district)."""
    from hexie_desktop.services import selection

    start, end = period.start, period.end
    years = list(range(start.year, end.year + 1))

    def mine(query: Any, model: Any) -> Any:
        return query if origin is None else query.where(model.origin == origin)

    coordinators = mine(select(func.count()).select_from(Coordinator).where(
        Coordinator.deleted.is_(False), Coordinator.registered_on >= start, Coordinator.registered_on <= end),
        Coordinator)
    cultivated = _count(session, mine(select(func.count()).select_from(Cultivation).where(
        Cultivation.deleted.is_(False), Cultivation.year.in_(years)), Cultivation))
    passed = _count(session, mine(select(func.count()).select_from(Cultivation).where(
        Cultivation.deleted.is_(False), Cultivation.year.in_(years), Cultivation.result == "met"), Cultivation))
    served = mine(select(func.count()).select_from(NewEnterprise).where(
        NewEnterprise.deleted.is_(False), NewEnterprise.first_contact_on >= start,
        NewEnterprise.first_contact_on <= end), NewEnterprise)
    visits = mine(select(func.count()).select_from(EnterpriseVisit).where(
        EnterpriseVisit.deleted.is_(False), EnterpriseVisit.visited_on >= start, EnterpriseVisit.visited_on <= end),
        EnterpriseVisit)
    facts = load_facts(session, start, end, as_of)
    figures = stats.compute(facts if origin is None else facts.only(origin), period, as_of)
    chosen = selection.selected_counts(session, start, end, origin)
    return {
        "coordinators_new": _count(session, coordinators), "gold_coordinators": chosen["gold_coordinator"],
        "gold_social_orgs": chosen["gold_social_org"], "gold_mediation_orgs": chosen["gold_mediation_org"],
        "cultivated": cultivated, "cultivation_pass_rate": rules.rate(passed, cultivated),
        "new_enterprises_served": _count(session, served), "key_enterprise_visits": _count(session, visits),
        "mediation_success_rate": figures.success_rate(settings.get(session, "stats.success_denominator")),
    }


def targets_in(session: Session, year: int) -> dict[str, int]:
    """The targets of ``year`` (the defaults for indicators never set)."""
    stored = settings.get(session, "plan.targets").get(str(year), {})
    return {**rules.defaults(), **stored}


def targets(ctx: Context, year: int) -> dict[str, int]:
    """The targets of ``year``."""
    ctx.require("read")
    rules.check_targets(year, {})
    with ctx.db.read() as session:
        return targets_in(session, year)


def set_targets(ctx: Context, year: object, values: object) -> dict[str, int]:
    """Set some targets of a year (validated; the others keep theirs): one audited settings change."""
    ctx.require("settings.edit")
    key, checked = rules.check_targets(year, values)
    with ctx.db.read() as session:
        current = dict(settings.get(session, "plan.targets"))
    current[key] = {**current.get(key, {}), **checked}
    settings.update(ctx, {"plan.targets": current})
    return targets(ctx, int(key))


def progress(ctx: Context, period: stats.Period) -> PlanProgress:
    """Targets against the figures of ``period`` (and the year to date for a quarter or month)."""
    ctx.require("read")
    if period.start.year != period.end.year:
        raise UserError(_("计划进度按年度目标计算，期间不能跨年"), field="period")
    with ctx.db.read() as session:
        goal = targets_in(session, period.start.year)
        now = actuals(session, period, ctx.today)
        ytd = None
        if period.kind != "year":
            ytd = actuals(session, stats.custom(date(period.start.year, 1, 1), period.end), ctx.today)
        meta = station_meta(session, ctx)
        denominator = settings.get(session, "stats.success_denominator")
    rows = []
    for indicator in rules.INDICATORS:
        actual = now[indicator.code]
        so_far = ytd[indicator.code] if ytd is not None else actual  # a year's target meets the year to date
        rows.append(ProgressRow(indicator.code, indicator.label, indicator.unit, indicator.kind,
                                goal[indicator.code], actual, ytd[indicator.code] if ytd is not None else None,
                                rules.completion(indicator, so_far, goal[indicator.code]), indicator.basis))
    return PlanProgress(period, meta, rows, denominator)
