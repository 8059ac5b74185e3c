"""Generate the Python modules of the Qt Designer forms: ``python scripts/gen_forms.py``.

Every ``forms/<name>.ui`` becomes ``hexie_desktop/ui/forms/<name>.py`` through
``pyside6-uic``, with a first line saying the file is generated and its PySide6 imports cut
to the names the form uses (PySide6 builds a Python type the first time its name is read:
uic's fixed list, ``Qt`` above all, cost the login dialog a sixth of the start-up time).  The generated modules
are committed, so the application and its installer never need uic.  ``--check`` only
compares and exits 1 listing the stale or orphaned modules (the GUI tests call
:func:`stale` to the same end).
"""

from __future__ import annotations

import argparse
import re
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
    return HEADER.format(name=ui_file.stem) + prune_imports(body)


def prune_imports(body: str) -> str:
    """Keep only the PySide6 names the generated code uses (uic imports a fixed list per module)."""
    lines = body.splitlines(keepends=True)
    head: list[str] = []
    imports: list[tuple[str, list[str]]] = []
    position = 0
    while position < len(lines) and not (lines[position].startswith("from PySide6.") or imports):
        head.append(lines[position])
        position += 1
    while position < len(lines) and lines[position].startswith("from PySide6."):
        statement = lines[position]
        while "(" in statement and ")" not in statement:
            position += 1
            statement += lines[position]
        position += 1
        module, names = statement.split(" import ", 1)
        imports.append((module.removeprefix("from "),
                        [n.strip() for n in names.strip().strip("()").replace("\n", " ").split(",") if n.strip()]))
    rest = "".join(lines[position:])
    used = set(re.findall(r"\b\w+\b", rest))
    kept = [_import_line(module, [n for n in names if n in used]) for module, names in imports]
    return "".join(head) + "".join(k for k in kept if k) + rest


def _import_line(module: str, names: list[str]) -> str:
    if not names:
        return ""
    line = f"from {module} import {', '.join(names)}\n"
    if len(line) <= 100:
        return line
    out, current = [], f"from {module} import ("
    for name in names:
        piece = f"{name}, "
        if len(current) + len(piece) > 100:
            out.append(current.rstrip() + "\n")
            current = "    "
        current += piece
    return "".join(out) + current.rstrip(", ") + ")\n"


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
