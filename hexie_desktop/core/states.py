"""Groups of case states (SPEC §2.1), named once: every layer asks these instead of listing states.

Plain sets with no imports, so :mod:`~hexie_desktop.core.periods`, :mod:`~hexie_desktop.core.workflow`,
:mod:`~hexie_desktop.core.papers` and :mod:`~hexie_desktop.core.dossier` can all use them.
"""

from __future__ import annotations

MEDIATION_STATES = frozenset({"registered", "accepted", "mediating"})
"""No agreement and mediation not ended: the mediation period runs (LDTJ art. 14)."""

MEDIATING_STATES = frozenset({"accepted", "mediating"})
"""Accepted and being mediated (sessions may be recorded)."""

AGREED_STATES = frozenset({"agreed", "performing", "performed", "defaulted"})
"""An agreement took effect and the case is not closed yet."""

UNPAID_STATES = frozenset({"agreed", "performing", "defaulted"})
"""An agreement whose items may still be unperformed."""

OPEN_STATES = frozenset({"registered", "accepted", "mediating", "agreed", "performing"})
"""Still being worked on (no outcome yet, or an agreement being performed)."""

FINISHED_STATES = frozenset({"closed", "archived"})
"""Closed by the head of office (and perhaps archived): nothing more to do but archiving."""

ENDED_STATES = frozenset({"performed", "defaulted", "failed", "withdrawn", "rejected"})
"""The outcome is known and the case waits to be closed."""

__all__ = ["AGREED_STATES", "ENDED_STATES", "FINISHED_STATES", "MEDIATING_STATES", "MEDIATION_STATES",
           "OPEN_STATES", "UNPAID_STATES"]
