"""Early warning (监测预警): scan the station's data with the rules of ``core/warnings.py`` and keep
the resulting 线索 (leads) with their level, owner, status, due date and follow-up records.

One scan is one transaction and one audit entry.  A signal whose rule and subject already have
an open lead refreshes it (a higher level escalates it, recorded as 情况变化); a lead closed or
dismissed for the same facts (same evidence digest) is not raised again, but new facts raise a
new lead.  Handling a lead (指派、跟进、化解办结、排除、重新打开) is one audited action that adds a
follow-up record.  Leads and their records are exchanged tables: the district sees every
township's leads and how they were handled.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hexie_desktop.core import codes, fields, states, workflow
from hexie_desktop.core import warnings as rules
from hexie_desktop.core.errors import NotFound, UserError
from hexie_desktop.core.i18n import _
from hexie_desktop.services import settings
from hexie_desktop.services.context import Context
from hexie_desktop.storage.models import (
    AgreementItem,
    Case,
    Employer,
    KeyEnterprise,
    LayoffPlan,
    WarningAction,
    WarningLead,
)


@dataclass(frozen=True)
class ScanResult:
    """What one scan did: leads raised, refreshed (new facts or escalated), and still open."""

    raised: int
    updated: int
    unchanged: int
    open_total: int


def _employer(row_id: str, name: str, credit_code: str | None) -> rules.Employer:
    # One employer may have a row per township at the district: its credit code ties them.
    return rules.Employer(credit_code or row_id, row_id, name)


def load_facts(session: Session, today: date, limits: rules.Thresholds) -> dict[str, list]:
    """The facts the rules read: cases, overdue agreed items, key enterprises with layoffs."""
    since = today - timedelta(days=limits.repeat_window_days)
    case_rows = session.execute(
        select(Case.id, Case.number, Case.received_on, Case.main_category, Case.workers, Case.collective,
               Case.claimed_cents, Case.state, Employer.id, Employer.name, Employer.credit_code)
        .join(Employer, Employer.id == Case.respondent_id)
        .where(Case.deleted.is_(False), (Case.received_on >= since) | Case.state.in_(workflow.OPEN_STATES))
    ).all()
    cases = [rules.CaseFact(r[0], r[1], _employer(r[8], r[9], r[10]), r[2], r[3], r[4] or 1, bool(r[5]),
                            r[6] or 0, r[7] in workflow.OPEN_STATES) for r in case_rows]
    item_rows = session.execute(
        select(AgreementItem.id, Case.number, AgreementItem.due_on, AgreementItem.amount_cents,
               AgreementItem.paid_cents, Employer.id, Employer.name, Employer.credit_code)
        .join(Case, Case.id == AgreementItem.case_id)
        .join(Employer, Employer.id == Case.respondent_id)
        .where(AgreementItem.deleted.is_(False), Case.deleted.is_(False), AgreementItem.due_on.is_not(None),
               AgreementItem.performed_on.is_(None), AgreementItem.due_on < today,
               Case.state.in_(states.UNPAID_STATES))
    ).all()
    overdue = [rules.OverdueFact(r[0], r[1], _employer(r[5], r[6], r[7]), r[2], (r[3] or 0) - (r[4] or 0))
               for r in item_rows]
    layoffs: dict[str, list[int]] = {}
    for key_id, planned, actual in session.execute(
            select(LayoffPlan.key_enterprise_id, LayoffPlan.planned, LayoffPlan.actual)
            .where(LayoffPlan.deleted.is_(False))):
        layoffs.setdefault(key_id, []).append(max(planned or 0, actual or 0))
    firm_rows = session.execute(
        select(KeyEnterprise.id, KeyEnterprise.employees_last_year_end, KeyEnterprise.employees_now,
               Employer.id, Employer.name, Employer.credit_code)
        .join(Employer, Employer.id == KeyEnterprise.employer_id)
        .where(KeyEnterprise.deleted.is_(False))
    ).all()
    enterprises = [rules.EnterpriseFact(r[0], _employer(r[3], r[4], r[5]), r[1] or 0, r[2] or 0,
                                        tuple(layoffs.get(r[0], ()))) for r in firm_rows]
    return {"cases": cases, "overdue": overdue, "enterprises": enterprises}


def _record(session: Session, lead: WarningLead, ctx: Context, action: str, note: str | None,
            owner: str | None = None) -> None:
    session.add(WarningAction(lead_id=lead.id, on_date=ctx.today, actor=ctx.actor.display_name[:50], action=action,
                              owner=owner, note=note))


def scan_in(session: Session, ctx: Context) -> ScanResult:
    """Evaluate the rules and record the leads inside the caller's transaction.

    The latest lead of every (rule, subject) is read in one query and the new leads are
    written in one flush (a query and a flush per signal took seconds at 100,000 cases).
    """
    limits = settings.warning_thresholds(session)
    signals = rules.evaluate(today=ctx.today, limits=limits, **load_facts(session, ctx.today, limits))
    raised = updated = unchanged = 0
    latest_of: dict[tuple[str, str], WarningLead] = {}
    for lead in session.execute(select(WarningLead).where(WarningLead.deleted.is_(False))
                                .order_by(WarningLead.raised_on.desc(), WarningLead.version.desc())).scalars():
        latest_of.setdefault((lead.rule, lead.subject), lead)
    records: list[tuple[WarningLead, str, str | None]] = []  # written once the new leads have their ids
    for signal in signals:
        latest = latest_of.get((signal.rule, signal.subject))
        if latest is not None and latest.status in rules.OPEN_STATUSES:
            if latest.evidence == signal.evidence and latest.level == signal.level:
                unchanged += 1
                continue
            escalated = rules.level_rank(signal.level) > rules.level_rank(latest.level)
            latest.evidence, latest.title, latest.detail = signal.evidence, signal.title, signal.detail
            if escalated:
                latest.level = signal.level
                due = ctx.today + timedelta(days=limits.handle_days(signal.level))
                latest.due_on = min(latest.due_on or ctx.today, due)
            records.append((latest, "update", signal.title + (_("（升级为{l}）").format(
                l=rules.LEVELS[signal.level]) if escalated else "")))
            updated += 1
            continue
        if latest is not None and latest.evidence == signal.evidence:
            unchanged += 1
            continue
        lead = WarningLead(rule=signal.rule, subject=signal.subject, level=signal.level, title=signal.title[:200],
                           detail=signal.detail, evidence=signal.evidence, employer_id=signal.employer_id,
                           key_enterprise_id=signal.key_enterprise_id, case_id=signal.case_id, raised_on=ctx.today,
                           due_on=ctx.today + timedelta(days=limits.handle_days(signal.level)), status="open")
        session.add(lead)
        latest_of[(signal.rule, signal.subject)] = lead
        records.append((lead, "raise", signal.detail))
        raised += 1
    session.flush()
    for lead, action, note in records:
        _record(session, lead, ctx, action, note)
    session.flush()
    open_total = session.execute(select(func.count()).select_from(WarningLead).where(
        WarningLead.deleted.is_(False), WarningLead.status.in_(rules.OPEN_STATUSES))).scalar_one()
    return ScanResult(raised, updated, unchanged, open_total)


def scan(ctx: Context) -> ScanResult:
    """Scan the station's data for warning signals: one transaction, one audit entry."""
    ctx.require("warning.scan")
    with ctx.db.transaction() as session:
        result = scan_in(session, ctx)
        ctx.audit(session, "warnings.scan", entity="warning_leads",
                  summary=_("新线索{r}条，更新{u}条，未变{n}条，待处理共{o}条").format(
                      r=result.raised, u=result.updated, n=result.unchanged, o=result.open_total))
        return result


def lead_dict(lead: WarningLead, today: date) -> dict[str, Any]:
    """A lead as screens and the CLI show it (``overdue`` when open past its due date)."""
    is_open = lead.status in rules.OPEN_STATUSES
    return {
        "id": lead.id, "short_id": lead.id[:8], "rule": lead.rule, "rule_label": codes.label(rules.RULES, lead.rule),
        "level": lead.level, "level_label": codes.label(rules.LEVELS, lead.level), "title": lead.title,
        "detail": lead.detail, "raised_on": lead.raised_on, "due_on": lead.due_on, "owner": lead.owner,
        "status": lead.status, "status_label": codes.label(rules.STATUSES, lead.status),
        "closed_on": lead.closed_on, "outcome": lead.outcome, "origin": lead.origin,
        "employer_id": lead.employer_id, "case_id": lead.case_id, "key_enterprise_id": lead.key_enterprise_id,
        "overdue": bool(is_open and lead.due_on is not None and lead.due_on < today),
    }


def list_leads(ctx: Context, *, status: str = "open", level: str | None = None) -> list[dict[str, Any]]:
    """Leads by status (``open`` = 待处理 and 跟进中, ``all``, or one status), most serious first."""
    ctx.require("read")
    if status not in ("open", "all"):
        codes.require(rules.STATUSES, status, "status")
    if level is not None:
        codes.require(rules.LEVELS, level, "level")
    with ctx.db.read() as session:
        query = select(WarningLead).where(WarningLead.deleted.is_(False))
        if status == "open":
            query = query.where(WarningLead.status.in_(rules.OPEN_STATUSES))
        elif status != "all":
            query = query.where(WarningLead.status == status)
        if level is not None:
            query = query.where(WarningLead.level == level)
        rows = [lead_dict(lead, ctx.today) for lead in session.execute(query).scalars()]
    rows.sort(key=lambda r: (r["status"] not in rules.OPEN_STATUSES, -rules.level_rank(r["level"]),
                             r["due_on"] or date.max, r["title"]))
    return rows


def _find(session: Session, lead_id: str) -> WarningLead:
    """A lead by id or by a unique prefix of at least six characters (the short id shown in lists)."""
    text = (lead_id or "").strip().lower()
    if len(text) < 6:
        raise UserError(_("请给出线索编号（至少前6位）"), field="lead")
    matches = session.execute(select(WarningLead).where(WarningLead.id.like(f"{text}%"),
                                                        WarningLead.deleted.is_(False)).limit(2)).scalars().all()
    if not matches:
        raise NotFound(_("线索不存在：{id}").format(id=text[:40]))
    if len(matches) > 1:
        raise UserError(_("编号“{id}”对应多条线索，请多给几位").format(id=text[:40]), field="lead")
    return matches[0]


def show(ctx: Context, lead_id: str) -> dict[str, Any]:
    """One lead with its follow-up records, oldest first."""
    ctx.require("read")
    with ctx.db.read() as session:
        lead = _find(session, lead_id)
        out = lead_dict(lead, ctx.today)
        out["actions"] = [
            {"on_date": a.on_date, "actor": a.actor, "action": a.action,
             "action_label": codes.label(rules.ACTIONS, a.action), "owner": a.owner, "note": a.note}
            for a in session.execute(select(WarningAction).where(WarningAction.lead_id == lead.id,
                                                                 WarningAction.deleted.is_(False))
                                     .order_by(WarningAction.at, WarningAction.on_date)).scalars()]
        return out


def handle(ctx: Context, lead_id: str, action: str, *, note: object = None, owner: object = None) -> dict[str, Any]:
    """Assign, follow up, close, dismiss or reopen a lead: one transaction, one audit entry."""
    ctx.require("warning.handle")
    note_text = fields.text(note, "note", max_len=2000, multiline=True)
    owner_text = fields.text(owner, "owner", max_len=50)
    with ctx.db.transaction() as session:
        lead = _find(session, lead_id)
        lead.status = rules.after_action(lead.status, action, note=note_text, owner=owner_text)
        if owner_text:
            lead.owner = owner_text
        if action in ("close", "dismiss"):
            lead.closed_on, lead.outcome = ctx.today, note_text
        elif action == "reopen":
            lead.closed_on = None
        _record(session, lead, ctx, action, note_text, owner_text)
        ctx.audit(session, f"warnings.{action}", entity="warning_lead", entity_id=lead.id,
                  summary=f"{lead.title[:120]}：{rules.ACTIONS[action]}")
        return lead_dict(lead, ctx.today)


def read_thresholds(ctx: Context) -> dict[str, int]:
    """The configured thresholds (for the settings form)."""
    ctx.require("read")
    with ctx.db.read() as session:
        return rules.as_dict(settings.warning_thresholds(session))


def open_summary(ctx: Context) -> dict[str, int]:
    """Open leads by level and how many are past their due date (for the dashboard)."""
    leads = list_leads(ctx)
    out = {level: 0 for level in rules.LEVELS}
    for lead in leads:
        out[lead["level"]] += 1
    out["overdue"] = sum(1 for lead in leads if lead["overdue"])
    out["total"] = len(leads)
    return out
