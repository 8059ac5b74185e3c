"""The linters run in CI: ruff over the code, tests and scripts; mypy over core/, storage/, services/.

Both are configured in pyproject.toml.  What they reported when they were introduced is
recorded in tests/tooling-baseline.json as counts per file and rule; a count above its
baseline (a new finding) fails, and so does a count below it, so that the baseline only ever
shrinks (rewrite it with ``python tests/unit/test_tooling.py --write`` after fixing findings).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BASELINE = ROOT / "tests" / "tooling-baseline.json"
_MYPY_LINE = re.compile(r"^(?P<file>[^:]+):\d+: error: .*\[(?P<code>[a-z0-9-]+)\]$")


def _tool(name: str) -> str:
    beside = Path(sys.executable).with_name(name)
    return str(beside) if beside.exists() else name


def ruff_findings() -> Counter[str]:
    """``file::rule`` → how many findings ruff reports."""
    result = subprocess.run([_tool("ruff"), "check", "--output-format", "json", "--no-cache",
                             "hexie_desktop", "tests", "scripts"], cwd=ROOT, capture_output=True, text=True,
                            timeout=300, check=False)
    if result.returncode not in (0, 1):
        raise RuntimeError(result.stderr)
    found: Counter[str] = Counter()
    for item in json.loads(result.stdout or "[]"):
        rel = Path(item["filename"]).resolve().relative_to(ROOT).as_posix()
        found[f"{rel}::{item['code']}"] += 1
    return found


def mypy_findings() -> Counter[str]:
    """``file::error-code`` → how many errors mypy reports (files and options from pyproject.toml)."""
    result = subprocess.run([_tool("mypy"), "--no-error-summary", "--show-error-codes", "--no-pretty"],
                            cwd=ROOT, capture_output=True, text=True, timeout=900, check=False)
    found: Counter[str] = Counter()
    for line in result.stdout.splitlines():
        match = _MYPY_LINE.match(line.strip())
        if match:
            found[f"{match['file']}::{match['code']}"] += 1
        elif ": error:" in line:
            found[f"{line.split(':', 1)[0]}::unknown"] += 1
    if result.returncode not in (0, 1) or (result.returncode == 1 and not found):
        raise RuntimeError(result.stdout + result.stderr)
    return found


def _baseline(tool: str) -> Counter[str]:
    return Counter(json.loads(BASELINE.read_text(encoding="utf-8"))[tool])


def _compare(tool: str, found: Counter[str]) -> None:
    known = _baseline(tool)
    worse = {k: (known.get(k, 0), n) for k, n in found.items() if n > known.get(k, 0)}
    better = {k: (n, found.get(k, 0)) for k, n in known.items() if found.get(k, 0) < n}
    assert not worse, f"new {tool} findings (baseline → now):\n" + "\n".join(
        f"  {k}: {a} → {b}" for k, (a, b) in sorted(worse.items()))
    assert not better, (f"{tool} findings fixed — shrink the baseline (python tests/unit/test_tooling.py --write):\n"
                        + "\n".join(f"  {k}: {a} → {b}" for k, (a, b) in sorted(better.items())))


def test_ruff_finds_nothing_new():
    _compare("ruff", ruff_findings())


@pytest.mark.slow
def test_mypy_finds_nothing_new():
    _compare("mypy", mypy_findings())


def test_ruff_reports_a_planted_finding(tmp_path):
    """The check can fail: ruff run the same way reports an unused import in a planted file."""
    planted = tmp_path / "planted.py"
    planted.write_text("import os\n")
    result = subprocess.run([_tool("ruff"), "check", "--output-format", "json", "--no-cache", str(planted)],
                            cwd=ROOT, capture_output=True, text=True, timeout=60, check=False)
    assert any(item["code"] == "F401" for item in json.loads(result.stdout))


def test_mypy_line_pattern_reads_an_error():
    match = _MYPY_LINE.match('hexie_desktop/core/x.py:3: error: Incompatible types in assignment [assignment]')
    assert match and (match["file"], match["code"]) == ("hexie_desktop/core/x.py", "assignment")


if __name__ == "__main__":
    if sys.argv[1:] == ["--write"]:
        BASELINE.write_text(json.dumps({"ruff": dict(sorted(ruff_findings().items())),
                                        "mypy": dict(sorted(mypy_findings().items()))},
                                       ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {BASELINE}")
