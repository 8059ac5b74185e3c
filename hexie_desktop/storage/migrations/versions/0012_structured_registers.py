"""structured registers (issue 14.3): trainings, assessments, coordinator coverage, supervision, social-organization
work and evaluation, 集体协商指导员; 备案 of mediation organizations; 依法结清劳动报酬情况 of layoffs

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04

The old free-text 培训记录 and 年度考核 of coordinators and mediators become records where they can
be read (``core/legacy_text.py``); what cannot be read stays in the text field.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timezone

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def _sync_columns() -> list[sa.Column]:
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("origin", sa.String(length=32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("change_seq", sa.BigInteger(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
    ]


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}"))


def _table(name: str, columns: list[sa.Column], refs: list[tuple[str, str]]) -> None:
    op.create_table(name, *columns, *_sync_columns(), *[_fk(name, c, t) for c, t in refs],
                    sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{name}")))
    with op.batch_alter_table(name, schema=None) as batch_op:
        for column in ("change_seq", "origin", *[c for c, _t in refs]):
            batch_op.create_index(batch_op.f(f"ix_{name}_{column}"), [column], unique=False)


PERSON_REFS = [("coordinator_id", "coordinators"), ("mediator_id", "mediators")]


def _create_tables() -> None:
    _table("negotiation_instructors", [
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("id_number", sa.String(length=18), nullable=True),
        sa.Column("sex", sa.String(length=10), nullable=True),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("phone", sa.String(length=30), nullable=True),
        sa.Column("unit", sa.String(length=200), nullable=True),
        sa.Column("employment_mode", sa.String(length=20), nullable=False),
        sa.Column("appointed_on", sa.Date(), nullable=True),
        sa.Column("certificate_no", sa.String(length=50), nullable=True),
        sa.Column("division_code", sa.String(length=12), nullable=True),
        sa.Column("enterprises_guided", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
    ], [])
    with op.batch_alter_table("negotiation_instructors", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_negotiation_instructors_name"), ["name"], unique=False)
    _table("person_trainings", [
        sa.Column("coordinator_id", sa.String(length=36), nullable=True),
        sa.Column("mediator_id", sa.String(length=36), nullable=True),
        sa.Column("trained_on", sa.Date(), nullable=False),
        sa.Column("hours", sa.Integer(), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("provider", sa.String(length=200), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
    ], PERSON_REFS)
    _table("person_assessments", [
        sa.Column("coordinator_id", sa.String(length=36), nullable=True),
        sa.Column("mediator_id", sa.String(length=36), nullable=True),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("result", sa.String(length=20), nullable=False),
        sa.Column("assessor", sa.String(length=100), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
    ], PERSON_REFS)
    _table("coordinator_enterprises", [
        sa.Column("coordinator_id", sa.String(length=36), nullable=False),
        sa.Column("employer_id", sa.String(length=36), nullable=False),
        sa.Column("served_from", sa.Date(), nullable=True),
        sa.Column("served_to", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
    ], [("coordinator_id", "coordinators"), ("employer_id", "employers")])
    _table("org_supervisions", [
        sa.Column("org_id", sa.String(length=36), nullable=False),
        sa.Column("visited_on", sa.Date(), nullable=False),
        sa.Column("inspector", sa.String(length=100), nullable=True),
        sa.Column("findings", sa.Text(), nullable=True),
        sa.Column("rectification", sa.Text(), nullable=True),
        sa.Column("rectified_on", sa.Date(), nullable=True),
    ], [("org_id", "mediation_orgs")])
    _table("social_org_works", [
        sa.Column("social_org_id", sa.String(length=36), nullable=False),
        sa.Column("worked_on", sa.Date(), nullable=False),
        sa.Column("work_type", sa.String(length=20), nullable=False),
        sa.Column("enterprises_served", sa.Integer(), nullable=False),
        sa.Column("workers_served", sa.Integer(), nullable=False),
        sa.Column("content", sa.Text(), nullable=True),
    ], [("social_org_id", "social_orgs")])
    _table("social_org_evaluations", [
        sa.Column("social_org_id", sa.String(length=36), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("result", sa.String(length=20), nullable=False),
        sa.Column("evaluator", sa.String(length=100), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
    ], [("social_org_id", "social_orgs")])


def _move_free_text() -> None:
    """Old 培训记录/年度考核 text → records (one new change_seq, so the exchange sends them)."""
    from hexie_desktop.core import legacy_text

    conn = op.get_bind()
    people = []
    for table, column in (("coordinators", "coordinator_id"), ("mediators", "mediator_id")):
        extra = ", assessments" if table == "mediators" else ", NULL"
        people += [(table, column, *row) for row in conn.execute(sa.text(
            f"SELECT id, origin, trainings{extra} FROM {table} WHERE deleted = :no AND "
            f"(trainings IS NOT NULL{' OR assessments IS NOT NULL' if table == 'mediators' else ''})"), {"no": False})]
    if not people:
        return
    conn.execute(sa.text("UPDATE counters SET value = value + 1 WHERE name = 'change_seq'"))
    seq = conn.execute(sa.text("SELECT value FROM counters WHERE name = 'change_seq'")).scalar() or 0
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    sync = {"version": 1, "change_seq": seq, "updated_at": now, "deleted": False}
    for table, column, person_id, origin, trainings_text, assessments_text in people:
        trainings, left_trainings = legacy_text.trainings(trainings_text)
        assessments, left_assessments = legacy_text.assessments(assessments_text)
        other = "mediator_id" if column == "coordinator_id" else "coordinator_id"
        for t in trainings:
            conn.execute(sa.text(
                f"INSERT INTO person_trainings (id, origin, version, change_seq, updated_at, deleted, {column}, {other},"
                " trained_on, hours, subject, provider, note) VALUES (:id, :origin, :version, :change_seq, :updated_at,"
                " :deleted, :person, NULL, :trained_on, :hours, :subject, :provider, NULL)"),
                {"id": str(uuid.uuid4()), "origin": origin, "person": person_id, "trained_on": t.trained_on,
                 "hours": t.hours, "subject": t.subject, "provider": t.provider, **sync})
        for a in assessments:
            conn.execute(sa.text(
                f"INSERT INTO person_assessments (id, origin, version, change_seq, updated_at, deleted, {column}, {other},"
                " year, result, assessor, note) VALUES (:id, :origin, :version, :change_seq, :updated_at, :deleted,"
                " :person, NULL, :year, :result, NULL, NULL)"),
                {"id": str(uuid.uuid4()), "origin": origin, "person": person_id, "year": a.year, "result": a.result,
                 **sync})
        if trainings or assessments:
            sets = ["trainings = :trainings", "version = version + 1", "change_seq = :change_seq",
                    "updated_at = :updated_at"]
            values = {"trainings": left_trainings, "change_seq": seq, "updated_at": now, "id": person_id}
            if table == "mediators":
                sets.append("assessments = :assessments")
                values["assessments"] = left_assessments if assessments else assessments_text
            if not trainings:
                values["trainings"] = trainings_text
            conn.execute(sa.text(f"UPDATE {table} SET {', '.join(sets)} WHERE id = :id"), values)


def upgrade() -> None:
    """Create the structured registers, add 备案 and 依法结清劳动报酬情况, move readable free text."""
    _create_tables()
    with op.batch_alter_table("mediation_orgs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("filing_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("filing_no", sa.String(length=50), nullable=True))
    with op.batch_alter_table("layoff_plans", schema=None) as batch_op:
        batch_op.add_column(sa.Column("wages_settled", sa.Text(), nullable=True))
    _move_free_text()


def downgrade() -> None:
    """Drop the structured registers and the added columns (records are not written back as text)."""
    with op.batch_alter_table("layoff_plans", schema=None) as batch_op:
        batch_op.drop_column("wages_settled")
    with op.batch_alter_table("mediation_orgs", schema=None) as batch_op:
        batch_op.drop_column("filing_no")
        batch_op.drop_column("filing_on")
    for name in ("social_org_evaluations", "social_org_works", "org_supervisions", "coordinator_enterprises",
                 "person_assessments", "person_trainings", "negotiation_instructors"):
        op.drop_table(name)
