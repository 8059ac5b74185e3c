"""services/exchange_status.py: where each case's latest version is in the exchange."""

from __future__ import annotations

import pytest

from hexie_desktop.core.errors import NotAllowed
from hexie_desktop.services import exchange_status
from hexie_desktop.services.cases import CaseFilter, list_cases
from hexie_desktop.services.context import Actor, Context


def test_cases_never_exported_say_so_and_unknown_ids_are_left_out(ctx, digest):
    ids = [row.id for row in list_cases(ctx, CaseFilter())[:5]]
    before = digest()
    found = exchange_status.case_status(ctx, [*ids, "no-such-case"])
    assert set(found) == set(ids)
    assert {s.label for s in found.values()} == {"有修改未导出"} and all(s.package is None for s in found.values())
    assert exchange_status.case_status(ctx, []) == {}
    assert digest() == before


def test_the_read_right_is_needed(station):
    with pytest.raises(NotAllowed):
        exchange_status.case_status(Context(station.db, Actor("x", "x", "nobody")), ["x"])
