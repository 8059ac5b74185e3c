"""Old free-text 培训记录 and 年度考核 turned into records (issue 14.3, migration 0012).

Before 0012 a coordinator's or mediator's trainings and assessments were one text field.  The
demo wrote JSON lists (``[{"date": "2025-06-12", "title": "…", "hours": 16}]``); offices typed
lines such as ``2025-06-12 劳动争议调解业务培训 16学时`` or ``2025年度 合格``.  What can be read
becomes records; what cannot stays in the text field, unchanged, for people to read.

Pure: no database here.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date

from hexie_desktop.core import dates
from hexie_desktop.core.i18n import _

ASSESSMENT_RESULTS = {"excellent": _("优秀"), "qualified": _("合格"), "basic": _("基本合格"), "unqualified": _("不合格")}
"""年度考核 results (codes → labels); 称职/基本称职/不称职 are read as the same grades."""

_RESULT_WORDS = {"优秀": "excellent", "合格": "qualified", "称职": "qualified", "良好": "qualified",
                 "基本合格": "basic", "基本称职": "basic", "不合格": "unqualified", "不称职": "unqualified"}
_DATE_AT_START = re.compile(r"^\s*(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?|\d{8})\s*[，,、：:]?\s*(.*)$")
_HOURS = re.compile(r"[（(]?\s*(\d{1,4})\s*(?:学时|课时|小时|h)\s*[)）]?", re.IGNORECASE)
_YEAR_AT_START = re.compile(r"^\s*(\d{4})\s*年?度?\s*[，,、：:]?\s*(.+?)\s*$")


@dataclass(frozen=True)
class Training:
    """One training read from old text."""

    trained_on: date
    subject: str
    hours: int = 0
    provider: str | None = None


@dataclass(frozen=True)
class Assessment:
    """One annual assessment read from old text."""

    year: int
    result: str


def result_code(text: str) -> str | None:
    """The assessment code of a result word (``合格`` → ``qualified``), ``None`` when unknown."""
    word = (text or "").strip()
    if word in ASSESSMENT_RESULTS:
        return word
    return _RESULT_WORDS.get(word)


def _json_list(text: str) -> list | None:
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, list) else None


def trainings(text: str | None) -> tuple[list[Training], str | None]:
    """The trainings readable in ``text`` and what is left (``None`` when nothing is left)."""
    if not text or not text.strip():
        return [], None
    found: list[Training] = []
    left: list[str] = []
    items = _json_list(text)
    if items is not None:
        for item in items:
            day = dates.parse(str(item.get("date", ""))) if isinstance(item, dict) else None
            title = str(item.get("title") or item.get("subject") or "").strip() if isinstance(item, dict) else ""
            hours = item.get("hours") if isinstance(item, dict) else None
            if day is None or not title:
                left.append(json.dumps(item, ensure_ascii=False))
                continue
            found.append(Training(day, title[:200], hours if isinstance(hours, int) and 0 <= hours < 10000 else 0,
                                  (str(item.get("provider")).strip()[:200] or None) if item.get("provider") else None))
        return found, "\n".join(left) or None
    for line in text.splitlines():
        match = _DATE_AT_START.match(line)
        day = dates.parse(match[1]) if match else None
        if match is None or day is None or not match[2].strip():
            if line.strip():
                left.append(line)
            continue
        rest = match[2]
        hours_match = _HOURS.search(rest)
        hours = int(hours_match[1]) if hours_match else 0
        subject = (_HOURS.sub("", rest) if hours_match else rest).strip(" ，,、；;")
        if not subject:
            left.append(line)
            continue
        found.append(Training(day, subject[:200], hours))
    return found, "\n".join(left) or None


def assessments(text: str | None) -> tuple[list[Assessment], str | None]:
    """The annual assessments readable in ``text`` and what is left (``None`` when nothing is left)."""
    if not text or not text.strip():
        return [], None
    found: list[Assessment] = []
    left: list[str] = []
    items = _json_list(text)
    pairs: list[tuple[object, object, str]] = []
    if items is not None:
        for item in items:
            if isinstance(item, dict):
                pairs.append((item.get("year"), item.get("result"), json.dumps(item, ensure_ascii=False)))
            else:
                left.append(json.dumps(item, ensure_ascii=False))
    else:
        for line in text.splitlines():
            match = _YEAR_AT_START.match(line)
            if match:
                pairs.append((match[1], match[2], line))
            elif line.strip():
                left.append(line)
    for year, result, original in pairs:
        code = result_code(str(result or ""))
        try:
            number = int(str(year))
        except ValueError:
            number = 0
        if code is None or not dates.EARLIEST.year <= number <= dates.LATEST.year:
            left.append(original)
            continue
        found.append(Assessment(number, code))
    return found, "\n".join(left) or None
