"""storage/lock.py: one writer process per station (an OS file lock)."""

from __future__ import annotations

import pytest

from hexie_desktop.core.errors import StorageError
from hexie_desktop.storage.lock import StationLock


def test_a_second_lock_on_the_same_file_is_refused_until_the_first_is_released(tmp_path):
    path = tmp_path / "station" / "station.lock"
    first = StationLock(path).acquire()
    assert first.held and StationLock.held_by_this_process(path)
    second = StationLock(path)
    with pytest.raises(StorageError, match="另一个程序窗口"):
        second.acquire()
    assert not second.held and first.held  # the refusal took nothing from the holder
    first.release()
    assert not StationLock.held_by_this_process(path)
    second.acquire()
    assert second.held
    second.release()
