"""The demo station (``hexie --demo``): created and filled on first use, opened as the demo user.

A use case like the others, so the GUI's start-up (ui/startup.py) and the screenshot script
call it without going back up to the composition root.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from hexie_desktop.paths import StationPaths
from hexie_desktop.services.context import Actor
from hexie_desktop.services.station import Station

DEMO_USER = "demo"
DEMO_PASSWORD = "demo1234"
DEMO_ADMIN = "admin"
DEMO_CASES = 300
DEMO_IDENTITY = {"role": "township", "unit_code": "330106001", "unit_name": "演示街道劳动人事争议调解中心",
                 "short_name": "演示街道"}


def station_exists(data_dir: Path | None, db_url: str | None) -> bool:
    """True when ``data_dir`` holds a station database (a ``db_url`` is assumed to be initialized)."""
    if db_url:
        return True
    return data_dir is not None and StationPaths(Path(data_dir)).database.exists()


def prepare_demo(data_dir: Path, *, cases: int = DEMO_CASES, seed: int = 1,
                 progress: Callable[[int], None] | None = None) -> tuple[Station, Actor]:
    """Open the demo station at ``data_dir`` (creating and filling it on first use) as the demo user.

    First use: a township station, ``cases`` synthetic cases with registries, and the user
    ``demo``/``demo1234`` with the role 负责人.  A station whose filling was interrupted is
    completed on the next start.
    """
    from hexie_desktop.services import users
    from hexie_desktop.services.demo import generate
    from hexie_desktop.services.station import init_station, open_station

    if not station_exists(data_dir, None):
        station = init_station(data_dir=data_dir, db_url=None, admin=DEMO_ADMIN, password=DEMO_PASSWORD,
                               admin_name="演示管理员", **DEMO_IDENTITY)
    else:
        station = open_station(data_dir=data_dir)
    admin = station.context(users.actor_for(station.db, users.first_admin(station.db)))
    if not any(u.username == DEMO_USER for u in users.list_users(admin)):
        # Spread the cases over this year (and last year early in the year) so that some are still open.
        years = 0 if admin.today.month >= 6 else 1
        generate(admin, cases=cases, seed=seed, years=years, progress=progress)
        users.create_user(admin, username=DEMO_USER, display_name="演示用户", role="head", password=DEMO_PASSWORD)
    actor = users.authenticate(station.db, DEMO_USER, DEMO_PASSWORD)
    return station, actor
