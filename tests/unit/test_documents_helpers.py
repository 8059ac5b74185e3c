"""Shared helpers of the document tests: fixtures on disk and poppler-utils wrappers (no tests here).

poppler-utils is required, not optional: ``scripts/setup.sh --test`` installs it.
"""

from __future__ import annotations

import copy
import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from html import unescape
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "documents"
POPPLER = ("pdffonts", "pdftotext", "pdfinfo", "pdftoppm")


def load(name: str) -> dict:
    """A fixture from ``tests/fixtures/documents`` (a fresh copy every time)."""
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def individual() -> dict:
    """One worker (黄䶮), a respondent with a long address, 12 agreement items."""
    return load("case_individual.json")


def collective() -> dict:
    """Thirty workers (邓𬌗, 黄䶮 …), three representatives, an annex, and each worker's amount
    (the items' total shared out, LDTJ art. 16)."""
    case = load("case_collective.json")
    agreement = case.get("agreement")
    if agreement and not agreement.get("shares"):
        total = sum(round(float(i["amount"]) * 100) for i in agreement.get("items") or [])
        people = case["applicants"]
        each, rest = divmod(total, len(people))
        due = max((i.get("due_on") or "" for i in agreement["items"]), default="") or None
        agreement["shares"] = [
            {"applicant_id": p.get("id"), "name": p.get("name"),
             "amount": f"{(each + (rest if n == 0 else 0)) / 100:.2f}", "due_on": due} for n, p in enumerate(people)]
    return case


def station() -> dict:
    """The station settings."""
    return load("station.json")


def organization() -> dict:
    """The organization of the wall boards."""
    return load("organization.json")


def rejected(case: dict) -> dict:
    """``case`` turned into a rejected one."""
    case = copy.deepcopy(case)
    case["state"] = "rejected"
    case["decision"].update(accepted_on=None, rejected_on="2026-09-18", rejection_reason="respondent_refuses",
                            rejection_reason_label="被申请人不同意调解")
    return case


def failed(case: dict) -> dict:
    """``case`` turned into one where mediation failed."""
    case = copy.deepcopy(case)
    case["state"] = "failed"
    case["agreement"] = None
    case["decision"].update(failed_on="2026-10-09", failure_reason="period_lapsed",
                            failure_reason_label="调解期限届满未达成协议")
    return case


def require_poppler() -> None:
    """Fail (never skip) when poppler-utils is missing."""
    missing = [tool for tool in POPPLER if shutil.which(tool) is None]
    assert not missing, f"poppler-utils missing ({', '.join(missing)}): run scripts/setup.sh --test"


def run(*args: str) -> str:
    """Run a poppler tool and return its standard output."""
    result = subprocess.run(list(args), capture_output=True, text=True, encoding="utf-8", timeout=60,
                            check=False)
    assert result.returncode == 0, f"{args[0]} failed: {result.stderr}"
    return result.stdout


@dataclass(frozen=True)
class PdfFont:
    """One line of ``pdffonts``."""

    name: str
    kind: str
    embedded: bool
    subset: bool
    unicode: bool


def fonts_of(pdf: Path) -> list[PdfFont]:
    """The fonts ``pdffonts`` lists."""
    lines = run("pdffonts", str(pdf)).splitlines()[2:]
    out = []
    for line in lines:
        parts = line.split()
        # name type [type2] encoding emb sub uni object ID
        emb, sub, uni = parts[-5], parts[-4], parts[-3]
        out.append(PdfFont(parts[0], " ".join(parts[1:-6]), emb == "yes", sub == "yes", uni == "yes"))
    return out


def info_of(pdf: Path) -> dict[str, str]:
    """``pdfinfo`` as a dict."""
    out = {}
    for line in run("pdfinfo", str(pdf)).splitlines():
        key, _sep, value = line.partition(":")
        out[key.strip()] = value.strip()
    return out


PAGE_FURNITURE = re.compile(r"第\d+页共\d+页|当事人签名：调解员签名：记录人签名：")


def text_of(pdf: Path) -> str:
    """All text of the PDF with whitespace, page numbers and per-page notes removed (so text
    running over a page break reads as one)."""
    return PAGE_FURNITURE.sub("", re.sub(r"\s+", "", run("pdftotext", "-enc", "UTF-8", str(pdf), "-")))


def squash(text: str) -> str:
    """``text`` without whitespace, as :func:`text_of` gives it."""
    return re.sub(r"\s+", "", text)


@dataclass(frozen=True)
class Word:
    """A word of ``pdftotext -bbox`` (points, origin at the top-left corner)."""

    page: int
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')
_WORD = re.compile(r'<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">(.*?)</word>')


def words_of(pdf: Path) -> tuple[list[tuple[float, float]], list[Word]]:
    """(page sizes, words) from ``pdftotext -bbox``."""
    html = run("pdftotext", "-bbox", "-enc", "UTF-8", str(pdf), "-")
    pages: list[tuple[float, float]] = []
    words: list[Word] = []
    for chunk in html.split("<page ")[1:]:
        match = _PAGE.search("<page " + chunk)
        assert match
        pages.append((float(match.group(1)), float(match.group(2))))
        for w in _WORD.finditer(chunk):
            words.append(Word(len(pages), unescape(w.group(5)), *(float(w.group(i)) for i in range(1, 5))))
    return pages, words
