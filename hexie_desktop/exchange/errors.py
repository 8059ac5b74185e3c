"""Typed errors of the exchange: every refusal has its own code and a message for people.

The codes are stable (tests and the documentation name them); the messages are Chinese and
go through ``_()``.  An :class:`ExchangeError` is a :class:`~hexie_desktop.core.errors.UserError`,
so the command line prints it as one line and exits 1, and the GUI shows it in a message box.
"""

from __future__ import annotations

from hexie_desktop.core.errors import UserError
from hexie_desktop.core.i18n import _

E_FORMAT = "E_FORMAT"
"""Not a package, or its container is damaged beyond reading."""
E_TRUNCATED = "E_TRUNCATED"
"""The file ends too early (copy interrupted, attachment cut off)."""
E_TAMPERED = "E_TAMPERED"
"""The container contradicts itself (local header vs directory, data before the first member):
edited by hand or not made by this program; copying it again will not help."""
E_AUTH = "E_AUTH"
"""Content changed after signing: checksum, signature, payload hash or decryption failed."""
E_SENDER = "E_SENDER"
"""Signed by a key this station does not trust for that sender, or the sender is unknown."""
E_PENDING = "E_PENDING"
"""The sender is not enrolled yet; the package waits until the admin accepts its keys."""
E_NOT_FOR_US = "E_NOT_FOR_US"
"""The package is addressed to another station."""
E_REPLAY = "E_REPLAY"
"""An older package than one already applied (replayed or rolled back)."""
E_SEQUENCE = "E_SEQUENCE"
"""A package numbered too far past the last one seen (refused; a district admin can re-sync)."""
E_DUPLICATE = "E_DUPLICATE"
"""This very package was imported before; nothing changed."""
E_VERSION = "E_VERSION"
"""Unknown format or schema version."""
E_PATH = "E_PATH"
"""A member name that could escape the staging area or is not expected."""
E_LIMIT = "E_LIMIT"
"""A size, count, ratio, depth or length limit was exceeded (zip bomb, oversize field)."""
E_JSON = "E_JSON"
"""Malformed JSON (syntax, duplicate keys, NaN, too deep)."""
E_ENCODING = "E_ENCODING"
"""Text that is not valid UTF-8."""
E_INTEGRITY = "E_INTEGRITY"
"""The package contradicts itself (declared counts, the same row twice with different content)."""
E_OWNER = "E_OWNER"
"""A row that would add to or change another township's data (a cross-township write): the whole
package is refused."""
E_PARTS = "E_PARTS"
"""An incomplete or mixed set of e-mail parts."""
E_KEYS = "E_KEYS"
"""Station keys missing, locked, or the passphrase is wrong."""
E_TRUST = "E_TRUST"
"""A card or a trust decision that cannot be accepted (wrong role, fingerprint mismatch …)."""
E_STATE = "E_STATE"
"""The station is not ready for this step (no district trusted, wrong role …)."""


class ExchangeError(UserError):
    """A refusal of the exchange with a stable ``code`` (``E_…``) and a message for people."""

    def __init__(self, code: str, message: str, *, field: str | None = None) -> None:
        super().__init__(message, field=field)
        self.code = code

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


def refuse(code: str, message: str) -> ExchangeError:
    """Build an :class:`ExchangeError` (``raise refuse(E_…, _("…"))``)."""
    return ExchangeError(code, message)


def not_a_package(detail: str = "") -> ExchangeError:
    """The common "this is not a package" refusal."""
    text = _("不是有效的数据包文件")
    if detail:
        text += _("（{detail}）").format(detail=detail)
    return ExchangeError(E_FORMAT, text)
