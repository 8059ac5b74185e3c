"""Typed case-action commands (issue 11.2: typed inside, JSON at the edges).

One frozen dataclass per workflow action (SPEC §2.1) carries its values as ``date``, cents and
tuples; :func:`parse_command` is the one place an edge dict (CLI JSON, GUI form values, Excel
import of past cases) becomes such a command, with the field names and Chinese messages the
user has always seen.  Checks that need the case or the database (dates against the receipt,
mediators in the register, applicants of the case, saved items) stay in
:mod:`services.case_actions`, resolved from the command's fields.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar, Union

from hexie_desktop.core import codes, fields, money, workflow
from hexie_desktop.core.errors import UserError, ValidationErrors
from hexie_desktop.core.i18n import _

ITEM_KEYS = frozenset({"obligation", "payer", "payee", "amount", "method", "due_on", "category"})
SHARE_KEYS = frozenset({"applicant", "amount", "due_on"})
CATALOG_KEYS = frozenset({"doc_type", "title", "pages"})
SIGNATURES = ("applicant_signed_on", "respondent_signed_on", "mediator_signed_on", "seal_applied_on")
KEYS: dict[str, frozenset[str]] = {
    "accept": frozenset({"on", "mediator", "note", "approver"}),
    "reject": frozenset({"on", "reason", "note"}),
    "record-session": frozenset({"held_on", "start_time", "end_time", "place", "mediators", "recorder", "attendees",
                                 "statements", "proposal", "result"}),
    "extend": frozenset({"new_end", "applicant_consent_on", "respondent_consent_on", "note"}),
    "draft-agreement": frozenset({"items", "content", "shares", "arbitration_review", "judicial_confirmation"}),
    "agree": frozenset({"items", "content", "shares", "arbitration_review", "judicial_confirmation", *SIGNATURES}),
    "fail": frozenset({"on", "reason", "note"}),
    "withdraw": frozenset({"on", "signed", "note"}),
    "perform-item": frozenset({"item", "on", "amount", "evidence", "note"}),
    "default": frozenset({"on", "note"}),
    "follow-up": frozenset({"visited_on", "person", "method", "performance_status", "satisfaction", "risks",
                            "measures"}),
    "close": frozenset({"on", "note"}),
    "archive": frozenset({"on", "retention_years", "catalog"}),
}
"""The data keys each action reads; any other key is refused by name (a typo must not lose text)."""


@dataclass(frozen=True)
class Accept:
    """受理: date, mediator (name or id, resolved in the register), approver."""

    action: ClassVar[str] = "accept"
    on: date
    mediator: str | None = None
    note: str | None = None
    approver: str | None = None


@dataclass(frozen=True)
class Reject:
    """不予受理 with a reason code from ``codes.REJECTION_REASONS``."""

    action: ClassVar[str] = "reject"
    on: date
    reason: str
    note: str | None = None


@dataclass(frozen=True)
class RecordSession:
    """One mediation session (调解笔录)."""

    action: ClassVar[str] = "record-session"
    held_on: date
    start_time: str | None = None
    end_time: str | None = None
    place: str | None = None
    mediators: tuple[str, ...] = ()
    recorder: str | None = None
    attendees: str | None = None
    statements: str | None = None
    proposal: str | None = None
    result: str | None = None


@dataclass(frozen=True)
class Extend:
    """延长调解期限 with both parties' consent dates."""

    action: ClassVar[str] = "extend"
    new_end: date
    applicant_consent_on: date | None = None
    respondent_consent_on: date | None = None
    note: str | None = None


@dataclass(frozen=True)
class ItemTerm:
    """One agreement item; ``payer`` ``None`` means the respondent."""

    obligation: str
    due_on: date
    amount_cents: int = 0
    payer: str | None = None
    payee: str | None = None
    method: str | None = None
    category: str | None = None


@dataclass(frozen=True)
class ShareTerm:
    """One worker's share of a collective agreement; ``due_on`` ``None``: the items' last due date."""

    applicant: str
    amount_cents: int
    due_on: date | None = None


@dataclass(frozen=True)
class DraftAgreement:
    """Save the agreement to be signed; ``shares``/flags ``None``: keep the saved ones."""

    action: ClassVar[str] = "draft-agreement"
    items: tuple[ItemTerm, ...] = ()
    content: str | None = None
    shares: tuple[ShareTerm, ...] | None = None
    arbitration_review: bool | None = None
    judicial_confirmation: bool | None = None


@dataclass(frozen=True)
class Agree:
    """The agreement takes effect; ``items``/``shares`` ``None`` and ``content_given`` false: the saved draft's."""

    action: ClassVar[str] = "agree"
    items: tuple[ItemTerm, ...] | None = None
    content: str | None = None
    content_given: bool = False
    shares: tuple[ShareTerm, ...] | None = None
    arbitration_review: bool | None = None
    judicial_confirmation: bool | None = None
    applicant_signed_on: date | None = None
    respondent_signed_on: date | None = None
    mediator_signed_on: date | None = None
    seal_applied_on: date | None = None

    @property
    def signatures(self) -> dict[str, date | None]:
        """The four signature facts by field name."""
        return {key: getattr(self, key) for key in SIGNATURES}


@dataclass(frozen=True)
class Fail:
    """调解不成 with a reason code from ``codes.FAILURE_REASONS``."""

    action: ClassVar[str] = "fail"
    on: date
    reason: str
    note: str | None = None


@dataclass(frozen=True)
class Withdraw:
    """撤回 (must be signed by the applicant)."""

    action: ClassVar[str] = "withdraw"
    on: date
    signed: bool = True
    note: str | None = None


@dataclass(frozen=True)
class PerformItem:
    """履行 of agreement item ``item``; ``amount_cents`` ``None``: all that is left."""

    action: ClassVar[str] = "perform-item"
    item: int
    on: date
    amount_cents: int | None = None
    evidence: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Default:
    """不履行 (default on the agreement)."""

    action: ClassVar[str] = "default"
    on: date
    note: str | None = None


@dataclass(frozen=True)
class FollowUp:
    """回访."""

    action: ClassVar[str] = "follow-up"
    visited_on: date
    person: str | None = None
    method: str | None = None
    performance_status: str | None = None
    satisfaction: str | None = None
    risks: str | None = None
    measures: str | None = None


@dataclass(frozen=True)
class Close:
    """结案."""

    action: ClassVar[str] = "close"
    on: date
    note: str | None = None


@dataclass(frozen=True)
class CatalogEntry:
    """One line of the 卷内目录."""

    doc_type: str
    title: str | None = None
    pages: int | None = None


@dataclass(frozen=True)
class Archive:
    """归档; ``retention_years`` ``None``: the station's setting."""

    action: ClassVar[str] = "archive"
    on: date
    retention_years: int | None = None
    catalog: tuple[CatalogEntry, ...] = ()


Command = Union[Accept, Reject, RecordSession, Extend, DraftAgreement, Agree, Fail, Withdraw, PerformItem,  # noqa: UP007
                Default, FollowUp, Close, Archive]
"""Any case-action command."""


def _text(data: Mapping[str, Any], key: str, max_len: int = 2000) -> str | None:
    return fields.text(data.get(key), key, max_len=max_len)


def _on(data: Mapping[str, Any], key: str, today: date) -> date:
    """The date ``key``, today when left empty (its range is checked against the case by the service)."""
    return fields.day(data.get(key), key) or today


def _collect(raw: list, parse: Callable[[Any, str], Any], name: str) -> tuple:
    """Parse each entry of a list, reporting every bad entry at once."""
    errors: list[UserError] = []
    out = []
    for i, entry in enumerate(raw):
        try:
            out.append(parse(entry, f"{name}[{i}]"))
        except UserError as exc:
            errors.append(exc)
    if errors:
        raise ValidationErrors(errors)
    return tuple(out)


def _item(raw: object, path: str) -> ItemTerm:
    data = fields.only(fields.mapping(raw, path), ITEM_KEYS, path)
    amount = data.get("amount")
    due_on = fields.day(data.get("due_on"), f"{path}.due_on", required=True)
    item = ItemTerm(
        obligation=fields.text(data.get("obligation"), f"{path}.obligation", required=True, max_len=2000),
        payer=fields.text(data.get("payer"), f"{path}.payer", max_len=200),
        payee=fields.text(data.get("payee"), f"{path}.payee", max_len=200),
        amount_cents=0 if amount in (None, "") else money.parse_amount(amount, field=f"{path}.amount"),
        method=data.get("method"), due_on=due_on, category=data.get("category"))
    if item.method is not None:
        codes.require(codes.PAYMENT_METHODS, item.method, f"{path}.method")
    if item.category is not None:
        codes.require(codes.CLAIM_CATEGORIES, item.category, f"{path}.category")
    return item


def _share(raw: object, path: str) -> ShareTerm:
    data = fields.only(fields.mapping(raw, path), SHARE_KEYS, path)
    applicant = fields.text(data.get("applicant"), f"{path}.applicant", required=True, max_len=50)
    due_on = fields.day(data.get("due_on"), f"{path}.due_on")
    amount = data.get("amount")
    if amount is None or amount == "":
        raise UserError(_("请填写该申请人的金额"), field=f"{path}.amount")
    return ShareTerm(applicant, money.parse_amount(amount, field=f"{path}.amount"), due_on)


def _catalog_entry(raw: object, path: str) -> CatalogEntry:
    entry = fields.only(fields.mapping(raw, path), CATALOG_KEYS, path)
    return CatalogEntry(codes.require(codes.DOCUMENT_TYPES, entry.get("doc_type"), f"{path}.doc_type"),
                        fields.text(entry.get("title"), f"{path}.title", max_len=200),
                        fields.integer(entry.get("pages"), f"{path}.pages", minimum=1, maximum=10000))


def parse_items(value: object) -> tuple[ItemTerm, ...]:
    """The ``items`` list of an agreement (every bad item reported at once)."""
    return _collect(fields.sequence(value, "items"), _item, "items")


def parse_shares(value: object) -> tuple[ShareTerm, ...]:
    """The ``shares`` list of a collective agreement (every bad share reported at once)."""
    return _collect(fields.sequence(value, "shares"), _share, "shares")


def _flag(data: Mapping[str, Any], flag: str) -> bool | None:
    """A yes/no flag of the agreement; ``None`` when not given (keep the saved one)."""
    return fields.boolean(data.get(flag), flag) if flag in data else None


def _decision(data: Mapping[str, Any], today: date, reasons: Mapping[str, str]) -> tuple[date, str, str | None]:
    on = _on(data, "on", today)
    note = _text(data, "note")
    return on, workflow.require_reason(data.get("reason"), reasons, note), note


def _accept(data: Mapping[str, Any], today: date) -> Accept:
    return Accept(on=_on(data, "on", today), mediator=_text(data, "mediator", 50), note=_text(data, "note"),
                  approver=_text(data, "approver", 50))


def _reject(data: Mapping[str, Any], today: date) -> Reject:
    return Reject(*_decision(data, today, codes.REJECTION_REASONS))


def _fail(data: Mapping[str, Any], today: date) -> Fail:
    return Fail(*_decision(data, today, codes.FAILURE_REASONS))


def _record_session(data: Mapping[str, Any], today: date) -> RecordSession:
    held_on = _on(data, "held_on", today)
    start = fields.clock(data.get("start_time"), "start_time")
    end = fields.clock(data.get("end_time"), "end_time")
    if start and end and end <= start:
        raise UserError(_("结束时间应晚于开始时间 {t}").format(t=start), field="end_time")
    return RecordSession(
        held_on=held_on, start_time=start, end_time=end, place=_text(data, "place", 100),
        mediators=tuple(workflow.split_names(_text(data, "mediators", 200))),
        recorder=_text(data, "recorder", 50), attendees=_text(data, "attendees", 2000),
        statements=_text(data, "statements", 20000), proposal=_text(data, "proposal", 5000),
        result=_text(data, "result", 5000))


def _extend(data: Mapping[str, Any], today: date) -> Extend:
    return Extend(new_end=fields.day(data.get("new_end"), "new_end", required=True),
                  applicant_consent_on=fields.day(data.get("applicant_consent_on"), "applicant_consent_on"),
                  respondent_consent_on=fields.day(data.get("respondent_consent_on"), "respondent_consent_on"),
                  note=_text(data, "note"))


def _draft_agreement(data: Mapping[str, Any], today: date) -> DraftAgreement:
    items = parse_items(data.get("items"))
    content = _text(data, "content", 20000)
    shares = parse_shares(data.get("shares")) if "shares" in data else None
    return DraftAgreement(items=items, content=content, shares=shares,
                          arbitration_review=_flag(data, "arbitration_review"),
                          judicial_confirmation=_flag(data, "judicial_confirmation"))


def _agree(data: Mapping[str, Any], today: date) -> Agree:
    items = parse_items(data.get("items")) if "items" in data else None
    content = _text(data, "content", 20000)
    signed = [fields.day(data.get(key), key) for key in SIGNATURES]
    shares = parse_shares(data.get("shares")) if "shares" in data else None
    return Agree(items=items, content=content, content_given="content" in data, shares=shares,
                 arbitration_review=_flag(data, "arbitration_review"),
                 judicial_confirmation=_flag(data, "judicial_confirmation"),
                 applicant_signed_on=signed[0], respondent_signed_on=signed[1], mediator_signed_on=signed[2],
                 seal_applied_on=signed[3])


def _withdraw(data: Mapping[str, Any], today: date) -> Withdraw:
    on = _on(data, "on", today)
    signed = fields.boolean(data.get("signed"), "signed", default=True)
    return Withdraw(on=on, signed=signed, note=_text(data, "note"))


def _perform_item(data: Mapping[str, Any], today: date) -> PerformItem:
    seq = fields.integer(data.get("item"), "item", required=True, minimum=1)
    on = _on(data, "on", today)
    amount = data.get("amount")
    return PerformItem(item=seq, on=on, amount_cents=None if amount in (None, "") else money.parse_amount(amount),
                       evidence=_text(data, "evidence"), note=_text(data, "note"))


def _default(data: Mapping[str, Any], today: date) -> Default:
    return Default(on=_on(data, "on", today), note=_text(data, "note"))


def _follow_up(data: Mapping[str, Any], today: date) -> FollowUp:
    on = _on(data, "visited_on", today)
    satisfaction = data.get("satisfaction")
    if satisfaction is not None:
        codes.require(codes.SATISFACTION_LEVELS, satisfaction, "satisfaction")
    method = data.get("method")
    if method is not None:
        codes.require(codes.VISIT_METHODS, method, "method")
    return FollowUp(visited_on=on, person=_text(data, "person", 100), method=method,
                    performance_status=_text(data, "performance_status"), satisfaction=satisfaction,
                    risks=_text(data, "risks"), measures=_text(data, "measures"))


def _close(data: Mapping[str, Any], today: date) -> Close:
    return Close(on=_on(data, "on", today), note=_text(data, "note"))


def _archive(data: Mapping[str, Any], today: date) -> Archive:
    on = _on(data, "on", today)
    catalog = tuple(_catalog_entry(entry, f"catalog[{i}]")
                    for i, entry in enumerate(fields.sequence(data.get("catalog"), "catalog")))
    return Archive(on=on, catalog=catalog,
                   retention_years=fields.integer(data.get("retention_years"), "retention_years", minimum=1,
                                                  maximum=100))


PARSERS: dict[str, Callable[[Mapping[str, Any], date], Command]] = {
    "accept": _accept,
    "reject": _reject,
    "record-session": _record_session,
    "extend": _extend,
    "draft-agreement": _draft_agreement,
    "agree": _agree,
    "fail": _fail,
    "withdraw": _withdraw,
    "perform-item": _perform_item,
    "default": _default,
    "follow-up": _follow_up,
    "close": _close,
    "archive": _archive,
}

COMMANDS: dict[str, type] = {
    cls.action: cls for cls in (Accept, Reject, RecordSession, Extend, DraftAgreement, Agree, Fail, Withdraw,
                                PerformItem, Default, FollowUp, Close, Archive)
}
"""The command type of each workflow action."""


def parse_command(action: str, data: object, today: date) -> Command:
    """The typed command of ``action`` from its edge dict (unknown keys refused by name; empty dates: today)."""
    workflow.spec(action)
    checked = fields.only(fields.mapping(data if data is not None else {}, "data"), KEYS[action])
    return PARSERS[action](checked, today)
