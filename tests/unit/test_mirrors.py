"""Tests mirror modules: every module of ``services/`` and ``storage/`` has a unit test module.

The mirror of ``hexie_desktop/<package>/<name>.py`` is ``tests/unit/<package>/test_<name>.py``
(docs/TESTING.md).  It exercises the module on a real SQLite station (tests/unit/conftest.py),
including a refusal that changes nothing.  A new module without its mirror fails here; the few
modules tested elsewhere are listed in :data:`ELSEWHERE`, each with the reason.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("services", "storage")

ELSEWHERE: dict[str, str] = {
    "services/context.py": "the Context every service test builds; no behaviour beyond require/audit",
    "services/exchange": "being split and rewritten (issue 11.4); tests/e2e/test_exchange_*.py drive it whole",
    "services/demo": "test data itself: every test station is made by it (tests/conftest.py template)",
    "storage/identity.py": "typing Protocols only (what an opened station offers); nothing runs",
    "storage/models.py": "declarations only; tests/e2e/test_migrations.py checks them against the migrations",
    "storage/migrations": "Alembic revisions; tests/e2e/test_migrations.py upgrades and compares them",
}
"""Module (or sub-package) → why it has no mirror under tests/unit/."""


def modules() -> list[str]:
    """``package/name.py`` for every module of the mirrored packages; a sub-package counts as one."""
    found = []
    for package in PACKAGES:
        base = ROOT / "hexie_desktop" / package
        for path in sorted(base.iterdir()):
            if path.is_dir() and (path / "__init__.py").exists():
                found.append(f"{package}/{path.name}")
            elif path.suffix == ".py" and path.name != "__init__.py":
                found.append(f"{package}/{path.name}")
    return found


def mirror_of(module: str) -> Path:
    """Where the unit tests of ``module`` live."""
    package, name = module.split("/", 1)
    return ROOT / "tests" / "unit" / package / f"test_{name.removesuffix('.py')}.py"


def test_every_module_has_its_mirror_or_a_reason():
    missing = [m for m in modules() if m not in ELSEWHERE and not mirror_of(m).exists()]
    assert not missing, ("modules without unit tests — add tests/unit/<package>/test_<name>.py "
                         "(docs/TESTING.md):\n  " + "\n  ".join(f"{m} → {mirror_of(m).relative_to(ROOT)}"
                                                                for m in missing))


def test_the_list_of_exceptions_stays_true():
    """An excepted module that is gone, or that now has its mirror, leaves the list."""
    known = set(modules())
    stale = [m for m in ELSEWHERE if m not in known or mirror_of(m).exists()]
    assert not stale, f"remove from ELSEWHERE: {stale}"


def test_every_mirror_names_a_module():
    """A mirror whose module was renamed or removed is noticed (tests follow the code)."""
    known = {mirror_of(m) for m in modules()}
    orphans = [p.relative_to(ROOT).as_posix() for package in PACKAGES
               for p in sorted((ROOT / "tests" / "unit" / package).glob("test_*.py")) if p not in known]
    assert not orphans, f"mirrored tests without their module: {orphans}"


def test_the_check_can_fail(tmp_path, monkeypatch):
    """A module planted without a mirror is reported."""
    planted = tmp_path / "hexie_desktop" / "services"
    planted.mkdir(parents=True)
    (planted / "brand_new.py").write_text('"""New."""\n')
    (tmp_path / "hexie_desktop" / "storage").mkdir()
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    assert modules() == ["services/brand_new.py"]
    assert not mirror_of("services/brand_new.py").exists()
