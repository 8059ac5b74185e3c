"""services/case_queries.py: reading one case, masked unless an allowed role asks (and that is audited)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from hexie_desktop.core.errors import NotAllowed, NotFound
from hexie_desktop.services import case_queries
from hexie_desktop.services.cases import CaseFilter, list_cases
from hexie_desktop.storage.models import AuditEntry


def _number(ctx) -> str:
    return list_cases(ctx, CaseFilter())[0].number


def test_the_masked_view_hides_id_numbers_and_unmasking_is_audited(station, ctx, digest):
    number = _number(ctx)
    before = digest()
    masked = case_queries.view(ctx, number)
    assert digest() == before  # a plain read writes nothing
    plain = case_queries.view(ctx, number, unmask=True)
    full, hidden = plain.applicants[0].id_number, masked.applicants[0].id_number
    assert full and hidden and hidden != full and hidden[:2] == full[:2]
    with station.db.read() as session:
        last = session.execute(select(AuditEntry.action, AuditEntry.summary).order_by(AuditEntry.id.desc())).first()
    assert tuple(last) == ("pii.unmask", number)
    assert case_queries.show(ctx, number)["number"] == number


def test_refusals_change_nothing(ctx, as_user, digest):
    number = _number(ctx)
    before = digest()
    with pytest.raises(NotAllowed):
        case_queries.view(as_user("clerk"), number, unmask=True)
    with pytest.raises(NotFound):
        case_queries.view(ctx, "（2099）无此案号")
    assert digest() == before
