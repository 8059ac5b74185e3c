"""Package numbers of one sender: how far a number may jump, and the missing numbers (gaps).

A township numbers its packages 1, 2, 3 …; the district remembers the last number it applied
and the numbers it never received.  Two rules keep that bounded whatever a package claims:

* a package may be at most :data:`MAX_SEQUENCE_JUMP` numbers past the last one seen (and its
  numbering round at most :data:`MAX_EPOCH_JUMP` rounds on) — a larger jump is refused, so one
  package can neither exhaust memory nor lock the township out; a district admin re-syncs a
  township whose numbering really moved on (``hexie keys resync``);
* gaps are kept as at most :data:`MAX_GAP_RANGES` ranges ``[first, last]`` (oldest dropped),
  so they take constant room; a late package whose number is in a gap fills it.

Pure functions on plain lists: no I/O, no database.
"""

from __future__ import annotations

import json
from typing import Any

MAX_SEQUENCE_JUMP = 1000
"""A package may be at most this many numbers past the last one applied (weekly exports: 20 years)."""
MAX_EPOCH_JUMP = 100
"""A package's numbering round (restores from backup) may be at most this many rounds on."""
MAX_GAP_RANGES = 50
"""Gaps are remembered as at most this many ranges; older ones are forgotten."""
MAX_SHOWN = 200
"""At most this many missing numbers are listed (screens, receipts)."""
MAX_NUMBER = 2**31 - 1
"""The largest package number or round a station stores (a 32-bit column everywhere)."""

Ranges = list[list[int]]


def parse(stored: Any) -> Ranges:
    """Gaps as sorted, merged ``[first, last]`` ranges from their stored JSON.

    Older stations stored a plain list of numbers; both forms are read, anything else is
    ignored (a damaged value never stops an import).
    """
    if isinstance(stored, str):
        try:
            stored = json.loads(stored) if stored else []
        except ValueError:
            return []
    if not isinstance(stored, list):
        return []
    ranges: Ranges = []
    for item in stored[-10 * MAX_GAP_RANGES:]:
        if type(item) is int:
            item = [item, item]
        if (isinstance(item, list) and len(item) == 2 and all(type(n) is int for n in item)
                and 1 <= item[0] <= item[1] <= MAX_NUMBER):
            ranges.append([item[0], item[1]])
    return _merge(ranges)


def dump(ranges: Ranges) -> str:
    """The JSON stored for ``ranges``."""
    return json.dumps(ranges)


def _merge(ranges: Ranges) -> Ranges:
    merged: Ranges = []
    for first, last in sorted(ranges):
        if merged and first <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], last)
        else:
            merged.append([first, last])
    return merged[-MAX_GAP_RANGES:]


def too_far(last: int, number: int, limit: int) -> bool:
    """True when ``number`` is more than ``limit`` past ``last`` (or beyond what is stored at all)."""
    return number > MAX_NUMBER or number - last > limit


def contains(ranges: Ranges, number: int) -> bool:
    """True when ``number`` is one of the missing numbers."""
    return any(first <= number <= last for first, last in ranges)


def record(ranges: Ranges, last: int, number: int) -> Ranges:
    """The gaps after applying ``number`` when ``last`` was the last number applied."""
    if number > last + 1:
        ranges = ranges + [[last + 1, number - 1]]
    return _merge(ranges)


def fill(ranges: Ranges, number: int) -> Ranges:
    """The gaps once the late package ``number`` arrived."""
    out: Ranges = []
    for first, last in ranges:
        if not first <= number <= last:
            out.append([first, last])
            continue
        if first < number:
            out.append([first, number - 1])
        if number < last:
            out.append([number + 1, last])
    return out


def missing(ranges: Ranges, limit: int = MAX_SHOWN) -> list[int]:
    """The newest ``limit`` missing numbers, ascending (never more than ``limit`` in memory)."""
    out: list[int] = []
    for first, last in reversed(ranges):
        lowest = max(first, last - (limit - len(out)) + 1)
        out.extend(range(last, lowest - 1, -1))
        if len(out) >= limit:
            break
    return sorted(out[:limit])


def label(ranges: Ranges, limit: int = 10) -> str:
    """The newest gaps for people: ``14、20–25``."""
    parts = [str(a) if a == b else f"{a}–{b}" for a, b in ranges[-limit:]]
    return "、".join(parts)


def count(ranges: Ranges) -> int:
    """How many numbers are missing."""
    return sum(last - first + 1 for first, last in ranges)
