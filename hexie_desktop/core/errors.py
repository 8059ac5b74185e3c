"""Typed errors raised by the rules and services.

Only ``cli.py`` and ``ui/messages.py`` turn these into words on a screen; everything
below them raises.  Every error carries a message written for people (Chinese) and,
where it concerns one input, the field it concerns.
"""

from __future__ import annotations


class HexieError(Exception):
    """Base of every error the application raises on purpose."""

    code = "error"

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        if self.field:
            return f"{self.field}: {self.message}"
        return self.message


class UserError(HexieError):
    """Bad input a person can correct (wrong check digit, impossible date …)."""

    code = "invalid"


class NotAllowed(HexieError):
    """A rule forbids the action in the current state, or the user lacks the right."""

    code = "not_allowed"


class NotFound(HexieError):
    """The record the user named does not exist."""

    code = "not_found"


class Conflict(HexieError):
    """The data changed under the user, or a unique value is already taken."""

    code = "conflict"


class StorageError(HexieError):
    """The database file cannot be opened, is corrupt, or is newer than this program."""

    code = "storage"


class ValidationErrors(UserError):
    """Several field errors at once, so a form can name every bad field."""

    def __init__(self, errors: list[UserError]) -> None:
        self.errors = list(errors)
        joined = "；".join(str(e) for e in self.errors)
        super().__init__(joined)
