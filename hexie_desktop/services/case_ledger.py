"""The rows of the case ledger (调解工作台账): large keyset pages, one tuple of cells per case.

:func:`rows` yields, for every live case (of ``period`` when given) in the order
received_on, origin, year, seq, id, one tuple in the column order of :data:`KEYS` — the
same values the ledger always had (text, dates, integer 分, ``None``): code labels looked
up once per distinct code, personal data masked unless ``unmask`` (the caller has checked
the right).  Each page of :data:`CHUNK` cases is read in its own short read session
(keyset paging), so a long export never holds the database while people keep working.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from sqlalchemy import and_, func, select, tuple_

from hexie_desktop.core import codes, ids, stats
from hexie_desktop.services.context import Context
from hexie_desktop.services.imports import OUTCOME_CHOICES
from hexie_desktop.storage.models import Agreement, AgreementItem, Case, Employer, Mediator, Party

CHUNK = 2000
"""Cases per page (each page its own read session; the two look-ups of a page bind this many ids)."""

KEYS = ("seq", "number", "received_on", "source", "applicant_name", "applicant_id", "applicant_phone", "workers",
        "respondent_name", "respondent_credit_code", "category", "claimed", "mediator", "accepted_on", "state",
        "outcome", "decided_on", "agreed", "paid", "closed_on", "archive_number")
"""The keys of a row's cells, in order (``services.reports.ledger_columns("cases")`` has the same order)."""

_ORDER = (Case.received_on, Case.origin, Case.year, Case.seq, Case.id)


def _live(model):  # noqa: ANN001, ANN202
    return model.deleted.is_(False)


def query(period: stats.Period | None):  # noqa: ANN201
    """The select of the ledger's cases (joined with their respondent, mediator and live agreement)."""
    statement = (
        select(Case.id, Case.number, Case.received_on, Case.source, Case.workers, Case.main_category,
               Case.claimed_cents, Case.state, Case.accepted_on, Case.rejected_on, Case.failed_on,
               Case.withdrawn_on, Case.closed_on, Case.archive_number, Employer.name.label("respondent"),
               Employer.credit_code, Mediator.name.label("mediator"), Agreement.effective_on, Agreement.agreed_cents)
        .join(Employer, Employer.id == Case.respondent_id)
        .outerjoin(Mediator, Mediator.id == Case.mediator_id)
        .outerjoin(Agreement, and_(Agreement.case_id == Case.id, _live(Agreement)))
        .where(_live(Case))
    )
    if period is not None:
        statement = statement.where(Case.received_on >= period.start, Case.received_on <= period.end)
    return statement


def _labels(table: Any) -> Callable[[str | None], str]:
    """``codes.label`` of ``table``, computed once per distinct code."""
    cache: dict[str | None, str] = {}

    def label(code: str | None) -> str:
        try:
            return cache[code]
        except KeyError:
            made = cache[code] = codes.label(table, code)
            return made

    return label


def rows(ctx: Context, period: stats.Period | None, unmask: bool) -> Iterator[tuple[Any, ...]]:
    """The ledger's rows as tuples of cells in :data:`KEYS` order, numbered from 1."""
    source, category, state = (_labels(codes.CASE_SOURCES), _labels(codes.CLAIM_CATEGORY_SHORT),
                               _labels(codes.CASE_STATES))
    outcomes = {key: OUTCOME_CHOICES.get(key) or None for key in OUTCOME_CHOICES}
    mask_id = (lambda v: v) if unmask else (lambda v: ids.mask_id(v) if v else v)
    mask_phone = (lambda v: v) if unmask else (lambda v: ids.mask_phone(v) if v else v)
    after: tuple | None = None
    seq = 0
    while True:
        with ctx.db.read() as session:
            statement = query(period).add_columns(Case.origin, Case.year, Case.seq)
            if after is not None:
                statement = statement.where(tuple_(*_ORDER) > tuple_(*after))
            connection = session.connection()
            chunk = connection.execute(statement.order_by(*_ORDER).limit(CHUNK)).all()
            if not chunk:
                return
            case_ids = [r[0] for r in chunk]
            first = {r[0]: r for r in connection.execute(
                select(Party.case_id, Party.name, Party.id_number, Party.phone)
                .where(Party.case_id.in_(case_ids), Party.position == 0, _live(Party))).all()}
            paid: dict[str, int | None] = {case_id: total for case_id, total in connection.execute(
                select(AgreementItem.case_id, func.sum(AgreementItem.paid_cents))
                .where(AgreementItem.case_id.in_(case_ids), _live(AgreementItem))
                .group_by(AgreementItem.case_id)).all()}
        # The page's session is closed: its rows are made one at a time while the writer takes them.
        for (case_id, number, received_on, src, workers, main_category, claimed, case_state, accepted_on, rejected_on,
             failed_on, withdrawn_on, closed_on, archive_number, respondent, credit_code, mediator, effective_on,
             agreed_cents, *_order) in chunk:
            seq += 1
            if effective_on is not None:
                outcome, decided = "agreed", effective_on
            elif failed_on is not None:
                outcome, decided = "failed", failed_on
            elif withdrawn_on is not None:
                outcome, decided = "withdrawn", withdrawn_on
            elif rejected_on is not None:
                outcome, decided = "rejected", rejected_on
            else:
                outcome, decided = None, None
            agreed = outcome == "agreed"
            party = first.get(case_id)
            yield (seq, number, received_on, source(src),
                   party[1] if party else None,
                   mask_id(party[2]) if party else None,
                   mask_phone(party[3]) if party else None,
                   workers, respondent, credit_code, category(main_category), claimed, mediator, accepted_on,
                   state(case_state), outcomes.get(outcome) if outcome else None, decided,
                   agreed_cents if agreed else None, int(paid.get(case_id) or 0) if agreed else None,
                   closed_on, archive_number)
        last = chunk[-1]
        after = (last.received_on, last.origin, last.year, last.seq, last.id)
