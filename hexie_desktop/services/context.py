"""The acting user and the station a service call runs for."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session

from hexie_desktop.core import permissions
from hexie_desktop.core.errors import StorageError
from hexie_desktop.core.i18n import _
from hexie_desktop.storage import audit
from hexie_desktop.storage.db import Database
from hexie_desktop.storage.identity import OpenedStation


@dataclass(frozen=True)
class Actor:
    """Who acts: login name, name shown in records, role."""

    username: str
    display_name: str
    role: str


SYSTEM = Actor("system", "系统", "admin")


@dataclass
class Context:
    """Everything a service needs: the database, the actor, today's date (injectable for tests) and the station.

    ``station`` is the opened station the context was made for (its files: keys, attachments,
    the exchange folders); :meth:`Station.context <hexie_desktop.services.station.Station.context>`
    sets it.
    """

    db: Database
    actor: Actor
    today_fn: Callable[[], date] = field(default=date.today)
    station: OpenedStation | None = None

    @property
    def today(self) -> date:
        """Today's date as the services see it."""
        return self.today_fn()

    @property
    def opened(self) -> OpenedStation:
        """The station of this context (a context made without one cannot reach the station's files)."""
        if self.station is None:
            raise StorageError(_("此操作需要打开的站点"))
        return self.station

    def require(self, permission: str) -> None:
        """Raise NotAllowed unless the actor holds ``permission``."""
        permissions.require(self.actor.role, permission)

    def audit(self, session: Session, action: str, *, entity: str | None = None,
              entity_id: str | None = None, summary: str = "") -> None:
        """Write the one audit entry of the current user action."""
        audit.append(session, actor=self.actor.username, action=action, entity=entity,
                     entity_id=entity_id, summary=summary)
