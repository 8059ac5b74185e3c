"""Alembic environment: runs on the connection handed in by :mod:`hexie_desktop.storage.migrate`."""

from __future__ import annotations

from alembic import context

from hexie_desktop.storage.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    """Run migrations on ``config.attributes['connection']`` (batch mode on SQLite)."""
    connection = config.attributes["connection"]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
