"""The ``hexie`` command line end to end, as a separate process, on a real station."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.helpers import applicant, case_payload, signatures

PASSWORD = "secret123"


def hexie(data_dir: Path, *args: str, password: str | None = PASSWORD, stdin: str | None = None,
          env_extra: dict | None = None) -> subprocess.CompletedProcess:
    """Run ``python -m hexie_desktop --data-dir DIR ARGS`` and return the finished process."""
    env = {k: v for k, v in os.environ.items() if k not in ("HEXIE_PASSWORD", "HEXIE_DATA_DIR")}
    if password is not None:
        env["HEXIE_PASSWORD"] = password
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "hexie_desktop", "--data-dir", str(data_dir), *args],
                          capture_output=True, text=True, env=env, input=stdin, timeout=300)


@pytest.fixture(scope="module")
def cli_station(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("cli") / "station"
    result = hexie(root, "init", "--role", "township", "--unit-code", "110105001",
                   "--unit-name", "东坝镇劳动人事争议调解中心", "--short-name", "东坝", "--admin", "admin",
                   "--mediator", "王调解", "--admin-is-mediator")
    assert result.returncode == 0, result.stderr
    return root


def _write(tmp_path: Path, name: str, data: object) -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_init_refuses_a_second_time_and_bad_codes(cli_station, tmp_path):
    again = hexie(cli_station, "init", "--role", "township", "--unit-code", "110105001", "--unit-name", "x",
                  "--admin", "admin")
    assert again.returncode == 1 and "不能重复初始化" in again.stderr
    bad = hexie(tmp_path / "other", "init", "--role", "township", "--unit-code", "12AB", "--unit-name", "x",
                "--admin", "admin")
    assert bad.returncode == 1 and "unit_code" in bad.stderr
    usage = hexie(tmp_path / "other", "init", "--role", "county", "--unit-code", "110105001", "--unit-name", "x",
                  "--admin", "admin")
    assert usage.returncode == 2


def test_case_add_show_act_through_the_command_line(cli_station, tmp_path):
    added = hexie(cli_station, "case", "add", "--json", _write(tmp_path, "in.json", {"cases": [case_payload()]}),
                  "--output-json")
    assert added.returncode == 0, added.stderr
    number = json.loads(added.stdout)["created"][0]["number"]
    shown = json.loads(hexie(cli_station, "case", "show", number, "--json").stdout)
    for key in ("number", "state", "received_on", "applicants", "respondent", "claims", "events", "deadlines"):
        assert key in shown
    assert shown["deadlines"]["mediation"] == "2026-10-08"
    assert "*" in shown["applicants"][0]["id_number"]
    assert hexie(cli_station, "case", "act", number, "accept", "--json",
                 _write(tmp_path, "a.json", {"on": "2026-09-17"})).returncode == 0
    assert hexie(cli_station, "case", "act", number, "record-session", "--json",
                 _write(tmp_path, "s.json", {"held_on": "2026-09-18"})).returncode == 0
    refused = hexie(cli_station, "case", "act", number, "agree", "--json", _write(tmp_path, "bad.json", {
        "items": [{"obligation": "支付工资", "amount": "100", "due_on": "2026-09-30"}],
        "applicant_signed_on": "2026-09-20"}))
    assert refused.returncode == 1
    assert refused.stderr.count("\n") == 1 and "调解组织印章" in refused.stderr
    agreed = hexie(cli_station, "case", "act", number, "agree", "--output-json", "--json", _write(tmp_path, "g.json", {
        "items": [{"obligation": "支付工资", "amount": "100", "due_on": "2026-09-30"}], **signatures()}))
    assert agreed.returncode == 0, agreed.stderr
    assert json.loads(agreed.stdout)["state"] == "performing"
    listed = json.loads(hexie(cli_station, "case", "list", "--state", "performing", "--json").stdout)
    assert [c["number"] for c in listed["cases"]] == [number]


@pytest.mark.parametrize("mutate,needle", [
    (lambda p: p["applicants"][0].update(id_number="110105199005171230"), "cases[1].applicants[0].id_number"),
    (lambda p: p.update(received_on="2026-02-30"), "cases[1].received_on"),
    (lambda p: p["claims"][0].update(category="bonus"), "cases[1].claims[0].category"),
])
def test_bad_batch_writes_nothing(cli_station, tmp_path, mutate, needle):
    before = json.loads(hexie(cli_station, "case", "list", "--json").stdout)["count"]
    bad = case_payload(applicants=[applicant("李四", seq=201)])
    mutate(bad)
    result = hexie(cli_station, "case", "add", "--json", _write(tmp_path, "b.json", {"cases": [case_payload(), bad]}))
    assert result.returncode == 1 and needle in result.stderr
    assert json.loads(hexie(cli_station, "case", "list", "--json").stdout)["count"] == before


def test_forbidden_transition_and_bad_json(cli_station, tmp_path):
    number = json.loads(hexie(cli_station, "case", "add", "--output-json", "--json",
                              _write(tmp_path, "c.json", {"cases": [case_payload()]})).stdout)["created"][0]["number"]
    result = hexie(cli_station, "case", "act", number, "archive")
    assert result.returncode == 1 and "已登记" in result.stderr
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    result = hexie(cli_station, "case", "add", "--json", str(broken))
    assert result.returncode == 1 and "JSON" in result.stderr
    assert hexie(cli_station, "case", "show", "（2026）东坝劳调字第999号").returncode == 1


def test_wrong_password_is_refused(cli_station):
    result = hexie(cli_station, "case", "list", password="wrong-password")
    assert result.returncode == 1 and "密码错误" in result.stderr
    missing = hexie(cli_station, "case", "list", password=None, stdin="")
    assert missing.returncode == 1 and "HEXIE_PASSWORD" in missing.stderr


def test_demo_check_backup_restore(tmp_path):
    root = tmp_path / "demo"
    assert hexie(root, "init", "--role", "township", "--unit-code", "110105001", "--unit-name", "东坝镇调解中心",
                 "--short-name", "东坝", "--admin", "admin").returncode == 0
    demo = hexie(root, "demo", "--cases", "300", "--seed", "7")
    assert demo.returncode == 0, demo.stderr
    listed = json.loads(hexie(root, "case", "list", "--json").stdout)
    assert listed["count"] == 300
    states = {c["state"] for c in listed["cases"]}
    # A demo spans the case life: archived cases and several open states (which ones depends on the seed).
    assert "archived" in states and len(states - {"archived", "closed"}) >= 3
    check = hexie(root, "check")
    assert check.returncode == 0 and "完整性检查：ok" in check.stdout
    backup = hexie(root, "backup")
    assert backup.returncode == 0
    backup_file = backup.stdout.strip().split("：", 1)[1]
    assert Path(backup_file).exists()
    hexie(root, "case", "add", "--json", _write(tmp_path, "n.json", {"cases": [case_payload()]}))
    assert json.loads(hexie(root, "case", "list", "--json").stdout)["count"] == 301
    restored = hexie(root, "restore", backup_file)
    assert restored.returncode == 0, restored.stderr
    assert json.loads(hexie(root, "case", "list", "--json").stdout)["count"] == 300
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"not a database" * 100)
    refused = hexie(root, "restore", str(garbage))
    assert refused.returncode == 1 and "损坏" in refused.stderr
    assert json.loads(hexie(root, "case", "list", "--json").stdout)["count"] == 300
    assert hexie(root, "check").returncode == 0


def test_audit_tampering_fails_check(tmp_path):
    import sqlite3

    root = tmp_path / "t"
    hexie(root, "init", "--role", "township", "--unit-code", "110105001", "--unit-name", "东坝镇调解中心",
          "--admin", "admin")
    conn = sqlite3.connect(root / "hexie.sqlite3")
    conn.execute("UPDATE audit_log SET actor = 'mallory' WHERE id = 1")
    conn.commit()
    conn.close()
    result = hexie(root, "check")
    assert result.returncode == 1 and "篡改" in result.stdout


def test_restore_refused_while_the_app_holds_the_station(cli_station, tmp_path):
    from hexie_desktop.storage.lock import StationLock

    backup = hexie(cli_station, "backup").stdout.strip().split("：", 1)[1]
    lock = StationLock(cli_station / "hexie.lock").acquire()
    try:
        refused = hexie(cli_station, "restore", backup)
    finally:
        lock.release()
    assert refused.returncode == 1 and "另一个程序窗口" in refused.stderr


def test_output_cut_short_by_the_reader_is_not_an_error(cli_station):
    env = {k: v for k, v in os.environ.items() if k != "HEXIE_DATA_DIR"}
    env["HEXIE_PASSWORD"] = PASSWORD
    listing = subprocess.Popen([sys.executable, "-m", "hexie_desktop", "--data-dir", str(cli_station), "case", "list"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    listing.stdout.close()  # like `| head -0`
    _out, err = listing.communicate(timeout=120)
    assert listing.returncode == 0 and b"Traceback" not in err


def test_registering_the_same_workers_again_warns_but_registers(cli_station, tmp_path):
    """Issue 16 #6: same respondent + overlapping ID numbers within 90 days is a likely duplicate."""
    payload = _write(tmp_path, "twice.json", {"cases": [case_payload()]})
    first = hexie(cli_station, "case", "add", "--json", payload, "--output-json")
    assert first.returncode == 0, first.stderr
    number = json.loads(first.stdout)["created"][0]["number"]
    again = hexie(cli_station, "case", "add", "--json", payload, "--output-json")
    assert again.returncode == 0, again.stderr
    warnings = json.loads(again.stdout)["created"][0]["warnings"]
    assert any("可能重复登记" in w and number in w for w in warnings)


def test_dashboard_json_lists_what_is_due(cli_station, tmp_path):
    """A case received three weeks ago is overdue for acceptance on the dashboard of the command line."""
    from datetime import date, timedelta

    old = (date.today() - timedelta(days=21)).isoformat()
    added = hexie(cli_station, "case", "add", "--json",
                  _write(tmp_path, "old.json", {"cases": [case_payload(received_on=old)]}), "--output-json")
    assert added.returncode == 0, added.stderr
    number = json.loads(added.stdout)["created"][0]["number"]
    shown = hexie(cli_station, "dashboard", "--json")
    assert shown.returncode == 0, shown.stderr
    board = json.loads(shown.stdout)
    mine = [i for i in board["items"] if i["number"] == number]
    assert {i["deadline"] for i in mine} == {"acceptance", "mediation"}
    assert all(i["status"] == "overdue" and i["due"] < date.today().isoformat() for i in mine)
    assert board["count"] == len(board["items"]) and board["month_counts"].keys() >= {"register", "accept"}
    text = hexie(cli_station, "dashboard")
    assert text.returncode == 0 and number in text.stdout and "待办" in text.stdout
