"""papers per session and per delivery: session times, what an issued paper is of

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add mediation_sessions.start_time/end_time (``HH:MM``) and issued_documents.subject.

    Both tables are exchanged; the new columns travel with their rows.
    """
    with op.batch_alter_table("mediation_sessions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("start_time", sa.String(length=5), nullable=True))
        batch_op.add_column(sa.Column("end_time", sa.String(length=5), nullable=True))
    with op.batch_alter_table("issued_documents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("subject", sa.String(length=200), nullable=True))


def downgrade() -> None:
    """Drop the columns again."""
    with op.batch_alter_table("issued_documents", schema=None) as batch_op:
        batch_op.drop_column("subject")
    with op.batch_alter_table("mediation_sessions", schema=None) as batch_op:
        batch_op.drop_column("end_time")
        batch_op.drop_column("start_time")
