"""services/stats_tally.py: the figures counted by the database equal the count over one fact per case.

docs/REPORTS.md defines each figure; tests/e2e/test_stats_tally.py compares the two ways on a
larger generated station with odd rows, this mirror on the template station.
"""

from __future__ import annotations

from hexie_desktop.core import stats
from hexie_desktop.services import reports, stats_tally


def test_the_year_counted_by_the_database_equals_the_fact_by_fact_count(station, ctx, digest):
    period = stats.year(ctx.today.year)
    as_of = min(period.end, ctx.today)
    before = digest()
    with station.db.read() as session:
        facts = reports.load_facts(session, period.start, period.end, as_of)
        tally = stats_tally.count_tally(session, period.start, period.end, as_of, [period])
    full = stats.by_origin(facts, period, as_of)
    fast = stats.tally_by_origin(tally, period)
    assert fast == full and sum(f["received"] for f in fast.values()) > 0
    assert digest() == before


def test_an_empty_window_counts_nothing(station, ctx):
    period = stats.year(1990)
    with station.db.read() as session:
        tally = stats_tally.count_tally(session, period.start, period.end, period.end, [period])
    assert tally.flows == () and all(n == 0 for n in tally.open_after.values())
