"""Start the installed app's GUI offscreen, log in and show the main window, then quit.

Run by tests/installer/test_deb.py with the installed interpreter:
``QT_QPA_PLATFORM=offscreen /opt/hexie/venv/bin/python gui_smoke.py DATA_DIR PASSWORD``.
Prints ``dialog <class>``, ``window <title>`` and ``pdf <status>``; exit code 0 when all went well.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path


def main() -> int:
    """Open the station in DATA_DIR through the launcher, as ``hexie`` does, and show the window."""
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtWidgets import QApplication

    import hexie_desktop
    from hexie_desktop.services import users
    from hexie_desktop.ui import ops, startup, style

    data_dir, password = Path(sys.argv[1]), sys.argv[2]
    app = QApplication(sys.argv[:1])
    style.apply(app)
    launcher = startup.Launcher(data_dir, None, False)
    launcher.start()
    print("dialog", type(launcher.dialog).__name__)
    # The login dialog shows at once; the station is checked and opened behind it.
    deadline = time.monotonic() + 60
    while launcher.station is None and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    station = launcher.station
    actor = users.authenticate(station.db, "admin", password)
    window = launcher.open_window(station, actor)
    app.processEvents()
    print("window", window.windowTitle(), window.isVisible())
    print("package", Path(hexie_desktop.__file__).parent)
    print("pdf", QPdfDocument().status().name)
    window.close()
    ops.wait_all()
    launcher.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
