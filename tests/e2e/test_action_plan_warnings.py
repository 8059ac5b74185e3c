"""Issue 14 point 4, monitoring and early warning, through the services on a real station file.

Seed 000 (区三年行动计划, 用工指导 (1)): "加强企业用工动态监测 … 及时发现裁员苗头，探索建立劳动关系
监测预警系统，建立重点问题线索工作沟通和报告制度"; seed 001/004 the same for province and city.
The data below raises every rule once; the leads are then handled, rescanned and exchanged.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from hexie_desktop.core.errors import NotAllowed, NotFound, UserError, ValidationErrors
from hexie_desktop.core.ids import make_credit_code
from hexie_desktop.services import case_actions, cases, registries, settings, warnings
from hexie_desktop.services.users import actor_for, create_user
from hexie_desktop.storage import audit
from hexie_desktop.storage.models import AuditEntry, WarningAction, WarningLead
from tests.e2e.helpers import applicant, case_payload, db_digest, signatures

REPEAT = {"name": "北京宏达建筑工程有限公司", "credit_code": make_credit_code("91110105MA01ABCD2")}
OTHER = {"name": "北京顺意物流有限公司", "credit_code": make_credit_code("91110105MA01QQQQ3")}


def _case(ctx, received_on: str, respondent: dict, *, workers: int = 1, amount: str = "12345.60",
          category: str = "wages", seq: int = 100) -> str:
    people = [applicant(f"工人{seq + i}", seq=seq + i, is_representative=workers >= 10 and i < 3)
              for i in range(workers)]
    payload = case_payload(received_on=received_on, applicants=people,
                           respondent={**case_payload()["respondent"], **respondent},
                           claims=[{"category": category, "amount": amount, "description": "请求"}])
    return cases.register(ctx, {"cases": [payload]})[0].number


def _plant(ctx) -> dict[str, str]:
    """Data raising each rule once (today is 2026-11-21)."""
    numbers = [_case(ctx, day, REPEAT, seq=200 + i) for i, day in
               enumerate(("2026-09-16", "2026-10-12", "2026-11-02"))]
    collective = _case(ctx, "2026-11-10", OTHER, workers=10, seq=300)
    eatery = {"name": "北京某餐饮有限公司", "credit_code": make_credit_code("91110105MA01RRRR4")}
    large = _case(ctx, "2026-11-12", eatery, amount="60000.00", seq=400)
    debtor = {"name": "北京拖欠科技有限公司", "credit_code": make_credit_code("91110105MA01PPPP5")}
    overdue = _case(ctx, "2026-09-01", debtor, seq=500)
    case_actions.apply(ctx, overdue, "accept", {"on": "2026-09-02"})
    case_actions.apply(ctx, overdue, "record-session", {"held_on": "2026-09-03"})
    case_actions.apply(ctx, overdue, "agree", {"items": [
        {"obligation": "支付拖欠工资", "amount": "8000.00", "due_on": "2026-10-01", "category": "wages"}],
        **signatures("2026-09-04")})
    employer = registries.save_record(ctx, "employers", {"name": "北京减员制造有限公司",
                                                         "credit_code": make_credit_code("91110105MA01TTTT6")})
    firm = registries.save_record(ctx, "key_enterprises", {
        "employer_id": employer["id"], "employees_last_year_end": 150, "employees_now": 110, "risk_level": "high"})
    registries.save_record(ctx, "layoffs", {"key_enterprise_id": firm["id"], "planned": 15})
    return {"repeat": numbers[-1], "collective": collective, "large": large, "overdue": overdue, "firm": firm["id"]}


def _by_rule(rows: list[dict]) -> dict[str, dict]:
    return {row["rule"]: row for row in rows}


def test_scan_raises_one_lead_per_rule_with_level_and_due_date(ctx):
    _plant(ctx)
    result = warnings.scan(ctx)
    assert (result.raised, result.updated, result.unchanged) == (6, 0, 0)
    leads = _by_rule(warnings.list_leads(ctx))
    assert set(leads) == {"repeat_disputes", "collective", "wage_arrears", "overdue_payments", "headcount_fall",
                          "layoff_threshold"}
    assert leads["repeat_disputes"]["level"] == "yellow" and "90天内3件" in leads["repeat_disputes"]["title"]
    assert leads["collective"]["level"] == "red" and "10人集体争议" in leads["collective"]["title"]
    assert leads["wage_arrears"]["level"] == "yellow" and "60,000.00" in leads["wage_arrears"]["title"]
    assert "1项调解协议逾期未履行" in leads["overdue_payments"]["title"]
    assert leads["headcount_fall"]["level"] == "yellow" and "下降26%" in leads["headcount_fall"]["title"]
    # 15 of 150 is 10%: art. 41 (the rule of core.workflow, also behind the ledger's flag).
    assert leads["layoff_threshold"]["level"] == "red" and "第四十一条" in leads["layoff_threshold"]["title"]
    assert leads["layoff_threshold"]["due_on"].isoformat() == "2026-11-24"   # red: 3 days
    assert leads["repeat_disputes"]["due_on"].isoformat() == "2026-12-06"    # yellow: 15 days
    assert [r["level"] for r in warnings.list_leads(ctx)][:2] == ["red", "red"]
    assert all(r["status"] == "open" and r["owner"] is None for r in leads.values())
    with ctx.db.read() as session:
        assert audit.verify(session).ok
        scans = session.execute(select(AuditEntry.summary).where(AuditEntry.action == "warnings.scan")).scalars().all()
    assert scans == ["新线索6条，更新0条，未变0条，待处理共6条"]


def test_rescan_changes_nothing_and_new_facts_update_or_raise(station, ctx):
    planted = _plant(ctx)
    warnings.scan(ctx)
    before = db_digest(station, skip=("audit_log",))
    again = warnings.scan(ctx)
    assert (again.raised, again.updated, again.unchanged, again.open_total) == (0, 0, 6, 6)
    assert db_digest(station, skip=("audit_log",)) == before
    # Three more cases against the same employer: the open lead is refreshed and escalated to orange.
    for i, day in enumerate(("2026-11-15", "2026-11-16", "2026-11-17")):
        _case(ctx, day, REPEAT, seq=600 + i)
    third = warnings.scan(ctx)
    assert (third.raised, third.updated) == (0, 1)
    lead = _by_rule(warnings.list_leads(ctx))["repeat_disputes"]
    assert lead["level"] == "orange" and "90天内6件" in lead["title"]
    assert lead["due_on"].isoformat() == "2026-11-28"   # escalated: orange handling time from today
    shown = warnings.show(ctx, lead["short_id"])
    assert [a["action"] for a in shown["actions"]] == ["raise", "update"]
    assert "升级为橙色" in shown["actions"][1]["note"]
    assert planted


def test_handling_assign_follow_up_close_and_no_reraise_for_the_same_facts(station, ctx):
    _plant(ctx)
    warnings.scan(ctx)
    lead = _by_rule(warnings.list_leads(ctx))["overdue_payments"]
    assigned = warnings.handle(ctx, lead["short_id"], "assign", owner="王调解", note="请核实履行情况")
    assert assigned["status"] == "in_progress" and assigned["owner"] == "王调解"
    warnings.handle(ctx, lead["id"], "follow_up", note="电话联系企业财务，承诺本周支付")
    closed = warnings.handle(ctx, lead["id"], "close", note="企业已支付8000元，申请人确认")
    assert closed["status"] == "closed" and closed["closed_on"].isoformat() == "2026-11-21"
    assert closed["outcome"] == "企业已支付8000元，申请人确认"
    shown = warnings.show(ctx, lead["id"])
    assert [a["action"] for a in shown["actions"]] == ["raise", "assign", "follow_up", "close"]
    assert shown["actions"][1]["owner"] == "王调解" and shown["actions"][3]["actor"]
    with ctx.db.read() as session:
        actions = session.execute(select(AuditEntry.action).where(AuditEntry.entity_id == lead["id"])).scalars().all()
    assert actions == ["warnings.assign", "warnings.follow_up", "warnings.close"]
    # The same facts do not raise the closed lead again; the open list no longer shows it.
    assert warnings.scan(ctx).raised == 0
    assert "overdue_payments" not in _by_rule(warnings.list_leads(ctx))
    assert _by_rule(warnings.list_leads(ctx, status="closed"))["overdue_payments"]["id"] == lead["id"]
    reopened = warnings.handle(ctx, lead["id"], "reopen", note="企业仅支付一半")
    assert reopened["status"] == "open" and reopened["closed_on"] is None


@pytest.mark.parametrize("action,kwargs,error", [
    ("close", {}, UserError),                       # closing needs what was done
    ("assign", {"note": "x"}, UserError),           # assigning needs an owner
    ("reopen", {"note": "x"}, UserError),           # not final yet
    ("escalate", {"note": "x"}, UserError),         # unknown action
    ("follow_up", {"note": "控制\x1b字符"}, UserError),
])
def test_bad_handling_is_refused_and_changes_nothing(station, ctx, action, kwargs, error):
    _plant(ctx)
    warnings.scan(ctx)
    lead = warnings.list_leads(ctx)[0]
    before = db_digest(station)
    with pytest.raises(error):
        warnings.handle(ctx, lead["id"], action, **kwargs)
    assert db_digest(station) == before


def test_unknown_lead_and_rights(station, ctx):
    _plant(ctx)
    warnings.scan(ctx)
    before = db_digest(station)
    with pytest.raises(NotFound):
        warnings.handle(ctx, "00000000-0000-0000-0000-000000000000", "follow_up", note="x")
    with pytest.raises(UserError):
        warnings.show(ctx, "ab")
    create_user(ctx, username="clerk1", display_name="窗口", role="clerk", password="secret1234")
    clerk = station.context(actor_for(station.db, "clerk1"), today_fn=lambda: ctx.today)
    lead = warnings.list_leads(clerk)[0]
    middle = db_digest(station)
    with pytest.raises(NotAllowed):
        warnings.handle(clerk, lead["id"], "follow_up", note="x")
    assert db_digest(station) == middle != before


def test_thresholds_are_configurable_and_validated(station, ctx):
    _plant(ctx)
    before = db_digest(station)
    for bad in ({"repeat_min_cases": 0}, {"repeat_min_cases": "3"}, {"no_such": 1}, {"wage_arrears_yuan": True}):
        with pytest.raises(ValidationErrors):
            settings.update(ctx, {"warnings.thresholds": bad})
    assert db_digest(station) == before
    settings.update(ctx, {"warnings.thresholds": {"repeat_min_cases": 4, "wage_arrears_yuan": 100_000,
                                                  "headcount_fall_percent": 30}})
    stored = warnings.read_thresholds(ctx)
    assert stored["repeat_min_cases"] == 4 and stored["repeat_window_days"] == 90   # others keep defaults
    warnings.scan(ctx)
    rules = set(_by_rule(warnings.list_leads(ctx)))
    assert rules == {"collective", "overdue_payments", "layoff_threshold"}


def test_leads_travel_to_the_district_with_their_follow_up_records(tmp_path: Path):
    from tests.e2e.exchange_support import TOWN_CODE, open_pair, rows_of

    with open_pair(tmp_path / "pair") as pair:
        _plant(pair.tctx)
        warnings.scan(pair.tctx)
        lead = warnings.list_leads(pair.tctx)[0]
        warnings.handle(pair.tctx, lead["id"], "assign", owner="李站长")
        pair.sync("p1.hxp")
        assert rows_of(pair.dist, TOWN_CODE) == rows_of(pair.town, TOWN_CODE)
        at_district = warnings.list_leads(pair.dctx)
        assert len(at_district) == 6 and {r["origin"] for r in at_district} == {TOWN_CODE}
        assert warnings.show(pair.dctx, lead["id"])["owner"] == "李站长"
        with pair.dist.db.read() as session:
            assert session.execute(select(func.count()).select_from(WarningAction)).scalar_one() == 7
            assert session.execute(select(func.count()).select_from(WarningLead)).scalar_one() == 6
