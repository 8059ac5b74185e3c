"""The case state machine of SPEC §2.1: actions, their source states and guards, as data.

Services ask this module whether an action is allowed and what state follows; the GUI
asks it which actions to offer and why the others are unavailable.  Nothing here
touches the database: guards take plain facts about the case.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from hexie_desktop.core import codes, money, periods
from hexie_desktop.core.errors import NotAllowed, UserError
from hexie_desktop.core.i18n import _

# The state groups are named once in core.states; re-exported here for the callers that ask the workflow.
from hexie_desktop.core.states import ENDED_STATES
from hexie_desktop.core.states import FINISHED_STATES as FINISHED_STATES
from hexie_desktop.core.states import OPEN_STATES as OPEN_STATES


@dataclass(frozen=True)
class ActionSpec:
    """One workflow action: where it may start and where it leads (``None``: state kept or derived)."""

    name: str
    label: str
    sources: frozenset[str]
    target: str | None

    @property
    def permission(self) -> str:
        """The right this action needs (``core.permissions.PERMISSIONS``; a test proves every one is declared)."""
        return f"case.{self.name}"


def _spec(name: str, label: str, sources: tuple[str, ...], target: str | None) -> ActionSpec:
    return ActionSpec(name, label, frozenset(sources), target)


ACTIONS: Mapping[str, ActionSpec] = {
    spec.name: spec
    for spec in (
        _spec("accept", _("受理"), ("registered",), "accepted"),
        _spec("reject", _("不予受理"), ("registered",), "rejected"),
        _spec("record-session", _("记录调解"), ("accepted", "mediating"), "mediating"),
        _spec("extend", _("延长调解期限"), ("accepted", "mediating"), None),
        _spec("draft-agreement", _("起草协议"), ("accepted", "mediating"), None),
        _spec("agree", _("达成协议"), ("mediating",), "agreed"),
        _spec("fail", _("调解不成"), ("accepted", "mediating"), "failed"),
        _spec("withdraw", _("撤回"), ("registered", "accepted", "mediating"), "withdrawn"),
        _spec("perform-item", _("登记履行"), ("performing", "defaulted"), None),
        _spec("default", _("登记未履行"), ("performing",), "defaulted"),
        _spec(
            "follow-up",
            _("回访"),
            ("agreed", "performing", "performed", "defaulted", "failed", "closed"),
            None,
        ),
        _spec("close", _("结案"), ("rejected", "failed", "withdrawn", "performed", "defaulted", "agreed"), "closed"),
        _spec("archive", _("归档"), ("closed",), "archived"),
    )
}

EVENT_ACTIONS = frozenset(ACTIONS) | {"register", "perform-start"}
"""Actions a case's history may record: the workflow actions, the registration and the automatic
start of performance after an agreement with items."""



@dataclass(frozen=True)
class CaseFacts:
    """What the guards need to know about a case."""

    state: str
    received_on: date
    agreement_items: int = 0
    unperformed_items: int = 0
    overdue_unperformed_items: int = 0
    agreement_effective: bool = False


@dataclass(frozen=True)
class AgreementFacts:
    """The four signature facts of LDTJ art. 14 and the agreed items."""

    applicant_signed_on: date | None
    respondent_signed_on: date | None
    mediator_signed_on: date | None
    seal_applied_on: date | None
    items: tuple[ItemFacts, ...] = field(default_factory=tuple)
    content: str | None = None
    """The agreed terms in words (e.g. 确认劳动关系), for agreements with no item to perform."""


@dataclass(frozen=True)
class ItemFacts:
    """One agreed item as the guards see it."""

    obligation: str
    payer: str
    amount_cents: int | None
    due_on: date | None


def spec(action: str) -> ActionSpec:
    """Return the spec of ``action`` or raise UserError for an unknown action."""
    try:
        return ACTIONS[action]
    except KeyError:
        raise UserError(
            _("未知的操作“{action}”，可用：{allowed}").format(action=action, allowed="、".join(ACTIONS)),
            field="action",
        ) from None


def unavailable_reason(action: str, facts: CaseFacts) -> str | None:
    """Return why ``action`` cannot be taken now, or ``None`` when it can."""
    act = spec(action)
    state_label = codes.label(codes.CASE_STATES, facts.state)
    if action == "draft-agreement" and facts.agreement_effective:
        return _("调解协议已生效，不能再修改协议草稿")
    if facts.state not in act.sources:
        order = list(codes.CASE_STATES).index
        allowed = "、".join(codes.label(codes.CASE_STATES, s) for s in sorted(act.sources, key=order))
        return _("案件处于“{state}”状态，不能{action}（仅限：{allowed}）").format(
            state=state_label, action=act.label, allowed=allowed
        )
    if action == "perform-item" and facts.unperformed_items == 0:
        return _("协议事项均已履行")
    if action == "default" and facts.overdue_unperformed_items == 0:
        return _("没有已到期未履行的协议事项")
    if action == "close" and facts.state == "agreed" and facts.agreement_items > 0:
        return _("协议尚有履行事项，需登记履行或未履行后结案")
    return None


def available_actions(facts: CaseFacts) -> dict[str, str | None]:
    """Map every action to ``None`` (available) or the reason it is not."""
    return {name: unavailable_reason(name, facts) for name in ACTIONS}


def check_allowed(action: str, facts: CaseFacts) -> None:
    """Raise NotAllowed with the reason when ``action`` cannot be taken now."""
    reason = unavailable_reason(action, facts)
    if reason is not None:
        raise NotAllowed(reason, field="action")


def _content_problems(agreement: AgreementFacts) -> list[str]:
    if not agreement.items and not (agreement.content or "").strip():
        return [_("协议内容和协议事项不能都为空：请写明达成的协议内容，或添加需要履行的事项")]
    return []


def _item_problems(agreement: AgreementFacts) -> list[str]:
    problems: list[str] = []
    for index, item in enumerate(agreement.items, start=1):
        if not item.obligation.strip():
            problems.append(_("第{n}项缺少协议内容").format(n=index))
        if not item.payer.strip():
            problems.append(_("第{n}项缺少履行义务人").format(n=index))
        if item.due_on is None:
            problems.append(_("第{n}项缺少履行期限").format(n=index))
    return problems


def draft_problems(agreement: AgreementFacts) -> list[str]:
    """What keeps a draft agreement from being saved (empty: it can be saved and printed for signing).

    A draft (协议草稿) holds what the parties are going to sign: its content and items.  It
    needs no signature date and changes neither the state nor a deadline; only the four
    signature facts make the agreement take effect (LDTJ art. 14, :func:`agreement_problems`).
    """
    return _content_problems(agreement) + _item_problems(agreement)


def agreement_problems(agreement: AgreementFacts) -> list[str]:
    """List what keeps an agreement from taking effect (empty: it can take effect).

    LDTJ art. 14: both parties signed or sealed, the mediator signed and the
    organization's seal applied.  Every item needs an obligation, a payer and a due date.  An
    agreement says what was agreed: items to perform, or terms in words where nothing is to be
    paid or done by a date (确认劳动关系, 出具离职证明 on the spot); it may have both.
    """
    problems = _content_problems(agreement)
    for attr, what in (
        ("applicant_signed_on", _("申请人签名（盖章）")),
        ("respondent_signed_on", _("被申请人签名（盖章）")),
        ("mediator_signed_on", _("调解员签名")),
        ("seal_applied_on", _("调解组织印章")),
    ):
        if getattr(agreement, attr) is None:
            problems.append(_("缺少{what}日期").format(what=what))
    return problems + _item_problems(agreement)


def share_problems(share_cents: tuple[int, ...], item_cents: tuple[int, ...], unlisted: tuple[str, ...], *,
                   collective: bool, taking_effect: bool) -> list[str]:
    """What is wrong with the per-worker amounts (每人金额) of an agreement (empty: nothing).

    A collective agreement names each worker's amount so that each worker can use it alone for
    a 支付令 (LDTJ art. 16) or 仲裁审查: the shares must add up to the items' total, and when a
    collective agreement with money to pay takes effect every applicant must be listed
    (``unlisted`` names those who are not).  A draft may still lack shares.
    """
    problems: list[str] = []
    total = sum(item_cents)
    if share_cents and sum(share_cents) != total:
        problems.append(_("每人金额合计{shares}元，与协议事项金额合计{items}元不一致").format(
            shares=money.format_amount(sum(share_cents)), items=money.format_amount(total)))
    if taking_effect and collective and total > 0 and unlisted:
        names = "、".join(unlisted[:5]) + (_("等{n}人").format(n=len(unlisted)) if len(unlisted) > 5 else "")
        problems.append(_("集体争议的调解协议须列明每名劳动者的金额和履行期限（劳动争议调解仲裁法第十六条），"
                          "尚未列明：{names}").format(names=names))
    return problems


def effective_date(agreement: AgreementFacts) -> date:
    """The day the agreement takes effect: the last of the four signature facts."""
    dates = [
        agreement.applicant_signed_on,
        agreement.respondent_signed_on,
        agreement.mediator_signed_on,
        agreement.seal_applied_on,
    ]
    if any(d is None for d in dates):
        raise NotAllowed("；".join(agreement_problems(agreement)), field="agreement")
    return max(d for d in dates if d is not None)


def require_reason(code: str | None, table: Mapping[str, str], note: str | None, *, field: str = "reason") -> str:
    """Validate a reason code; ``other`` needs a written note."""
    if not code:
        raise UserError(_("必须填写原因"), field=field)
    codes.require(table, code, field)
    if code == "other" and not (note or "").strip():
        raise UserError(_("原因为“其他”时必须填写说明"), field="note")
    return code


def check_action_date(day: date, *, received_on: date, today: date, field: str) -> date:
    """An action's date may not precede the receipt nor lie in the future."""
    if day < received_on:
        raise UserError(_("日期 {day} 早于收到申请日期 {received}").format(day=day, received=received_on), field=field)
    if day > today:
        raise UserError(_("日期 {day} 晚于今天").format(day=day), field=field)
    return day


def check_not_before(day: date, earlier: Mapping[str, date | None], *, field: str) -> date:
    """Dates in order: ``day`` may not precede any of the recorded ``earlier`` dates (label → date).

    A decision cannot come before what it decides on: closing before the decision it closes,
    archiving before closing, performance before the agreement took effect.
    """
    for what, when in earlier.items():
        if when is not None and day < when:
            raise UserError(_("日期 {day} 早于{what} {when}").format(day=day, what=what, when=when), field=field)
    return day


def closing_basis(*, rejected_on: date | None, failed_on: date | None, withdrawn_on: date | None,
                  defaulted_on: date | None, effective_on: date | None,
                  performed_on: tuple[date | None, ...] = ()) -> dict[str, date | None]:
    """The recorded decisions a closing must not precede (label → date), for :func:`check_not_before`."""
    done = [d for d in performed_on if d is not None]
    return {
        _("不予受理日期"): rejected_on, _("调解不成日期"): failed_on, _("撤回日期"): withdrawn_on,
        _("登记未履行日期"): defaulted_on, _("协议生效日期"): effective_on,
        _("最后履行日期"): max(done) if done else None,
    }


def is_overdue(due_on: date | None, on: date) -> bool:
    """Whether an item due on ``due_on`` is in default on day ``on``.

    民法典 art. 203 ¶2: the last day of a period runs to 24:00, so an item is not in default
    on its due date, only from the next day.
    """
    return due_on is not None and due_on < on


def payment_order_allowed(category: str | None) -> bool:
    """Whether an unperformed item of ``category`` may go to court for a 支付令 (LDTJ art. 16:
    拖欠劳动报酬、工伤医疗费、经济补偿或者赔偿金)."""
    return category in codes.PAYMENT_ORDER_CATEGORIES


def check_default(open_due_dates: tuple[date | None, ...], on: date) -> None:
    """A default (未履行) may be recorded on ``on`` only when an unperformed item's due date has passed."""
    if any(is_overdue(due, on) for due in open_due_dates):
        return
    dues = sorted(d for d in open_due_dates if d is not None)
    if dues:
        raise NotAllowed(_("{on}尚无已届满的履行期限：最早的履行期限为{due}，期限末日当日仍可履行，"
                           "届满次日起才能登记未履行（民法典第二百零三条）").format(on=on, due=dues[0]), field="on")
    raise NotAllowed(_("没有已到期未履行的协议事项"), field="on")


def check_failure_reason(reason: str, on: date, mediation_end: date) -> None:
    """“调解期限届满” may be the reason only after the mediation period has ended (LDTJ art. 14 ¶3)."""
    if reason == "period_lapsed" and not periods.mediation_period_ended(on, mediation_end):
        raise NotAllowed(_("调解期限至{end}届满，{on}尚未届满，不能以“调解期限届满”为由终止调解"
                           "（劳动争议调解仲裁法第十四条）").format(end=mediation_end, on=on), field="reason")


def check_extension(current_end: date, new_end: date, applicant_consent_on: date | None,
                    respondent_consent_on: date | None) -> None:
    """An extension needs both parties' recorded consent and a later end date."""
    if applicant_consent_on is None or respondent_consent_on is None:
        raise NotAllowed(_("延长调解期限须经双方当事人同意并记录同意日期"), field="consent")
    if new_end <= current_end:
        raise UserError(
            _("新的调解期限 {new} 必须晚于当前期限 {current}").format(new=new_end, current=current_end),
            field="new_end",
        )


def state_after_agreement(unperformed_items: int) -> str:
    """After an agreement takes effect the case is performing while items remain."""
    return "performing" if unperformed_items > 0 else "agreed"


def closing_reason(state: str, agreement_items: int) -> str:
    """Derive the closing reason from the path the case took."""
    if state == "agreed":
        return "agreed_no_items"
    if state in ENDED_STATES:
        return state
    raise NotAllowed(_("当前状态不能结案"), field="action")


def is_collective(applicant_count: int) -> bool:
    """LDTJ art. 7: ten or more workers with a common claim make a collective dispute."""
    return applicant_count >= 10


def art41_threshold_met(layoffs: int, employees: int) -> bool:
    """劳动合同法 art. 41: 20 or more people, or fewer but at least 10% of employees."""
    if layoffs >= 20:
        return True
    return employees > 0 and layoffs * 10 >= employees


def check_mediator_assigned(assigned: bool, registered: int) -> None:
    """Refuse an acceptance that names no mediator (the case would have no one responsible).

    LDTJ art. 10–13: mediation is conducted by a mediator of the 调解组织; 企业劳动争议协商调解规定
    art. 24: the committee assigns a mediator when it accepts.  ``registered`` is the number of
    active mediators in the 调解员 register, so the message can say how to add the first one.
    """
    if assigned:
        return
    if registered == 0:
        raise UserError(_("调解员名册中还没有调解员，不能受理：请先在“名册台账 › 调解员”中添加调解员"
                          "（命令行：hexie registry add mediators --json 文件），再指定调解员受理"), field="mediator")
    raise UserError(_("受理须指定调解员：请从调解员名册中选择"), field="mediator")


_NAME_SEPARATORS = "、，,；; \u3000"


def split_names(text: str | None) -> list[str]:
    """The names of a "王五、李四" list (、，,； or spaces between them), each once, in order."""
    names: list[str] = []
    word = ""
    for char in (text or "") + " ":
        if char in _NAME_SEPARATORS:
            if word and word not in names:
                names.append(word)
            word = ""
        else:
            word += char
    return names


def check_session_mediators(names: list[str], registered: set[str]) -> str:
    """The session's mediators joined with 、; each must be in the 调解员 register.

    A 调解笔录 is signed by the mediators who conducted the session (LDTJ art. 13); naming someone
    outside the register would put an unregistered person on the paper.
    """
    unknown = [n for n in names if n not in registered]
    if unknown:
        raise UserError(_("调解员“{names}”不在调解员名册中：请从名册中选择，或先在“名册台账 › 调解员”中添加")
                        .format(names="、".join(unknown)), field="mediators")
    return "、".join(names)
