"""Compile the 工作台's SQLAlchemy statements into SQLite text: ``python scripts/gen_sql.py``.

``hexie dashboard`` on a station folder reads its rows through the sqlite3 driver alone
(``services.dashboard_quick``: SQLAlchemy and the models take longer to load than the whole
command may take).  The statements stay written once, in ``services.dashboard``; this script
compiles each for SQLite into ``hexie_desktop/services/dashboard_sql.py`` (committed):

* the parameters the reader supplies keep their names (``:horizon``, ``:today`` …);
* the fixed lists and values (states, actions) are written out as SQL literals;
* the list of case ids ``:ids`` becomes ``(SELECT value FROM json_each(:ids))``, bound as one JSON array.

``--check`` only compares and exits 1 when the committed module is stale (a unit test calls
:func:`stale` to the same end).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "hexie_desktop" / "services" / "dashboard_sql.py"
HEADER = '''"""The 工作台's SQL for SQLite, compiled from services.dashboard by scripts/gen_sql.py: do not edit.

Parameters by name (``:horizon`` …); ``:ids`` is a JSON array of case ids.  A unit test fails when
this text no longer matches the statements it was compiled from.
"""

'''
# The statements of services.dashboard, by the name of their constant here.
STATEMENTS = ("CASES", "NAMES", "EFFECTIVE", "ITEMS", "VISITED", "MONTH", "MEDIATORS", "USER_MEDIATOR")
_POSTCOMPILE = re.compile(r"\(__\[POSTCOMPILE_(\w+)\]\)")


def _literal(value: object) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise SystemExit(f"a fixed value of a type this script does not write out: {value!r}")
    if isinstance(value, int):
        return str(value)
    return "'" + value.replace("'", "''") + "'"


def compile_sqlite(statement: object) -> str:
    """The SQLite text of ``statement`` as :mod:`hexie_desktop.services.dashboard_sql` holds it."""
    from sqlalchemy.dialects import sqlite

    compiled = statement.compile(dialect=sqlite.dialect(paramstyle="named"))  # type: ignore[attr-defined]
    params = compiled.params
    text = str(compiled)

    def expand(match: re.Match) -> str:
        name = match.group(1)
        if name == "ids":
            return "(SELECT value FROM json_each(:ids))"
        return "(" + ", ".join(_literal(v) for v in params[name]) + ")"

    text = _POSTCOMPILE.sub(expand, text)
    for name, value in params.items():
        if value is not None and not isinstance(value, list):
            text = re.sub(rf":{name}\b", _literal(value), text)
    return re.sub(r"\s*\n\s*", " ", text).strip()


def render() -> str:
    """The whole generated module."""
    from hexie_desktop.services import dashboard

    statements = {"CASES": dashboard.case_query(), "NAMES": dashboard.names_query(),
                  "EFFECTIVE": dashboard.effective_query(), "ITEMS": dashboard.items_query(),
                  "VISITED": dashboard.visited_query(), "MONTH": dashboard.month_query(),
                  "MEDIATORS": dashboard.mediators_query(), "USER_MEDIATOR": dashboard.user_mediator_query()}
    body = "".join(f"{name} = {_wrapped(compile_sqlite(statements[name]))}\n" for name in STATEMENTS)
    return HEADER + body


def _wrapped(text: str, width: int = 96) -> str:
    """``text`` as a Python literal of lines (implicit concatenation) no longer than the line limit."""
    chunks, line = [], ""
    for word in text.split(" "):
        piece = word if not line else " " + word
        if line and len(line) + len(piece) > width:
            chunks.append(line + " ")
            line = word
        else:
            line += piece
    chunks.append(line)
    if len(chunks) == 1:
        return repr(text)
    return "(\n" + "".join(f"    {chunk!r}\n" for chunk in chunks) + ")"


def stale() -> bool:
    """True when the committed module differs from what the statements compile to now."""
    return not TARGET.exists() or TARGET.read_text(encoding="utf-8") != render()


def main() -> int:
    """Write the module (or, with ``--check``, only say whether it is stale)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare only; exit 1 when stale")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    if args.check:
        if stale():
            print(f"{TARGET.relative_to(ROOT)} is stale: run python scripts/gen_sql.py")
            return 1
        return 0
    TARGET.write_text(render(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
