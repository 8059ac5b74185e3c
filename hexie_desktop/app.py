"""Composition root of the desktop app: where the data lives, logging, the demo station, then the GUI.

``run()`` is what ``hexie`` (no command) and ``hexie --demo`` call.  Everything Qt lives in
:mod:`hexie_desktop.ui`; the demo station is prepared by :mod:`hexie_desktop.services.demo.station`.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

log = logging.getLogger("hexie_desktop")


def setup_logging(data_dir: Path | None = None) -> Path | None:
    """Write the program's log to the station's ``logs/hexie.log`` (see :mod:`hexie_desktop.log`)."""
    from hexie_desktop import log as hexie_log
    from hexie_desktop.paths import default_data_dir

    hexie_log.quiet_cleanup_errors()
    return hexie_log.configure(data_dir if data_dir is not None else default_data_dir())


def run(data_dir: Path | None, db_url: str | None, demo: bool) -> int:
    """Open the desktop app; returns the process exit code."""
    setup_logging(Path(data_dir) if data_dir is not None else None)
    from hexie_desktop.ui.startup import start

    return start(data_dir=Path(data_dir) if data_dir is not None else None, db_url=db_url, demo=demo,
                 argv=sys.argv[:1])
