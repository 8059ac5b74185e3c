"""Business rules for rows arriving from a township: the rules its own input went through.

:func:`check` runs after the codec's structural check (types, column lengths, UUIDs) and
before a row is written at the district.  It calls the core rules the township's forms and
imports call — nothing is restated here:

* every text column: :func:`core.text.first_control` (no NUL, ESC, BEL, bidi overrides …;
  line breaks only in multi-line fields, as :func:`core.fields.text` decides them), and free
  text no longer than the longest a form accepts (:data:`core.fields.LONG_TEXT_MAX`);
* every date and time between :data:`core.dates.EARLIEST` and :data:`core.dates.LATEST`;
* every amount (``*_cents``) through :func:`core.money.check_cents` (0 … 1,000 亿元), every
  other number not negative and within the column's range;
* code columns against their :mod:`core.codes` table (case states, sources, categories,
  reasons, ID types, methods …) and the case history's actions against
  :data:`core.workflow.EVENT_ACTIONS`;
* ID numbers, credit codes, phones and division codes through :mod:`core.ids`;
* the registers and ledgers field by field through the registry forms' own description
  (the fields declared in ``core/ledgers.py``, checked by :func:`core.ledgers.check_value`);
* cheap consistency inside a row: a closed or archived case has its closing date, an
  archived case its archiving date, an item is not paid beyond its amount.

A failing row raises :class:`~hexie_desktop.exchange.codec.RowError` naming the column; the
caller quarantines it (table, row id, field and reason) and applies the rest.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
from functools import cache
from typing import Any

from sqlalchemy import BigInteger

from hexie_desktop.core import codes, dates, fields, ids, money, workflow
from hexie_desktop.core.errors import UserError
from hexie_desktop.core.i18n import _
from hexie_desktop.core.ledgers import LEDGERS, FieldSpec, check_value
from hexie_desktop.core.text import describe, first_control, printable
from hexie_desktop.exchange.codec import TABLES, ColumnSpec, RowError, TableSpec

Check = Callable[[Any], object]
"""A rule for one stored value: returns quietly or raises :class:`UserError`."""

INT32_MAX = 2**31 - 1
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_FREE_TEXT_UNCAPPED = frozenset({("issued_documents", "snapshot")})
"""Text columns written by the program, not typed (a printed document's JSON data)."""


class _Code:
    """A code column: the value is a key of its code table."""

    def __init__(self, table: Mapping[str, str] | frozenset[str]) -> None:
        self.table = table

    def __call__(self, value: Any) -> None:
        """Raise :class:`UserError` for a value not in the table."""
        if value not in self.table:
            raise UserError(_("未知的代码“{code}”").format(code=str(value)[:40]))

    def holds_for_all(self, values: set[Any]) -> bool:
        """True when every one of ``values`` is in the table (as calling the rule on each)."""
        return all(map(self.table.__contains__, values))


def _code(table: Mapping[str, str] | frozenset[str]) -> Check:
    return _Code(table)


class _Range:
    """A rule that only bounds a value (an amount, a count, a day): it holds for all when it holds for the extremes.

    ``holds_for_all`` calls the rule itself on the smallest and the largest value, and only
    when every value is a plain ``int``, ``date`` or ``datetime`` (one of them for all), whose
    order is the order the bounds are about.
    """

    def __init__(self, rule: Check) -> None:
        self.rule = rule

    def __call__(self, value: Any) -> None:
        """The rule itself."""
        self.rule(value)

    def holds_for_all(self, values: set[Any]) -> bool:
        """True when the rule holds for every one of ``values``; False leaves it to a call per value."""
        if not values or set(map(type, values)) not in ({int}, {date}, {datetime}):
            return False
        try:
            self.rule(min(values))
            self.rule(max(values))
        except UserError:
            return False
        return True


def _at_least(minimum: int, maximum: int = INT32_MAX) -> Check:
    def check(value: Any) -> None:
        fields.integer(value, "", minimum=minimum, maximum=maximum)
    return _Range(check)


def _pattern(regex: re.Pattern[str], label: str) -> Check:
    def check(value: Any) -> None:
        if not regex.match(value):
            raise UserError(_("不是有效的{what}").format(what=label))
    return check


def _required(value: Any) -> None:
    if not value.strip():
        raise UserError(_("不能为空"))


def _phone(value: Any) -> None:
    ids.check_phone(value)


_YEAR = _at_least(dates.EARLIEST.year, dates.LATEST.year)

COLUMN_RULES: Mapping[str, Mapping[str, Check]] = {
    "employers": {"name": _required},
    "mediation_orgs": {},
    "checklist_items": {"group": _code(codes.CHECKLIST_GROUPS), "status": _code(codes.CHECKLIST_STATUSES)},
    "mediators": {"sex": _code(codes.SEXES)},
    "coordinators": {"sex": _code(codes.SEXES)},
    "cultivations": {"year": _YEAR},
    "cases": {
        "number": _required, "state": _code(codes.CASE_STATES), "source": _code(codes.CASE_SOURCES),
        "main_category": _code(codes.CLAIM_CATEGORIES), "rejection_reason": _code(codes.REJECTION_REASONS),
        "failure_reason": _code(codes.FAILURE_REASONS), "closing_reason": _code(codes.CLOSING_REASONS),
        "year": _YEAR, "seq": _at_least(1), "workers": _at_least(1), "archive_seq": _at_least(1),
        "retention_years": _at_least(1, 100), "employer_type": _code(codes.EMPLOYER_TYPES),
        "industry": _code(codes.INDUSTRIES), "applicant_side": _code(codes.APPLICANT_SIDES),
    },
    "parties": {"name": _required, "id_type": _code(codes.ID_TYPES), "sex": _code(codes.SEXES), "phone": _phone},
    "claims": {"category": _code(codes.CLAIM_CATEGORIES)},
    "mediation_sessions": {"seq": _at_least(1)},
    "agreement_items": {"seq": _at_least(1), "obligation": _required, "method": _code(codes.PAYMENT_METHODS),
                        "category": _code(codes.CLAIM_CATEGORIES)},
    "agreement_shares": {"seq": _at_least(1)},
    "follow_ups": {"method": _code(codes.VISIT_METHODS), "satisfaction": _code(codes.SATISFACTION_LEVELS)},
    "case_events": {"seq": _at_least(1), "action": _code(workflow.EVENT_ACTIONS),
                    "from_state": _code(codes.CASE_STATES), "to_state": _code(codes.CASE_STATES)},
    "issued_documents": {"doc_type": _code(codes.DOCUMENT_TYPES), "content_hash": _pattern(_HEX64, "SHA-256"),
                         "pages": _at_least(1)},
    "attachments": {"doc_type": _code(codes.DOCUMENT_TYPES), "sha256": _pattern(_HEX64, "SHA-256"),
                    "owner_table": _code(frozenset(TABLES)), "owner_id": _pattern(_UUID, "UUID"),
                    "pages": _at_least(1), "title": _required, "filename": _required},
}
"""Table → column → rule, beyond the rules every column gets from its kind (see the module docstring)."""


def _case_row(row: dict[str, Any]) -> None:
    if row["state"] in workflow.FINISHED_STATES and row["closed_on"] is None:
        raise RowError(_("字段closed_on：已结案的案件缺少结案日期"), "closed_on")
    if row["state"] == "archived" and row["archived_on"] is None:
        raise RowError(_("字段archived_on：已归档的案件缺少归档日期"), "archived_on")


def _party_row(row: dict[str, Any]) -> None:
    if row["id_type"] == "resident_id" and row["id_number"] is not None:
        _run("id_number", lambda v: ids.check_resident_id(v, today=date.today()), row["id_number"])


def _item_row(row: dict[str, Any]) -> None:
    if row["paid_cents"] > row["amount_cents"]:
        raise RowError(_("字段paid_cents：已履行金额超过约定金额"), "paid_cents")


def _one_of(names: tuple[str, ...]) -> Callable[[dict[str, Any]], None]:
    """The register rule ``LedgerSpec.one_of``: exactly one of ``names`` is filled in."""
    def rule(row: dict[str, Any]) -> None:
        if sum(1 for name in names if row.get(name)) != 1:
            raise RowError(_("字段{names}：须且只能填写其中一项").format(names="/".join(names)), names[0])
    return rule


ROW_RULES: Mapping[str, Callable[[dict[str, Any]], None]] = {
    "cases": _case_row, "parties": _party_row, "agreement_items": _item_row,
    **{spec.table: _one_of(spec.one_of) for spec in LEDGERS.values() if spec.one_of},
}
"""Table → a rule over several columns of one row."""

ROW_RULE_COLUMNS: Mapping[str, tuple[str, ...]] = {
    "cases": ("state", "closed_on", "archived_on"), "parties": ("id_type", "id_number"),
    "agreement_items": ("paid_cents", "amount_cents"),
    **{spec.table: tuple(spec.one_of) for spec in LEDGERS.values() if spec.one_of},
}
"""Table → the columns its row rule reads (the fast path runs the rule once per distinct combination of them)."""


def _run(column: str, rule: Check, value: Any) -> None:
    try:
        rule(value)
    except UserError as exc:
        raise RowError(_("字段{col}：{why}").format(col=column, why=printable(exc.message)), column) from None


class _TextRule:
    """The rule of a text column: no longer than ``cap``, no control character the field may not hold."""

    def __init__(self, multiline: bool, cap: int | None) -> None:
        self.multiline = multiline
        self.cap = cap

    def __call__(self, value: Any) -> None:
        """Raise :class:`UserError` when ``value`` breaks the rule."""
        if self.cap is not None and len(value) > self.cap:
            raise UserError(_("过长（{n}个字符，最多{max}个）").format(n=len(value), max=self.cap))
        bad = first_control(value, multiline=self.multiline)
        if bad is not None:
            raise UserError(_("含有不可见的控制字符（{char}）").format(char=describe(bad)))

    def holds_for_all(self, values: set[str]) -> bool:
        """True when every one of ``values`` (all text) passes — one pass over their joined text.

        A character refused in one value is refused in the joined text and the other way
        round (the rule looks at single characters), so this answers as calling the rule on
        each value would; False leaves naming the value to the caller.
        """
        if self.cap is not None and max(map(len, values), default=0) > self.cap:
            return False
        return first_control("".join(values), multiline=self.multiline) is None


def _text_rule(multiline: bool, cap: int | None) -> Check:
    return _TextRule(multiline, cap)


def _day(value: Any) -> None:
    fields.in_range(value, "")


def _kind_rule(spec: TableSpec, column: ColumnSpec) -> Check | None:
    if column.name in ("id", "origin", "change_seq"):
        return None  # checked by the codec and the ownership rule
    if column.kind in ("str", "text"):
        multiline = column.kind == "text" or (column.length or 0) > 200
        cap = None if column.kind == "str" or (spec.name, column.name) in _FREE_TEXT_UNCAPPED \
            else fields.LONG_TEXT_MAX
        return _text_rule(multiline, cap)
    if column.kind in ("date", "datetime"):
        return _Range(_day)
    if column.kind == "int" and column.name.endswith("_cents"):
        return _Range(money.check_cents)
    if column.kind == "int":
        big = isinstance(spec.table.c[column.name].type, BigInteger)
        return _at_least(0, 2**63 - 1 if big else INT32_MAX)
    return None


@cache
def _registry_fields() -> dict[str, dict[str, FieldSpec]]:
    """Table → column → the register's declared field (``core/ledgers.py``; references left to the ownership rule)."""
    return {spec.table: {f.name: f for f in spec.fields if f.kind != "ref"} for spec in LEDGERS.values()}


def _form_rule(field: FieldSpec) -> Check:
    def check(value: Any) -> None:
        check_value(field, value, today=date.today())
    return check


@cache
def _plan(table: str) -> tuple[tuple[str, tuple[Check, ...], Check | None], ...]:
    """(column, rules for a value, rule for a missing value) of every checked column of ``table``."""
    spec = TABLES[table]
    specific = COLUMN_RULES.get(table, {})
    registry = _registry_fields().get(table, {})
    plan = []
    for column in spec.columns:
        rules = [rule for rule in (_kind_rule(spec, column), specific.get(column.name)) if rule is not None]
        form = _form_rule(registry[column.name]) if column.name in registry else None
        if form is not None:
            rules.append(form)
        if rules:
            plan.append((column.name, tuple(rules), form))
    return tuple(plan)


def check(spec: TableSpec, row: dict[str, Any]) -> None:
    """Raise :class:`RowError` naming the first column of ``row`` that breaks a rule (see the module docstring)."""
    for name, rules, when_missing in _plan(spec.name):
        value = row[name]
        if value is None:
            if when_missing is not None:
                _run(name, when_missing, value)
            continue
        try:
            for rule in rules:
                rule(value)
        except UserError as exc:  # as _run, without a call per rule
            raise RowError(_("字段{col}：{why}").format(col=name, why=printable(exc.message)), name) from None
    row_rule = ROW_RULES.get(spec.name)
    if row_rule is not None:
        row_rule(row)


def problems() -> list[str]:
    """Rule columns that are not columns of their table (for the test that keeps this map honest)."""
    found = []
    for table, rules in COLUMN_RULES.items():
        if table not in TABLES:
            found.append(table)
            continue
        found += [f"{table}.{c}" for c in rules if c not in TABLES[table].name_set]
    found += [t for t in ROW_RULES if t not in TABLES]
    return found
