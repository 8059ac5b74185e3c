"""The typed case-action commands and their one parser (issue 11.2: typed inside, JSON at the edges).

Each action's edge dict (CLI JSON, GUI form values, Excel import of past cases) becomes a frozen
command with ``date`` values, cents and tuples; a bad dict gives the field name and Chinese
message the service always gave (the parser is pure: nothing can be written before it succeeds).
"""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from hexie_desktop.core import commands, fields, workflow
from hexie_desktop.core.errors import UserError, ValidationErrors

TODAY = date(2025, 6, 30)


def _error(action: str, data: dict) -> UserError:
    with pytest.raises(UserError) as caught:
        commands.parse_command(action, data, TODAY)
    return caught.value


def _day_error(value: str, field: str) -> str:
    """The message ``fields.day`` gives for ``value`` (what the handlers said before the parser)."""
    with pytest.raises(UserError) as caught:
        fields.day(value, field)
    return caught.value.message


GOOD: dict[str, tuple[dict, object]] = {
    "accept": ({"on": "2025-06-01", "mediator": " 王五 ", "approver": "李主任"},
               commands.Accept(on=date(2025, 6, 1), mediator="王五", approver="李主任")),
    "reject": ({"reason": "not_labor_dispute", "note": "属民事纠纷"},
               commands.Reject(on=TODAY, reason="not_labor_dispute", note="属民事纠纷")),
    "record-session": ({"held_on": "2025/6/3", "start_time": "09:30", "end_time": "11:00", "place": "调解室",
                        "mediators": "王五、李四", "result": "继续协商"},
                       commands.RecordSession(held_on=date(2025, 6, 3), start_time="09:30", end_time="11:00",
                                              place="调解室", mediators=("王五", "李四"), result="继续协商")),
    "extend": ({"new_end": "2025-07-15", "applicant_consent_on": "2025-06-20", "respondent_consent_on": "2025-06-21"},
               commands.Extend(new_end=date(2025, 7, 15), applicant_consent_on=date(2025, 6, 20),
                               respondent_consent_on=date(2025, 6, 21))),
    "draft-agreement": ({"items": [{"obligation": "支付工资", "amount": "1234.50", "due_on": "2025-07-10",
                                    "method": "bank_transfer", "category": "wages"}],
                         "content": "双方自愿达成协议", "arbitration_review": True},
                        commands.DraftAgreement(items=(commands.ItemTerm(
                            obligation="支付工资", due_on=date(2025, 7, 10), amount_cents=123450,
                            method="bank_transfer", category="wages"),), content="双方自愿达成协议",
                            arbitration_review=True)),
    "agree": ({"applicant_signed_on": "2025-06-28", "shares": [{"applicant": "欧阳", "amount": "100"}]},
              commands.Agree(applicant_signed_on=date(2025, 6, 28),
                             shares=(commands.ShareTerm("欧阳", 10000),))),
    "fail": ({"on": "2025-06-29", "reason": "other", "note": "申请人失联"},
             commands.Fail(on=date(2025, 6, 29), reason="other", note="申请人失联")),
    "withdraw": ({"signed": True}, commands.Withdraw(on=TODAY, signed=True)),
    "perform-item": ({"item": 2, "amount": "300.00", "evidence": "转账凭证"},
                     commands.PerformItem(item=2, on=TODAY, amount_cents=30000, evidence="转账凭证")),
    "default": ({"on": "2025-06-30", "note": "逾期未付"}, commands.Default(on=TODAY, note="逾期未付")),
    "follow-up": ({"person": "欧阳", "method": "phone", "satisfaction": "satisfied"},
                  commands.FollowUp(visited_on=TODAY, person="欧阳", method="phone", satisfaction="satisfied")),
    "close": ({}, commands.Close(on=TODAY)),
    "archive": ({"retention_years": 30, "catalog": [{"doc_type": "application", "title": "申请书", "pages": 2}]},
                commands.Archive(on=TODAY, retention_years=30,
                                 catalog=(commands.CatalogEntry("application", "申请书", 2),))),
}


def test_every_workflow_action_has_a_command_type_and_a_good_example() -> None:
    assert set(commands.COMMANDS) == set(workflow.ACTIONS) == set(commands.KEYS) == set(GOOD)
    for action, cls in commands.COMMANDS.items():
        assert cls.action == action
        assert dataclasses.is_dataclass(cls) and cls.__dataclass_params__.frozen  # type: ignore[attr-defined]


@pytest.mark.parametrize("action", list(GOOD))
def test_a_good_dict_gives_the_typed_command(action: str) -> None:
    data, expected = GOOD[action]
    command = commands.parse_command(action, data, TODAY)
    assert command == expected
    assert type(command) is commands.COMMANDS[action]


@pytest.mark.parametrize("action", list(GOOD))
def test_every_accepted_key_is_read_by_the_parser(action: str) -> None:
    """Each key of ``KEYS[action]`` alone is accepted (empty values take their defaults)."""
    for key in commands.KEYS[action]:
        if key in ("reason", "new_end", "item"):
            continue  # required: refused when empty, below
        commands.parse_command(action, {**_required(action), key: None}, TODAY)


def _required(action: str) -> dict:
    return {"reject": {"reason": "not_labor_dispute"}, "fail": {"reason": "refusal"},
            "extend": {"new_end": "2025-07-15"}, "perform-item": {"item": 1}}.get(action, {})


@pytest.mark.parametrize("action", list(GOOD))
def test_an_unknown_key_is_refused_by_name(action: str) -> None:
    error = _error(action, {**_required(action), "notte": "x"})
    assert error.field == "notte" and "未知字段" in error.message


def test_empty_dates_are_today_and_stay_dates() -> None:
    assert commands.parse_command("accept", {"on": ""}, TODAY).on == TODAY  # type: ignore[union-attr]
    assert commands.parse_command("follow-up", {}, TODAY).visited_on == TODAY  # type: ignore[union-attr]


BAD: list[tuple[str, dict, str, str | None]] = [
    ("reject", {"note": "x"}, "reason", "必须填写原因"),
    ("reject", {"reason": "no_such"}, "reason", None),
    ("fail", {"reason": "other"}, "note", "原因为“其他”时必须填写说明"),
    ("record-session", {"start_time": "11:00", "end_time": "09:30"}, "end_time", "结束时间应晚于开始时间 11:00"),
    ("record-session", {"start_time": "25:00"}, "start_time", None),
    ("extend", {}, "new_end", None),
    ("extend", {"new_end": "2025-07-15", "applicant_consent_on": "2025-13-01"}, "applicant_consent_on", None),
    ("withdraw", {"signed": "yes"}, "signed", "应为 true 或 false"),
    ("perform-item", {"item": 0}, "item", None),
    ("perform-item", {"item": 1, "amount": "abc"}, "amount", None),
    ("follow-up", {"method": "pigeon"}, "method", None),
    ("follow-up", {"satisfaction": "ecstatic"}, "satisfaction", None),
    ("archive", {"retention_years": 0}, "retention_years", "应在1到100之间"),
    ("archive", {"catalog": [{"doc_type": "nope"}]}, "catalog[0].doc_type", None),
    ("archive", {"catalog": [{"doc_type": "application", "pagez": 1}]}, "catalog[0].pagez", None),
    ("draft-agreement", {"items": "支付工资"}, "items", "应为数组"),
    ("agree", {"arbitration_review": "是"}, "arbitration_review", "应为 true 或 false"),
    ("agree", {"seal_applied_on": "2025-02-30"}, "seal_applied_on", None),
    ("accept", {"on": "昨天"}, "on", None),
]


@pytest.mark.parametrize(("action", "data", "field", "message"), BAD)
def test_a_bad_dict_gives_the_error_the_service_gave(action: str, data: dict, field: str,
                                                    message: str | None) -> None:
    error = _error(action, data)
    assert error.field == field
    if message is not None:
        assert error.message == message
    assert error.message  # always a sentence for people


def test_bad_dates_keep_the_date_parsers_message() -> None:
    assert _error("accept", {"on": "昨天"}).message == _day_error("昨天", "on")
    assert _error("follow-up", {"visited_on": "2025-02-30"}).message == _day_error("2025-02-30", "visited_on")


def test_every_bad_item_and_share_is_named_at_once() -> None:
    """A form names every bad row, not just the first (as ``_parse_items`` did)."""
    error = _error("draft-agreement", {"items": [
        {"obligation": "支付工资", "due_on": "2025-07-10", "amount": "-1"},
        {"obligation": "", "due_on": "2025-07-10"},
        {"obligation": "出具证明", "due_on": None},
        {"obligation": "补缴", "due_on": "2025-07-10", "method": "barter"},
        {"obligation": "道歉", "due_on": "2025-07-10", "payeee": "欧阳"},
    ]})
    assert isinstance(error, ValidationErrors)
    assert [e.field for e in error.errors] == ["items[0].amount", "items[1].obligation", "items[2].due_on",
                                               "items[3].method", "items[4].payeee"]
    shares = _error("agree", {"shares": [{"applicant": "", "amount": "1"}, {"applicant": "欧阳"}]})
    assert isinstance(shares, ValidationErrors)
    assert [(e.field, e.message) for e in shares.errors][1] == ("shares[1].amount", "请填写该申请人的金额")
    assert shares.errors[0].field == "shares[0].applicant"


def test_agree_tells_given_from_left_out() -> None:
    """``agree`` without items/content/shares keeps the saved draft's; given empty ones replace it."""
    kept = commands.parse_command("agree", {}, TODAY)
    assert isinstance(kept, commands.Agree)
    assert kept.items is None and kept.shares is None and not kept.content_given
    assert kept.arbitration_review is None
    given = commands.parse_command("agree", {"items": [], "content": None, "shares": [],
                                             "judicial_confirmation": None}, TODAY)
    assert isinstance(given, commands.Agree)
    assert given.items == () and given.shares == () and given.content_given
    assert given.judicial_confirmation is False


def test_an_action_outside_the_workflow_is_refused() -> None:
    with pytest.raises(Exception) as caught:
        commands.parse_command("teleport", {}, TODAY)
    assert not isinstance(caught.value, AssertionError)


def test_commands_are_frozen() -> None:
    command = commands.parse_command("close", {"note": "完结"}, TODAY)
    with pytest.raises(dataclasses.FrozenInstanceError):
        command.note = "改"  # type: ignore[misc]
