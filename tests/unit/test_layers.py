"""The one-way staircase of docs/LAYERS.md, read from the source: no upward import, no cycle.

Every ``import`` counts, also those inside functions (a lazy import hides a cycle, it does not
remove it) and those under ``TYPE_CHECKING`` (a type written in a lower layer that names an upper
one is the same dependency).  Only ``hexie_desktop`` modules are looked at; migrations are scripts
run by Alembic and are skipped.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "hexie_desktop"

LAYERS: dict[str, int] = {
    # 0: pure rules and the smallest helpers everything may use
    "core": 0, "__init__": 0, "paths": 0, "failpoints": 0,
    # 1: the database
    "storage": 1, "fileio": 1, "log": 1,
    # 2: writers (PDF papers, Excel workbooks) and the package format, over storage and core
    "documents": 2, "exchange": 2, "reports": 2,
    # 3: use cases
    "services": 3,
    # 4: the front ends
    "ui": 4, "app": 4, "cli": 4, "cli_support": 4, "cli_action_plan": 4, "cli_selection": 4,
    "__main__": 4,
}
"""Package (or top-level module) → its step; an import may only go to the same or a lower step."""


def _module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _source_files() -> list[Path]:
    return [p for p in sorted(PACKAGE.rglob("*.py")) if "migrations" not in p.parts]


def _imports(path: Path, modules: set[str]) -> set[str]:
    """The ``hexie_desktop`` modules ``path`` imports (``from a import b`` counts ``a.b`` when it is a module)."""
    found: set[str] = set()
    here = _module_name(path)
    package = here if path.name == "__init__.py" else here.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            names = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base for alias in node.names]
        else:
            continue
        for name in names:
            while name and name not in modules:
                name = name.rpartition(".")[0]
            if name.startswith("hexie_desktop.") and name != here:
                found.add(name)
    return found


def _graph() -> dict[str, set[str]]:
    files = _source_files()
    modules = {_module_name(p) for p in files}
    return {_module_name(p): _imports(p, modules) for p in files}


def _layer(module: str) -> tuple[str, int]:
    parts = module.split(".")
    top = parts[1] if len(parts) > 1 else "__init__"
    assert top in LAYERS, f"{module}: package {top!r} has no step in LAYERS (docs/LAYERS.md) — add it there first"
    return top, LAYERS[top]


def upward_imports() -> set[tuple[str, str]]:
    """(importer, imported) pairs going up the staircase."""
    bad = set()
    for module, targets in _graph().items():
        _top, step = _layer(module)
        for target in targets:
            if _layer(target)[1] > step:
                bad.add((module, target))
    return bad


def cycles() -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), each sorted."""
    graph = _graph()
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    counter = [0]

    def visit(node: str) -> None:
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for nxt in graph.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                group.append(top)
                if top == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(groups)


KNOWN_UPWARD: set[tuple[str, str]] = set()
"""Upward imports still to be removed; the test also fails when one of them has gone (keep this honest)."""

KNOWN_CYCLES: list[list[str]] = []
"""Cycles still to be broken; likewise kept exact."""


def test_every_package_has_a_step():
    for module in _graph():
        _layer(module)


def test_no_import_goes_up_the_staircase():
    found = upward_imports()
    new = sorted(found - KNOWN_UPWARD)
    gone = sorted(KNOWN_UPWARD - found)
    assert not new, "upward imports (see docs/LAYERS.md):\n" + "\n".join(f"{a} → {b}" for a, b in new)
    assert not gone, "no longer upward, remove from KNOWN_UPWARD:\n" + "\n".join(f"{a} → {b}" for a, b in gone)


def test_no_import_cycle():
    found = cycles()
    new = [c for c in found if c not in KNOWN_CYCLES]
    gone = [c for c in KNOWN_CYCLES if c not in found]
    assert not new, "import cycles:\n" + "\n".join(" ↔ ".join(c) for c in new)
    assert not gone, "cycles broken, remove from KNOWN_CYCLES:\n" + "\n".join(" ↔ ".join(c) for c in gone)


@pytest.mark.parametrize("source, target", [("core", "storage"), ("storage", "services"), ("services", "ui"),
                                            ("reports", "services")])
def test_the_checker_sees_an_upward_import(tmp_path, monkeypatch, source, target):
    """The checker itself can fail: a planted upward import is reported."""
    fake = tmp_path / "hexie_desktop"
    for name in (source, target):
        (fake / name).mkdir(parents=True)
        (fake / name / "__init__.py").write_text("")
    (fake / "__init__.py").write_text("")
    (fake / source / "bad.py").write_text(f"def f():\n    from hexie_desktop.{target} import thing\n")
    (fake / target / "thing.py").write_text("")
    monkeypatch.setattr(__import__(__name__, fromlist=["PACKAGE"]), "PACKAGE", fake)
    assert (f"hexie_desktop.{source}.bad", f"hexie_desktop.{target}.thing") in upward_imports()


def test_the_checker_sees_a_cycle(tmp_path, monkeypatch):
    fake = tmp_path / "hexie_desktop"
    (fake / "core").mkdir(parents=True)
    (fake / "__init__.py").write_text("")
    (fake / "core" / "__init__.py").write_text("")
    (fake / "core" / "a.py").write_text("from hexie_desktop.core import b\n")
    (fake / "core" / "b.py").write_text("def f():\n    from . import a\n")
    monkeypatch.setattr(__import__(__name__, fromlist=["PACKAGE"]), "PACKAGE", fake)
    assert ["hexie_desktop.core.a", "hexie_desktop.core.b"] in cycles()
