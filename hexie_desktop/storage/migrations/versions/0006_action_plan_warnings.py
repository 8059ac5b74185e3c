"""action plan: early-warning leads (线索) and their follow-up records

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
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


def upgrade() -> None:
    """Create the exchanged tables ``warning_leads`` and ``warning_actions``."""
    op.create_table(
        "warning_leads",
        sa.Column("rule", sa.String(length=30), nullable=False),
        sa.Column("subject", sa.String(length=120), nullable=False),
        sa.Column("level", sa.String(length=10), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.Column("evidence", sa.String(length=64), nullable=False),
        sa.Column("employer_id", sa.String(length=36), nullable=True),
        sa.Column("key_enterprise_id", sa.String(length=36), nullable=True),
        sa.Column("case_id", sa.String(length=36), nullable=True),
        sa.Column("raised_on", sa.Date(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("owner", sa.String(length=50), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("outcome", sa.Text(), nullable=True),
        *_sync_columns(),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_warning_leads_case_id_cases")),
        sa.ForeignKeyConstraint(["employer_id"], ["employers.id"], name=op.f("fk_warning_leads_employer_id_employers")),
        sa.ForeignKeyConstraint(["key_enterprise_id"], ["key_enterprises.id"],
                                name=op.f("fk_warning_leads_key_enterprise_id_key_enterprises")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_warning_leads")),
    )
    with op.batch_alter_table("warning_leads", schema=None) as batch_op:
        for column in ("change_seq", "employer_id", "origin", "raised_on", "rule", "status", "subject"):
            batch_op.create_index(batch_op.f(f"ix_warning_leads_{column}"), [column], unique=False)
    op.create_table(
        "warning_actions",
        sa.Column("lead_id", sa.String(length=36), nullable=False),
        sa.Column("on_date", sa.Date(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=50), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("owner", sa.String(length=50), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        *_sync_columns(),
        sa.ForeignKeyConstraint(["lead_id"], ["warning_leads.id"], name=op.f("fk_warning_actions_lead_id_warning_leads")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_warning_actions")),
    )
    with op.batch_alter_table("warning_actions", schema=None) as batch_op:
        for column in ("change_seq", "lead_id", "origin"):
            batch_op.create_index(batch_op.f(f"ix_warning_actions_{column}"), [column], unique=False)


def downgrade() -> None:
    """Drop the early-warning tables."""
    op.drop_table("warning_actions")
    op.drop_table("warning_leads")
