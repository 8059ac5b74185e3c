"""Structured registers of issue 14.3 (seeds 000 and 004), each built on its LedgerSpec.

Trainings and annual assessments are records of one coordinator or mediator; coordinators are
linked to the enterprises they serve and the coverage is computed; mediation organizations carry
the seed-004 types, 备案 and supervision visits; social organizations carry work records and
evaluations; the 集体协商指导员 ledger; the layoff field 依法结清劳动报酬情况.
"""

from __future__ import annotations

import json
from datetime import date

import pytest
from openpyxl import load_workbook
from sqlalchemy import text

from hexie_desktop.core import codes, ledgers, legacy_text
from hexie_desktop.core import coverage as coverage_rules
from hexie_desktop.core.errors import ValidationErrors
from hexie_desktop.core.ids import make_resident_id
from hexie_desktop.services import coverage, registries
from hexie_desktop.services import report_export as export
from tests.e2e.helpers import db_digest

NEW_KINDS = ["instructors", "trainings", "assessments", "coverage", "supervisions", "social_works",
             "social_evaluations"]


def _people(ctx):
    coordinator = registries.save_record(ctx, "coordinators", {
        "name": "王协调", "id_number": make_resident_id("110105", date(1980, 1, 1), 11),
        "coordinator_type": "enterprise", "employment_mode": "full_time", "skill_level": "level3", "status": "active",
        "division_code": "110105001000"})
    mediator = registries.save_record(ctx, "mediators", {"name": "李调解", "employment_mode": "full_time",
                                                         "status": "active"})
    return coordinator, mediator


def _fill(ctx):
    """One record in every new register; returns the ids by name."""
    coordinator, mediator = _people(ctx)
    big = registries.save_record(ctx, "employers", {"name": "东坝大型制造有限公司", "employees": 800,
                                                    "division_code": "110105001001"})
    registries.save_record(ctx, "employers", {"name": "东坝小小商行", "employees": 6, "division_code": "110105001002"})
    registries.save_record(ctx, "employers", {"name": "外乡中型物流有限公司", "employees": 320,
                                              "division_code": "110105002001"})
    registries.save_record(ctx, "employers", {"name": "外乡小作坊", "employees": 3, "division_code": "110105002003"})
    registries.save_record(ctx, "trainings", {"coordinator_id": coordinator["id"], "trained_on": "2026-03-01",
                                              "hours": 8, "subject": "劳动合同法实务", "provider": "区人社局"})
    registries.save_record(ctx, "trainings", {"mediator_id": mediator["id"], "trained_on": "2026-04-10",
                                              "hours": 16, "subject": "调解技巧"})
    registries.save_record(ctx, "assessments", {"mediator_id": mediator["id"], "year": 2025, "result": "excellent"})
    registries.save_record(ctx, "coverage", {"coordinator_id": coordinator["id"], "employer_id": big["id"],
                                             "served_from": "2026-01-01"})
    registries.save_record(ctx, "trainings", {"mediator_id": mediator["id"], "trained_on": "2026-09-10",
                                              "hours": 4, "subject": "仲裁衔接"})
    org = registries.save_record(ctx, "orgs", {"name": "东坝三师一室", "org_type": "union_three_one",
                                               "status": "active", "filing_on": "2026-02-01",
                                               "filing_no": "朝调备〔2026〕3号"})
    registries.save_record(ctx, "supervisions", {"org_id": org["id"], "visited_on": "2026-06-01",
                                                 "inspector": "张督导", "findings": "调解台账不全"})
    social = registries.save_record(ctx, "social_orgs", {"name": "东坝劳动关系服务社", "status": "active"})
    registries.save_record(ctx, "social_works", {"social_org_id": social["id"], "worked_on": "2026-05-02",
                                                 "work_type": "consultation", "workers_served": 30})
    registries.save_record(ctx, "social_evaluations", {"social_org_id": social["id"], "year": 2025,
                                                       "result": "good", "evaluator": "区总工会"})
    registries.save_record(ctx, "instructors", {"name": "赵指导", "employment_mode": "full_time", "status": "active",
                                                "unit": "区总工会", "appointed_on": "2025-09-01"})
    return {"coordinator": coordinator, "mediator": mediator, "org": org, "social": social, "big": big}


def test_seed_004_mediation_organization_types_are_offered():
    """Seed 004 （2）选树金牌劳动人事争议调解组织的范围: 县（市、区）专业, 一体化, 三师一室 … are types."""
    labels = "".join(codes.ORG_TYPES.values())
    for word in ("县（市、区）专业", "一体化", "三师一室", "社会组织", "行业性", "区域性", "事业单位",
                 "企业劳动争议调解委员会"):
        assert word in labels, word


def test_training_and_assessment_belong_to_exactly_one_person(station, ctx):
    coordinator, mediator = _people(ctx)
    before = db_digest(station)
    for data in ({"trained_on": "2026-03-01", "subject": "x"},
                 {"coordinator_id": coordinator["id"], "mediator_id": mediator["id"], "trained_on": "2026-03-01",
                  "subject": "x"}):
        with pytest.raises(Exception, match="须填写其中一项"):
            registries.save_record(ctx, "trainings", data)
    with pytest.raises(ValidationErrors) as info:
        registries.save_record(ctx, "assessments", {"mediator_id": mediator["id"], "year": 20250, "result": "best"})
    assert {e.field for e in info.value.errors} == {"year", "result"}
    assert db_digest(station) == before
    saved = registries.save_record(ctx, "trainings", {"mediator_id": mediator["id"], "trained_on": "2026-03-01",
                                                      "hours": 4, "subject": "调解文书制作"})
    assert saved["display_name"] == "李调解" and saved["mediator_id_label"] == "李调解"
    registries.save_record(ctx, "trainings", {"mediator_id": mediator["id"], "trained_on": "2026-05-01",
                                              "hours": 12, "subject": "集体争议处置"})
    registries.save_record(ctx, "trainings", {"mediator_id": mediator["id"], "trained_on": "2025-05-01",
                                              "hours": 99, "subject": "去年的培训"})
    registries.save_record(ctx, "assessments", {"mediator_id": mediator["id"], "year": 2024, "result": "basic"})
    registries.save_record(ctx, "assessments", {"mediator_id": mediator["id"], "year": 2025, "result": "excellent"})
    listed = next(r for r in registries.list_records(ctx, "mediators") if r["id"] == mediator["id"])
    assert (listed["trainings_this_year"], listed["training_hours_this_year"], listed["last_assessment"]) == (
        2, 16, "2025年度优秀")
    other = next(r for r in registries.list_records(ctx, "coordinators") if r["id"] == coordinator["id"])
    assert (other["trainings_this_year"], other["last_assessment"]) == (0, None)


def test_every_new_register_exports_and_its_ledger_imports_again_unchanged(station, ctx, tmp_path):
    _fill(ctx)
    for kind in NEW_KINDS:
        spec = ledgers.spec(kind)
        out = tmp_path / f"{kind}.xlsx"
        exported = export.export(ctx, kind, out)
        assert exported.rows >= 1 and exported.title == spec.ledger_title
        sheet = load_workbook(out).active
        assert sheet["A1"].value == spec.ledger_title
        template = export.template(ctx, kind, tmp_path / f"{kind}-模板.xlsx")
        assert load_workbook(template).active.max_column >= 3
        before = db_digest(station, skip=("audit_log",))
        again = export.import_file(ctx, kind, out).result
        assert again.committed and again.count("unchanged") == exported.rows, (kind, again.rows, again.problems)
        assert db_digest(station, skip=("audit_log",)) == before, kind


def test_people_ledgers_show_this_year_training_and_the_latest_assessment(ctx, tmp_path):
    _fill(ctx)
    out = tmp_path / "mediators.xlsx"
    export.export(ctx, "mediators", out)
    sheet = load_workbook(out).active
    headers = [c.value for c in sheet[5]]
    row = [c.value for c in sheet[6]]
    assert row[headers.index("本年培训次数")] == 2 and row[headers.index("本年培训学时")] == 20
    assert row[headers.index("最近年度考核")] == "2025年度优秀"


def test_import_names_a_person_who_is_not_in_the_register(ctx, tmp_path):
    _fill(ctx)
    out = tmp_path / "trainings.xlsx"
    export.export(ctx, "trainings", out)
    book = load_workbook(out)
    sheet = book.active
    for row in sheet.iter_rows(min_row=6):
        if isinstance(row[0].value, int) and row[2].value:
            row[2].value = "查无此人"
    book.save(out)
    result = export.import_file(ctx, "trainings", out).result
    assert not result.committed
    assert any("查无此人" in p.message and p.header == "调解员" for p in result.problems)


def test_layoff_records_whether_wages_were_settled_and_the_ledger_shows_it(ctx, tmp_path):
    """Seed 004 健全完善服务指导台账: 拟裁员或已裁员企业……依法结清劳动报酬情况."""
    employer = registries.save_record(ctx, "employers", {"name": "裁员测试有限公司"})
    key = registries.save_record(ctx, "key_enterprises", {"employer_id": employer["id"], "risk_level": "high",
                                                          "employees_last_year_end": 200})
    registries.save_record(ctx, "layoffs", {"key_enterprise_id": key["id"], "planned": 25,
                                            "wages_settled": "已于2026年10月31日前全部结清"})
    out = tmp_path / "key.xlsx"
    export.export(ctx, "key_enterprises", out)
    sheet = load_workbook(out).active
    headers = [c.value for c in sheet[5]]
    at = headers.index("依法结清劳动报酬情况")
    assert sheet.cell(6, at + 1).value == "已于2026年10月31日前全部结清"


def test_coverage_counts_large_enterprises_by_link_and_small_ones_by_area(ctx, tmp_path):
    """Seed 000 一(3): 大中型企业配备至少1名劳动关系协调员; 乡镇配备的协调员覆盖辖区小微企业."""
    ids = _fill(ctx)
    view = coverage.view(ctx)
    by_name = {r["employer_name"]: r for r in view.rows}
    assert by_name["东坝大型制造有限公司"]["covered"] and by_name["东坝大型制造有限公司"]["coordinators"] == "王协调"
    assert by_name["东坝小小商行"]["covered"]                     # in 110105001, where 王协调 works
    assert not by_name["外乡中型物流有限公司"]["covered"]          # large, nobody serves it
    assert not by_name["外乡小作坊"]["covered"]                    # small, outside the area
    assert view.totals == coverage_rules.Coverage(2, 1, 2, 1)
    summary = coverage.summary_text(view.totals, view.threshold)
    assert "大中型企业（300人及以上）2家，已配备协调员1家（50.0%）" in summary
    # A coordinator who left no longer covers anything.
    registries.save_record(ctx, "coordinators", {"status": "inactive"}, ids["coordinator"]["id"])
    assert coverage.view(ctx).totals == coverage_rules.Coverage(2, 0, 2, 0)
    out = tmp_path / "coverage.xlsx"
    export.export(ctx, "coordinator_coverage", out)
    sheet = load_workbook(out).active
    assert sheet["A1"].value == "劳动关系协调员覆盖企业情况表"


@pytest.mark.parametrize("division,employer,covers", [
    ("110105001000", "110105001002", True), ("110105001", "110105001002", True),
    ("110105001002", "110105001003", False), ("110105000000", "110105002003", True), (None, "110105001002", False),
])
def test_area_rule(division, employer, covers):
    assert coverage_rules.area_covers(division, employer) is covers


def test_old_free_text_is_read_where_possible():
    found, left = legacy_text.trainings(
        "2025-06-12 劳动争议调解业务培训 16学时\n2025年9月3日，集体协商实务（8课时）\n参加过几次座谈")
    assert [(t.trained_on, t.subject, t.hours) for t in found] == [
        (date(2025, 6, 12), "劳动争议调解业务培训", 16), (date(2025, 9, 3), "集体协商实务", 8)]
    assert left == "参加过几次座谈"
    found, left = legacy_text.assessments('[{"year": 2025, "result": "合格"}, {"year": 2024, "result": "很好"}]')
    assert [(a.year, a.result) for a in found] == [(2025, "qualified")] and "很好" in left


def test_migration_0012_moves_readable_free_text_into_records(tmp_path):
    from hexie_desktop.storage import migrate
    from hexie_desktop.storage.db import make_engine, sqlite_url

    engine = make_engine(sqlite_url(tmp_path / "old.sqlite3"))
    migrate.upgrade(engine, "0007")
    sync = "'110105001', 1, 1, '2026-01-01 00:00:00', 0"
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO counters (name, value) VALUES ('change_seq', 5)"))
        conn.execute(text(
            f"INSERT INTO mediators (id, origin, version, change_seq, updated_at, deleted, name, employment_mode, "
            f"status, trainings, assessments) VALUES ('m1', {sync}, '李调解', 'full_time', 'active', :t, :a)"),
            {"t": json.dumps([{"date": "2025-06-12", "title": "调解业务培训", "hours": 16}], ensure_ascii=False),
             "a": "2025年度 优秀\n表现不错"})
        conn.execute(text(
            f"INSERT INTO coordinators (id, origin, version, change_seq, updated_at, deleted, name, id_number, "
            f"coordinator_type, employment_mode, skill_level, years_in_work, enterprises_covered, status, trainings) "
            f"VALUES ('c1', {sync}, '王协调', '110105198001010011', 'enterprise', 'full_time', 'level3', 0, 0, "
            f"'active', '自学')"))
    migrate.upgrade(engine)
    with engine.connect() as conn:
        trainings = conn.execute(text(
            "SELECT mediator_id, trained_on, hours, subject, origin, change_seq FROM person_trainings")).all()
        assert [tuple(r) for r in trainings] == [("m1", "2025-06-12", 16, "调解业务培训", "110105001", 6)]
        assert [tuple(r) for r in conn.execute(text("SELECT mediator_id, year, result FROM person_assessments"))] == [
            ("m1", 2025, "excellent")]
        mediator = conn.execute(text("SELECT trainings, assessments, change_seq FROM mediators")).one()
        assert tuple(mediator) == (None, "表现不错", 6)
        assert conn.execute(text("SELECT trainings, change_seq FROM coordinators")).one() == ("自学", 1)
    engine.dispose()


def test_new_registers_travel_to_the_district(tmp_path):
    from tests.e2e.exchange_support import TOWN_CODE, make_pair, rows_of

    pair = make_pair(tmp_path / "pair")
    try:
        _fill(pair.tctx)
        first = pair.export("p1.hxp")
        for table in ("person_trainings", "person_assessments", "coordinator_enterprises", "org_supervisions",
                      "social_org_works", "social_org_evaluations", "negotiation_instructors"):
            assert first.row_counts.get(table), table
        applied = pair.to_district(*first.paths)[0]
        assert applied.ok, applied.error
        assert rows_of(pair.dist, TOWN_CODE) == rows_of(pair.town, TOWN_CODE)
    finally:
        pair.dispose()


def test_command_line_adds_a_training_and_exports_the_coverage_table(tmp_path):
    from tests.e2e.test_cli import hexie

    root = tmp_path / "station"
    assert hexie(root, "init", "--role", "township", "--unit-code", "110105001", "--unit-name",
                 "东坝镇劳动人事争议调解中心", "--short-name", "东坝", "--admin", "admin").returncode == 0
    person = tmp_path / "m.json"
    person.write_text(json.dumps({"name": "命令行调解员", "employment_mode": "part_time", "status": "active"},
                                 ensure_ascii=False), encoding="utf-8")
    added = hexie(root, "registry", "add", "mediators", "--json", str(person), "--output-json")
    mediator_id = json.loads(added.stdout)["id"]
    training = tmp_path / "t.json"
    training.write_text(json.dumps({"mediator_id": mediator_id, "trained_on": "2026/9/1", "hours": 6,
                                    "subject": "仲裁调解衔接"}, ensure_ascii=False), encoding="utf-8")
    assert hexie(root, "registry", "add", "trainings", "--json", str(training)).returncode == 0
    nobody = tmp_path / "bad.json"
    nobody.write_text(json.dumps({"trained_on": "2026-09-01", "subject": "无人"}, ensure_ascii=False), encoding="utf-8")
    refused = hexie(root, "registry", "add", "trainings", "--json", str(nobody))
    assert refused.returncode == 1 and "须填写其中一项" in refused.stderr
    listed = json.loads(hexie(root, "registry", "list", "trainings", "--json").stdout)
    assert [(r["display_name"], r["trained_on"], r["hours"]) for r in listed] == [("命令行调解员", "2026-09-01", 6)]
    out = tmp_path / "覆盖.xlsx"
    assert hexie(root, "report", "coordinator_coverage", "--out", str(out)).returncode == 0
    assert load_workbook(out).active["A1"].value == "劳动关系协调员覆盖企业情况表"


@pytest.mark.parametrize("coordinator,mediator,year,column", [
    ("00000000-0000-4000-8000-00000000000c", "00000000-0000-4000-8000-00000000000d", 2025, "coordinator_id"),
    (None, None, 2025, "coordinator_id"),
    (None, "00000000-0000-4000-8000-00000000000d", 20250, "year"),
])
def test_an_exchanged_assessment_must_name_exactly_one_person(coordinator, mediator, year, column):
    from datetime import datetime

    from hexie_desktop.exchange import validate
    from hexie_desktop.exchange.codec import TABLES, RowError

    row = {"id": "00000000-0000-4000-8000-000000000001", "origin": "110105001", "version": 1, "change_seq": 1,
           "updated_at": datetime(2026, 11, 1), "deleted": False, "coordinator_id": None,
           "mediator_id": "00000000-0000-4000-8000-00000000000d", "year": 2025, "result": "qualified",
           "assessor": None, "note": None}
    validate.check(TABLES["person_assessments"], row)
    with pytest.raises(RowError) as info:
        validate.check(TABLES["person_assessments"], {**row, "coordinator_id": coordinator, "mediator_id": mediator,
                                                      "year": year})
    assert info.value.column == column
