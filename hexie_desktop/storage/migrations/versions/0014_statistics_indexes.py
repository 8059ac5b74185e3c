"""statistics: covering indexes for the statistics' GROUP BY queries and their joins (services/stats_tally.py)

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

INDEXES = {
    "ix_cases_stats": ("cases", ["received_on", "origin", "deleted", "archived_on", "closed_on", "closing_reason",
                                 "rejected_on", "defaulted_on", "source", "collective", "workers", "main_category",
                                 "employer_type", "industry", "id"]),
    "ix_cases_id_stats": ("cases", ["id", "deleted", "origin", "main_category", "received_on", "archived_on",
                                    "closed_on", "defaulted_on"]),
    "ix_claims_stats": ("claims", ["case_id", "deleted", "category", "amount_cents"]),
    "ix_agreements_stats": ("agreements", ["effective_on", "deleted", "id", "case_id", "arbitration_review",
                                           "judicial_confirmation", "payment_order"]),
    "ix_agreement_items_stats": ("agreement_items", ["agreement_id", "deleted", "case_id", "category",
                                                     "amount_cents"]),
    "ix_performance_records_stats": ("performance_records", ["performed_on", "deleted", "case_id", "item_id",
                                                             "amount_cents"]),
    "ix_follow_ups_stats": ("follow_ups", ["visited_on", "deleted", "case_id"]),
}


def upgrade() -> None:
    """Create the covering indexes of the statistics."""
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns, unique=False)


def downgrade() -> None:
    """Drop them."""
    for name, (table, _columns) in reversed(list(INDEXES.items())):
        op.drop_index(name, table_name=table)
