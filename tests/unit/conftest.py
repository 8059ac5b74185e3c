"""Fixtures of the mirrored unit tests (tests/unit/services/, tests/unit/storage/): a real station.

Each test gets its own copy of the session's station template (tests/conftest.py: a SQLite file
with 40 demo cases in every state, the admin and three users), opened, and a service context
acting as the admin.  ``digest`` hashes every row, to show that a refusal changed nothing.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.conftest import ADMIN
from tests.e2e.helpers import db_digest


@pytest.fixture
def station(station_factory: Callable[[], object]):
    """An opened copy of the station template."""
    return station_factory()


@pytest.fixture
def ctx(station):
    """A service context acting as the template's admin (today: the real date, as the demo data)."""
    from hexie_desktop.services.users import actor_for

    return station.context(actor_for(station.db, ADMIN[0]))


@pytest.fixture
def as_user(station):
    """``as_user("clerk")``: a context acting as one of the template's users (tests/conftest.py USERS)."""
    from hexie_desktop.services.users import actor_for

    return lambda username: station.context(actor_for(station.db, username))


@pytest.fixture
def digest(station) -> Callable[[], str]:
    """``digest()``: SHA-256 over every row of the station (equal before and after = nothing changed)."""
    return lambda: db_digest(station)
