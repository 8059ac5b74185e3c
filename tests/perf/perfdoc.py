"""Shared by the benchmarks: the machine's load, and writing one section of docs/PERFORMANCE.md."""

from __future__ import annotations

import os
import re
from pathlib import Path

DOC = Path(__file__).resolve().parents[2] / "docs" / "PERFORMANCE.md"


def load() -> str:
    """The load average now, e.g. ``load average 9.1 (5 min 8.7) on 2 cores`` (numbers are noisy above 2)."""
    one, five, _fifteen = os.getloadavg()
    return f"load average {one:.1f} (5 min {five:.1f}) on {os.cpu_count()} cores"


def table(rows: list[tuple[str, str, str]]) -> str:
    """A Markdown table: what, ours, baseline in the same run."""
    return ("| what | ours | baseline in the same run |\n|---|---|---|\n"
            + "\n".join(f"| {a} | {b} | {c} |" for a, b, c in rows) + "\n")


def write_section(title: str, section: str) -> None:
    """Replace the section ``## title`` of docs/PERFORMANCE.md with ``section`` (appended when new)."""
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Performance\n\n"
    if f"## {title}\n" in text:
        text = re.sub(rf"## {re.escape(title)}\n.*?(?=\n## |\Z)", lambda _m: section, text, flags=re.S)
    else:
        text = text.rstrip() + "\n\n" + section
    DOC.write_text(text, encoding="utf-8")
