"""The logged-in session the screens share: station, acting user, service context, change signals."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from hexie_desktop.core import codes, permissions
from hexie_desktop.core.changes import CASE, STATION, Changes
from hexie_desktop.services.context import Actor, Context
from hexie_desktop.services.station import Station, read_info


class Workspace(QObject):
    """What every screen needs: whom it acts for and where; the one signal that says what changed."""

    changed = Signal(object)
    """After every write (:mod:`hexie_desktop.ui.write_op`): the :class:`Changes` it made.  Screens
    refresh when ``changes.touches(<what they show>)`` — at once when visible, else when shown."""
    cases_changed = Signal()
    """Emitted with :attr:`changed` when the changes touch cases; for the screens not yet subscribed to
    :attr:`changed` (action plan, grading, plan, selection, warnings)."""
    open_case = Signal(str)
    """Somebody asked to open the case with this number."""
    station_changed = Signal()
    """The station's name or short name was corrected: titles and labels refresh."""

    def __init__(self, station: Station, actor: Actor, *, demo: bool = False) -> None:
        super().__init__()
        self.station = station
        self.actor = actor
        self.demo = demo
        self.ctx: Context = station.context(actor)

    def announce(self, changes: Changes) -> None:
        """Tell every screen what a write changed (nothing for empty changes)."""
        if not changes:
            return
        if changes.touches(STATION):
            self.station.info = read_info(self.station.db)
        self.changed.emit(changes)
        if changes.touches(CASE):
            self.cases_changed.emit()
        if changes.touches(STATION):
            self.station_changed.emit()

    def reload_station(self) -> None:
        """Re-read the station identity after an admin corrected it, and tell the screens."""
        self.station.info = read_info(self.station.db)
        self.station_changed.emit()

    def can(self, permission: str) -> bool:
        """True when the acting user's role holds ``permission``."""
        return permissions.allowed(self.actor.role, permission)

    @property
    def role_label(self) -> str:
        """The acting user's role in words."""
        return codes.label(codes.ROLES, self.actor.role)

    @property
    def station_label(self) -> str:
        """Station name, code and kind for the status bar."""
        info = self.station.info
        kind = self.tr("乡镇") if info.role == "township" else self.tr("区级")
        return self.tr("{name}（{code}·{kind}）").format(name=info.unit_name, code=info.unit_code, kind=kind)
