"""action plan: 选树 nominations and their checked criteria

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
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


def upgrade() -> None:
    """Create the exchanged tables ``selections`` and ``selection_checks``."""
    op.create_table(
        "selections",
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("subject_kind", sa.String(length=20), nullable=False),
        sa.Column("subject_name", sa.String(length=200), nullable=False),
        sa.Column("coordinator_id", sa.String(length=36), nullable=True),
        sa.Column("social_org_id", sa.String(length=36), nullable=True),
        sa.Column("org_id", sa.String(length=36), nullable=True),
        sa.Column("mediator_id", sa.String(length=36), nullable=True),
        sa.Column("case_id", sa.String(length=36), nullable=True),
        sa.Column("nominated_on", sa.Date(), nullable=False),
        sa.Column("nominated_by", sa.String(length=50), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("reviewed_on", sa.Date(), nullable=True),
        sa.Column("reviewed_by", sa.String(length=50), nullable=True),
        sa.Column("review_note", sa.Text(), nullable=True),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("decided_by", sa.String(length=50), nullable=True),
        sa.Column("decision_note", sa.Text(), nullable=True),
        *_sync_columns(),
        _fk("selections", "case_id", "cases"),
        _fk("selections", "coordinator_id", "coordinators"),
        _fk("selections", "mediator_id", "mediators"),
        _fk("selections", "org_id", "mediation_orgs"),
        _fk("selections", "social_org_id", "social_orgs"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_selections")),
    )
    with op.batch_alter_table("selections", schema=None) as batch_op:
        for column in ("case_id", "change_seq", "coordinator_id", "decided_on", "kind", "mediator_id", "org_id",
                       "origin", "social_org_id", "status", "year"):
            batch_op.create_index(batch_op.f(f"ix_selections_{column}"), [column], unique=False)
    op.create_table(
        "selection_checks",
        sa.Column("selection_id", sa.String(length=36), nullable=False),
        sa.Column("code", sa.String(length=30), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=60), nullable=True),
        sa.Column("result", sa.String(length=10), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("checked_on", sa.Date(), nullable=True),
        sa.Column("checked_by", sa.String(length=50), nullable=True),
        *_sync_columns(),
        _fk("selection_checks", "selection_id", "selections"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_selection_checks")),
    )
    with op.batch_alter_table("selection_checks", schema=None) as batch_op:
        for column in ("change_seq", "origin", "selection_id"):
            batch_op.create_index(batch_op.f(f"ix_selection_checks_{column}"), [column], unique=False)


def downgrade() -> None:
    """Drop the 选树 tables."""
    op.drop_table("selection_checks")
    op.drop_table("selections")
