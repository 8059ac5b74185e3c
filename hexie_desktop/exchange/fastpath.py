"""The fast path of an import: whole chunks of rows parsed and checked column by column.

A chunk of JSON lines is parsed with the C scanner of the strict parser in one ``map`` and
every column of it is checked at once — the types and lengths of
:func:`~hexie_desktop.exchange.codec.check_row` (a set of types over every value,
``max(map(len, …))``, one ``isprintable()`` over the joined column), and the business rules of
:mod:`~hexie_desktop.exchange.validate` once per **distinct** value of a column, or once for the
whole column where a rule says how (``holds_for_all``: ranges on the extremes, codes by
membership, text over the joined column).  A key given twice in a line shows as more ``"``
characters in the text than the parsed values account for (lines with ``\\u`` escapes are
left to the per-row path, so every quote in the text is a delimiter or an escaped quote).

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
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from itertools import repeat
from operator import itemgetter
from typing import Any

from hexie_desktop.exchange import limits, validate
from hexie_desktop.exchange.codec import _BAD_TEXT, _DATE, _DATETIME, _UUID, INT_MAX, INT_MIN, TableSpec

orjson: Any
try:
    import orjson
except ImportError:  # pragma: no cover — a pinned dependency; without it the stdlib scanner below parses
    orjson = None

_NONE = type(None)
_DECODER = json.JSONDecoder(parse_constant=limits._reject_constant)
_SCAN = json.scanner.make_scanner(_DECODER)  # type: ignore[arg-type]  # the scanner reads the decoder's settings
"""The C scanner of :func:`limits.loads`' parser without its duplicate-key hook (duplicates: see :func:`check`)."""
_FIRST = itemgetter(0)
_SECOND = itemgetter(1)
_CONVERT: dict[str, Callable[[str], Any]] = {"date": date.fromisoformat, "datetime": datetime.fromisoformat}
_PATTERN = {"date": _DATE, "datetime": _DATETIME}


@dataclass
class Parsed:
    """The objects of a chunk of lines and the number of ``"`` characters in those lines."""

    rows: list[dict[str, Any]]
    quotes: int


def parse(lines: list[bytes]) -> Parsed | None:
    """The objects of ``lines`` (given without their newline), or None when any line is not a plain object.

    None also for everything the strict parser (:func:`limits.loads`) would refuse or treat
    specially — invalid UTF-8, whitespace around a value, ``NaN``, oversize lines, ``\\u``
    escapes — so that the caller's per-row parse raises its own error.  Duplicate keys are
    found by :func:`check` (they leave more quotes in the text than the values account for).
    """
    try:
        joined = b"\n".join(lines)
        if (b"\\" in joined and b"\\u" in joined) or max(map(len, lines)) >= limits.STRING_MAX_CHARS:
            return None
        if orjson is not None:
            return _parse_orjson(lines, joined)
        texts = joined.decode("utf-8").split("\n")
        if len(texts) != len(lines):
            return None
        scanned = list(map(_SCAN, texts, repeat(0)))
        if list(map(_SECOND, scanned)) != list(map(len, texts)):
            return None  # whitespace or more after the value
        rows = list(map(_FIRST, scanned))
        if set(map(type, rows)) != {dict}:
            return None
        return Parsed(rows, joined.count(b'"'))
    except Exception:  # noqa: BLE001 — anything unusual is the per-row path's to report
        return None


def _parse_orjson(lines: list[bytes], joined: bytes) -> Parsed | None:
    """:func:`parse` with orjson (about three times faster than the stdlib scanner here).

    Every line must be exactly one object from ``{`` to ``}`` (no whitespace around it, as the
    stdlib branch requires).  orjson refuses invalid UTF-8 exactly where Python's decoder does
    (encoded surrogates, overlong forms, beyond U+10FFFF: tested), ``NaN``/``Infinity`` and
    control characters in strings (the caller's per-row path then reports them).  It reads an
    integer beyond 64 bits as a float, which no column takes (:func:`check` refuses the chunk).
    A duplicate key leaves more ``"`` in the text than the values account for, as with the
    stdlib scanner (:func:`check`).
    """
    if not (all(map(bytes.startswith, lines, repeat(b"{"))) and all(map(bytes.endswith, lines, repeat(b"}")))):
        return None  # a line not starting or ending with a brace (whitespace, another value)
    rows = list(map(orjson.loads, lines))  # invalid UTF-8 (as Python's decoder sees it) raises: None
    if set(map(type, rows)) != {dict}:
        return None
    return Parsed(rows, joined.count(b'"'))


@cache
def _rules(table: str) -> dict[str, tuple[tuple[Callable[[Any], object], ...], Callable[[Any], object] | None]]:
    """Column → (rules for a value, rule for a missing value), from :func:`validate._plan`."""
    return {name: (rules, missing) for name, rules, missing in validate._plan(table)}


def check(spec: TableSpec, parsed: Parsed, origin: str) -> list[Any] | None:
    """The checked values of the parsed rows (one sequence per column, in ``spec.names`` order), or None.

    Accepts only when :func:`limits.loads`, :func:`codec.check_row` and :func:`validate.check`
    would accept every row with exactly these values; None sends the chunk to the per-row path.
    """
    try:
        return _check(spec, parsed, origin)
    except Exception:  # noqa: BLE001 — a rule refused a value: the per-row path names it
        return None


def _column(spec: TableSpec, column: Any, values: tuple[Any, ...]) -> tuple[Any, int] | None:
    """(checked values, quotes they account for in the text) of one column, or None.

    Types are taken from every value (``1`` and ``True`` are equal in a set); everything else
    is checked once per distinct value, and conversions are looked up per distinct value.
    """
    kind = column.kind
    types = set(map(type, values))
    nulls = 0
    if _NONE in types:
        if not column.nullable:
            return None
        types.discard(_NONE)
        nulls = values.count(None)
    distinct = set(values)
    distinct.discard(None)
    quotes = 0
    out: Any = values
    if not types:
        pass
    elif kind in ("int", "bool"):
        if types != ({int} if kind == "int" else {bool}):
            return None
        if kind == "int" and not (INT_MIN <= min(distinct) and max(distinct) <= INT_MAX):
            return None
    elif types != {str}:
        return None
    else:
        joined = "".join(filter(None, values))
        quotes = 2 * (len(values) - nulls) + joined.count('"')
        if kind in ("str", "text"):
            if column.length is not None and max(map(len, distinct)) > column.length:
                return None
            if not joined.isprintable() and _BAD_TEXT.search(joined) is not None:
                return None
        else:
            if not all(map(_PATTERN[kind].match, distinct)):
                return None
            convert = _CONVERT[kind]
            lookup: dict[Any, Any] = {value: convert(value) for value in distinct}
            distinct = set(lookup.values())
            lookup[None] = None
            out = list(map(lookup.__getitem__, values))
    found = _rules(spec.name).get(column.name)
    if found is not None:
        rules, missing = found
        if nulls and missing is not None:
            missing(None)
        for rule in rules:
            holds_for_all = getattr(rule, "holds_for_all", None)
            if holds_for_all is not None and holds_for_all(distinct):
                continue
            for value in distinct:
                rule(value)
    return out, quotes


def _check(spec: TableSpec, parsed: Parsed, origin: str) -> list[Any] | None:
    names = spec.names
    rows = parsed.rows
    if set(map(len, rows)) != {len(names)}:
        return None  # a missing (defaulted) or unknown column: the per-row path
    columns = list(zip(*map(itemgetter(*names), rows), strict=True))  # KeyError (an unknown key) → None
    out: list[Any] = []
    quotes = 2 * len(names) * len(rows)  # the keys (no column name holds a quote)
    for column, values in zip(spec.columns, columns, strict=True):
        done = _column(spec, column, values)
        if done is None:
            return None
        out.append(done[0])
        quotes += done[1]
    if quotes != parsed.quotes:
        return None  # a duplicate key: more members in the text than in the objects
    by_name = dict(zip(names, out, strict=True))
    if not all(map(_UUID.match, by_name["id"])) or set(by_name["origin"]) != {origin}:
        return None
    if min(by_name["version"]) < 1 or min(by_name["change_seq"]) < 0:
        return None
    row_rule = validate.ROW_RULES.get(spec.name)
    if row_rule is not None:
        read = validate.ROW_RULE_COLUMNS[spec.name]  # a rule reading another column: KeyError → None
        for combination in set(zip(*map(by_name.__getitem__, read), strict=True)):
            row_rule(dict(zip(read, combination, strict=True)))
    return out


def parse_and_check(spec: TableSpec, origin: str, lines: list[bytes]) -> list[Any] | None:
    """:func:`parse` then :func:`check` of one chunk of ``lines``: its checked columns, or None (row by row)."""
    parsed = parse(lines)
    return None if parsed is None else check(spec, parsed, origin)
