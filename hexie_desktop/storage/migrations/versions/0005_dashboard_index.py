"""dashboard: index case_events by date and action (this month's counts without a full scan)

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create ix_case_events_on_date_action."""
    op.create_index("ix_case_events_on_date_action", "case_events", ["on_date", "action"], unique=False)


def downgrade() -> None:
    """Drop ix_case_events_on_date_action."""
    op.drop_index("ix_case_events_on_date_action", table_name="case_events")
