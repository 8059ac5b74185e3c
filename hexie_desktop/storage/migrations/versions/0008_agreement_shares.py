"""agreement shares: each worker's amount and due date under a collective agreement (每人金额明细)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
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
    """Create the exchanged table ``agreement_shares`` (a row of a case, like the agreement items)."""
    op.create_table(
        "agreement_shares",
        sa.Column("agreement_id", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("party_id", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("amount_cents", sa.BigInteger(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        *_sync_columns(),
        sa.ForeignKeyConstraint(["agreement_id"], ["agreements.id"],
                                name=op.f("fk_agreement_shares_agreement_id_agreements")),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_agreement_shares_case_id_cases")),
        sa.ForeignKeyConstraint(["party_id"], ["parties.id"], name=op.f("fk_agreement_shares_party_id_parties")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_shares")),
    )
    with op.batch_alter_table("agreement_shares", schema=None) as batch_op:
        for column in ("agreement_id", "case_id", "change_seq", "origin", "party_id"):
            batch_op.create_index(batch_op.f(f"ix_agreement_shares_{column}"), [column], unique=False)


def downgrade() -> None:
    """Drop the shares table."""
    op.drop_table("agreement_shares")
