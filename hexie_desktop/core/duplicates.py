"""Likely double registration: the same workers against the same employer within a short time.

Offices re-register a dispute when a worker comes back, or when two mediators take the same
group.  A new case is *likely* a duplicate of an earlier one when the respondent is the same
employer, the two receipt dates lie within :data:`WINDOW_DAYS` of each other and at least one
applicant's ID number appears in both.  It is only a warning: the same worker may have a second,
different dispute.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from hexie_desktop.core.i18n import _

WINDOW_DAYS = 90


@dataclass(frozen=True)
class EarlierCase:
    """An earlier case of the same employer: its number, receipt date and applicants' ID numbers."""

    number: str
    received_on: date
    id_numbers: frozenset[str]


def window(received_on: date) -> tuple[date, date]:
    """The receipt dates an earlier case must fall in to count as a likely duplicate."""
    return received_on - timedelta(days=WINDOW_DAYS), received_on + timedelta(days=WINDOW_DAYS)


def likely_duplicates(id_numbers: set[str], received_on: date, earlier: list[EarlierCase]) -> list[str]:
    """One warning per earlier case sharing an applicant within the window, most overlap first."""
    low, high = window(received_on)
    hits = []
    for case in earlier:
        shared = id_numbers & case.id_numbers
        if shared and low <= case.received_on <= high:
            hits.append((len(shared), case))
    hits.sort(key=lambda hit: (-hit[0], hit[1].received_on))
    return [
        _("可能重复登记：{number}（{on}登记）与本案是同一被申请人，有 {n} 名申请人相同").format(
            number=case.number, on=case.received_on.isoformat(), n=n)
        for n, case in hits
    ]
