"""Alembic migration scripts (run at start-up, never by hand)."""
