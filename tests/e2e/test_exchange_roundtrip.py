"""Township → district → receipt → next package, on real SQLite stations with real keys and files."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pyrage
import pytest
from sqlalchemy import text

from hexie_desktop.core import codes as code_tables
from hexie_desktop.core.errors import UserError
from hexie_desktop.exchange import keys as keyring
from hexie_desktop.exchange import state
from hexie_desktop.exchange.errors import E_DUPLICATE, E_PARTS, E_PENDING, E_TRUST, ExchangeError
from hexie_desktop.services import attachments, case_actions, cases, maintenance, registries, settings
from hexie_desktop.services import exchange as ex
from hexie_desktop.services.exchange_status import case_status
from tests.e2e.exchange_support import (
    PASSPHRASE,
    TOWN_CODE,
    db_digest,
    make_pair,
    register,
    rows_of,
    trust,
)
from tests.e2e.helpers import case_payload


@pytest.fixture
def pair(tmp_path: Path):
    made = make_pair(tmp_path / "pair")
    yield made
    made.dispose()


def _table_rows(outcome) -> dict[str, dict[str, int]]:
    return {name: {k: v for k, v in counts.items()} for name, counts in outcome.summary.as_dict()["tables"].items()
            if sum(counts.values())}


def test_round_trip_receipt_and_a_smaller_next_package(pair, tmp_path):
    numbers = register(pair.tctx, "张三", "李四", "王五")
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4 scan " * 100)
    attachments.add_to_case(pair.tctx, state.attachments_dir(pair.town), numbers[0], scan, title="申请书扫描件")
    first = pair.export("p1.hxp")
    assert (first.kind, first.sequence, first.files) == ("full", 1, 1)
    assert first.row_counts["cases"] == 3 and first.row_counts["attachments"] == 1

    before = db_digest(pair.dist)
    dry = pair.to_district(*first.paths, dry_run=True)[0]
    assert dry.ok and dry.dry_run
    assert {t: c["new"] for t, c in _table_rows(dry).items()} == first.row_counts
    assert db_digest(pair.dist) == before, "a dry run writes nothing"

    applied = pair.to_district(*first.paths)[0]
    assert applied.ok, applied.error
    assert applied.summary.totals().new == first.rows
    assert rows_of(pair.dist, TOWN_CODE) == rows_of(pair.town, TOWN_CODE)
    stored = list(state.attachments_dir(pair.dist).rglob("*"))
    assert any(p.is_file() and p.read_bytes() == scan.read_bytes() for p in stored)

    receipt = pair.to_township(applied.receipt_path)[0]
    assert receipt.ok and "第1号" in receipt.messages[0] and len(receipt.messages) == 1
    view = ex.overview(pair.tctx)
    assert (view.pending_rows, view.acknowledged_seq, view.full_recommended) == (0, first.change_to, False)

    case_actions.apply(pair.tctx, numbers[1], "accept", {"on": "2026-09-17"})
    second = pair.export("p2.hxp")
    assert (second.kind, second.sequence) == ("changes", 2)
    assert second.rows < first.rows and second.row_counts == {"cases": 1, "case_events": 1}
    applied2 = pair.to_district(*second.paths)[0]
    assert _table_rows(applied2) == {"cases": {"new": 0, "updated": 1, "unchanged": 0, "conflicts": 0,
                                               "rejected": 0},
                                     "case_events": {"new": 1, "updated": 0, "unchanged": 0, "conflicts": 0,
                                                     "rejected": 0}}
    assert rows_of(pair.dist, TOWN_CODE) == rows_of(pair.town, TOWN_CODE)
    assert pair.to_township(applied2.receipt_path)[0].ok

    # The district browses the township's cases with the same services, rows keep their origin.
    listed = cases.list_cases(pair.dctx, cases.CaseFilter(origin=TOWN_CODE))
    assert sorted(r.number for r in listed) == sorted(numbers)
    assert [r.number for r in cases.list_cases(pair.dctx, cases.CaseFilter(search="李四"))] == [numbers[1]]
    assert cases.count_cases(pair.dctx, cases.CaseFilter(origin=TOWN_CODE, state="accepted")) == \
        cases.count_cases(pair.tctx, cases.CaseFilter(state="accepted")) == 1

    ids = [r.id for r in cases.list_cases(pair.tctx, cases.CaseFilter())]
    status = case_status(pair.tctx, ids)
    accepted_id = next(r.id for r in cases.list_cases(pair.tctx, cases.CaseFilter(state="accepted")))
    assert status[accepted_id].package == 2 and status[accepted_id].acknowledged_at
    assert all(s.package == 1 for cid, s in status.items() if cid != accepted_id)
    district_status = case_status(pair.dctx, ids)
    assert district_status[accepted_id].package == 2 and "收到" in district_status[accepted_id].label
    registries.save_record(pair.tctx, "employers", {"name": "新来的公司"})
    case_actions.apply(pair.tctx, numbers[2], "accept", {"on": "2026-09-17"})
    later = case_status(pair.tctx, ids)
    changed = next(r.id for r in cases.list_cases(pair.tctx, cases.CaseFilter()) if r.number == numbers[2])
    assert later[changed].package is None and later[changed].label == "有修改未导出"


def test_importing_the_same_package_twice_changes_nothing(pair):
    register(pair.tctx, "张三")
    exported = pair.export("p1.hxp")
    assert pair.to_district(*exported.paths)[0].ok
    before = db_digest(pair.dist)
    again = pair.to_district(*exported.paths)[0]
    assert not again.ok and again.code == E_DUPLICATE and "未作任何更改" in again.error.message
    assert db_digest(pair.dist) == before


def test_lost_package_heals_with_the_next_one_and_the_gap_is_shown(pair):
    numbers = register(pair.tctx, "张三", "李四")
    pair.sync("p1.hxp")
    case_actions.apply(pair.tctx, numbers[0], "accept", {"on": "2026-09-17"})
    lost = pair.export("p2.hxp")
    case_actions.apply(pair.tctx, numbers[1], "accept", {"on": "2026-09-17"})
    third = pair.export("p3.hxp")
    assert third.rows > lost.rows, "packages are cumulative since the last acknowledged change"
    applied = pair.to_district(*third.paths)[0]
    assert applied.ok and any("第2号数据包未收到" in m for m in applied.messages)
    assert rows_of(pair.dist, TOWN_CODE) == rows_of(pair.town, TOWN_CODE)
    township = ex.overview(pair.dctx).townships[0]
    assert (township.last_sequence, township.gaps) == (3, [2])
    held = rows_of(pair.dist, TOWN_CODE)
    late = pair.to_district(*lost.paths)[0]
    assert late.ok and "晚于后续数据包到达" in late.messages[0], "the late package fills its gap"
    assert rows_of(pair.dist, TOWN_CODE) == held, "its older rows are not applied over the newer ones"
    assert ex.overview(pair.dctx).townships[0].gaps == []
    before = db_digest(pair.dist)
    assert pair.to_district(*lost.paths)[0].code == E_DUPLICATE
    assert db_digest(pair.dist) == before
    receipt = pair.to_township(applied.receipt_path)[0]
    assert receipt.ok
    packages = {p.sequence: p.status for p in ex.overview(pair.tctx).history if p.direction == "out"}
    assert packages == {1: "acknowledged", 2: "acknowledged", 3: "acknowledged"}


def test_email_parts_in_any_order_and_an_incomplete_set(pair, tmp_path):
    numbers = register(pair.tctx, "张三")
    big = tmp_path / "evidence.bin"
    big.write_bytes(os.urandom(2_500_000))
    attachments.add_to_case(pair.tctx, state.attachments_dir(pair.town), numbers[0], big, title="录音")
    exported = pair.export("mail.hxp", split_mb=1)
    assert [p.name for p in exported.paths] == ["mail.hxp.001", "mail.hxp.002", "mail.hxp.003"]
    before = db_digest(pair.dist)
    missing = pair.to_district(exported.paths[2], exported.paths[0])[0]
    assert missing.code == E_PARTS and "mail.hxp.002" in missing.error.message
    assert db_digest(pair.dist) == before
    applied = pair.to_district(*reversed(exported.paths))[0]
    assert applied.ok, applied.error
    assert applied.summary.files_received == 1
    assert rows_of(pair.dist, TOWN_CODE) == rows_of(pair.town, TOWN_CODE)


def test_receipt_digest_disagreement_leads_to_a_full_export_that_repairs(pair):
    register(pair.tctx, "张三", "李四")
    pair.sync("p1.hxp")
    with pair.dist.db.engine.begin() as conn:  # drift: the district lost a row
        conn.execute(text("DELETE FROM claims WHERE id = (SELECT min(id) FROM claims)"))
    register(pair.tctx, "王五")
    _exported, _applied, receipt = pair.sync("p2.hxp")
    assert any("完整导出" in m for m in receipt.messages)
    assert ex.overview(pair.tctx).full_recommended
    full, applied, receipt = pair.sync("p3.hxp", full=True)
    assert full.kind == "full" and applied.summary.tables["claims"].new == 1
    assert receipt.messages == [m for m in receipt.messages if "完整导出" not in m]
    assert not ex.overview(pair.tctx).full_recommended
    assert rows_of(pair.dist, TOWN_CODE) == rows_of(pair.town, TOWN_CODE)


def test_conflicting_versions_wait_in_the_queue_side_by_side(pair):
    employer = registries.save_record(pair.tctx, "employers", {"name": "甲公司", "address": "东坝路1号"})
    pair.sync("p1.hxp")
    with pair.dist.db.engine.begin() as conn:  # the district's copy moved on by itself (it must not, but if)
        conn.execute(text("UPDATE employers SET address = '别处', version = version + 1 WHERE id = :id"),
                     {"id": employer["id"]})
    registries.save_record(pair.tctx, "employers", {"name": "甲公司", "address": "东坝路2号"}, employer["id"])
    applied = pair.sync("p2.hxp")[1]
    assert applied.summary.tables["employers"].conflicts == 1
    queue = ex.conflicts(pair.dctx)
    assert len(queue) == 1 and queue[0].kind == "version"
    diff = {column: (mine, theirs) for column, mine, theirs in queue[0].differences}
    assert diff["address"] == ("别处", "东坝路2号")
    assert ex.overview(pair.dctx).townships[0].open_conflicts == 1
    assert ex.resolve_conflict(pair.dctx, queue[0].id, take_township=True) == "taken"
    assert rows_of(pair.dist, TOWN_CODE) == rows_of(pair.town, TOWN_CODE)
    assert ex.conflicts(pair.dctx) == []


def test_reference_data_holidays_and_codes_flow_down(pair):
    """EXCHANGE.md "Protocol" 4 and EXCHANGE-USER.md §5: holidays, document settings and code-table
    additions flow down in a signed reference package; the township can then use the new code,
    and the district accepts the township's rows that carry it."""
    settings.update(pair.dctx, {"calendar.overrides": {"2026-12-31": False, "2027-01-04": True},
                                "station.arbitration_commission": "朝阳区劳动人事争议仲裁委员会"})
    settings.update(pair.tctx, {"calendar.overrides": {"2026-06-01": False}})
    try:
        code_tables.use_additions({})  # the township starts without the district's addition
        with pytest.raises(UserError):
            cases.register(pair.tctx, {"cases": [case_payload(source="zz_hotline")]})
        exported = ex.publish_reference(pair.dctx, pair.root / "ref.hxp", keys=pair.keys,
                                        codes={"industries": {"zz": "测试行业"},
                                               "case_sources": {"zz_hotline": "12345热线转办"}})
        assert exported.recipients == [TOWN_CODE]
        code_tables.use_additions({})  # as if the township's program had just started: nothing known yet
        outcome = pair.to_township(*exported.paths)[0]
        assert outcome.ok, outcome.error
        with pair.town.db.read() as session:
            assert settings.get(session, "calendar.overrides") == {"2026-06-01": False, "2026-12-31": False,
                                                                   "2027-01-04": True}
            assert settings.get(session, "station.arbitration_commission") == "朝阳区劳动人事争议仲裁委员会"
            assert not settings.calendar(session).is_workday(date(2026, 12, 31))
            assert settings.calendar(session).is_workday(date(2027, 1, 4))
        assert pair.to_township(*exported.paths)[0].code == E_DUPLICATE
        # the code is now part of core/codes: offered, labelled, accepted
        assert code_tables.INDUSTRIES["zz"] == "测试行业"
        assert code_tables.label(code_tables.CASE_SOURCES, "zz_hotline") == "12345热线转办"
        assert code_tables.INDUSTRIES["C"] == "制造业", "built-in codes keep their labels"
        code_tables.use_additions({})
        ex.load_codes(pair.town.db)  # what opening the township does
        assert code_tables.additions_in_use() == {"case_sources": {"zz_hotline": "12345热线转办"},
                                                  "industries": {"zz": "测试行业"}}
        [number] = [c.number for c in cases.register(pair.tctx, {"cases": [case_payload(source="zz_hotline")]})]
        # the district (its own additions loaded) accepts the township's row with the new code
        ex.load_codes(pair.dist.db)
        _exported, applied, _receipt = pair.sync("uses-new-code.hxp")
        assert applied.summary.totals().rejected == 0
        with pair.dist.db.read() as session:
            source = session.execute(text("SELECT source FROM cases WHERE number = :n AND origin = :o"),
                                     {"n": number, "o": TOWN_CODE}).scalar_one()
        assert source == "zz_hotline"
    finally:
        code_tables.use_additions({})


def test_key_rotation_travels_in_a_reference_package_signed_by_the_old_key(pair):
    register(pair.tctx, "张三")
    pending = pair.export("before-rotation.hxp")
    old_fp = ex.key_info(pair.dctx).card.fingerprint
    card, paths = ex.rotate_keys(pair.dctx, PASSPHRASE, pair.root / "rotate.hxp")
    assert card.fingerprint != old_fp
    assert pair.to_township(*paths)[0].ok
    district = ex.key_info(pair.tctx).peers[0]
    assert district.fingerprint == card.fingerprint
    keys = ex.unlock(pair.dist, PASSPHRASE)
    assert ex.import_packages(pair.dctx, pending.paths, keys=keys)[0].ok, "old recipient still opens"
    register(pair.tctx, "李四")
    after = pair.export("after-rotation.hxp")
    outcome = ex.import_packages(pair.dctx, after.paths, keys=keys)[0]
    assert outcome.ok, outcome.error
    assert pair.to_township(outcome.receipt_path)[0].ok, "receipts signed by the new key are trusted"


def test_escrow_recipient_can_open_what_townships_send(pair):
    escrow = pyrage.x25519.Identity.generate()
    card, paths = ex.set_escrow(pair.dctx, PASSPHRASE, [str(escrow.to_public())],
                                pair.root / "escrow.hxp")
    assert card.escrow and pair.to_township(*paths)[0].ok
    register(pair.tctx, "张三")
    exported = pair.export("p1.hxp")
    from hexie_desktop.exchange import container

    box = container.open_container(exported.paths[0])
    with box.open_payload() as member:
        plain = pyrage.decrypt(member.read(), [escrow])
    box.close()
    assert plain.startswith(b"PK")


def test_a_first_package_waits_until_the_admin_accepts_the_fingerprint(tmp_path):
    pair = make_pair(tmp_path / "p", enroll=False)
    try:
        register(pair.tctx, "张三")
        exported = pair.export("p1.hxp")
        business = db_digest(pair.dist, skip=("exchange_peers", "exchange_packages", "audit_log"))
        waiting = pair.to_district(*exported.paths)[0]
        assert waiting.code == E_PENDING and "keys accept 110105001" in waiting.error.message
        assert db_digest(pair.dist, skip=("exchange_peers", "exchange_packages", "audit_log")) == business
        township = ex.key_info(pair.dctx).peers[0]
        assert township.status == "pending"
        with pytest.raises(ExchangeError) as info:
            ex.accept_township(pair.dctx, TOWN_CODE, "0000 0000 0000 0000 0000", keys=pair.keys)
        assert info.value.code == E_TRUST
        fingerprint = keyring.public_card(state.keys_dir(pair.town)).fingerprint
        peer, outcomes = ex.accept_township(pair.dctx, TOWN_CODE, fingerprint.replace(" ", ""),
                                            keys=pair.keys)
        assert peer.status == "trusted" and len(outcomes) == 1 and outcomes[0].ok
        assert rows_of(pair.dist, TOWN_CODE) == rows_of(pair.town, TOWN_CODE)
        assert not any(state.waiting_dir(pair.dist).iterdir())
        assert pair.to_township(outcomes[0].receipt_path)[0].ok
    finally:
        pair.dispose()


def test_restore_at_the_township_starts_a_new_epoch_and_loses_nothing_silently(pair):
    numbers = register(pair.tctx, "张三", "李四", "王五")
    pair.sync("p1.hxp")
    backup = maintenance.backup(pair.tctx, pair.town)
    # After the backup: an edit that reaches the district, then the township's disk is lost.
    case_actions.apply(pair.tctx, numbers[0], "accept", {"on": "2026-09-17"})
    kept_employer = registries.save_record(pair.tctx, "employers", {"name": "恢复前新建的公司"})
    pair.sync("p2.hxp")
    maintenance.restore(pair.tctx, pair.town, backup)
    assert ex.overview(pair.tctx).epoch == 2
    # After the restore the township works on: the same case edited differently, another case edited.
    case_actions.apply(pair.tctx, numbers[0], "reject", {"on": "2026-09-18", "reason": "not_labor_dispute"})
    case_actions.apply(pair.tctx, numbers[1], "accept", {"on": "2026-09-17"})
    exported = pair.export("p3.hxp")
    assert exported.kind == "full" and exported.sequence == 3, "numbering never goes back"
    applied = pair.to_district(*exported.paths)[0]
    assert applied.ok, applied.error
    assert any("从备份恢复" in m for m in applied.messages)
    queue = ex.conflicts(pair.dctx)
    kinds = {(c.table, c.kind) for c in queue}
    assert ("cases", "restore") in kinds, "the district's newer version is not dropped silently"
    assert ("employers", "missing") in kinds, "rows the township no longer has are not kept silently"
    assert any(c.row_id == kept_employer["id"] for c in queue)
    district_cases = {r.number: r.state for r in cases.list_cases(pair.dctx, cases.CaseFilter(origin=TOWN_CODE))}
    assert district_cases[numbers[1]] == "accepted", "new edits after the restore arrive"
    assert district_cases[numbers[0]] == "accepted", "nothing was overwritten while in the queue"
    receipt = pair.to_township(applied.receipt_path)[0]
    assert any("不一致" in m for m in receipt.messages)
    before = db_digest(pair.dist)
    assert pair.to_district(pair.root / "p2.hxp")[0].code == E_DUPLICATE
    assert db_digest(pair.dist) == before
    only_district = {(c.table, c.row_id) for c in queue if c.kind == "missing"}
    assert ("case_events" in {t for t, _id in only_district}), "the lost 'accept' event is listed too"
    for conflict in ex.conflicts(pair.dctx):
        ex.resolve_conflict(pair.dctx, conflict.id, take_township=conflict.incoming is not None)
    pair.sync("p4.hxp", full=True)
    town_rows, district_rows = rows_of(pair.town, TOWN_CODE), rows_of(pair.dist, TOWN_CODE)
    assert {k: district_rows.get(k) for k in town_rows} == town_rows
    assert set(district_rows) - set(town_rows) == only_district, \
        "rows only the district still has stay, decided by a person (kept)"
    assert ex.conflicts(pair.dctx) == [], "deciding once is enough: the same conflict is not queued again"


def test_after_a_restore_two_new_edits_do_not_silently_replace_a_lost_one(pair):
    employer = registries.save_record(pair.tctx, "employers", {"name": "甲公司", "address": "一号"})
    pair.sync("p1.hxp")
    backup = maintenance.backup(pair.tctx, pair.town)
    registries.save_record(pair.tctx, "employers", {"name": "甲公司", "address": "二号（恢复后丢失）"}, employer["id"])
    pair.sync("p2.hxp")
    maintenance.restore(pair.tctx, pair.town, backup)
    for address in ("三号", "四号"):  # the township's version number passes the district's
        registries.save_record(pair.tctx, "employers", {"name": "甲公司", "address": address}, employer["id"])
    applied = pair.to_district(*pair.export("p3.hxp").paths)[0]
    assert applied.summary.tables["employers"].conflicts == 1
    conflict = ex.conflicts(pair.dctx)[0]
    assert conflict.kind == "restore" and conflict.stored["address"] == "二号（恢复后丢失）"
    assert conflict.incoming["address"] == "四号"


def test_rows_lost_in_a_restore_can_be_removed_so_the_new_ones_apply(pair):
    backup = maintenance.backup(pair.tctx, pair.town)
    register(pair.tctx, "张三")  # employer 北京宏达 with its credit code, then lost in the restore
    pair.sync("p1.hxp")
    maintenance.restore(pair.tctx, pair.town, backup)
    numbers = register(pair.tctx, "李四")  # the same employer again, under a new id
    applied = pair.to_district(*pair.export("p2.hxp").paths)[0]
    assert applied.summary.tables["employers"].rejected == 1, "the credit code is still taken by the lost copy"
    assert applied.summary.tables["cases"].rejected == 1, "its case waits too"
    assert any("唯一" in q.reason or "UNIQUE" in q.reason for q in ex.quarantined(pair.dctx))
    lost_employer = next(c for c in ex.conflicts(pair.dctx) if c.table == "employers" and c.kind == "missing")
    assert ex.resolve_conflict(pair.dctx, lost_employer.id, take_township=True) == "removed"
    assert ex.conflicts(pair.dctx) == [], "the lost case and its rows went with their employer"
    assert any(c.status == "removed" for c in ex.conflicts(pair.dctx, status=None))
    pair.to_township(applied.receipt_path)
    pair.sync("p3.hxp", full=True)
    assert rows_of(pair.dist, TOWN_CODE) == rows_of(pair.town, TOWN_CODE)
    assert [r.number for r in cases.list_cases(pair.dctx, cases.CaseFilter(origin=TOWN_CODE))] == numbers


def test_district_figures_for_a_township_equal_the_townships_own(pair):
    from hexie_desktop.core import stats
    from hexie_desktop.services import reports
    from hexie_desktop.services.demo import generate

    generate(pair.tctx, cases=60, seed=3, years=1)
    pair.sync("p1.hxp")
    period = stats.year(2026)
    with pair.town.db.read() as session:
        own = stats.compute(reports.load_facts(session, period.start, period.end, date(2026, 11, 21)), period)
    with pair.dist.db.read() as session:
        facts = reports.load_facts(session, period.start, period.end, date(2026, 11, 21))
        at_district = stats.by_origin(facts, period)[TOWN_CODE]
    assert stats.as_mapping(at_district) == stats.as_mapping(own) and sum(stats.as_mapping(own).values()) > 0


def test_a_waiting_package_applies_after_the_township_card_is_trusted(tmp_path):
    pair = make_pair(tmp_path / "p", enroll=False)
    try:
        register(pair.tctx, "张三")
        exported = pair.export("p1.hxp")
        assert pair.to_district(*exported.paths)[0].code == E_PENDING
        trust(pair.dctx, pair.dist, pair.root / "town.card")
        outcome = pair.to_district(*exported.paths)[0]
        assert outcome.ok, outcome.error
        assert rows_of(pair.dist, TOWN_CODE) == rows_of(pair.town, TOWN_CODE)
        assert not any(state.waiting_dir(pair.dist).iterdir())
        assert ex.overview(pair.dctx).townships[0].waiting == 0
    finally:
        pair.dispose()
