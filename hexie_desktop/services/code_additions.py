"""Code-table additions held by this station (from the district's reference data), put into the code tables.

Kept apart from :mod:`hexie_desktop.services.exchange` (which re-exports both functions) because every
station opening calls :func:`load_codes`: opening must not load the exchange package (age, cryptography,
alembic) it does not use.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from hexie_desktop.core import codes as code_tables
from hexie_desktop.storage.db import Database
from hexie_desktop.storage.models import ExchangeCode


def district_codes(session: Session) -> dict[str, dict[str, str]]:
    """Every code-table addition held here: table → code → label."""
    out: dict[str, dict[str, str]] = {}
    for row in session.execute(select(ExchangeCode).order_by(ExchangeCode.table_name, ExchangeCode.code)).scalars():
        out.setdefault(row.table_name, {})[row.code] = row.label
    return out


def load_codes(db: Database) -> dict[str, dict[str, str]]:
    """Put the code-table additions this station holds into :mod:`hexie_desktop.core.codes`; returns them.

    Called when a station opens and after reference data is published or applied, so the
    codes the district sent down are offered, accepted and labelled everywhere (and the
    district accepts townships' rows that use them).
    """
    with db.read() as session:
        additions = district_codes(session)
    code_tables.use_additions(additions)
    return additions
