"""Every 文书 the station prints, declared once: title, which case may get it, what it asks, who may print it.

A :class:`PaperType` is the one declaration of a document type.  Everything else derives from
:data:`PAPERS`:

* the code table ``codes.DOCUMENT_TYPES`` (the printed ones; attachments add their own kinds);
* the guard of ``core/papers.py`` (``rule``: the facts the case must, may or must not show) and
  the papers that may be served (``served``, for the 送达回证);
* the inputs checked by ``core/paper_inputs.py`` (``inputs``, the names of :data:`INPUTS`; a
  paper dated when issued has ``dated_after``);
* the printing service (``permission``, ``subject``), the renderer registry of
  ``documents/templates`` (one module named by the key, a test keeps the two equal);
* the GUI chooser (order, ``suggested_in``) and the paper's input form (``form_intro``, the
  labels of :data:`INPUTS`);
* the CLI ``print`` command (its choices and its ``--option`` flags with their help).

Adding a document type: a :class:`PaperType` here, a template module
``documents/templates/<key>.py`` (``SHAPE`` and ``build``) and its import in
``documents/templates/__init__.py``.  A paper asking a new kind of input adds its check in
``core/paper_inputs.py`` (and its widget in ``ui/screens/printing/paper_form.py``).
``tests/unit/test_paper_types.py`` fails when one of these is missing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from hexie_desktop.core.i18n import _


@dataclass(frozen=True)
class PaperRule:
    """A document type's needs: every fact in ``needs`` (all), one of ``any_of``, none of ``excludes``.

    The names are those of ``core.papers.FACTS``."""

    needs: tuple[str, ...] = ()
    any_of: tuple[str, ...] = ()
    excludes: tuple[str, ...] = ()

    def facts(self) -> set[str]:
        """Every fact name the rule reads."""
        return {*self.needs, *self.any_of, *self.excludes}


@dataclass(frozen=True)
class Input:
    """One thing a paper may ask at print: its label and kind in the form, its help on the command line.

    ``kind`` is a form field kind (text, multiline, date, choice, combo) or one of the inputs
    read from the case (``session``: a recorded session, ``documents``: issued papers to serve,
    ``recipient``: a party).  ``required`` marks the form field; ``core/paper_inputs.py`` checks."""

    name: str
    label: str
    help: str
    kind: str = "text"
    required: bool = False
    hint: str = ""

    @property
    def flag(self) -> str:
        """The command-line flag (``--session-on``)."""
        return "--" + self.name.replace("_", "-")


INPUTS: Mapping[str, Input] = MappingProxyType({i.name: i for i in (
    Input("session", _("调解场次"), _("第几次调解"), "session", required=True),
    Input("session_on", _("调解日期"), _("调解日期"), "date", required=True),
    Input("session_time", _("调解时间"), _("调解时间，如 09:30"), required=True, hint=_("时:分，如 09:30")),
    Input("place", _("调解地点"), _("调解地点"), "combo", required=True),
    Input("note", _("其他说明"), _("其他说明"), "multiline"),
    Input("addressee", _("送达单位"), _("送达单位（默认被申请人）")),
    Input("content", _("建议内容"), _("建议内容"), "multiline", required=True, hint=_("发现的问题和建议，每条一行")),
    Input("on", _("出具日期"), _("出具日期（默认今天）"), "date"),
    Input("documents", _("送达的文书"), _("送达的已出具文书，编号或文书类型，逗号分隔"), "documents"),
    Input("recipient", _("受送达人"), _("受送达人姓名或名称"), "recipient", required=True),
    Input("address", _("送达地址"), _("送达地址（默认当事人地址）"), hint=_("留空则用当事人登记的地址")),
    Input("method", _("送达方式"), _("送达方式 direct/mail/left/electronic"), "choice"),
    Input("served_on", _("送达日期"), _("送达日期"), "date", hint=_("可留空，由受送达人签收时手写")),
    Input("reason", _("撤回理由"), _("撤回理由"), "multiline", hint=_("可留空，由申请人手写")),
)})
"""Every input a paper may ask, in the order the forms show them."""


@dataclass(frozen=True)
class PaperType:
    """One document type, declared once (see the module docstring for who reads which part).

    ``subject`` is ``case`` or ``organization`` (the wall boards); ``served`` marks papers served
    on a party (a 送达回证 may cover them); ``dated_after`` names the decision a paper dated when
    issued may not precede (its ``on`` input); ``suggested_in`` the case states in which the
    chooser pre-selects it; ``permission`` the right printing it needs (``core.permissions``)."""

    key: str
    title: str
    rule: PaperRule = PaperRule()
    inputs: tuple[str, ...] = ()
    permission: str = "read"
    subject: str = "case"
    served: bool = False
    dated_after: str | None = None
    suggested_in: tuple[str, ...] = ()
    form_intro: str = ""

    @property
    def asks(self) -> bool:
        """Whether the paper asks something before printing (a date alone defaults to today)."""
        return any(name != "on" for name in self.inputs)


PAPERS: Mapping[str, PaperType] = MappingProxyType({p.key: p for p in (
    PaperType("application", _("调解申请书")),
    PaperType("registration", _("受理登记表"), suggested_in=("registered",)),
    PaperType("notice", _("当事人权利义务告知书"), served=True,
               rule=PaperRule(needs=("accepted",), excludes=("rejected",))),
    PaperType("acceptance", _("受理通知书"), served=True, suggested_in=("accepted",),
               rule=PaperRule(needs=("accepted",), excludes=("rejected",))),
    PaperType("rejection", _("不予受理通知书"), served=True, suggested_in=("rejected",),
               rule=PaperRule(needs=("rejected",), excludes=("accepted",))),
    PaperType("mediation_notice", _("调解通知书"), served=True, dated_after="accepted_on",
               rule=PaperRule(needs=("accepted", "mediating"), excludes=("rejected",)),
               inputs=("session_on", "session_time", "place", "note", "on"),
               form_intro=_("通知被申请人参加调解的时间和地点。")),
    PaperType("record", _("调解笔录"), suggested_in=("mediating",), rule=PaperRule(needs=("sessions",)),
               inputs=("session",), form_intro=_("调解笔录一次调解一份：请选择要打印哪一次调解的笔录。")),
    PaperType("agreement", _("调解协议书"), served=True, suggested_in=("agreed", "performing", "performed"),
               rule=PaperRule(any_of=("agreement", "mediating"), excludes=("rejected",))),
    PaperType("termination", _("终止调解通知书"), served=True, suggested_in=("failed",),
               rule=PaperRule(needs=("ended",), excludes=("rejected",))),
    PaperType("withdrawal", _("撤回调解申请书"), suggested_in=("withdrawn",),
               rule=PaperRule(any_of=("withdrawn", "withdrawable"), excludes=("rejected",)),
               inputs=("reason",), form_intro=_("由申请人签名的撤回调解申请书。")),
    PaperType("service", _("送达回证"), rule=PaperRule(needs=("served_papers",), any_of=("accepted", "rejected")),
               inputs=("documents", "recipient", "address", "method", "served_on"),
               form_intro=_("一份送达回证对应一次送达：勾选本次送达的文书，选择受送达人和送达方式。")),
    PaperType("default_notice", _("未履行告知书"), served=True, suggested_in=("defaulted",), dated_after="defaulted_on",
               rule=PaperRule(needs=("defaulted",)), inputs=("on",)),
    PaperType("recommendation", _("调解建议书"), served=True, dated_after="accepted_on",
               rule=PaperRule(needs=("accepted",), any_of=("mediating", "closed"), excludes=("rejected",)),
               inputs=("addressee", "content", "on"), form_intro=_("向用人单位提出的规范用工等建议。")),
    PaperType("followup", _("回访记录"), rule=PaperRule(needs=("follow_ups",))),
    PaperType("cover", _("卷宗封面"), suggested_in=("closed", "archived"), rule=PaperRule(needs=("closed",))),
    PaperType("catalog", _("卷内目录"), rule=PaperRule(needs=("closed",))),
    # and graded 重大: services.grading.for_print
    PaperType("major_report", _("重大集体劳动争议情况报告"), rule=PaperRule(needs=("collective",))),
    PaperType("wallboard", _("五上墙展板"), subject="organization"),
)})
"""Document type → its declaration, in the order of a case file (the chooser's order)."""

CASE_PAPERS: tuple[str, ...] = tuple(key for key, paper in PAPERS.items() if paper.subject == "case")
"""The papers printed for a case (the wall boards are printed for an organization)."""


def papers_taking(name: str) -> list[PaperType]:
    """The papers that ask input ``name``, in declaration order."""
    return [paper for paper in PAPERS.values() if name in paper.inputs]


def input_help(name: str) -> str:
    """The command-line help of input ``name``: which papers take it, and what it is."""
    return _("{titles}：{what}").format(titles="、".join(p.title for p in papers_taking(name)),
                                       what=INPUTS[name].help)


def problems(papers: Mapping[str, PaperType] | None = None) -> list[str]:
    """What is wrong with the declarations (pure checks; the renderers and forms are tested beside them)."""
    found = []
    claimed: dict[str, str] = {}
    for key, paper in (PAPERS if papers is None else papers).items():
        if key != paper.key:
            found.append(f"{key}: declared under another key ({paper.key})")
        if not paper.title:
            found.append(f"{key}: no title")
        if not paper.permission:
            found.append(f"{key}: no permission")
        if paper.subject not in ("case", "organization"):
            found.append(f"{key}: unknown subject {paper.subject!r}")
        unknown = [name for name in paper.inputs if name not in INPUTS]
        if unknown:
            found.append(f"{key}: unknown inputs {unknown}")
        if (paper.dated_after is None) == ("on" in paper.inputs):
            found.append(f"{key}: a paper dated when issued takes the input 'on', and only such a paper")
        if paper.asks and not paper.form_intro:
            found.append(f"{key}: asks inputs but has no form_intro")
        for state in paper.suggested_in:
            if state in claimed:
                found.append(f"{key}: state {state!r} already suggests {claimed[state]}")
            claimed[state] = key
    return found
