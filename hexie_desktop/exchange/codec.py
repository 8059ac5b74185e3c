"""Rows of the exchanged tables as JSON lines, and the strict check of incoming rows.

The table list and every column's kind, length and foreign key come from the models
(:data:`~hexie_desktop.storage.models.SYNCED_MODELS`), in foreign-key order, so parents are
always applied before their children.  Dates travel as ``YYYY-MM-DD``, times as ISO 8601,
money as integer 分; a row is one flat JSON object.

:func:`check_row` turns an incoming JSON object into column values or raises
:class:`RowError` with a reason for people (the row is then quarantined, the rest applies).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from typing import Any

from sqlalchemy import BigInteger, Boolean, ColumnElement, Date, DateTime, Integer, String, Table, Text, and_

from hexie_desktop.core.i18n import _
from hexie_desktop.core.text import printable
from hexie_desktop.exchange import limits
from hexie_desktop.storage.models import SYNCED_MODELS, Base

SYNC_COLUMNS = ("id", "origin", "version", "change_seq", "updated_at", "deleted")
NOT_COMPARED = frozenset({"change_seq", "updated_at"})
"""Columns that may differ between two copies of the same version (sender bookkeeping)."""
TEXT_MAX = 200_000
INT_MIN, INT_MAX = -(2**63), 2**63 - 1
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d{1,6})?$")
_BAD_TEXT = re.compile("[\x00\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


class RowError(ValueError):
    """An incoming row that cannot be applied; ``reason`` is for people, ``column`` names the field."""

    def __init__(self, reason: str, column: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.column = column


class ForeignRowError(RowError):
    """A row claiming another unit as its origin: a cross-township write, never just a bad row."""


@dataclass(frozen=True)
class ColumnSpec:
    """One column of an exchanged table as the codec sees it."""

    name: str
    kind: str
    length: int | None
    nullable: bool
    default: Any
    fk: str | None


@dataclass(frozen=True)
class TableSpec:
    """One exchanged table: its SQLAlchemy table and column specs."""

    name: str
    table: Table
    columns: tuple[ColumnSpec, ...]

    @cached_property
    def names(self) -> tuple[str, ...]:
        """Column names in table order."""
        return tuple(c.name for c in self.columns)

    @cached_property
    def name_set(self) -> frozenset[str]:
        """Column names as a set."""
        return frozenset(self.names)

    @cached_property
    def compared(self) -> tuple[str, ...]:
        """Columns whose values decide "same content"."""
        return tuple(c.name for c in self.columns if c.name not in NOT_COMPARED)

    @cached_property
    def foreign_keys(self) -> tuple[tuple[str, str], ...]:
        """(column, parent table) pairs."""
        return tuple((c.name, c.fk) for c in self.columns if c.fk)

    @cached_property
    def plan(self) -> tuple[tuple[str, Callable[[ColumnSpec, Any], Any], ColumnSpec], ...]:
        """(name, check, column) for every column, for :func:`check_row`."""
        return tuple((c.name, _CHECKS[c.kind], c) for c in self.columns)


def _kind(column) -> tuple[str, int | None]:  # noqa: ANN001
    type_ = column.type
    if isinstance(type_, Boolean):
        return "bool", None
    if isinstance(type_, (Integer, BigInteger)):
        return "int", None
    if isinstance(type_, DateTime):
        return "datetime", None
    if isinstance(type_, Date):
        return "date", None
    if isinstance(type_, Text):
        return "text", TEXT_MAX
    if isinstance(type_, String):
        return "str", type_.length
    raise TypeError(f"column type not supported by the exchange: {column}")


def _spec(table: Table) -> TableSpec:
    columns = []
    for column in table.columns:
        kind, length = _kind(column)
        default = column.default.arg if column.default is not None and column.default.is_scalar else None
        fk = next((fk.column.table.name for fk in column.foreign_keys), None)
        columns.append(ColumnSpec(column.name, kind, length, bool(column.nullable), default, fk))
    return TableSpec(table.name, table, tuple(columns))


_SYNCED_NAMES = {m.__tablename__ for m in SYNCED_MODELS}
TABLES: dict[str, TableSpec] = {
    t.name: _spec(t) for t in Base.metadata.sorted_tables if t.name in _SYNCED_NAMES
}
"""Every exchanged table, parents before children."""


# ---------------------------------------------------------------- outgoing


def _out_date(value: Any) -> Any:
    return None if value is None else value.isoformat()


def _out_datetime(value: Any) -> Any:
    return None if value is None else value.isoformat()


def encoder(spec: TableSpec) -> Callable[[Any], bytes]:
    """A function turning a database row (tuple in ``spec.names`` order) into one JSON line."""
    converters = [(i, _out_date if c.kind == "date" else _out_datetime)
                  for i, c in enumerate(spec.columns) if c.kind in ("date", "datetime")]
    names = spec.names

    def encode(row: Any) -> bytes:
        values = list(row)
        for index, convert in converters:
            values[index] = convert(values[index])
        return limits.dumps(dict(zip(names, values))) + b"\n"

    return encode


def changed_rows(table: Table, origin: str, since: int | None) -> ColumnElement[bool]:
    """WHERE clause for the rows of ``origin`` changed after change ``since`` (every row of it for None).

    With ``since`` the query is led by the ``change_seq`` index, so it reads only the changed
    rows: the ``origin`` test is kept off its own index (``origin || ''``), which at a township
    — where nearly every row is its own — would make the database read them all.
    """
    if since is None:
        return table.c.origin == origin
    return and_(table.c.change_seq > since, table.c.origin.concat("") == origin)


def comparable(spec: TableSpec, row: dict[str, Any]) -> tuple:
    """The values that decide "same content" for a row already converted to Python types."""
    return tuple(row.get(name) for name in spec.compared)


def to_json_dict(spec: TableSpec, row: dict[str, Any]) -> dict[str, Any]:
    """A row of Python values as JSON-safe values (for the conflict queue and the screens)."""
    out = {}
    for column in spec.columns:
        value = row.get(column.name)
        out[column.name] = value.isoformat() if isinstance(value, (date, datetime)) else value
    return out


# ---------------------------------------------------------------- incoming


def _check_str(column: ColumnSpec, value: Any) -> Any:
    if not isinstance(value, str):
        raise RowError(_("字段{col}应为文本").format(col=column.name), column.name)
    if column.length is not None and len(value) > column.length:
        raise RowError(_("字段{col}超过{n}个字符").format(col=column.name, n=column.length), column.name)
    if not value.isprintable() and _BAD_TEXT.search(value) is not None:  # all refused characters are unprintable
        raise RowError(_("字段{col}含有不允许的控制字符").format(col=column.name), column.name)
    return value


def _check_int(column: ColumnSpec, value: Any) -> Any:
    if type(value) is not int or not INT_MIN <= value <= INT_MAX:
        raise RowError(_("字段{col}应为整数").format(col=column.name), column.name)
    return value


def _check_bool(column: ColumnSpec, value: Any) -> Any:
    if type(value) is not bool:
        raise RowError(_("字段{col}应为是/否").format(col=column.name), column.name)
    return value


def _check_date(column: ColumnSpec, value: Any) -> Any:
    if not isinstance(value, str) or not _DATE.match(value):
        raise RowError(_("字段{col}应为日期（YYYY-MM-DD）").format(col=column.name), column.name)
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise RowError(_("字段{col}不是存在的日期：{v}").format(col=column.name, v=value), column.name) from None


def _check_datetime(column: ColumnSpec, value: Any) -> Any:
    if not isinstance(value, str) or not _DATETIME.match(value):
        raise RowError(_("字段{col}应为时间").format(col=column.name), column.name)
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise RowError(_("字段{col}不是存在的时间：{v}").format(col=column.name, v=value), column.name) from None


_CHECKS: dict[str, Callable[[ColumnSpec, Any], Any]] = {
    "str": _check_str, "text": _check_str, "int": _check_int, "bool": _check_bool, "date": _check_date,
    "datetime": _check_datetime,
}


def check_row(spec: TableSpec, raw: Any, origin: str) -> dict[str, Any]:
    """Column values of an incoming row, or RowError naming what is wrong.

    The row must be a flat object of known columns, owned by ``origin`` (the sending
    township), with a UUID id and a positive version.
    """
    if type(raw) is not dict:
        raise RowError(_("行不是一个对象"))
    if not raw.keys() <= spec.name_set:
        unknown = set(raw) - spec.name_set
        raise RowError(_("未知字段：{cols}").format(cols="、".join(sorted(unknown))[:200]))
    out: dict[str, Any] = {}
    get = raw.get
    for name, check, column in spec.plan:
        value = get(name)
        if value is None:
            if column.default is not None and name not in raw:
                out[name] = column.default
                continue
            if not column.nullable:
                raise RowError(_("缺少必填字段{col}").format(col=name), name)
            out[name] = None
            continue
        out[name] = check(column, value)
    if not _UUID.match(out["id"]):
        raise RowError(_("记录编号不是 UUID"), "id")
    if out["origin"] != origin:
        raise ForeignRowError(_("记录属于单位{row}，与发送单位{sender}不符").format(
            row=printable(out["origin"]), sender=origin), "origin")
    if out["version"] < 1 or out["change_seq"] < 0:
        raise RowError(_("版本号或变更序号无效"), "version")
    return out
