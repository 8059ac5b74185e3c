"""Persistence: SQLAlchemy 2.0 models, engine set-up, migrations, search and the audit chain."""
