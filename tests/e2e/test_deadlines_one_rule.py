"""Which deadlines still count: one rule (core.periods.deadline_counts) for the case's deadline list and the dashboard.

Before, services/case_view.py and services/dashboard.py each had their own copy and they
disagreed about the 回访 of a case closed without one: the case showed 回访期限 as still due
(even once archived, when no follow-up can be recorded any more), the dashboard never listed
it.  SPEC §2.1: "Follow-ups (回访) may be recorded in any state after agreed/failed" and the
workflow allows 回访 in 已结案 but not in 已归档 — so a closed case still owes its 回访 (both
now say so), an archived one does not (both now say so).
"""

from __future__ import annotations

import pytest

from hexie_desktop.core import periods
from hexie_desktop.services import case_actions, case_queries, cases, dashboard
from tests.e2e.helpers import case_payload, signatures


def _closed_without_follow_up(ctx) -> str:
    number = cases.register(ctx, {"cases": [case_payload()]})[0].number
    case_actions.apply(ctx, number, "accept", {"on": "2026-09-17"})
    case_actions.apply(ctx, number, "record-session", {"held_on": "2026-09-18"})
    case_actions.apply(ctx, number, "agree", {"items": [
        {"obligation": "支付拖欠工资", "amount": "10000.00", "due_on": "2026-09-30", "category": "wages"}],
        **signatures()})
    case_actions.apply(ctx, number, "perform-item", {"item": 1, "on": "2026-09-29"})
    assert case_actions.apply(ctx, number, "close", {"on": "2026-10-21"}).state == "closed"
    return number


def _board(ctx, number: str) -> set[str]:
    return {i.deadline for i in dashboard.dashboard(ctx).items if i.number == number}


def test_a_closed_case_without_follow_up_owes_it_on_both_screens_an_archived_one_on_neither(ctx):
    number = _closed_without_follow_up(ctx)
    details = case_queries.show(ctx, number)["deadline_details"]
    assert details["follow_up"]["active"] and details["follow_up"]["status"] == "overdue"
    assert "follow_up" in _board(ctx, number)                      # the dashboard used to skip it
    assert _board(ctx, number) == {"follow_up", "archive"}         # 归档期限 20 Nov is overdue too
    catalog = [{"doc_type": t, "title": "…", "pages": 1} for t in (
        "application", "registration", "agreement", "notice", "identity", "acceptance", "record")]
    case_actions.apply(ctx, number, "archive", {"on": "2026-10-30", "catalog": catalog})
    details = case_queries.show(ctx, number)["deadline_details"]
    assert not details["follow_up"]["active"] and details["follow_up"]["status"] == "met"  # used to stay due
    assert _board(ctx, number) == set()


def test_recording_the_follow_up_ends_it_everywhere(ctx):
    number = _closed_without_follow_up(ctx)
    case_actions.apply(ctx, number, "follow-up", {"visited_on": "2026-10-25", "satisfaction": "satisfied"})
    assert not case_queries.show(ctx, number)["deadline_details"]["follow_up"]["active"]
    assert "follow_up" not in _board(ctx, number)


def test_a_received_case_awaiting_its_acceptance_decision_is_a_to_do_before_it_is_due(ctx):
    """调解办法/SPEC §2.2: decide acceptance within 3 working days of receipt — a to-do from day one."""
    number = cases.register(ctx, {"cases": [case_payload(received_on="2026-11-21")]})[0].number
    item = next(i for i in dashboard.dashboard(ctx).items if i.number == number)
    assert item.deadline == "acceptance" and item.status == "later" and item.due > ctx.today
    assert item.due.isoformat() == case_queries.show(ctx, number)["deadline_details"]["acceptance"]["due"]
    case_actions.apply(ctx, number, "accept", {"on": "2026-11-21"})
    assert all(i.number != number for i in dashboard.dashboard(ctx).items)


@pytest.mark.parametrize("name,state,followed_up,counts", [
    ("acceptance", "registered", False, True), ("acceptance", "accepted", False, False),
    ("mediation", "mediating", False, True), ("mediation", "agreed", False, False),
    ("follow_up", "closed", False, True), ("follow_up", "closed", True, False), ("follow_up", "archived", False, False),
    ("archive", "closed", False, True), ("archive", "archived", False, False),
    ("limitation", "failed", False, True), ("limitation", "closed", False, False),
    ("judicial_confirmation", "performing", False, True), ("judicial_confirmation", "closed", False, False),
])
def test_the_rule_itself(name, state, followed_up, counts):
    assert periods.deadline_counts(name, state, followed_up=followed_up) is counts
