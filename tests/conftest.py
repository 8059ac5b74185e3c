"""Shared fixtures for every test folder (no Qt here: GUI fixtures live in tests/gui/conftest.py).

``station_factory`` builds a small real station (SQLite file, demo data, a few users) once
per session and hands each test its own copy, so tests are fast and independent.
"""

from __future__ import annotations

import gc
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

USERS = {  # username: (display name, role, password)
    "head": ("王主任", "head", "head1234"),
    "mediator": ("李调解", "mediator", "med12345"),
    "clerk": ("张登记", "clerk", "clerk123"),
}
ADMIN = ("admin", "admin123")
# States the GUI and printing tests pick a case in; the template's seed must produce each.
TEMPLATE_STATES = frozenset({"registered", "accepted", "mediating", "failed", "performing", "performed", "closed",
                             "archived"})


def _build_template(root: Path, cases: int, seed: int) -> Path:
    from hexie_desktop.services import demo, users
    from hexie_desktop.services.station import init_station

    station = init_station(data_dir=root, db_url=None, role="township", unit_code="330106001",
                           unit_name="测试街道劳动人事争议调解中心", short_name="测试街道", admin=ADMIN[0],
                           password=ADMIN[1], admin_name="管理员")
    ctx = station.context(users.actor_for(station.db, ADMIN[0]))
    demo.generate(ctx, cases=cases, seed=seed, years=0)
    from hexie_desktop.services.cases import CaseFilter, list_cases

    present = {row.state for row in list_cases(ctx, CaseFilter())}
    missing = TEMPLATE_STATES - present
    assert not missing, f"demo seed {seed} gives no case in {sorted(missing)}: pick another seed"
    for username, (name, role, password) in USERS.items():
        users.create_user(ctx, username=username, display_name=name, role=role, password=password)
    # The admin and the mediator user are mediators of the register (issue 16: acceptance names one).
    from hexie_desktop.services import registries

    mediators = [row["id"] for row in registries.list_records(ctx, "mediators") if row.get("status") == "active"]
    users.link_mediator(ctx, ADMIN[0], mediators[0])
    users.link_mediator(ctx, "mediator", mediators[1])
    station.db.dispose()
    return root


@pytest.fixture(scope="session")
def station_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A station folder with 40 demo cases in every state of :data:`TEMPLATE_STATES` (built once)."""
    return _build_template(tmp_path_factory.mktemp("station-template"), cases=40, seed=10)


@pytest.fixture
def station_factory(station_template: Path, tmp_path: Path) -> Callable[[], object]:
    """Call it to get an opened copy of the template station (closed after the test)."""
    from hexie_desktop.services.station import open_station

    opened = []

    def make():
        target = tmp_path / f"station{len(opened)}"
        shutil.copytree(station_template, target)
        station = open_station(data_dir=target)
        opened.append(station)
        return station

    yield make
    for station in opened:
        station.db.dispose()


@pytest.fixture(autouse=True, scope="session")
def _collect_cycles_on_the_main_thread():
    """As the app does (ui/collector.py): no automatic collection, which could start on a worker
    thread and free a Qt object there; cycles are collected on the main thread after each test."""
    gc.disable()
    yield
    gc.enable()


@pytest.fixture(autouse=True)
def _collect_after_each_test():
    yield
    gc.collect()


def write_through_driver(database: Path, *statements: str) -> None:
    """Run ``statements`` on the station file in one transaction through the sqlite3 driver (storage.plain)."""
    from hexie_desktop.storage import plain

    conn = plain.connect(database)
    try:
        with plain.writing(conn):
            for statement in statements:
                conn.execute(statement)
    finally:
        conn.close()
