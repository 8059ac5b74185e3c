"""Issue 14 point 5, case grading (繁简分流) and the 重大集体劳动争议 report, through the services.

Seed 002 (local practice): 多元调处, 简案快调、繁案精调; 重大集体劳动争议 reported to the 三方.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select

from hexie_desktop.core.errors import NotAllowed, UserError
from hexie_desktop.core.ids import make_credit_code
from hexie_desktop.services import grading, printing, settings, warnings
from hexie_desktop.services.users import actor_for, create_user
from hexie_desktop.storage.models import AuditEntry
from tests.e2e.helpers import applicant, case_payload, db_digest
from tests.e2e.test_action_plan_warnings import _case


def _firm(name: str, body: str) -> dict:
    return {"name": name, "credit_code": make_credit_code(f"91110105MA01{body}")}


def test_grades_from_workers_amount_category_and_signals(ctx):
    simple = _case(ctx, "2026-11-01", _firm("甲公司", "AAAA1"), amount="8000.00", seq=10)
    injury = _case(ctx, "2026-11-01", _firm("乙公司", "BBBB1"), amount="8000.00", category="work_injury", seq=20)
    large = _case(ctx, "2026-11-01", _firm("丙公司", "CCCC1"), amount="1000000.00", seq=30)
    collective = _case(ctx, "2026-11-02", _firm("丁公司", "DDDD1"), workers=12, amount="90000.00", seq=40)
    rows = {r["number"]: r for r in grading.list_grades(ctx)}
    assert rows[simple]["grade"] == "simple" and rows[simple]["grade_label"] == "简易"
    assert rows[injury]["grade"] == "ordinary" and "争议类型需一般程序" in rows[injury]["reasons"]
    assert rows[large]["grade"] == "major" and not rows[large]["major_collective"]
    assert rows[collective]["grade"] == "ordinary"
    # A red lead on the collective case (the warning scan) makes it a 重大集体劳动争议 due the next day.
    warnings.scan(ctx)
    shown = grading.case_grade(ctx, collective)
    assert shown["grade"] == "major" and shown["major_collective"]
    assert "集体争议且有红色预警线索" in shown["reasons"]
    assert shown["report_due"].isoformat() == "2026-11-03" and shown["report_overdue"]
    assert [r["number"] for r in grading.major_due(ctx)] == [collective]
    assert [r["number"] for r in grading.list_grades(ctx, grade="simple")] == [simple]


def test_override_with_reason_is_audited_and_auto_restores(station, ctx):
    number = _case(ctx, "2026-11-01", {"name": "甲公司"}, amount="8000.00", seq=10)
    before = db_digest(station)
    for grade, reason, error in (("major", None, UserError), ("huge", "x", UserError), ("auto", None, UserError)):
        with pytest.raises(error):
            grading.set_grade(ctx, number, grade, reason)
    create_user(ctx, username="med1", display_name="李调解", role="mediator", password="secret1234")
    middle = db_digest(station)
    assert middle != before
    mediator = station.context(actor_for(station.db, "med1"), today_fn=lambda: ctx.today)
    with pytest.raises(NotAllowed):
        grading.set_grade(mediator, number, "major", "群体性苗头")
    assert db_digest(station) == middle
    changed = grading.set_grade(ctx, number, "ordinary", "申请人情绪激动，需精调")
    assert (changed["grade"], changed["computed"], changed["override_reason"]) == ("ordinary", "simple",
                                                                                  "申请人情绪激动，需精调")
    restored = grading.set_grade(ctx, number, "auto")
    assert restored["grade"] == "simple" and restored["override"] is None
    with ctx.db.read() as session:
        summaries = session.execute(select(AuditEntry.summary).where(AuditEntry.action == "case.grade")
                                    .order_by(AuditEntry.id)).scalars().all()
    assert summaries == [f"{number}：简易 → 一般（申请人情绪激动，需精调）", f"{number}：一般 → 简易（恢复按规则分级）"]


def test_major_collective_report_printed_and_recorded(station, ctx, tmp_path: Path):
    number = _case(ctx, "2026-11-18", _firm("戊公司", "EEEE1"), workers=35, amount="300000.00", seq=50)
    other = _case(ctx, "2026-11-18", _firm("己公司", "FFFF1"), amount="100.00", seq=90)
    row = grading.case_grade(ctx, number)
    assert row["major_collective"] and "涉及35人（达到30人）" in row["reasons"]
    settings.update(ctx, {"grading.thresholds": {"report_days": 5}})
    assert grading.case_grade(ctx, number)["report_due"].isoformat() == "2026-11-23"
    assert not grading.case_grade(ctx, number)["report_overdue"]
    printed = printing.print_case_document(ctx, "major_report", number, tmp_path / "report.pdf")
    assert printed.pages >= 1 and printed.document_id
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(printed.path), "-"], capture_output=True, text=True,
                          check=True).stdout.replace(" ", "").replace("\n", "")
    for expected in ("重大集体劳动争议情况报告", "戊公司", "35人", "300,000.00", "重大", "涉及35人（达到30人）",
                     "2026年11月23日", "协调劳动关系三方"):
        assert expected in text, expected
    before = db_digest(station)
    with pytest.raises(NotAllowed):
        printing.print_case_document(ctx, "major_report", other, tmp_path / "no.pdf")
    with pytest.raises(NotAllowed):
        grading.mark_reported(ctx, other, "2026-11-20")
    with pytest.raises(UserError):
        grading.mark_reported(ctx, number, "2026-11-30")     # in the future
    with pytest.raises(UserError):
        grading.mark_reported(ctx, number, "2026-11-01")     # before receipt
    assert db_digest(station) == before
    reported = grading.mark_reported(ctx, number, "2026-11-19")
    assert reported["reported_on"].isoformat() == "2026-11-19"
    assert grading.major_due(ctx) == []


def test_grading_through_the_cli(tmp_path: Path):
    import json
    from datetime import date, timedelta

    from tests.e2e.test_cli import hexie

    root = tmp_path / "station"
    assert hexie(root, "init", "--role", "township", "--unit-code", "110105001", "--unit-name", "东坝镇调解中心",
                 "--short-name", "东坝", "--admin", "admin").returncode == 0
    day = (date.today() - timedelta(days=3)).isoformat()
    workers = [applicant(f"工人{i}", seq=300 + i, is_representative=i < 3) for i in range(30)]
    cases = [case_payload(received_on=day, applicants=workers,
                          infringement_known_on=(date.today() - timedelta(days=30)).isoformat()),
             case_payload(received_on=day, infringement_known_on=(date.today() - timedelta(days=30)).isoformat())]
    source = tmp_path / "in.json"
    source.write_text(json.dumps({"cases": cases}, ensure_ascii=False), encoding="utf-8")
    added = hexie(root, "case", "add", "--json", str(source), "--output-json")
    assert added.returncode == 0, added.stderr
    big, small = [c["number"] for c in json.loads(added.stdout)["created"]]
    listed = hexie(root, "grading", "list")
    assert listed.returncode == 0 and "共2件" in listed.stdout and "重大" in listed.stdout
    due = json.loads(hexie(root, "grading", "due", "--json").stdout)
    assert [c["number"] for c in due["cases"]] == [big] and due["cases"][0]["report_overdue"]
    assert hexie(root, "grading", "set", small, "major").returncode == 1           # no reason
    assert hexie(root, "grading", "set", small, "gigantic", "--reason", "x").returncode == 2
    changed = hexie(root, "grading", "set", small, "ordinary", "--reason", "当事人多次反复")
    assert changed.returncode == 0 and "一般（人工调整：当事人多次反复）" in changed.stdout
    out = tmp_path / "r.pdf"
    printed = hexie(root, "print", "major_report", "--case", big, "--out", str(out))
    assert printed.returncode == 0 and out.exists(), printed.stderr
    refused = hexie(root, "print", "major_report", "--case", small, "--out", str(tmp_path / "x.pdf"))
    assert refused.returncode == 1 and ("不是重大集体劳动争议" in refused.stderr or "不是集体争议" in refused.stderr)
    reported = hexie(root, "grading", "reported", big, "--on", date.today().isoformat())
    assert reported.returncode == 0 and "已于" in reported.stdout
    assert "共0件" in hexie(root, "grading", "due").stdout
