"""services/reports.py: statistics per period and the registers as ledgers."""

from __future__ import annotations

import pytest

from hexie_desktop.core import stats
from hexie_desktop.core.errors import HexieError
from hexie_desktop.services import reports
from hexie_desktop.services.cases import CaseFilter, count_cases


def test_the_year_statistics_count_the_cases_received_in_it(ctx, digest):
    before = digest()
    year = stats.year(ctx.today.year)
    result = reports.statistics(ctx, year, trend=False)
    received = count_cases(ctx, CaseFilter(received_from=year.start, received_to=year.end))
    assert result.total["received"] == received
    assert sum(f["received"] for f in result.by_origin.values()) == received
    assert digest() == before


def test_a_ledger_lists_the_register_and_an_unknown_one_is_refused(ctx):
    ledger = reports.ledger(ctx, "mediators")
    rows = list(ledger.rows)
    assert ledger.count == len(rows) > 0 and ledger.title
    with pytest.raises((HexieError, KeyError)):
        reports.ledger(ctx, "no_such_register")
