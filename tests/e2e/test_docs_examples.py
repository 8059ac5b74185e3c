"""Every example in docs/ runs as written through the real command line (issue 16 #11).

docs/CLI.md: a block fenced as ```` ```json case add ```` is the ``--json`` file of ``hexie case
add``; ``NUMBER`` stands for the case the ``case add`` example created.  The example's ID number
and credit code must pass their own checks (no warning either), and the deadline example must be
what the program computes.

docs/EXCHANGE-USER.md and docs/REPORTS.md: a block fenced as ```` ```sh 乡镇 ```` or ```` ```sh 区里 ````
is typed, line by line, at the township's or the district's PC (one folder holds the files both
exchange, as a USB stick would); ``"指纹"`` is the fingerprint read out over the phone, i.e. the
one of the card being trusted.  Every other ``hexie …`` command the two documents quote (in
backticks or plain blocks) must at least be a valid command line for the real parser.
"""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest

from tests.e2e.exchange_support import PASSPHRASE, PASSWORD, closing_cli
from tests.e2e.test_cli import hexie

DOC = Path(__file__).resolve().parents[2] / "docs" / "CLI.md"
BLOCK = re.compile(r"^```json (?P<command>[^\n]+)\n(?P<body>.*?)^```", re.MULTILINE | re.DOTALL)


def examples() -> list[tuple[list[str], str]]:
    """(command words, JSON text) of each runnable example, in the order of the document."""
    return [(m["command"].split(), m["body"]) for m in BLOCK.finditer(DOC.read_text(encoding="utf-8"))]


def test_cli_doc_has_runnable_examples() -> None:
    commands = [" ".join(words) for words, _body in examples()]
    assert "case add" in commands and any(c.startswith("case act") for c in commands)
    assert "```json\n" not in DOC.read_text(encoding="utf-8"), "every JSON block names its command"


def test_every_cli_json_example_runs_as_written(tmp_path) -> None:
    station = tmp_path / "station"
    init = hexie(station, "init", "--role", "township", "--unit-code", "110105001",
                 "--unit-name", "东坝乡劳动人事争议调解中心", "--short-name", "东坝", "--admin", "admin")
    assert init.returncode == 0, init.stderr
    number = None
    for index, (words, body) in enumerate(examples()):
        json.loads(body)                                   # valid JSON as printed
        path = tmp_path / f"example{index}.json"
        path.write_text(body, encoding="utf-8")
        args = [number if w == "NUMBER" else w for w in words]
        assert None not in args, f"{' '.join(words)}: NUMBER before any case add example"
        extra = ["--output-json"] if words[:2] == ["case", "add"] else []
        result = hexie(station, *args, "--json", str(path), *extra)
        assert result.returncode == 0, f"{' '.join(words)}: {result.stderr}"
        if words[:2] == ["case", "add"]:
            created = json.loads(result.stdout)["created"]
            assert created[0]["warnings"] == [], created[0]["warnings"]
            number = created[0]["number"]
    assert number is not None
    shown = json.loads(hexie(station, "case", "show", number, "--json").stdout)
    received, ends = re.search(r"received (\d{4}-\d\d-\d\d) → mediation period ends (\d{4}-\d\d-\d\d)",
                               DOC.read_text(encoding="utf-8")).groups()
    assert shown["received_on"] == received and shown["deadlines"]["mediation"] == ends


DOCS = Path(__file__).resolve().parents[2] / "docs"
SH_BLOCK = re.compile(r"^```sh (?P<where>乡镇|区里)\n(?P<body>.*?)^```", re.MULTILINE | re.DOTALL)
QUOTED = re.compile(r"`(hexie [^`]+)`|^(hexie [^\n]+)$", re.MULTILINE)


def sh_examples(name: str) -> list[tuple[str, list[str]]]:
    """(where, command words without ``hexie``) of each runnable line of the ``sh`` blocks of ``name``."""
    found = []
    for block in SH_BLOCK.finditer((DOCS / name).read_text(encoding="utf-8")):
        for line in block["body"].splitlines():
            words = shlex.split(line, comments=True)
            if words:
                assert words[0] == "hexie", line
                found.append((block["where"], words[1:]))
    return found


def quoted_commands(name: str) -> list[list[str]]:
    """Every ``hexie …`` the document quotes, as words (synopsis lines with KIND or [options] left out)."""
    out = []
    for match in QUOTED.finditer((DOCS / name).read_text(encoding="utf-8")):
        text = (match[1] or match[2]).split("  #")[0].strip()
        if "[" in text or re.search(r"\b[A-Z]{3,}\b", text):
            continue
        words = shlex.split(text)
        while words[-1] in ("…", "...") and not words[-2].startswith("-"):  # "init --role district …"
            words.pop()
        if len(words) == 2 and not words[1].startswith("-"):
            continue  # the command's name in a sentence ("`hexie init`、设置和读名片时一律拒绝")
        out.append(words[1:])
    return out


@pytest.mark.parametrize("name", ["EXCHANGE-USER.md", "REPORTS.md"])
def test_every_quoted_command_is_a_valid_command_line(name: str) -> None:
    from hexie_desktop.cli import build_parser

    commands = quoted_commands(name)
    assert len(commands) >= 4
    for words in commands:
        try:
            build_parser().parse_args(words)
        except SystemExit as exit_:  # --help exits 0
            if exit_.code:
                pytest.fail(f"{name}: hexie {' '.join(words)} → usage error ({exit_.code})")


def _fingerprint(card: Path) -> str:
    from hexie_desktop.services.exchange import read_card

    return read_card(card).fingerprint


def _run_examples(name: str, folder: Path, monkeypatch, capsys, stations: dict[str, Path]) -> list[str]:
    monkeypatch.setenv("HEXIE_PASSWORD", PASSWORD)
    monkeypatch.setenv("HEXIE_KEY_PASSPHRASE", PASSPHRASE)
    monkeypatch.delenv("HEXIE_DATA_DIR", raising=False)
    monkeypatch.chdir(folder)
    run = closing_cli(monkeypatch)
    ran = []
    for where, words in sh_examples(name):
        if "--fingerprint" in words and words[words.index("--fingerprint") + 1] == "指纹":
            card = folder / words[words.index("trust") + 1]
            words = [_fingerprint(card) if w == "指纹" else w for w in words]
        code = run(["--data-dir", str(stations[where]), *words])
        out = capsys.readouterr()
        assert code == 0, f"{name} ({where}): hexie {' '.join(words)} → {code}: {out.err}"
        ran.append(" ".join(words[:2]))
    return ran


def test_exchange_walkthrough_runs_as_written(tmp_path, monkeypatch, capsys) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    stations = {"乡镇": tmp_path / "town", "区里": tmp_path / "district"}
    ran = _run_examples("EXCHANGE-USER.md", stick, monkeypatch, capsys, stations)
    assert {"keys card", "keys trust", "export --out", "import 东坝.hxp", "import 回执.hxp"} <= set(ran)
    assert (stick / "朝阳区-私钥.age").exists() and list(stick.glob("东坝-邮件.hxp*"))


def test_reports_examples_run_as_written(tmp_path, monkeypatch, capsys) -> None:
    from openpyxl import load_workbook

    folder = tmp_path / "work"
    folder.mkdir()
    town = tmp_path / "town"
    monkeypatch.setenv("HEXIE_PASSWORD", PASSWORD)
    setup = closing_cli(monkeypatch)
    assert setup(["--data-dir", str(town), "init", "--role", "township", "--unit-code", "110105001",
                  "--unit-name", "东坝乡劳动人事争议调解中心", "--short-name", "东坝", "--admin", "admin"]) == 0
    assert setup(["--data-dir", str(town), "demo", "--cases", "20"]) == 0
    capsys.readouterr()
    _run_examples("REPORTS.md", folder, monkeypatch, capsys, {"乡镇": town})
    for made in ("2026年10月统计月报.xlsx", "2026年调解工作台账.xlsx", "调解员导入模板.xlsx", "导入报告.xlsx"):
        assert load_workbook(folder / made, read_only=True).sheetnames, made
