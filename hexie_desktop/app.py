"""Composition root of the desktop app: where the data lives, logging, the demo station, then the GUI.

``run()`` is what ``hexie`` (no command) and ``hexie --demo`` call.  Everything Qt lives in
:mod:`hexie_desktop.ui`; this module only decides what to open and prepares the demo
station, so it can be tested without a display.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Callable

from hexie_desktop.paths import StationPaths
from hexie_desktop.services import users
from hexie_desktop.services.context import Actor
from hexie_desktop.services.station import Station, init_station, open_station

DEMO_USER = "demo"
DEMO_PASSWORD = "demo1234"
DEMO_ADMIN = "admin"
DEMO_CASES = 300
DEMO_IDENTITY = {"role": "township", "unit_code": "330106001", "unit_name": "演示街道劳动人事争议调解中心",
                 "short_name": "演示街道"}

log = logging.getLogger("hexie_desktop")


def setup_logging(data_dir: Path | None = None) -> Path | None:
    """Write the program's log to the station's ``logs/hexie.log`` (see :mod:`hexie_desktop.log`)."""
    from hexie_desktop import log as hexie_log
    from hexie_desktop.paths import default_data_dir

    hexie_log.quiet_cleanup_errors()
    return hexie_log.configure(data_dir if data_dir is not None else default_data_dir())


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
    from hexie_desktop.services.demo import generate

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


def run(data_dir: Path | None, db_url: str | None, demo: bool) -> int:
    """Open the desktop app; returns the process exit code."""
    setup_logging(Path(data_dir) if data_dir is not None else None)
    from hexie_desktop.ui.startup import start

    return start(data_dir=Path(data_dir) if data_dir is not None else None, db_url=db_url, demo=demo,
                 argv=sys.argv[:1])
