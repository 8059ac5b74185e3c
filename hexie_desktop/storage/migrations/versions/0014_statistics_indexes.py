"""statistics: a covering index of the columns the statistics count by, and the payment and 回访 dates

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-04
"""

from __future__ import annotations

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

STATS_COLUMNS = ["received_on", "origin", "deleted", "archived_on", "closed_on", "closing_reason", "rejected_on",
                 "defaulted_on", "source", "collective", "workers", "main_category", "employer_type", "industry"]


def upgrade() -> None:
    """Create ix_cases_stats, ix_performance_records_performed_on and ix_follow_ups_visited_on."""
    op.create_index("ix_cases_stats", "cases", STATS_COLUMNS, unique=False)
    op.create_index("ix_performance_records_performed_on", "performance_records", ["performed_on"], unique=False)
    op.create_index("ix_follow_ups_visited_on", "follow_ups", ["visited_on"], unique=False)


def downgrade() -> None:
    """Drop the three indexes."""
    op.drop_index("ix_follow_ups_visited_on", table_name="follow_ups")
    op.drop_index("ix_performance_records_performed_on", table_name="performance_records")
    op.drop_index("ix_cases_stats", table_name="cases")
