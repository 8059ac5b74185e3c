"""Passwords are stored as argon2id hashes; the parameters and the checks live here, once.

argon2-cffi's defaults: RFC 9106's second recommended option (t=3, m=64 MiB, p=4), above OWASP's
minimum (tests/e2e/test_password_hashing.py holds them there).  The login (``services.users``),
the command line's check made ahead on a second thread (``cli_support.PasswordAhead``) and the
dashboard's quick path (``services.dashboard_quick``) all use :data:`HASHER`.
"""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

HASHER = PasswordHasher()


def matches(password_hash: str, password: str) -> bool:
    """True when ``password`` matches the stored hash (a malformed hash matches nothing)."""
    try:
        return HASHER.verify(password_hash, password or "")
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """True when the hash was made with other parameters than :data:`HASHER`'s (renewed at the next login)."""
    return HASHER.check_needs_rehash(password_hash)
