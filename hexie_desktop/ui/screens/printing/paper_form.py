"""What a paper asks before it is printed (session picker, delivery, session time and place, text).

The fields are the inputs declared for the paper (:data:`hexie_desktop.core.paper_types.PAPERS`,
labels and kinds in :data:`~hexie_desktop.core.paper_types.INPUTS`); this module only adds what the
case offers (its sessions, parties, issued papers) and the defaults.  The dialog checks the values
with the same core rule the printing service applies (:func:`paper_inputs.resolve`), so a wrong
value is marked in the dialog and nothing is rendered until it is right.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from hexie_desktop.core import codes, paper_inputs, paper_types
from hexie_desktop.core.case_view import CaseView, MediationSession
from hexie_desktop.ui.screens.printing import rules
from hexie_desktop.ui.widgets.form_dialog import FormDialog
from hexie_desktop.ui.widgets.formbuilder import Field

DOC_PREFIX = "doc_"


def _t(text: str) -> str:
    return QCoreApplication.translate("Printing", text)


def asks(doc_type: str, case: CaseView) -> bool:
    """Whether ``doc_type`` asks something before printing (a record only when there is a choice)."""
    if doc_type == "record":
        return len(paper_inputs.sessions(case)) > 1
    paper = paper_types.PAPERS.get(doc_type)
    return paper is not None and paper.asks


def _session_label(session: MediationSession) -> str:
    when = " ".join(str(v) for v in (session.held_on, session.start_time) if v)
    return _t("第{n}次调解　{when}　{place}").format(n=session.seq, when=when, place=session.place or "").strip()


def _choices(name: str, case: CaseView) -> list[tuple[Any, str]]:
    """The choices an input offers for ``case`` (none for free inputs)."""
    if name == "place":
        address = case.organization.address
        return [(address, address)] if address else []
    if name == "method":
        return list(codes.DELIVERY_METHODS.items())
    return []


def _default(name: str, case: CaseView, today: date) -> Any:
    """What an input starts with for ``case`` (``None``: empty)."""
    if name == "on":
        return today
    if name == "addressee":
        return case.respondent.name or None
    return None


def _fields(name: str, case: CaseView, today: date) -> list[Field]:
    """The widgets of input ``name`` (declared in :data:`paper_types.INPUTS`) for ``case``."""
    spec = paper_types.INPUTS[name]
    if spec.kind == "session":
        held = paper_inputs.sessions(case)
        return [Field(name, spec.label, "choice", spec.required, [(s.seq, _session_label(s)) for s in held],
                      default=held[-1].seq if held else None)]
    if spec.kind == "documents":
        listed = paper_inputs.served_documents(case)
        return [Field(DOC_PREFIX + str(d.id), d.title or rules.title(d.doc_type),
                      "bool", default=index == len(listed) - 1,
                      hint=_t("出具于 {at}").format(at=rules.local_time(d.issued_at)))
                for index, d in enumerate(listed)]
    if spec.kind == "recipient":
        people = paper_inputs.parties(case)
        return [Field(name, spec.label, "choice", spec.required,
                      [(p["name"], f"{p['name']}（{p['role']}）") for p in people],
                      default=people[0]["name"] if people else None)]
    return [Field(name, spec.label, spec.kind, spec.required, _choices(name, case),
                  default=_default(name, case, today), hint=spec.hint)]


def fields_for(doc_type: str, case: CaseView, today: date) -> list[Field]:
    """The inputs of ``doc_type`` for ``case`` with sensible defaults, as declared for the paper."""
    paper = paper_types.PAPERS.get(doc_type)
    if paper is None:
        return []
    return [f for name in paper.inputs for f in _fields(name, case, today)]


def options_from(doc_type: str, values: dict[str, Any]) -> dict[str, Any]:
    """The service's print options from the dialog's values (empty ones left out)."""
    if doc_type == "service":
        chosen = [name[len(DOC_PREFIX):] for name, value in values.items()
                  if name.startswith(DOC_PREFIX) and value is True]
        rest = {k: v for k, v in values.items() if not k.startswith(DOC_PREFIX)}
        return {**{k: v for k, v in rest.items() if v not in (None, "")}, "documents": chosen}
    return {k: v for k, v in values.items() if v not in (None, "")}


def dialog(doc_type: str, case: CaseView, today: date, on_options: Callable[[dict[str, Any]], None],
           parent: QWidget | None = None) -> FormDialog:
    """The dialog asking ``doc_type``'s inputs; ``on_options`` gets the checked options on 确定."""

    def submit(values: dict[str, Any]) -> dict[str, Any]:
        options = options_from(doc_type, values)
        paper_inputs.resolve(doc_type, case, options, today)  # the service's own check
        return options

    intro = paper_types.PAPERS[doc_type].form_intro
    form = FormDialog(rules.title(doc_type), intro, fields_for(doc_type, case, today), submit, parent)
    form.accepted.connect(lambda: on_options(form.result))
    return form
