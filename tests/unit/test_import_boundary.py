"""The non-UI packages import without PySide6, and core/ imports neither Qt nor SQLAlchemy."""

from __future__ import annotations

import subprocess
import sys

import pytest

BLOCKER = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in {blocked}:
            raise ImportError('blocked: ' + name)
        return None
sys.meta_path.insert(0, Block())
import importlib, pkgutil
import hexie_desktop.{package} as pkg
for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):
    if '.migrations.' in info.name:
        continue
    importlib.import_module(info.name)
print('ok')
"""


def _run(package: str, blocked: set[str]) -> subprocess.CompletedProcess:
    code = BLOCKER.format(blocked=sorted(blocked), package=package)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("package", ["core", "storage", "services", "documents", "reports", "exchange"])
def test_non_ui_packages_import_without_pyside6(package):
    result = _run(package, {"PySide6", "shiboken6"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_core_imports_neither_qt_nor_sqlalchemy():
    result = _run("core", {"PySide6", "shiboken6", "sqlalchemy", "alembic"})
    assert result.returncode == 0, result.stderr


def test_cli_help_does_not_load_pyside6():
    code = "import sys, hexie_desktop.cli as c\ntry:\n    c.main(['--help'])\nexcept SystemExit:\n    pass\n" \
           "print('PySide6' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip().endswith("False")


def test_blocker_really_blocks():
    result = _run("core", {"hexie_desktop"})
    assert result.returncode != 0
