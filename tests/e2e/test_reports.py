"""Statistics and ledger workbooks on a hand-made set of cases, re-read with openpyxl.

The cases below are registered and moved through the workflow by the real services with
today = 2026-11-21; the expected figures for October 2026 were counted by hand from the
comments next to each case (definitions: docs/REPORTS.md).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import update

from hexie_desktop.core import stats
from hexie_desktop.core.errors import NotAllowed, UserError
from hexie_desktop.core.ids import make_credit_code
from hexie_desktop.services import case_actions, cases, reports
from hexie_desktop.services import report_export as export
from hexie_desktop.services.users import actor_for, create_user
from hexie_desktop.storage.models import AuditEntry, Case
from tests.e2e.helpers import applicant, case_payload, signatures

OCTOBER = stats.month(2026, 10)
OTHER_TOWN = "110105002"


def _register(ctx, **overrides) -> str:
    overrides.setdefault("infringement_known_on", "2026-06-01")
    return cases.register(ctx, {"cases": [case_payload(**overrides)]})[0].number


def _act(ctx, number: str, *steps: tuple[str, dict]) -> None:
    for action, data in steps:
        case_actions.apply(ctx, number, action, data)


def build_scenario(ctx) -> dict[str, str]:
    """Ten cases around October 2026 (see the comment on each); returns their numbers by letter."""
    n = {}
    # A: received in Sep, agreed, performed in Sep, closed 5 Oct → carried over, closed (调解成功), 19 days.
    n["A"] = _register(ctx, received_on="2026-09-16")
    _act(ctx, n["A"], ("accept", {"on": "2026-09-17"}), ("record-session", {"held_on": "2026-09-18"}),
         ("agree", {"items": [{"obligation": "支付工资", "amount": "10000", "due_on": "2026-09-30",
                               "category": "wages"}], **signatures("2026-09-20")}),
         ("perform-item", {"item": 1, "on": "2026-09-29"}), ("close", {"on": "2026-10-05"}))
    # B: oral, received 8 Oct, failed 12 Oct, closed 13 Oct → 调解不成, 5 days.
    n["B"] = _register(ctx, received_on="2026-10-08", source="oral")
    _act(ctx, n["B"], ("accept", {"on": "2026-10-09"}), ("record-session", {"held_on": "2026-10-10"}),
         ("fail", {"on": "2026-10-12", "reason": "no_agreement"}), ("close", {"on": "2026-10-13"}))
    # C: collective (10 workers), 仲裁委委托, private construction firm; agreed 15 Oct (仲裁审查) for 30,000
    #    wages + 5,000 double wages; paid 30,000 on 19 Oct and 2,000 on 24 Oct; item 2 due 25 Oct still open.
    workers = [applicant(f"工人{i}", seq=200 + i, is_representative=i < 3) for i in range(10)]
    n["C"] = _register(
        ctx, received_on="2026-10-10", source="arbitration_entrusted", applicants=workers,
        respondent={"name": "东坝建工有限公司", "credit_code": make_credit_code("91110105MA01XYRW3"),
                    "employer_type": "private", "industry": "E"},
        claims=[{"category": "wages", "amount": "50000"}, {"category": "double_wages", "amount": "20000"}])
    _act(ctx, n["C"], ("accept", {"on": "2026-10-11"}), ("record-session", {"held_on": "2026-10-12"}),
         ("agree", {"items": [
             {"obligation": "支付工资", "amount": "30000", "due_on": "2026-10-20", "category": "wages"},
             {"obligation": "支付二倍工资差额", "amount": "5000", "due_on": "2026-10-25", "category": "double_wages"}],
             # LDTJ art. 16: a collective agreement names each worker's amount (3,500 each, 35,000 in all).
             "shares": [{"applicant": f"工人{i}", "amount": "3500"} for i in range(10)],
             "arbitration_review": True, **signatures("2026-10-15")}),
         ("perform-item", {"item": 1, "on": "2026-10-19"}),
         ("perform-item", {"item": 2, "on": "2026-10-24", "amount": "2000"}))
    # D: received 20 Oct, rejected 21 Oct, closed 22 Oct → 不予受理, closed as 其他, 2 days.
    n["D"] = _register(ctx, received_on="2026-10-20")
    _act(ctx, n["D"], ("reject", {"on": "2026-10-21", "reason": "respondent_refuses"}), ("close", {"on": "2026-10-22"}))
    # E: received 25 Oct, withdrawn 27 Oct, closed 28 Oct → 撤回, 3 days.
    n["E"] = _register(ctx, received_on="2026-10-25")
    _act(ctx, n["E"], ("withdraw", {"on": "2026-10-27"}), ("close", {"on": "2026-10-28"}))
    # F: received 29 Oct, nothing else → open; acceptance due 3 Nov, not overdue at 31 Oct.
    n["F"] = _register(ctx, received_on="2026-10-29")
    # G: received 1 Sep, never decided → carried over, open, acceptance and mediation overdue at 31 Oct.
    n["G"] = _register(ctx, received_on="2026-09-01")
    # H: received 2 Nov → not in October at all.
    n["H"] = _register(ctx, received_on="2026-11-02")
    # I: received Aug, agreed and performed in Aug, 回访 15 Oct, closed 5 Nov → carried over, open at 31 Oct.
    n["I"] = _register(ctx, received_on="2026-08-03")
    _act(ctx, n["I"], ("accept", {"on": "2026-08-04"}), ("record-session", {"held_on": "2026-08-05"}),
         ("agree", {"items": [{"obligation": "支付工资", "amount": "1000", "due_on": "2026-08-10"}],
                    **signatures("2026-08-06")}),
         ("perform-item", {"item": 1, "on": "2026-08-09"}), ("follow-up", {"visited_on": "2026-10-15"}),
         ("close", {"on": "2026-11-05"}))
    # J: received 1 Jul, rejected, closed 3 Jul, never archived → only its archiving is overdue at 31 Oct.
    n["J"] = _register(ctx, received_on="2026-07-01")
    _act(ctx, n["J"], ("reject", {"on": "2026-07-02", "reason": "not_labor_dispute"}), ("close", {"on": "2026-07-03"}))
    return n


# Hand-counted October 2026 figures by line key (本期), and a few of the year to date (本年累计).
OCTOBER_FIGURES = {
    "carried_over": 3, "received": 5, "received.source.application": 3, "received.source.oral": 1,
    "received.source.arbitration_entrusted": 1, "received.source.court_entrusted": 0, "rejected": 1, "closed": 4,
    "closed.agreed": 1, "closed.failed": 1, "closed.withdrawn": 1, "closed.other": 1, "open_end": 4,
    "agreements": 1, "workers": 14, "collective": 1, "collective_workers": 10, "arbitration_review": 1,
    "judicial_confirmation": 0, "payment_order": 0, "follow_ups": 1, "overdue": 4, "overdue.acceptance": 1,
    "overdue.mediation": 1, "overdue.performance": 1, "overdue.archive": 1, "overdue.follow_up": 0,
    "claimed_cents": 11938240, "claimed_cents.wages": 9938240, "claimed_cents.double_wages": 2000000,
    "agreed_cents": 3500000, "agreed_cents.wages": 3000000, "agreed_cents.double_wages": 500000,
    "paid_cents": 3200000, "paid_cents.wages": 3000000, "paid_cents.double_wages": 200000,
    "category.wages": 5, "category.other": 0, "employer_type.private": 1, "employer_type.unknown": 4,
    "industry.E": 1, "industry.unknown": 4,
}
YEAR_TO_DATE = {"received": 9, "closed": 5, "closed.other": 2, "paid_cents": 4300000, "follow_ups": 1}


def header_end(ws) -> int:
    """The last header row (the one repeated on every printed page)."""
    return int(ws.print_title_rows.split(":")[1].lstrip("$"))


def _sheet_values(path: Path, sheet: str = "统计表") -> tuple[dict[str, list], list[str]]:
    ws = load_workbook(path)[sheet]
    last = header_end(ws)
    headers = [c.value for c in ws[last]]
    by_code = {}
    for row in ws.iter_rows(min_row=last + 1, values_only=True):
        if row[1]:
            by_code[row[1]] = list(row[3:])
    return by_code, headers


def _line(key: str) -> stats.Line:
    return next(line for line in stats.LINES if line.key == key)


def _as_figure(line: stats.Line, cell):
    if line.kind == "money":
        return round(cell * 100)
    return cell


@pytest.fixture
def scenario(ctx):
    return build_scenario(ctx)


def test_monthly_workbook_figures_equal_hand_counts(scenario, ctx, tmp_path):
    out = tmp_path / "月报.xlsx"
    result = export.export(ctx, "monthly", out, period=stats.parse_period("2026-10"))
    assert result.rows == len(stats.LINES) and out.exists()
    values, headers = _sheet_values(out)
    assert headers[3:5] == ["本期", "本年累计"]
    for key, expected in OCTOBER_FIGURES.items():
        line = _line(key)
        assert _as_figure(line, values[line.code][0]) == expected, key
    for key, expected in YEAR_TO_DATE.items():
        line = _line(key)
        assert _as_figure(line, values[line.code][1]) == expected, key
    assert values[_line("success_rate").code][0] == pytest.approx(0.5)
    assert values[_line("average_days").code][0] == pytest.approx((19 + 5 + 2 + 3) / 4)
    # The trend sheet: October's row matches the main table.
    trend = load_workbook(out)["月度趋势"]
    october = next(r for r in trend.iter_rows(min_row=6, values_only=True) if r[0] == "2026年10月")
    assert october[1:5] == (5, 4, 1, 1) and round(october[8] * 100) == 3200000


def test_workbook_looks_like_an_official_table(scenario, ctx, tmp_path):
    out = tmp_path / "季报.xlsx"
    export.export(ctx, "quarterly", out, period=stats.parse_period("2026-Q4"))
    ws = load_workbook(out)["统计表"]
    assert ws["A1"].value == "劳动人事争议调解情况统计季报"
    assert ws["A2"].value == "2026年第四季度（2026年10月1日至2026年12月31日）"
    assert ws["A3"].value == "填报单位：东坝镇劳动人事争议调解中心" and ws["B3"].value == "金额单位：元"
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"A1:E1", "A2:E2", "B3:E3", "A4:A5", "B4:B5", "C4:C5", "D4:E4"} <= merged
    assert ws.print_title_rows == "$4:$5"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToHeight == 0
    assert ws.freeze_panes == "A6"
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert any(t.startswith("填报人：") and "填报日期：2026年11月21日" in t for t in texts)
    assert any("调解成功率＝调解成功 ÷（调解成功 + 调解不成）" in t for t in texts)


def test_success_rate_denominator_follows_the_setting(scenario, ctx):
    from hexie_desktop.services import settings

    settings.update(ctx, {"stats.success_denominator": "closed"})
    result = reports.statistics(ctx, OCTOBER, trend=False)
    assert result.rate(result.total) == stats.Fraction(1, 4)


def test_district_total_equals_sum_of_townships(scenario, ctx, station, tmp_path):
    whole = reports.statistics(ctx, OCTOBER, trend=False).total
    with station.db.transaction() as session:  # two townships' cases, as a district holds them
        session.execute(update(Case).where(Case.number.in_([scenario["C"], scenario["G"], scenario["E"]]))
                        .values(origin=OTHER_TOWN))
    result = reports.statistics(ctx, OCTOBER, trend=False)
    assert set(result.by_origin) == {"110105001", OTHER_TOWN}
    assert result.total == whole
    out = tmp_path / "district.xlsx"
    export.export(ctx, "monthly", out, period=OCTOBER)
    values, headers = _sheet_values(out)
    assert headers[-1] == "合计" and headers[3] == "东坝镇劳动人事争议调解中心" and len(headers) == 6
    for line in stats.LINES:
        if line.kind in ("count", "money"):
            first, second, total = (_as_figure(line, v) for v in values[line.code])
            assert first + second == total, line.label
            assert total == whole[line.key], line.label
    assert values[_line("carried_over").code] == [2, 1, 3]  # A and I here, G in the other township


def test_case_ledger_masks_personal_data_unless_an_allowed_role_asks(scenario, station, ctx, tmp_path):
    out = tmp_path / "台账.xlsx"
    result = export.export(ctx, "cases", out)
    ws = load_workbook(out).active
    header = [c.value for c in ws[header_end(ws)]]
    ids = [row[header.index("申请人身份证号码")] for row in ws.iter_rows(min_row=6, values_only=True)
           if isinstance(row[0], int)]
    assert result.rows == len(ids) == 10 and all("*" in i for i in ids)
    assert "合计" == ws.cell(ws.max_row - 2, 1).value
    create_user(ctx, username="clerk", display_name="张登记", role="clerk", password="clerk1234")
    clerk = station.context(actor_for(station.db, "clerk"), today_fn=lambda: ctx.today)
    with pytest.raises(NotAllowed):
        export.export(clerk, "cases", tmp_path / "clerk.xlsx", unmask=True)
    assert not (tmp_path / "clerk.xlsx").exists()
    export.export(ctx, "cases", tmp_path / "full.xlsx", unmask=True, period=OCTOBER)
    ws = load_workbook(tmp_path / "full.xlsx").active
    full = [row[header.index("申请人身份证号码")] for row in ws.iter_rows(min_row=6, values_only=True)
            if isinstance(row[0], int)]
    assert len(full) == 5 and all("*" not in i and len(i) == 18 for i in full)
    with station.db.read() as session:
        actions = [a for (a,) in session.query(AuditEntry.action).order_by(AuditEntry.id)]
    assert actions[-1] == "export.unmasked" and "export" in actions


def test_every_export_has_no_formula_cells_and_kind_period_rules(scenario, ctx, tmp_path):
    for kind in export.KINDS:
        out = tmp_path / f"{kind}.xlsx"
        export.export(ctx, kind, out)
        workbook = load_workbook(out)
        cells = [c for ws in workbook.worksheets for row in ws.iter_rows() for c in row]
        assert cells and all(c.data_type != "f" for c in cells), kind
    with pytest.raises(UserError, match="某月"):
        export.export(ctx, "monthly", tmp_path / "x.xlsx", period=stats.parse_period("2026-Q3"))
    with pytest.raises(UserError, match="期间"):
        export.export(ctx, "coordinators", tmp_path / "x.xlsx", period=OCTOBER)
    with pytest.raises(UserError, match=".xlsx"):
        export.export(ctx, "cases", tmp_path / "x.csv")
    assert not (tmp_path / "x.xlsx").exists()


def test_a_mediators_success_rate_is_one_rule_on_screen_and_in_excel(ctx, tmp_path):
    """Issue 11: the register, the ledger and the period reports count 调解成功 by the closing
    reason and divide by the station's configured denominator (three copies disagreed before:
    the register ignored the setting and counted agreements still being performed)."""
    from hexie_desktop.services import registries, settings

    mediator = registries.save_record(ctx, "mediators", {"name": "周调解", "employment_mode": "full_time",
                                                         "status": "active"})
    accept = ("accept", {"on": "2026-10-02", "mediator": "周调解"})
    session = ("record-session", {"held_on": "2026-10-03"})
    agreed = _register(ctx, received_on="2026-10-01")
    _act(ctx, agreed, accept, session,
         ("agree", {"items": [{"obligation": "支付工资", "amount": "100", "due_on": "2026-10-10"}],
                    **signatures("2026-10-05")}),
         ("perform-item", {"item": 1, "on": "2026-10-08"}), ("close", {"on": "2026-10-09"}))
    failed = _register(ctx, received_on="2026-10-01", applicants=[applicant("钱二", seq=302)])
    _act(ctx, failed, accept, session, ("fail", {"on": "2026-10-05", "reason": "no_agreement"}),
         ("close", {"on": "2026-10-06"}))
    withdrawn = _register(ctx, received_on="2026-10-01", applicants=[applicant("孙三", seq=303)])
    _act(ctx, withdrawn, accept, ("withdraw", {"on": "2026-10-04"}), ("close", {"on": "2026-10-05"}))
    performing = _register(ctx, received_on="2026-10-01", applicants=[applicant("李四", seq=304)])
    _act(ctx, performing, accept, session,
         ("agree", {"items": [{"obligation": "支付工资", "amount": "100", "due_on": "2026-12-10"}],
                    **signatures("2026-10-05")}))

    def shown() -> tuple:
        row = next(r for r in registries.list_records(ctx, "mediators") if r["id"] == mediator["id"])
        path = export.export(ctx, "mediators", tmp_path / "m.xlsx").path
        sheet = load_workbook(path).active
        header_row = next(r for r in sheet.iter_rows(values_only=True) if r and "调解成功率" in r)
        rate_col, count_col = header_row.index("调解成功率"), header_row.index("办理案件数")
        data = next(r for r in sheet.iter_rows(values_only=True) if r and "周调解" in r)
        return row["cases_handled"], stats.fraction_text(row["success_rate"], "rate"), data[count_col], data[rate_col]

    handled, on_screen, in_excel_count, in_excel = shown()
    assert handled == 4 and in_excel_count == 4
    assert on_screen == "50.0%"                          # 1 agreed ÷ (1 agreed + 1 failed); performing not yet
    assert in_excel in ("50.0%", 0.5)
    settings.update(ctx, {"stats.success_denominator": "closed"})
    handled, on_screen, _count, in_excel = shown()
    assert on_screen == "33.3%"                          # 1 ÷ 3 closed
    assert in_excel in ("33.3%", pytest.approx(1 / 3, abs=1e-3))
