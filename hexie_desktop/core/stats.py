"""Statistics of SPEC §5 as pure functions over plain rows (definitions in docs/REPORTS.md).

The services read the database into small fact records — one :class:`CaseFact` per case,
:class:`AmountFact` rows for claimed, agreed and paid money, :class:`FollowUpFact` and
:class:`DeadlineFact` rows — and the functions here count them for a :class:`Period`.
Every figure is an integer (a count, an amount in 分 or a sum of days) kept in a
:class:`Figures` mapping, so a district's total is exactly the sum of its townships'
figures; the two ratios (调解成功率 and the average days to closing) are derived from
summed parts and never summed themselves.

Every fact carries the ``origin`` (unit code) of the station that owns it, and
:func:`by_origin` splits the facts by it.
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from fractions import Fraction
from typing import NamedTuple

from hexie_desktop.core import codes, dates
from hexie_desktop.core.errors import UserError
from hexie_desktop.core.i18n import _

# ---------------------------------------------------------------- periods

PERIOD_KINDS = {"month": _("月报"), "quarter": _("季报"), "year": _("年报"), "custom": _("自定义期间")}
_QUARTER_NAMES = ("一", "二", "三", "四")
_MONTH_RE = re.compile(r"^(\d{4})-(\d{1,2})$")
_QUARTER_RE = re.compile(r"^(\d{4})-?[Qq]([1-4])$")
_YEAR_RE = re.compile(r"^(\d{4})$")
_RANGE_RE = re.compile(r"^(\d{4}-\d{2}-\d{2})\s*\.\.\s*(\d{4}-\d{2}-\d{2})$")


@dataclass(frozen=True)
class Period:
    """A statistics period: first and last day (both counted) and what kind of period it is."""

    kind: str
    start: date
    end: date

    @property
    def label(self) -> str:
        """The period in words: 2026年10月, 2026年第三季度, 2026年, 2026年1月1日至2026年6月30日."""
        if self.kind == "month":
            return _("{y}年{m}月").format(y=self.start.year, m=self.start.month)
        if self.kind == "quarter":
            return _("{y}年第{q}季度").format(y=self.start.year, q=_QUARTER_NAMES[(self.start.month - 1) // 3])
        if self.kind == "year":
            return _("{y}年").format(y=self.start.year)
        return _("{a}至{b}").format(a=cn_date(self.start), b=cn_date(self.end))

    @property
    def range_text(self) -> str:
        """``2026年10月1日至2026年10月31日``."""
        return _("{a}至{b}").format(a=cn_date(self.start), b=cn_date(self.end))

    @property
    def code(self) -> str:
        """The period as the command line writes it (``2026-10``, ``2026-Q4``, ``2026``, ``a..b``)."""
        if self.kind == "month":
            return f"{self.start.year}-{self.start.month:02d}"
        if self.kind == "quarter":
            return f"{self.start.year}-Q{(self.start.month - 1) // 3 + 1}"
        if self.kind == "year":
            return str(self.start.year)
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    def contains(self, day: date | None) -> bool:
        """True when ``day`` lies in the period."""
        return day is not None and self.start <= day <= self.end


cn_date = dates.chinese


def month(year: int, number: int) -> Period:
    """The calendar month ``year``-``number``."""
    return Period("month", date(year, number, 1), date(year, number, monthrange(year, number)[1]))


def quarter(year: int, number: int) -> Period:
    """Quarter ``number`` (1–4) of ``year``."""
    first = 3 * (number - 1) + 1
    return Period("quarter", date(year, first, 1), date(year, first + 2, monthrange(year, first + 2)[1]))


def year(number: int) -> Period:
    """The calendar year ``number``."""
    return Period("year", date(number, 1, 1), date(number, 12, 31))


def custom(start: date, end: date) -> Period:
    """Any range of days (both ends counted); the end may not precede the start."""
    if end < start:
        raise UserError(_("期间的结束日期 {end} 早于开始日期 {start}").format(end=end, start=start), field="period")
    return Period("custom", start, end)


def containing(kind: str, day: date) -> Period:
    """The month, quarter or year that contains ``day``."""
    if kind == "month":
        return month(day.year, day.month)
    if kind == "quarter":
        return quarter(day.year, (day.month - 1) // 3 + 1)
    if kind == "year":
        return year(day.year)
    raise UserError(_("未知的期间类型：{kind}").format(kind=kind), field="period")


def parse_period(text: str) -> Period:
    """Read ``2026-10``, ``2026-Q3``, ``2026`` or ``2026-01-01..2026-06-30``."""
    value = (text or "").strip()
    try:
        if match := _MONTH_RE.match(value):
            if not 1 <= int(match[2]) <= 12:
                raise ValueError(value)
            return month(int(match[1]), int(match[2]))
        if match := _QUARTER_RE.match(value):
            return quarter(int(match[1]), int(match[2]))
        if match := _YEAR_RE.match(value):
            return year(int(match[1]))
        if match := _RANGE_RE.match(value):
            return custom(date.fromisoformat(match[1]), date.fromisoformat(match[2]))
    except ValueError:
        pass
    raise UserError(_("无法识别的期间“{text}”，应为 2026-10、2026-Q3、2026 或 2026-01-01..2026-06-30").format(
        text=value), field="period")


def months_of(period: Period) -> list[Period]:
    """The calendar months that overlap ``period`` (the first and last may be partial)."""
    out = []
    y, m = period.start.year, period.start.month
    while date(y, m, 1) <= period.end:
        out.append(month(y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def trailing_months(last: date, count: int = 12) -> list[Period]:
    """``count`` calendar months ending with the month that contains ``last``."""
    y, m = last.year, last.month
    out = []
    for _i in range(count):
        out.append(month(y, m))
        y, m = (y - 1, 12) if m == 1 else (y, m - 1)
    return out[::-1]


# ---------------------------------------------------------------- facts


class CaseFact(NamedTuple):
    """What the statistics need to know about one case (dates ``None`` when not happened).

    A named tuple, not a dataclass: a year of a large station makes tens of thousands of them.
    """

    origin: str
    received_on: date
    source: str
    main_category: str
    employer_type: str | None = None
    industry: str | None = None
    workers: int = 1
    collective: bool = False
    rejected_on: date | None = None
    closed_on: date | None = None
    closing_reason: str | None = None
    effective_on: date | None = None
    arbitration_review: bool = False
    judicial_confirmation: bool = False
    payment_order: bool = False
    defaulted_on: date | None = None


@dataclass(frozen=True, slots=True)
class AmountFact:
    """Money of one kind (``claimed``, ``agreed`` or ``paid``) in one category on one day, in 分."""

    origin: str
    kind: str
    category: str
    on: date
    cents: int


@dataclass(frozen=True, slots=True)
class FollowUpFact:
    """One 回访 on ``visited_on``."""

    origin: str
    visited_on: date


@dataclass(frozen=True, slots=True)
class DeadlineFact:
    """One duty of the office: arose on ``starts_on``, due on ``due``, done (or no longer owed) on ``met_on``."""

    origin: str
    kind: str
    starts_on: date
    due: date
    met_on: date | None = None


@dataclass(frozen=True)
class Facts:
    """Everything one report counts."""

    cases: tuple[CaseFact, ...] = ()
    amounts: tuple[AmountFact, ...] = ()
    follow_ups: tuple[FollowUpFact, ...] = ()
    deadlines: tuple[DeadlineFact, ...] = ()

    def origins(self) -> list[str]:
        """Every origin that appears in any fact, sorted."""
        found = {c.origin for c in self.cases} | {a.origin for a in self.amounts}
        found |= {f.origin for f in self.follow_ups} | {d.origin for d in self.deadlines}
        return sorted(found)

    def only(self, origin: str) -> Facts:
        """The facts of one origin."""
        return Facts(
            tuple(c for c in self.cases if c.origin == origin),
            tuple(a for a in self.amounts if a.origin == origin),
            tuple(f for f in self.follow_ups if f.origin == origin),
            tuple(d for d in self.deadlines if d.origin == origin),
        )


# ---------------------------------------------------------------- figures

OUTCOMES = {"agreed": _("调解成功"), "failed": _("调解不成"), "withdrawn": _("撤回"), "other": _("其他")}
_OUTCOME_OF_REASON = {"performed": "agreed", "defaulted": "agreed", "agreed_no_items": "agreed",
                      "failed": "failed", "withdrawn": "withdrawn"}
AMOUNT_KINDS = {"claimed": _("请求金额"), "agreed": _("协议金额"), "paid": _("实际履行金额")}
DEADLINE_KINDS = {"acceptance": _("受理决定逾期"), "mediation": _("调解期限届满未结"),
                  "performance": _("协议履行逾期"), "follow_up": _("回访逾期"), "archive": _("归档逾期")}
UNKNOWN = "unknown"
DENOMINATORS = {
    "agreed_failed": _("调解成功 ÷（调解成功 + 调解不成）"),
    "closed": _("调解成功 ÷ 本期结案"),
    "received": _("调解成功 ÷ 本期收到申请"),
}


def outcome(closing_reason: str | None) -> str:
    """The report's outcome of a closing reason: ``agreed``, ``failed``, ``withdrawn`` or ``other``."""
    return _OUTCOME_OF_REASON.get(closing_reason or "", "other")


@dataclass
class Figures:
    """Integer figures by key (see :data:`LINES` and docs/REPORTS.md); adding two adds every figure."""

    values: Counter = field(default_factory=Counter)

    def __getitem__(self, key: str) -> int:
        return self.values.get(key, 0)

    def add(self, key: str, amount: int = 1) -> None:
        """Add ``amount`` to the figure ``key``."""
        if amount:
            self.values[key] += amount

    def __add__(self, other: Figures) -> Figures:
        out = Counter(self.values)
        out.update(other.values)
        return Figures(Counter({k: v for k, v in out.items() if v}))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Figures):
            return NotImplemented
        return {k: v for k, v in self.values.items() if v} == {k: v for k, v in other.values.items() if v}

    def success_rate(self, denominator: str = "agreed_failed") -> Fraction | None:
        """调解成功率 by the configured denominator; ``None`` when the denominator is 0."""
        agreed = self["closed.agreed"]
        if denominator == "agreed_failed":
            base = agreed + self["closed.failed"]
        elif denominator == "closed":
            base = self["closed"]
        elif denominator == "received":
            base = self["received"]
        else:
            raise UserError(_("未知的成功率口径：{d}（可用：{allowed}）").format(
                d=denominator, allowed="、".join(DENOMINATORS)), field="stats.success_denominator")
        return Fraction(agreed, base) if base else None

    def average_days(self) -> Fraction | None:
        """Average calendar days from receipt to closing of the cases closed in the period."""
        return Fraction(self["closing_days"], self["closed"]) if self["closed"] else None


def record_of(cases: Iterable[tuple[bool, str | None]]) -> Figures:
    """A person's whole record (a mediator's cases, whatever the period) as figures.

    ``cases`` gives each case's (closed, closing_reason).  Counts ``received`` (every case),
    ``closed`` and ``closed.<outcome>`` by the same closing-reason rule as the period reports, so
    a mediator's 调解成功率 is :meth:`Figures.success_rate` with the station's denominator, on
    screen and in Excel alike.
    """
    out = Figures()
    for closed, closing_reason in cases:
        out.add("received")
        if closed:
            out.add("closed")
            out.add(f"closed.{outcome(closing_reason)}")
    return out


def total(parts: Iterable[Figures]) -> Figures:
    """The sum of several reports (a district's total of its townships)."""
    out = Figures()
    for part in parts:
        out = out + part
    return out


Bucket = Callable[[date | None], int | None]


def _flows(facts: Facts, bucket: Bucket, out: list[Figures]) -> None:
    """Add every figure that counts events by their date into ``out[bucket(date)]``."""
    counts = [f.values for f in out]  # Counters, added to directly: this loop runs over every case of the window
    for c in facts.cases:
        i = bucket(c.received_on)
        if i is not None:
            f = counts[i]
            f["received"] += 1
            f["received.source." + c.source] += 1
            if c.workers:
                f["workers"] += c.workers
            if c.collective:
                f["collective"] += 1
                if c.workers:
                    f["collective_workers"] += c.workers
            f["category." + c.main_category] += 1
            f["employer_type." + (c.employer_type or UNKNOWN)] += 1
            f["industry." + (c.industry or UNKNOWN)] += 1
        if c.rejected_on is not None:
            i = bucket(c.rejected_on)
            if i is not None:
                counts[i]["rejected"] += 1
        if c.closed_on is not None:
            i = bucket(c.closed_on)
            if i is not None:
                f = counts[i]
                f["closed"] += 1
                f["closed." + outcome(c.closing_reason)] += 1
                days = (c.closed_on - c.received_on).days
                if days:
                    f["closing_days"] += days
        if c.effective_on is not None:
            i = bucket(c.effective_on)
            if i is not None:
                f = counts[i]
                f["agreements"] += 1
                if c.arbitration_review:
                    f["arbitration_review"] += 1
                if c.judicial_confirmation:
                    f["judicial_confirmation"] += 1
        if c.defaulted_on is not None and c.payment_order:
            i = bucket(c.defaulted_on)
            if i is not None:
                counts[i]["payment_order"] += 1
    for a in facts.amounts:
        i = bucket(a.on)
        if i is not None and a.cents:
            counts[i][a.kind + "_cents"] += a.cents
            counts[i][a.kind + "_cents." + a.category] += a.cents
    for v in facts.follow_ups:
        i = bucket(v.visited_on)
        if i is not None:
            counts[i]["follow_ups"] += 1


def compute(facts: Facts, period: Period, as_of: date | None = None) -> Figures:
    """Every figure of ``period``; stocks and overdue duties are taken at ``as_of`` (default: the period end)."""
    figures = Figures()
    _flows(facts, lambda d: 0 if period.contains(d) else None, [figures])
    for c in facts.cases:
        if c.received_on < period.start and (c.closed_on is None or c.closed_on >= period.start):
            figures.add("carried_over")
        if c.received_on <= period.end and (c.closed_on is None or c.closed_on > period.end):
            figures.add("open_end")
    moment = min(as_of or period.end, period.end)
    for d in facts.deadlines:
        if d.starts_on <= moment and d.due < moment and (d.met_on is None or d.met_on > moment):
            figures.add("overdue")
            figures.add(f"overdue.{d.kind}")
    return figures


def by_origin(facts: Facts, period: Period, as_of: date | None = None) -> dict[str, Figures]:
    """One report per origin (unit code), in code order."""
    return {origin: compute(facts.only(origin), period, as_of) for origin in facts.origins()}


def series(facts: Facts, periods: list[Period]) -> list[Figures]:
    """Flow figures (no stocks, no overdue duties) of each of several non-overlapping periods, in one pass."""
    out = [Figures() for _p in periods]
    _flows(facts, _bucket_of(periods), out)
    return out


def _bucket_of(periods: list[Period]) -> Bucket:
    """Which of ``periods`` a day falls in (``None``: none of them)."""
    whole_months = {(p.start.year, p.start.month): i for i, p in enumerate(periods) if p.kind == "month"}

    def bucket(day: date | None) -> int | None:
        if day is None:
            return None
        if len(whole_months) == len(periods):
            return whole_months.get((day.year, day.month))
        return next((i for i, p in enumerate(periods) if p.contains(day)), None)

    return bucket


# ---------------------------------------------------------------- counted by the database


@dataclass(frozen=True)
class Tally:
    """The same figures as :class:`Facts` give, already counted by the database (the fast path of a report).

    ``flows``: (origin, day, figure key, amount) — every figure that counts events by their date,
    summed per day (what :func:`_flows` adds for each fact on that day).  ``open_after``:
    (origin, day) → cases received by the end of ``day`` and not closed by then (the stocks of a
    period are ``open_after`` of the day before its start and of its end).  ``overdue``:
    (origin, duty kind) → duties overdue at ``as_of``, the only moment a tally answers for.
    ``origins``: every origin with a case in the window (each gets a report, even an empty one).
    """

    as_of: date
    flows: tuple[tuple[str, date, str, int], ...] = ()
    open_after: Mapping[tuple[str, date], int] = field(default_factory=dict)
    overdue: Mapping[tuple[str, str], int] = field(default_factory=dict)
    origins: tuple[str, ...] = ()
    counted_days: frozenset[date] = frozenset()
    """The days :attr:`open_after` was counted for (a day whose count is 0 for every origin has no entry)."""


def stock_days(*chosen: Period) -> set[date]:
    """The days a :class:`Tally` needs ``open_after`` of for :func:`tally_compute` of each period."""
    return {day for p in chosen for day in (p.start - timedelta(days=1), p.end)}


def _tally_flows(tally: Tally, bucket: Bucket, out: list[Figures], origin: str | None) -> None:
    counts = [f.values for f in out]
    for o, day, key, amount in tally.flows:
        if amount and (origin is None or o == origin):
            i = bucket(day)
            if i is not None:
                counts[i][key] += amount


def tally_compute(tally: Tally, period: Period, origin: str | None = None) -> Figures:
    """Every figure of ``period`` from ``tally`` (of one ``origin`` or all); the same as :func:`compute`.

    Stocks are taken at the period's edges and overdue duties at ``tally.as_of``, which must be
    the moment :func:`compute` would use (``min(as_of, period.end)``).
    """
    if min(tally.as_of, period.end) != tally.as_of:
        raise ValueError(f"a tally counted at {tally.as_of} cannot answer for a period ending {period.end}")
    missing = stock_days(period) - tally.counted_days
    if missing:
        raise ValueError(f"the tally has no stocks for {sorted(missing)}")
    figures = Figures()
    _tally_flows(tally, lambda d: 0 if d is not None and period.contains(d) else None, [figures], origin)
    before = period.start - timedelta(days=1)
    for (o, day), n in tally.open_after.items():
        if origin is None or o == origin:
            if day == before:
                figures.add("carried_over", n)
            if day == period.end:
                figures.add("open_end", n)
    for (o, kind), n in tally.overdue.items():
        if origin is None or o == origin:
            figures.add("overdue", n)
            figures.add(f"overdue.{kind}", n)
    return figures


def tally_by_origin(tally: Tally, period: Period) -> dict[str, Figures]:
    """One report per origin (unit code), in code order; the same as :func:`by_origin`."""
    return {origin: tally_compute(tally, period, origin) for origin in sorted(tally.origins)}


def tally_series(tally: Tally, periods: list[Period]) -> list[Figures]:
    """Flow figures of each of several non-overlapping periods; the same as :func:`series`."""
    out = [Figures() for _p in periods]
    _tally_flows(tally, _bucket_of(periods), out, None)
    return out


# ---------------------------------------------------------------- the report's lines


@dataclass(frozen=True)
class Line:
    """One line of the statistics table: ``key`` of a figure (or a derived ``rate``/``days``), label, unit."""

    key: str
    label: str
    unit: str
    indent: int = 0
    kind: str = "count"
    code: str = ""


def _lines() -> tuple[Line, ...]:
    rows: list[tuple[str, str, str, int, str]] = [
        ("carried_over", _("上期结转未结案件"), _("件"), 0, "count"),
        ("received", _("本期收到调解申请"), _("件"), 0, "count"),
    ]
    rows += [(f"received.source.{k}", (_("其中：") if i == 0 else "") + v, _("件"), 1, "count")
             for i, (k, v) in enumerate(codes.CASE_SOURCES.items())]
    rows += [
        ("rejected", _("不予受理"), _("件"), 0, "count"),
        ("closed", _("本期结案"), _("件"), 0, "count"),
    ]
    rows += [(f"closed.{k}", (_("其中：") if i == 0 else "") + (v if k != "other" else _("其他（含不予受理后结案）")),
              _("件"), 1, "count") for i, (k, v) in enumerate(OUTCOMES.items())]
    rows += [
        ("open_end", _("期末未结案件"), _("件"), 0, "count"),
        ("success_rate", _("调解成功率"), "%", 0, "rate"),
        ("agreements", _("本期达成协议（按协议生效日）"), _("件"), 0, "count"),
        ("workers", _("涉及劳动者人数"), _("人"), 0, "count"),
        ("collective", _("集体争议案件（10人以上）"), _("件"), 0, "count"),
        ("collective_workers", _("其中：集体争议涉及劳动者"), _("人"), 1, "count"),
        ("average_days", _("平均办理天数（收到申请至结案）"), _("天"), 0, "days"),
        ("arbitration_review", _("申请仲裁审查"), _("件"), 0, "count"),
        ("judicial_confirmation", _("申请司法确认"), _("件"), 0, "count"),
        ("payment_order", _("告知可申请支付令"), _("件"), 0, "count"),
        ("follow_ups", _("回访"), _("次"), 0, "count"),
        ("overdue", _("期末逾期未办事项"), _("项"), 0, "count"),
    ]
    rows += [(f"overdue.{k}", (_("其中：") if i == 0 else "") + v, _("项"), 1, "count")
             for i, (k, v) in enumerate(DEADLINE_KINDS.items())]
    for kind, label in AMOUNT_KINDS.items():
        rows.append((f"{kind}_cents", label, _("元"), 0, "money"))
        rows += [(f"{kind}_cents.{k}", (_("其中：") if i == 0 else "") + v, _("元"), 1, "money")
                 for i, (k, v) in enumerate(codes.CLAIM_CATEGORY_SHORT.items())]
    rows.append(("", _("按争议类别分（主要请求，本期收到）"), "", 0, "heading"))
    rows += [(f"category.{k}", v, _("件"), 1, "count") for k, v in codes.CLAIM_CATEGORY_SHORT.items()]
    rows.append(("", _("按用人单位类型分（本期收到）"), "", 0, "heading"))
    rows += [(f"employer_type.{k}", v, _("件"), 1, "count")
             for k, v in [*codes.EMPLOYER_TYPES.items(), (UNKNOWN, _("未填写"))]]
    rows.append(("", _("按行业分（本期收到）"), "", 0, "heading"))
    rows += [(f"industry.{k}", (f"{k} {v}" if k != UNKNOWN else v), _("件"), 1, "count")
             for k, v in [*codes.INDUSTRIES.items(), (UNKNOWN, _("未填写"))]]
    out = []
    number = 0
    for key, label, unit, indent, kind in rows:
        code = ""
        if kind != "heading":
            number += 1
            code = f"{number:02d}"
        out.append(Line(key, label, unit, indent, kind, code))
    return tuple(out)


LINES: tuple[Line, ...] = _lines()
"""Every line of the statistics table in order; line codes are stable while this list is."""


def value(figures: Figures, line: Line, denominator: str = "agreed_failed") -> int | Fraction | None:
    """The figure ``line`` shows: an int (count, 分, …), a Fraction (rate, days) or ``None`` (no base / heading)."""
    if line.kind == "heading":
        return None
    if line.kind == "rate":
        return figures.success_rate(denominator)
    if line.kind == "days":
        return figures.average_days()
    return figures[line.key]


def fraction_text(number: Fraction | None, kind: str) -> str:
    """``62.5%`` for rates and ``12.3`` for days (one decimal, half up); ``—`` without a base."""
    if number is None:
        return "—"
    scaled = number * (1000 if kind == "rate" else 10)
    tenths = (scaled.numerator * 2 + scaled.denominator) // (2 * scaled.denominator)
    whole, rest = divmod(tenths, 10)
    return f"{whole}.{rest}" + ("%" if kind == "rate" else "")


def iter_lines(kind: str | None = None) -> Iterator[Line]:
    """The lines of one kind (``count``, ``money``, ``rate``, ``days``, ``heading``) or all."""
    return (line for line in LINES if kind is None or line.kind == kind)


def check_denominator(name: str) -> str:
    """Validate the setting ``stats.success_denominator``."""
    if name not in DENOMINATORS:
        raise UserError(_("未知的成功率口径：{d}（可用：{allowed}）").format(
            d=name, allowed="、".join(DENOMINATORS)), field="stats.success_denominator")
    return name


__all__ = [
    "AmountFact", "CaseFact", "DeadlineFact", "Facts", "Figures", "FollowUpFact", "LINES", "Line", "Period",
    "PERIOD_KINDS", "by_origin", "compute", "containing", "custom", "month", "months_of", "parse_period",
    "quarter", "series", "Tally", "tally_by_origin", "tally_compute", "tally_series", "total",
    "trailing_months", "value", "year",
]


def as_mapping(figures: Figures) -> Mapping[str, int]:
    """The non-zero figures as a plain dict (for JSON output)."""
    return {k: v for k, v in sorted(figures.values.items()) if v}
