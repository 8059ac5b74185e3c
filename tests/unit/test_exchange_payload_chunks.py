"""Reading a table in blocks gives the lines, and the errors, of reading it line by line (issue 12).

``PayloadReader.chunks`` replaced ``readline`` per row on the import path; for every content —
empty lines, carriage returns, a line exactly at and one byte over the line limit, an
unterminated last line, lines across block boundaries — it must yield the same lines (without
their newline) or raise the same error as :meth:`PayloadReader.lines`.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hexie_desktop.exchange import limits, payload
from hexie_desktop.exchange.errors import ExchangeError


def _reader(tmp: Path, data: bytes) -> payload.PayloadReader:
    path = tmp / "p.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("tables/cases.jsonl", data)
    return payload.PayloadReader(path, "changes")


def _by_lines(reader: payload.PayloadReader) -> tuple[str, object]:
    try:
        return "ok", [line[:-1] for _n, line in reader.lines("cases")]
    except ExchangeError as exc:
        return "error", (exc.code, str(exc))


def _by_chunks(reader: payload.PayloadReader, size: int) -> tuple[str, object]:
    try:
        out = []
        for chunk in reader.chunks("cases", size):
            assert 0 < len(chunk) <= size
            out += chunk
        return "ok", out
    except ExchangeError as exc:
        return "error", (exc.code, str(exc))


LIMIT = 40
PIECES = st.sampled_from([b"{}", b"x" * (LIMIT - 1), b"y" * LIMIT, b"z" * (LIMIT + 1), b"w" * (3 * LIMIT), b"",
                          b"\r", "调解".encode(), b'{"a":1}'])


@settings(max_examples=150, deadline=None)
@given(lines=st.lists(PIECES, max_size=12), last_newline=st.booleans(), block=st.integers(1, 64),
       size=st.integers(1, 5))
def test_chunks_read_what_lines_read(tmp_path_factory, monkeypatch_module, lines, last_newline, block, size):
    """Same lines in the same order, or the same error (code and text), whatever the block size."""
    data = b"\n".join(lines) + (b"\n" if last_newline and lines else b"")
    reader = _reader(tmp_path_factory.mktemp("chunks"), data)
    try:
        monkeypatch_module.setattr(limits, "LINE_MAX_BYTES", LIMIT)
        monkeypatch_module.setattr(payload, "_COPY", block)
        assert _by_chunks(reader, size) == _by_lines(reader)
    finally:
        reader.close()


@pytest.fixture(scope="module")
def monkeypatch_module():
    patcher = pytest.MonkeyPatch()
    yield patcher
    patcher.undo()


def test_a_line_over_the_limit_is_named(tmp_path, monkeypatch):
    """The error names the table and the line, as before."""
    monkeypatch.setattr(limits, "LINE_MAX_BYTES", LIMIT)
    reader = _reader(tmp_path, b"{}\n" + b"x" * 100 + b"\n{}\n")
    with pytest.raises(ExchangeError, match="第2行过长"):
        list(reader.chunks("cases", 10))
    reader.close()
