"""Screens and dialogs take their layouts from forms/*.ui, not from Python code.

ARCHITECTURE.md: "forms/ — Qt Designer .ui files, the source of every dialog/page layout",
generated into hexie_desktop/ui/forms/ by scripts/gen_forms.py.  A module under
hexie_desktop/ui/screens wires models, signals and behaviour; it does not build a layout
(``QVBoxLayout(self)`` …), a splitter or a tab widget.  Truly dynamic parts (widgets added per
record into a layout the form declares) need no layout of their own; a part that must build one
goes into :data:`ALLOWED` with the reason.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCREENS = ROOT / "hexie_desktop" / "ui" / "screens"

BUILDERS = frozenset({
    "QBoxLayout", "QVBoxLayout", "QHBoxLayout", "QGridLayout", "QFormLayout", "QStackedLayout",
    "QSplitter", "QTabWidget", "QStackedWidget", "QToolBox", "QGroupBox", "QScrollArea",
})
"""Classes whose construction lays widgets out: they belong in a .ui file."""

ADOPTERS = frozenset({"setLayout"})
"""Methods that give a widget a layout made in code."""

ALLOWED: dict[str, str] = {}
"""``"relative/module.py::Qualified.name"`` → why that function must build a layout in code
(e.g. one row per record whose shape is not known before the data is read).  Keep empty when
possible: widgets added per record into a layout the form declares are fine without an entry."""


def _name(call: ast.Call) -> str | None:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def layout_builders(source: str) -> list[tuple[str, int, str]]:
    """``(qualified function, line, class or method)`` of every layout built or adopted in ``source``."""
    found: list[tuple[str, int, str]] = []

    def visit(node: ast.AST, scope: list[str]) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                visit(child, [*scope, child.name])
                continue
            if isinstance(child, ast.Call):
                name = _name(child)
                if name in BUILDERS or (name in ADOPTERS and isinstance(child.func, ast.Attribute)):
                    found.append((".".join(scope) or "<module>", child.lineno, name))
            visit(child, scope)

    visit(ast.parse(source), [])
    return found


def _screen_findings() -> dict[str, list[tuple[int, str]]]:
    findings: dict[str, list[tuple[int, str]]] = {}
    for path in sorted(SCREENS.rglob("*.py")):
        relative = path.relative_to(SCREENS).as_posix()
        for scope, line, name in layout_builders(path.read_text(encoding="utf-8")):
            findings.setdefault(f"{relative}::{scope}", []).append((line, name))
    return findings


def test_no_screen_builds_a_layout_in_code() -> None:
    offenders = {key: places for key, places in _screen_findings().items() if key not in ALLOWED}
    assert offenders == {}, (
        "move these layouts into forms/*.ui and run `python scripts/gen_forms.py` "
        f"(or, if truly dynamic, list them in ALLOWED with the reason): {offenders}")


def test_every_allowed_entry_has_a_reason_and_still_builds_a_layout() -> None:
    findings = _screen_findings()
    for key, reason in ALLOWED.items():
        assert reason.strip(), f"{key}: say why it cannot come from a form"
        assert key in findings, f"{key} no longer builds a layout: remove it from ALLOWED"


def test_the_check_sees_layouts_built_in_code() -> None:
    source = '''
from PySide6 import QtWidgets
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QVBoxLayout, QWidget


class Screen(QWidget):
    def __init__(self):
        super().__init__()
        layout = QVBoxLayout(self)
        bar = QtWidgets.QHBoxLayout()
        layout.addLayout(bar)
        layout.addWidget(QSplitter(self))

    def rebuild(self, other):
        self.setLayout(other)


def helper(dialog):
    QHBoxLayout(dialog)
'''
    assert layout_builders(source) == [
        ("Screen.__init__", 9, "QVBoxLayout"), ("Screen.__init__", 10, "QHBoxLayout"),
        ("Screen.__init__", 12, "QSplitter"), ("Screen.rebuild", 15, "setLayout"), ("helper", 19, "QHBoxLayout")]


def test_the_check_leaves_forms_and_dynamic_rows_alone() -> None:
    source = '''
from hexie_desktop.ui.forms.plan import Ui_PlanScreen


class Screen:
    def __init__(self):
        self.ui = Ui_PlanScreen()
        self.ui.setupUi(self)
        for action in ("assign", "close"):
            self.ui.handlingLayout.addWidget(QPushButton(action, self))
        self.ui.splitter.setSizes([400, 160])
'''
    assert layout_builders(source) == []
