"""Password hashes: argon2id at no less than RFC 9106 and OWASP ask, and old hashes upgraded at login.

RFC 9106 §4 (Argon2, September 2021): the second recommended option, "if much less memory is
available", is Argon2id with t=3 iterations, p=4 lanes and m=2^16 KiB (64 MiB).  OWASP Password
Storage Cheat Sheet: at least Argon2id with m=19 MiB (19,456 KiB), t=2, p=1 (or an equivalent
row of its table, e.g. m=46 MiB, t=1).  The login is the one moment the password is known, so a
hash made with older or weaker parameters is replaced there (argon2's ``check_needs_rehash``).
"""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher
from argon2.low_level import Type
from sqlalchemy import select, update

from hexie_desktop.core.errors import NotAllowed
from hexie_desktop.services import users
from hexie_desktop.storage.models import User
from tests.e2e.conftest import PASSWORD


def test_the_parameters_meet_rfc_9106_and_owasp():
    hasher = users._hasher
    assert hasher.type is Type.ID
    assert (hasher.time_cost, hasher.memory_cost, hasher.parallelism) >= (3, 65536, 4)  # RFC 9106 option 2
    assert hasher.memory_cost >= 19456 and hasher.time_cost >= 2  # OWASP minimum
    assert hasher.salt_len >= 16 and hasher.hash_len >= 32


def test_a_weaker_hash_is_replaced_at_the_next_login_and_still_verifies(station):
    weak = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1).hash(PASSWORD)
    with station.db.transaction() as session:
        session.execute(update(User).where(User.username == "admin").values(password_hash=weak))
    users.authenticate(station.db, "admin", PASSWORD)
    with station.db.read() as session:
        stored = session.execute(select(User.password_hash).where(User.username == "admin")).scalar_one()
    assert stored != weak and not users._hasher.check_needs_rehash(stored)
    assert stored.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    users.authenticate(station.db, "admin", PASSWORD)  # the new hash verifies


def test_a_wrong_password_leaves_the_old_hash_alone(station):
    weak = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1).hash(PASSWORD)
    with station.db.transaction() as session:
        session.execute(update(User).where(User.username == "admin").values(password_hash=weak))
    with pytest.raises(NotAllowed):
        users.authenticate(station.db, "admin", "wrong-password")
    with station.db.read() as session:
        assert session.execute(select(User.password_hash).where(User.username == "admin")).scalar_one() == weak
