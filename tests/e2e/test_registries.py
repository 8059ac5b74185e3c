"""Registries and ledgers: validation, checklist, art. 41 threshold, tombstones, masking."""

from __future__ import annotations

import json
from datetime import date

import pytest

from hexie_desktop.core.errors import Conflict, ValidationErrors
from hexie_desktop.core.ids import make_credit_code, make_resident_id
from hexie_desktop.services import registries
from tests.e2e.helpers import db_digest


def test_coordinator_derives_sex_and_birth_and_is_masked(ctx):
    from datetime import date

    number = make_resident_id("110105", date(1985, 3, 9), 222)
    saved = registries.save_record(ctx, "coordinators", {
        "name": "赵协调", "id_number": number, "coordinator_type": "enterprise", "employment_mode": "full_time",
        "skill_level": "level3", "status": "active", "phone": "13912345678"})
    assert saved["sex"] == "female" and saved["birth_date"] == "1985-03-09"
    assert saved["id_number"] == number[:4] + "*" * 10 + number[-4:]
    assert saved["phone"] == "139****5678"
    assert registries.get_record(ctx, "coordinators", saved["id"], unmask=True)["id_number"] == number


def test_bad_record_names_every_field_and_writes_nothing(station, ctx):
    before = db_digest(station)
    with pytest.raises(ValidationErrors) as info:
        registries.save_record(ctx, "coordinators", {
            "name": "", "id_number": "110105198503092221", "coordinator_type": "boss", "employment_mode": "full_time",
            "skill_level": "level3", "status": "active", "certificate_date": "2025-02-30", "colour": "red"})
    assert {e.field for e in info.value.errors} == {"name", "id_number", "coordinator_type", "certificate_date",
                                                    "colour"}
    assert db_digest(station) == before


def test_org_gets_the_configured_checklist(ctx):
    org = registries.save_record(ctx, "orgs", {"name": "某公司劳动争议调解委员会", "org_type": "enterprise_committee",
                                               "status": "active"})
    items = registries.checklist(ctx, org["id"])
    assert [i["title"] for i in items][:2] == ["名称规范", "标识标牌规范"]
    assert sum(1 for i in items if i["group"] == "six_norms") == 6
    assert sum(1 for i in items if i["group"] == "five_on_wall") == 5
    registries.set_checklist_item(ctx, items[0]["id"], "met", "2026-11-01")
    assert registries.checklist(ctx, org["id"])[0]["status_label"] == "达标"


@pytest.mark.parametrize("employees,planned,met", [(150, 15, True), (150, 14, False), (500, 20, True),
                                                   (500, 19, False), (90, 9, True)])
def test_layoff_threshold_of_article_41(ctx, employees, planned, met):
    employer = registries.save_record(ctx, "employers", {"name": f"测试企业{employees}{planned}"})
    enterprise = registries.save_record(ctx, "key_enterprises", {
        "employer_id": employer["id"], "employees_last_year_end": employees, "employees_now": employees - 5,
        "risk_level": "medium"})
    layoff = registries.save_record(ctx, "layoffs", {"key_enterprise_id": enterprise["id"], "planned": planned})
    assert layoff["threshold_met"] is met


def test_employer_credit_code_unique_and_tombstone(ctx):
    code = make_credit_code("91110105MA01WXYK3")
    first = registries.save_record(ctx, "employers", {"name": "甲公司", "credit_code": code})
    with pytest.raises(Conflict):
        registries.save_record(ctx, "employers", {"name": "乙公司", "credit_code": code})
    registries.delete_record(ctx, "employers", first["id"])
    assert all(r["id"] != first["id"] for r in registries.list_records(ctx, "employers"))
    registries.save_record(ctx, "employers", {"name": "乙公司", "credit_code": code})


def test_intake_revives_a_deleted_employer_with_the_same_code(ctx):
    from hexie_desktop.services import cases
    from tests.e2e.helpers import case_payload

    payload = case_payload()
    code = payload["respondent"]["credit_code"]
    employer = registries.save_record(ctx, "employers", {"name": "旧名称公司", "credit_code": code})
    registries.delete_record(ctx, "employers", employer["id"])
    cases.register(ctx, {"cases": [payload]})
    live = [r for r in registries.list_records(ctx, "employers") if r["credit_code"] == code]
    assert [r["id"] for r in live] == [employer["id"]]


def test_attachments_are_stored_once_by_content_and_verified(station, ctx, tmp_path):
    from hexie_desktop.services import attachments, cases
    from tests.e2e.helpers import case_payload

    number = cases.register(ctx, {"cases": [case_payload()]})[0].number
    scan = tmp_path / "申请书扫描件.pdf"
    scan.write_bytes(b"%PDF-1.4 scan")
    store = station.paths.attachments
    first = attachments.add_to_case(ctx, store, number, scan, doc_type="application")
    attachments.add_to_case(ctx, store, number, scan, title="副本")
    assert len(list(store.rglob("*"))) == 2  # one folder, one file
    assert [a["title"] for a in attachments.list_for_case(ctx, number)] == ["申请书扫描件.pdf", "副本"]
    path = attachments.path_of(ctx, store, first["id"])
    assert path.read_bytes() == b"%PDF-1.4 scan"
    path.write_bytes(b"tampered")
    with pytest.raises(Exception, match="损坏"):
        attachments.path_of(ctx, store, first["id"])


def test_several_files_are_one_action_all_or_none(station, ctx, tmp_path):
    """Attaching N scans is one transaction and one audit entry; a bad file among them records none."""
    from sqlalchemy import func, select

    from hexie_desktop.core.errors import UserError
    from hexie_desktop.services import attachments, cases
    from hexie_desktop.storage.models import AuditEntry
    from tests.e2e.helpers import case_payload

    number = cases.register(ctx, {"cases": [case_payload()]})[0].number
    store = station.paths.attachments
    scans = []
    for n in range(3):
        scans.append(tmp_path / f"扫描件{n}.pdf")
        scans[-1].write_bytes(f"%PDF-1.4 page {n}".encode())

    def audits() -> int:
        with station.db.read() as session:
            query = select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "attachment.add")
            return session.scalar(query)

    done: list[int] = []
    files = [attachments.NewAttachment(p) for p in scans]
    added = attachments.add_many(ctx, store, number, files, progress=done.append)
    assert [a["title"] for a in added] == ["扫描件0.pdf", "扫描件1.pdf", "扫描件2.pdf"]
    assert done == [1, 2, 3] and audits() == 1
    before = db_digest(station)
    missing = tmp_path / "不存在.pdf"
    with pytest.raises(UserError, match="不存在.pdf"):
        attachments.add_many(ctx, store, number, [attachments.NewAttachment(scans[0], "新的"),
                                                  attachments.NewAttachment(missing)])
    with pytest.raises(UserError):
        attachments.add_many(ctx, store, number, [attachments.NewAttachment(scans[1], pages=0)])
    with pytest.raises(UserError):
        attachments.add_many(ctx, store, number, [])
    assert db_digest(station) == before and audits() == 1


def test_checklist_photo_is_linked_and_openable(station, ctx, tmp_path):
    from hexie_desktop.services import attachments

    org = registries.save_record(ctx, "orgs", {"name": "照片测试调委会", "org_type": "enterprise_committee",
                                               "status": "active"})
    item = registries.checklist(ctx, org["id"])[6]
    photo = tmp_path / "wall.jpg"
    photo.write_bytes(b"\xff\xd8\xff fake jpeg")
    saved = attachments.add_checklist_photo(ctx, station.paths.attachments, item["id"], photo)
    linked = registries.checklist(ctx, org["id"])[6]
    assert linked["attachment_id"] == saved["id"]
    assert attachments.path_of(ctx, station.paths.attachments, saved["id"]).read_bytes() == photo.read_bytes()
    attachments.remove(ctx, saved["id"])
    with pytest.raises(Exception, match="不存在"):
        attachments.path_of(ctx, station.paths.attachments, saved["id"])


# ---------------------------------------------------------------- issue 11.3: search works in every register

SEARCH_TODAY = date(2026, 11, 21)


@pytest.fixture(scope="module")
def search_station(tmp_path_factory):
    """A station with two records in every register: one of 甲 (东坝建材), one of 乙 (康达物流)."""
    from hexie_desktop.services.station import init_station
    from hexie_desktop.services.users import actor_for

    root = tmp_path_factory.mktemp("search") / "station"
    station = init_station(data_dir=root, db_url=None, role="township", unit_code="110105001",
                           unit_name="东坝镇劳动人事争议调解中心", short_name="东坝", admin="admin",
                           password="secret123")
    ctx = station.context(actor_for(station.db, "admin"), today_fn=lambda: SEARCH_TODAY)
    save = lambda kind, data: registries.save_record(ctx, kind, data)  # noqa: E731
    for n, (word, code_base) in enumerate((("东坝建材", "91110105MA01AAAA"), ("康达物流", "91110105MA01BBBB"))):
        employer = save("employers", {"name": f"北京{word}有限公司", "credit_code": make_credit_code(code_base + "1")})
        org = save("orgs", {"name": f"{word}调解委员会", "org_type": "enterprise_committee", "status": "active"})
        mediator = save("mediators", {"name": f"{word[:2]}调解员", "org_id": org["id"],
                                      "employment_mode": "full_time", "status": "active"})
        number = make_resident_id("110105", date(1980, 1, 1), 101 + n)
        coordinator = save("coordinators", {"name": f"{word[:2]}协调员", "id_number": number,
                              "coordinator_type": "enterprise", "employment_mode": "part_time",
                              "skill_level": "level3", "status": "active"})
        social = save("social_orgs", {"name": f"{word}服务社", "status": "active"})
        save("instructors", {"name": f"{word[:2]}指导员", "employment_mode": "full_time", "status": "active"})
        save("trainings", {"mediator_id": mediator["id"], "trained_on": "2026-03-01", "subject": f"{word[:2]}专题"})
        save("assessments", {"coordinator_id": coordinator["id"], "year": 2025, "result": "qualified"})
        save("coverage", {"coordinator_id": coordinator["id"], "employer_id": employer["id"]})
        save("supervisions", {"org_id": org["id"], "visited_on": "2026-06-01", "inspector": f"{word[:2]}督导"})
        save("social_works", {"social_org_id": social["id"], "worked_on": "2026-05-01", "work_type": "training"})
        save("social_evaluations", {"social_org_id": social["id"], "year": 2025, "result": "good"})
        key = save("key_enterprises", {"employer_id": employer["id"], "risk_level": "medium",
                                       "employees_last_year_end": 200, "employees_now": 180})
        save("visits", {"key_enterprise_id": key["id"], "visited_on": "2026-10-01", "method": "on_site",
                        "staff": f"{word[:2]}走访员"})
        save("layoffs", {"key_enterprise_id": key["id"], "planned": 5 + n})
        save("new_enterprises", {"employer_id": employer["id"], "registered_on": "2026-03-01"})
        save("cultivations", {"employer_id": employer["id"], "year": 2026, "result": "pending"})
    return root


# (kind, what to type, the one display name it must find)
SEARCHES = [
    ("employers", "东坝建材", "北京东坝建材有限公司"),
    ("employers", "MA01BBBB", "北京康达物流有限公司"),
    ("orgs", "康达", "康达物流调解委员会"),
    ("mediators", "东坝", "东坝调解员"),
    ("coordinators", "康达", "康达协调员"),
    ("social_orgs", "东坝", "东坝建材服务社"),
    ("key_enterprises", "康达物流", "北京康达物流有限公司"),
    ("key_enterprises", "MA01AAAA", "北京东坝建材有限公司"),
    ("visits", "东坝建材", "北京东坝建材有限公司"),
    ("visits", "康达走访员", "北京康达物流有限公司"),
    ("layoffs", "康达", "北京康达物流有限公司"),
    ("new_enterprises", "东坝", "北京东坝建材有限公司"),
    ("cultivations", "MA01BBBB", "北京康达物流有限公司"),
    ("instructors", "康达", "康达指导员"),
    ("trainings", "东坝专题", "东坝调解员"),
    ("trainings", "康达调解员", "康达调解员"),
    ("assessments", "东坝协调员", "东坝协调员"),
    ("coverage", "康达物流", "康达协调员"),
    ("supervisions", "东坝督导", "东坝建材调解委员会"),
    ("social_works", "康达", "康达物流服务社"),
    ("social_evaluations", "东坝", "东坝建材服务社"),
]


@pytest.mark.parametrize("kind,typed,found", SEARCHES)
def test_search_finds_only_the_matching_record_in_every_register(search_station, kind, typed, found):
    """Issue 11.3: 重点企业, 走访记录, 裁员情况, 新注册企业 and 和谐企业培育 returned every row for any search."""
    from tests.e2e.test_cli import hexie

    listed = hexie(search_station, "registry", "list", kind, "--search", typed, "--json")
    assert listed.returncode == 0, listed.stderr
    assert [row["display_name"] for row in json.loads(listed.stdout)] == [found]


def test_every_register_is_covered_by_the_search_test_and_finds_nothing_for_nonsense(search_station):
    from hexie_desktop.core import ledgers
    from tests.e2e.test_cli import hexie

    assert {kind for kind, _t, _f in SEARCHES} == set(ledgers.LEDGERS)
    everything = hexie(search_station, "registry", "list", "key_enterprises", "--json")
    assert len(json.loads(everything.stdout)) == 2
    for typed in ("不存在的企业", "%", "_"):
        none = hexie(search_station, "registry", "list", "key_enterprises", "--search", typed, "--json")
        assert none.returncode == 0 and json.loads(none.stdout) == [], typed
    bad = hexie(search_station, "registry", "list", "nonsense")
    assert bad.returncode == 2


def test_ledger_declarations_are_consistent():
    from hexie_desktop.core import ledgers
    from hexie_desktop.storage.models import model_for_table

    assert ledgers.problems() == []
    for spec in ledgers.LEDGERS.values():
        model = model_for_table(spec.table)
        for field in spec.fields:
            assert hasattr(model, field.name), f"{spec.kind}.{field.name} has no column"
