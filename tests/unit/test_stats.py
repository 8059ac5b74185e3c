"""core/stats: periods, definitions on hand-made facts, and (Hypothesis) totals are sums of parts."""

from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hexie_desktop.core import codes, stats
from hexie_desktop.core.errors import UserError

OCT = stats.month(2026, 10)


def test_periods_parse_and_label():
    assert stats.parse_period("2026-10") == stats.Period("month", date(2026, 10, 1), date(2026, 10, 31))
    assert stats.parse_period("2026-02").end == date(2026, 2, 28)
    q3 = stats.parse_period("2026-Q3")
    assert (q3.start, q3.end, q3.label, q3.code) == (date(2026, 7, 1), date(2026, 9, 30), "2026年第三季度", "2026-Q3")
    assert stats.parse_period("2026").label == "2026年"
    custom = stats.parse_period("2026-01-01..2026-06-30")
    assert custom.kind == "custom" and custom.label == "2026年1月1日至2026年6月30日"
    for bad in ("2026-13", "26-10", "2026-Q5", "2026-06-30..2026-01-01", "", "十月"):
        with pytest.raises(UserError):
            stats.parse_period(bad)
    assert [p.code for p in stats.trailing_months(date(2026, 2, 10), 3)] == ["2025-12", "2026-01", "2026-02"]
    assert [p.code for p in stats.months_of(stats.quarter(2026, 4))] == ["2026-10", "2026-11", "2026-12"]
    assert stats.containing("quarter", date(2026, 11, 21)).code == "2026-Q4"


def test_line_codes_are_unique_and_cover_every_category():
    coded = [line for line in stats.LINES if line.kind != "heading"]
    assert len({line.code for line in coded}) == len(coded)
    keys = {line.key for line in coded}
    for category in codes.CLAIM_CATEGORIES:
        assert {f"category.{category}", f"claimed_cents.{category}", f"paid_cents.{category}"} <= keys
    assert {f"received.source.{s}" for s in codes.CASE_SOURCES} <= keys


def _case(origin="A", received=date(2026, 10, 5), **kw) -> stats.CaseFact:
    return stats.CaseFact(origin, received, kw.pop("source", "application"), kw.pop("main_category", "wages"), **kw)


def test_definitions_on_hand_made_facts():
    facts = stats.Facts(
        cases=(
            _case(received=date(2026, 9, 20), closed_on=date(2026, 10, 3), closing_reason="performed"),  # in and out
            _case(received=date(2026, 9, 1)),  # carried, open
            _case(received=date(2026, 8, 1), closed_on=date(2026, 9, 30), closing_reason="failed"),  # neither
            _case(received=date(2026, 10, 2), closed_on=date(2026, 10, 12), closing_reason="failed", workers=12,
                  collective=True, source="oral"),
            _case(received=date(2026, 10, 7), rejected_on=date(2026, 10, 8), closed_on=date(2026, 10, 9),
                  closing_reason="rejected", employer_type="private", industry="C"),
            _case(received=date(2026, 10, 30), effective_on=date(2026, 10, 31), arbitration_review=True),
        ),
        amounts=(stats.AmountFact("A", "claimed", "wages", date(2026, 10, 2), 100_00),
                 stats.AmountFact("A", "claimed", "wages", date(2026, 9, 2), 999_00),
                 stats.AmountFact("A", "paid", "work_injury", date(2026, 10, 31), 55_50)),
        follow_ups=(stats.FollowUpFact("A", date(2026, 10, 1)), stats.FollowUpFact("A", date(2026, 11, 1))),
        deadlines=(stats.DeadlineFact("A", "acceptance", date(2026, 9, 1), date(2026, 9, 4)),
                   stats.DeadlineFact("A", "archive", date(2026, 10, 3), date(2026, 11, 2)),
                   stats.DeadlineFact("A", "mediation", date(2026, 9, 1), date(2026, 9, 16), date(2026, 10, 20))),
    )
    f = stats.compute(facts, OCT)
    assert f["carried_over"] == 2 and f["received"] == 3 and f["closed"] == 3 and f["open_end"] == 2
    assert f["carried_over"] + f["received"] == f["closed"] + f["open_end"]
    assert (f["closed.agreed"], f["closed.failed"], f["closed.other"], f["closed.withdrawn"]) == (1, 1, 1, 0)
    assert f["rejected"] == 1 and f["received.source.oral"] == 1 and f["received.source.application"] == 2
    assert f.success_rate() == Fraction(1, 2) and f.success_rate("closed") == Fraction(1, 3)
    assert f.success_rate("received") == Fraction(1, 3)
    assert f.average_days() == Fraction(13 + 10 + 2, 3)
    assert (f["workers"], f["collective"], f["collective_workers"]) == (14, 1, 12)
    assert f["claimed_cents"] == 100_00 and f["paid_cents.work_injury"] == 55_50
    assert f["agreements"] == 1 and f["arbitration_review"] == 1 and f["follow_ups"] == 1
    assert f["employer_type.private"] == 1 and f["employer_type.unknown"] == 2 and f["industry.C"] == 1
    assert f["overdue"] == 1 and f["overdue.acceptance"] == 1  # mediation was done late but before the end
    assert stats.compute(facts, OCT, as_of=date(2026, 10, 10))["overdue"] == 2
    assert stats.fraction_text(f.success_rate(), "rate") == "50.0%"
    assert stats.fraction_text(f.average_days(), "days") == "8.3"
    assert stats.fraction_text(None, "rate") == "—"
    with pytest.raises(UserError):
        f.success_rate("nonsense")


def test_series_counts_flows_by_month():
    facts = stats.Facts(cases=(_case(received=date(2026, 9, 30)), _case(received=date(2026, 10, 1),
                                                                        closed_on=date(2026, 11, 3),
                                                                        closing_reason="withdrawn")))
    months = stats.trailing_months(date(2026, 11, 5), 3)
    figures = stats.series(facts, months)
    assert [f["received"] for f in figures] == [1, 1, 0]
    assert [f["closed.withdrawn"] for f in figures] == [0, 0, 1]
    custom = [stats.custom(date(2026, 9, 1), date(2026, 9, 30)), stats.custom(date(2026, 10, 1), date(2026, 12, 31))]
    assert [f["received"] for f in stats.series(facts, custom)] == [1, 1]


# ---------------------------------------------------------------- property: totals are sums of parts

DAY0 = date(2026, 6, 1)
days = st.integers(min_value=0, max_value=240).map(lambda n: DAY0 + timedelta(days=n))
origins = st.sampled_from(["330106001", "330106002", "330106003"])


@st.composite
def case_facts(draw) -> stats.CaseFact:
    received = draw(days)
    closed = draw(st.one_of(st.none(), st.integers(0, 60).map(lambda n: received + timedelta(days=n))))
    return stats.CaseFact(
        draw(origins), received, draw(st.sampled_from(list(codes.CASE_SOURCES))),
        draw(st.sampled_from(list(codes.CLAIM_CATEGORIES))), draw(st.sampled_from([None, *codes.EMPLOYER_TYPES])),
        draw(st.sampled_from([None, "C", "E"])), draw(st.integers(1, 30)), draw(st.booleans()),
        draw(st.one_of(st.none(), days)), closed,
        draw(st.sampled_from(list(codes.CLOSING_REASONS))) if closed else None, draw(st.one_of(st.none(), days)),
        draw(st.booleans()), draw(st.booleans()), draw(st.booleans()), draw(st.one_of(st.none(), days)),
    )


facts_strategy = st.builds(
    stats.Facts,
    st.lists(case_facts(), max_size=25).map(tuple),
    st.lists(st.builds(stats.AmountFact, origins, st.sampled_from(list(stats.AMOUNT_KINDS)),
                       st.sampled_from(list(codes.CLAIM_CATEGORIES)), days, st.integers(0, 10**9)),
             max_size=20).map(tuple),
    st.lists(st.builds(stats.FollowUpFact, origins, days), max_size=8).map(tuple),
    st.lists(st.builds(stats.DeadlineFact, origins, st.sampled_from(list(stats.DEADLINE_KINDS)), days, days,
                       st.one_of(st.none(), days)), max_size=10).map(tuple),
)
periods = st.one_of(
    st.builds(stats.month, st.just(2026), st.integers(6, 12)),
    st.builds(stats.quarter, st.just(2026), st.integers(2, 4)),
    st.builds(lambda a, n: stats.custom(a, a + timedelta(days=n)), days, st.integers(0, 120)),
)


@settings(max_examples=150, deadline=None)
@given(facts_strategy, periods)
def test_total_is_the_sum_of_the_origins_parts(facts, period):
    whole = stats.compute(facts, period)
    parts = stats.by_origin(facts, period)
    assert stats.total(parts.values()) == whole
    for line in stats.LINES:
        if line.kind in ("count", "money"):
            assert sum(stats.value(p, line) for p in parts.values()) == stats.value(whole, line)
    # Stocks balance: what was open at the start plus what came in equals what went out plus what is open.
    assert whole["carried_over"] + whole["received"] == whole["closed"] + whole["open_end"]
    assert whole["closed"] == sum(whole[f"closed.{o}"] for o in stats.OUTCOMES)
    assert whole["received"] == sum(whole[f"category.{c}"] for c in codes.CLAIM_CATEGORIES)


@settings(max_examples=60, deadline=None)
@given(facts_strategy)
def test_monthly_series_equals_month_by_month_computation(facts):
    months = stats.months_of(stats.custom(date(2026, 6, 1), date(2027, 1, 31)))
    for period, figures in zip(months, stats.series(facts, months), strict=True):
        full = stats.compute(facts, period)
        flows = {k: v for k, v in full.values.items()
                 if not k.startswith(("carried_over", "open_end", "overdue")) and v}
        assert figures.values == flows
