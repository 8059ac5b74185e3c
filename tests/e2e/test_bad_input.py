"""Bad input through the real command line: one line naming the field, exit code 1/2, nothing changed.

Every row of the table runs ``hexie`` (``cli.main``, in-process so the table stays fast; the
deepest inputs also run as a separate process) on one station and checks: the exit code, exactly
one line on stderr that names the field, no traceback, and a digest of every table unchanged
(the login's own audit row and last-login time aside — they are written before the input is read).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.helpers import applicant, case_payload

PASSWORD = "secret123"
DEEP = "[" * 200_000 + "]" * 200_000


def digest(root: Path) -> str:
    """SHA-256 over every row of every table except what a login writes (users, login.* audit rows)."""
    out = hashlib.sha256()
    conn = sqlite3.connect(root / "hexie.sqlite3")
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        for table in tables:
            if table == "users" or table.startswith("case_fts"):
                continue
            query = f'SELECT * FROM "{table}"'
            if table == "audit_log":
                query += " WHERE action NOT LIKE 'login.%'"
            for row in conn.execute(query + " ORDER BY 1"):
                out.update(repr(row).encode())
    finally:
        conn.close()
    return out.hexdigest()


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """A station with case A (registered) and case B (accepted, one session): (root, A, B)."""
    from hexie_desktop import cli

    root = tmp_path_factory.mktemp("bad") / "station"
    mp = pytest.MonkeyPatch()
    mp.setenv("HEXIE_PASSWORD", PASSWORD)
    base = ["--data-dir", str(root)]
    assert cli.main(base + ["init", "--role", "township", "--unit-code", "110105001", "--unit-name",
                            "东坝镇劳动人事争议调解中心", "--short-name", "东坝", "--admin", "admin",
                            "--mediator", "王调解", "--admin-is-mediator"]) == 0
    payload = tmp_path_factory.mktemp("in") / "cases.json"
    payload.write_text(json.dumps({"cases": [case_payload(), case_payload(applicants=[applicant("李四", seq=124)])]},
                                  ensure_ascii=False), encoding="utf-8")
    assert cli.main(base + ["case", "add", "--json", str(payload)]) == 0
    conn = sqlite3.connect(root / "hexie.sqlite3")
    a, b = [r[0] for r in conn.execute("SELECT number FROM cases ORDER BY number")]
    conn.close()
    for action, data in (("accept", {"on": "2026-09-17"}), ("record-session", {"held_on": "2026-09-18"})):
        payload.write_text(json.dumps(data), encoding="utf-8")
        assert cli.main(base + ["case", "act", b, action, "--json", str(payload)]) == 0
    yield root, a, b
    mp.undo()


def _case(**overrides) -> dict:
    return {"cases": [case_payload(**overrides)]}


def _applicant(**extra) -> dict:
    return _case(applicants=[applicant(**extra)])


def _respondent(**extra) -> dict:
    payload = case_payload()
    payload["respondent"] = {**payload["respondent"], **extra}
    return {"cases": [payload]}


def _claim(**extra) -> dict:
    return _case(claims=[{"category": "wages", "amount": "100", **extra}])


ADD = [
    ("name NUL", _applicant(name="张\x00三"), "applicants[0].name"),
    ("name ESC", _applicant(name="\x1b[31m张三"), "applicants[0].name"),
    ("name newline", _applicant(name="张\n三"), "applicants[0].name"),
    ("name CR", _applicant(name="张三\r王五"), "applicants[0].name"),
    ("name bidi override", _applicant(name="张\u202e三"), "applicants[0].name"),
    ("name line separator", _applicant(name="张\u2028三"), "applicants[0].name"),
    ("name DEL", _applicant(name="张\x7f三"), "applicants[0].name"),
    ("name C1", _applicant(name="张\x85三"), "applicants[0].name"),
    ("name BOM inside", _applicant(name="张\ufeff三"), "applicants[0].name"),
    ("name too long", _applicant(name="张" * 60), "applicants[0].name"),
    ("name a number", _applicant(name=123), "applicants[0].name"),
    ("address BEL", _applicant(address="东坝乡\x071组"), "applicants[0].address"),
    ("phone newline", _applicant(phone="138\n00138000"), "applicants[0].phone"),
    ("id number NUL", _applicant(id_number="11010519900517\x00123"), "applicants[0].id_number"),
    ("id number check digit", _applicant(id_number="110105199005171230"), "applicants[0].id_number"),
    ("representative not bool", _applicant(is_representative="yes"), "applicants[0].is_representative"),
    ("applicant typo key", _applicant(nmae="张三"), "applicants[0].nmae"),
    ("respondent name NUL", _respondent(name="宏达\x00公司"), "respondent.name"),
    ("respondent address ESC", _respondent(address="建设路\x1b]0;x\x078号"), "respondent.address"),
    ("respondent legal rep newline", _respondent(legal_representative="李\n四"), "respondent.legal_representative"),
    ("respondent phone ESC", _respondent(phone="010\x1b85551234"), "respondent.phone"),
    ("respondent typo key", _respondent(adress="建设路"), "respondent.adress"),
    ("respondent industry unknown", _respondent(industry="\x1bbad"), "respondent.industry"),
    ("claim description ESC", _claim(description="工资\x1b[2J"), "claims[0].description"),
    ("claim amount newline", _claim(amount="12\n34"), "claims[0].amount"),
    ("claim amount negative", _claim(amount="-5"), "claims[0].amount"),
    ("claim category typo", _claim(category="wagez"), "claims[0].category"),
    ("claim category newline", _claim(category="wages\n"), "claims[0].category"),
    ("claim typo key", _claim(amonut="100"), "claims[0].amonut"),
    ("facts NUL", _case(facts="拖欠\x00工资"), "facts"),
    ("evidence ESC", _case(evidence="工资条\x1b[8m"), "evidence"),
    ("evidence typo key", _case(evidance="工资条"), "cases[0].evidance"),
    ("received date newline", _case(received_on="2026-13-01\nwhatever"), "received_on"),
    ("received date impossible", _case(received_on="2026-02-30"), "received_on"),
    ("received date a number", _case(received_on=20260916), "received_on"),
    ("received date future", _case(received_on="2099-01-01"), "received_on"),
    ("known date ESC", _case(infringement_known_on="2026-08-31\x1b[2J"), "infringement_known_on"),
    ("source NUL", _case(source="\x00"), "source"),
    ("applicants not a list", _case(applicants="张三"), "applicants"),
    ("applicants empty", _case(applicants=[]), "applicants"),
    ("respondent missing", _case(respondent=None), "respondent"),
    ("top level a list", [case_payload()], "cases"),
    ("no cases", {"cases": []}, "cases"),
    ("top level typo key", {"cases": [case_payload()], "caess": []}, "caess"),
]

ACT_A = [
    ("accept typo key", "accept", {"on": "2026-09-17", "approvr": "王"}, "approvr"),
    ("accept note NUL", "accept", {"note": "同意\x00受理"}, "note"),
    ("accept date newline", "accept", {"on": "2026-09-\n17"}, "on"),
    ("accept date ESC", "accept", {"on": "\x1b[2J2026-09-17"}, "on"),
    ("accept mediator ESC", "accept", {"mediator": "王\x1b五"}, "mediator"),
    ("accept approver newline", "accept", {"approver": "王\n五"}, "approver"),
    ("reject reason unknown", "reject", {"reason": "\x1b[31mx"}, "reason"),
    ("accept data a list", "accept", ["on"], "data"),
]

ACT_B = [
    ("session typo key", "record-session", {"held_on": "2026-09-19", "statments": "陈述"}, "statments"),
    ("session statements ESC", "record-session", {"statements": "陈述\x1b[2J"}, "statements"),
    ("session place newline", "record-session", {"place": "调解\n室"}, "place"),
    ("session date newline", "record-session", {"held_on": "x\ny"}, "held_on"),
    ("agree item typo key", "agree", {"items": [{"obligation": "支付", "amout": "1", "due_on": "2026-09-30"}]},
     "items[0].amout"),
    ("agree item obligation NUL", "agree", {"items": [{"obligation": "支\x00付", "due_on": "2026-09-30"}]},
     "items[0].obligation"),
    ("agree item due date bad", "agree", {"items": [{"obligation": "支付", "due_on": "2026-1x"}]}, "items[0].due_on"),
    ("agree signed date newline", "agree", {"items": [], "applicant_signed_on": "2026-09-20\n2026"},
     "applicant_signed_on"),
    ("extend new end bad", "extend", {"new_end": "2026-10-32"}, "new_end"),
]

REGISTRY = [
    ("mediator name NUL", "mediators", {"name": "王\x00五", "employment_mode": "full_time", "status": "active"},
     "name"),
    ("employer typo key", "employers", {"name": "宏达公司", "adress": "建设路"}, "adress"),
    ("employer name newline", "employers", {"name": "宏达\n公司"}, "name"),
    ("employer credit code ESC", "employers", {"name": "宏达公司", "credit_code": "\x1b91110105MA01ABCD2"},
     "credit_code"),
    ("org name ESC", "orgs", {"name": "调解\x1b委员会", "org_type": "township", "status": "active"}, "name"),
]

SETTINGS = [
    ("station text ESC", {"station.arbitration_commission": "仲裁\x1b[2J委员会"}, "station.arbitration_commission"),
    ("station text newline", {"station.arbitration_phone": "010\n123"}, "station.arbitration_phone"),
    ("unknown setting", {"archive.retention_yeras": 30}, "archive.retention_yeras"),
    ("deadline typo", {"deadlines": {"mediation_dayz": 15}}, "deadlines.mediation_dayz"),
    ("deadline not a number", {"deadlines": {"mediation_days": "十五"}}, "deadlines.mediation_days"),
    ("calendar bad date", {"calendar.overrides": {"2026-13-01": True}}, "calendar.overrides"),
    ("idle lock text", {"security.idle_lock_minutes": "ten"}, "security.idle_lock_minutes"),
    ("retention out of range", {"archive.retention_years": 1000}, "archive.retention_years"),
    ("pattern placeholder", {"numbering.case_pattern": "{x}"}, "numbering.case_pattern"),
    ("pattern newline", {"numbering.case_pattern": "{year}\n{n}"}, "numbering.case_pattern"),
    ("settings a list", ["archive.retention_years"], "settings"),
]

RAW = [  # (label, file bytes) for case add: broken files
    ("nested 200000 deep", DEEP.encode()),
    ("syntax error", b'{"cases": [}'),
    ("duplicate key", b'{"cases": [], "cases": []}'),
    ("NaN", b'{"cases": [NaN]}'),
    ("not UTF-8", '{"cases": [{"facts": "拖欠"}]}'.encode("gbk")),
    ("empty file", b""),
]


def _run(root: Path, tmp_path: Path, capsys, argv: list[str], data: object = None, raw: bytes | None = None):
    from hexie_desktop import cli

    args = ["--data-dir", str(root), *argv]
    if data is not None or raw is not None:
        path = tmp_path / "input.json"
        path.write_bytes(raw if raw is not None else json.dumps(data, ensure_ascii=False).encode())
        args += ["--json", str(path)]
    capsys.readouterr()
    code = cli.main(args)
    return code, capsys.readouterr()


def _check(world, tmp_path, capsys, monkeypatch, argv, field, data=None, raw=None, code=1) -> None:
    root = world[0]
    monkeypatch.setenv("HEXIE_PASSWORD", PASSWORD)
    before = digest(root)
    got, out = _run(root, tmp_path, capsys, argv, data, raw)
    lines = out.err.splitlines()
    assert got == code, out.err
    assert len(lines) == 1, out.err
    assert field in lines[0], lines[0]
    assert "Traceback" not in out.err and "\x1b" not in out.err and "\x00" not in out.err
    assert digest(root) == before


@pytest.mark.parametrize("label,data,field", ADD, ids=[r[0] for r in ADD])
def test_case_add_refuses(world, tmp_path, capsys, monkeypatch, label, data, field) -> None:
    _check(world, tmp_path, capsys, monkeypatch, ["case", "add"], field, data=data)


@pytest.mark.parametrize("label,raw", RAW, ids=[r[0] for r in RAW])
def test_case_add_refuses_broken_json(world, tmp_path, capsys, monkeypatch, label, raw) -> None:
    _check(world, tmp_path, capsys, monkeypatch, ["case", "add"], "--json", raw=raw)


@pytest.mark.parametrize("label,action,data,field", ACT_A, ids=[r[0] for r in ACT_A])
def test_case_act_refuses_on_a_registered_case(world, tmp_path, capsys, monkeypatch, label, action, data,
                                               field) -> None:
    _check(world, tmp_path, capsys, monkeypatch, ["case", "act", world[1], action], field, data=data)


@pytest.mark.parametrize("label,action,data,field", ACT_B, ids=[r[0] for r in ACT_B])
def test_case_act_refuses_on_a_case_in_mediation(world, tmp_path, capsys, monkeypatch, label, action, data,
                                                 field) -> None:
    _check(world, tmp_path, capsys, monkeypatch, ["case", "act", world[2], action], field, data=data)


def test_case_act_refuses_deep_json(world, tmp_path, capsys, monkeypatch) -> None:
    _check(world, tmp_path, capsys, monkeypatch, ["case", "act", world[1], "accept"], "--json", raw=DEEP.encode())


@pytest.mark.parametrize("label,kind,data,field", REGISTRY, ids=[r[0] for r in REGISTRY])
def test_registry_add_refuses(world, tmp_path, capsys, monkeypatch, label, kind, data, field) -> None:
    _check(world, tmp_path, capsys, monkeypatch, ["registry", "add", kind], field, data=data)


@pytest.mark.parametrize("label,data,field", SETTINGS, ids=[r[0] for r in SETTINGS])
def test_settings_set_refuses(world, tmp_path, capsys, monkeypatch, label, data, field) -> None:
    _check(world, tmp_path, capsys, monkeypatch, ["settings", "set"], field, data=data)


def test_settings_set_refuses_deep_json(world, tmp_path, capsys, monkeypatch) -> None:
    _check(world, tmp_path, capsys, monkeypatch, ["settings", "set"], "--json", raw=DEEP.encode())


def _xlsx(path: Path, name: str) -> Path:
    from openpyxl import Workbook

    from hexie_desktop.services.registries import FIELDS

    book = Workbook()
    sheet = book.active
    sheet.append([spec.label for spec in FIELDS["employers"]])
    sheet.append([name] + [None] * (len(FIELDS["employers"]) - 1))
    book.save(path)
    return path


@pytest.mark.parametrize("name", ["宏达_x001B_[31m公司", "宏达\n公司", "宏达_x0000_公司"],
                         ids=["ESC", "newline", "NUL"])
def test_registry_import_refuses_control_characters(world, tmp_path, capsys, monkeypatch, name) -> None:
    from hexie_desktop import cli

    root = world[0]
    monkeypatch.setenv("HEXIE_PASSWORD", PASSWORD)
    before = digest(root)
    book = _xlsx(tmp_path / "employers.xlsx", name)
    capsys.readouterr()
    code = cli.main(["--data-dir", str(root), "import-xlsx", "employers", str(book)])
    out = capsys.readouterr()
    assert code == 1, out
    assert "控制字符" in out.err and "Traceback" not in out.err and "\x1b" not in out.err + out.out
    assert digest(root) == before


INIT = [
    ("unit name ESC", ["--unit-name", "东坝\x1b[31m镇"], "unit_name"),
    ("unit name newline", ["--unit-name", "东坝\n镇"], "unit_name"),
    ("short name BEL", ["--unit-name", "东坝镇", "--short-name", "东\x07坝"], "short_name"),
    ("unit code newline", ["--unit-name", "东坝镇", "--unit-code", "11010500\n1"], "unit_code"),
    ("role unknown", ["--unit-name", "东坝镇", "--role", "county\x1b"], "--role"),
]


@pytest.mark.parametrize("label,extra,field", INIT, ids=[r[0] for r in INIT])
def test_init_refuses_and_creates_nothing(tmp_path, capsys, monkeypatch, label, extra, field) -> None:
    from hexie_desktop import cli

    monkeypatch.setenv("HEXIE_PASSWORD", PASSWORD)
    root = tmp_path / "new"
    args = {"--role": "township", "--unit-code": "110105001", "--admin": "admin"}
    for i in range(0, len(extra), 2):
        args[extra[i]] = extra[i + 1]
    argv = ["--data-dir", str(root), "init"] + [x for pair in args.items() for x in pair]
    capsys.readouterr()
    code = cli.main(argv) if field != "--role" else _usage(cli, argv)
    out = capsys.readouterr()
    lines = out.err.splitlines()
    assert code == (2 if field == "--role" else 1) and len(lines) == 1 and field in lines[0], out.err
    assert "\x1b" not in out.err and not (root / "hexie.sqlite3").exists()


def _usage(cli, argv) -> int:
    with pytest.raises(SystemExit) as stop:
        cli.main(argv)
    return stop.value.code


def test_login_name_with_control_characters_is_refused_before_any_audit(world, tmp_path, capsys,
                                                                        monkeypatch) -> None:
    from hexie_desktop import cli

    monkeypatch.setenv("HEXIE_PASSWORD", PASSWORD)
    conn = sqlite3.connect(world[0] / "hexie.sqlite3")
    entries = conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    conn.close()
    capsys.readouterr()
    code = cli.main(["--data-dir", str(world[0]), "--user", "ad\x1b[31mmin", "case", "list"])
    err = capsys.readouterr().err
    assert code == 1 and len(err.splitlines()) == 1 and "username" in err and "\x1b" not in err
    conn = sqlite3.connect(world[0] / "hexie.sqlite3")
    assert conn.execute("SELECT count(*) FROM audit_log").fetchone()[0] == entries
    conn.close()


@pytest.mark.parametrize("argv", [["case", "add"], ["settings", "set"]])
def test_deep_json_in_a_separate_process(world, tmp_path, argv) -> None:
    """A RecursionError would show as a traceback here; it must be one line and exit code 1."""
    path = tmp_path / "deep.json"
    path.write_text(DEEP, encoding="utf-8")
    env = {"HEXIE_PASSWORD": PASSWORD, "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-m", "hexie_desktop", "--data-dir", str(world[0]), *argv, "--json",
                           str(path)], capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 1 and done.stderr.count("\n") == 1 and "--json" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
