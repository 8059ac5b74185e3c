"""Builders shared by the exchange tests: a township and its district that trust each other."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from hexie_desktop.services import cases
from hexie_desktop.services import exchange as ex
from hexie_desktop.services.station import Station, init_station
from hexie_desktop.services.users import actor_for
from tests.e2e.helpers import applicant, case_payload, db_digest

PASSWORD = "secret123"
PASSPHRASE = "district-secret"
TODAY = date(2026, 11, 21)
TOWN_CODE, DISTRICT_CODE = "110105001", "110105"


@dataclass
class Pair:
    """A township, its district, their contexts and the district's unlocked keys."""

    root: Path
    town: Station
    dist: Station
    tctx: object
    dctx: object
    keys: object

    def export(self, name: str, **kwargs) -> ex.Exported:
        """Export from the township into ``root/name``."""
        return ex.export_package(self.tctx, self.root / name, **kwargs)

    def to_district(self, *paths: Path, dry_run: bool = False) -> list[ex.Outcome]:
        """Import at the district."""
        return ex.import_packages(self.dctx, list(paths), dry_run=dry_run, keys=self.keys)

    def to_township(self, *paths: Path) -> list[ex.Outcome]:
        """Import at the township."""
        return ex.import_packages(self.tctx, list(paths))

    def sync(self, name: str, **kwargs) -> tuple[ex.Exported, ex.Outcome, ex.Outcome]:
        """Export, import at the district, carry the receipt back."""
        exported = self.export(name, **kwargs)
        applied = self.to_district(*exported.paths)[0]
        assert applied.ok, applied.error
        receipt = self.to_township(applied.receipt_path)[0]
        assert receipt.ok, receipt.error
        return exported, applied, receipt

    def dispose(self) -> None:
        """Close both databases."""
        self.town.db.dispose()
        self.dist.db.dispose()


def township(root: Path, code: str = TOWN_CODE, name: str = "东坝镇劳动人事争议调解中心", short: str = "东坝") -> Station:
    """A fresh township station whose admin is its first mediator (acceptance names a mediator)."""
    return init_station(data_dir=root, db_url=None, role="township", unit_code=code, unit_name=name,
                        short_name=short, admin="admin", password=PASSWORD, first_mediator="王调解",
                        admin_is_mediator=True)


def district(root: Path | None, *, db_url: str | None = None, code: str = DISTRICT_CODE) -> Station:
    """A fresh district station (SQLite in ``root`` or the database at ``db_url``)."""
    return init_station(data_dir=root, db_url=db_url, role="district", unit_code=code,
                        unit_name="朝阳区劳动人事争议仲裁院", short_name="朝阳", admin="admin", password=PASSWORD,
                        key_passphrase=PASSPHRASE)


def context(station: Station):
    """The admin's context with the fixed test day."""
    return station.context(actor_for(station.db, "admin"), today_fn=lambda: TODAY)


def make_pair(root: Path, *, db_url: str | None = None, enroll: bool = True) -> Pair:
    """A township and a district; the township trusts the district and (``enroll``) vice versa."""
    root.mkdir(parents=True, exist_ok=True)
    town = township(root / "town")
    dist = district(None if db_url else root / "dist", db_url=db_url)
    tctx, dctx = context(town), context(dist)
    ex.write_card(dctx, root / "district.card", passphrase=PASSPHRASE)
    ex.write_card(tctx, root / "town.card")
    trust(tctx, town, root / "district.card")
    if enroll:
        trust(dctx, dist, root / "town.card")
    return Pair(root, town, dist, tctx, dctx, ex.unlock(dist, PASSPHRASE))


def trust(ctx, station: Station, card: Path) -> ex.PeerView:
    """Trust a card file the way a person does after comparing its fingerprint by phone."""
    return ex.trust_card(ctx, card, fingerprint=ex.read_card(card).fingerprint)


@contextmanager
def open_pair(root: Path, **kwargs) -> Iterator[Pair]:
    """``make_pair`` whose databases are closed afterwards."""
    made = make_pair(root, **kwargs)
    try:
        yield made
    finally:
        made.dispose()


def register(ctx, *names: str) -> list[str]:
    """Register one case per applicant name; returns the case numbers."""
    payload = {"cases": [case_payload(applicants=[applicant(n, seq=100 + i)]) for i, n in enumerate(names)]}
    return [c.number for c in cases.register(ctx, payload)]


def rows_of(station: Station, origin: str) -> dict[tuple[str, str], tuple]:
    """(table, id) → every column value, for the rows of ``origin`` (to compare two stations)."""
    from sqlalchemy import select

    from hexie_desktop.exchange.codec import TABLES

    out = {}
    with station.db.engine.connect() as conn:
        for name, spec in TABLES.items():
            for row in conn.execute(select(spec.table).where(spec.table.c.origin == origin)):
                out[(name, row.id)] = tuple(row)
    return out


def files_outside_staging(root: Path) -> set[str]:
    """Every file below ``root`` except the database and the staging area (which must be empty)."""
    found = set()
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            path = Path(dirpath) / name
            rel = path.relative_to(root).as_posix()
            if rel.startswith("hexie.sqlite3"):
                continue
            found.add(rel)
    return found


__all__ = ["Pair", "make_pair", "open_pair", "register", "trust", "rows_of", "db_digest", "files_outside_staging",
           "township", "district", "context", "PASSPHRASE", "TOWN_CODE", "DISTRICT_CODE"]


def closing_cli(monkeypatch):
    """``run(argv) -> exit code`` calling ``cli.main`` in-process and closing every station it opened
    (pooled PostgreSQL connections included)."""
    from hexie_desktop import cli
    from hexie_desktop.services import station as station_module

    opened = []
    for name in ("open_station", "init_station"):
        original = getattr(station_module, name)

        def wrapper(*args, _original=original, **kwargs):
            made = _original(*args, **kwargs)
            opened.append(made)
            return made

        monkeypatch.setattr(station_module, name, wrapper)

    def run(argv: list[str]) -> int:
        try:
            return cli.main(list(argv))
        finally:
            while opened:
                opened.pop().db.dispose()

    return run
