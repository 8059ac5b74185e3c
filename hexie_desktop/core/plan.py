"""The action plan's indicators (三年行动计划 目标), their yearly targets and how progress reads.

Sources of the indicators and their default yearly targets (seed 000, 区三年行动计划):

* 劳动关系协调员: "原则上每年在全区范围内打造35名劳动关系协调员" → ``coordinators_new`` 35;
* 金牌劳动关系协调员: "每年 … 选树100名先进典型" → ``gold_coordinators`` 100;
* 金牌协调劳动关系社会组织: "每年选树1-2家区级金牌协调劳动关系社会组织" → ``gold_social_orgs`` 2;
* 金牌劳动人事争议调解组织: "原则上每年选树1家区级金牌劳动人事争议调解组织" → ``gold_mediation_orgs`` 1
  (all three counted from the 选树 decisions, services/selection.py);
* 企业培育: "每年在全区范围内共同培育不少于6户企业，力争90%以上培育企业达到 … 要求" →
  ``cultivated`` 6 and ``cultivation_pass_rate`` 90 (%);
* 新注册企业: "力争3年服务新注册企业400户以上" → ``new_enterprises_served`` 134 a year;
* 调解成功率 (seed 004 and local practice 002): ``mediation_success_rate``, default 60 (%);
* 重点企业用工指导: visits to key enterprises (seed 000/004 用工指导服务台账) → ``key_enterprise_visits`` 12.

A target is set per year; a quarter or month is measured against its year's target with the
year-to-date figure beside it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from types import MappingProxyType
from typing import Any

from hexie_desktop.core import stats
from hexie_desktop.core.bounds import bounded_ints
from hexie_desktop.core.errors import UserError
from hexie_desktop.core.i18n import _


@dataclass(frozen=True)
class Indicator:
    """One plan indicator: code, label, unit, ``count`` or ``rate`` (percent), default yearly target,
    and how its actual figure is counted (printed as the 统计口径 note)."""

    code: str
    label: str
    unit: str
    kind: str
    default: int
    basis: str


INDICATORS: tuple[Indicator, ...] = (
    Indicator("coordinators_new", _("新增劳动关系协调员"), _("名"), "count", 35,
              _("劳动关系协调员名册中登记日期在本期内的人数")),
    Indicator("gold_coordinators", _("金牌劳动关系协调员"), _("名"), "count", 100,
              _("选树决定为“已选树”且决定日期在本期内的金牌劳动关系协调员人数")),
    Indicator("gold_social_orgs", _("金牌协调劳动关系社会组织"), _("家"), "count", 2,
              _("选树决定为“已选树”且决定日期在本期内的金牌协调劳动关系社会组织家数")),
    Indicator("gold_mediation_orgs", _("金牌劳动人事争议调解组织"), _("家"), "count", 1,
              _("选树决定为“已选树”且决定日期在本期内的金牌劳动人事争议调解组织家数")),
    Indicator("cultivated", _("培育和谐企业"), _("户"), "count", 6,
              _("和谐企业培育台账中培育年度为本年的企业户数")),
    Indicator("cultivation_pass_rate", _("培育企业达标率"), "%", "rate", 90,
              _("培育年度为本年的企业中培育结果为“达标”的比例")),
    Indicator("new_enterprises_served", _("服务新注册企业"), _("户"), "count", 134,
              _("新注册企业台账中首次联系日期在本期内的企业户数")),
    Indicator("key_enterprise_visits", _("重点企业用工指导走访"), _("次"), "count", 12,
              _("重点企业走访记录中走访日期在本期内的次数")),
    Indicator("mediation_success_rate", _("调解成功率"), "%", "rate", 60,
              _("本期结案中调解成功的比例（口径同统计报表）")),
)
BY_CODE: Mapping[str, Indicator] = MappingProxyType({i.code: i for i in INDICATORS})
YEARS = (2000, 2100)


def defaults() -> dict[str, int]:
    """The default yearly target of every indicator."""
    return {i.code: i.default for i in INDICATORS}


def check_targets(year: object, values: object) -> tuple[str, dict[str, int]]:
    """A validated (year text, targets) pair: a known year, known indicators, whole numbers, rates ≤ 100."""
    if isinstance(year, bool) or not isinstance(year, (int, str)) or not str(year).isdigit() \
            or not YEARS[0] <= int(year) <= YEARS[1]:
        raise UserError(_("年度应为{a}到{b}之间的年份").format(a=YEARS[0], b=YEARS[1]), field="year")
    bounds = {i.code: (0, 100 if i.kind == "rate" else 1_000_000) for i in INDICATORS}
    labels = {i.code: _("{label}的目标").format(label=i.label) for i in INDICATORS}
    out = bounded_ints(values, bounds, labels, field="targets", what=_("计划指标"))
    return str(int(year)), out


def rate(part: int, whole: int) -> Fraction | None:
    """``part / whole`` as a fraction (``None`` without a base)."""
    return Fraction(part, whole) if whole else None


def completion(indicator: Indicator, actual: int | Fraction | None, target: int) -> Fraction | None:
    """How far the actual figure is towards the target (1 = met); a rate compares percentages."""
    if actual is None or target <= 0:
        return None
    value = Fraction(actual) * 100 if indicator.kind == "rate" else Fraction(actual)
    return value / target


def percent_text(value: Fraction | None) -> str:
    """``87.5%`` or ``—``."""
    if value is None:
        return "—"
    return f"{float(value) * 100:.1f}%"


def actual_text(indicator: Indicator, actual: Any) -> str:
    """An actual figure as people read it: a count, or a rate in percent."""
    if indicator.kind == "rate":
        return percent_text(actual)
    return str(actual)


def number_text(value: Any, kind: str) -> str:
    """A report figure as printed: counts as they are, rates in percent, money (分) in 元 with two decimals."""
    if value is None:
        return "—"
    if kind == "rate":
        return percent_text(Fraction(value))
    if kind == "money":
        return f"{float(value) / 100:.2f}"
    return str(value)


def report_period(text: object) -> stats.Period:
    """The period of the upward 工作情况 report: a quarter (``2026Q3`` or ``2026-Q3``) or a year
    (``2026``); months and free ranges are refused (the report is quarterly and annual)."""
    value = str(text or "").strip().upper()
    if len(value) == 6 and value[4] == "Q":
        value = f"{value[:4]}-{value[4:]}"
    period = stats.parse_period(value)
    if period.kind not in ("quarter", "year"):
        raise UserError(_("工作情况报告按季度或年度：应为 2026Q3 或 2026"), field="period")
    return period
