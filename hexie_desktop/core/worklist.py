"""The 工作台's rule: which deadlines of which cases are listed, in what order, and the setup notices.

Whoever reads the rows — the SQLAlchemy service (``services.dashboard``) or the command line's
quick read over the sqlite3 driver (``services.dashboard_quick``) — hands them to
:func:`due_items` as plain rows, so the two lists cannot differ.  Which deadlines of a case still
count is :func:`hexie_desktop.core.periods.deadline_counts` (the same rule as the case's own
deadline list); of those, the office's to-dos (:data:`~hexie_desktop.core.periods.OFFICE_DEADLINES`)
are listed when due within ``soon_days`` or overdue, and a received case awaiting its 受理决定
always (status ``later`` until then: it is work from the day it arrives).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, NamedTuple

from hexie_desktop.core import codes, periods
from hexie_desktop.core.i18n import _

# Which of the office's deadlines matter in which state: the one rule, periods.deadline_counts.
WATCHED: dict[str, tuple[str, ...]] = {
    state: names for state in codes.CASE_STATES
    if (names := tuple(n for n in periods.OFFICE_DEADLINES if state in periods.counting_states(n)))
}
MONTH_ACTIONS = ("register", "accept", "reject", "agree", "fail", "withdraw", "close", "archive")



class CaseRow(NamedTuple):
    """A case as :func:`due_items` reads it (any row with these attributes will do)."""

    id: str
    number: str
    state: str
    source: str | None
    received_on: date
    infringement_known_on: date | None
    mediation_extended_until: date | None
    closed_on: date | None
    failed_on: date | None
    withdrawn_on: date | None
    rejected_on: date | None
    accepted_on: date | None
    mediator: str | None
    """The name of the case's mediator."""


class ItemRow(NamedTuple):
    """A live agreement item as :func:`due_items` reads it."""

    case_id: str
    seq: int
    due_on: date | None
    performed_on: date | None


CASE_COLUMNS = CaseRow._fields
CASE_DATES = ("received_on", "infringement_known_on", "mediation_extended_until", "closed_on", "failed_on",
              "withdrawn_on", "rejected_on", "accepted_on")
ITEM_COLUMNS = ItemRow._fields

_ORDER = {"overdue": 0, "today": 1, "soon": 2, "later": 3}


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

    def as_dict(self) -> dict[str, Any]:
        """The fields by name, in order (as ``dataclasses.asdict`` gives them, without its deep copy)."""
        return {"case_id": self.case_id, "number": self.number, "applicants": self.applicants,
                "deadline": self.deadline, "label": self.label, "due": self.due, "status": self.status,
                "mediator": self.mediator}


@dataclass(frozen=True)
class Dashboard:
    """Due items (overdue first, then by date; acceptance decisions not yet due last) and this month's counts."""

    items: list[DueItem]
    month_counts: dict[str, int] = field(default_factory=dict)
    notices: tuple[str, ...] = ()
    """Things to set up first: no mediator in the register, the user's login not linked to one."""


def bounds(lengths: periods.DeadlineSettings, horizon: date) -> dict[str, date]:
    """The days the SQL prefilter compares with: a deadline of length ``n`` may be due by ``horizon``
    only when its trigger is on or before ``horizon − n`` (:func:`~hexie_desktop.core.periods.shortest_days`)."""
    days = periods.shortest_days(lengths)
    return {"horizon": horizon,
            **{f"{name}_before": horizon - timedelta(days=days[name])
               for name in ("acceptance", "mediation", "follow_up", "archive")}}


def watching() -> dict[str, list[str]]:
    """Each office deadline with the states that watch it (the prefilter is written per deadline)."""
    found: dict[str, list[str]] = {}
    for state, names in WATCHED.items():
        for name in names:
            found.setdefault(name, []).append(state)
    return found


def due_items(cases: Iterable[Any], *, names: Mapping[str, list[str]], effective: Mapping[str, date | None],
              items: Mapping[str, list[Any]], visited: set[str] | frozenset[str],
              lengths: periods.DeadlineSettings, calendar: periods.WorkCalendar, today: date,
              soon_days: int) -> list[DueItem]:
    """The listed deadlines of ``cases`` (rows with :data:`CASE_COLUMNS` as attributes), in the 工作台's order.

    ``names``: applicant names per case in party order; ``effective``: the agreement's effective day per
    case; ``items``: the live agreement items per case in ``seq`` order (:data:`ITEM_COLUMNS`);
    ``visited``: the cases with a live follow-up.
    """
    found: list[DueItem] = []
    for case in cases:
        case_items = items.get(case.id, [])
        dues = [i.due_on for i in case_items if i.due_on] if effective.get(case.id) else []  # a draft sets none
        dates = periods.CaseDates(  # as services.case_view.case_dates builds them, from plain columns
            received_on=case.received_on, infringement_known_on=case.infringement_known_on,
            mediation_extended_until=case.mediation_extended_until,
            agreement_effective_on=effective.get(case.id), last_item_due_on=max(dues, default=None),
            closed_on=case.closed_on, entrusted=case.source == periods.ENTRUSTED_SOURCE,
            mediation_ended_on=periods.mediation_ended_on(
                failed_on=case.failed_on, rejected_on=case.rejected_on, withdrawn_on=case.withdrawn_on,
                accepted_on=case.accepted_on))
        deadlines = periods.compute_deadlines(dates, lengths, calendar, explain=False)
        people = names.get(case.id, [])
        who = people[0] + (_("等{n}人").format(n=len(people)) if len(people) > 1 else "") if people else ""

        def add(deadline: str, label: str, due: date, case: Any = case, who: str = who) -> None:
            status = periods.due_status(due, today, soon_days=soon_days)
            if status != "later" or deadline in periods.ALWAYS_LISTED:
                found.append(DueItem(case.id, case.number, who, deadline, label, due, status, case.mediator))

        for name in WATCHED[case.state]:
            if name == "performance":
                for item in case_items:
                    if item.performed_on is None and item.due_on:
                        add("performance", _("第{n}项履行期限").format(n=item.seq), item.due_on)
            elif not periods.deadline_counts(name, case.state, followed_up=case.id in visited):
                continue
            elif name in deadlines:
                add(name, deadlines[name].label, deadlines[name].due)
            if name == "mediation" and case.mediation_extended_until is not None:
                # LDTJ art. 14 ¶3: an agreed extension does not suspend the right to arbitration.
                right_from = periods.arbitration_right_from(dates, lengths, calendar)
                if right_from != deadlines[name].due:
                    add("arbitration_right", _("法定调解期限届满（可申请仲裁）"), right_from)
    found.sort(key=lambda i: (_ORDER[i.status], i.due, i.number))
    return found


def month_counts(counted: Mapping[str, int]) -> dict[str, int]:
    """This month's count of every action the 工作台 shows (0 for those not counted)."""
    return {action: counted.get(action, 0) for action in MONTH_ACTIONS}


def setup_notices(*, registered: int, linked: bool, mine: bool) -> tuple[str, ...]:
    """What the office must set up before cases can be handled: ``registered`` active mediators in the register;
    ``linked``: the user's login is linked to one (asked only for “我的案件”, ``mine``)."""
    notices: list[str] = []
    if registered == 0:
        notices.append(_("调解员名册中还没有调解员，案件不能受理：请在“名册台账 › 调解员”中添加调解员，"
                         "再由管理员在“用户”中把调解员的账户关联到名册记录"))
    if mine and not linked:
        notices.append(_("您的账户尚未关联调解员名册中的记录，“我的案件”只列出您登记的案件；"
                         "请管理员在“用户”中关联"))
    return tuple(notices)


__all__ = ["CASE_COLUMNS", "CASE_DATES", "ITEM_COLUMNS", "MONTH_ACTIONS", "WATCHED", "CaseRow", "Dashboard",
           "DueItem", "ItemRow", "bounds", "due_items", "month_counts", "setup_notices", "watching"]
