"""Every 文书 is declared once and completely (issue 11.3): ``core/paper_types.py``.

The printing service, the GUI chooser and input form, the CLI ``print`` command, the guard of
``core/papers.py``, the input checks of ``core/paper_inputs.py`` and the code table all derive
from the declarations; these tests fail as soon as a declared paper lacks a title, a permission,
a renderer or an input check, or when a renderer exists that nobody declared.
"""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest

from hexie_desktop.core import codes, paper_inputs, paper_types, papers, permissions
from hexie_desktop.core.case_view import from_json
from hexie_desktop.core.paper_types import PAPERS, PaperRule, PaperType
from hexie_desktop.documents.templates import DOCUMENTS, RENDERERS

TEMPLATES = Path(__file__).resolve().parents[2] / "hexie_desktop" / "documents" / "templates"


def template_modules(folder: Path = TEMPLATES) -> set[str]:
    """The modules of ``folder`` that define a renderer (a top-level ``build`` function)."""
    found = set()
    for path in folder.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if any(isinstance(node, ast.FunctionDef) and node.name == "build" for node in tree.body):
            found.add(path.stem)
    return found


def renderer_problems(papers_: dict[str, PaperType] | None = None, renderers: dict | None = None,
                      modules: set[str] | None = None) -> list[str]:
    """Declared papers without a renderer, and renderers (registered or only written) nobody declared."""
    papers_ = dict(PAPERS) if papers_ is None else papers_
    renderers = dict(RENDERERS) if renderers is None else renderers
    modules = template_modules() if modules is None else modules
    found = [f"{key}: declared but no renderer in documents/templates" for key in papers_ if key not in renderers]
    found += [f"{key}: renderer not declared in core/paper_types.py" for key in renderers if key not in papers_]
    found += [f"{name}: template module not registered in documents/templates/__init__.py"
              for name in sorted(modules - set(renderers))]
    for key, module in renderers.items():
        if not (hasattr(module, "SHAPE") and callable(getattr(module, "build", None))):
            found.append(f"{key}: renderer lacks SHAPE or build")
    return found


def test_every_declaration_is_complete():
    assert paper_types.problems() == []


def test_every_declared_paper_has_a_renderer_and_every_renderer_is_declared():
    assert renderer_problems() == []
    assert list(DOCUMENTS) == list(PAPERS)
    for key, document in DOCUMENTS.items():
        assert document.title == PAPERS[key].title and document.subject == PAPERS[key].subject


def test_the_renderer_check_can_fail():
    """A declaration without a renderer, a registered renderer nobody declared, a module left unregistered."""
    declared = {**PAPERS, "summons": PaperType("summons", "传唤书")}
    assert renderer_problems(papers_=declared) == ["summons: declared but no renderer in documents/templates"]
    registered = {**RENDERERS, "memo": SimpleNamespace(SHAPE={}, build=lambda case, station: None)}
    assert renderer_problems(renderers=registered) == ["memo: renderer not declared in core/paper_types.py"]
    assert renderer_problems(modules=template_modules() | {"memo"}) == [
        "memo: template module not registered in documents/templates/__init__.py"]
    assert "cover" in template_modules() and "common" not in template_modules()


def test_the_declaration_check_can_fail():
    bad = {
        "a": PaperType("a", "", permission=""),
        "b": PaperType("b", "乙", inputs=("on",)),
        "c": PaperType("c", "丙", inputs=("reason",)),
        "d": PaperType("d", "丁", suggested_in=("failed",)),
        "e": PaperType("e", "戊", suggested_in=("failed",), inputs=("colour",)),
    }
    found = paper_types.problems(bad)
    assert "a: no title" in found and "a: no permission" in found
    assert any(p.startswith("b: a paper dated when issued") for p in found)
    assert "c: asks inputs but has no form_intro" in found
    assert "e: state 'failed' already suggests d" in found
    assert "e: unknown inputs ['colour']" in found


@pytest.mark.parametrize("key", list(PAPERS))
def test_every_paper_needs_a_right_a_township_role_holds(key):
    right = PAPERS[key].permission
    assert right in permissions.PERMISSIONS, f"{key}: {right} is not in core.permissions.PERMISSIONS"
    assert permissions.PERMISSIONS[right] & permissions.TOWNSHIP_ROLES, f"{key}: nobody at a township may print it"


@pytest.mark.parametrize("key", list(PAPERS))
def test_every_rule_names_known_facts_and_the_guard_reads_it(key):
    rule = PAPERS[key].rule
    assert rule.facts() <= set(papers.FACTS), f"{key}: unknown facts {rule.facts() - set(papers.FACTS)}"
    assert papers.RULES[key] is rule


def test_every_paper_that_asks_has_its_check_and_every_check_is_declared():
    asking = {key for key, paper in PAPERS.items() if paper.asks}
    assert asking == set(paper_inputs.RESOLVERS)
    assert set(paper_inputs.DATED) == {key for key, paper in PAPERS.items() if paper.dated_after}
    assert {key: set(keys) for key, keys in paper_inputs.KEYS.items()} == {
        key: set(paper.inputs) for key, paper in PAPERS.items() if paper.inputs}


def test_the_code_table_and_the_served_papers_come_from_the_declarations():
    for key, paper in PAPERS.items():
        if paper.subject == "case":
            assert codes.DOCUMENT_TYPES[key] == paper.title
        else:
            assert key not in codes.DOCUMENT_TYPES
    assert set(papers.SERVED_TYPES) == {"notice", "acceptance", "rejection", "mediation_notice", "agreement",
                                        "termination", "default_notice", "recommendation"}
    for paper in PAPERS.values():
        assert set(paper.suggested_in) <= set(codes.CASE_STATES)


def test_an_undeclared_paper_is_refused_by_the_guard_only_with_its_rule():
    """A paper's rule is the one declared: the guard of a 终止调解通知书 needs an ended mediation."""
    assert papers.refusal("termination", from_json({"state": "mediating", "decision": {"accepted_on": "2026-03-01"}}))
    assert papers.refusal("application", from_json({"state": "mediating"})) is None
    assert PAPERS["termination"].rule == PaperRule(needs=("ended",), excludes=("rejected",))


def test_the_cli_print_command_derives_its_choices_and_options():
    from hexie_desktop import cli

    parser = cli.build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    printing = sub.choices["print"]
    doc = next(a for a in printing._actions if a.dest == "doc")
    assert list(doc.choices) == list(PAPERS)
    flags = {a.dest: a for a in printing._actions}
    for name, spec in paper_types.INPUTS.items():
        assert spec.flag in flags[name].option_strings
        for paper in paper_types.papers_taking(name):
            assert paper.title in flags[name].help


def test_the_gui_form_shows_every_declared_input():
    pytest.importorskip("PySide6")
    from hexie_desktop.ui.screens.printing import paper_form, rules

    case = from_json({"state": "mediating", "sessions": [{"seq": 1}, {"seq": 2}],
                      "applicants": [{"name": "张三", "address": "甲村"}], "respondent": {"name": "某公司"},
                      "documents": [{"id": "d1", "doc_type": "acceptance", "title": "受理通知书",
                                     "issued_at": "2026-03-02"}]})
    for key, paper in PAPERS.items():
        names = {f.name for f in paper_form.fields_for(key, case, date(2026, 3, 5))}
        expected = {n for n in paper.inputs if n != "documents"}
        if "documents" in paper.inputs:
            expected.add("doc_d1")
        assert names == expected, key
        assert paper_form.asks(key, case) == paper.asks
        assert rules.title(key) == paper.title
    assert rules.SUGGESTED_BY_STATE["defaulted"] == "default_notice"
    assert rules.SUGGESTED_BY_STATE["performing"] == "agreement"
