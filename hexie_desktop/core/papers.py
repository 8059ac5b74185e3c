"""Which 文书 a case may be given now: each document type declares the facts it needs.

The rule of each paper is declared with the paper (``core/paper_types.py``); the facts it
names are here.  One check for the printing service (which refuses the others) and the print
chooser (which offers only the allowed ones).  A paper may not contradict the case: a rejected
case gets no 受理通知书 or 终止调解通知书, an accepted one no 不予受理通知书, a case that is
not closed no 卷宗封面.  The facts are read from the typed case view (:class:`core.case_view.CaseView`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from hexie_desktop.core import codes, workflow
from hexie_desktop.core.case_view import CaseView
from hexie_desktop.core.errors import NotAllowed
from hexie_desktop.core.i18n import _
from hexie_desktop.core.paper_types import PAPERS, PaperRule
from hexie_desktop.core.states import FINISHED_STATES, MEDIATING_STATES

Case = CaseView

SERVED_TYPES = tuple(key for key, paper in PAPERS.items() if paper.served)
"""Documents served on a party, so a 送达回证 may cover them (records, covers and the like are not);
declared in ``core/paper_types.py``."""


def _agreement(case: Case) -> bool:
    """An effective agreement, or a draft (to be signed) while the case is still being mediated."""
    if case.agreement is None:
        return False
    return case.agreement.effective_on is not None or case.state in MEDIATING_STATES


@dataclass(frozen=True)
class Fact:
    """A fact about a case a document may need (or may not stand): its test and what it means."""

    test: Callable[[Case], bool]
    present: str
    absent: str


FACTS: Mapping[str, Fact] = {
    "accepted": Fact(lambda c: c.decision.accepted_on is not None, _("本案已受理"), _("本案未受理")),
    "rejected": Fact(lambda c: c.decision.rejected_on is not None or c.state == "rejected",
                     _("本案已决定不予受理"), _("本案没有不予受理决定")),
    "sessions": Fact(lambda c: bool(c.sessions), _("本案已有调解记录"), _("本案尚无调解记录")),
    "agreement": Fact(_agreement, _("本案已有调解协议"), _("本案尚无调解协议")),
    "mediating": Fact(lambda c: c.state in MEDIATING_STATES, _("本案正在调解"), _("本案不在调解中")),
    "ended": Fact(lambda c: c.decision.failed_on is not None
                  or (c.decision.withdrawn_on is not None and c.decision.accepted_on is not None),
                  _("本案调解已终止"), _("本案调解未终止（没有调解不成或受理后撤回的记录）")),
    "withdrawn": Fact(lambda c: c.decision.withdrawn_on is not None, _("本案已撤回"), _("本案没有撤回记录")),
    "withdrawable": Fact(lambda c: c.state in workflow.ACTIONS["withdraw"].sources,
                         _("本案可以撤回"), _("本案已不能撤回调解申请")),
    "defaulted": Fact(lambda c: c.decision.defaulted_on is not None, _("本案已登记协议未履行"),
                      _("本案没有登记协议未履行（履行期限届满后方可登记）")),
    "served_papers": Fact(lambda c: any(d.doc_type in SERVED_TYPES for d in c.documents),
                          _("本案已有出具的文书"), _("本案尚无已出具的需送达文书")),
    "follow_ups": Fact(lambda c: bool(c.follow_ups), _("本案已有回访"), _("本案尚无回访记录")),
    "closed": Fact(lambda c: c.state in FINISHED_STATES or c.decision.closed_on is not None,
                   _("本案已结案"), _("本案尚未结案")),
    "collective": Fact(lambda c: c.collective or c.workers >= 10, _("本案是集体争议"), _("本案不是集体争议")),
}


RULES: Mapping[str, PaperRule] = {key: paper.rule for key, paper in PAPERS.items()}
"""Document type → what the case must (not) be for it; types not listed need nothing."""


REJECTION_ROUTES: Mapping[str, str] = {
    "not_labor_dispute": "civil",
    "in_arbitration_or_court": "continue",
}
"""不予受理 reason code → where the 不予受理通知书 sends the party; any other reason: ``arbitration``.

* ``civil`` — not a labour dispute: 人民调解委员会 or a suit at the 人民法院, civil limitation of
  three years (民法典 art. 188), never labour arbitration;
* ``continue`` — the dispute is already before an arbitration commission or a court: pursue it there;
* ``arbitration`` — a labour dispute this organization does not mediate: labour arbitration or another
  调解组织, arbitration limitation (LDTJ art. 27).
"""

CIVIL_LIMITATION_YEARS = 3
"""民法典 art. 188: the general limitation for suits at the 人民法院 is three years."""


def rejection_route(reason: object) -> str:
    """Where a rejected party is sent for the rejection ``reason`` code (see :data:`REJECTION_ROUTES`)."""
    return REJECTION_ROUTES.get(str(reason or ""), "arbitration")


def refusal(doc_type: str, case: Case) -> str | None:
    """Why ``doc_type`` may not be issued for ``case`` now (Chinese), or ``None`` when it may."""
    rule = RULES.get(doc_type, PaperRule())
    title = codes.label(codes.DOCUMENT_TYPES, doc_type)
    why = [FACTS[f].absent for f in rule.needs if not FACTS[f].test(case)]
    if rule.any_of and not any(FACTS[f].test(case) for f in rule.any_of):
        why.append("、".join(FACTS[f].absent for f in rule.any_of))
    why += [FACTS[f].present for f in rule.excludes if FACTS[f].test(case)]
    if not why:
        return None
    state = case.state_label or case.state
    return _("案件处于“{state}”状态，不能出具{title}：{why}").format(state=state, title=title, why="；".join(why))


def allowed(doc_type: str, case: Case) -> bool:
    """Whether ``doc_type`` may be issued for ``case`` now."""
    return refusal(doc_type, case) is None


def check(doc_type: str, case: Case) -> None:
    """Raise :class:`NotAllowed` (field ``doc_type``) when ``doc_type`` contradicts the case."""
    reason = refusal(doc_type, case)
    if reason is not None:
        raise NotAllowed(reason, field="doc_type")
