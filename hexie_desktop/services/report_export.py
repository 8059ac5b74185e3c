"""Exporting a workbook to a file: checks, atomic write, audit entry.

``export(ctx, kind, out)`` is what ``hexie report`` and the statistics screen call;
``plan_progress`` and ``plan_report`` write the action plan's two workbooks.  The services
gather the data, ``reports/`` writes it: the file is written to a temporary file beside
``out`` and moved into place only after the workbook is complete and the export has been
recorded in the audit log; a refused export (an oversized cell, a missing right) leaves no
file behind.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from hexie_desktop.core import stats
from hexie_desktop.core.errors import UserError
from hexie_desktop.core.i18n import _
from hexie_desktop.fileio import atomic_path
from hexie_desktop.reports import ledgers
from hexie_desktop.services import imports
from hexie_desktop.services import reports as data
from hexie_desktop.services.context import Context

if TYPE_CHECKING:  # imported where used: a ledger export loads neither openpyxl nor the plan's reports
    from hexie_desktop.services import plan, plan_upward
    from hexie_desktop.services.excel_import import ImportReport

KINDS = data.REPORT_KINDS
STATISTICS_KINDS = data.STATISTICS_KINDS


@dataclass(frozen=True)
class ExportResult:
    """What was written: the file, its kind and title, how many rows, whether unmasked."""

    path: Path
    kind: str
    title: str
    rows: int
    unmasked: bool
    period: stats.Period | None


def statistics_period(kind: str, period: stats.Period | None, today: date) -> stats.Period:
    """The period of a statistics report: the one given (of the report's kind, or custom), else the current one."""
    wanted = STATISTICS_KINDS[kind]
    if period is None:
        return stats.containing(wanted, today)
    if period.kind not in (wanted, "custom"):
        raise UserError(_("{title}的期间应为{what}（或自定义起止日期），而不是“{code}”").format(
            title=KINDS[kind], what={"month": _("某月，如 2026-10"), "quarter": _("某季度，如 2026-Q3"),
                                     "year": _("某年，如 2026")}[wanted], code=period.code), field="period")
    return period


def check_target(out: Path) -> Path:
    """``out`` as a path, refused unless it names an ``.xlsx`` file (not a folder)."""
    out = Path(out)
    if out.suffix.lower() != ".xlsx":
        raise UserError(_("输出文件应以 .xlsx 结尾：{name}").format(name=out.name), field="out")
    if out.is_dir():
        raise UserError(_("输出位置是一个文件夹：{path}").format(path=out), field="out")
    return out


def export(ctx: Context, kind: str, out: Path, *, period: stats.Period | None = None, unmask: bool = False,
           progress: Callable[[int], None] | None = None) -> ExportResult:
    """Write the workbook ``kind`` (statistics report or ledger) to ``out``; audited."""
    out = check_target(out)
    if kind not in KINDS:
        raise UserError(_("未知的报表类型：{kind}（可用：{allowed}）").format(kind=kind, allowed="、".join(KINDS)),
                        field="kind")
    if kind in STATISTICS_KINDS:
        if unmask:
            raise UserError(_("统计报表不含个人信息，无需 --unmask"), field="unmask")
        from hexie_desktop.reports import statistics

        chosen = statistics_period(kind, period, ctx.today)
        result = data.statistics(ctx, chosen, progress=progress)
        with atomic_path(out) as tmp:
            rows = statistics.write_file(tmp, result)
            data.record_export(ctx, kind, out.name, rows=rows, unmask=False, period=chosen)
        return ExportResult(out, kind, KINDS[kind], rows, False, chosen)
    ledger = data.ledger(ctx, kind, period=period, unmask=unmask)
    with atomic_path(out) as tmp:
        rows = ledgers.write_file(tmp, ledger, progress)
        data.record_export(ctx, kind, out.name, rows=rows, unmask=unmask, period=period)
    return ExportResult(out, kind, ledger.title, rows, unmask, period)


def template(ctx: Context, kind: str, out: Path) -> Path:
    """Write the import template of ``kind`` to ``out`` (no data, so not audited)."""
    from hexie_desktop.reports import templates

    ctx.require("read")
    out = check_target(out)
    columns = imports.columns(kind)
    with atomic_path(out) as tmp:
        templates.write_file(tmp, kind, imports.IMPORT_KINDS[kind], columns)
    return out


def count_rows(ctx: Context, kind: str, period: stats.Period | None = None) -> int:
    """How many rows an export of ``kind`` will write (for a progress bar)."""
    if kind in STATISTICS_KINDS:
        return 0
    return data.ledger(ctx, kind, period=period).count


def plan_progress(ctx: Context, period: stats.Period, out: Path) -> plan.PlanProgress:
    """Compute the plan progress of ``period`` and write it to ``out`` (.xlsx, atomically); audited."""
    from hexie_desktop.reports import plan as plan_workbook
    from hexie_desktop.services import plan

    out = check_target(out)
    result = plan.progress(ctx, period)
    with atomic_path(out) as tmp:
        rows = plan_workbook.write_file(tmp, result)
        data.record_export(ctx, "plan_progress", out.name, rows=rows, unmask=False, period=period)
    return result


def plan_report(ctx: Context, period: stats.Period, out: Path) -> plan_upward.UpwardReport:
    """Build the 工作情况 report of ``period`` and write it to ``out`` (.xlsx, atomically); audited."""
    from hexie_desktop.reports import plan_upward as upward_workbook
    from hexie_desktop.services import plan_upward

    out = check_target(out)
    report = plan_upward.build(ctx, period)
    with atomic_path(out) as tmp:
        rows = upward_workbook.write_file(tmp, report)
        data.record_export(ctx, "plan_report", out.name, rows=rows, unmask=False, period=period)
    return report


def import_file(ctx: Context, kind: str, path: Path, *, valid_only: bool = False, report: Path | None = None,
                progress: Callable[[int], None] | None = None) -> ImportReport:
    """Import the workbook ``path`` as ``kind`` (``services.excel_import.import_file``, loaded when first used)."""
    from hexie_desktop.services.excel_import import import_file as run

    return run(ctx, kind, path, valid_only=valid_only, report=report, progress=progress)
