"""The bundled GB/T 2260 table knows current and withdrawn county codes (issue: migrant workers' IDs)."""

import csv
from datetime import date
from importlib import resources

import pytest

from hexie_desktop.core.ids import REGIONS, check_resident_id, make_resident_id, region_name


@pytest.mark.parametrize("code, county", [
    ("130425", "大名县"), ("410221", "杞县"), ("511321", "南部县"), ("431222", "沅陵县"),
    ("522121", "遵义县"), ("360731", "于都县"), ("412726", "郸城县"), ("342221", "砀山县"),
    ("500234", "开县"), ("230183", "尚志市"), ("659001", "石河子市"), ("469005", "文昌市"),
])
def test_migrant_workers_home_counties_are_known(code, county):
    info = check_resident_id(make_resident_id(code, date(1985, 6, 1), 31), today=date(2026, 12, 1))
    assert info.warnings == ()
    assert county in region_name(code)


def test_table_is_county_level_with_history():
    rows = list(csv.DictReader(resources.files("hexie_desktop.core.data").joinpath("regions.csv")
                               .read_text(encoding="utf-8").splitlines()))
    current = [r for r in rows if not r["end_year"]]
    withdrawn = [r for r in rows if r["end_year"]]
    assert len(current) > 3200 and len(withdrawn) > 3000
    assert len(REGIONS) == len(rows)


def test_placeholder_levels_are_not_part_of_names():
    assert region_name("110101") == "北京市东城区"
    assert region_name("659001") == "新疆维吾尔自治区石河子市"
    assert region_name("110104").endswith("（已撤销）")


def test_truly_unknown_code_still_warns():
    info = check_resident_id(make_resident_id("350199", date(1980, 1, 1), 11), today=date(2026, 12, 1))
    assert info.region_known is False and "350199" in info.warnings[0]
