"""services/code_additions.py: the district's code-table additions held here reach core.codes on opening."""

from __future__ import annotations

from hexie_desktop.core import codes
from hexie_desktop.services import code_additions
from hexie_desktop.storage.models import ExchangeCode


def test_an_addition_held_here_is_loaded_into_the_code_tables(station):
    table = codes.EXTENSIBLE[0]
    with station.db.transaction() as session:
        assert code_additions.district_codes(session) == {}
    try:
        with station.db.transaction() as session:
            session.add(ExchangeCode(table_name=table, code="Z99", label="测试代码", package_id="p" * 36))
        loaded = code_additions.load_codes(station.db)
        assert loaded == {table: {"Z99": "测试代码"}}
    finally:
        codes.use_additions({})


def test_no_additions_load_nothing(station):
    assert code_additions.load_codes(station.db) == {}
