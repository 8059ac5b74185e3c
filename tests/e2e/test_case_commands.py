"""Typed case-action commands through the service (issue 11.2): ``apply_command`` takes the frozen command
built in core (dates as ``date``, money in 分), ``apply`` is the edge that parses the dict; both give the
same case, and a refused command writes nothing (real SQLite file)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from hexie_desktop.core import commands
from hexie_desktop.core.errors import NotAllowed, UserError, ValidationErrors
from hexie_desktop.services import case_actions, case_queries, cases
from hexie_desktop.storage.models import AuditEntry
from tests.e2e.helpers import case_payload, db_digest


def _register(ctx) -> str:
    return cases.register(ctx, {"cases": [case_payload()]})[0].number


def test_a_typed_life_matches_the_dict_life(ctx) -> None:
    """The same steps once as dicts (CLI/GUI edge) and once as typed commands give the same case."""
    typed, edge = _register(ctx), _register(ctx)
    signed = dict.fromkeys(commands.SIGNATURES, date(2026, 9, 20))
    steps = [
        commands.Accept(on=date(2026, 9, 17)),
        commands.RecordSession(held_on=date(2026, 9, 18), place="调解室"),
        commands.Agree(items=(commands.ItemTerm("支付拖欠工资", date(2026, 9, 30), 1_000_000, category="wages"),),
                       **signed),
        commands.PerformItem(item=1, on=date(2026, 9, 29), amount_cents=400_000),
    ]
    dicts = [
        ("accept", {"on": "2026-09-17"}),
        ("record-session", {"held_on": "2026-09-18", "place": "调解室"}),
        ("agree", {"items": [{"obligation": "支付拖欠工资", "amount": "10000.00", "due_on": "2026-09-30",
                              "category": "wages"}], **{k: "2026-09-20" for k in commands.SIGNATURES}}),
        ("perform-item", {"item": 1, "on": "2026-09-29", "amount": "4000"}),
    ]
    for command, (action, data) in zip(steps, dicts, strict=True):
        a = case_actions.apply_command(ctx, typed, command)
        b = case_actions.apply(ctx, edge, action, data)
        assert (a.action, a.from_state, a.state, a.message) == (b.action, b.from_state, b.state, b.message)
    one, other = case_queries.show(ctx, typed), case_queries.show(ctx, edge)
    assert one["state"] == other["state"] == "performing"
    assert one["agreement"]["items"][0]["paid"] == other["agreement"]["items"][0]["paid"] == "4000.00"
    with ctx.db.transaction() as session:
        logged = session.execute(select(AuditEntry.action).where(AuditEntry.action.like("case.%"))).scalars().all()
    assert sorted(logged).count("case.perform-item") == 2  # one audit entry per action, whichever entry point
    assert len(logged) == 2 + 2 * len(steps)  # two registrations, then each step twice


@pytest.mark.parametrize(("command", "error", "field"), [
    (commands.Accept(on=date(2026, 9, 1)), UserError, "on"),  # before the receipt (16 Sep)
    (commands.Accept(on=date(2026, 9, 17), mediator="查无此人"), UserError, "mediator"),
    (commands.Withdraw(on=date(2026, 9, 17), signed=False), NotAllowed, None),
    (commands.PerformItem(item=1, on=date(2026, 9, 17)), NotAllowed, None),  # not allowed while registered
    (commands.DraftAgreement(items=(commands.ItemTerm("支付工资", date(2026, 9, 1), 100),)), ValidationErrors,
     "items[0].due_on"),
])
def test_a_refused_command_writes_nothing(ctx, station, command, error, field) -> None:
    number = _register(ctx)
    if command.action in ("withdraw", "draft-agreement"):
        case_actions.apply_command(ctx, number, commands.Accept(on=date(2026, 9, 17)))
    before = db_digest(station)
    with pytest.raises(error) as info:
        case_actions.apply_command(ctx, number, command)
    if field is not None:
        assert info.value.field == field or any(e.field == field for e in getattr(info.value, "errors", ()))
    assert db_digest(station) == before
