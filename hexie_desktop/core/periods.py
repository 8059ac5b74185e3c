"""Statutory period counting and the working-day calendar.

Deadlines are computed from case events, never typed in (SPEC §2.2).  Periods follow the
statutory counting rule of 民法典 art. 201–203: the day of the triggering event is not
counted, and when the last day is not a working day (a statutory holiday or an ordinary rest
day) the period ends on the next working day.  A swapped working weekend day (调休上班) is a
working day, so a period ending on it is not extended.

Working days come from the official holiday-and-swap calendar shipped in the
``chinesecalendar`` package, overridable by reference data imported from the district.  For
a year the package has no data for, Monday–Friday are working days and
:meth:`WorkCalendar.warnings_for` produces a visible warning.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from datetime import date, timedelta
from types import MappingProxyType

import chinese_calendar

from hexie_desktop.core import dates
from hexie_desktop.core.errors import UserError
from hexie_desktop.core.i18n import _
from hexie_desktop.core.states import AGREED_STATES, FINISHED_STATES, MEDIATION_STATES

__all__ = [
    "ALWAYS_LISTED",
    "OFFICE_DEADLINES",
    "CaseDates",
    "Deadline",
    "DeadlineSettings",
    "LimitationStatus",
    "WorkCalendar",
    "arbitration_right_from",
    "compute_deadlines",
    "counting_states",
    "deadline_counts",
    "due_status",
    "limitation_restart",
    "limitation_status",
    "may_apply_for_arbitration",
    "mediation_period_ended",
    "returns_to_hearing",
    "shortest_days",
]

_ONE_DAY = timedelta(days=1)
_LAST_ORDINAL = date.max.toordinal()

# Years for which the installed chinesecalendar has official holiday data (contiguous).
_DATA_FIRST_YEAR = min(chinese_calendar.holidays).year
_DATA_LAST_YEAR = max(chinese_calendar.holidays).year

# Statutory lengths: the legal citation is only shown when the configured length matches.
_STATUTORY_MEDIATION_DAYS = 15  # 劳动争议调解仲裁法第十四条
_STATUTORY_ARBITRATION_REVIEW_DAYS = 15  # 劳动人事争议仲裁办案规则第七十四条
_STATUTORY_JUDICIAL_CONFIRMATION_DAYS = 30  # 民事诉讼法第二百零五条
_STATUTORY_LIMITATION_YEARS = 1  # 劳动争议调解仲裁法第二十七条
ENTRUSTED_SOURCE = "arbitration_entrusted"
"""The case source (core.codes.CASE_SOURCES) of a case entrusted by the arbitration commission."""


def _plus(day: date, days: int) -> date:
    """``day`` plus ``days`` calendar days, stopping at the last representable date (no OverflowError)."""
    return date.fromordinal(min(day.toordinal() + days, _LAST_ORDINAL))


_cn_date = dates.chinese


def _check_count(value: object, field: str, label: str, *, minimum: int) -> int:
    """Return ``value`` if it is an integer >= ``minimum``, else raise :class:`UserError`."""
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        if minimum > 0:
            message = _("{label}必须是正整数").format(label=label)
        else:
            message = _("{label}不能为负数").format(label=label)
        raise UserError(message, field=field)
    return value


class WorkCalendar:
    """Working-day calendar: district overrides, then chinesecalendar, then Monday–Friday."""

    def __init__(self, overrides: Mapping[date, bool] | None = None) -> None:
        """Create a calendar; ``overrides`` maps a date to whether it is a working day.

        Overrides are reference data imported from the district and win over the
        chinesecalendar data (e.g. a holiday announced after the package was released).
        """
        self._overrides: Mapping[date, bool] = MappingProxyType(
            {day: bool(is_work) for day, is_work in (overrides or {}).items()}
        )
        self._known: dict[date, bool] = {}  # memo of is_workday: the calendar never changes
        self._ends: dict[tuple[date, int, bool], date] = {}  # memo of period_end and add_working_days

    @property
    def overrides(self) -> Mapping[date, bool]:
        """The read-only ``date -> is_workday`` overrides this calendar was built with."""
        return self._overrides

    def covers(self, year: int) -> bool:
        """Whether the official holiday data (chinesecalendar) covers ``year``."""
        return _DATA_FIRST_YEAR <= year <= _DATA_LAST_YEAR

    def is_workday(self, day: date) -> bool:
        """Whether ``day`` is a working day.

        Overrides are consulted first, then the chinesecalendar data (which counts swapped
        working weekend days as working days); for a year without data Monday–Friday are
        working days.
        """
        known = self._known.get(day)
        if known is None:
            override = self._overrides.get(day)
            if override is not None:
                known = override
            elif self.covers(day.year):
                known = bool(chinese_calendar.is_workday(day))
            else:
                known = day.weekday() < 5
            self._known[day] = known
        return known

    def next_workday(self, day: date) -> date:
        """The first working day on or after ``day``."""
        while not self.is_workday(day) and day < date.max:
            day += _ONE_DAY
        return day

    def add_working_days(self, start: date, n: int) -> date:
        """The ``n``-th working day after ``start`` (``start`` itself is not counted).

        ``n == 0`` returns ``start`` unchanged.
        """
        known = self._ends.get((start, n, True)) if type(n) is int else None  # True == 1: a bool is refused below
        if known is not None:
            return known
        _check_count(n, "n", _("工作日数"), minimum=0)
        day = start
        remaining = n
        while remaining and day < date.max:
            day += _ONE_DAY
            if self.is_workday(day):
                remaining -= 1
        self._ends[(start, n, True)] = day
        return day

    def period_end(self, start: date, days: int) -> date:
        """Last day of a period of ``days`` days running from ``start``.

        The start day is not counted, so the nominal end is ``start + days``; if that day is
        not a working day (statutory holiday or ordinary rest day) the period ends on the
        next working day.  A swapped working weekend day is a working day: no extension.
        """
        known = self._ends.get((start, days, False)) if type(days) is int else None
        if known is None:
            _check_count(days, "days", _("期间天数"), minimum=0)
            known = self._ends[(start, days, False)] = self.next_workday(_plus(start, days))
        return known

    def add_years(self, start: date, years: int) -> date:
        """Last day of a period of ``years`` years running from ``start``.

        The end is the same month and day ``years`` later (29 February becomes 28 February
        in a common year, 民法典 art. 202), extended to the next working day like
        :meth:`period_end`.
        """
        _check_count(years, "years", _("期间年数"), minimum=0)
        year = start.year + years
        if year > date.max.year:  # a period beyond the calendar ends at its last day
            return date.max
        try:
            nominal = start.replace(year=year)
        except ValueError:  # 29 February in a common year
            nominal = date(year, 2, 28)
        return self.next_workday(nominal)

    def warnings_for(self, *days: date) -> tuple[str, ...]:
        """One Chinese warning per distinct year among ``days`` without holiday data.

        Years are reported in ascending order; an empty tuple means every day is covered.
        """
        missing = sorted({day.year for day in days if not self.covers(day.year)})
        return tuple(
            _(
                "{year}年的法定节假日数据缺失，已按周一至周五计算工作日，请从区级导入节假日数据"
            ).format(year=year)
            for year in missing
        )


_SETTING_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "acceptance_working_days": _("受理决定期限（工作日）"),
        "mediation_days": _("调解期限（日）"),
        "arbitration_review_days": _("仲裁审查申请期限（日）"),
        "judicial_confirmation_days": _("司法确认申请期限（日）"),
        "follow_up_days": _("回访期限（日）"),
        "archive_days": _("归档期限（日）"),
        "limitation_years": _("仲裁时效（年）"),
        "limitation_warning_days": _("仲裁时效提前提示天数"),
        "entrusted_mediation_days": _("仲裁委委托调解期限（日）"),
    }
)


@dataclass(frozen=True)
class DeadlineSettings:
    """Configurable period lengths (defaults are the statutory or usual values)."""

    acceptance_working_days: int = 3
    mediation_days: int = 15
    arbitration_review_days: int = 15
    judicial_confirmation_days: int = 30
    follow_up_days: int = 7
    archive_days: int = 30
    limitation_years: int = 1
    limitation_warning_days: int = 30
    entrusted_mediation_days: int = 10
    """仲裁委委托调解: the tribunal proceeds when no agreement within this many days (办案规则, local rules)."""

    def __post_init__(self) -> None:
        """Reject lengths that are not positive integers (the warning window may be 0)."""
        for item in fields(self):
            minimum = 0 if item.name == "limitation_warning_days" else 1
            _check_count(
                getattr(self, item.name), item.name, _SETTING_LABELS[item.name], minimum=minimum
            )


@dataclass(frozen=True)
class CaseDates:
    """The case events that start the periods; ``None`` means the event has not happened."""

    received_on: date
    infringement_known_on: date | None = None
    mediation_extended_until: date | None = None
    agreement_effective_on: date | None = None
    last_item_due_on: date | None = None
    closed_on: date | None = None
    entrusted: bool = False
    """Entrusted by the arbitration commission (仲裁委委托): its own mediation period."""
    mediation_ended_on: date | None = None
    """The day mediation ended without agreement (调解不成 or withdrawal): the limitation restarts."""


@dataclass(frozen=True)
class Deadline:
    """One computed deadline: stable ``name``, Chinese ``label`` and ``basis``, ``due`` date."""

    name: str
    label: str
    due: date
    basis: str


def _cite(length: int, statutory: int, citation: str) -> str:
    """``citation`` in full-width parentheses when ``length`` is the statutory one, else ''."""
    return _("（{citation}）").format(citation=citation) if length == statutory else ""


def compute_deadlines(
    dates: CaseDates, settings: DeadlineSettings, calendar: WorkCalendar, *, explain: bool = True
) -> dict[str, Deadline]:
    """Compute every deadline whose triggering event is known, keyed by deadline name.

    Always present: ``acceptance`` and ``mediation``; ``arbitration_review`` and
    ``judicial_confirmation`` once the agreement is effective; ``follow_up`` once the last
    agreement item's due date is known; ``archive`` once closed; ``limitation`` from the
    end of a failed or withdrawn mediation (interruption, :func:`limitation_restart`), else
    when the date the worker knew of the infringement is recorded.  A recorded extension of
    the mediation period (both parties' consent) replaces the statutory end (it does not
    delay the right to arbitration, :func:`arbitration_right_from`).  With ``explain`` False each
    ``basis`` is left empty (for a list that shows only labels and days).
    """
    holiday_rule = _("，末日为法定节假日的顺延")
    result: dict[str, Deadline] = {}

    def put(name: str, label: str, due: date, basis: Callable[[], str]) -> None:
        result[name] = Deadline(name=name, label=label, due=due, basis=basis() if explain else "")

    received = dates.received_on
    n = settings.acceptance_working_days
    put(
        "acceptance",
        _("受理决定期限"),
        calendar.add_working_days(received, n),
        lambda: _("收到申请之日起{n}个工作日").format(n=n),
    )

    statutory_end, statutory_basis = _mediation_period(dates, settings, calendar, explain=explain)
    extended = dates.mediation_extended_until
    if extended is None:
        put("mediation", _("调解期限"), statutory_end, lambda: statutory_basis)
    else:
        if extended <= received:
            raise UserError(
                _("延长后的调解期限必须晚于收到申请之日"), field="mediation_extended_until"
            )
        put(
            "mediation",
            _("调解期限"),
            extended,
            lambda: _("经双方同意延长至{until}（原期限{original}）").format(
                until=_cn_date(extended), original=_cn_date(statutory_end)
            ),
        )

    effective = dates.agreement_effective_on
    if effective is not None:
        n = settings.arbitration_review_days
        put(
            "arbitration_review",
            _("仲裁审查申请期限"),
            calendar.period_end(effective, n),
            lambda: _("调解协议生效之日起{n}日内双方共同申请").format(n=n)
            + _cite(n, _STATUTORY_ARBITRATION_REVIEW_DAYS, _("劳动人事争议仲裁办案规则第七十四条"))
            + holiday_rule,
        )
        n = settings.judicial_confirmation_days
        put(
            "judicial_confirmation",
            _("司法确认申请期限"),
            calendar.period_end(effective, n),
            lambda: _("调解协议生效之日起{n}日内双方共同申请").format(n=n)
            + _cite(n, _STATUTORY_JUDICIAL_CONFIRMATION_DAYS, _("民事诉讼法第二百零五条"))
            + holiday_rule,
        )

    if dates.last_item_due_on is not None:
        n = settings.follow_up_days
        put(
            "follow_up",
            _("回访期限"),
            calendar.period_end(dates.last_item_due_on, n),
            lambda: _("最后一项协议履行期限届满之日起{n}日").format(n=n) + holiday_rule,
        )

    if dates.closed_on is not None:
        n = settings.archive_days
        put(
            "archive",
            _("归档期限"),
            calendar.period_end(dates.closed_on, n),
            lambda: _("结案之日起{n}日").format(n=n) + holiday_rule,
        )

    if dates.mediation_ended_on is not None and not dates.entrusted:
        restart = limitation_restart(dates.mediation_ended_on, settings, calendar, explain=explain)
        put(restart.name, restart.label, restart.due, lambda: restart.basis)
    elif dates.infringement_known_on is not None:
        n = settings.limitation_years
        put(
            "limitation",
            _("仲裁时效"),
            calendar.add_years(dates.infringement_known_on, n),
            lambda: _("知道或者应当知道其权利被侵害之日起{n}年").format(n=n)
            + _cite(n, _STATUTORY_LIMITATION_YEARS, _("劳动争议调解仲裁法第二十七条"))
            + holiday_rule
            + _("，仅供参考"),
        )

    return result


def _mediation_period(dates: CaseDates, settings: DeadlineSettings, calendar: WorkCalendar, *,
                      explain: bool = True) -> tuple[date, str]:
    """(last day, basis) of the mediation period before any agreed extension (basis '' unless ``explain``).

    LDTJ art. 14 ¶3: 15 days from receipt; a case entrusted by the arbitration commission
    has its own (configurable) period, after which the arbitration hearing proceeds.
    """
    holiday_rule = _("，末日为法定节假日的顺延")
    if dates.entrusted:
        n = settings.entrusted_mediation_days
        return calendar.period_end(dates.received_on, n), (
            _("仲裁委委托调解，收到委托之日起{n}日，逾期未达成协议的恢复仲裁审理").format(n=n) + holiday_rule
            if explain else "")
    n = settings.mediation_days
    if not explain:
        return calendar.period_end(dates.received_on, n), ""
    return calendar.period_end(dates.received_on, n), (
        _("收到申请之日起{n}日").format(n=n)
        + _cite(n, _STATUTORY_MEDIATION_DAYS, _("劳动争议调解仲裁法第十四条"))
        + holiday_rule
    )


def arbitration_right_from(dates: CaseDates, settings: DeadlineSettings, calendar: WorkCalendar) -> date:
    """The last day of the statutory mediation period; from the next day a party may apply for arbitration.

    LDTJ art. 14 ¶3 and art. 5: when no agreement is reached within 15 days of receipt, any
    party may apply for arbitration.  An extension agreed by both parties lets mediation go
    on, but it does not suspend that right, so the extension is ignored here.
    """
    return _mediation_period(dates, settings, calendar, explain=False)[0]


def may_apply_for_arbitration(dates: CaseDates, state: str, today: date, settings: DeadlineSettings,
                              calendar: WorkCalendar) -> bool:
    """Whether the parties of a still open, unagreed case may apply for arbitration on ``today``.

    True once the statutory period has passed (extension or not).  A case entrusted by the
    arbitration commission is already before it: it returns to the hearing instead.
    """
    if dates.entrusted or state not in MEDIATION_STATES:
        return False
    return today > arbitration_right_from(dates, settings, calendar)


def returns_to_hearing(dates: CaseDates, state: str, today: date, settings: DeadlineSettings,
                       calendar: WorkCalendar) -> bool:
    """Whether an entrusted case's own period has passed without agreement (it goes back to the hearing)."""
    if not dates.entrusted or state not in MEDIATION_STATES:
        return False
    return today > arbitration_right_from(dates, settings, calendar)


def mediation_period_ended(on: date, mediation_end: date) -> bool:
    """Whether the mediation period (ending on ``mediation_end``) is over on day ``on``.

    The last day runs to 24:00 (民法典 art. 203 ¶2): the period has ended only from the next day.
    """
    return on > mediation_end


def mediation_ended_on(*, failed_on: date | None, rejected_on: date | None, withdrawn_on: date | None,
                       accepted_on: date | None) -> date | None:
    """The day the mediation procedure ended without agreement, from which the arbitration limitation
    runs again: 调解不成, 不予受理 (the application was a request for a remedy all the same: LDTJ
    art. 27 ¶2 "向有关部门请求权利救济"), or a withdrawal after acceptance; ``None`` while it runs or
    when it ended in an agreement."""
    return failed_on or rejected_on or (withdrawn_on if accepted_on else None)


def limitation_restart(ended_on: date, settings: DeadlineSettings, calendar: WorkCalendar, *,
                       explain: bool = True) -> Deadline:
    """The arbitration limitation counted afresh from the end of mediation.

    Applying for mediation interrupts the limitation (LDTJ art. 27 ¶2, 办案规则 art. 27); it
    runs again in full from the day the procedure ended (民法典 art. 195): one year (LDTJ
    art. 27 ¶1) from the termination date.
    """
    n = settings.limitation_years
    return Deadline(
        name="limitation",
        label=_("仲裁时效"),
        due=calendar.add_years(ended_on, n),
        basis=_("因申请调解而中断，自调解终止之日（{day}）起重新计算{n}年").format(day=_cn_date(ended_on), n=n)
        + _cite(n, _STATUTORY_LIMITATION_YEARS, _("劳动争议调解仲裁法第二十七条、民法典第一百九十五条"))
        + _("，末日为法定节假日的顺延") if explain else "",
    )


def shortest_days(settings: DeadlineSettings) -> dict[str, int]:
    """Per deadline name: the fewest calendar days from its triggering event to its due date.

    A period never ends before its start plus its length (counting working days or moving
    the end past a holiday only makes it later), so a query may skip every case whose
    triggering event is later than ``horizon - days``.  This only narrows what is read:
    :func:`compute_deadlines` stays the rule.  A recorded extension of the mediation
    period is the exception (it ends on the recorded date) and must be checked apart.
    """
    return {
        "acceptance": settings.acceptance_working_days,
        # An entrusted case has its own (possibly shorter) period: the shorter one bounds both.
        "mediation": min(settings.mediation_days, settings.entrusted_mediation_days),
        "arbitration_review": settings.arbitration_review_days,
        "judicial_confirmation": settings.judicial_confirmation_days,
        "follow_up": settings.follow_up_days,
        "archive": settings.archive_days,
    }


@dataclass(frozen=True)
class LimitationStatus:
    """Where the arbitration limitation (仲裁时效) stands on a given day, for intake warnings."""

    level: str  # "ok" | "near" | "expired" | "unknown"
    expires_on: date | None
    message: str


def limitation_status(
    known_on: date | None, on: date, settings: DeadlineSettings, calendar: WorkCalendar
) -> LimitationStatus:
    """Classify the arbitration limitation on day ``on``.

    ``known_on`` is the day the worker knew or should have known of the infringement.
    Levels: ``unknown`` (no such date), ``expired`` (``on`` is after the last day),
    ``near`` (at most ``settings.limitation_warning_days`` calendar days left, including
    the last day itself) and ``ok``.  The status is informational only: it never blocks
    mediation.
    """
    if known_on is None:
        return LimitationStatus(
            "unknown",
            None,
            _("未填写知道或者应当知道权利被侵害的日期，无法提示仲裁时效"),
        )
    if known_on > on:
        raise UserError(
            _("知道或者应当知道权利被侵害的日期不能晚于{on}").format(on=_cn_date(on)),
            field="infringement_known_on",
        )
    expires = calendar.add_years(known_on, settings.limitation_years)
    if on > expires:
        message = _(
            "按{known}知道或者应当知道权利被侵害计算，仲裁时效已于{expires}届满。"
            "此提示仅供参考，不影响受理调解：当事人申请调解、向对方主张权利或者对方同意履行义务的，"
            "仲裁时效中断并重新计算；劳动关系存续期间因拖欠劳动报酬发生争议的，"
            "不受一年仲裁时效期间的限制，劳动关系终止的，应当自终止之日起一年内提出"
            "（劳动争议调解仲裁法第二十七条）。"
        ).format(known=_cn_date(known_on), expires=_cn_date(expires))
        return LimitationStatus("expired", expires, message)
    left = (expires - on).days
    if left <= settings.limitation_warning_days:
        message = _(
            "仲裁时效将于{expires}届满（还剩{left}日），申请调解可中断仲裁时效，请提示当事人。"
        ).format(expires=_cn_date(expires), left=left)
        return LimitationStatus("near", expires, message)
    return LimitationStatus(
        "ok", expires, _("仲裁时效至{expires}届满。").format(expires=_cn_date(expires))
    )


def due_status(due: date, today: date, *, soon_days: int = 3) -> str:
    """Dashboard bucket of a due date seen from ``today``.

    ``overdue`` (``due`` before today), ``today``, ``soon`` (within ``soon_days``
    calendar days after today) or ``later``.
    """
    if due < today:
        return "overdue"
    if due == today:
        return "today"
    if (due - today).days <= soon_days:
        return "soon"
    return "later"


# ---------------------------------------------------------------- which deadlines still count

_COUNTS_IN: Mapping[str, frozenset[str]] = MappingProxyType({
    "acceptance": frozenset({"registered"}),
    "mediation": MEDIATION_STATES,
    "performance": frozenset({"performing"}),
    # SPEC §2.1: a 回访 may be recorded in any state after agreed, closed included, not once archived.
    "follow_up": AGREED_STATES | {"closed"},
    "archive": frozenset({"closed"}),
    "arbitration_review": AGREED_STATES,
    "judicial_confirmation": AGREED_STATES,
})

OFFICE_DEADLINES = ("acceptance", "mediation", "performance", "follow_up", "archive")
"""The deadlines that are the office's own to-dos (the dashboard); the others are the parties'."""

ALWAYS_LISTED = frozenset({"acceptance"})
"""To-dos listed however far their due date: a received case awaiting its 受理决定 is work now."""


def deadline_counts(name: str, state: str, *, followed_up: bool = False) -> bool:
    """Whether the deadline ``name`` of a case in ``state`` still asks for something.

    The one rule for the case's deadline list (a deadline that no longer counts shows as
    done) and for the dashboard: 受理决定 until accepted, rejected or withdrawn; the
    mediation period while no agreement and mediation not ended; performance while
    performing; 回访 until one is recorded, while a follow-up can still be recorded (after
    the agreement, closed included; SPEC §2.1); 归档 while closed; the parties' 仲裁审查 and
    司法确认 windows until closed; the 仲裁时效 until closed.
    """
    if name == "limitation":
        return state not in FINISHED_STATES
    if name == "follow_up" and followed_up:
        return False
    return state in _COUNTS_IN.get(name, frozenset())


def counting_states(name: str) -> frozenset[str]:
    """The states in which the deadline ``name`` may still count (for queries that pre-select cases)."""
    return _COUNTS_IN.get(name, frozenset())
