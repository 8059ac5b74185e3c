"""Crash points for the kill -9 tests: ``HEXIE_FAILPOINT=name`` kills the process right there.

Crash safety is proven by killing a real process at the worst moments (after a number is
reserved, after a package is written but before it is recorded, after the commit but before
the file is moved into place …).  A test sets ``HEXIE_FAILPOINT`` for the child process; the
named point then ends that process as abruptly as a power cut would — no ``finally`` blocks,
no cleanup.  ``HEXIE_FAILPOINT=pause:name`` instead stops there until the test lets it go:
the process creates ``reached-<pid>`` in the folder ``HEXIE_FAILPOINT_DIR`` names and waits
for a file ``go`` to appear there (to line up two processes at the same point).  Without the
variable :func:`reach` does nothing.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

ENV = "HEXIE_FAILPOINT"
DIR_ENV = "HEXIE_FAILPOINT_DIR"


def reach(name: str) -> None:
    """Kill this process at once (or pause it) when ``HEXIE_FAILPOINT`` names this point."""
    wanted = os.environ.get(ENV)
    if not wanted:
        return
    if wanted == name:
        os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))
    elif wanted == f"pause:{name}":
        folder = Path(os.environ[DIR_ENV])
        (folder / f"reached-{os.getpid()}").touch()
        while not (folder / "go").exists():
            time.sleep(0.02)
