"""A worker process that makes the demo's rows while the main process inserts them (issue 12).

Making a row in Python costs about as much as SQLite's insert of it, and the machine has two
cores: the worker runs the same generator (services/demo/generate.py, ``_produce``) from the
same plan, so a seed gives the same rows, and sends each batch of insert tuples back; the main
process only runs the inserts, inside its own transaction (the worker never opens the
database).  The worker is a fresh interpreter (``python -c`` running :data:`ENTRY`,
no fork of a process that may hold Qt or database threads, and the caller's main module is not
run again); the plan goes in on its stdin and the batches come back pickled on its stdout.  An
error in the worker is raised in the main process, whose transaction then rolls back, and the
worker is ended whenever the main process stops reading.
"""

from __future__ import annotations

import gettext
import os
import pickle
import subprocess
import sys
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, BinaryIO

from hexie_desktop.core import i18n
from hexie_desktop.core.i18n import _

ENTRY = "import importlib; importlib.import_module('hexie_desktop.services.demo.generate').worker_main()"
"""What the worker interpreter runs (generate.py hands its row maker to :func:`main`)."""
Produce = Callable[[Any, Any], Iterator[Any]]
"""``_produce(plan, dialect)`` of generate.py: the batches of a plan."""

_DONE = "done"
_ERROR = "error"


class WorkerFailed(RuntimeError):
    """The worker process stopped with an error (its traceback is in the message)."""


class WorkerUnavailable(WorkerFailed):
    """The worker process ended before it sent anything (it could not start here): make the rows in-process."""


def usable() -> bool:
    """True when a worker makes the same rows as this process would.

    Not when a translation is installed (the worker would write the untranslated texts) or
    when this interpreter cannot be started again (a frozen program).
    """
    return (type(i18n._translation) is gettext.NullTranslations and not getattr(sys, "frozen", False)
            and bool(sys.executable))


def spare_core() -> bool:
    """True when a core is idle for the worker: at least 2 cores and a load average below one less than their number.

    With no idle core the worker only adds its start-up and the pickling: on the shared 2-core
    test machine (Linux groups the demo's two processes, so they share one process's part of a
    busy machine) 100,000 cases took 23.9 s with the worker and 18.1 s without at a load of 3,
    51.1 s and 53.4 s at a load of 7.  Where the load average is unknown (Windows) a core is
    assumed idle.
    """
    cores = os.cpu_count() or 1
    if cores < 2:
        return False
    try:
        load = os.getloadavg()[0]
    except (AttributeError, OSError):
        return True
    return load < cores - 1


@contextmanager
def batches(plan: Any) -> Iterator[Iterator[Any]]:
    """The batches of ``plan``, made by a worker process (at most one batch ahead of the caller)."""
    process = subprocess.Popen([sys.executable, "-c", ENTRY],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert process.stdin is not None and process.stdout is not None
    stdout = process.stdout
    try:
        pickle.dump(plan, process.stdin, protocol=pickle.HIGHEST_PROTOCOL)
        process.stdin.close()
    except OSError:  # the worker died at once: reading its output below says so
        pass

    def receive() -> Iterator[Any]:
        received = False
        while True:
            try:
                kind, item = pickle.load(stdout)
            except EOFError:
                failure = WorkerFailed if received else WorkerUnavailable
                raise failure(_("演示数据生成进程意外退出（退出码{code}）").format(code=process.wait())) from None
            received = True
            if kind == _DONE:
                return
            if kind == _ERROR:
                raise WorkerFailed(_("演示数据生成失败：") + "\n" + item)
            yield item

    try:
        yield receive()
    finally:
        if process.poll() is None:
            process.kill()
        process.wait()
        stdout.close()
        if not process.stdin.closed:
            process.stdin.close()


def _serve(source: BinaryIO, sink: BinaryIO, produce: Produce) -> None:
    """The worker: read a plan from ``source``, write its batches and then ``done`` (or the error) to ``sink``."""
    try:
        from sqlalchemy.dialects import sqlite

        plan = pickle.load(source)
        for batch in produce(plan, sqlite.dialect()):
            pickle.dump(("batch", batch), sink, protocol=pickle.HIGHEST_PROTOCOL)
            sink.flush()
        message: tuple[str, Any] = (_DONE, None)
    except BaseException:  # noqa: BLE001 - everything goes back to the main process, which raises it
        message = (_ERROR, traceback.format_exc())
    pickle.dump(message, sink, protocol=pickle.HIGHEST_PROTOCOL)
    sink.flush()


def main(produce: Produce) -> None:
    """The worker process's entry: plan on stdin, pickled batches of ``produce`` on stdout (prints go to stderr)."""
    source, sink = os.fdopen(os.dup(0), "rb"), os.fdopen(os.dup(1), "wb")  # the pipes, also under pythonw
    sys.stdout = sys.stderr  # a stray print must not land in the pickles
    _serve(source, sink, produce)
    sink.close()
    source.close()
