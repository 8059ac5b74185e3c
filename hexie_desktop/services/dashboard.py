"""The 工作台: what is due today, within a few days and overdue; this month's counts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from hexie_desktop.core import periods
from hexie_desktop.core.i18n import _
from hexie_desktop.services import settings
from hexie_desktop.services.case_view import case_dates
from hexie_desktop.services.context import Context
from hexie_desktop.storage.models import Agreement, Case, CaseEvent, User

# Which deadlines matter in which state.
_WATCHED = {
    "registered": ("acceptance", "mediation"),
    "accepted": ("mediation",),
    "mediating": ("mediation",),
    "agreed": ("follow_up",),
    "performing": ("performance", "follow_up"),
    "performed": ("follow_up",),
    "defaulted": ("follow_up",),
    "closed": ("archive",),
}
MONTH_ACTIONS = ("register", "accept", "reject", "agree", "fail", "withdraw", "close", "archive")


@dataclass(frozen=True)
class DueItem:
    """One deadline of one case that needs attention."""

    case_id: str
    number: str
    applicants: str
    deadline: str
    label: str
    due: date
    status: str
    mediator: str | None


@dataclass(frozen=True)
class Dashboard:
    """Due items (overdue first, then by date) and this month's counts by action."""

    items: list[DueItem]
    month_counts: dict[str, int] = field(default_factory=dict)


def _mediator_id_of(session, username: str) -> str | None:  # noqa: ANN001
    return session.execute(select(User.mediator_id).where(User.username == username)).scalar_one_or_none()


def dashboard(ctx: Context, *, mine: bool = False, soon_days: int = 3) -> Dashboard:
    """Deadlines due within ``soon_days`` or overdue, for the office or for the actor's cases."""
    ctx.require("read")
    today = ctx.today
    items: list[DueItem] = []
    with ctx.db.read() as session:
        deadline_settings = settings.deadline_settings(session)
        calendar = settings.calendar(session)
        query = (
            select(Case)
            .where(Case.deleted.is_(False), Case.state.in_(tuple(_WATCHED)))
            .options(selectinload(Case.parties), selectinload(Case.agreement).selectinload(Agreement.items),
                     selectinload(Case.follow_ups), selectinload(Case.mediator))
        )
        if mine:
            mediator_id = _mediator_id_of(session, ctx.actor.username)
            query = query.where(Case.mediator_id == mediator_id) if mediator_id else query.where(
                Case.created_by == ctx.actor.display_name)
        for case in session.execute(query).scalars():
            watched = _WATCHED[case.state]
            deadlines = periods.compute_deadlines(case_dates(case), deadline_settings, calendar)
            names = [p.name for p in case.parties if not p.deleted]
            who = names[0] + (_("等{n}人").format(n=len(names)) if len(names) > 1 else "") if names else ""
            mediator = case.mediator.name if case.mediator else None

            def add(deadline: str, label: str, due: date) -> None:
                status = periods.due_status(due, today, soon_days=soon_days)
                if status != "later":
                    items.append(DueItem(case.id, case.number, who, deadline, label, due, status, mediator))

            for name in watched:
                if name == "performance":
                    for item in (case.agreement.items if case.agreement else []):
                        if not item.deleted and item.performed_on is None and item.due_on:
                            add("performance", _("第{n}项履行期限").format(n=item.seq), item.due_on)
                elif name == "follow_up":
                    if not any(not f.deleted for f in case.follow_ups) and "follow_up" in deadlines:
                        add(name, deadlines[name].label, deadlines[name].due)
                elif name in deadlines:
                    add(name, deadlines[name].label, deadlines[name].due)
                if name == "mediation" and case.mediation_extended_until is not None:
                    # LDTJ art. 14 ¶3: an agreed extension does not suspend the right to arbitration.
                    right_from = periods.arbitration_right_from(case_dates(case), deadline_settings, calendar)
                    if right_from != deadlines[name].due:
                        add("arbitration_right", _("法定调解期限届满（可申请仲裁）"), right_from)
        month_start = today.replace(day=1)
        counts = dict(session.execute(
            select(CaseEvent.action, func.count())
            .where(CaseEvent.on_date >= month_start, CaseEvent.on_date <= today, CaseEvent.deleted.is_(False),
                   CaseEvent.action.in_(MONTH_ACTIONS))
            .group_by(CaseEvent.action)
        ).all())
    order = {"overdue": 0, "today": 1, "soon": 2}
    items.sort(key=lambda i: (order[i.status], i.due, i.number))
    return Dashboard(items, {action: counts.get(action, 0) for action in MONTH_ACTIONS})


__all__ = ["Dashboard", "DueItem", "dashboard"]
