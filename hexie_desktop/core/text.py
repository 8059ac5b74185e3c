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


def printable(value: object) -> str:
    """``value`` as text safe to print to a terminal or log: control characters escaped."""
    text = str(value)
    return _SINGLE_LINE.sub(lambda m: "\\x{:02x}".format(ord(m.group())) if ord(m.group()) < 0x100
                            else "\\u{:04x}".format(ord(m.group())), text)
