"""services/coverage.py: which employers a labour-relations coordinator serves (issue 14)."""

from __future__ import annotations

import pytest

from hexie_desktop.core.errors import HexieError
from hexie_desktop.services import coverage, registries


def test_linking_a_coordinator_covers_the_employer(ctx):
    before = coverage.view(ctx)
    target = next(r for r in before.rows if not r["covered"])
    coordinator = registries.list_records(ctx, "coordinators")[0]
    registries.save_record(ctx, "coverage", {"coordinator_id": coordinator["id"], "employer_id": target["employer_id"]})
    after = coverage.view(ctx)
    row = next(r for r in after.rows if r["employer_id"] == target["employer_id"])
    assert row["covered"] and coordinator["name"] in row["coordinators"] and row["how"] == "配备协调员"
    was, now = before.totals, after.totals
    assert (now.large_medium_covered + now.small_covered) == (was.large_medium_covered + was.small_covered) + 1
    assert "大中型企业" in coverage.summary_text(now, after.threshold)


def test_a_link_to_an_unknown_employer_is_refused_and_nothing_changes(ctx, digest):
    coordinator = registries.list_records(ctx, "coordinators")[0]
    before = digest()
    with pytest.raises(HexieError):
        registries.save_record(ctx, "coverage", {"coordinator_id": coordinator["id"], "employer_id": "no-such-id"})
    assert digest() == before
