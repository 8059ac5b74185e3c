"""Small parsers for JSON/form input: dates, text, integers, booleans — each naming its field."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from datetime import date, datetime
from typing import Literal, overload

from hexie_desktop.core import dates
from hexie_desktop.core.errors import UserError
from hexie_desktop.core.i18n import _
from hexie_desktop.core.text import describe, first_control, printable

LONG_TEXT_MAX = 20_000
"""The longest free text any form accepts (case facts, mediation statements, agreement content)."""


@overload
def text(value: object, field: str, *, required: Literal[True], max_len: int = ...,
         multiline: bool | None = ...) -> str: ...
@overload
def text(value: object, field: str, *, required: bool = ..., max_len: int = ...,
         multiline: bool | None = ...) -> str | None: ...
def text(value: object, field: str, *, required: bool = False, max_len: int = 2000,
         multiline: bool | None = None) -> str | None:
    """A trimmed string or None; refuses non-strings, over-long text and control characters.

    ``multiline`` fields (facts, notes) may hold line breaks and tabs; unless said, a field is
    multi-line when it may be longer than 200 characters (names, phones, places are not).  No
    field may hold NUL, ESC or the other control characters (``core.text``).
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise UserError(_("不能为空"), field=field)
        return None
    if not isinstance(value, str):
        raise UserError(_("应为文字"), field=field)
    value = value.strip()
    if len(value) > max_len:
        raise UserError(_("过长（最多{n}个字符）").format(n=max_len), field=field)
    return no_controls(value, field, multiline=max_len > 200 if multiline is None else multiline)


def no_controls(value: str, field: str, *, multiline: bool = False) -> str:
    """``value`` unchanged, or refused naming ``field`` when it holds a control character (``core.text``)."""
    bad = first_control(value, multiline=multiline)
    if bad is not None:
        raise UserError(_("含有不可见的控制字符（{char}），请删除后重试").format(char=describe(bad)), field=field)
    return value


@overload
def day(value: object, field: str, *, required: Literal[True]) -> date: ...
@overload
def day(value: object, field: str, *, required: bool = ...) -> date | None: ...
def day(value: object, field: str, *, required: bool = False) -> date | None:
    """A date or None: ``2025-03-12`` and the other ways :func:`core.dates.parse` reads.

    Impossible dates and dates outside 1900–2100 are refused.
    """
    if value is None or value == "":
        if required:
            raise UserError(_("必须填写日期（YYYY-MM-DD）"), field=field)
        return None
    if isinstance(value, date):
        return in_range(value, field)
    if not isinstance(value, str):
        raise UserError(_("日期格式应为 YYYY-MM-DD"), field=field)
    no_controls(value.strip(), field)  # a line break inside a date is not a date
    parsed = dates.parse(value)
    if parsed is None:
        raise UserError(_("“{value}”不是有效日期（YYYY-MM-DD）").format(value=printable(value[:40])),
                        field=field)
    return in_range(parsed, field)


def in_range(value: date, field: str) -> date:
    """``value`` (a date or a time) if its day lies within :data:`core.dates.EARLIEST`–:data:`core.dates.LATEST`."""
    day = value.date() if isinstance(value, datetime) else value
    if day < dates.EARLIEST:
        raise UserError(_("日期早于1900年"), field=field)
    if day > dates.LATEST:
        raise UserError(_("日期晚于2100年，请核对"), field=field)
    return value


@overload
def clock(value: object, field: str, *, required: Literal[True]) -> str: ...
@overload
def clock(value: object, field: str, *, required: bool = ...) -> str | None: ...
def clock(value: object, field: str, *, required: bool = False) -> str | None:
    """A time of day as ``HH:MM`` (``9:30``, ``09:30``, ``9时30分``, ``9点`` are read), or None."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise UserError(_("必须填写时间（时:分，如 09:30）"), field=field)
        return None
    if not isinstance(value, str):
        raise UserError(_("时间格式应为 时:分（如 09:30）"), field=field)
    raw = no_controls(value.strip(), field)
    match = _CLOCK.fullmatch(raw)
    if match is None:
        raise UserError(_("“{value}”不是时间，格式应为 时:分（如 09:30）").format(value=printable(raw[:40])),
                        field=field)
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if hour > 23 or minute > 59:
        raise UserError(_("“{value}”不是有效的时间").format(value=printable(raw[:40])), field=field)
    return f"{hour:02d}:{minute:02d}"


_CLOCK = re.compile(r"(\d{1,2})(?:\s*[:：时点]\s*(\d{1,2})?\s*分?)?")


@overload
def integer(value: object, field: str, *, required: Literal[True], minimum: int = ...,
            maximum: int = ...) -> int: ...
@overload
def integer(value: object, field: str, *, required: bool = ..., minimum: int = ...,
            maximum: int = ...) -> int | None: ...
def integer(value: object, field: str, *, required: bool = False, minimum: int = 0,
            maximum: int = 10**9) -> int | None:
    """A whole number within bounds, or None."""
    if value is None or value == "":
        if required:
            raise UserError(_("不能为空"), field=field)
        return None
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise UserError(_("应为整数"), field=field)
    try:
        number = int(value)
    except ValueError:
        raise UserError(_("“{value}”不是整数").format(value=printable(str(value)[:40])), field=field) from None
    if not minimum <= number <= maximum:
        raise UserError(_("应在{lo}到{hi}之间").format(lo=minimum, hi=maximum), field=field)
    return number


def boolean(value: object, field: str, *, default: bool = False) -> bool:
    """A JSON boolean (missing: ``default``)."""
    if value is None:
        return default
    if not isinstance(value, bool):
        raise UserError(_("应为 true 或 false"), field=field)
    return value


def mapping(value: object, field: str) -> dict:
    """A JSON object."""
    if not isinstance(value, dict):
        raise UserError(_("应为对象"), field=field)
    return value


def sequence(value: object, field: str, *, required: bool = False) -> list:
    """A JSON array (missing: empty unless required)."""
    if value is None:
        if required:
            raise UserError(_("不能为空"), field=field)
        return []
    if not isinstance(value, list):
        raise UserError(_("应为数组"), field=field)
    if required and not value:
        raise UserError(_("至少需要一项"), field=field)
    return value


def only(data: Mapping, allowed: Collection[str], path: str = "") -> Mapping:
    """``data`` unchanged when every key is in ``allowed``; else refuse, naming each unknown key.

    A typo such as ``"evidance"`` must not lose the text silently: the error's field is the
    first unknown key with its path (``cases[0].evidance``) and the message lists them all.
    """
    unknown = sorted(str(key) for key in data if key not in allowed)
    if not unknown:
        return data
    named = [f"{path}.{key}" if path else key for key in unknown]
    raise UserError(_("未知字段（请检查拼写）：{names}").format(names="、".join(printable(n[:60]) for n in named[:10])),
                    field=named[0])
