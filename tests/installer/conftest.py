"""Fixtures of the installer suite: one reduced build of both installers, an isolated Wine prefix.

The build runs ``installer/build.sh --reduced`` once per session (about 2 minutes with a warm
download cache; fast compression, otherwise the same files as the release build).  Set
``HEXIE_INSTALLER_DIR`` to a folder that already holds ``hexie-setup-*.exe`` and
``hexie-desktop_*.deb`` to test those instead.  Tests skip when the tools are missing
(``scripts/setup.sh --test`` installs them).
"""

from __future__ import annotations

import getpass
import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "installer" / "build.sh"
WINE_DIR = Path("/usr/lib/wine")  # Debian's wine64 package puts wine64/wineserver64 here
SHIM_SOURCE = Path(__file__).with_name("wine_bcryptprimitives.c")
BUILD_TOOLS = ("makensis", "7z", "osslsigncode", "dpkg-deb")


def tool(name: str) -> str | None:
    """Path of ``name`` on PATH or in Wine's private folder."""
    return shutil.which(name) or (str(WINE_DIR / name) if (WINE_DIR / name).is_file() else None)


def require(*names: str) -> None:
    """Skip the test unless every tool in ``names`` is installed."""
    missing = [name for name in names if not tool(name)]
    if missing:
        pytest.skip(f"installer tools missing: {', '.join(missing)} (scripts/setup.sh --test installs them)")


@dataclass(frozen=True)
class Built:
    """The installers under test and the build's download cache."""

    setup_exe: Path
    deb: Path
    cache: Path
    log: str


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """Both installers: from ``HEXIE_INSTALLER_DIR`` or built now with ``build.sh --reduced``."""
    require(*BUILD_TOOLS)
    cache = Path(os.environ.get("HEXIE_BUILD_CACHE", Path.home() / ".cache" / "hexie-installer"))
    given = os.environ.get("HEXIE_INSTALLER_DIR")
    log = ""
    if given:
        out = Path(given)
    else:
        out = tmp_path_factory.mktemp("installers")
        result = subprocess.run(["bash", str(BUILD), "--reduced", "--out", str(out)], capture_output=True,
                                text=True, env={**os.environ, "HEXIE_BUILD_CACHE": str(cache)}, check=False)
        log = result.stdout + result.stderr
        assert result.returncode == 0, log[-4000:]
    setups = sorted(out.glob("hexie-setup-*-amd64.exe"))
    debs = sorted(out.glob("hexie-desktop_*_amd64.deb"))
    assert setups and debs, f"no installers in {out}: {sorted(p.name for p in out.iterdir())}"
    return Built(setups[-1], debs[-1], cache, log)


@dataclass
class Wine:
    """An isolated Wine prefix (own WINEPREFIX and HOME) running 64-bit Windows programs."""

    root: Path
    env: dict[str, str] = field(default_factory=dict)

    @property
    def drive_c(self) -> Path:
        """The prefix's C: drive."""
        return self.root / "prefix" / "drive_c"

    @property
    def install_dir(self) -> Path:
        """``C:\\Program Files\\Hexie`` on the Linux side."""
        return self.drive_c / "Program Files" / "Hexie"

    @property
    def data_dir(self) -> Path:
        """``%LOCALAPPDATA%\\hexie`` of the Wine user (the station data)."""
        return self.drive_c / "users" / getpass.getuser() / "AppData" / "Local" / "hexie"

    def run(self, *args: str, timeout: int = 600, extra: dict[str, str] | None = None) -> subprocess.CompletedProcess:
        """Run ``wine64 args…`` (stdin closed: Python needs valid standard handles) and wait for it."""
        return subprocess.run([tool("wine64"), *args], stdin=subprocess.DEVNULL, capture_output=True,
                              env={**self.env, **(extra or {})}, timeout=timeout, check=False,
                              text=True, encoding="utf-8", errors="replace")

    def wait(self) -> None:
        """Wait until every process of this prefix has ended (the uninstaller re-runs itself from %TEMP%)."""
        subprocess.run([tool("wineserver64") or tool("wineserver"), "-w"], env=self.env, timeout=600, check=False)

    def hexie(self, *args: str, **kwargs) -> subprocess.CompletedProcess:
        """The installed ``python.exe -m hexie_desktop args…``."""
        return self.run(r"C:\Program Files\Hexie\python\python.exe", "-m", "hexie_desktop", *args, **kwargs)

    def registry_has(self, key: str) -> bool:
        """True when the registry key ``key`` exists."""
        return self.run("reg", "query", key).returncode == 0


@pytest.fixture(scope="module")
def wine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Wine]:
    """A fresh 64-bit Wine prefix with its own HOME, booted (about 10 s), killed afterwards."""
    require("wine64", "wineserver64", "x86_64-w64-mingw32-gcc")
    root = tmp_path_factory.mktemp("wine")
    (root / "home").mkdir()
    env = {key: value for key, value in os.environ.items() if not key.startswith(("WINE", "QT_", "HEXIE_"))}
    env.update({"WINEPREFIX": str(root / "prefix"), "HOME": str(root / "home"), "WINEDEBUG": "-all",
                "WINEARCH": "win64", "WINEDLLOVERRIDES": "mscoree,mshtml=", "LANG": "C.UTF-8",
                "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8", "DISPLAY": ""})
    box = Wine(root, env)
    boot = box.run("wineboot", "--init")
    box.wait()
    assert boot.returncode == 0, boot.stderr[-2000:]
    # Wine 8 lacks bcryptprimitives.dll (Windows 10/11 have it); Rust-built wheels (pyrage,
    # cryptography) import ProcessPrng from it.  A test-only shim, never part of the payload.
    shim = box.drive_c / "windows" / "system32" / "bcryptprimitives.dll"
    compiled = subprocess.run(["x86_64-w64-mingw32-gcc", "-O2", "-shared", "-s", "-o", str(shim),
                               str(SHIM_SOURCE), "-ladvapi32"], capture_output=True, text=True, check=False)
    assert compiled.returncode == 0, compiled.stderr
    yield box
    subprocess.run([tool("wineserver64") or tool("wineserver"), "-k"], env=box.env, check=False)

