"""Read-only helpers for the GUI models: they only call service functions inside a read session.

Stop-gap until the services offer context-level calls for these (see the GUI report):
the case list needs the id list of a filter and rows for a page of ids; the settings and
intake screens need the current settings.  Nothing here writes, and no SQL is written here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from hexie_desktop.core.periods import DeadlineSettings, WorkCalendar
from hexie_desktop.services import settings
from hexie_desktop.services.cases import CaseFilter, CaseRow, filtered_ids, rows_for
from hexie_desktop.services.context import Context

PAGE = 200
CLIENT_SORT_LIMIT = 20000


def case_ids(ctx: Context, flt: CaseFilter) -> list[str]:
    """Ids of the cases matching ``flt``, newest receipt first."""
    ctx.require("read")
    with ctx.db.read() as session:
        return list(session.execute(filtered_ids(session, flt)).scalars())


def case_rows(ctx: Context, ids: list[str]) -> list[CaseRow]:
    """List rows for ``ids`` in that order (masked personal data)."""
    ctx.require("read")
    out: list[CaseRow] = []
    with ctx.db.read() as session:
        for start in range(0, len(ids), 500):
            out += rows_for(session, ids[start:start + 500])
    return out


@dataclass(frozen=True)
class CaseQueryResult:
    """The outcome of one case-list query: ids in display order, rows when they were all needed."""

    ids: list[str]
    rows: list[CaseRow] | None
    sort_refused: bool


def run_case_query(ctx: Context, flt: CaseFilter, sort_key: Callable[[CaseRow], Any] | None,
                   descending: bool, natural: bool) -> CaseQueryResult:
    """Ids for ``flt`` ordered for display.

    ``natural`` is the service's own order (receipt date, newest first), reversed when not
    ``descending``.  Any other order needs every row, so it is done here only up to
    :data:`CLIENT_SORT_LIMIT` matches; beyond that ``sort_refused`` is set and the natural
    order kept.
    """
    ids = case_ids(ctx, flt)
    if natural or sort_key is None:
        return CaseQueryResult(ids if descending else ids[::-1], None, False)
    if len(ids) > CLIENT_SORT_LIMIT:
        return CaseQueryResult(ids, None, True)
    rows = sorted(case_rows(ctx, ids), key=sort_key, reverse=descending)
    return CaseQueryResult([r.id for r in rows], rows, False)


def station_settings(ctx: Context) -> dict[str, Any]:
    """Every setting with its current value."""
    ctx.require("read")
    with ctx.db.read() as session:
        return settings.all_settings(session)


def deadline_setup(ctx: Context) -> tuple[DeadlineSettings, WorkCalendar]:
    """The configured period lengths and the working-day calendar (for intake warnings)."""
    ctx.require("read")
    with ctx.db.read() as session:
        return settings.deadline_settings(session), settings.calendar(session)
