"""The station's log file: ``logs/hexie.log`` in the data directory, rotating (1 MB × 5), no personal data.

Configured once per process by :func:`configure` — by ``cli.main`` and by ``app.run`` — for
the ``hexie_desktop`` logger.  The file is opened only when the first record is written, so a
station that never fails never gets a ``logs`` folder.

What goes in: the program's own words, exception types, error codes (errno, SQLite result
names), case ids/UUIDs, table names and tracebacks made of code locations.  What never goes
in: the text of an exception (it may quote a name, an ID number or a phone number entered by a
person) — tracebacks are written as frames plus the exception's type and code only.  Every
record passes through :func:`~hexie_desktop.core.text.printable`, and anything shaped like a
resident ID number or a mobile number is masked as a last line of defence.
"""

from __future__ import annotations

import logging
import re
import sys
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from hexie_desktop.core.text import printable

LOG_DIR = "logs"
LOG_NAME = "hexie.log"
MAX_BYTES = 1024 * 1024
BACKUPS = 5
LOGGER = "hexie_desktop"

_ID_LIKE = re.compile(r"(?<!\d)\d{17}[\dXx](?!\d)|(?<!\d)\d{15}(?!\d)")
_PHONE_LIKE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")

log = logging.getLogger(LOGGER)
_handler: RotatingFileHandler | None = None


def _mask(text: str) -> str:
    return _PHONE_LIKE.sub("[phone]", _ID_LIKE.sub("[id]", printable(text)))


def _code(error: BaseException) -> str:
    from hexie_desktop.storage.errors import code_of

    code = code_of(error)
    return f" [{code}]" if code else ""


def safe_traceback(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> str:
    """The traceback of ``error`` as code locations plus exception types and codes — never its text."""
    lines: list[str] = []
    seen: set[int] = set()
    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append(current)
        current = current.__cause__ or (None if current.__suppress_context__ else current.__context__)
    for index, item in enumerate(reversed(chain)):
        if index:
            lines.append("  which led to:")
        frames = traceback.extract_tb(item.__traceback__ if item is not error else trace or item.__traceback__)
        for frame in frames:
            lines.append(f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}')
            if frame.line:
                lines.append(f"    {frame.line.strip()}")
        lines.append(f"  {type(item).__module__}.{type(item).__qualname__}{_code(item)}")
    return "\n".join(lines)


class SafeFormatter(logging.Formatter):
    """Formats a record with control characters escaped, ID/phone-shaped digits masked, safe tracebacks."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s: %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        """One record: the message made safe, then (if any) the safe traceback."""
        text = f"{self.formatTime(record)} {record.levelname} {record.name}: {_mask(record.getMessage())}"
        if record.exc_info and record.exc_info[1] is not None:
            kind, error, trace = record.exc_info
            lines = safe_traceback(kind, error, trace).splitlines()
            text += "".join("\n" + _mask(line) for line in lines)
        return text


def log_path(data_dir: Path) -> Path:
    """Where the log of the station at ``data_dir`` is written."""
    return Path(data_dir) / LOG_DIR / LOG_NAME


class _LazyDirHandler(RotatingFileHandler):
    """A rotating file handler that creates its folder only when it first writes."""

    def _open(self):  # noqa: ANN202
        Path(self.baseFilename).parent.mkdir(parents=True, exist_ok=True)
        return super()._open()

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802
        """A log that cannot be written (full disk, read-only folder) stays silent: never a traceback on screen."""


def configure(data_dir: Path | None) -> Path | None:
    """Send the program's log to ``data_dir/logs/hexie.log`` (replacing an earlier configuration).

    Returns the log file's path (None when there is no data directory).  Nothing is written
    to the screen: unexpected errors go to the file with their traceback, people see one line.
    """
    global _handler
    if _handler is not None:
        log.removeHandler(_handler)
        _handler.close()
        _handler = None
    log.setLevel(logging.INFO)
    if data_dir is None:
        return None
    handler = _LazyDirHandler(log_path(data_dir), maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8",
                              delay=True)
    handler.setFormatter(SafeFormatter())
    handler.setLevel(logging.WARNING)
    log.addHandler(handler)
    _handler = handler
    return log_path(data_dir)


def _unraisable(info: sys.UnraisableHookArgs) -> None:
    error = info.exc_value
    log.warning("ignored error while cleaning up: %s%s", getattr(info.exc_type, "__name__", "?"),
                _code(error) if error is not None else "")


def quiet_cleanup_errors() -> None:
    """Errors Python can only ignore (a half-written zip closed by the garbage collector on a full disk)
    go to the log instead of printing a traceback on the screen."""
    sys.unraisablehook = _unraisable


def current_path() -> Path | None:
    """The log file configured for this process, or None."""
    return Path(_handler.baseFilename) if _handler is not None else None


def unexpected(error: BaseException, where: str = "") -> Path | None:
    """Record an error no code expected, with its (safe) traceback; returns the log file's path."""
    try:
        log.error("unexpected error%s: %s", f" in {where}" if where else "", type(error).__name__,
                  exc_info=(type(error), error, error.__traceback__))
    except Exception:  # noqa: BLE001 — a failing log must never hide the error itself
        pass
    return current_path()


def fault(error: BaseException, command: str = "") -> None:
    """Record an everyday fault of files or the database (type and code — never the message)."""
    log.warning("fault%s: %s%s", f" in {command}" if command else "", type(error).__name__, _code(error))
