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
from typing import IO, Any, BinaryIO

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
    """The batches of ``plan``, made by a worker process (about one batch ahead of the caller)."""
    process = subprocess.Popen([sys.executable, "-c", ENTRY],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert process.stdin is not None and process.stdout is not None
    stdout = process.stdout
    _widen(stdout.fileno())
    try:
        pickle.dump(plan, process.stdin, protocol=pickle.HIGHEST_PROTOCOL)
        process.stdin.close()
    except OSError:  # the worker died at once: reading its output below says so
        pass

    def receive() -> Iterator[Any]:
        received = False
        while True:
            message = _read_message(stdout)
            if message is None:
                failure = WorkerFailed if received else WorkerUnavailable
                raise failure(_("演示数据生成进程意外退出（退出码{code}）").format(code=process.wait())) from None
            received = True
            kind, item = pickle.loads(message)
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
            _write_message(sink, ("batch", batch))
        message: tuple[str, Any] = (_DONE, None)
    except BaseException:  # noqa: BLE001 - everything goes back to the main process, which raises it
        message = (_ERROR, traceback.format_exc())
    _write_message(sink, message)


def _write_message(sink: BinaryIO, message: object) -> None:
    """``message`` pickled whole, then sent as its length and its bytes (the reader copies, it does not wait on us)."""
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    sink.write(len(data).to_bytes(8, "little"))
    sink.write(data)
    sink.flush()


def _read_message(source: IO[bytes]) -> bytes | None:
    """The next message's bytes, or None when the worker ended first."""
    head = source.read(8)
    if len(head) < 8:
        return None
    size = int.from_bytes(head, "little")
    data = source.read(size)
    return data if len(data) == size else None


def _widen(fd: int) -> None:
    """A pipe of 1 MiB where Linux allows it: a 10 MB batch then crosses in a few hand-overs, not 160."""
    try:
        import fcntl

        fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, 1 << 20)
    except (ImportError, AttributeError, OSError):
        pass  # the default pipe works, a little slower


def main(produce: Produce) -> None:
    """The worker process's entry: plan on stdin, pickled batches of ``produce`` on stdout (prints go to stderr)."""
    source, sink = os.fdopen(os.dup(0), "rb"), os.fdopen(os.dup(1), "wb")  # the pipes, also under pythonw
    sys.stdout = sys.stderr  # a stray print must not land in the pickles
    _serve(source, sink, produce)
    sink.close()
    source.close()
