"""case: the employer's type and industry as registered (snapshot) and which side applied

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04

The official statistics count cases by the employer's type (单位性质) and industry (行业) *as
registered*: editing the employer later must not rewrite past periods.  Existing cases take the
employer row's current values once, here.  ``applicant_side`` says who applied for mediation:
the worker(s) (``worker``, the usual case) or the employer (``employer``, 用人单位申请调解).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the snapshot columns to ``cases`` (exchanged with the case) and fill them from the employers."""
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.add_column(sa.Column("employer_type", sa.String(length=30), nullable=True))
        batch_op.add_column(sa.Column("industry", sa.String(length=2), nullable=True))
        batch_op.add_column(sa.Column("applicant_side", sa.String(length=10), nullable=False,
                                      server_default="worker"))
    op.execute(
        "UPDATE cases SET "
        "employer_type = (SELECT employers.employer_type FROM employers WHERE employers.id = cases.respondent_id), "
        "industry = (SELECT employers.industry FROM employers WHERE employers.id = cases.respondent_id)"
    )


def downgrade() -> None:
    """Drop the snapshot columns."""
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_column("applicant_side")
        batch_op.drop_column("industry")
        batch_op.drop_column("employer_type")
