"""services/case_view.py: the typed CaseView built from a case's rows and the station settings."""

from __future__ import annotations

from hexie_desktop.services import case_view, settings
from hexie_desktop.services.cases import CaseFilter, get_case, list_cases


def test_the_view_names_the_station_with_its_address_and_phone(station, ctx, digest):
    settings.update(ctx, {"station.address": "测试街道1号", "station.phone": "0571-88880000"})
    number = list_cases(ctx, CaseFilter(state="performing"))[0].number
    before = digest()
    with station.db.read() as session:
        case = get_case(session, number)
        built = case_view.build(session, case, today=ctx.today)
        facts = case_view.case_facts(case, ctx.today)
    assert built.organization.address == "测试街道1号" and built.organization.phone == "0571-88880000"
    assert built.number == number and built.state == "performing" and built.agreement is not None
    assert built.applicants and all(p.name for p in built.applicants)
    assert {d.name for d in built.deadlines} and facts.state == "performing"
    assert digest() == before  # building a view writes nothing


def test_document_titles_name_what_they_are_of():
    assert case_view.document_title("record", "第2次调解").endswith("（第2次调解）")
    assert "（" not in case_view.document_title("record", None)
