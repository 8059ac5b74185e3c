"""Registries and ledgers: validation, checklist, art. 41 threshold, tombstones, masking."""

from __future__ import annotations

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
    assert {e.field for e in info.value.errors} == {"name", "id_number", "coordinator_type", "certificate_date", "colour"}
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
