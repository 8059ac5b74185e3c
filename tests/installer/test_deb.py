"""The Debian package: contents, then dpkg -i on this machine, hexie from /opt, an offscreen GUI start, dpkg -r.

Installing needs root and changes /opt/hexie, /usr/bin/hexie and the desktop menu of this machine
(as CI does); the test refuses to touch a copy of hexie-desktop that was installed before it ran.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.installer.conftest import ROOT, Built, require

pytestmark = pytest.mark.installer

PASSWORD = "admin12345"
OPT_PY = Path("/opt/hexie/venv/bin/python")
QT = Path("/opt/hexie/venv/lib/python3.11/site-packages/PySide6/Qt")


def package_installed() -> bool:
    """True when dpkg knows hexie-desktop as installed."""
    result = subprocess.run(["dpkg-query", "-W", "-f=${Status}", "hexie-desktop"], capture_output=True,
                            text=True, check=False)
    return "install ok installed" in result.stdout


def test_deb_contents_and_control(built: Built) -> None:
    """/opt venv, `hexie` on PATH, desktop entry and icon; Depends from installer/linux/depends.txt."""
    listing = subprocess.run(["dpkg-deb", "-c", str(built.deb)], capture_output=True, text=True, check=True).stdout
    for wanted in ("./opt/hexie/venv/bin/python ->", "./opt/hexie/venv/pyvenv.cfg", "./usr/bin/hexie",
                   "./usr/share/applications/hexie.desktop", "./usr/share/icons/hicolor/256x256/apps/hexie.png",
                   "site-packages/hexie_desktop/resources/fonts/AR-PL-UMing-CN.ttf",
                   "site-packages/hexie_desktop/storage/migrations/versions/0001_initial_schema.py",
                   "site-packages/PySide6/Qt/plugins/platforms/libqxcb.so",
                   "site-packages/PySide6/Qt/lib/libQt6Pdf.so.6"):
        assert wanted in listing, wanted
    assert "root/root" in listing.splitlines()[0]
    control = subprocess.run(["dpkg-deb", "-f", str(built.deb), "Depends", "Architecture"], capture_output=True,
                             text=True, check=True).stdout
    wanted = [line for line in (ROOT / "installer/linux/depends.txt").read_text().splitlines()
              if line and not line.startswith("#")]
    assert "python3.11" in wanted and "libxcb-cursor0" in wanted
    for name in wanted:
        assert name in control
    assert "Architecture: amd64" in control


@pytest.fixture(scope="module")
def installed(built: Built) -> Iterator[Path]:
    """dpkg -i the package (removed again afterwards)."""
    require("dpkg")
    if os.geteuid() != 0:
        pytest.skip("dpkg -i needs root")
    if package_installed():
        pytest.skip("hexie-desktop is already installed on this machine; the test would remove it")
    result = subprocess.run(["dpkg", "-i", str(built.deb)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    yield built.deb
    if package_installed():
        subprocess.run(["dpkg", "-r", "hexie-desktop"], capture_output=True, check=False)


def hexie(home: Path, *args: str) -> subprocess.CompletedProcess:
    """``hexie args…`` from PATH as a user whose home is ``home``."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("HEXIE_", "PYTHON", "VIRTUAL_ENV"))}
    env.update({"HOME": str(home), "HEXIE_PASSWORD": PASSWORD, "XDG_DATA_HOME": str(home / ".local/share"),
                "QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    return subprocess.run(["hexie", *args], capture_output=True, text=True, env=env, check=False, cwd=home)


def test_installed_hexie_runs_from_opt(installed: Path, tmp_path: Path) -> None:
    """`hexie` is /usr/bin/hexie running /opt/hexie's venv; init, demo --cases 50, check pass."""
    version = hexie(tmp_path, "--version")
    assert version.returncode == 0, version.stderr
    assert version.stdout.startswith("hexie ")
    init = hexie(tmp_path, "init", "--role", "township", "--unit-code", "330106001", "--unit-name",
                 "测试街道劳动人事争议调解中心", "--admin", "admin")
    assert init.returncode == 0, init.stderr
    assert str(tmp_path / ".local/share/hexie") in init.stdout
    demo = hexie(tmp_path, "demo", "--cases", "50")
    assert demo.returncode == 0, demo.stderr
    assert "已生成演示数据：50件案件" in demo.stdout
    check = hexie(tmp_path, "check")
    assert check.returncode == 0, check.stderr
    assert "完整性检查：ok" in check.stdout and "审计链：完整" in check.stdout
    # The app imported is the installed one (not this checkout).
    where = subprocess.run([str(OPT_PY), "-c", "import hexie_desktop, sys; print(hexie_desktop.__file__)"],
                           capture_output=True, text=True, check=True, cwd=tmp_path)
    assert where.stdout.startswith("/opt/hexie/venv/lib/python3.11/site-packages/hexie_desktop/")


def test_installed_gui_starts_offscreen(installed: Path, tmp_path: Path) -> None:
    """The installed app opens its station through the launcher and shows the main window (offscreen)."""
    init = hexie(tmp_path, "init", "--role", "township", "--unit-code", "330106001", "--unit-name", "测试街道",
                 "--admin", "admin")
    assert init.returncode == 0, init.stderr
    env = {**os.environ, "HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PYTHONPATH", None)
    result = subprocess.run([str(OPT_PY), str(Path(__file__).with_name("gui_smoke.py")),
                             str(tmp_path / ".local/share/hexie"), PASSWORD], capture_output=True, text=True,
                            env=env, check=False, cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "dialog LoginDialog" in result.stdout
    assert "window " in result.stdout and result.stdout.split("window ", 1)[1].split("\n")[0].endswith("True")
    assert "package /opt/hexie/venv/lib/python3.11/site-packages/hexie_desktop" in result.stdout


def test_installed_qt_libraries_resolve(installed: Path) -> None:
    """ldd finds every library the Qt platform plugins and the used Qt modules need (the Depends suffice)."""
    require("ldd")
    for name in ("plugins/platforms/libqxcb.so", "plugins/platforms/libqoffscreen.so", "lib/libQt6Widgets.so.6",
                 "lib/libQt6PrintSupport.so.6", "lib/libQt6Pdf.so.6", "lib/libQt6PdfWidgets.so.6",
                 "lib/libQt6XcbQpa.so.6"):
        result = subprocess.run(["ldd", str(QT / name)], capture_output=True, text=True, check=True)
        assert "not found" not in result.stdout, (name, result.stdout)


def test_remove_keeps_user_data(installed: Path, tmp_path: Path) -> None:
    """dpkg -r removes /opt/hexie, the command and the menu entry; the user's station stays."""
    init = hexie(tmp_path, "init", "--role", "township", "--unit-code", "330106001", "--unit-name", "测试街道",
                 "--admin", "admin")
    assert init.returncode == 0, init.stderr
    result = subprocess.run(["dpkg", "-r", "hexie-desktop"], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert not Path("/opt/hexie").exists()
    assert not Path("/usr/bin/hexie").exists()
    assert not Path("/usr/share/applications/hexie.desktop").exists()
    assert (tmp_path / ".local/share/hexie/hexie.sqlite3").is_file()
