"""What a write changed, so that only the screens showing it refresh (like Anki's ``OpChanges``).

A :class:`Changes` value is a set of *areas*.  An area is a kind (``"case"``, ``"registry"``,
``"users"`` …) or a kind with a key (``"case:乡调〔2025〕17号"``, ``"registry:mediators"``).
:meth:`Changes.touches` answers whether a screen showing one area must refresh:

* a keyed area is touched by itself and by its bare kind (a change to *some* case, unknown which,
  touches every case);
* a bare kind is touched by any keyed area of that kind (a change to one case touches the case list);
* :data:`EVERYTHING` touches every area (a restore or an import that may change anything).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

CASE = "case"
"""Cases: the case list, the dashboard figures, the deadlines, one case's detail (``case:<number>``)."""
REGISTRY = "registry"
"""Registers and ledgers (``registry:<kind>``, e.g. ``registry:mediators``)."""
USERS = "users"
"""Logins, roles, the mediator a login is linked to."""
SETTINGS = "settings"
"""Station settings (deadline lengths, numbering, retention …)."""
STATION = "station"
"""The station's own name and identity as shown in titles."""
EXCHANGE = "exchange"
"""Exchange state: packages sent and received, keys, trusted peers, conflicts."""
EVERYTHING = "*"
"""Any area (after a change whose reach is not known)."""


def _kind(area: str) -> str:
    return area.partition(":")[0]


@dataclass(frozen=True)
class Changes:
    """The areas one write changed (empty: nothing to refresh)."""

    areas: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.areas)

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.areas | other.areas)

    def touches(self, *areas: str) -> bool:
        """True when a screen showing any of ``areas`` must refresh."""
        if EVERYTHING in self.areas:
            return True
        for area in areas:
            kind = _kind(area)
            if area in self.areas or kind in self.areas:
                return True
            if ":" not in area and any(_kind(changed) == kind for changed in self.areas):
                return True
        return False

    @staticmethod
    def of(*areas: str) -> Changes:
        """Changes to the given areas."""
        return Changes(frozenset(areas))

    @staticmethod
    def cases(numbers: Iterable[str] = ()) -> Changes:
        """Changes to the cases ``numbers`` (to some cases, unknown which, when none are named)."""
        keyed = frozenset(f"{CASE}:{number}" for number in numbers)
        return Changes(keyed or frozenset({CASE}))

    @staticmethod
    def case(number: str) -> Changes:
        """Changes to the one case ``number``."""
        return Changes.cases((number,))

    @staticmethod
    def registry(kind: str | None = None) -> Changes:
        """Changes to the register ``kind`` (to the registers, unknown which, when None)."""
        return Changes(frozenset({f"{REGISTRY}:{kind}" if kind else REGISTRY}))


NOTHING = Changes()
"""No visible change (a read, a dry run)."""
ALL = Changes(frozenset({EVERYTHING}))
"""Anything may have changed."""
