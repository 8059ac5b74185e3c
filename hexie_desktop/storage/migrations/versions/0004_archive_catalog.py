"""cases: the 卷内目录 stored when a case is archived

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add cases.archive_catalog (JSON text; exchanged with the rest of the case row)."""
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.add_column(sa.Column("archive_catalog", sa.Text(), nullable=True))


def downgrade() -> None:
    """Drop cases.archive_catalog."""
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_column("archive_catalog")
