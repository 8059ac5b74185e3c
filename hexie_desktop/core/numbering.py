"""Case and archive number patterns.

Patterns are ``str.format`` templates with named placeholders.  Case numbers restart at
1 each year per station; numbers are never reused.
"""

from __future__ import annotations

import string

from hexie_desktop.core.errors import UserError
from hexie_desktop.core.i18n import _

DEFAULT_CASE_PATTERN = "（{year}）{short_name}劳调字第{n}号"
DEFAULT_ARCHIVE_PATTERN = "{year}-{n}"

_CASE_FIELDS = {"year", "short_name", "n"}
_ARCHIVE_FIELDS = {"year", "n", "short_name"}


def _placeholders(pattern: str) -> set[str]:
    try:
        return {name for _lit, name, _spec, _conv in string.Formatter().parse(pattern) if name is not None}
    except ValueError as exc:
        raise UserError(_("编号格式有误：{error}").format(error=exc), field="pattern") from exc


def validate_pattern(pattern: str, *, archive: bool = False) -> str:
    """Return ``pattern`` if it is a usable numbering pattern, else raise UserError.

    A pattern must contain ``{n}`` (the running number) and may contain ``{year}`` and
    ``{short_name}``; any other placeholder is refused.
    """
    names = _placeholders(pattern)
    allowed = _ARCHIVE_FIELDS if archive else _CASE_FIELDS
    unknown = names - allowed
    if unknown:
        raise UserError(_("编号格式含未知占位符：{names}").format(names="、".join(sorted(unknown))), field="pattern")
    if "n" not in names:
        raise UserError(_("编号格式必须包含流水号 {n}"), field="pattern")
    return pattern


def format_case_number(pattern: str, *, year: int, short_name: str, n: int) -> str:
    """Return the case number for running number ``n`` of ``year``."""
    validate_pattern(pattern)
    return pattern.format(year=year, short_name=short_name, n=n)


def format_archive_number(pattern: str, *, year: int, n: int, short_name: str = "") -> str:
    """Return the archive number for running number ``n`` of ``year``."""
    validate_pattern(pattern, archive=True)
    return pattern.format(year=year, n=n, short_name=short_name)
