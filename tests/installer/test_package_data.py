"""A wheel built from the project carries the fonts, templates, migrations and code tables, and an
installed copy of it finds them (not the checkout)."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.installer.conftest import ROOT

pytestmark = pytest.mark.installer

FONTS = ("AR-PL-UMing-CN.ttf", "WenQuanYi-Zen-Hei.ttf", "LXGWWenKai-Regular.ttf", "NotoSerifSC-Bold.ttf")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``pip wheel . --no-deps`` of this checkout."""
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    (built,) = out.glob("hexie_desktop-*.whl")
    return built


def test_wheel_contains_package_data(wheel: Path) -> None:
    """Fonts with licences, every migration, the document templates and the region code table."""
    names = set(zipfile.ZipFile(wheel).namelist())
    fonts = "hexie_desktop/resources/fonts/"
    for font in FONTS:
        assert fonts + font in names
    assert sum(1 for n in names if n.startswith(fonts + "LICENSE-")) == len(FONTS)
    migrations = ROOT / "hexie_desktop/storage/migrations"
    for path in [*migrations.glob("versions/*.py"), migrations / "env.py", migrations / "script.py.mako"]:
        assert path.relative_to(ROOT).as_posix() in names, path
    for path in (ROOT / "hexie_desktop/documents/templates").glob("*.py"):
        assert path.relative_to(ROOT).as_posix() in names, path
    for path in (ROOT / "hexie_desktop/core/data").iterdir():
        if path.suffix == ".csv":
            assert path.relative_to(ROOT).as_posix() in names, path
    assert not any(n.startswith("resources/") for n in names)


def test_wheel_contains_every_file_of_the_package(wheel: Path) -> None:
    """Every file under hexie_desktop/ in the checkout (code or data, bytecode aside) is in the wheel."""
    names = set(zipfile.ZipFile(wheel).namelist())
    package = ROOT / "hexie_desktop"
    files = [p.relative_to(ROOT).as_posix() for p in package.rglob("*")
             if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"]
    assert len(files) > 100
    missing = sorted(set(files) - names)
    assert not missing, f"not in the wheel (add them to package-data in pyproject.toml): {missing}"


def test_installed_wheel_finds_its_fonts_and_migrations(wheel: Path, tmp_path: Path) -> None:
    """Unpacked away from the checkout, the package resolves fonts and migrations inside itself."""
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    probe = (
        "import pathlib, hexie_desktop\n"
        "from hexie_desktop.documents.fontfiles import bundled_font_dir\n"
        "from hexie_desktop.storage import migrate\n"
        "print(pathlib.Path(hexie_desktop.__file__).parent)\n"
        "print(bundled_font_dir())\n"
        "print(migrate.MIGRATIONS_DIR)\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("HEXIE_FONT_DIR", "PYTHONPATH")}
    env["PYTHONPATH"] = str(target)
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env,
                            cwd=tmp_path, check=False)
    assert result.returncode == 0, result.stderr
    package, fonts, migrations = (Path(line) for line in result.stdout.splitlines())
    assert package == target / "hexie_desktop"
    assert fonts == target / "hexie_desktop/resources/fonts"
    assert all((fonts / font).is_file() for font in FONTS)
    assert (migrations / "versions").is_dir()
