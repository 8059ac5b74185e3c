"""Mediators are people of the station (issue 16 point 2): users linked to the 调解员 register,
acceptance names a registered mediator, sessions name registered mediators, the register's 办案数
and the dashboard's "我的案件" follow the cases each mediator was assigned.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hexie_desktop.core import workflow
from hexie_desktop.core.errors import Conflict, NotFound, UserError
from hexie_desktop.services import case_actions, case_queries, cases, dashboard, registries, users
from hexie_desktop.services.station import init_station
from tests.e2e.conftest import PASSWORD, TODAY
from tests.e2e.helpers import applicant, case_payload, db_digest
from tests.e2e.test_cli import hexie


def _register(ctx, seq: int = 123) -> str:
    return cases.register(ctx, {"cases": [case_payload(applicants=[applicant(seq=seq)])]})[0].number


def _mediator(ctx, name: str, status: str = "active") -> str:
    return registries.save_record(ctx, "mediators", {"name": name, "employment_mode": "part_time",
                                                     "status": status})["id"]


@pytest.fixture
def bare(tmp_path: Path):
    """A new station whose first-run wizard was left without a mediator (the step was skipped)."""
    station = init_station(data_dir=tmp_path / "bare", db_url=None, role="township", unit_code="110105001",
                           unit_name="东坝镇劳动人事争议调解中心", short_name="东坝", admin="admin", password=PASSWORD)
    yield station, station.context(users.actor_for(station.db, "admin"), today_fn=lambda: TODAY)
    station.db.dispose()


def test_acceptance_without_any_registered_mediator_is_refused_and_changes_nothing(bare) -> None:
    """LDTJ art. 10–13 / 企业劳动争议协商调解规定 art. 24: a case is mediated by a mediator of the
    organisation assigned when it is accepted; with an empty register nobody can be assigned."""
    station, ctx = bare
    number = _register(ctx)
    before = db_digest(station)
    with pytest.raises(UserError) as refused:
        case_actions.apply(ctx, number, "accept", {"on": "2026-09-17"})
    assert refused.value.field == "mediator" and "调解员名册中还没有调解员" in refused.value.message
    assert "hexie registry add mediators" in refused.value.message
    assert db_digest(station) == before
    board = dashboard.dashboard(ctx)
    assert any("调解员名册中还没有调解员" in n for n in board.notices)


def test_acceptance_names_a_mediator_or_uses_the_actors_own(bare) -> None:
    """The register has mediators but none is named and the actor is not one: refused; named → assigned;
    the actor linked to a mediator record accepts as that mediator."""
    station, ctx = bare
    wang = _mediator(ctx, "王调解")
    _mediator(ctx, "赵离岗", status="inactive")
    first, second = _register(ctx, 1), _register(ctx, 2)
    with pytest.raises(UserError) as refused:
        case_actions.apply(ctx, first, "accept", {"on": "2026-09-17"})
    assert refused.value.message == "受理须指定调解员：请从调解员名册中选择"
    with pytest.raises(UserError) as inactive:
        case_actions.apply(ctx, first, "accept", {"on": "2026-09-17", "mediator": "赵离岗"})
    assert "不是在职状态" in inactive.value.message
    with pytest.raises(UserError, match="不在调解员名册中"):
        case_actions.apply(ctx, first, "accept", {"on": "2026-09-17", "mediator": "钱不存在"})
    case_actions.apply(ctx, first, "accept", {"on": "2026-09-17", "mediator": "王调解"})
    assert case_queries.show(ctx, first)["mediator"] == {"id": wang, "name": "王调解"}
    assert not any("调解员名册中还没有" in n for n in dashboard.dashboard(ctx).notices)
    users.link_mediator(ctx, "admin", "王调解")
    case_actions.apply(ctx, second, "accept", {"on": "2026-09-17"})
    assert case_queries.show(ctx, second)["mediator"]["name"] == "王调解"


def test_register_counts_each_mediators_cases_and_my_cases_follow_the_link(bare) -> None:
    """办案数 = cases assigned (core.stats.record_of via registries.mediator_record); the dashboard's
    "我的案件" lists the cases of the mediator the user is linked to."""
    station, ctx = bare
    wang, li = _mediator(ctx, "王调解"), _mediator(ctx, "李调解")
    numbers = [_register(ctx, seq) for seq in (1, 2, 3)]
    for number, who in zip(numbers, ("王调解", "王调解", "李调解"), strict=True):
        case_actions.apply(ctx, number, "accept", {"on": "2026-09-17", "mediator": who})
    rows = {r["name"]: r for r in registries.list_records(ctx, "mediators")}
    assert rows["王调解"]["cases_handled"] == 2 and rows["李调解"]["cases_handled"] == 1
    users.create_user(ctx, username="li", display_name="李调解", role="mediator", password="li123456",
                      mediator="李调解")
    li_ctx = station.context(users.actor_for(station.db, "li"), today_fn=lambda: TODAY)
    mine = dashboard.dashboard(li_ctx, mine=True)
    assert {i.number for i in mine.items} == {numbers[2]}
    assert not mine.notices
    office = dashboard.dashboard(ctx)
    assert {i.number for i in office.items} >= set(numbers)
    unlinked = dashboard.dashboard(ctx, mine=True)
    assert any("尚未关联调解员" in n for n in unlinked.notices)
    assert {u.username: u.mediator_id for u in users.list_users(ctx)} == {"admin": None, "li": li}
    assert wang


def test_link_rules(bare) -> None:
    """One mediator record belongs to one login; unknown names are refused; unlink clears it."""
    station, ctx = bare
    _mediator(ctx, "王调解")
    users.create_user(ctx, username="wang", display_name="王调解", role="mediator", password="wang1234")
    row = users.link_mediator(ctx, "wang", "王调解")
    assert row.mediator_name == "王调解"
    before = db_digest(station)
    with pytest.raises(Conflict, match="已关联用户“wang”"):
        users.link_mediator(ctx, "admin", "王调解")
    with pytest.raises(NotFound):
        users.link_mediator(ctx, "admin", "无此人")
    with pytest.raises(NotFound):
        users.link_mediator(ctx, "nobody", "王调解")
    assert db_digest(station) == before
    assert users.link_mediator(ctx, "wang", None).mediator_id is None


def test_session_mediators_come_from_the_register(ctx) -> None:
    """A 调解笔录 names the mediators who conducted the session (LDTJ art. 13): they must be registered."""
    registries.save_record(ctx, "mediators", {"name": "李调解", "employment_mode": "part_time", "status": "active"})
    number = _register(ctx)
    case_actions.apply(ctx, number, "accept", {"on": "2026-09-17"})
    with pytest.raises(UserError) as refused:
        case_actions.apply(ctx, number, "record-session", {"held_on": "2026-09-18", "mediators": "王调解、路人甲"})
    assert refused.value.field == "mediators" and "路人甲" in refused.value.message
    case_actions.apply(ctx, number, "record-session", {"held_on": "2026-09-18", "mediators": "王调解， 李调解"})
    case_actions.apply(ctx, number, "record-session", {"held_on": "2026-09-19"})
    sessions = case_queries.show(ctx, number)["sessions"]
    assert [s["mediators"] for s in sessions] == ["王调解、李调解", "王调解"]


def test_split_names() -> None:
    """The separators people type between names: 、，, ； and spaces; each name once."""
    assert workflow.split_names(" 王五、李四，张三,王五；赵六  钱七") == ["王五", "李四", "张三", "赵六", "钱七"]
    assert workflow.split_names(None) == []


def test_cli_users_link_and_acceptance_refusal(tmp_path: Path) -> None:
    """`hexie users list|link|unlink` and the acceptance refusal through the command line (exit 1)."""
    root = tmp_path / "cli"
    made = hexie(root, "init", "--role", "township", "--unit-code", "110105001", "--unit-name", "东坝镇调解中心",
                 "--short-name", "东坝", "--admin", "admin")
    assert made.returncode == 0 and "调解员名册中还没有调解员" in made.stdout
    payload = tmp_path / "case.json"
    payload.write_text(json.dumps({"cases": [case_payload()]}, ensure_ascii=False), encoding="utf-8")
    added = hexie(root, "case", "add", "--json", str(payload), "--output-json")
    number = json.loads(added.stdout)["created"][0]["number"]
    refused = hexie(root, "case", "act", number, "accept")
    assert refused.returncode == 1 and "调解员名册中还没有调解员" in refused.stderr
    board = hexie(root, "dashboard")
    assert "提示：调解员名册中还没有调解员" in board.stdout
    mediator = tmp_path / "m.json"
    mediator.write_text(json.dumps({"name": "王调解", "employment_mode": "full_time", "status": "active"},
                                   ensure_ascii=False), encoding="utf-8")
    assert hexie(root, "registry", "add", "mediators", "--json", str(mediator)).returncode == 0
    linked = hexie(root, "users", "link", "admin", "王调解")
    assert linked.returncode == 0 and "调解员：王调解" in linked.stdout
    unknown = hexie(root, "users", "link", "admin", "无此人")
    assert unknown.returncode == 1 and "不在调解员名册中" in unknown.stderr
    listed = json.loads(hexie(root, "users", "list", "--json").stdout)
    assert listed[0]["mediator"] == "王调解"
    assert hexie(root, "case", "act", number, "accept").returncode == 0
    shown = json.loads(hexie(root, "case", "show", number, "--json").stdout)
    assert shown["mediator"]["name"] == "王调解"
    assert "未关联调解员" in hexie(root, "users", "unlink", "admin").stdout


def test_init_with_the_first_mediator(tmp_path: Path) -> None:
    """The wizard's optional first mediator: added to the register, the admin linked when asked."""
    root = tmp_path / "first"
    made = hexie(root, "init", "--role", "township", "--unit-code", "110105001", "--unit-name", "东坝镇调解中心",
                 "--admin", "admin", "--mediator", "王调解", "--admin-is-mediator")
    assert made.returncode == 0 and "还没有调解员" not in made.stdout
    listed = json.loads(hexie(root, "users", "list", "--json").stdout)
    assert listed[0]["mediator"] == "王调解"
    bad = hexie(tmp_path / "bad", "init", "--role", "township", "--unit-code", "110105001", "--unit-name", "东坝镇",
                "--admin", "admin", "--admin-is-mediator")
    assert bad.returncode == 1 and "第一位调解员" in bad.stderr
    assert not (tmp_path / "bad" / "hexie.sqlite3").exists()
