"""Generate the Python modules of the Qt Designer forms: ``python scripts/gen_forms.py``.

Every ``forms/<name>.ui`` becomes ``hexie_desktop/ui/forms/<name>.py`` through
``pyside6-uic``, with a first line saying the file is generated.  The generated modules
are committed, so the application and its installer never need uic.  ``--check`` only
compares and exits 1 listing the stale or orphaned modules (the GUI tests call
:func:`stale` to the same end).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMS = ROOT / "forms"
TARGET = ROOT / "hexie_desktop" / "ui" / "forms"
HEADER = "# generated — do not edit: source forms/{name}.ui, regenerate with `python scripts/gen_forms.py`\n"
INIT = '"""Modules generated from ../../../forms/*.ui by scripts/gen_forms.py (committed; do not edit)."""\n'


def uic_command() -> list[str]:
    """The ``pyside6-uic`` of the running interpreter's environment (else the one on PATH)."""
    beside = Path(sys.executable).with_name("pyside6-uic")
    if beside.exists():
        return [str(beside)]
    found = shutil.which("pyside6-uic")
    if found is None:
        raise SystemExit("pyside6-uic not found: install PySide6-Essentials in this environment")
    return [found]


def generate(ui_file: Path) -> str:
    """The generated module text for ``ui_file`` (header line first)."""
    result = subprocess.run([*uic_command(), str(ui_file)], capture_output=True, check=False,
                            cwd=ui_file.parent)
    if result.returncode != 0:
        raise SystemExit(f"pyside6-uic failed on {ui_file.name}:\n{result.stderr.decode(errors='replace')}")
    body = result.stdout.decode("utf-8").replace("\r\n", "\n")
    return HEADER.format(name=ui_file.stem) + body


def expected() -> dict[Path, str]:
    """Every module that should exist under the target folder, with its text."""
    out = {TARGET / "__init__.py": INIT}
    for ui_file in sorted(FORMS.glob("*.ui")):
        out[TARGET / f"{ui_file.stem}.py"] = generate(ui_file)
    return out


def stale() -> list[str]:
    """Names of generated modules that are missing, out of date, or have no .ui source."""
    wanted = expected()
    problems = [path.name for path, text in wanted.items()
                if not path.exists() or path.read_text(encoding="utf-8") != text]
    problems += [f"{path.name} (no forms/{path.stem}.ui)" for path in sorted(TARGET.glob("*.py"))
                 if path not in wanted]
    return problems


def main(argv: list[str] | None = None) -> int:
    """Write (or with ``--check`` only verify) the generated modules."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale modules; exit 1 if any")
    args = parser.parse_args(argv)
    if args.check:
        problems = stale()
        for name in problems:
            print(f"stale: {name}")
        return 1 if problems else 0
    TARGET.mkdir(parents=True, exist_ok=True)
    wanted = expected()
    for path in sorted(TARGET.glob("*.py")):
        if path not in wanted:
            path.unlink()
            print(f"removed {path.relative_to(ROOT)}")
    for path, text in wanted.items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8", newline="\n")
            print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
