"""The exchange's layer order, read from the source (issue 11 point 4, exchange part).

storage ← exchange ← services/exchange ← services/station ← cli/ui: the package format
(``hexie_desktop/exchange``) imports neither services nor ui; the exchange use cases
(``services/exchange``) never import the module that opens stations (they get the station
from the Context); ``services/station.py`` imports the exchange at module level, not hidden
in functions; and the use-case modules import each other without a cycle.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "hexie_desktop"


def _imports(path: Path, *, top_level_only: bool = False) -> list[tuple[str, bool]]:
    """(module imported, at module level?) for every ``import``/``from … import`` of hexie_desktop."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top = {id(node) for node in tree.body}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("hexie_desktop"):
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names if a.name.startswith("hexie_desktop")]
        else:
            continue
        for name in names:
            found.append((name, id(node) in top))
    return [f for f in found if f[1]] if top_level_only else found


KNOWN_UPWARD = {("validate.py", "hexie_desktop.services"), ("validate.py", "hexie_desktop.services.registries")}
"""Left to issue 11 point 3: the registers' field rules move from services/registries.py into one
declarative spec below both; until then exchange/validate.py reads them upward.  Nothing may be added."""


def test_the_package_format_imports_no_services_or_ui():
    for path in (PACKAGE / "exchange").glob("*.py"):
        bad = [m for m, _top in _imports(path) if m.startswith(("hexie_desktop.services", "hexie_desktop.ui"))
               and (path.name, m) not in KNOWN_UPWARD]
        assert bad == [], f"{path.name} imports {bad}"


def test_exchange_use_cases_do_not_import_the_station_module():
    for path in (PACKAGE / "services" / "exchange").glob("*.py"):
        bad = [m for m, _top in _imports(path) if m.startswith(("hexie_desktop.services.station", "hexie_desktop.ui",
                                                                 "hexie_desktop.cli", "hexie_desktop.app"))]
        assert bad == [], f"{path.name} imports {bad}"
        assert "station: Any" not in path.read_text(encoding="utf-8")


def test_station_and_the_exchange_form_no_cycle():
    """services/station.py imports the exchange lazily (opening a station must not load age,
    cryptography and alembic: tests/e2e/test_cli_imports.py); so no exchange module may import the
    station back, at module level or lazily — that would be the cycle a lazy import hides."""
    folders = (PACKAGE / "services" / "exchange", PACKAGE / "exchange")
    back = [f"{path.name}: {m}" for folder in folders for path in folder.glob("*.py")
            for m, _top in _imports(path) if m == "hexie_desktop.services.station"]
    assert back == [], f"the exchange imports the station: {back}"
    lazy = [m for m, top in _imports(PACKAGE / "services" / "station.py") if "exchange" in m and not top]
    assert lazy, "the station no longer imports the exchange lazily: update this test and test_cli_imports"


def test_exchange_use_case_modules_form_no_cycle():
    folder = PACKAGE / "services" / "exchange"
    prefix = "hexie_desktop.services.exchange."
    graph = {}
    for path in folder.glob("*.py"):
        if path.stem == "__init__":
            continue
        graph[path.stem] = {m[len(prefix):].split(".")[0] for m, _top in _imports(path) if m.startswith(prefix)}
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        if state.get(node) == 2:
            return
        assert state.get(node) != 1, "import cycle: " + " → ".join(trail + [node])
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if nxt in graph:
                visit(nxt, trail + [node])
        state[node] = 2

    for node in sorted(graph):
        visit(node, [])
    assert "imports" in graph["enrol"], "the graph was read (enrol imports imports)"
