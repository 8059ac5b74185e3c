"""Printing the action plan's papers (issue 14): gather the data, lay it out with
``documents/plan_papers.py``, write the PDF and record one audit entry per paper."""

from __future__ import annotations

from pathlib import Path

from hexie_desktop.core import stats
from hexie_desktop.core.errors import UserError
from hexie_desktop.core.i18n import _
from hexie_desktop.documents import plan_papers
from hexie_desktop.services import plan_upward, selection
from hexie_desktop.services.context import Context
from hexie_desktop.services.plan_upward import UpwardReport
from hexie_desktop.services.reports import record_export


def _check(out: Path) -> Path:
    if Path(out).suffix.lower() != ".pdf":
        raise UserError(_("请保存为 .pdf 文件"), field="out")
    return Path(out)


def print_publication(ctx: Context, year: object, out: Path, kind: str | None = None) -> int:
    """Print the 选树结果名单 of ``year`` (one kind or all) to ``out``; returns the page count (audited)."""
    out = _check(out)
    data = selection.publication(ctx, year, kind)
    pages = plan_papers.write(plan_papers.publication_document(data), out, data["meta"].unit_name)
    record_export(ctx, "selection_list", out.name, rows=data["total"], unmask=False, period=stats.year(data["year"]))
    return pages


def print_summary(ctx: Context, period: stats.Period, out: Path) -> UpwardReport:
    """Print the 工作情况 summary of ``period`` to ``out`` (audited)."""
    out = _check(out)
    report = plan_upward.build(ctx, period)
    plan_papers.write(plan_papers.summary_document(report), out, report.meta.unit_name)
    record_export(ctx, "plan_report_pdf", out.name, rows=sum(len(s.lines) for s in report.sections),
                  unmask=False, period=period)
    return report
