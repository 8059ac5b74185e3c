"""What the layers above need to know of an opened station: its files, its database and its identity.

:class:`~hexie_desktop.services.station.Station` is the one implementation; the exchange and
the services type their station parameters with :class:`OpenedStation` so that neither has
to import the module that opens stations (no import cycle, no ``Any``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # only for the annotations below; no import at run time
    from hexie_desktop.paths import StationPaths
    from hexie_desktop.storage.db import Database


class StationIdentity(Protocol):
    """The station's role, unit code and names."""

    @property
    def role(self) -> str: ...

    @property
    def unit_code(self) -> str: ...

    @property
    def unit_name(self) -> str: ...


class OpenedStation(Protocol):
    """An opened station: ``paths`` (None on PostgreSQL), ``db`` and ``info``."""

    @property
    def paths(self) -> StationPaths | None: ...

    @property
    def db(self) -> Database: ...

    @property
    def info(self) -> StationIdentity: ...
