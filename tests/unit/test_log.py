"""The log file: where it goes, that it rotates, and that no personal data reaches it."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from hexie_desktop import log

NAME, ID_NUMBER = "张三", "110105199005177777"


@pytest.fixture
def configured(tmp_path: Path):
    path = log.configure(tmp_path / "station")
    yield path
    log.configure(None)


def test_nothing_is_created_until_something_is_logged(configured) -> None:
    assert configured.name == "hexie.log" and configured.parent.name == "logs"
    assert not configured.parent.exists()
    logging.getLogger("hexie_desktop.documents.fonts").info("font skipped")  # below the file's level
    assert not configured.parent.exists()


def test_rotates_at_one_megabyte_keeping_five(configured) -> None:
    for i in range(7000):
        logging.getLogger("hexie_desktop.test").warning("line %d %s", i, "x" * 900)
    files = sorted(p.name for p in configured.parent.iterdir())
    assert files == ["hexie.log", "hexie.log.1", "hexie.log.2", "hexie.log.3", "hexie.log.4", "hexie.log.5"]
    assert all(p.stat().st_size <= log.MAX_BYTES for p in configured.parent.iterdir())


def test_messages_are_escaped_and_numbers_masked(configured) -> None:
    logging.getLogger("hexie_desktop.test").warning("case %s phone %s id %s esc %s", "550e8400-e29b",
                                                    "13900001111", "11010519900517777X", "\x1b[2J\nnext")
    text = configured.read_text(encoding="utf-8")
    assert "550e8400-e29b" in text and "[phone]" in text and "[id]" in text
    assert "13900001111" not in text and "11010519900517777X" not in text
    assert "\x1b" not in text and text.count("\n") == 1


def test_tracebacks_keep_types_codes_and_frames_not_messages(configured) -> None:
    def inner() -> None:
        raise OSError(28, f"No space left on device: {NAME}的文件", f"/home/{NAME}/申请书.pdf")

    try:
        try:
            inner()
        except OSError as exc:
            raise ValueError(f"{NAME} {ID_NUMBER}") from exc
    except ValueError as exc:
        assert log.unexpected(exc, "test") == configured
    text = configured.read_text(encoding="utf-8")
    assert "OSError [ENOSPC]" in text and "ValueError" in text and "in inner" in text
    assert NAME not in text and ID_NUMBER not in text and "\\x0a" not in text


def test_an_unwritable_log_is_silent(tmp_path: Path, capsys) -> None:
    blocker = tmp_path / "station"
    blocker.write_text("a file where the folder should be")
    log.configure(blocker)
    try:
        logging.getLogger("hexie_desktop.test").error("cannot be written")
    finally:
        log.configure(None)
    captured = capsys.readouterr()
    assert captured.err == "" and captured.out == ""
