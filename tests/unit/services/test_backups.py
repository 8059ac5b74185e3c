"""services/backups.py: the backups a restore may choose from, each checked read-only."""

from __future__ import annotations

from hexie_desktop.services import backup, backups


def test_backups_are_listed_newest_first_with_their_case_count(station, ctx):
    from hexie_desktop.services.cases import CaseFilter, count_cases

    first = backup.backup_sqlite(station.paths.database, station.paths.backups, label="manual")
    broken = station.paths.backups / "hexie-manual-20000101-000000-000000.sqlite3"
    broken.write_bytes(b"garbage" * 100)
    listed = backups.list_backups(station.paths)
    good = next(b for b in listed if b.path == first)
    assert good.verified and good.cases == count_cases(ctx, CaseFilter())
    bad = next(b for b in listed if b.path == broken)
    assert not bad.verified and bad.cases is None
    assert backups.newest_verified(station.paths).path == first
    assert broken.read_bytes() == b"garbage" * 100  # checked, never repaired or removed


def test_a_backup_lacks_the_cases_registered_after_it(station, ctx):
    from datetime import timedelta

    from hexie_desktop.services import cases
    from tests.e2e.helpers import case_payload

    made = backup.backup_sqlite(station.paths.database, station.paths.backups)
    day = (ctx.today - timedelta(days=1)).isoformat()
    number = cases.register(ctx, {"cases": [case_payload(received_on=day, infringement_known_on=day)]})[0].number
    assert backups.lacking(station.paths.database, made) == [number]
