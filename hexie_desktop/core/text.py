"""One rule for characters in text: what input may contain, and how text is shown safely.

Input (forms, JSON, Excel, exchange packages) refuses control characters: NUL, ESC, BEL and
the other C0/C1 controls, line and paragraph separators and the bidirectional overrides that
reorder what a reader sees.  Multi-line fields (facts, notes, addresses typed over lines) may
hold line breaks and tabs.  Output to a terminal or a log goes through :func:`printable`,
which shows any such character as a visible escape, never raw.
"""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, U+2028/2029, bidi embeddings/overrides/isolates, BOM inside text.
_CONTROL = "\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff"
_SINGLE_LINE = re.compile(f"[{_CONTROL}]")
_ALLOWED_IN_MULTI_LINE = frozenset("\n\t\r")
_BUT_LINES = re.compile(f"(?![\\t\\n])[{_CONTROL}]")  # every control character but tab and line feed


def describe(char: str) -> str:
    """A control character as a person can read it in an error message: ``U+001B``."""
    return f"U+{ord(char):04X}"


def first_control(value: str, *, multiline: bool = False) -> str | None:
    """The first control character in ``value`` that the field may not hold, or None."""
    if value.isprintable():  # fast path: every character refused here is one Python calls unprintable
        return None
    for match in _SINGLE_LINE.finditer(value):
        char = match.group()
        if multiline and char in _ALLOWED_IN_MULTI_LINE:
            continue
        return char
    return None


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(value: object) -> str:
    """``value`` as text safe to print to a terminal or log: control characters escaped."""
    return _SINGLE_LINE.sub(_escape, str(value))


def printable_lines(text: str) -> str:
    """``text`` as :func:`printable` shows it, but keeping its line feeds and tabs (lines of tab-separated cells)."""
    return _BUT_LINES.sub(_escape, text)


_RECORD_UNITS = {"hours": "学时", "days": "天", "score": "分"}
_RECORD_LABELS = {"date": "", "title": "", "year": "", "result": "", "name": "", "content": "",
                  "organizer": "主办：", "hours": "", "days": "", "score": "", "note": ""}


def _record_text(item: object) -> str:
    """One record of a list: ``2025-06-12 劳动争议调解业务培训（16学时）`` or ``2025年度 合格``."""
    if not isinstance(item, dict):
        return str(item)
    parts: list[str] = []
    extras: list[str] = []
    for key, value in item.items():
        if value in (None, ""):
            continue
        if key == "year":
            parts.append(f"{value}年度")
        elif key in _RECORD_UNITS:
            extras.append(f"{value}{_RECORD_UNITS[key]}")
        elif key in _RECORD_LABELS:
            parts.append(_RECORD_LABELS[key] + str(value))
        else:
            parts.append(f"{key}：{value}")
    return " ".join(parts) + (f"（{'，'.join(extras)}）" if extras else "")


def readable_records(value: str | None) -> str | None:
    """Free text as people read it: a JSON list of records (older data, the demo station's
    培训记录/年度考核) becomes ``2025-06-12 劳动争议调解业务培训（16学时）；…``; any other
    text is returned unchanged."""
    if not value or value.lstrip()[:1] not in ("[", "{"):
        return value
    import json  # only for the rare JSON-looking value

    try:
        data = json.loads(value)
    except ValueError:
        return value
    items = data if isinstance(data, list) else [data]
    if not all(isinstance(item, (dict, str, int, float)) for item in items):
        return value
    return "；".join(_record_text(item) for item in items)
