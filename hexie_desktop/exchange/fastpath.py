"""The fast path of an import: whole chunks of rows parsed and checked column by column.

A chunk of JSON lines is parsed with the C scanner in one ``map`` and every column of it is
checked at once — the types and lengths of :func:`~hexie_desktop.exchange.codec.check_row`
(a set of types, ``max(map(len, …))``, one ``isprintable()`` over the joined column), and the
business rules of :mod:`~hexie_desktop.exchange.validate` run once per **distinct** value of
a column, not once per row.

The fast path only ever *accepts*: it answers ``None`` as soon as anything is unusual (a
duplicate key, a missing or unknown column, a wrong type, a value one rule refuses, an
exception of any kind), and the caller then runs the per-row path on the same lines — the
authority, with its own errors, quarantine and refusals.  So the trust rules of issue 15 are
exactly as strict as before: a chunk the fast path accepts is one in which the per-row path
would have accepted every row with the same values (tests/unit/test_exchange_fastpath.py
checks this on generated hostile rows).
"""

from __future__ import annotations

import json
import json.scanner
from collections.abc import Callable
from datetime import date, datetime
from functools import cache
from itertools import repeat
from operator import itemgetter
from typing import Any

from hexie_desktop.exchange import limits, validate
from hexie_desktop.exchange.codec import _BAD_TEXT, _DATE, _DATETIME, _UUID, INT_MAX, INT_MIN, TableSpec

_NONE = type(None)
_DECODER = json.JSONDecoder(object_pairs_hook=limits._pairs, parse_constant=limits._reject_constant)
_SCAN = json.scanner.make_scanner(_DECODER)
"""The C scanner of :func:`limits.loads`' own parser, reused across lines (one value from a given index)."""
_FIRST = itemgetter(0)
_SECOND = itemgetter(1)


def parse(lines: list[bytes]) -> list[dict[str, Any]] | None:
    """The objects of ``lines`` (each ending in a newline), or None when any line is not a plain object.

    None also for everything the strict parser (:func:`limits.loads`) would refuse or treat
    specially — invalid UTF-8, whitespace around a value, duplicate keys, ``NaN``, oversize
    lines — so that the caller's per-row parse raises its own error.
    """
    try:
        if max(map(len, lines)) > limits.STRING_MAX_CHARS:
            return None
        texts = b"".join(lines).decode("utf-8").split("\n")
        if len(texts) != len(lines) + 1:
            return None
        del texts[-1]
        scanned = list(map(_SCAN, texts, repeat(0)))  # a duplicate key or NaN raises: the per-row path's
        if list(map(_SECOND, scanned)) != list(map(len, texts)):
            return None  # whitespace or more after the value
        rows = list(map(_FIRST, scanned))
        if set(map(type, rows)) != {dict}:
            return None
        return rows
    except Exception:  # noqa: BLE001 — anything unusual is the per-row path's to report
        return None


def _strings(column: Any, values: list[Any]) -> bool:
    """True when every value is text within the column's length without a refused character."""
    if column.length is not None and max(map(len, values)) > column.length:
        return False
    joined = "".join(values)
    return joined.isprintable() or _BAD_TEXT.search(joined) is None


def _kind(column: Any, values: list[Any]) -> list[Any] | None:
    """``values`` (None already excluded) converted as :func:`codec.check_row` converts them, or None."""
    kind = column.kind
    types = set(map(type, values))
    if kind in ("str", "text"):
        return values if types == {str} and _strings(column, values) else None
    if kind == "int":
        return values if types == {int} and INT_MIN <= min(values) and max(values) <= INT_MAX else None
    if kind == "bool":
        return values if types == {bool} else None
    if types != {str}:
        return None
    if kind == "date":
        if not all(map(_DATE.match, values)):
            return None
        return list(map(date.fromisoformat, values))
    if kind == "datetime":
        if not all(map(_DATETIME.match, values)):
            return None
        return list(map(datetime.fromisoformat, values))
    return None


@cache
def _rules(table: str) -> dict[str, tuple[tuple[Callable[[Any], object], ...], Callable[[Any], object] | None]]:
    """Column → (rules for a value, rule for a missing value), from :func:`validate._plan`."""
    return {name: (rules, missing) for name, rules, missing in validate._plan(table)}


def _business(spec: TableSpec, name: str, converted: list[Any], has_none: bool) -> bool:
    """True when every value of the column passes its rules (each distinct value checked once)."""
    found = _rules(spec.name).get(name)
    if found is None:
        return True
    rules, missing = found
    if has_none and missing is not None:
        missing(None)
    for value in set(converted):
        for rule in rules:
            rule(value)
    return True


def check(spec: TableSpec, rows: list[dict[str, Any]], origin: str) -> list[tuple[Any, ...]] | None:
    """The checked column values of ``rows`` (one tuple per column, in ``spec.names`` order), or None.

    Accepts only when :func:`codec.check_row` and :func:`validate.check` would accept every row
    with exactly these values; None sends the chunk to the per-row path.
    """
    try:
        return _check(spec, rows, origin)
    except Exception:  # noqa: BLE001 — a rule refused a value: the per-row path names it
        return None


def _check(spec: TableSpec, rows: list[dict[str, Any]], origin: str) -> list[tuple[Any, ...]] | None:
    names = spec.names
    if set(map(len, rows)) != {len(names)}:
        return None  # a missing (defaulted) or unknown column: the per-row path
    columns = list(zip(*map(itemgetter(*names), rows)))  # KeyError (an unknown key) → None
    out: list[tuple[Any, ...]] = []
    for column, values in zip(spec.columns, columns):
        has_none = None in values
        if has_none and not column.nullable:
            return None
        present = [v for v in values if v is not None] if has_none else list(values)
        converted = _kind(column, present) if present else []
        if converted is None:
            return None
        if not _business(spec, column.name, converted, has_none):
            return None
        if has_none:
            it = iter(converted)
            out.append(tuple(None if v is None else next(it) for v in values))
        else:
            out.append(tuple(converted))
    by_name = dict(zip(names, out))
    if not all(map(_UUID.match, by_name["id"])) or set(by_name["origin"]) != {origin}:
        return None
    if min(by_name["version"]) < 1 or min(by_name["change_seq"]) < 0:
        return None
    row_rule = validate.ROW_RULES.get(spec.name)
    if row_rule is not None:
        for row in map(dict, map(zip, repeat(names), zip(*out))):
            row_rule(row)
    return out
