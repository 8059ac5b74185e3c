"""action plan: case grading override (繁简分流) and the 重大集体劳动争议 report date

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the grading columns to ``cases`` (exchanged with the rest of the case)."""
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.add_column(sa.Column("grade_override", sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column("grade_reason", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("major_reported_on", sa.Date(), nullable=True))


def downgrade() -> None:
    """Drop the grading columns."""
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_column("major_reported_on")
        batch_op.drop_column("grade_reason")
        batch_op.drop_column("grade_override")
