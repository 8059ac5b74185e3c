"""storage/search.py: the case search text and its full-text index."""

from __future__ import annotations

from sqlalchemy import select

from hexie_desktop.storage import search
from hexie_desktop.storage.models import Case


def _ids(station, query: str) -> set[str]:
    with station.db.read() as session:
        return set(session.execute(search.matching_case_ids(session, query)).scalars())


def test_a_case_is_found_by_applicant_employer_and_number(station):
    with station.db.read() as session:
        case = session.execute(select(Case).where(Case.deleted.is_(False)).limit(1)).scalar_one()
        applicant = next(p.name for p in case.parties if not p.deleted)
        employer, case_id = case.respondent.name, case.id
    assert case_id in _ids(station, applicant)
    assert case_id in _ids(station, employer)
    assert case_id in _ids(station, employer[:2])  # short queries take the LIKE path


def test_reindexing_follows_a_renamed_employer(station):
    with station.db.transaction() as session:
        case = session.execute(select(Case).where(Case.deleted.is_(False)).limit(1)).scalar_one()
        case.respondent.name = "独一无二测试公司"
        search.index_case(session, case)
        case_id = case.id
    assert _ids(station, "独一无二测试公司") == {case_id}


def test_query_characters_are_literal_not_patterns(station):
    assert _ids(station, "%") == set() and _ids(station, '"') == set()
