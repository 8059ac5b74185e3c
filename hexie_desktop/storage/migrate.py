"""Schema migrations at start-up: back up, then upgrade to the newest revision.

There is no ``alembic.ini``; the configuration is built here and the migration scripts
ship inside the package.  A database newer than this program is refused.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from hexie_desktop.core.errors import StorageError
from hexie_desktop.core.i18n import _

if TYPE_CHECKING:  # SQLAlchemy too loads only when used: the start-up check asks is_known_revision first
    from alembic.config import Config
    from alembic.script import ScriptDirectory
    from sqlalchemy import Engine

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
_REVISION = re.compile(r"""^(down_revision|revision)\s*(?::[^=\n]*)?=\s*(?:["']([^"'\n]+)["']|None)\s*(?:#.*)?$""",
                       re.M)
_ANY_REVISION_LINE = re.compile(r"^(down_revision|revision)\b", re.M)


def _config() -> Config:
    from alembic.config import Config  # alembic loads in 0.2–0.5 s: only when there is work for it

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    """The newest revision this program knows."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config()).get_current_head() or ""


def shipped_head() -> str | None:
    """The newest revision by a plain read of the scripts' ``revision``/``down_revision`` lines.

    ``None`` unless exactly one revision is nobody's parent; a quick check at start-up
    (:func:`head_revision` is the authority, and a test keeps the two equal).
    """
    revisions, parents = set(), set()
    for script in (MIGRATIONS_DIR / "versions").glob("*.py"):
        source = script.read_text(encoding="utf-8")
        found = {m.group(1): m.group(2) for m in _REVISION.finditer(source)}
        if len(_ANY_REVISION_LINE.findall(source)) != len(found):
            return None  # a form this quick read does not know (a merge, say): let alembic decide
        if "revision" in found:
            revisions.add(found["revision"])
            parents.add(found.get("down_revision"))
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at (None for an empty database)."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _stored_revision(engine: Engine) -> str | None:
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    except DBAPIError:
        return None
    return rows[0] if len(rows) == 1 else None


def _known(script: ScriptDirectory, revision: str) -> bool:
    from alembic.script.revision import ResolutionError
    from alembic.util import CommandError

    try:
        return script.get_revision(revision) is not None
    except (ResolutionError, CommandError):
        return False


def is_known_revision(revision: str) -> bool:
    """True when ``revision`` is one of this program's migrations (False: the database is newer)."""
    if revision == shipped_head():  # the usual case, without loading alembic
        return True
    from alembic.script import ScriptDirectory

    return _known(ScriptDirectory.from_config(_config()), revision)


def needs_upgrade(engine: Engine) -> bool:
    """True when the database is behind this program; raises when it is ahead."""
    stored = _stored_revision(engine)
    if stored is not None and stored == shipped_head():
        return False
    from alembic.script import ScriptDirectory

    current = current_revision(engine)
    script = ScriptDirectory.from_config(_config())
    if current is not None and not _known(script, current):
        raise StorageError(_("数据库版本（{rev}）比本程序新，请升级程序后再打开").format(rev=current))
    return current != script.get_current_head()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Upgrade the database to ``revision`` in one transaction."""
    from alembic import command

    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
