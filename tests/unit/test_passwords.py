"""One argon2id hasher for every password check (core.passwords): the login, the check made ahead, the quick path."""

from __future__ import annotations

from argon2 import PasswordHasher

from hexie_desktop.core import passwords
from hexie_desktop.services import users


def test_matches_and_renewal():
    stored = passwords.HASHER.hash("mediator-2026")
    assert passwords.matches(stored, "mediator-2026")
    assert not passwords.matches(stored, "mediator-2025") and not passwords.matches(stored, "")
    assert not passwords.matches("not-a-hash", "mediator-2026")
    assert not passwords.needs_rehash(stored)
    weak = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1).hash("mediator-2026")
    assert passwords.matches(weak, "mediator-2026") and passwords.needs_rehash(weak)


def test_the_login_uses_the_same_hasher():
    assert users._hasher is passwords.HASHER
    assert users.password_matches(users.hash_password("mediator-2026"), "mediator-2026")
