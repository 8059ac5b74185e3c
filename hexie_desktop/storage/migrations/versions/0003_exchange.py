"""exchange: peers, package log, conflict queue, quarantine, epochs, code additions

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the local bookkeeping tables of the township/district exchange."""
    op.create_table(
        "exchange_codes",
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("label", sa.String(length=100), nullable=False),
        sa.Column("package_id", sa.String(length=36), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("table_name", "code", name=op.f("pk_exchange_codes")),
    )
    op.create_table(
        "exchange_conflicts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("origin", sa.String(length=32), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("package_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("stored", sa.Text(), nullable=False),
        sa.Column("incoming", sa.Text(), nullable=True),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("resolved_by", sa.String(length=50), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_conflicts")),
    )
    with op.batch_alter_table("exchange_conflicts", schema=None) as batch_op:
        batch_op.create_index("ix_exchange_conflicts_origin_status", ["origin", "status"], unique=False)
        batch_op.create_index(batch_op.f("ix_exchange_conflicts_row_id"), ["row_id"], unique=False)

    op.create_table(
        "exchange_epochs",
        sa.Column("epoch", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("base_change_seq", sa.BigInteger(), nullable=False),
        sa.Column("reason", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("epoch", name=op.f("pk_exchange_epochs")),
    )
    op.create_table(
        "exchange_packages",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("direction", sa.String(length=3), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("peer", sa.String(length=32), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("epoch", sa.Integer(), nullable=False),
        sa.Column("epoch_base", sa.BigInteger(), nullable=False),
        sa.Column("change_from", sa.BigInteger(), nullable=False),
        sa.Column("change_to", sa.BigInteger(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("row_counts", sa.Text(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=True),
        sa.Column("table_counts", sa.Text(), nullable=False),
        sa.Column("audit_head", sa.String(length=64), nullable=True),
        sa.Column("based_on", sa.String(length=36), nullable=True),
        sa.Column("file_name", sa.String(length=255), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=True),
        sa.Column("acknowledged_at", sa.DateTime(), nullable=True),
        sa.Column("acknowledged_by", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_packages")),
    )
    with op.batch_alter_table("exchange_packages", schema=None) as batch_op:
        batch_op.create_index("ix_exchange_packages_peer_sequence", ["direction", "peer", "epoch", "sequence"],
                              unique=False)

    op.create_table(
        "exchange_peers",
        sa.Column("unit_code", sa.String(length=32), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("unit_name", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("fingerprint", sa.String(length=40), nullable=False),
        sa.Column("age_recipient", sa.String(length=100), nullable=False),
        sa.Column("sign_key", sa.String(length=64), nullable=False),
        sa.Column("card", sa.Text(), nullable=False),
        sa.Column("previous_fingerprints", sa.Text(), nullable=False),
        sa.Column("trusted_at", sa.DateTime(), nullable=True),
        sa.Column("trusted_by", sa.String(length=50), nullable=True),
        sa.Column("epoch", sa.Integer(), nullable=False),
        sa.Column("epoch_base", sa.BigInteger(), nullable=False),
        sa.Column("last_sequence", sa.Integer(), nullable=False),
        sa.Column("last_package_id", sa.String(length=36), nullable=True),
        sa.Column("last_received_at", sa.DateTime(), nullable=True),
        sa.Column("gaps", sa.Text(), nullable=False),
        sa.Column("last_receipt_sequence", sa.Integer(), nullable=False),
        sa.Column("last_receipt_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("unit_code", name=op.f("pk_exchange_peers")),
    )
    op.create_table(
        "exchange_quarantine",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("package_id", sa.String(length=36), nullable=False),
        sa.Column("origin", sa.String(length=32), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=64), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("raw", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_quarantine")),
    )
    with op.batch_alter_table("exchange_quarantine", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_exchange_quarantine_package_id"), ["package_id"], unique=False)


def downgrade() -> None:
    """Drop the exchange tables."""
    with op.batch_alter_table("exchange_quarantine", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_exchange_quarantine_package_id"))
    op.drop_table("exchange_quarantine")
    op.drop_table("exchange_peers")
    with op.batch_alter_table("exchange_packages", schema=None) as batch_op:
        batch_op.drop_index("ix_exchange_packages_peer_sequence")
    op.drop_table("exchange_packages")
    op.drop_table("exchange_epochs")
    with op.batch_alter_table("exchange_conflicts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_exchange_conflicts_row_id"))
        batch_op.drop_index("ix_exchange_conflicts_origin_status")
    op.drop_table("exchange_conflicts")
    op.drop_table("exchange_codes")
