"""Workflow actions on a case (SPEC §2.1): accept, reject, record-session, extend, draft-agreement,
agree, fail, withdraw, perform-item, default, follow-up, close, archive.

``draft-agreement`` saves the agreement the parties are going to sign (content, items) and
changes no state or deadline; ``agree`` records the four signature facts (LDTJ art. 14) and
makes the saved draft (or the items it is given) take effect.

The edge dict of an action (CLI JSON, GUI form, Excel import) becomes a typed command in
:func:`core.commands.parse_command`; the handlers here read only the command and resolve what
needs the database (mediators, applicants, saved items).  :func:`apply_command` is the typed entry.

Each action is one transaction with one audit entry.  It validates all its data and asks
:mod:`core.workflow` whether it is allowed before writing anything; a refusal raises and
leaves the database untouched.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hexie_desktop.core import codes, commands, dossier, fields, money, numbering, workflow
from hexie_desktop.core.errors import NotAllowed, NotFound, UserError, ValidationErrors
from hexie_desktop.core.i18n import _
from hexie_desktop.services import settings
from hexie_desktop.services.case_view import build, case_facts, deadlines_for
from hexie_desktop.services.cases import get_case
from hexie_desktop.services.context import Context
from hexie_desktop.storage.db import next_counter
from hexie_desktop.storage.models import (
    Agreement,
    AgreementItem,
    AgreementShare,
    Case,
    CaseEvent,
    FollowUp,
    MediationSession,
    Mediator,
    Party,
    PerformanceRecord,
    User,
)

KEYS = commands.KEYS
"""The data keys each action reads (declared in :mod:`core.commands`)."""


@dataclass(frozen=True)
class ActionResult:
    """What an action did."""

    number: str
    action: str
    from_state: str
    state: str
    message: str


def _day(value: date, key: str, case: Case, today: date) -> date:
    """The action's date ``key`` (the parser made an empty one today), neither before the receipt nor in
    the future."""
    return workflow.check_action_date(value, received_on=case.received_on, today=today, field=key)


def _optional_day(value: date | None, key: str, case: Case, today: date) -> date | None:
    """The date ``key`` when given (a consent, a signature), checked as :func:`_day` checks it."""
    if value is None:
        return None
    return workflow.check_action_date(value, received_on=case.received_on, today=today, field=key)


def _event(session: Session, case: Case, action: str, from_state: str, on: date, actor: str,
           note: str | None) -> None:
    seq = len(case.events) + 1
    event = CaseEvent(case_id=case.id, seq=seq, action=action, from_state=from_state, to_state=case.state,
                      on_date=on, actor=actor, note=note)
    session.add(event)
    case.events.append(event)


def _mediator(session: Session, name: str | None) -> Mediator | None:
    if name is None:
        return None
    found = session.execute(
        select(Mediator).where(Mediator.deleted.is_(False), (Mediator.name == name) | (Mediator.id == name))
    ).scalars().first()
    if found is None:
        raise UserError(_("调解员“{name}”不在调解员名册中").format(name=name), field="mediator")
    return found


# ---------------------------------------------------------------- handlers


def _actor_mediator(session: Session, ctx: Context) -> Mediator | None:
    """The active mediator record linked to the acting user (用户管理), if any."""
    mediator_id = session.execute(select(User.mediator_id).where(User.username == ctx.actor.username)).scalar()
    found = session.get(Mediator, mediator_id) if mediator_id else None
    return found if found is not None and not found.deleted and found.status == "active" else None


def active_mediator_count(session: Session) -> int:
    """How many active mediators the 调解员 register holds."""
    return session.execute(select(func.count()).select_from(Mediator).where(
        Mediator.deleted.is_(False), Mediator.status == "active")).scalar_one()


def _accept(session: Session, case: Case, command: commands.Accept, ctx: Context, *,
            history: bool = False) -> tuple[date, str | None]:
    """受理: the date, the approver and the mediator (named, already assigned, or the acting user's own
    mediator record); no mediator at all is refused (:func:`core.workflow.check_mediator_assigned`).

    ``history``: a case of the paper past being imported: its mediator is the one named (any status,
    none when the old record names none), never the importing user's.
    """
    on = _day(command.on, "on", case, ctx.today)
    mediator = _mediator(session, command.mediator)
    if history:
        mediator = mediator or case.mediator
    else:
        if mediator is not None and mediator.status != "active":
            raise UserError(_("调解员“{name}”不是在职状态，不能指定").format(name=mediator.name), field="mediator")
        mediator = mediator or case.mediator or _actor_mediator(session, ctx)
        workflow.check_mediator_assigned(mediator is not None, 0 if mediator else active_mediator_count(session))
    note = command.note
    case.accepted_on = on
    case.approver = command.approver or ctx.actor.display_name
    case.mediator = mediator
    return on, note


def _decision_with_reason(case: Case, command: commands.Reject | commands.Fail, ctx: Context, *,
                          reasons: Mapping[str, str], date_attr: str, reason_attr: str) -> tuple[date, str, str]:
    """A decision that needs a reason (rejection, failure): its date, reason code and event note."""
    on = _day(command.on, "on", case, ctx.today)
    note = command.note
    reason = command.reason
    setattr(case, reason_attr, reason)
    setattr(case, date_attr, on)
    case.decision_note = note
    return on, reason, codes.label(reasons, reason) + (f"：{note}" if note else "")


def _reject(session: Session, case: Case, command: commands.Reject, ctx: Context) -> tuple[date, str | None]:
    on, _reason, note = _decision_with_reason(case, command, ctx, reasons=codes.REJECTION_REASONS,
                                              date_attr="rejected_on", reason_attr="rejection_reason")
    return on, note


def _session_mediators(session: Session, case: Case, names: list[str], ctx: Context) -> str:
    """The session's mediators: names from the register, by default the case's (or the actor's) mediator."""
    if not names:
        own = case.mediator or _actor_mediator(session, ctx)
        return own.name if own is not None else ctx.actor.display_name
    registered = set(session.execute(select(Mediator.name).where(
        Mediator.deleted.is_(False), Mediator.name.in_(names))).scalars())
    return workflow.check_session_mediators(names, registered)


def _record_session(session: Session, case: Case, command: commands.RecordSession,
                    ctx: Context) -> tuple[date, str | None]:
    held_on = _day(command.held_on, "held_on", case, ctx.today)
    if case.accepted_on and held_on < case.accepted_on:
        raise UserError(_("调解日期不能早于受理日期 {d}").format(d=case.accepted_on), field="held_on")
    record = MediationSession(
        case_id=case.id, seq=len([s for s in case.sessions if not s.deleted]) + 1, held_on=held_on,
        start_time=command.start_time, end_time=command.end_time, place=command.place,
        mediators=_session_mediators(session, case, list(command.mediators), ctx),
        recorder=command.recorder, attendees=command.attendees, statements=command.statements,
        proposal=command.proposal, result=command.result,
    )
    session.add(record)
    case.sessions.append(record)
    return held_on, _("第{n}次调解").format(n=record.seq)


def _extend(session: Session, case: Case, command: commands.Extend, ctx: Context) -> tuple[date, str | None]:
    new_end = command.new_end
    applicant = _optional_day(command.applicant_consent_on, "applicant_consent_on", case, ctx.today)
    respondent = _optional_day(command.respondent_consent_on, "respondent_consent_on", case, ctx.today)
    current = deadlines_for(session, case)["mediation"].due
    workflow.check_extension(current, new_end, applicant, respondent)
    case.mediation_extended_until = new_end
    note = command.note
    return ctx.today, _("经双方同意，调解期限由{old}延长至{new}").format(old=current, new=new_end) + (
        f"；{note}" if note else "")


def _resolve_items(terms: tuple[commands.ItemTerm, ...], case: Case) -> list[dict[str, Any]]:
    """The parsed items as rows for this case: the respondent pays by default; no due date before receipt."""
    errors: list[UserError] = []
    items = []
    for i, term in enumerate(terms):
        if term.due_on < case.received_on:
            errors.append(UserError(_("履行期限早于收到申请日期"), field=f"items[{i}].due_on"))
            continue
        items.append({"obligation": term.obligation, "payer": term.payer or case.respondent.name,
                      "payee": term.payee, "amount_cents": term.amount_cents, "method": term.method,
                      "due_on": term.due_on, "category": term.category})
    if errors:
        raise ValidationErrors(errors)
    return items


def _applicant(case: Case, text: str, path: str) -> Party:
    """The case's applicant named by ``text`` (party id or name; a name must be unambiguous)."""
    people = [p for p in case.parties if not p.deleted]
    found = [p for p in people if p.id == text] or [p for p in people if p.name == text]
    if not found:
        raise UserError(_("“{name}”不是本案申请人").format(name=text), field=path)
    if len(found) > 1:
        raise UserError(_("本案有{n}名申请人叫“{name}”，请用申请人编号（case show --json 的 applicants[].id）").format(
            n=len(found), name=text), field=path)
    return found[0]


def _resolve_shares(terms: tuple[commands.ShareTerm, ...], case: Case,
                    items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each worker's amount and due date (default: the items' last due date), one row per applicant."""
    errors: list[UserError] = []
    shares: list[dict[str, Any]] = []
    seen: set[str] = set()
    last_due = max((i["due_on"] for i in items if i.get("due_on")), default=None)
    for i, term in enumerate(terms):
        path = f"shares[{i}]"
        try:
            party = _applicant(case, term.applicant, f"{path}.applicant")
            if party.id in seen:
                raise UserError(_("申请人“{name}”列了两次").format(name=party.name), field=f"{path}.applicant")
            seen.add(party.id)
            due_on = term.due_on or last_due
            if due_on is None:
                raise UserError(_("请填写履行期限"), field=f"{path}.due_on")
            if due_on < case.received_on:
                raise UserError(_("履行期限早于收到申请日期"), field=f"{path}.due_on")
            shares.append({"party_id": party.id, "name": party.name, "amount_cents": term.amount_cents,
                           "due_on": due_on})
        except UserError as exc:
            errors.append(exc)
    if errors:
        raise ValidationErrors(errors)
    return shares


def _stored_shares(agreement: Agreement | None) -> list[dict[str, Any]]:
    """The live per-worker amounts of a saved agreement, as :func:`_resolve_shares` returns them."""
    if agreement is None:
        return []
    return [{"party_id": s.party_id, "name": "", "amount_cents": s.amount_cents, "due_on": s.due_on}
            for s in agreement.shares if not s.deleted]


def _check_shares(case: Case, items: list[dict[str, Any]], shares: list[dict[str, Any]], *,
                  taking_effect: bool) -> None:
    """Refuse shares that do not add up to the items, or a collective agreement taking effect without them."""
    listed = {s["party_id"] for s in shares}
    people = [p for p in case.parties if not p.deleted]
    # One recorded applicant (a historical import of a collective case) is named by the items themselves.
    collective = (case.collective or workflow.is_collective(len(people))) and len(people) > 1
    problems = workflow.share_problems(
        tuple(s["amount_cents"] for s in shares), tuple(i["amount_cents"] for i in items),
        tuple(p.name for p in people if p.id not in listed), collective=collective, taking_effect=taking_effect)
    if problems:
        raise NotAllowed("；".join(problems), field="shares")


def _facts(items: list[dict[str, Any]], content: str | None, signatures: dict[str, date | None] | None = None
           ) -> workflow.AgreementFacts:
    return workflow.AgreementFacts(
        **(signatures or dict.fromkeys(commands.SIGNATURES)),
        items=tuple(workflow.ItemFacts(i["obligation"], i["payer"], i["amount_cents"], i["due_on"]) for i in items),
        content=content,
    )


def _stored_items(agreement: Agreement | None) -> list[dict[str, Any]]:
    """The live items of a saved agreement (draft) as :func:`_resolve_items` returns them."""
    if agreement is None:
        return []
    keys = ("obligation", "payer", "payee", "amount_cents", "method", "due_on", "category")
    return [{k: getattr(i, k) for k in keys} for i in agreement.items if not i.deleted]


def _save_terms(session: Session, case: Case, command: commands.DraftAgreement | commands.Agree,
                items: list[dict[str, Any]] | None, content: str | None,
                shares: list[dict[str, Any]] | None = None) -> Agreement:
    """Store content, items and shares (``None``: keep the saved ones) and the flags on the agreement row."""
    agreement = case.agreement
    if agreement is None:
        agreement = Agreement(case_id=case.id)
        session.add(agreement)
        case.agreement = agreement
    agreement.content = content
    for flag in ("arbitration_review", "judicial_confirmation"):
        value = getattr(command, flag)
        if value is not None:
            setattr(agreement, flag, value)
    if items is not None:
        for old in agreement.items:
            old.deleted = True
        session.flush()
        for seq, item in enumerate(items, start=1):
            new_item = AgreementItem(agreement_id=agreement.id, case_id=case.id, seq=seq, **item)
            session.add(new_item)
            agreement.items.append(new_item)
    if shares is not None:
        for old_share in agreement.shares:
            old_share.deleted = True
        session.flush()
        for seq, share in enumerate(shares, start=1):
            row = AgreementShare(agreement_id=agreement.id, case_id=case.id, party_id=share["party_id"], seq=seq,
                                 amount_cents=share["amount_cents"], due_on=share["due_on"])
            session.add(row)
            agreement.shares.append(row)
    kept = items if items is not None else _stored_items(agreement)
    agreement.agreed_cents = sum(i["amount_cents"] for i in kept)
    return agreement


def _draft_agreement(session: Session, case: Case, command: commands.DraftAgreement,
                     ctx: Context) -> tuple[date, str | None]:
    """Save the agreement to be signed: content and items, no signature facts, no state change."""
    if case.agreement is not None and case.agreement.effective_on is not None:
        raise NotAllowed(_("调解协议已于{d}生效，不能再修改协议草稿").format(d=case.agreement.effective_on),
                         field="agreement")
    items = _resolve_items(command.items, case)
    content = command.content
    problems = workflow.draft_problems(_facts(items, content))
    if problems:
        raise UserError(_("协议草稿不能保存：") + "；".join(problems), field="agreement")
    given = command.shares is not None
    shares = (_resolve_shares(command.shares, case, items) if command.shares is not None
              else _stored_shares(case.agreement))
    _check_shares(case, items, shares, taking_effect=False)
    agreement = _save_terms(session, case, command, items, content, shares if given else None)
    return ctx.today, _("保存协议草稿，共{n}项，金额{amount}元（尚未生效）").format(
        n=len(items), amount=money.format_amount(agreement.agreed_cents))


def _agree(session: Session, case: Case, command: commands.Agree, ctx: Context) -> tuple[date, str | None]:
    """Take effect: the four signature facts, on the saved draft unless ``items``/``content`` are given."""
    drafted = case.agreement
    if command.items is not None or drafted is None:
        items: list[dict[str, Any]] | None = _resolve_items(command.items or (), case)
    else:
        items = None
    content = command.content if command.content_given or drafted is None else drafted.content
    signature_dates = {key: _optional_day(value, key, case, ctx.today) for key, value in command.signatures.items()}
    terms = items if items is not None else _stored_items(drafted)
    facts = _facts(terms, content, signature_dates)
    problems = workflow.agreement_problems(facts)
    if problems:
        raise NotAllowed(_("协议尚不能生效：") + "；".join(problems), field="agreement")
    effective = workflow.check_not_before(workflow.effective_date(facts), {_("受理日期"): case.accepted_on},
                                          field="agreement")
    given = command.shares is not None
    shares = (_resolve_shares(command.shares, case, terms) if command.shares is not None
              else _stored_shares(drafted))
    _check_shares(case, terms, shares, taking_effect=True)
    agreement = _save_terms(session, case, command, items, content, shares if given else None)
    for key, value in signature_dates.items():
        setattr(agreement, key, value)
    agreement.effective_on = effective
    count = len(facts.items)
    return effective, _("协议生效，共{n}项，金额{amount}元").format(
        n=count, amount=money.format_amount(agreement.agreed_cents))


def _fail(session: Session, case: Case, command: commands.Fail, ctx: Context) -> tuple[date, str | None]:
    on, reason, note = _decision_with_reason(case, command, ctx, reasons=codes.FAILURE_REASONS, date_attr="failed_on",
                                             reason_attr="failure_reason")
    held = [s.held_on for s in case.sessions if not s.deleted]
    workflow.check_not_before(on, {_("受理日期"): case.accepted_on, _("最后一次调解日期"): max(held, default=None)},
                              field="on")
    workflow.check_failure_reason(reason, on, deadlines_for(session, case)["mediation"].due)
    return on, note


def _withdraw(session: Session, case: Case, command: commands.Withdraw, ctx: Context) -> tuple[date, str | None]:
    on = workflow.check_not_before(_day(command.on, "on", case, ctx.today), {_("受理日期"): case.accepted_on},
                                   field="on")
    if not command.signed:
        raise NotAllowed(_("撤回须由申请人签名确认"), field="signed")
    case.withdrawn_on = on
    note = command.note
    case.decision_note = note
    return on, note


def _agreement(case: Case) -> Agreement:
    """The case's mediation agreement; refused when none is recorded."""
    if case.agreement is None:
        raise NotAllowed(_("本案没有调解协议，请先登记调解协议"))
    return case.agreement


def _perform_item(session: Session, case: Case, command: commands.PerformItem,
                  ctx: Context) -> tuple[date, str | None]:
    seq = command.item
    agreement = _agreement(case)
    items = [i for i in agreement.items if not i.deleted]
    item = next((i for i in items if i.seq == seq), None)
    if item is None:
        raise NotFound(_("协议没有第{n}项").format(n=seq))
    if item.performed_on is not None:
        raise NotAllowed(_("第{n}项已于{d}登记履行").format(n=seq, d=item.performed_on), field="item")
    on = workflow.check_not_before(_day(command.on, "on", case, ctx.today),
                                   {_("协议生效日期"): agreement.effective_on}, field="on")
    paid = item.amount_cents - item.paid_cents if command.amount_cents is None else command.amount_cents
    if paid > item.amount_cents - item.paid_cents:
        raise UserError(_("履行金额超过该项未履行金额 {left} 元").format(
            left=money.format_amount(item.amount_cents - item.paid_cents)), field="amount")
    item.paid_cents += paid
    if item.paid_cents >= item.amount_cents:
        item.performed_on = on
    session.add(PerformanceRecord(
        case_id=case.id, item_id=item.id, performed_on=on, amount_cents=paid,
        evidence=command.evidence, note=command.note,
    ))
    status = _("已全部履行") if item.performed_on else _("部分履行")
    return on, _("第{n}项{status}，{amount}元").format(n=seq, status=status, amount=money.format_amount(paid))


def _default(session: Session, case: Case, command: commands.Default, ctx: Context) -> tuple[date, str | None]:
    agreement = _agreement(case)
    on = workflow.check_not_before(_day(command.on, "on", case, ctx.today),
                                   {_("协议生效日期"): agreement.effective_on}, field="on")
    open_items = [i for i in agreement.items if not i.deleted and i.performed_on is None]
    workflow.check_default(tuple(i.due_on for i in open_items), on)
    case.defaulted_on = on
    note = command.note
    overdue = [i for i in open_items if workflow.is_overdue(i.due_on, on)]
    payment_order = any(workflow.payment_order_allowed(i.category) for i in overdue)
    agreement.payment_order = payment_order
    route = _("已告知可申请仲裁") + (_("或向人民法院申请支付令") if payment_order else "")
    return on, route + (f"；{note}" if note else "")


def _follow_up(session: Session, case: Case, command: commands.FollowUp, ctx: Context) -> tuple[date, str | None]:
    on = _day(command.visited_on, "visited_on", case, ctx.today)
    record = FollowUp(
        case_id=case.id, visited_on=on, person=command.person, method=command.method,
        performance_status=command.performance_status, satisfaction=command.satisfaction, risks=command.risks,
        measures=command.measures,
    )
    session.add(record)
    case.follow_ups.append(record)
    return on, _("回访")


def _close(session: Session, case: Case, command: commands.Close, ctx: Context) -> tuple[date, str | None]:
    items = [i for i in case.agreement.items if not i.deleted] if case.agreement else []
    on = workflow.check_not_before(_day(command.on, "on", case, ctx.today), workflow.closing_basis(
        rejected_on=case.rejected_on, failed_on=case.failed_on, withdrawn_on=case.withdrawn_on,
        defaulted_on=case.defaulted_on, effective_on=case.agreement.effective_on if case.agreement else None,
        performed_on=tuple(i.performed_on for i in items)), field="on")
    reason = workflow.closing_reason(case.state, case_facts(case, ctx.today).agreement_items)
    case.closing_reason = reason
    case.closed_on = on
    note = command.note
    return on, codes.label(codes.CLOSING_REASONS, reason) + (f"；{note}" if note else "")


def _archive(session: Session, case: Case, command: commands.Archive, ctx: Context) -> tuple[date, str | None]:
    on = workflow.check_not_before(_day(command.on, "on", case, ctx.today), {_("结案日期"): case.closed_on},
                                   field="on")
    catalog = [{"doc_type": e.doc_type, "title": e.title, "pages": e.pages} for e in command.catalog]
    checked = dossier.with_listed(build(session, case, today=ctx.today), catalog)
    missing = dossier.missing_items(checked)
    if missing:
        raise NotAllowed(_("卷内目录不完整，缺少：") + "、".join(missing), field="catalog")
    case.archive_catalog = dossier.dumps_catalog(dossier.catalog_entries(checked))
    case.retention_years = command.retention_years or settings.get(session, "archive.retention_years")
    year = on.year
    case.archive_seq = next_counter(session, f"archive_no.{year}")
    case.archive_number = numbering.format_archive_number(
        settings.get(session, "numbering.archive_pattern"), year=year, n=case.archive_seq,
        short_name=settings.get(session, "station.short_name"))
    case.archived_on = on
    return on, _("归档号{number}，保管{years}年").format(number=case.archive_number, years=case.retention_years)


HANDLERS: dict[str, Callable[[Session, Case, Any, Context], tuple[date, str | None]]] = {
    "accept": _accept,
    "reject": _reject,
    "record-session": _record_session,
    "extend": _extend,
    "draft-agreement": _draft_agreement,
    "agree": _agree,
    "fail": _fail,
    "withdraw": _withdraw,
    "perform-item": _perform_item,
    "default": _default,
    "follow-up": _follow_up,
    "close": _close,
    "archive": _archive,
}


def _next_state(case: Case, action: str, today: date) -> str:
    spec = workflow.ACTIONS[action]
    if action == "agree":
        return workflow.state_after_agreement(case_facts(case, today).unperformed_items)
    if action == "perform-item":
        facts = case_facts(case, today)
        return "performed" if case.state == "performing" and facts.unperformed_items == 0 else case.state
    return spec.target or case.state


def apply_in(session: Session, ctx: Context, case: Case, action: str, data: dict, *,
             history: bool = False) -> ActionResult:
    """Apply ``action`` with its edge ``data`` to ``case`` inside the caller's transaction (checks, parse,
    handler, state, events; no audit).

    ``history`` marks the import of a past case (see :func:`_accept`)."""
    ctx.require(workflow.spec(action).permission)
    data = fields.only(fields.mapping(data, "data"), KEYS[action])
    workflow.check_allowed(action, case_facts(case, ctx.today))
    return _run(session, ctx, case, commands.parse_command(action, data, ctx.today), history=history)


def command_in(session: Session, ctx: Context, case: Case, command: commands.Command) -> ActionResult:
    """Apply a typed ``command`` to ``case`` inside the caller's transaction (no audit)."""
    ctx.require(workflow.spec(command.action).permission)
    workflow.check_allowed(command.action, case_facts(case, ctx.today))
    return _run(session, ctx, case, command)


def _run(session: Session, ctx: Context, case: Case, command: commands.Command, *,
         history: bool = False) -> ActionResult:
    """The handler of an allowed ``command``, then the new state and the case events."""
    action = command.action
    from_state = case.state
    if isinstance(command, commands.Accept) and history:
        on, note = _accept(session, case, command, ctx, history=True)
    else:
        on, note = HANDLERS[action](session, case, command, ctx)
    session.flush()
    actor = ctx.actor.display_name
    if action == "agree":
        session.refresh(case, ["agreement"])
        case.state = "agreed"
        _event(session, case, action, from_state, on, actor, note)
        after = _next_state(case, action, ctx.today)
        if after != "agreed":
            case.state = after
            _event(session, case, "perform-start", "agreed", on, actor, _("协议有待履行事项，进入履行阶段"))
    else:
        case.state = _next_state(case, action, ctx.today)
        _event(session, case, action, from_state, on, actor, note)
    return ActionResult(case.number, action, from_state, case.state, note or "")


def _audit(ctx: Context, session: Session, case: Case, result: ActionResult) -> ActionResult:
    ctx.audit(session, f"case.{result.action}", entity="case", entity_id=case.id,
              summary=f"{case.number}：{codes.label(codes.CASE_STATES, result.from_state)}→"
                      f"{codes.label(codes.CASE_STATES, result.state)} {result.message}".strip())
    return result


def apply(ctx: Context, number: str, action: str, data: dict | None = None) -> ActionResult:
    """Apply ``action`` to the case ``number`` with its edge ``data`` (parsed by
    :func:`core.commands.parse_command`); one transaction, one audit entry."""
    ctx.require(workflow.spec(action).permission)
    data = fields.only(fields.mapping(data if data is not None else {}, "data"), KEYS[action])
    with ctx.db.transaction() as session:
        case = get_case(session, number)
        return _audit(ctx, session, case, apply_in(session, ctx, case, action, data))


def apply_command(ctx: Context, number: str, command: commands.Command) -> ActionResult:
    """Apply a typed ``command`` to the case ``number``; one transaction, one audit entry."""
    ctx.require(workflow.spec(command.action).permission)
    with ctx.db.transaction() as session:
        case = get_case(session, number)
        return _audit(ctx, session, case, command_in(session, ctx, case, command))
