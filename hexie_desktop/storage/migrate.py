"""Schema migrations at start-up: back up, then upgrade to the newest revision.

There is no ``alembic.ini``; the configuration is built here and the migration scripts
ship inside the package.  A database newer than this program is refused.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.script.revision import ResolutionError
from alembic.util import CommandError
from sqlalchemy import Engine

from hexie_desktop.core.errors import StorageError
from hexie_desktop.core.i18n import _

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    """The newest revision this program knows."""
    return ScriptDirectory.from_config(_config()).get_current_head() or ""


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at (None for an empty database)."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _known(script: ScriptDirectory, revision: str) -> bool:
    try:
        return script.get_revision(revision) is not None
    except (ResolutionError, CommandError):
        return False


def is_known_revision(revision: str) -> bool:
    """True when ``revision`` is one of this program's migrations (False: the database is newer)."""
    return _known(ScriptDirectory.from_config(_config()), revision)


def needs_upgrade(engine: Engine) -> bool:
    """True when the database is behind this program; raises when it is ahead."""
    current = current_revision(engine)
    script = ScriptDirectory.from_config(_config())
    if current is not None and not _known(script, current):
        raise StorageError(_("数据库版本（{rev}）比本程序新，请升级程序后再打开").format(rev=current))
    return current != script.get_current_head()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Upgrade the database to ``revision`` in one transaction."""
    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
