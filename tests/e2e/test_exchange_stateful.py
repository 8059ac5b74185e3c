"""Hypothesis stateful test: edits, exports, lost packages, receipts and restores keep both ends in agreement.

Whatever order things happen in — packages lost or delivered late, receipts lost, the
township restored from an older backup — after one more export/import/receipt round:

* every row the township has is at the district in exactly the same version and content,
  unless the district holds a conflict for it that a person must decide, or quarantined it
  with a reason;
* every row only the district still has is in the conflict queue (never kept silently);
* every edit the district held that the township lost in a restore is still at the district or
  kept in the conflict queue (never dropped silently), however the township edits on;
* a refused package never changes the district.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule
from sqlalchemy import select

from hexie_desktop.exchange import state
from hexie_desktop.exchange.codec import TABLES, to_json_dict
from hexie_desktop.services import maintenance, registries
from hexie_desktop.storage import digest
from hexie_desktop.storage.models import ExchangeConflict, ExchangeQuarantine
from tests.e2e.exchange_support import TOWN_CODE, db_digest, make_pair, register, rows_of


def _as_json(table: str, row: tuple) -> dict:
    spec = TABLES[table]
    return to_json_dict(spec, dict(zip(spec.names, row)))


class Exchange(RuleBasedStateMachine):
    """A township and its district exchanging packages over an unreliable road."""

    def __init__(self) -> None:
        super().__init__()
        self.root = Path(tempfile.mkdtemp(prefix="hexie-stateful-"))
        self.pair = make_pair(self.root / "pair")
        self.transit: list[Path] = []
        self.receipts: list[Path] = []
        self.backups: list[Path] = []
        self.employers: list[str] = []
        self.lost: dict[tuple[str, str], dict] = {}
        self.n = 0

    def teardown(self) -> None:
        """Close both stations and remove their folders."""
        self.pair.dispose()
        shutil.rmtree(self.root, ignore_errors=True)

    # ---------------------------------------------------------------- township work

    @rule()
    def add_employer(self) -> None:
        self.n += 1
        saved = registries.save_record(self.pair.tctx, "employers", {"name": f"测试企业{self.n}号"})
        self.employers.append(saved["id"])

    @precondition(lambda self: self.employers)
    @rule(pick=st.integers(min_value=0), address=st.sampled_from(["东坝路1号", "东坝路2号", "金盏乡3号"]))
    def edit_employer(self, pick: int, address: str) -> None:
        employer_id = self.employers[pick % len(self.employers)]
        current = registries.get_record(self.pair.tctx, "employers", employer_id)
        if current.get("deleted"):
            return
        registries.save_record(self.pair.tctx, "employers", {"name": current["name"], "address": address},
                               employer_id)

    @precondition(lambda self: self.employers)
    @rule(pick=st.integers(min_value=0))
    def delete_employer(self, pick: int) -> None:
        employer_id = self.employers.pop(pick % len(self.employers))
        try:
            registries.delete_record(self.pair.tctx, "employers", employer_id)
        except Exception:  # already gone after a restore: nothing to delete
            pass

    @rule()
    def register_case(self) -> None:
        self.n += 1
        register(self.pair.tctx, f"申请人{self.n}")

    @rule(full=st.booleans())
    def export(self, full: bool) -> None:
        self.n += 1
        self.transit += self.pair.export(f"p{self.n}.hxp", full=full).paths

    @precondition(lambda self: self.transit)
    @rule(pick=st.integers(min_value=0))
    def lose_package(self, pick: int) -> None:
        self.transit.pop(pick % len(self.transit))

    @precondition(lambda self: self.transit)
    @rule(pick=st.integers(min_value=0))
    def deliver(self, pick: int) -> None:
        path = self.transit.pop(pick % len(self.transit))
        before = db_digest(self.pair.dist)
        outcome = self.pair.to_district(path)[0]
        if outcome.ok:
            self.receipts.append(outcome.receipt_path)
        else:
            assert outcome.code in ("E_REPLAY", "E_DUPLICATE"), outcome.error
            assert db_digest(self.pair.dist) == before

    @precondition(lambda self: self.receipts)
    @rule(pick=st.integers(min_value=0))
    def deliver_receipt(self, pick: int) -> None:
        path = self.receipts.pop(pick % len(self.receipts))
        outcome = self.pair.to_township(path)[0]
        assert outcome.ok or outcome.code in ("E_REPLAY", "E_DUPLICATE"), outcome.error

    @rule()
    def backup(self) -> None:
        self.backups.append(maintenance.backup(self.pair.tctx, self.pair.town))

    @precondition(lambda self: self.backups)
    @rule(pick=st.integers(min_value=0))
    def restore(self, pick: int) -> None:
        held = rows_of(self.pair.dist, TOWN_CODE)
        maintenance.restore(self.pair.tctx, self.pair.town, self.backups[pick % len(self.backups)])
        kept = rows_of(self.pair.town, TOWN_CODE)
        with self.pair.town.db.read() as session:
            base = state.current_epoch(session).base
        for key, row in held.items():
            made_after_backup = row[TABLES[key[0]].names.index("change_seq")] > base
            if made_after_backup and kept.get(key) != row:
                self.lost[key] = _as_json(key[0], row)
        self.employers = [e["id"] for e in registries.list_records(self.pair.tctx, "employers")]

    # ---------------------------------------------------------------- agreement

    @rule()
    def settle(self) -> None:
        """One more full round, then both ends must agree (or the district names why not)."""
        self.n += 1
        exported, applied, _receipt = self.pair.sync(f"settle{self.n}.hxp")
        assert applied.ok
        town_rows, district_rows = rows_of(self.pair.town, TOWN_CODE), rows_of(self.pair.dist, TOWN_CODE)
        with self.pair.dist.db.read() as session:
            queued = {(c.table_name, c.row_id) for c in session.execute(select(ExchangeConflict)).scalars()}
            queued |= {(q.table_name, q.row_id) for q in session.execute(select(ExchangeQuarantine)).scalars()}
        for key, row in town_rows.items():
            assert district_rows.get(key) == row or key in queued, f"{key} differs and is not queued"
        for key in set(district_rows) - set(town_rows):
            assert key in queued, f"{key} only at the district, not queued"
        with self.pair.dist.db.read() as session:
            kept = {(c.table_name, c.row_id, c.stored) for c in session.execute(select(ExchangeConflict)).scalars()}
        for key, lost in self.lost.items():
            current = district_rows.get(key)
            preserved = (current is not None and _as_json(key[0], current) == lost) or any(
                (t, i) == key and json.loads(j) == lost for t, i, j in kept)
            assert preserved, f"an edit lost at the township vanished from the district silently: {key}"

        self.transit.clear()

    @invariant()
    def kept_digest_equals_a_full_recompute(self) -> None:
        for station in (self.pair.town, self.pair.dist):
            with station.db.transaction() as session:
                assert digest.verify(session) == []

    @invariant()
    def staging_is_empty(self) -> None:
        for station in (self.pair.town, self.pair.dist):
            staging = station.paths.root / "exchange" / "staging"
            assert not staging.exists() or not any(staging.iterdir())


Exchange.TestCase.settings = settings(max_examples=8, stateful_step_count=14, deadline=None,
                                      suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
TestExchangeAgreement = Exchange.TestCase
