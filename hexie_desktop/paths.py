"""Where a station keeps its files: database, backups, attachments, keys."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "hexie"
# Package data shipped with the code (fonts …): inside the package, so an installed copy finds it.
RESOURCES = Path(__file__).resolve().parent / "resources"


def default_data_dir() -> Path:
    """``HEXIE_DATA_DIR`` if set, else the platform's per-user data directory."""
    env = os.environ.get("HEXIE_DATA_DIR")
    if env:
        return Path(env)
    from platformdirs import user_data_dir  # only here: the login dialog shows before it is needed

    return Path(user_data_dir(APP_NAME, appauthor=False))


def demo_data_dir() -> Path:
    """The demo station's own directory, beside the real one (beside ``HEXIE_DATA_DIR`` when set)."""
    return default_data_dir().with_name(default_data_dir().name + "-demo")


@dataclass(frozen=True)
class StationPaths:
    """The files of one station under its data directory."""

    root: Path

    @property
    def database(self) -> Path:
        """The SQLite file."""
        return self.root / "hexie.sqlite3"

    @property
    def backups(self) -> Path:
        """Automatic and manual backups."""
        return self.root / "backups"

    @property
    def attachments(self) -> Path:
        """Stored attachments, named by SHA-256."""
        return self.root / "attachments"

    @property
    def keys(self) -> Path:
        """Station keys for the exchange."""
        return self.root / "keys"

    @property
    def lock(self) -> Path:
        """The single-writer lock file."""
        return self.root / "hexie.lock"

    @property
    def restore_journal(self) -> Path:
        """The journal of a restore under way (``services.restore``): present, the next start finishes it."""
        return self.root / "restore.journal"

    def ensure(self) -> StationPaths:
        """Create the directories (private to the user where the OS allows)."""
        for path in (self.root, self.backups, self.attachments, self.keys):
            path.mkdir(parents=True, exist_ok=True)
        return self
