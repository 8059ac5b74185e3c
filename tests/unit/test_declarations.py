"""Everything declared once is declared completely (issue 11.3).

A case action without a right in ``core.permissions.PERMISSIONS`` was silently refused to
everyone, and one without a handler or form raised ``KeyError`` only when clicked: these tests
fail as soon as a declaration is missing instead.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hexie_desktop.core import codes, ledgers, permissions, workflow

PACKAGE = Path(__file__).resolve().parents[2] / "hexie_desktop"


@pytest.mark.parametrize("action", list(workflow.ACTIONS))
def test_every_case_action_has_a_right_some_township_role_holds(action):
    spec = workflow.ACTIONS[action]
    assert spec.permission in permissions.PERMISSIONS, f"{action}: add {spec.permission} to PERMISSIONS"
    assert permissions.PERMISSIONS[spec.permission] & permissions.TOWNSHIP_ROLES, f"{action}: nobody may do it"
    assert spec.label and spec.sources <= set(codes.CASE_STATES)
    assert spec.target is None or spec.target in codes.CASE_STATES


@pytest.mark.parametrize("action", list(workflow.ACTIONS))
def test_every_case_action_has_a_handler_and_its_keys(action):
    from hexie_desktop.services import case_actions

    assert action in case_actions.HANDLERS, f"{action}: no handler in services/case_actions.py"
    assert action in case_actions.KEYS, f"{action}: no accepted keys in services/case_actions.py"


def test_every_right_asked_for_in_the_code_is_declared():
    """A typo in ``ctx.require("…")`` or ``workspace.can("…")`` would deny everyone without a word."""
    asked: dict[str, str] = {}
    pattern = re.compile(r"""\b(?:require|can|allowed\([^,]+,)\s*\(?\s*["']([a-z][a-z.\-]+)["']""")
    for path in PACKAGE.rglob("*.py"):
        for name in pattern.findall(path.read_text(encoding="utf-8")):
            if "." in name or name == "read":
                asked.setdefault(name, str(path.relative_to(PACKAGE)))
    assert len(asked) >= 10  # the scan itself works
    missing = {name: where for name, where in asked.items() if name not in permissions.PERMISSIONS}
    assert missing == {}


def test_unknown_right_is_refused_not_granted():
    assert not permissions.allowed("admin", "case.no-such-action")


def test_every_printed_document_is_a_known_document_type():
    from hexie_desktop.documents.templates import DOCUMENTS

    for key, document in DOCUMENTS.items():
        assert key == document.key and document.title
        assert key in codes.DOCUMENT_TYPES or key == "wallboard", key


def test_every_ledger_is_declared_consistently():
    assert ledgers.problems() == []
    assert set(ledgers.import_kinds()) <= set(ledgers.LEDGERS)
