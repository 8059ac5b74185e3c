"""The case ledger as it was written before issue 12's fast path: the reference the fast one is held to.

:func:`former_rows` is ``services/reports._case_rows`` as it was (one dict per case, keyset
pages); ``ledgers.write_file`` with :func:`former_writer` switched on writes it through
``TableSheet.row`` (XlsxWriter's own cells).  :func:`cells` re-reads a workbook with openpyxl:
every cell's value, type, number format, quote prefix, font, border and alignment, and the
row heights.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import and_, func, select, tuple_

from hexie_desktop.core import codes, ids, stats
from hexie_desktop.reports import xlsx_stream
from hexie_desktop.services.imports import OUTCOME_CHOICES
from hexie_desktop.storage.models import Agreement, AgreementItem, Case, Employer, Mediator, Party


def xml(path) -> dict[str, bytes]:
    """The workbook's parts under ``xl/`` (sheets, styles), byte for byte."""
    with zipfile.ZipFile(path) as book:
        return {name: book.read(name) for name in book.namelist() if name.startswith("xl/")}


def former_writer(monkeypatch: pytest.MonkeyPatch) -> None:
    """Switch the fast row stream off: every row goes through ``TableSheet.row``."""
    monkeypatch.setattr(xlsx_stream, "XLSXWRITER_VERSION", "switched off")


def _live(model):
    return model.deleted.is_(False)


def former_rows(ctx, period: stats.Period | None, unmask: bool, chunk_size: int = 2000) -> Iterator[dict]:
    """services/reports._case_rows as it was before issue 12's fast ledger (one dict per case)."""

    def mask(value, kind):
        if unmask or not value:
            return value
        return ids.mask_id(value) if kind == "id" else ids.mask_phone(value)

    order = (Case.received_on, Case.origin, Case.year, Case.seq, Case.id)
    query = (select(Case.id, Case.number, Case.received_on, Case.source, Case.workers, Case.main_category,
                    Case.claimed_cents, Case.state, Case.accepted_on, Case.rejected_on, Case.failed_on,
                    Case.withdrawn_on, Case.closed_on, Case.archive_number, Employer.name.label("respondent"),
                    Employer.credit_code, Mediator.name.label("mediator"), Agreement.effective_on,
                    Agreement.agreed_cents, Case.origin, Case.year, Case.seq)
             .join(Employer, Employer.id == Case.respondent_id)
             .outerjoin(Mediator, Mediator.id == Case.mediator_id)
             .outerjoin(Agreement, and_(Agreement.case_id == Case.id, _live(Agreement))).where(_live(Case)))
    if period is not None:
        query = query.where(Case.received_on >= period.start, Case.received_on <= period.end)
    after, seq = None, 0
    while True:
        with ctx.db.read() as session:
            page = query if after is None else query.where(tuple_(*order) > tuple_(*after))
            chunk = session.execute(page.order_by(*order).limit(chunk_size)).all()
            if not chunk:
                return
            case_ids = [r.id for r in chunk]
            first = {p.case_id: p for p in session.execute(
                select(Party.case_id, Party.name, Party.id_number, Party.phone)
                .where(Party.case_id.in_(case_ids), Party.position == 0, _live(Party)))}
            paid = dict(session.execute(
                select(AgreementItem.case_id, func.sum(AgreementItem.paid_cents))
                .where(AgreementItem.case_id.in_(case_ids), _live(AgreementItem))
                .group_by(AgreementItem.case_id)).all())
        for r in chunk:
            p = first.get(r.id)
            outcome, decided = next(((o, d) for o, d in (("agreed", r.effective_on), ("failed", r.failed_on),
                                                         ("withdrawn", r.withdrawn_on), ("rejected", r.rejected_on))
                                     if d is not None), (None, None))
            seq += 1
            yield {
                "seq": seq, "number": r.number, "received_on": r.received_on,
                "source": codes.label(codes.CASE_SOURCES, r.source),
                "applicant_name": p.name if p else None,
                "applicant_id": mask(p.id_number, "id") if p else None,
                "applicant_phone": mask(p.phone, "phone") if p else None,
                "workers": r.workers, "respondent_name": r.respondent, "respondent_credit_code": r.credit_code,
                "category": codes.label(codes.CLAIM_CATEGORY_SHORT, r.main_category),
                "claimed": r.claimed_cents, "mediator": r.mediator, "accepted_on": r.accepted_on,
                "state": codes.label(codes.CASE_STATES, r.state),
                "outcome": OUTCOME_CHOICES.get(outcome or "") or None, "decided_on": decided,
                "agreed": r.agreed_cents if outcome == "agreed" else None,
                "paid": int(paid.get(r.id) or 0) if outcome == "agreed" else None,
                "closed_on": r.closed_on, "archive_number": r.archive_number,
            }
        last = chunk[-1]
        after = (last.received_on, last.origin, last.year, last.seq, last.id)


def cells(path) -> list[list[Any]]:
    """Every cell of the active sheet as (value, type, format, quote prefix, bold, border, alignment, wrap)."""
    ws = load_workbook(path).active
    return [[(c.value, c.data_type, c.number_format, c.quotePrefix, c.font.b, c.border.left.style,
              c.alignment.horizontal, c.alignment.wrap_text) for c in row] for row in ws.iter_rows()] + [
        [(ws.row_dimensions[i].height,) for i in range(1, ws.max_row + 1)]]
