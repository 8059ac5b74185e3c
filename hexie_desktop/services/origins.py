"""Who reports and whose rows: this station's reporting unit and the names of the origins in a district.

Used by the statistics, the plan's reports and the 选树 publication list alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from hexie_desktop.core import ids
from hexie_desktop.services import settings
from hexie_desktop.services.context import Context
from hexie_desktop.storage.models import ExchangePeer


@dataclass(frozen=True)
class StationMeta:
    """Who reports: unit name and code, the acting user, the report date."""

    unit_code: str
    unit_name: str
    role: str
    reporter: str
    today: date


def station_meta(session: Session, ctx: Context) -> StationMeta:
    """The reporting unit of this station."""
    return StationMeta(settings.get(session, "station.unit_code"), settings.get(session, "station.unit_name"),
                       settings.get(session, "station.role"), ctx.actor.display_name, ctx.today)


def origin_names(session: Session, origins: list[str]) -> dict[str, str]:
    """Names to show for origin codes: this station's own name; a trusted township's name as its card
    gives it (what the district's officer compared by phone when enrolling it); else the code with
    its county when known."""
    own = settings.get(session, "station.unit_code")
    trusted: dict[str, str] = {}
    if origins:
        for code, name in session.execute(select(ExchangePeer.unit_code, ExchangePeer.unit_name)
                                          .where(ExchangePeer.unit_code.in_(origins),
                                                 ExchangePeer.status == "trusted")):
            trusted[code] = name
    names = {}
    for code in origins:
        if code == own:
            names[code] = settings.get(session, "station.unit_name") or code
        elif trusted.get(code):
            names[code] = trusted[code]
        else:
            county = ids.region_name(code[:6]) if len(code) >= 6 else None
            names[code] = f"{county}{code[6:]}" if county and len(code) > 6 else code
    return names
