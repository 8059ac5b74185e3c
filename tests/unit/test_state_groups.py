"""Groups of case states are named once (core/states.py), not spelled out again in each layer (issue 11 #1).

The workflow's action table (core/workflow.py ACTIONS) is the definition of the state machine
and may list states; the paper declarations (core/paper_types.py: the states a paper is suggested
in, its rules) name document facts that happen to share names with states
("accepted", "rejected"), and the Excel import's outcomes ("agreed", "failed") are outcomes, not
states.  Anywhere else a literal list of two or more states is a copy waiting to disagree.
"""

from __future__ import annotations

import re
from pathlib import Path

from hexie_desktop.core import codes, states, workflow

PACKAGE = Path(__file__).resolve().parents[2] / "hexie_desktop"
ALLOWED = {"core/states.py", "core/workflow.py", "core/papers.py", "core/paper_types.py", "services/imports.py"}


def test_no_literal_lists_of_states_outside_core_states() -> None:
    names = "|".join(codes.CASE_STATES)
    literal = re.compile(r'[({\[]\s*"(' + names + r')"\s*,\s*"(' + names + r')"')
    found = []
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE).as_posix()
        if relative in ALLOWED or relative.startswith(("ui/forms/", "storage/migrations/")):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if literal.search(line):
                found.append(f"{relative}:{number}: {line.strip()}")
    assert found == [], "use hexie_desktop.core.states:\n" + "\n".join(found)


def test_the_groups_agree_with_the_workflow() -> None:
    every = set(codes.CASE_STATES)
    for group in (states.MEDIATION_STATES, states.AGREED_STATES, states.OPEN_STATES, states.FINISHED_STATES,
                  states.ENDED_STATES, states.UNPAID_STATES, states.MEDIATING_STATES):
        assert group <= every
    assert workflow.ACTIONS["close"].sources == states.ENDED_STATES | {"agreed"}
    assert workflow.ACTIONS["archive"].sources | {"archived"} == states.FINISHED_STATES
    assert workflow.ACTIONS["record-session"].sources == states.MEDIATING_STATES
    assert workflow.ACTIONS["withdraw"].sources == states.MEDIATION_STATES
    assert workflow.OPEN_STATES is states.OPEN_STATES and workflow.FINISHED_STATES is states.FINISHED_STATES
