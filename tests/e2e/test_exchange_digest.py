"""The exchange digest kept incrementally (storage/digest.py) always equals a full recomputation.

EXCHANGE.md "Protocol" 3: the receipt carries a digest of the (id, version) pairs the district
holds, compared with the township's own.  Both are now kept up to date with every write
instead of being recomputed from every row; these tests check that what is kept is exactly
what a recomputation gives, after random writes through the services, after imports,
conflicts and removals at the district, after bulk loads, and that drift heals.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from hexie_desktop.exchange import state
from hexie_desktop.services import case_actions, registries
from hexie_desktop.services import exchange as ex
from hexie_desktop.services.demo import generate
from hexie_desktop.storage import digest
from tests.e2e.exchange_support import TOWN_CODE, make_pair, register


def _recomputed(session, origin: str) -> tuple[str, dict[str, int]]:
    """The digest as the program computed it before it was kept: every row hashed."""
    total, counts = 0, {}
    for (row_origin, name), (rows, value) in digest.compute(session, [origin]).items():
        assert row_origin == origin
        total += value
        counts[name] = rows
    return f"{total % digest.MODULUS:064x}", counts


def _check(station, origin: str = TOWN_CODE) -> None:
    with station.db.transaction() as session:
        assert digest.verify(session) == []
        kept = state.holdings(session, origin)
        assert kept == _recomputed(session, origin)


@pytest.fixture
def pair(tmp_path: Path):
    made = make_pair(tmp_path / "pair")
    yield made
    made.dispose()


OPS = st.lists(st.sampled_from(["employer", "edit", "delete", "case", "accept", "export"]), min_size=1, max_size=12)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ops=OPS, seed=st.integers(min_value=0, max_value=10_000))
def test_kept_digest_equals_a_full_recompute_after_random_writes(ops, seed):
    root = Path(tempfile.mkdtemp(prefix="hexie-digest-"))
    pair = make_pair(root / "pair")
    try:
        employers: list[str] = []
        numbers: list[str] = []
        for n, op in enumerate(ops):
            if op == "employer":
                employers.append(registries.save_record(pair.tctx, "employers", {"name": f"企业{seed}-{n}"})["id"])
            elif op == "edit" and employers:
                registries.save_record(pair.tctx, "employers", {"name": f"改名{seed}-{n}", "address": f"东坝路{n}号"},
                                       employers[(seed + n) % len(employers)])
            elif op == "delete" and employers:
                registries.delete_record(pair.tctx, "employers", employers.pop((seed + n) % len(employers)))
            elif op == "case":
                numbers += register(pair.tctx, f"申请人{n}")
            elif op == "accept" and numbers:
                case_actions.apply(pair.tctx, numbers.pop(), "accept", {})
            elif op == "export":
                pair.sync(f"p{n}.hxp")
                _check(pair.dist)
            _check(pair.town)
        pair.sync("last.hxp")
        _check(pair.town)
        _check(pair.dist)
    finally:
        pair.dispose()
        shutil.rmtree(root, ignore_errors=True)


def test_a_write_that_skips_the_upkeep_is_caught_and_a_full_export_heals_it(pair):
    register(pair.tctx, "张三")
    pair.sync("p1.hxp")
    _check(pair.town)
    with pair.town.db.transaction() as session:  # a write behind the program's back
        session.execute(text("UPDATE employers SET version = version + 5"))
    with pair.town.db.transaction() as session:
        assert digest.verify(session) != [], "the check sees the drift"
    exported = pair.export("full.hxp", full=True)
    assert exported.kind == "full"
    _check(pair.town)
    applied = pair.to_district(*exported.paths)[0]
    assert applied.ok, applied.error
    _check(pair.dist)
    receipt = pair.to_township(applied.receipt_path)[0]
    assert receipt.ok and len(receipt.messages) == 1, receipt.messages  # digests agree again


def test_bulk_load_stops_the_upkeep_and_the_next_export_rebuilds(pair):
    pair.sync("p1.hxp")
    generate(pair.tctx, cases=20, seed=3)
    with pair.town.db.transaction() as session:
        assert not digest.is_ready(session)
    exported, applied, receipt = pair.sync("p2.hxp")
    assert exported.rows > 20 and len(receipt.messages) == 1, receipt.messages
    _check(pair.town)
    _check(pair.dist)


def test_conflicts_taken_and_rows_removed_at_the_district_keep_the_digest(pair):
    """The district's Core writes (taking a township version, removing rows) update the digest too."""
    saved = registries.save_record(pair.tctx, "employers", {"name": "宏达", "address": "东坝路1号"})
    pair.sync("p1.hxp")
    with pair.dist.db.transaction() as session:  # the district's copy diverges (same version, other content)
        session.info["passthrough"] = True
        session.execute(text("UPDATE employers SET address = '别处' WHERE id = :id"), {"id": saved["id"]})
        digest.rebuild(session)
    registries.save_record(pair.tctx, "employers", {"name": "宏达", "address": "东坝路2号"}, saved["id"])
    exported = pair.export("p2.hxp")
    with pair.dist.db.transaction() as session:  # make it a same-version conflict
        session.execute(text("UPDATE employers SET version = version + 1 WHERE id = :id"), {"id": saved["id"]})
        digest.rebuild(session)
    assert pair.to_district(*exported.paths)[0].ok
    [conflict] = ex.conflicts(pair.dctx)
    ex.resolve_conflict(pair.dctx, conflict.id, take_township=True)
    _check(pair.dist)
    registries.delete_record(pair.tctx, "employers", saved["id"])
    full = pair.export("full.hxp", full=True)
    assert pair.to_district(*full.paths)[0].ok
    _check(pair.dist)
