"""The case list's 繁简分流 filter as one query.

:func:`grade_condition` is the rule of ``core.grading.grade`` (and ``effective``: a person's
override first) written as SQL over the case's columns and the open leads, so the case list's
grade filter (:func:`hexie_desktop.services.grading.filter_ids`) reads ids only instead of grading
every case in Python; tests/e2e/test_grade_query.py holds the two to the same answer.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, and_, func, not_, or_, select

from hexie_desktop.core import codes, workflow
from hexie_desktop.core import grading as rules
from hexie_desktop.core import warnings as warning_rules
from hexie_desktop.services import settings
from hexie_desktop.services.context import Context
from hexie_desktop.storage.models import Case, WarningLead

# The fewest workers that make a collective dispute, read off the rule itself (LDTJ art. 7: ten).
_COLLECTIVE_FROM = next(n for n in range(1, 10_000) if workflow.is_collective(n))


def _with_lead(red: bool) -> tuple[Any, Any]:
    """Case ids with an open lead of their own, and employers with an open lead of no one case (``_signals``)."""
    open_lead: list[ColumnElement[bool]] = [WarningLead.deleted.is_(False),
                                            WarningLead.status.in_(warning_rules.OPEN_STATUSES)]
    if red:
        open_lead.append(WarningLead.level == "red")
    own = or_(WarningLead.case_id.is_(None), WarningLead.case_id == "")
    cases = select(WarningLead.case_id).where(*open_lead, not_(own))
    employers = select(WarningLead.employer_id).where(*open_lead, own, WarningLead.employer_id.is_not(None),
                                                      WarningLead.employer_id != "")
    return cases, employers


def grade_condition(limit: rules.Limits, grade: str) -> ColumnElement[bool]:
    """SQL true for the cases whose grade in force is ``grade`` — ``core.grading.grade`` and ``effective``.

    A person's override decides when there is one; else 重大 (workers or amount at the major
    limits, or collective with a red lead), 简易 (few workers, small amount, a simple category,
    not collective, no lead) or 一般 (neither).
    """
    codes.require(rules.GRADES, grade, "grade")
    workers = func.coalesce(func.nullif(Case.workers, 0), 1)  # ``case.workers or 1``
    claimed = func.coalesce(Case.claimed_cents, 0)
    collective = or_(Case.collective.is_(True), workers >= _COLLECTIVE_FROM)
    lead_cases, lead_employers = _with_lead(red=False)
    red_cases, red_employers = _with_lead(red=True)
    lead = or_(Case.id.in_(lead_cases), Case.respondent_id.in_(lead_employers))
    red = or_(Case.id.in_(red_cases), Case.respondent_id.in_(red_employers))
    major = or_(workers >= limit.major_workers, claimed >= limit.major_yuan * 100, and_(collective, red))
    simple = and_(not_(major), not_(collective), workers <= limit.simple_max_workers,
                  claimed <= limit.simple_max_yuan * 100, Case.main_category.in_(sorted(rules.SIMPLE_CATEGORIES)),
                  not_(lead))
    computed = {"major": major, "simple": simple, "ordinary": and_(not_(major), not_(simple))}[grade]
    overridden = and_(Case.grade_override.is_not(None), Case.grade_override != "")
    return or_(and_(overridden, Case.grade_override == grade), and_(not_(overridden), computed))


def grade_ids(ctx: Context, grade: str) -> set[str]:
    """Ids of every case (deleted or not) whose grade in force is ``grade``, by one query."""
    ctx.require("read")
    with ctx.db.read() as session:
        condition = grade_condition(settings.grading_limits(session), grade)
        return set(session.execute(select(Case.id).where(condition)).scalars())
