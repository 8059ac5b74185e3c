"""services/plan_printing.py: the 工作情况 summary and the 选树 list as PDFs (checked with pdftotext)."""

from __future__ import annotations

import subprocess

import pytest

from hexie_desktop.core import stats
from hexie_desktop.core.errors import UserError
from hexie_desktop.services import plan_printing


def test_the_summary_prints_with_the_station_name(ctx, tmp_path):
    out = tmp_path / "summary.pdf"
    plan_printing.print_summary(ctx, stats.year(ctx.today.year), out)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "测试街道劳动人事争议调解中心" in text.replace(" ", "")


def test_a_wrong_file_name_is_refused_before_anything_is_written(ctx, tmp_path, digest):
    before = digest()
    with pytest.raises(UserError, match=".pdf"):
        plan_printing.print_summary(ctx, stats.year(ctx.today.year), tmp_path / "summary.xlsx")
    assert not (tmp_path / "summary.xlsx").exists() and digest() == before
