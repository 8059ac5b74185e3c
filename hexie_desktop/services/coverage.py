"""Coordinator coverage (issue 14.3): which enterprises have a 劳动关系协调员, as a view and a ledger.

The rules are :mod:`hexie_desktop.core.coverage`'s; this module reads the employers, the active
coordinators and their 服务企业 links (register ``coverage``) and applies them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hexie_desktop.core import coverage as rules
from hexie_desktop.core.i18n import _
from hexie_desktop.services import settings
from hexie_desktop.services.context import Context
from hexie_desktop.storage.models import Coordinator, CoordinatorEnterprise, Employer

SIZE_LABELS = {True: _("大中型"), False: _("小微")}


@dataclass(frozen=True)
class CoverageView:
    """Every live employer with its coordinators and whether it is covered, and the totals."""

    threshold: int
    rows: list[dict[str, Any]]
    totals: rules.Coverage


def _active_links(session: Session, today: date) -> dict[str, list[str]]:
    """Employer id → names of the active coordinators serving it today."""
    rows = session.execute(
        select(CoordinatorEnterprise.employer_id, Coordinator.name, CoordinatorEnterprise.served_from,
               CoordinatorEnterprise.served_to)
        .join(Coordinator, Coordinator.id == CoordinatorEnterprise.coordinator_id)
        .where(CoordinatorEnterprise.deleted.is_(False), Coordinator.deleted.is_(False),
               Coordinator.status == "active")
        .order_by(Coordinator.name)).all()
    out: dict[str, list[str]] = {}
    for employer_id, name, start, end in rows:
        if (start is None or start <= today) and (end is None or end >= today):
            out.setdefault(employer_id, []).append(name)
    return out


def compute(session: Session, today: date) -> CoverageView:
    """The coverage view inside the caller's session."""
    threshold = settings.get(session, "coverage.large_medium_employees")
    links = _active_links(session, today)
    areas = [code for (code,) in session.execute(select(Coordinator.division_code).where(
        Coordinator.deleted.is_(False), Coordinator.status == "active", Coordinator.division_code.is_not(None)))]
    rows: list[dict[str, Any]] = []
    counts = {"lm": 0, "lm_covered": 0, "small": 0, "small_covered": 0}
    for employer in session.execute(select(Employer).where(Employer.deleted.is_(False))
                                    .order_by(Employer.name, Employer.id)).scalars():
        large = rules.is_large_or_medium(employer.employees, threshold)
        names = links.get(employer.id, [])
        by_area = not large and any(rules.area_covers(code, employer.division_code) for code in areas)
        covered = bool(names) or by_area
        key = "lm" if large else "small"
        counts[key] += 1
        counts[key + "_covered"] += int(covered)
        how = _("配备协调员") if names else (_("所在区域有协调员") if by_area else "")
        rows.append({"employer_id": employer.id, "employer_name": employer.name,
                     "employer_credit_code": employer.credit_code, "employees": employer.employees,
                     "size": SIZE_LABELS[large], "coordinators": "、".join(names) or None,
                     "coordinator_count": len(names), "covered": covered, "how": how or None,
                     "division_code": employer.division_code})
    totals = rules.Coverage(counts["lm"], counts["lm_covered"], counts["small"], counts["small_covered"])
    return CoverageView(threshold, rows, totals)


def view(ctx: Context) -> CoverageView:
    """The coverage of every live employer today (read right)."""
    ctx.require("read")
    with ctx.db.read() as session:
        return compute(session, ctx.today)


def summary_text(totals: rules.Coverage, threshold: int) -> str:
    """One line for people: how many 大中型 and small enterprises are covered."""
    def pct(rate: float | None) -> str:
        return "—" if rate is None else f"{rate * 100:.1f}%"
    return _("大中型企业（{t}人及以上）{lm}家，已配备协调员{lmc}家（{lmr}）；小微企业{s}家，已覆盖{sc}家（{sr}）").format(
        t=threshold, lm=totals.large_medium, lmc=totals.large_medium_covered, lmr=pct(totals.large_medium_rate),
        s=totals.small, sc=totals.small_covered, sr=pct(totals.small_rate))
