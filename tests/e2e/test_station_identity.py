"""Station identity: name, short name, address and phone correctable by an admin; unit code fixed (issue 16 #1)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from hexie_desktop.core.errors import UserError
from hexie_desktop.services import case_queries, settings
from hexie_desktop.services.station import read_info
from hexie_desktop.storage.models import AuditEntry
from tests.e2e.helpers import db_digest


def test_admin_corrects_the_name_and_it_reaches_the_papers(station, ctx):
    settings.update(ctx, {"station.unit_name": "东坝镇劳动人事争议调解委员会", "station.address": "东坝路1号",
                          "station.phone": "010-65432100"})
    assert read_info(station.db).unit_name == "东坝镇劳动人事争议调解委员会"
    with station.db.read() as session:
        printed = case_queries.station_dict(session)
        summary = session.execute(select(AuditEntry.summary).order_by(AuditEntry.id.desc())).scalars().first()
    assert printed["address"] == "东坝路1号" and printed["phone"] == "010-65432100"
    assert "东坝镇劳动人事争议调解中心 → 东坝镇劳动人事争议调解委员会" in summary


@pytest.mark.parametrize("changes, field", [
    ({"station.unit_code": "110105002"}, "station.unit_code"),
    ({"station.role": "district"}, "station.role"),
    ({"station.unit_name": ""}, "station.unit_name"),
    ({"station.unit_name": "东坝\x1b[2J"}, "station.unit_name"),
    ({"station.short_name": "东\n坝"}, "station.short_name"),
    ({"station.address": "x" * 201}, "station.address"),
    ({"station.phone": 12345}, "station.phone"),
])
def test_refused_changes_change_nothing(station, ctx, changes, field):
    before = db_digest(station)
    with pytest.raises(UserError) as err:
        settings.update(ctx, changes)
    assert err.value.field == field
    assert db_digest(station) == before
