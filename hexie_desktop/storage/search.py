"""Case search: FTS5 trigram on SQLite for 3+ characters, a plain scan for 1–2.

``case_search`` holds one line of searchable text per case (number, party names, ID
numbers, phones, employer name and credit code).  On SQLite an FTS5
table with the trigram tokenizer indexes it.  Trigram cannot match fewer than three
characters, and on SQLite 3.40 a short ``LIKE`` against the FTS table silently finds
nothing, so short queries scan ``case_search`` itself.  PostgreSQL uses ``ILIKE`` on the
same table (pg_trgm can index it).
"""

from __future__ import annotations

import json

from sqlalchemy import String, column, insert, select, text, update
from sqlalchemy.orm import Session
from sqlalchemy.sql.selectable import TextualSelect

from hexie_desktop.storage.models import Case, CaseSearchText, Employer, Party

# The FTS table is written by :func:`index_case` itself, not by triggers: with
# ``trusted_schema=OFF`` SQLite refuses triggers that write to virtual tables.
FTS_DDL = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS case_fts USING fts5(body, tokenize='trigram')",
)


def _escape_like(query: str) -> str:
    return query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def case_text(case: Case, parties: list[Party], employer: Employer | None) -> str:
    """The searchable text of one case."""
    parts = [case.number]
    for party in parties:
        parts += [party.name, party.id_number or "", party.phone or ""]
    if employer is not None:
        parts += [employer.name, employer.credit_code or "", employer.phone or ""]
    return " ".join(p for p in parts if p)


def index_case(session: Session, case: Case) -> None:
    """(Re)write the search text of ``case`` inside the caller's transaction."""
    parties = [p for p in case.parties if not p.deleted]
    body = case_text(case, parties, case.respondent)
    rid = session.execute(select(CaseSearchText.rid).where(CaseSearchText.case_id == case.id)).scalar_one_or_none()
    if rid is None:
        # The connection (not the ORM session) executes it, so the result carries the new row id.
        key = session.connection().execute(insert(CaseSearchText).values(case_id=case.id, body=body)
                                           ).inserted_primary_key
        assert key is not None, "a single-row INSERT always reports its primary key"
        rid = key[0]
    else:
        session.execute(update(CaseSearchText).where(CaseSearchText.rid == rid).values(body=body))
    if _has_fts(session):
        session.execute(text("DELETE FROM case_fts WHERE rowid = :rid"), {"rid": rid})
        session.execute(text("INSERT INTO case_fts (rowid, body) VALUES (:rid, :body)"), {"rid": rid, "body": body})


def _has_fts(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def index_many(session: Session, rows: list[tuple[str, str]]) -> None:
    """Bulk-insert (case_id, body) pairs for new cases (used by the demo generator)."""
    if not rows:
        return
    session.execute(insert(CaseSearchText), [{"case_id": cid, "body": body} for cid, body in rows])
    if _has_fts(session):
        session.execute(text(
            "INSERT INTO case_fts (rowid, body) SELECT rid, body FROM case_search_text "
            "WHERE case_id IN (SELECT value FROM json_each(:ids))"
        ), {"ids": json.dumps([cid for cid, _body in rows])})


def matching_case_ids(session: Session, query: str) -> TextualSelect:
    """A selectable of case ids whose search text contains ``query`` (case-insensitive for ASCII)."""
    query = query.strip()
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite" and len(query) >= 3:
        fts_query = '"' + query.replace('"', '""') + '"'
        return text(
            "SELECT t.case_id FROM case_fts JOIN case_search_text t ON t.rid = case_fts.rowid "
            "WHERE case_fts MATCH :q"
        ).bindparams(q=fts_query).columns(column("case_id", String))
    pattern = "%" + _escape_like(query) + "%"
    op = "LIKE" if dialect == "sqlite" else "ILIKE"
    return text(f"SELECT case_id FROM case_search_text WHERE body {op} :p ESCAPE '\\'").bindparams(
        p=pattern).columns(column("case_id", String))
