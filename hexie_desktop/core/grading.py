"""Case grading (繁简分流) and the 重大集体劳动争议 reporting deadline: pure rules.

Sources: seed 002 (local practice, "多元调处": 简案快调、繁案精调, 重大集体劳动争议 reported to
the 协调劳动关系三方); LDTJ art. 7 (a collective dispute is ten or more workers, the rule of
:func:`hexie_desktop.core.workflow.is_collective`).

Every case is graded 简易 (simple), 一般 (ordinary) or 重大 (major) from its workers, amount,
category and signals (open early-warning leads on the case or its employer, see
``core/warnings.py``); a person may override the grade with a reason (audited by the service).
A major collective case (重大集体劳动争议) must be reported upward within ``report_days`` of its
receipt.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from types import MappingProxyType
from typing import Any

from hexie_desktop.core import workflow
from hexie_desktop.core.bounds import bounded_ints
from hexie_desktop.core.errors import UserError
from hexie_desktop.core.i18n import _

GRADES: Mapping[str, str] = MappingProxyType({"simple": _("简易"), "ordinary": _("一般"), "major": _("重大")})
"""Grades, lightest first."""

SIMPLE_CATEGORIES = frozenset({"wages", "double_wages", "rest_leave", "welfare_training_protection"})
"""Categories that may be handled the simple way (facts usually clear: pay, leave); others —
labour relation, dismissal, social insurance, work injury — need the ordinary procedure."""

SIGNALS: Mapping[str, str] = MappingProxyType({
    "lead": _("用人单位或本案有待处理的预警线索"),
    "red_lead": _("用人单位或本案有红色预警线索"),
})
"""Signals from other records that make a case weigh more."""


@dataclass(frozen=True)
class Limits:
    """Configurable grading limits (setting ``grading.thresholds``)."""

    simple_max_workers: int = 1
    """At most this many workers for a simple case."""
    simple_max_yuan: int = 20_000
    """At most this much claimed (元) for a simple case."""
    major_workers: int = 30
    """This many workers or more make a case major."""
    major_yuan: int = 1_000_000
    """This much claimed (元) or more makes a case major."""
    report_days: int = 1
    """Days after receipt to report a 重大集体劳动争议 to the district/city 三方."""


_BOUNDS: Mapping[str, tuple[int, int]] = {
    "simple_max_workers": (1, 9), "simple_max_yuan": (0, 10**9), "major_workers": (10, 100_000),
    "major_yuan": (1, 10**10), "report_days": (0, 30),
}
LABELS: Mapping[str, str] = MappingProxyType({
    "simple_max_workers": _("简易案件：人数不超过"), "simple_max_yuan": _("简易案件：请求金额不超过（元）"),
    "major_workers": _("重大案件：人数达到"), "major_yuan": _("重大案件：请求金额达到（元）"),
    "report_days": _("重大集体争议报告时限（收到申请后天数）"),
})


def limits(raw: Mapping[str, Any] | None) -> Limits:
    """Validated limits from a stored/entered mapping (missing keys take their defaults)."""
    if raw is None:
        return Limits()
    return Limits(**bounded_ints(raw, _BOUNDS, LABELS, field="grading.thresholds", what=_("分级标准")))


def as_dict(value: Limits) -> dict[str, int]:
    """Limits as the JSON mapping stored in settings."""
    return asdict(value)


@dataclass(frozen=True)
class Grade:
    """A computed grade with the reasons that decided it."""

    code: str
    reasons: tuple[str, ...]

    @property
    def label(self) -> str:
        """简易 / 一般 / 重大."""
        return GRADES[self.code]


def grade(*, workers: int, claimed_cents: int, category: str, collective: bool, signals: frozenset[str],
          limit: Limits) -> Grade:
    """The grade of a case from its facts.

    重大: ``major_workers`` or more workers, ``major_yuan`` or more claimed, or a collective case
    with a red lead.  简易: at most ``simple_max_workers`` workers and ``simple_max_yuan`` claimed,
    a simple category, not collective and no signal.  Otherwise 一般.
    """
    collective = collective or workflow.is_collective(workers)
    reasons: list[str] = []
    if workers >= limit.major_workers:
        reasons.append(_("涉及{n}人（达到{m}人）").format(n=workers, m=limit.major_workers))
    if claimed_cents >= limit.major_yuan * 100:
        reasons.append(_("请求金额达到{y}元").format(y=f"{limit.major_yuan:,}"))
    if collective and "red_lead" in signals:
        reasons.append(_("集体争议且有红色预警线索"))
    if reasons:
        return Grade("major", tuple(reasons))
    blockers: list[str] = []
    if collective:
        blockers.append(_("集体争议（{n}人）").format(n=workers))
    elif workers > limit.simple_max_workers:
        blockers.append(_("涉及{n}人").format(n=workers))
    if claimed_cents > limit.simple_max_yuan * 100:
        blockers.append(_("请求金额超过{y}元").format(y=f"{limit.simple_max_yuan:,}"))
    if category not in SIMPLE_CATEGORIES:
        blockers.append(_("争议类型需一般程序"))
    if set(signals) & set(SIGNALS):
        blockers.append(SIGNALS["red_lead" if "red_lead" in signals else "lead"])
    if blockers:
        return Grade("ordinary", tuple(blockers))
    return Grade("simple", (_("事实清楚、标的较小"),))


def effective(computed: str, override: str | None) -> str:
    """The grade in force: a person's override, else the computed grade."""
    return override or computed


def check_override(code: object, reason: object) -> str | None:
    """A valid override (``None``/``"auto"`` clears it); a set override needs a reason."""
    if code in (None, "", "auto"):
        return None
    if code not in GRADES:
        raise UserError(_("未知的分级“{g}”，可用：{all}").format(g=str(code)[:20], all="、".join([*GRADES, "auto"])),
                        field="grade")
    if not reason:
        raise UserError(_("人工调整分级须说明理由"), field="reason")
    return str(code)


def is_major_collective(grade_code: str, workers: int, collective: bool) -> bool:
    """重大集体劳动争议: a major case that is collective (LDTJ art. 7)."""
    return grade_code == "major" and (collective or workflow.is_collective(workers))


def report_due(received_on: date, limit: Limits) -> date:
    """The last day to report a 重大集体劳动争议 upward."""
    return received_on + timedelta(days=limit.report_days)
