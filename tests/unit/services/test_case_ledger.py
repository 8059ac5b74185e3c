"""services/case_ledger.py: the case ledger's rows, paged by key, numbered, masked unless asked."""

from __future__ import annotations

from sqlalchemy import func, select

from hexie_desktop.core import ids, stats
from hexie_desktop.services import case_ledger
from hexie_desktop.storage.models import Case


def _live_cases(ctx, period=None) -> int:
    with ctx.db.read() as session:
        query = select(func.count()).select_from(Case).where(Case.deleted.is_(False))
        if period is not None:
            query = query.where(Case.received_on >= period.start, Case.received_on <= period.end)
        return session.execute(query).scalar_one()


def test_pages_of_any_size_give_every_case_once_in_received_order(ctx, monkeypatch):
    whole = list(case_ledger.rows(ctx, None, unmask=False))
    monkeypatch.setattr(case_ledger, "CHUNK", 3)  # many page boundaries, some inside one received day
    paged = list(case_ledger.rows(ctx, None, unmask=False))
    assert paged == whole and len(whole) == _live_cases(ctx) > 3
    assert [row[0] for row in whole] == list(range(1, len(whole) + 1))
    numbers = [row[case_ledger.KEYS.index("number")] for row in whole]
    assert len(set(numbers)) == len(numbers)
    received = [row[case_ledger.KEYS.index("received_on")] for row in whole]
    assert received == sorted(received)
    assert all(len(row) == len(case_ledger.KEYS) for row in whole)


def test_a_period_keeps_only_its_cases(ctx):
    period = stats.year(ctx.today.year)
    rows = list(case_ledger.rows(ctx, period, unmask=False))
    assert len(rows) == _live_cases(ctx, period)
    assert all(period.start <= row[case_ledger.KEYS.index("received_on")] <= period.end for row in rows)


def test_personal_data_is_masked_unless_unmasked(ctx):
    at_id, at_phone = case_ledger.KEYS.index("applicant_id"), case_ledger.KEYS.index("applicant_phone")
    masked = list(case_ledger.rows(ctx, None, unmask=False))
    plain = list(case_ledger.rows(ctx, None, unmask=True))
    pairs = [(m, p) for m, p in zip(masked, plain, strict=True) if p[at_id]]
    assert pairs, "the template's cases have applicants with ID numbers"
    for m, p in pairs:
        assert m[at_id] == ids.mask_id(p[at_id]) != p[at_id]
        if p[at_phone]:
            assert m[at_phone] == ids.mask_phone(p[at_phone]) != p[at_phone]
