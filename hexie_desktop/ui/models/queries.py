"""Read-only calls the GUI models make, each a thin wrapper over one service function."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from hexie_desktop.core.periods import DeadlineSettings, WorkCalendar
from hexie_desktop.services import cases, exchange_status, grading, settings
from hexie_desktop.services.cases import CaseFilter, CaseRow
from hexie_desktop.services.context import Context

PAGE = 200


def case_rows(ctx: Context, ids: list[str]) -> list[CaseRow]:
    """List rows for ``ids`` in that order (masked personal data)."""
    return cases.case_rows(ctx, ids)


def case_ids(ctx: Context, flt: CaseFilter) -> list[str]:
    """Ids of the cases matching ``flt``, newest receipt first."""
    return cases.case_ids(ctx, flt)


@dataclass(frozen=True)
class CaseQueryResult:
    """The outcome of one case-list query: ids in display order."""

    ids: list[str]
    rows: list[CaseRow] | None = None


def run_case_query(ctx: Context, flt: CaseFilter, sort: str | None, descending: bool,
                   grade: str | None = None) -> CaseQueryResult:
    """Ids for ``flt`` ordered by the service (``sort`` None: newest receipt first), only those of
    ``grade`` (简易/一般/重大, computed by core/grading) when given."""
    ids = cases.case_ids(ctx, flt, sort=sort or "received_on", descending=descending)
    return CaseQueryResult(grading.filter_ids(ctx, ids, grade) if grade else ids)


def grade_labels(ctx: Context, ids: list[str]) -> dict[str, str]:
    """Per case id: its grade (简易/一般/重大) for the 分级 column."""
    from hexie_desktop.core.grading import GRADES

    return {case_id: GRADES[code] for case_id, code in grading.grade_codes(ctx, ids).items()}


def exchange_labels(ctx: Context, ids: list[str]) -> dict[str, str]:
    """Per case id: where its current version is in the exchange ("已随第3号数据包导出，区里已确认" …)."""
    return {case_id: status.label for case_id, status in exchange_status.case_status(ctx, ids).items()}


def station_settings(ctx: Context) -> dict[str, Any]:
    """Every setting with its current value."""
    return settings.read_all(ctx)


def deadline_setup(ctx: Context) -> tuple[DeadlineSettings, WorkCalendar]:
    """The configured period lengths and the working-day calendar (for intake warnings)."""
    return settings.deadline_setup(ctx)
