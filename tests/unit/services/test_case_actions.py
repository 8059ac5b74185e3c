"""services/case_actions.py: one action on one case — checks, state, event, audit — or nothing.

Legal source of the steps: 《劳动人事争议调解办法》/LDTJ (受理, 调解, 协议 art. 14 signatures,
履行) as core/workflow.py cites them.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from hexie_desktop.core.errors import HexieError, NotAllowed, NotFound, UserError, ValidationErrors
from hexie_desktop.services import case_actions, cases
from tests.e2e.helpers import case_payload, signatures


def _register(ctx, days_ago: int = 10) -> str:
    received = (ctx.today - timedelta(days=days_ago)).isoformat()
    payload = case_payload(received_on=received, infringement_known_on=received)
    return cases.register(ctx, {"cases": [payload]})[0].number


def _agreed(ctx) -> str:
    number = _register(ctx)
    day = lambda n: (ctx.today - timedelta(days=n)).isoformat()  # noqa: E731 (a short local helper)
    case_actions.apply(ctx, number, "accept", {"on": day(9)})
    case_actions.apply(ctx, number, "record-session", {"held_on": day(8)})
    due = (ctx.today + timedelta(days=30)).isoformat()
    result = case_actions.apply(ctx, number, "agree", {
        "items": [{"obligation": "支付工资", "amount": "12345.60", "due_on": due}],
        "content": "被申请人支付拖欠工资", **signatures(day(7))})
    assert result.state == "performing"
    return number


def test_a_case_goes_from_registration_to_performed(ctx):
    number = _agreed(ctx)
    done = case_actions.apply(ctx, number, "perform-item", {"item": 1, "amount": "12345.60"})
    assert (done.from_state, done.state) == ("performing", "performed")


def test_refused_actions_change_nothing(ctx, as_user, digest):
    number = _agreed(ctx)
    before = digest()
    with pytest.raises(NotFound, match="第2项"):
        case_actions.apply(ctx, number, "perform-item", {"item": 2})
    with pytest.raises(UserError, match="超过"):
        case_actions.apply(ctx, number, "perform-item", {"item": 1, "amount": "99999.00"})
    with pytest.raises(HexieError):
        case_actions.apply(ctx, number, "accept", {})  # not allowed in this state
    with pytest.raises(NotAllowed):
        case_actions.apply(as_user("clerk"), number, "default", {})
    with pytest.raises(UserError):
        case_actions.apply(ctx, number, "perform-item", {"item": 1, "on": (ctx.today + timedelta(days=1)).isoformat()})
    assert digest() == before


def test_a_worker_share_needs_its_amount(ctx, digest):
    """A share without an amount is named as missing, not as a value of the wrong type."""
    number = _register(ctx)
    case_actions.apply(ctx, number, "accept", {"on": (ctx.today - timedelta(days=9)).isoformat()})
    before = digest()
    with pytest.raises((UserError, ValidationErrors)) as info:
        case_actions.apply(ctx, number, "draft-agreement", {
            "items": [{"obligation": "支付工资", "amount": "100", "due_on": ctx.today.isoformat()}],
            "shares": [{"applicant": "张三"}]})
    errors = getattr(info.value, "errors", [info.value])
    assert any(e.field == "shares[0].amount" and "请填写" in e.message for e in errors)
    assert digest() == before
