"""The fast path's parse and column checks of the next chunks, in a second process (issue 12).

While the importing process inserts chunk N (sqlite3 and psycopg release the interpreter lock
while the database works), a worker process parses and checks chunk N+1 and N+2 with exactly
the functions the importing process would call itself (:func:`fastpath.parse`,
:func:`fastpath.check`) and sends back their answer: the checked columns, or None.  The
worker decides nothing else and writes nothing; the importing process still makes every
ownership check, inserts, and sends any chunk the answer is None for through the per-row path.

Off by default (:data:`MODE`); with ``"auto"`` used only for a large package (:data:`MIN_ROWS`)
when a second core is free (:func:`core_free`) — on a busy machine a second process only
competes with the others — and never in a frozen program.  Anything unusual with the worker (it
cannot start, it raises, it dies, an answer cannot be read) is noted and that chunk and all
later ones are checked in this process, as without the worker: the import's outcome does not
depend on the worker (tests/unit/test_exchange_fastpath.py runs the hostile packages through it
and kills it).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from hexie_desktop import failpoints
from hexie_desktop.exchange import fastpath
from hexie_desktop.exchange.codec import TABLES, TableSpec
from hexie_desktop.storage import digest

MODE = "never"
""""never" (the default: measured on this 2-core machine the worker did not pay at 164,910 rows — see
docs/PERFORMANCE.md "Exchange"); "auto": a worker when the package is large and a second core is free;
"always" (tests, benchmark)."""
MIN_ROWS = 20_000
"""Rows a package must declare before a worker is started (starting one costs ~0.3 s of the other core)."""
AHEAD = 2
"""Chunks handed to the worker ahead of the one being inserted."""
_START = "fork" if sys.platform == "linux" else "spawn"
"""How the worker starts: forked on Linux (a copy of this process: no second start of the interpreter and
its imports, ~1 s, which would be most of the gain at 10,000 cases); spawned elsewhere (no fork on Windows)."""
FAILPOINT = "import.precheck"
"""``HEXIE_FAILPOINT`` name that kills the worker at its first chunk (the crash test)."""


def check_lines(table: str, origin: str, lines: list[bytes]) -> tuple[list[Any] | None, int | None]:
    """The worker's task: :func:`local` of one chunk, and the rows' digest sum when it accepts them.

    The sum is :func:`digest.hash_sum` over the checked ids and versions — what a township's
    first full import adds to its digest (``ApplyResult.held``), computed here off the
    importing process.
    """
    failpoints.reach(FAILPOINT)
    spec = TABLES[table]
    columns = local(spec, origin, lines)
    if columns is None:
        return None, None
    by_name = dict(zip(spec.names, columns, strict=True))
    return columns, digest.hash_sum(table, by_name["id"], by_name["version"])


def local(spec: TableSpec, origin: str, lines: list[bytes]) -> list[Any] | None:
    """:func:`fastpath.parse` then :func:`fastpath.check` of ``lines`` in this process."""
    parsed = fastpath.parse(lines)
    return None if parsed is None else fastpath.check(spec, parsed, origin)


def core_free() -> bool:
    """True when this process may use two cores and the load leaves one of them idle on average."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover — not Linux
        cores = os.cpu_count() or 1
    if cores < 2:
        return False
    try:
        load = os.getloadavg()[0]
    except OSError:  # pragma: no cover — no load average on this system
        return False
    return load <= cores - 1


def wanted(rows: int) -> bool:
    """Whether an import of ``rows`` declared rows should check ahead in a worker (see :data:`MODE`)."""
    if MODE == "never" or getattr(sys, "frozen", False):
        return False
    if MODE == "always":
        return True
    return rows >= MIN_ROWS and core_free()


class Worker:
    """One worker process for one import; :meth:`chunks` pairs each chunk with its answer."""

    def __init__(self, origin: str) -> None:
        self.origin = origin
        self.pool: ProcessPoolExecutor | None = ProcessPoolExecutor(
            max_workers=1, mp_context=multiprocessing.get_context(_START))
        self.failed = False

    def chunks(self, spec: TableSpec,
               source: Iterable[list[bytes]]) -> Iterator[tuple[list[bytes], tuple[list[Any] | None, int | None]]]:
        """(chunk, (checked columns or None, their digest sum or None)) for every chunk of ``source``, in order.

        An error reading ``source`` is raised where reading it in order would have raised it:
        after the chunks before it have been handed on.
        """
        queue: deque[tuple[list[bytes], Future[Any] | None]] = deque()
        reading = iter(source)
        error: BaseException | None = None
        while True:
            while error is None and len(queue) <= AHEAD:
                try:
                    chunk = next(reading)
                except StopIteration:
                    break
                except BaseException as exc:  # noqa: BLE001 — raised again in its place below
                    error = exc
                    break
                queue.append((chunk, self._submit(spec, chunk)))
            if not queue:
                break
            chunk, future = queue.popleft()
            yield chunk, self._answer(spec, chunk, future)
        if error is not None:
            raise error

    def _submit(self, spec: TableSpec, chunk: list[bytes]) -> Future[Any] | None:
        if self.pool is None:
            return None
        try:
            return self.pool.submit(check_lines, spec.name, self.origin, chunk)
        except Exception as exc:  # noqa: BLE001 — a broken pool: check here from now on
            self._fail(exc)
            return None

    def _answer(self, spec: TableSpec, chunk: list[bytes],
                future: Future[Any] | None) -> tuple[list[Any] | None, int | None]:
        if future is not None:
            try:
                return future.result()
            except Exception as exc:  # noqa: BLE001 — the worker raised or died: this chunk is checked here
                self._fail(exc)
        return local(spec, self.origin, chunk), None

    def _fail(self, exc: BaseException) -> None:
        if not self.failed:
            logging.getLogger(__name__).warning("import check-ahead worker failed, checking in process: %s",
                                                type(exc).__name__)
        self.failed = True
        self.close()

    def close(self) -> None:
        """Stop the worker (pending chunks are dropped; it is idle or finishing one chunk)."""
        pool, self.pool = self.pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
