"""services/origins.py: who reports, and the names shown for origin codes."""

from __future__ import annotations

from hexie_desktop.services import origins


def test_the_station_names_itself_and_other_codes_by_their_county(station, ctx, digest):
    before = digest()
    with station.db.read() as session:
        meta = origins.station_meta(session, ctx)
        names = origins.origin_names(session, [meta.unit_code, "110105001", "12"])
    assert meta.unit_code == "330106001" and meta.role == "township" and meta.reporter == ctx.actor.display_name
    assert names[meta.unit_code] == meta.unit_name
    assert names["110105001"].endswith("001") and names["110105001"] != "110105001"  # the county's name first
    assert names["12"] == "12"  # too short to read: shown as it is
    assert digest() == before
