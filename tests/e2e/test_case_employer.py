"""The employer on the case (issue 16 point 3, issue 10 point 14): type and industry as registered
(a snapshot the statistics count), and an employer as the applicant (用人单位申请调解).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from sqlalchemy import text

from hexie_desktop.core import stats
from hexie_desktop.core.errors import ValidationErrors
from hexie_desktop.exchange import validate
from hexie_desktop.services import case_actions, case_queries, cases, registries, reports
from hexie_desktop.storage import migrate
from hexie_desktop.storage.db import make_engine, sqlite_url
from tests.e2e.helpers import applicant, case_payload, db_digest, signatures
from tests.e2e.test_cli import hexie

SEPTEMBER = stats.month(2026, 9)
MAKER = {"name": "东坝精密机械有限公司", "employer_type": "private", "industry": "C"}


def test_statistics_count_the_employer_as_registered_not_as_edited_later(ctx) -> None:
    """The official report counts cases by 单位性质 and 行业 at intake (SPEC §5 statistics): editing
    the employer afterwards must not rewrite a past period."""
    number = cases.register(ctx, {"cases": [case_payload(respondent=MAKER)]})[0].number
    shown = case_queries.show(ctx, number)
    assert (shown["employer_type"], shown["industry"]) == ("private", "C")
    before = reports.statistics(ctx, SEPTEMBER, trend=False).total
    assert before["employer_type.private"] == 1 and before["industry.C"] == 1
    employer = shown["respondent"]["id"]
    registries.save_record(ctx, "employers", {"employer_type": "state_owned", "industry": "F"}, employer)
    after = reports.statistics(ctx, SEPTEMBER, trend=False).total
    assert after["employer_type.private"] == 1 and after["employer_type.state_owned"] == 0
    assert after["industry.C"] == 1 and after["industry.F"] == 0
    # A new case of the same employer takes what the register says now.
    later = cases.register(ctx, {"cases": [case_payload(respondent={"name": MAKER["name"]},
                                                        applicants=[applicant(seq=7)])]})[0].number
    assert case_queries.show(ctx, later)["employer_type"] == "state_owned"


def test_unknown_type_or_industry_is_refused_naming_the_field(ctx, station) -> None:
    """Codes come from core/codes (the tables the report uses); a wrong one is refused, nothing written."""
    before = db_digest(station)
    with pytest.raises(ValidationErrors) as refused:
        cases.register(ctx, {"cases": [case_payload(respondent={**MAKER, "employer_type": "martian",
                                                                "industry": "ZZ"}, applicant_side="boss")]})
    assert {e.field for e in refused.value.errors} == {
        "cases[0].respondent.employer_type", "cases[0].respondent.industry", "cases[0].applicant_side"}
    assert db_digest(station) == before


def test_exchange_checks_the_snapshot_codes() -> None:
    """A package row of ``cases`` with an unknown employer type or applicant side is refused by validate."""
    rules = validate.COLUMN_RULES["cases"]
    rules["employer_type"]("private")
    rules["industry"]("C")
    rules["applicant_side"]("employer")
    for column, bad in (("employer_type", "martian"), ("industry", "ZZ"), ("applicant_side", "boss")):
        with pytest.raises(Exception, match="未知的代码"):
            rules[column](bad)


def test_migration_fills_the_snapshot_from_the_employer(tmp_path: Path) -> None:
    """Cases registered before 0010 take their employer's current type and industry once."""
    database = tmp_path / "old.sqlite3"
    engine = make_engine(sqlite_url(database))
    migrate.upgrade(engine, "0007")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO employers (id, origin, version, change_seq, updated_at, deleted, name, "
                          "employer_type, industry) VALUES ('e1', '110105001', 1, 1, '2026-01-01 00:00:00', 0, "
                          "'某公司', 'foreign', 'G')"))
        conn.execute(text(
            "INSERT INTO cases (id, origin, version, change_seq, updated_at, deleted, number, year, seq, state, source,"
            " received_on, facts, main_category, collective, workers, respondent_id, claimed_cents) VALUES "
            "('c1', '110105001', 1, 1, '2026-01-01 00:00:00', 0, 'N1', 2026, 1, 'registered',"
            " 'application', '2026-01-05', '事实', 'wages', 0, 1, 'e1', 100)"))
    migrate.upgrade(engine)
    with engine.connect() as conn:
        row = conn.execute(text("SELECT employer_type, industry, applicant_side FROM cases")).one()
    engine.dispose()
    assert tuple(row) == ("foreign", "G", "worker")


def _employer_case(ctx, workers: int = 1) -> str:
    people = [applicant(f"工人{i}", seq=300 + i) for i in range(workers)]
    return cases.register(ctx, {"cases": [case_payload(
        applicant_side="employer", respondent={**MAKER, "legal_representative": "周总", "address": "东坝路9号"},
        applicants=people, facts="被申请人擅自离职，带走公司图纸，申请人请求返还。")]})[0].number


def test_employer_as_applicant_is_counted_in_the_statistics(ctx) -> None:
    """LDTJ art. 12: 当事人 — either side — may apply for mediation; the case still counts (收案,
    workers, 单位性质/行业) as any other."""
    number = _employer_case(ctx, workers=2)
    shown = case_queries.show(ctx, number)
    assert shown["applicant_side"] == "employer" and shown["applicant_side_label"] == "用人单位申请"
    total = reports.statistics(ctx, SEPTEMBER, trend=False).total
    assert total["received"] == 1 and total["employer_type.private"] == 1
    case_actions.apply(ctx, number, "accept", {"on": "2026-09-17"})
    assert case_queries.show(ctx, number)["state"] == "accepted"


def _pdf_text(root: Path, doc: str, number: str, tmp_path: Path) -> str:
    out = tmp_path / f"{doc}.pdf"
    done = hexie(root, "print", doc, "--case", number, "--out", str(out))
    assert done.returncode == 0, done.stderr
    return subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout.replace(" ", "")


def test_papers_name_the_employer_as_applicant(ctx, station, tmp_path: Path) -> None:
    """用人单位申请调解: the papers list the employer as 申请人 and the worker as 被申请人 (申请书,
    登记表, 受理通知书, 协议书 signature lines), addressing the notice to the employer."""
    number = _employer_case(ctx)
    case_actions.apply(ctx, number, "accept", {"on": "2026-09-17"})
    case_actions.apply(ctx, number, "record-session", {"held_on": "2026-09-18"})
    item = {"obligation": "返还图纸", "payer": "工人0", "due_on": "2026-09-25"}
    case_actions.apply(ctx, number, "agree", {"items": [item],
                                              **signatures("2026-09-20")})
    root = station.paths.root
    station.db.dispose()
    application = _pdf_text(root, "application", number, tmp_path)
    assert "申请人：东坝精密机械有限公司" in application and "被申请人：工人0" in application
    assert application.index("申请人：东坝精密机械有限公司") < application.index("被申请人：工人0")
    registration = _pdf_text(root, "registration", number, tmp_path)
    assert registration.index("东坝精密机械有限公司") < registration.index("工人0")
    acceptance = _pdf_text(root, "acceptance", number, tmp_path)
    assert "东坝精密机械有限公司：" in acceptance and "与工人0之间" in acceptance
    agreement = _pdf_text(root, "agreement", number, tmp_path)
    assert "申请人：东坝精密机械有限公司" in agreement and "被申请人：工人0" in agreement
    assert "申请人（盖章）" in agreement and "被申请人（签名、按指印）" in agreement


def test_worker_applied_papers_are_unchanged(ctx, station, tmp_path: Path) -> None:
    """The usual case (workers apply) keeps 申请人 = worker, 被申请人 = employer."""
    number = cases.register(ctx, {"cases": [case_payload(respondent=MAKER)]})[0].number
    root = station.paths.root
    station.db.dispose()
    application = _pdf_text(root, "application", number, tmp_path)
    assert "申请人：张三" in application and "被申请人：东坝精密机械有限公司" in application
