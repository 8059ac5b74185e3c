"""繁简分流: each case's grade (computed by ``core/grading.py`` from the case and the open
early-warning leads on it or its employer, or a person's override with a reason), and the upward
report of a 重大集体劳动争议 with its own deadline.

Overriding a grade and recording the report are each one transaction and one audit entry; the
columns travel with the case in the exchange, so the district sees grades and reports too.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from hexie_desktop.core import codes, fields, workflow
from hexie_desktop.core import grading as rules
from hexie_desktop.core import warnings as warning_rules
from hexie_desktop.core.errors import NotAllowed, UserError
from hexie_desktop.core.i18n import _
from hexie_desktop.services import settings, warnings
from hexie_desktop.services.cases import get_case
from hexie_desktop.services.context import Context
from hexie_desktop.services.grade_query import grade_ids
from hexie_desktop.storage.models import Case, WarningLead


def _signals(session: Session, cases: list[tuple[str, str]]) -> dict[str, set[str]]:
    """Case id → signals from open leads on the case or on its employer (``cases``: case id, employer id)."""
    if not cases:
        return {}
    case_ids = {case_id for case_id, _employer in cases}
    employer_ids = {employer for _case, employer in cases}
    by_case: dict[str, set[str]] = {}
    by_employer: dict[str, set[str]] = {}
    rows = session.execute(
        select(WarningLead.case_id, WarningLead.employer_id, WarningLead.level)
        .where(WarningLead.deleted.is_(False), WarningLead.status.in_(warning_rules.OPEN_STATUSES),
               or_(WarningLead.case_id.in_(case_ids) if len(case_ids) < 500 else WarningLead.case_id.is_not(None),
                   WarningLead.employer_id.in_(employer_ids) if len(employer_ids) < 500
                   else WarningLead.employer_id.is_not(None)))
    ).all()
    for case_id, employer_id, level in rows:
        found = {"lead", "red_lead"} if level == "red" else {"lead"}
        if case_id:
            by_case.setdefault(case_id, set()).update(found)
        elif employer_id:
            by_employer.setdefault(employer_id, set()).update(found)
    return {case_id: by_case.get(case_id, set()) | by_employer.get(employer, set()) for case_id, employer in cases}


def grade_of(case: Case, signals: Iterable[str], limit: rules.Limits, today: date) -> dict[str, Any]:
    """The grading facts of one case as screens, the CLI and the report print them."""
    computed = rules.grade(workers=case.workers or 1, claimed_cents=case.claimed_cents or 0,
                           category=case.main_category, collective=bool(case.collective),
                           signals=frozenset(signals), limit=limit)
    grade = rules.effective(computed.code, case.grade_override)
    major_collective = rules.is_major_collective(grade, case.workers or 1, bool(case.collective))
    due = rules.report_due(case.received_on, limit) if major_collective else None
    return {
        "number": case.number, "case_id": case.id, "state": case.state,
        "state_label": codes.label(codes.CASE_STATES, case.state), "received_on": case.received_on,
        "workers": case.workers, "claimed_cents": case.claimed_cents,
        "computed": computed.code, "computed_label": computed.label, "reasons": list(computed.reasons),
        "override": case.grade_override, "override_reason": case.grade_reason,
        "grade": grade, "grade_label": rules.GRADES[grade], "major_collective": major_collective,
        "report_due": due, "reported_on": case.major_reported_on,
        "report_overdue": bool(due and case.major_reported_on is None and due < today),
    }


def _grades(session: Session, cases: list[Case], today: date) -> list[dict[str, Any]]:
    limit = settings.grading_limits(session)
    signals = _signals(session, [(c.id, c.respondent_id) for c in cases])
    return [grade_of(c, signals.get(c.id, ()), limit, today) for c in cases]


def case_grade(ctx: Context, number: str) -> dict[str, Any]:
    """The grade of one case with its reasons, override and report deadline."""
    ctx.require("read")
    with ctx.db.read() as session:
        return _grades(session, [get_case(session, number)], ctx.today)[0]


def list_grades(ctx: Context, *, grade: str | None = None, open_only: bool = False) -> list[dict[str, Any]]:
    """Every case's grade (newest first), optionally one grade only or open cases only."""
    ctx.require("read")
    if grade is not None:
        codes.require(rules.GRADES, grade, "grade")
    with ctx.db.read() as session:
        query = select(Case).where(Case.deleted.is_(False))
        if open_only:
            query = query.where(Case.state.in_(workflow.OPEN_STATES))
        cases = list(session.execute(query.order_by(Case.received_on.desc(), Case.seq.desc())).scalars())
        rows = _grades(session, cases, ctx.today)
    return [r for r in rows if grade is None or r["grade"] == grade]


def grade_codes(ctx: Context, ids: list[str]) -> dict[str, str]:
    """Case id → its grade code (override first), read as plain columns in chunks: for the case
    list's 分级 column (a page at a time) and its grade filter (every matching id)."""
    ctx.require("read")
    out: dict[str, str] = {}
    with ctx.db.read() as session:
        limit = settings.grading_limits(session)
        for start in range(0, len(ids), 900):
            rows = session.execute(
                select(Case.id, Case.respondent_id, Case.workers, Case.claimed_cents, Case.main_category,
                       Case.collective, Case.grade_override)
                .where(Case.id.in_(ids[start:start + 900]))).all()
            signals = _signals(session, [(row.id, row.respondent_id) for row in rows])
            for row in rows:
                computed = rules.grade(workers=row.workers or 1, claimed_cents=row.claimed_cents or 0,
                                       category=row.main_category, collective=bool(row.collective),
                                       signals=frozenset(signals.get(row.id, ())), limit=limit)
                out[row.id] = rules.effective(computed.code, row.grade_override)
    return out


def filter_ids(ctx: Context, ids: list[str], grade: str) -> list[str]:
    """The ``ids`` (order kept) whose grade is ``grade`` (the case list's 繁简分流 filter)."""
    codes.require(rules.GRADES, grade, "grade")
    chosen = grade_ids(ctx, grade)  # one query (the rule as SQL), not a grade per case
    return [i for i in ids if i in chosen]


def major_due(ctx: Context) -> list[dict[str, Any]]:
    """重大集体劳动争议 not yet reported upward, earliest deadline first (for the dashboard).

    Only collective cases can be one (``core.grading.is_major_collective``), so only they are graded.
    """
    ctx.require("read")
    with ctx.db.read() as session:
        candidates = list(session.execute(select(Case).where(
            Case.deleted.is_(False), Case.major_reported_on.is_(None),
            or_(Case.collective.is_(True), Case.workers >= 10))).scalars())
        rows = [r for r in _grades(session, candidates, ctx.today) if r["major_collective"]]
    return sorted(rows, key=lambda r: (r["report_due"], r["number"]))


def dashboard_line(ctx: Context) -> dict[str, int]:
    """What the 工作台 shows of the action plan: open leads by level and overdue, reports due and late."""
    leads = warnings.open_summary(ctx)
    due = major_due(ctx)
    return {**{f"leads_{k}": v for k, v in leads.items()}, "reports_due": len(due),
            "reports_late": sum(1 for r in due if r["report_overdue"])}


def set_grade(ctx: Context, number: str, grade: object, reason: object = None) -> dict[str, Any]:
    """Override the computed grade with a reason (``auto`` returns to the computed grade); audited."""
    ctx.require("case.grade")
    reason_text = fields.text(reason, "reason", max_len=500, multiline=True)
    code = rules.check_override(grade, reason_text)
    with ctx.db.transaction() as session:
        case = get_case(session, number)
        before = _grades(session, [case], ctx.today)[0]
        if code is None and case.grade_override is None:
            raise UserError(_("本案未人工调整分级"), field="grade")
        case.grade_override, case.grade_reason = code, reason_text if code else None
        session.flush()
        after = _grades(session, [case], ctx.today)[0]
        ctx.audit(session, "case.grade", entity="case", entity_id=case.id,
                  summary=_("{number}：{old} → {new}{why}").format(
                      number=case.number, old=before["grade_label"], new=after["grade_label"],
                      why=f"（{reason_text}）" if reason_text else _("（恢复按规则分级）")))
        return after


def mark_reported(ctx: Context, number: str, on: object) -> dict[str, Any]:
    """Record the day a 重大集体劳动争议 was reported to the district/city 三方; audited."""
    ctx.require("case.grade")
    day = fields.day(on, "on", required=True)
    with ctx.db.transaction() as session:
        case = get_case(session, number)
        current = _grades(session, [case], ctx.today)[0]
        if not current["major_collective"]:
            raise NotAllowed(_("{number}不是重大集体劳动争议，无需报告").format(number=case.number), field="number")
        if day > ctx.today or day < case.received_on:
            raise UserError(_("报告日期应在收到申请之日到今天之间"), field="on")
        case.major_reported_on = day
        ctx.audit(session, "case.major_report", entity="case", entity_id=case.id,
                  summary=_("{number}：{day}报告重大集体劳动争议").format(number=case.number, day=day.isoformat()))
        return {**current, "reported_on": day, "report_overdue": False}


def for_print(session: Session, case: Case, today: date) -> dict[str, Any]:
    """The grading block the 重大集体劳动争议报告 prints (JSON-ready)."""
    row = _grades(session, [case], today)[0]
    if not row["major_collective"]:
        raise NotAllowed(_("{number}不是重大集体劳动争议，不出具该报告").format(number=case.number), field="doc_type")
    return {"grade_label": row["grade_label"], "reasons": "；".join(row["reasons"]),
            "override_reason": row["override_reason"],
            "report_due": row["report_due"].isoformat() if row["report_due"] else None,
            "major_collective": row["major_collective"]}
