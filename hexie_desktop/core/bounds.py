"""One rule for settings that are a mapping of named whole numbers within bounds (warning
thresholds, grading limits, plan targets): unknown names, non-integers and values out of range
are refused together, each naming its key."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from hexie_desktop.core.errors import UserError, ValidationErrors
from hexie_desktop.core.i18n import _


def bounded_ints(raw: Any, bounds: Mapping[str, tuple[int, int]], labels: Mapping[str, str], *,
                 field: str, what: str) -> dict[str, int]:
    """The checked ``{name: int}`` of ``raw``; ``what`` names the kind of value in messages (预警阈值…)."""
    if not isinstance(raw, Mapping):
        raise UserError(_("{what}应为“名称: 数值”的对照表").format(what=what), field=field)
    errors: list[UserError] = []
    values: dict[str, int] = {}
    for key, value in raw.items():
        if key not in bounds:
            errors.append(UserError(_("未知的{what}：{key}").format(what=what, key=str(key)[:40]), field=str(key)[:40]))
            continue
        low, high = bounds[key]
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            errors.append(UserError(_("{label}应为{lo}到{hi}之间的整数").format(label=labels[key], lo=low, hi=high),
                                    field=key))
            continue
        values[key] = value
    if errors:
        raise ValidationErrors(errors)
    return values
