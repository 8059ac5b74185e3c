"""The window's start follows the start-up check's stamp rule (storage.health, issue 12 / #9).

A window that ends normally stamps the file as sound, so the next start skips the page-by-page
check; a file damaged after that is still refused with the restore offer, untouched.
"""

from __future__ import annotations

import hashlib

from hexie_desktop.services.station import init_station
from hexie_desktop.storage import health
from hexie_desktop.ui.screens.login import LoginDialog
from hexie_desktop.ui.startup import Launcher
from tests.gui.conftest import message_boxes, wait_tasks


def _open(qtbot, root) -> Launcher:
    launcher = Launcher(root, None, False)
    launcher.start()
    dialog = launcher.dialog
    qtbot.addWidget(dialog)
    assert isinstance(dialog, LoginDialog)
    qtbot.waitUntil(lambda: dialog.station is not None or bool(message_boxes()), timeout=20000)
    return launcher


def test_a_normal_end_stamps_the_file_and_damage_after_it_is_still_refused(qtbot, tmp_path, monkeypatch):
    root = tmp_path / "stamp"
    init_station(data_dir=root, db_url=None, role="township", unit_code="110105001", unit_name="东坝镇调解中心",
                 short_name="东坝", admin="admin", password="secret123").db.dispose()
    database = root / "hexie.sqlite3"
    checks: list[int] = []
    original = health.quick_check
    monkeypatch.setattr(health, "quick_check", lambda conn: checks.append(1) or original(conn))

    launcher = _open(qtbot, root)
    assert checks == [1] and not health.stamp_path(database).exists(), "no stamp after init; taken while open"
    wait_tasks(qtbot)
    launcher.close()
    assert health.stamp_vouches(database) is not None

    launcher = _open(qtbot, root)
    assert checks == [1], "the stamp spared the page check"
    wait_tasks(qtbot)
    launcher.close()

    data = bytearray(database.read_bytes())
    data[len(data) // 2 - 4096:len(data) // 2] = bytes(4096)
    database.write_bytes(bytes(data))
    digest = hashlib.sha256(database.read_bytes()).hexdigest()
    launcher = Launcher(root, None, False)
    launcher.start()
    qtbot.waitUntil(lambda: bool(message_boxes()) or not isinstance(launcher.dialog, LoginDialog), timeout=20000)
    assert len(checks) == 2, "the changed file was checked page by page"
    assert not isinstance(launcher.dialog, LoginDialog) or launcher.dialog.station is None
    assert hashlib.sha256(database.read_bytes()).hexdigest() == digest
    for box in message_boxes():
        box.accept()
    launcher.close()
