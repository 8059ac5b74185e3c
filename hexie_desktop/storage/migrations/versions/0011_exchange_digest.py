"""exchange: the digest of every (table, id, version) kept incrementally

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create ``exchange_digests`` empty: without its ``*`` marker row the next export or receipt rebuilds it.

    A later migration that changes exchanged rows must delete the marker row
    (``DELETE FROM exchange_digests WHERE origin = '*'``) so that the digest is rebuilt.
    """
    op.create_table(
        "exchange_digests",
        sa.Column("origin", sa.String(length=32), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("rows", sa.BigInteger(), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("origin", "table_name", name=op.f("pk_exchange_digests")),
    )


def downgrade() -> None:
    """Drop ``exchange_digests``."""
    op.drop_table("exchange_digests")
