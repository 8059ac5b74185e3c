"""Every write from the GUI goes through ``ui/write_op.py`` (issue 11, point 5).

A *write* is a function of ``services/`` or ``reports/`` that opens a transaction
(``….transaction(``) or calls such a function, found by reading their source.  In ``ui/`` a
write may only be named as an argument of ``write_op.write(…)`` or ``write_op.prepare(…)``,
which run it off the GUI thread with a busy state and announce what changed.  Calling it
directly, wrapping it in a lambda or a helper, or handing it to ``ops.run`` (no change signal)
fails this test.

``NOT_YET`` lists the files whose writes are known to bypass the helper, each with its reason;
the test fails as well when a listed file no longer has any, so the list stays exact.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import hexie_desktop.reports
import hexie_desktop.services

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "hexie_desktop" / "ui"
HELPERS = frozenset({"write", "prepare"})
"""The functions of ``hexie_desktop.ui.write_op`` that may be handed a write."""

NOT_YET: dict[str, str] = {
    "screens/login/dialogs.py::hexie_desktop.services.users.authenticate":
        "logging in (counts failed attempts) happens before there is a workspace to announce to",
    "screens/first_run/dialog.py::hexie_desktop.services.station.init_station":
        "creating the station happens before there is a workspace (already off the GUI thread, ops.run)",
    "screens/restore/dialog.py::hexie_desktop.services.restore.restore_as":
        "restoring replaces the station before anyone logs in to it (already off the GUI thread, ops.run)",
    "screens/case_detail/screen.py::hexie_desktop.services.case_queries.view":
        "显示完整证件号 is a read that is audited: one indexed case read, shown at once by the detail screen",
    "screens/exchange/screen.py::hexie_desktop.services.exchange.review.conflicts":
        "a read here (unmask=False); only the unmasked listing, not used by the screen, writes an audit entry",
}
"""``path`` (every write of the file) or ``path::write`` (that one), relative to ``ui/``, with the reason."""


def _modules(package: ModuleType) -> Iterator[ModuleType]:
    yield package
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        yield importlib.import_module(info.name)


def _resolve(node: ast.AST, names: dict[str, Any]) -> Any:
    """The object an expression ``a`` or ``a.b.c`` names, or None."""
    if isinstance(node, ast.Name):
        return names.get(node.id)
    if isinstance(node, ast.Attribute):
        base = _resolve(node.value, names)
        return getattr(base, node.attr, None) if base is not None else None
    return None


def write_functions() -> dict[int, str]:
    """``id(function) → qualified name`` of every write of services/ and reports/."""
    functions: list[tuple[ModuleType, ast.FunctionDef, Any]] = []
    for package in (hexie_desktop.services, hexie_desktop.reports):
        for module in _modules(package):
            source = Path(module.__file__ or "").read_text(encoding="utf-8")
            for node in ast.parse(source).body:
                if isinstance(node, ast.FunctionDef) and getattr(module, node.name, None) is not None:
                    functions.append((module, node, getattr(module, node.name)))
    writes: dict[int, str] = {}
    changed = True
    while changed:
        changed = False
        for module, node, fn in functions:
            if id(fn) in writes:
                continue
            for call in ast.walk(node):
                if not isinstance(call, ast.Call):
                    continue
                opens = isinstance(call.func, ast.Attribute) and call.func.attr == "transaction"
                if opens or id(_resolve(call.func, vars(module))) in writes:
                    writes[id(fn)] = f"{module.__name__}.{node.name}"
                    changed = True
                    break
    return writes


def _imported_names(tree: ast.Module) -> dict[str, Any]:
    names: dict[str, Any] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("hexie_desktop"):
            module = importlib.import_module(node.module)
            for alias in node.names:
                value = getattr(module, alias.name, None)
                if value is None:
                    try:
                        value = importlib.import_module(f"{node.module}.{alias.name}")
                    except ImportError:
                        continue
                names[alias.asname or alias.name] = value
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("hexie_desktop") and alias.asname:
                    names[alias.asname] = importlib.import_module(alias.name)
    return names


def _is_helper(call: ast.Call, names: dict[str, Any]) -> bool:
    target = _resolve(call.func, names)
    return (getattr(target, "__module__", None) == "hexie_desktop.ui.write_op"
            and getattr(target, "__name__", None) in HELPERS)


def violations_in(source: str, writes: dict[int, str], names: dict[str, Any] | None = None) -> list[str]:
    """``"line: name"`` of every use of a write in ``source`` other than as an argument of the helper."""
    tree = ast.parse(source)
    names = _imported_names(tree) if names is None else names
    allowed: set[int] = set()
    for call in ast.walk(tree):
        if isinstance(call, ast.Call) and _is_helper(call, names):
            allowed.update(id(arg) for arg in call.args)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.Name, ast.Attribute)) and isinstance(node.ctx, ast.Load) and id(node) not in allowed:
            target = _resolve(node, names)
            if target is not None and id(target) in writes:
                found.append(f"{node.lineno}: {writes[id(target)]}")
    return found


def ui_violations() -> dict[str, list[str]]:
    """Per file under ui/ (generated forms and the helper itself aside), the writes it uses directly."""
    writes = write_functions()
    out: dict[str, list[str]] = {}
    for path in sorted(UI.rglob("*.py")):
        relative = path.relative_to(UI).as_posix()
        if relative.startswith("forms/") or relative == "write_op.py":
            continue
        found = violations_in(path.read_text(encoding="utf-8"), writes)
        if found:
            out[relative] = found
    return out


def test_the_writes_are_found() -> None:
    """The detector knows the writes the screens make (else the guard below would pass vacuously)."""
    names = set(write_functions().values())
    for expected in ("hexie_desktop.services.cases.register", "hexie_desktop.services.case_actions.apply",
                     "hexie_desktop.services.registries.save_record", "hexie_desktop.services.settings.update",
                     "hexie_desktop.services.users.create_user", "hexie_desktop.services.plan.set_targets",
                     "hexie_desktop.services.attachments.add_many"):
        assert expected in names, expected
    assert "hexie_desktop.services.cases.list_cases" not in names   # a read is not a write


def test_the_guard_catches_a_direct_call() -> None:
    writes = write_functions()
    direct = ("from hexie_desktop.services import cases\n"
              "def save(ctx, payload):\n"
              "    return cases.register(ctx, payload)\n")
    wrapped = ("from hexie_desktop.services import cases\n"
               "from hexie_desktop.ui import ops\n"
               "def save(self, payload):\n"
               "    ops.run(self, lambda: cases.register(self.ctx, payload))\n")
    handed_to_run = ("from hexie_desktop.services import case_actions\n"
                     "from hexie_desktop.ui import ops\n"
                     "def act(self, n):\n"
                     "    ops.run(self, case_actions.apply, self.ctx, n, 'accept', {})\n")
    routed = ("from hexie_desktop.services import cases\n"
              "from hexie_desktop.ui import write_op\n"
              "def save(self, payload):\n"
              "    write_op.write(self, self.workspace, cases.register, self.ctx, payload, changes=None)\n")
    assert violations_in(direct, writes) == ["3: hexie_desktop.services.cases.register"]
    assert violations_in(wrapped, writes) == ["4: hexie_desktop.services.cases.register"]
    assert violations_in(handed_to_run, writes) == ["4: hexie_desktop.services.case_actions.apply"]
    assert violations_in(routed, writes) == []


def test_every_gui_write_goes_through_the_op_helper() -> None:
    found = ui_violations()
    unexpected, used = [], set()
    for path, lines in found.items():
        for line in lines:
            name = line.split(": ", 1)[1]
            key = path if path in NOT_YET else f"{path}::{name}"
            if key in NOT_YET:
                used.add(key)
            else:
                unexpected.append(f"{path}:{line}")
    assert not unexpected, f"service writes used outside ui/write_op.py: {unexpected}"
    gone = sorted(set(NOT_YET) - used)
    assert not gone, f"these no longer bypass the helper; remove them from NOT_YET: {gone}"
