"""Small parsers for JSON/form input: dates, text, integers, booleans — each naming its field."""

from __future__ import annotations

from datetime import date

from hexie_desktop.core import dates
from hexie_desktop.core.errors import UserError
from hexie_desktop.core.i18n import _
from hexie_desktop.core.text import describe, first_control, printable


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
    bad = first_control(value, multiline=max_len > 200 if multiline is None else multiline)
    if bad is not None:
        raise UserError(_("含有不可见的控制字符（{char}），请删除后重试").format(char=describe(bad)), field=field)
    return value


def day(value: object, field: str, *, required: bool = False) -> date | None:
    """A date or None: ``2025-03-12`` and the other ways :func:`core.dates.parse` reads.

    Impossible dates and dates outside 1900–2100 are refused.
    """
    if value is None or value == "":
        if required:
            raise UserError(_("必须填写日期（YYYY-MM-DD）"), field=field)
        return None
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise UserError(_("日期格式应为 YYYY-MM-DD"), field=field)
    parsed = dates.parse(value)
    if parsed is None:
        raise UserError(_("“{value}”不是有效日期（YYYY-MM-DD）").format(value=printable(value[:40])),
                        field=field)
    if parsed < dates.EARLIEST:
        raise UserError(_("日期早于1900年"), field=field)
    if parsed > dates.LATEST:
        raise UserError(_("日期晚于2100年，请核对"), field=field)
    return parsed


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
        raise UserError(_("“{value}”不是整数").format(value=printable(value[:40])), field=field) from None
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
