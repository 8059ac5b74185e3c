"""What a paper asks before it is printed (session picker, delivery, session time and place, text).

The fields mirror :data:`hexie_desktop.core.paper_inputs.KEYS`; the dialog checks the values
with the same core rule the printing service applies (:func:`paper_inputs.resolve`), so a
wrong value is marked in the dialog and nothing is rendered until it is right.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from hexie_desktop.core import codes, paper_inputs
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
    return doc_type in ("mediation_notice", "service", "recommendation", "withdrawal")


def _session_label(session: MediationSession) -> str:
    when = " ".join(str(v) for v in (session.held_on, session.start_time) if v)
    return _t("第{n}次调解　{when}　{place}").format(n=session.seq, when=when, place=session.place or "").strip()


def fields_for(doc_type: str, case: CaseView, today: date) -> list[Field]:
    """The inputs of ``doc_type`` for ``case`` with sensible defaults."""
    if doc_type == "record":
        held = paper_inputs.sessions(case)
        return [Field("session", _t("调解场次"), "choice", True, [(s.seq, _session_label(s)) for s in held],
                      default=held[-1].seq if held else None)]
    if doc_type == "mediation_notice":
        address = case.organization.address
        return [Field("session_on", _t("调解日期"), "date", True),
                Field("session_time", _t("调解时间"), required=True, hint=_t("时:分，如 09:30")),
                Field("place", _t("调解地点"), "combo", True, [(address, address)] if address else []),
                Field("note", _t("其他说明"), "multiline"),
                Field("on", _t("出具日期"), "date", default=today)]
    if doc_type == "recommendation":
        return [Field("addressee", _t("送达单位"), default=case.respondent.name or None),
                Field("content", _t("建议内容"), "multiline", True,
                      hint=_t("发现的问题和建议，每条一行")),
                Field("on", _t("出具日期"), "date", default=today)]
    if doc_type == "withdrawal":
        return [Field("reason", _t("撤回理由"), "multiline", hint=_t("可留空，由申请人手写"))]
    if doc_type == "service":
        listed = paper_inputs.served_documents(case)
        out = [Field(DOC_PREFIX + d.id, d.title or rules.title(d.doc_type),
                     "bool", default=index == len(listed) - 1,
                     hint=_t("出具于 {at}").format(at=rules.local_time(d.issued_at)))
               for index, d in enumerate(listed)]
        people = paper_inputs.parties(case)
        out += [Field("recipient", _t("受送达人"), "choice", True,
                      [(p["name"], f"{p['name']}（{p['role']}）") for p in people],
                      default=people[0]["name"] if people else None),
                Field("address", _t("送达地址"), hint=_t("留空则用当事人登记的地址")),
                Field("method", _t("送达方式"), "choice", choices=list(codes.DELIVERY_METHODS.items())),
                Field("served_on", _t("送达日期"), "date", hint=_t("可留空，由受送达人签收时手写"))]
        return out
    return []


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

    intro = {
        "record": _t("调解笔录一次调解一份：请选择要打印哪一次调解的笔录。"),
        "mediation_notice": _t("通知被申请人参加调解的时间和地点。"),
        "recommendation": _t("向用人单位提出的规范用工等建议。"),
        "withdrawal": _t("由申请人签名的撤回调解申请书。"),
        "service": _t("一份送达回证对应一次送达：勾选本次送达的文书，选择受送达人和送达方式。"),
    }.get(doc_type, "")
    form = FormDialog(rules.title(doc_type), intro, fields_for(doc_type, case, today), submit, parent)
    form.accepted.connect(lambda: on_options(form.result))
    return form
