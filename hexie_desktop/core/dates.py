"""Dates as people write them and read them: one parser, one Chinese format, one clock conversion.

- :func:`parse` reads what offices type or paste: ``2025-03-12``, ``2025/3/12``, ``2025.3.12``,
  ``2025年3月12日`` and ``20250312`` — the same for the CLI's JSON, the desktop's date fields and
  Excel cells.
- :func:`chinese` writes ``2025年3月12日`` as documents, reports and messages print dates.
- :func:`local` shows a stored time (UTC, kept without zone) on the office's wall clock.
- :data:`EARLIEST` and :data:`LATEST` bound every date the application accepts, so no date can
  overflow a computation (a period added to 9999-12-31) or mean nothing (0001-01-01).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from hexie_desktop.core.i18n import _

EARLIEST = date(1900, 1, 1)
LATEST = date(2100, 12, 31)

_SEPARATED = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")


def parse(text: str | None) -> date | None:
    """The date ``text`` denotes, or ``None`` when it is empty or not a real date."""
    match = _SEPARATED.match(text or "") or _COMPACT.match(text or "")
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def in_range(day: date) -> bool:
    """True when ``day`` lies between :data:`EARLIEST` and :data:`LATEST`."""
    return EARLIEST <= day <= LATEST


def chinese(day: date) -> str:
    """``2026年10月8日``: how Chinese documents write a date."""
    return _("{y}年{m}月{d}日").format(y=day.year, m=day.month, d=day.day)


def local(moment: datetime | None, fmt: str = "%Y-%m-%d %H:%M") -> str:
    """A stored time as local wall-clock text; a time without zone is UTC (how times are stored)."""
    if moment is None:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().strftime(fmt)
