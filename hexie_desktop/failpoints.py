"""Crash points for the kill -9 tests: ``HEXIE_FAILPOINT=name`` kills the process right there.

Crash safety is proven by killing a real process at the worst moments (after a number is
reserved, after a package is written but before it is recorded, after the commit but before
the file is moved into place …).  A test sets ``HEXIE_FAILPOINT`` for the child process; the
named point then ends that process as abruptly as a power cut would — no ``finally`` blocks,
no cleanup.  Without the variable :func:`reach` does nothing.
"""

from __future__ import annotations

import os
import signal

ENV = "HEXIE_FAILPOINT"


def reach(name: str) -> None:
    """Kill this process at once when ``HEXIE_FAILPOINT`` names this point."""
    if os.environ.get(ENV) == name:
        os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))
