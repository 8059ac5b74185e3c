"""Monitoring and early-warning rules (劳动关系监测预警): pure functions from facts to signals.

Why these rules (the action plan's own words):

* seed 000 (区三年行动计划) §用工指导 (1): "通过社会保险登记、就业失业登记、用工备案、失业动态监测、
  劳动争议和投诉举报信息等，加强企业用工动态监测 … 及时发现裁员苗头，探索建立劳动关系监测预警系统，
  建立重点问题线索工作沟通和报告制度";
* seed 001 (省实施方案) 1.: "加强重点企业用工监测 … 对重点问题线索及时沟通和报告";
* seed 004 (市实施方案) 一是: the same, and the 重点企业 ledger with its 裁员 block;
* seed 002 (local practice): "动态预警" as one of the 六项机制.

The facts come from what the product already records: cases (respondent, category, workers,
claimed amount), agreement items not paid by their due date, and the key-enterprise ledger
(headcount last year end / now, layoff blocks).  The art. 41 layoff threshold is the one rule in
:func:`hexie_desktop.core.workflow.art41_threshold_met`.  Every threshold is a field of
:class:`Thresholds`, stored in the station setting ``warnings.thresholds``.

A :class:`Signal` names its rule and subject (what a lead is about), a level and an evidence
digest of the facts behind it, so that the service can tell "same lead, nothing new" from
"new facts" on every scan.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from types import MappingProxyType
from typing import Any

from hexie_desktop.core import workflow
from hexie_desktop.core.bounds import bounded_ints
from hexie_desktop.core.errors import UserError
from hexie_desktop.core.i18n import _

RULES: Mapping[str, str] = MappingProxyType({
    "repeat_disputes": _("同一用人单位短期内多次发生争议"),
    "wage_arrears": _("欠薪金额较大"),
    "collective": _("集体争议"),
    "overdue_payments": _("调解协议逾期未履行"),
    "headcount_fall": _("重点企业用工人数明显下降"),
    "layoff_threshold": _("裁员达到劳动合同法第四十一条标准"),
})
"""Rule code → what the rule watches."""

LEVELS: Mapping[str, str] = MappingProxyType({
    "yellow": _("黄色（关注）"), "orange": _("橙色（较重）"), "red": _("红色（严重）"),
})
"""Lead levels, least to most serious."""

STATUSES: Mapping[str, str] = MappingProxyType({
    "open": _("待处理"), "in_progress": _("跟进中"), "closed": _("已化解"), "dismissed": _("已排除"),
})
"""Lead statuses; ``closed`` and ``dismissed`` are final until reopened."""

OPEN_STATUSES = frozenset({"open", "in_progress"})

ACTIONS: Mapping[str, str] = MappingProxyType({
    "raise": _("生成线索"), "update": _("情况变化"), "assign": _("指派"), "follow_up": _("跟进"),
    "close": _("化解办结"), "dismiss": _("排除"), "reopen": _("重新打开"),
})
"""Follow-up record kinds."""

HANDLING: Mapping[str, str] = MappingProxyType({
    "assign": "in_progress", "follow_up": "in_progress", "close": "closed", "dismiss": "dismissed",
    "reopen": "open",
})
"""A person's handling action → the status it leaves the lead in."""


def level_rank(level: str) -> int:
    """0 for yellow, 1 for orange, 2 for red (for sorting and escalation)."""
    return list(LEVELS).index(level)


def after_action(status: str, action: str, *, note: str | None, owner: str | None) -> str:
    """The status a lead takes after ``action``; raises UserError when the action does not fit.

    Closing or dismissing needs a note saying what was done (a follow-up record worth the
    name); assigning needs an owner; only a final lead can be reopened, and a final lead takes
    no other action.
    """
    if action not in HANDLING:
        raise UserError(_("未知的处理方式“{a}”，可用：{all}").format(a=action, all="、".join(HANDLING)), field="action")
    final = status not in OPEN_STATUSES
    if action == "reopen" and not final:
        raise UserError(_("线索尚未办结，无需重新打开"), field="action")
    if action != "reopen" and final:
        raise UserError(_("线索已{s}，如需继续处理请先重新打开").format(s=STATUSES.get(status, status)), field="action")
    if action == "assign" and not owner:
        raise UserError(_("指派时请填写负责人"), field="owner")
    if action in ("close", "dismiss", "follow_up", "reopen") and not note:
        raise UserError(_("请填写处理情况"), field="note")
    return HANDLING[action]


@dataclass(frozen=True)
class Thresholds:
    """The configurable thresholds of the rules (setting ``warnings.thresholds``)."""

    repeat_window_days: int = 90
    """Repeat disputes: the look-back window, in days, ending today."""
    repeat_min_cases: int = 3
    """Repeat disputes: this many cases against one employer within the window raise a lead."""
    wage_arrears_yuan: int = 50_000
    """An open wage case claiming at least this much (元) raises a lead."""
    collective_workers: int = 10
    """An open case of at least this many workers (LDTJ art. 7: ten) raises a collective lead."""
    overdue_min_items: int = 1
    """Overdue payments: this many agreed items of one employer past their due date raise a lead."""
    overdue_grace_days: int = 0
    """Overdue payments: days after the due date before an unpaid item counts as overdue."""
    headcount_fall_percent: int = 20
    """Key enterprises: a fall of this many percent from last year end raises a lead."""
    handle_days_red: int = 3
    """Days to handle a red lead (its due date)."""
    handle_days_orange: int = 7
    """Days to handle an orange lead."""
    handle_days_yellow: int = 15
    """Days to handle a yellow lead."""

    def handle_days(self, level: str) -> int:
        """Days allowed to handle a lead of ``level``."""
        return {"red": self.handle_days_red, "orange": self.handle_days_orange}.get(level, self.handle_days_yellow)


_BOUNDS: Mapping[str, tuple[int, int]] = {
    "repeat_window_days": (1, 3660), "repeat_min_cases": (2, 1000), "wage_arrears_yuan": (1, 10**9),
    "collective_workers": (2, 100_000), "overdue_min_items": (1, 1000), "overdue_grace_days": (0, 365),
    "headcount_fall_percent": (1, 100), "handle_days_red": (1, 365), "handle_days_orange": (1, 365),
    "handle_days_yellow": (1, 365),
}
LABELS: Mapping[str, str] = MappingProxyType({
    "repeat_window_days": _("多次争议：统计天数"), "repeat_min_cases": _("多次争议：件数达到"),
    "wage_arrears_yuan": _("欠薪金额达到（元）"), "collective_workers": _("集体争议人数达到"),
    "overdue_min_items": _("逾期未履行：事项数达到"), "overdue_grace_days": _("逾期未履行：宽限天数"),
    "headcount_fall_percent": _("用工人数下降比例（%）"), "handle_days_red": _("红色线索处理时限（天）"),
    "handle_days_orange": _("橙色线索处理时限（天）"), "handle_days_yellow": _("黄色线索处理时限（天）"),
})
"""Threshold → its label in forms."""


def thresholds(raw: Mapping[str, Any] | None) -> Thresholds:
    """Validated thresholds from a stored/entered mapping (missing keys take their defaults).

    Unknown keys, non-integers and values out of range are refused, each naming its key.
    """
    if raw is None:
        return Thresholds()
    return Thresholds(**bounded_ints(raw, _BOUNDS, LABELS, field="warnings.thresholds", what=_("预警阈值")))


def as_dict(limits: Thresholds) -> dict[str, int]:
    """Thresholds as the JSON mapping stored in settings."""
    return asdict(limits)


# ---------------------------------------------------------------- facts


@dataclass(frozen=True)
class Employer:
    """Who a signal is about: ``key`` groups one employer (its credit code, else its row id)."""

    key: str
    id: str
    name: str


@dataclass(frozen=True)
class CaseFact:
    """One case as the rules see it."""

    id: str
    number: str
    employer: Employer
    received_on: date
    category: str
    workers: int
    collective: bool
    claimed_cents: int
    open: bool


@dataclass(frozen=True)
class OverdueFact:
    """One agreed payment item not (fully) paid, with its due date."""

    item_id: str
    case_number: str
    employer: Employer
    due_on: date
    outstanding_cents: int


@dataclass(frozen=True)
class EnterpriseFact:
    """One key enterprise of the ledger with its headcounts and the layoffs recorded for it."""

    id: str
    employer: Employer
    employees_last_year_end: int
    employees_now: int
    layoffs: tuple[int, ...] = ()


@dataclass(frozen=True)
class Signal:
    """What a rule found: becomes (or refreshes) one lead."""

    rule: str
    subject: str
    level: str
    title: str
    detail: str
    evidence: str
    employer_id: str | None = None
    key_enterprise_id: str | None = None
    case_id: str | None = None


def _digest(*parts: object) -> str:
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()


def _yuan(cents: int) -> str:
    yuan, fen = divmod(cents, 100)
    return f"{yuan:,}.{fen:02d}"


# ---------------------------------------------------------------- rules


def repeat_disputes(cases: Iterable[CaseFact], today: date, limits: Thresholds) -> list[Signal]:
    """Employers with ``repeat_min_cases`` or more cases received within the window ending today.

    Twice the minimum is orange.  Source: seed 000 (劳动争议和投诉举报信息 … 加强企业用工动态监测).
    """
    start = today - timedelta(days=limits.repeat_window_days - 1)
    groups: dict[str, list[CaseFact]] = {}
    for case in cases:
        if start <= case.received_on <= today:
            groups.setdefault(case.employer.key, []).append(case)
    out = []
    for key, group in sorted(groups.items()):
        if len(group) < limits.repeat_min_cases:
            continue
        group.sort(key=lambda c: (c.received_on, c.number))
        employer = group[0].employer
        level = "orange" if len(group) >= 2 * limits.repeat_min_cases else "yellow"
        numbers = "、".join(c.number for c in group[:10]) + ("等" if len(group) > 10 else "")
        out.append(Signal(
            "repeat_disputes", f"employer:{key}", level,
            _("{name}：{days}天内{n}件劳动争议").format(name=employer.name, days=limits.repeat_window_days,
                                                     n=len(group)),
            _("{start}至{today}受理/登记：{numbers}").format(start=start.isoformat(), today=today.isoformat(),
                                                          numbers=numbers),
            _digest(sorted(c.id for c in group)), employer_id=employer.id))
    return out


def wage_and_collective(cases: Iterable[CaseFact], limits: Thresholds) -> list[Signal]:
    """Open cases claiming large wage arrears, and open collective cases.

    A collective wage case is red, another collective case orange, a large individual wage
    claim yellow.  Sources: seed 000/004 (欠薪、集体争议 as 重点问题线索), LDTJ art. 7 (ten workers).
    """
    out = []
    floor = limits.wage_arrears_yuan * 100
    for case in sorted(cases, key=lambda c: c.number):
        if not case.open:
            continue
        collective = case.collective or case.workers >= limits.collective_workers
        large_wages = case.category == "wages" and case.claimed_cents >= floor
        if not (collective or large_wages):
            continue
        wages = case.category == "wages"
        if collective:
            level = "red" if wages else "orange"
            rule = "collective"
            title = _("{name}：{n}人集体争议（{number}）").format(name=case.employer.name, n=case.workers,
                                                          number=case.number)
        else:
            level, rule = "yellow", "wage_arrears"
            title = _("{name}：欠薪请求{amount}元（{number}）").format(name=case.employer.name,
                                                                 amount=_yuan(case.claimed_cents), number=case.number)
        detail = _("人数{n}，请求金额{amount}元").format(n=case.workers, amount=_yuan(case.claimed_cents))
        out.append(Signal(rule, f"case:{case.id}", level, title, detail,
                          _digest(case.workers, case.claimed_cents, collective, case.category),
                          employer_id=case.employer.id, case_id=case.id))
    return out


def overdue_payments(items: Iterable[OverdueFact], today: date, limits: Thresholds) -> list[Signal]:
    """Employers with ``overdue_min_items`` or more agreed items unpaid past due date (+ grace).

    Red when the amount overdue reaches the wage-arrears threshold, orange from twice the
    minimum count, yellow otherwise.  Source: seed 004 (调解协议履行 / 欠薪隐患 as 线索).
    """
    cutoff = today - timedelta(days=limits.overdue_grace_days)
    groups: dict[str, list[OverdueFact]] = {}
    for item in items:
        if item.outstanding_cents > 0 and item.due_on < cutoff:
            groups.setdefault(item.employer.key, []).append(item)
    out = []
    for key, group in sorted(groups.items()):
        if len(group) < limits.overdue_min_items:
            continue
        group.sort(key=lambda i: (i.due_on, i.case_number))
        total = sum(i.outstanding_cents for i in group)
        if total >= limits.wage_arrears_yuan * 100:
            level = "red"
        elif len(group) >= 2 * limits.overdue_min_items and len(group) > 1:
            level = "orange"
        else:
            level = "yellow"
        employer = group[0].employer
        numbers = "、".join(sorted({i.case_number for i in group}))
        out.append(Signal(
            "overdue_payments", f"employer:{key}", level,
            _("{name}：{n}项调解协议逾期未履行，共{amount}元").format(name=employer.name, n=len(group),
                                                               amount=_yuan(total)),
            _("最早应于{due}履行；案件：{numbers}").format(due=group[0].due_on.isoformat(), numbers=numbers[:500]),
            _digest(sorted((i.item_id, i.outstanding_cents) for i in group)), employer_id=employer.id))
    return out


def enterprise_signals(enterprises: Iterable[EnterpriseFact], limits: Thresholds) -> list[Signal]:
    """Key enterprises whose headcount fell by ``headcount_fall_percent`` or more (orange from
    twice that), and those whose recorded layoffs meet 劳动合同法 art. 41 (red).

    Source: seed 000/004 (重点企业用工监测, 及时发现裁员苗头; the 裁员 block of the ledger).
    """
    out = []
    for firm in sorted(enterprises, key=lambda e: e.employer.name):
        last, now = firm.employees_last_year_end, firm.employees_now
        if last > 0 and now < last and (last - now) * 100 >= limits.headcount_fall_percent * last:
            fall = (last - now) * 100 // last
            level = "orange" if (last - now) * 100 >= 2 * limits.headcount_fall_percent * last else "yellow"
            out.append(Signal(
                "headcount_fall", f"enterprise:{firm.id}", level,
                _("{name}：用工人数下降{pct}%（{last}→{now}人）").format(name=firm.employer.name, pct=fall,
                                                                   last=last, now=now),
                _("上年末{last}人，现{now}人").format(last=last, now=now), _digest(last, now),
                employer_id=firm.employer.id, key_enterprise_id=firm.id))
        employees = max(last, now)
        met = [n for n in firm.layoffs if workflow.art41_threshold_met(n, employees)]
        if met:
            out.append(Signal(
                "layoff_threshold", f"enterprise:{firm.id}", "red",
                _("{name}：拟裁员{n}人，达到劳动合同法第四十一条标准").format(name=firm.employer.name, n=max(met)),
                _("职工{employees}人；裁减人员20人以上或不足20人但占企业职工总数10%以上，应提前三十日说明情况并向劳动行政部门报告")
                .format(employees=employees),
                _digest(sorted(met), employees), employer_id=firm.employer.id, key_enterprise_id=firm.id))
    return out


def evaluate(*, today: date, limits: Thresholds, cases: Iterable[CaseFact] = (), overdue: Iterable[OverdueFact] = (),
             enterprises: Iterable[EnterpriseFact] = ()) -> list[Signal]:
    """Every signal of every rule, most serious first."""
    cases = list(cases)
    found = (repeat_disputes(cases, today, limits) + wage_and_collective(cases, limits)
             + overdue_payments(overdue, today, limits) + enterprise_signals(enterprises, limits))
    return sorted(found, key=lambda s: (-level_rank(s.level), s.rule, s.subject))
