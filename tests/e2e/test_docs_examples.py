"""Every JSON example in docs/CLI.md runs as written through the real command line (issue 16 #11).

A block fenced as ```` ```json case add ```` is the ``--json`` file of ``hexie case add``; ``NUMBER``
stands for the case the ``case add`` example created.  The example's ID number and credit code
must pass their own checks (no warning either), and the deadline example must be what the
program computes.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

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
