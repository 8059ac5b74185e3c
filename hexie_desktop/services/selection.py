"""选树 (selection of exemplars): nominate a register record or a case, check each criterion of
``core/selection.py`` with a note, review, decide, withdraw; list and count for the plan progress
and the printed publication list.

Every step is one transaction and one audit entry; a refused step (deciding before the review,
a second nomination of the same record in one year, a check after the decision …) raises a
clear error and changes nothing.  Nominations and their checks are exchanged tables: the
district sees every township's nominations and decisions.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hexie_desktop.core import codes, fields
from hexie_desktop.core import selection as rules
from hexie_desktop.core.errors import NotFound, UserError
from hexie_desktop.core.i18n import _
from hexie_desktop.services.context import Context
from hexie_desktop.services.origins import origin_names, station_meta
from hexie_desktop.services.selection_marks import SUBJECT_MODELS
from hexie_desktop.services.selection_marks import annotate as annotate
from hexie_desktop.storage.models import (
    Agreement,
    Case,
    Coordinator,
    MediationOrg,
    Mediator,
    Selection,
    SelectionCheck,
    SocialOrg,
)

# ---------------------------------------------------------------- reading


def _subject(session: Session, kind: rules.Kind, key: object) -> Any:
    """The record a nomination names: by id, or by exact name (a case: by number)."""
    text = fields.text(key, "subject", required=True, max_len=200)
    model, _column = SUBJECT_MODELS[kind.subject]
    if issubclass(model, Case):  # a case is named by its number
        from hexie_desktop.services.cases import get_case

        case = get_case(session, text)
        has_agreement = session.execute(select(func.count()).select_from(Agreement).where(
            Agreement.case_id == case.id, Agreement.deleted.is_(False))).scalar_one()
        if not has_agreement:
            raise UserError(_("案件{n}未达成调解协议，不能推荐为调解案例").format(n=case.number), field="subject")
        return case
    row = session.execute(select(model).where(model.id == text, model.deleted.is_(False))).scalar_one_or_none()
    if row is None:
        rows = session.execute(select(model).where(model.name == text, model.deleted.is_(False)).limit(2)
                               ).scalars().all()
        if len(rows) > 1:
            raise UserError(_("有多条名为“{n}”的{w}，请用编号").format(n=text, w=rules.SUBJECTS[kind.subject]),
                            field="subject")
        row = rows[0] if rows else None
    if row is None:
        raise NotFound(_("{w}不存在：{k}").format(w=rules.SUBJECTS[kind.subject], k=text[:60]))
    return row


def _subject_name(kind: rules.Kind, row: Any) -> str:
    if kind.subject == "cases":
        return f"{row.number} {row.respondent.name if row.respondent else ''}".strip()
    return row.name


def _checks(session: Session, selection_id: str) -> list[SelectionCheck]:
    return list(session.execute(select(SelectionCheck).where(
        SelectionCheck.selection_id == selection_id, SelectionCheck.deleted.is_(False))
        .order_by(SelectionCheck.position)).scalars())


def _results(checks: Iterable[SelectionCheck]) -> dict[str, str]:
    return {c.code: c.result for c in checks}


def selection_dict(row: Selection, checks: list[SelectionCheck] | None = None) -> dict[str, Any]:
    """A nomination as screens, the CLI and papers show it (with its checks when given)."""
    kind = rules.KINDS.get(row.kind)
    out: dict[str, Any] = {
        "id": row.id, "short_id": row.id[:8], "kind": row.kind, "kind_label": kind.label if kind else row.kind,
        "year": row.year, "subject_kind": row.subject_kind,
        "subject_label": codes.label(rules.SUBJECTS, row.subject_kind),
        "subject_name": row.subject_name,
        "subject_id": row.coordinator_id or row.social_org_id or row.org_id or row.mediator_id or row.case_id,
        "nominated_on": row.nominated_on, "nominated_by": row.nominated_by, "reason": row.reason,
        "status": row.status, "status_label": codes.label(rules.STATUSES, row.status),
        "reviewed_on": row.reviewed_on, "reviewed_by": row.reviewed_by, "review_note": row.review_note,
        "decided_on": row.decided_on, "decided_by": row.decided_by, "decision_note": row.decision_note,
        "origin": row.origin,
    }
    if checks is not None:
        out["checks"] = [{"code": c.code, "text": c.text, "source": c.source, "result": c.result,
                          "result_label": codes.label(rules.RESULTS, c.result), "note": c.note,
                          "checked_on": c.checked_on, "checked_by": c.checked_by} for c in checks]
        out["checked"] = sum(1 for c in checks if c.result != "unchecked")
        out["met"] = sum(1 for c in checks if c.result == "met")
    return out


def _find(session: Session, selection_id: object) -> Selection:
    """A nomination by id or a unique prefix of at least six characters (the short id shown in lists)."""
    text = (selection_id if isinstance(selection_id, str) else "").strip().lower()
    if len(text) < 6:
        raise UserError(_("请给出提名编号（至少前6位）"), field="selection")
    rows = session.execute(select(Selection).where(Selection.id.like(f"{text}%"), Selection.deleted.is_(False))
                           .limit(2)).scalars().all()
    if not rows:
        raise NotFound(_("提名不存在：{id}").format(id=text[:40]))
    if len(rows) > 1:
        raise UserError(_("编号“{id}”对应多条提名，请多给几位").format(id=text[:40]), field="selection")
    return rows[0]


def list_selections(ctx: Context, *, kind: str | None = None, year: object = None,
                    status: str | None = None) -> list[dict[str, Any]]:
    """Nominations, newest year first, then by kind and name; filters by kind, year, status."""
    ctx.require("read")
    query = select(Selection).where(Selection.deleted.is_(False))
    if kind is not None:
        query = query.where(Selection.kind == rules.kind(kind).code)
    if year not in (None, ""):
        query = query.where(Selection.year == rules.check_year(year))
    if status is not None:
        if status == "open":
            query = query.where(Selection.status.in_(rules.OPEN_STATUSES))
        else:
            query = query.where(Selection.status == codes.require(rules.STATUSES, status, "status"))
    order = list(rules.KINDS)
    with ctx.db.read() as session:
        rows = [selection_dict(r) for r in session.execute(query).scalars()]
        counts: dict[str, tuple[int, int]] = {}
        for sid, result in session.execute(select(SelectionCheck.selection_id, SelectionCheck.result)
                                           .where(SelectionCheck.deleted.is_(False))):
            checked, met = counts.get(sid, (0, 0))
            counts[sid] = (checked + (result != "unchecked"), met + (result == "met"))
        names = origin_names(session, sorted({r["origin"] for r in rows}))
    for row in rows:
        row["origin_name"] = names.get(row["origin"], row["origin"])
        row["checked"], row["met"] = counts.get(row["id"], (0, 0))
        row["criteria"] = len(rules.KINDS[row["kind"]].criteria) if row["kind"] in rules.KINDS else 0
    rows.sort(key=lambda r: (-r["year"], order.index(r["kind"]) if r["kind"] in order else 99, r["subject_name"]))
    return rows


def show(ctx: Context, selection_id: str) -> dict[str, Any]:
    """One nomination with its checked criteria and the facts the registers hold about its subject."""
    ctx.require("read")
    with ctx.db.read() as session:
        row = _find(session, selection_id)
        out = selection_dict(row, _checks(session, row.id))
        out["facts"] = subject_facts(session, row)
        return out


def subject_facts(session: Session, row: Selection) -> list[str]:
    """What the registers say about the subject, for the reviewer (not a decision)."""
    from hexie_desktop.services import registries, settings

    denominator = settings.get(session, "stats.success_denominator")
    # A subject missing from the registers (not yet received from the district) has no facts to show.
    if row.coordinator_id:
        c = session.get(Coordinator, row.coordinator_id)
        if c is None:
            return []
        return [_("类型：{t}；职业技能等级：{s}；证书：{n}").format(
            t=codes.label(codes.COORDINATOR_TYPES, c.coordinator_type),
            s=codes.label(codes.SKILL_LEVELS, c.skill_level),
            n=c.certificate_no or _("无")), _("服务企业{n}户；从业{y}年").format(n=c.enterprises_covered or 0,
                                                                      y=c.years_in_work or 0)]
    if row.mediator_id:
        record = registries.mediator_record(registries.mediator_stats(session).get(row.mediator_id), denominator)
        rate = record["success_rate"]
        return [_("办案{n}件；调解成功率{r}").format(n=record["cases_handled"],
                                             r=f"{float(rate) * 100:.1f}%" if rate is not None else "—")]
    if row.org_id:
        from hexie_desktop.core import stats

        figures = stats.record_of(
            (closed, reason) for closed, reason in session.execute(
                select(Case.closed_on.is_not(None), Case.closing_reason).where(
                    Case.org_id == row.org_id, Case.deleted.is_(False), Case.received_on >= date(row.year, 1, 1),
                    Case.received_on <= date(row.year, 12, 31))))
        rate = figures.success_rate(denominator)
        org = session.get(MediationOrg, row.org_id)
        if org is None:
            return []
        return [_("{y}年受理{n}件；调解成功率{r}（条件：65%以上）").format(
            y=row.year, n=figures["received"], r=f"{float(rate) * 100:.1f}%" if rate is not None else "—"),
            _("专职{f}人，兼职{p}人").format(f=org.staff_full_time or 0, p=org.staff_part_time or 0)]
    if row.social_org_id:
        social = session.get(SocialOrg, row.social_org_id)
        if social is None:
            return []
        return [_("工作人员{n}人；服务内容：{s}").format(n=social.staff or 0, s=social.services or "—")]
    if row.case_id:
        case = session.get(Case, row.case_id)
        if case is None:
            return []
        return [_("状态：{s}；{w}人；收案{d}").format(s=codes.label(codes.CASE_STATES, case.state), w=case.workers or 1,
                                                d=case.received_on.isoformat())]
    return []


# ---------------------------------------------------------------- steps


def nominate_in(session: Session, ctx: Context, kind_code: object, subject: object, year: object,
                reason: object = None, *, nominated_on: object = None) -> Selection:
    """Create a nomination with its unchecked criteria inside the caller's transaction."""
    kind = rules.kind(kind_code)
    the_year = rules.check_year(year)
    reason_text = fields.text(reason, "reason", max_len=2000, multiline=True)
    day = fields.day(nominated_on, "nominated_on") or ctx.today
    if day > ctx.today:
        raise UserError(_("提名日期不能晚于今天"), field="nominated_on")
    row = _subject(session, kind, subject)
    column = SUBJECT_MODELS[kind.subject][1]
    same = session.execute(select(Selection).where(
        Selection.kind == kind.code, Selection.year == the_year, getattr(Selection, column) == row.id,
        Selection.deleted.is_(False), Selection.status != "withdrawn")).scalars().first()
    if same is not None:
        raise UserError(_("“{n}”已提名为{y}年度{k}（{s}），同一年度不能重复提名").format(
            n=same.subject_name, y=the_year, k=kind.label, s=rules.STATUSES[same.status]), field="subject")
    selection = Selection(kind=kind.code, year=the_year, subject_kind=kind.subject,
                          subject_name=_subject_name(kind, row)[:200], nominated_on=day,
                          nominated_by=ctx.actor.display_name[:50], reason=reason_text, status="nominated",
                          **{column: row.id})
    session.add(selection)
    session.flush()
    for position, criterion in enumerate(kind.criteria):
        session.add(SelectionCheck(selection_id=selection.id, code=criterion.code, position=position,
                                   text=criterion.text, source=criterion.source, result="unchecked"))
    session.flush()
    return selection


def nominate(ctx: Context, kind: object, subject: object, year: object, reason: object = None, *,
             nominated_on: object = None) -> dict[str, Any]:
    """提名: one transaction, one audit entry."""
    ctx.require("selection.nominate")
    with ctx.db.transaction() as session:
        row = nominate_in(session, ctx, kind, subject, year, reason, nominated_on=nominated_on)
        ctx.audit(session, "selection.nominate", entity="selection", entity_id=row.id,
                  summary=_("{y}年度{k}：{n}").format(y=row.year, k=rules.KINDS[row.kind].label, n=row.subject_name))
        return selection_dict(row, _checks(session, row.id))


def check(ctx: Context, selection_id: str, code: str, result: str, note: object = None) -> dict[str, Any]:
    """Record one criterion as 符合/不符合 (or back to 未核查) with a note: one transaction, one audit entry."""
    ctx.require("selection.nominate")
    codes.require(rules.RESULTS, result, "result")
    note_text = fields.text(note, "note", max_len=2000, multiline=True)
    if result == "not_met" and not note_text:
        raise UserError(_("记为“不符合”时请写明情况"), field="note")
    with ctx.db.transaction() as session:
        row = _find(session, selection_id)
        rules.can_check(row.status)
        checks = {c.code: c for c in _checks(session, row.id)}
        if code not in checks:
            raise UserError(_("未知的条件：{c}，可用：{all}").format(c=str(code)[:40], all="、".join(checks)),
                            field="code")
        item = checks[code]
        item.result, item.note = result, note_text
        item.checked_on, item.checked_by = (ctx.today, ctx.actor.display_name[:50]) if result != "unchecked" \
            else (None, None)
        if row.status == "reviewed":  # a changed finding after the review needs a new review
            row.status, row.reviewed_on, row.reviewed_by = "nominated", None, None
        ctx.audit(session, "selection.check", entity="selection", entity_id=row.id,
                  summary=_("{n}：{c} {r}").format(n=row.subject_name, c=code, r=rules.RESULTS[result]))
        return selection_dict(row, list(checks.values()))


def review(ctx: Context, selection_id: str, note: object = None) -> dict[str, Any]:
    """审核: every criterion must be checked; one transaction, one audit entry."""
    ctx.require("selection.decide")
    note_text = fields.text(note, "note", max_len=2000, multiline=True)
    with ctx.db.transaction() as session:
        row = _find(session, selection_id)
        checks = _checks(session, row.id)
        rules.can_review(row.status, _results(checks))
        row.status, row.reviewed_on, row.reviewed_by, row.review_note = (
            "reviewed", ctx.today, ctx.actor.display_name[:50], note_text)
        ctx.audit(session, "selection.review", entity="selection", entity_id=row.id,
                  summary=_("{n}：符合{m}/{t}项").format(n=row.subject_name, m=sum(c.result == "met" for c in checks),
                                                      t=len(checks)))
        return selection_dict(row, checks)


def decide(ctx: Context, selection_id: str, selected: bool, *, decided_on: object = None,
           note: object = None) -> dict[str, Any]:
    """决定: 选树 (every criterion met, within the yearly cap) or not; date and decider recorded."""
    ctx.require("selection.decide")
    note_text = fields.text(note, "note", max_len=2000, multiline=True)
    day = fields.day(decided_on, "decided_on") or ctx.today
    if not isinstance(selected, bool):
        raise UserError(_("请选择是否选树"), field="selected")
    with ctx.db.transaction() as session:
        row = _find(session, selection_id)
        if day > ctx.today:
            raise UserError(_("决定日期不能晚于今天"), field="decided_on")
        if row.reviewed_on is not None and day < row.reviewed_on:
            raise UserError(_("决定日期不能早于审核日期{d}").format(d=row.reviewed_on.isoformat()), field="decided_on")
        checks = _checks(session, row.id)
        kind = rules.KINDS[row.kind]
        already = session.execute(select(func.count()).select_from(Selection).where(
            Selection.kind == row.kind, Selection.year == row.year, Selection.status == "selected",
            Selection.deleted.is_(False))).scalar_one()
        rules.can_decide(row.status, selected, _results(checks), kind_=kind, selected_this_year=already)
        row.status = "selected" if selected else "not_selected"
        row.decided_on, row.decided_by, row.decision_note = day, ctx.actor.display_name[:50], note_text
        ctx.audit(session, "selection.decide", entity="selection", entity_id=row.id,
                  summary=_("{y}年度{k}：{n} {s}").format(y=row.year, k=kind.label, n=row.subject_name,
                                                      s=rules.STATUSES[row.status]))
        return selection_dict(row, checks)


def withdraw(ctx: Context, selection_id: str, note: object = None) -> dict[str, Any]:
    """撤回 an open nomination (its record may then be nominated again)."""
    ctx.require("selection.nominate")
    note_text = fields.text(note, "note", max_len=2000, multiline=True)
    with ctx.db.transaction() as session:
        row = _find(session, selection_id)
        rules.can_withdraw(row.status)
        row.status, row.decision_note = "withdrawn", note_text
        ctx.audit(session, "selection.withdraw", entity="selection", entity_id=row.id, summary=row.subject_name)
        return selection_dict(row)


HISTORY_NOTE = _("历史数据导入，原始材料见纸质档案")


def existing_in(session: Session, kind_code: object, subject: object, year: object) -> Selection | None:
    """The live nomination of the same record, kind and year (an import's natural key), if any."""
    kind = rules.kind(kind_code)
    the_year = rules.check_year(year)
    row = _subject(session, kind, subject)
    column = getattr(Selection, SUBJECT_MODELS[kind.subject][1])
    return session.execute(select(Selection).where(
        Selection.kind == kind.code, Selection.year == the_year, column == row.id, Selection.deleted.is_(False),
        Selection.status != "withdrawn")).scalars().first()


def record_history_in(session: Session, ctx: Context, row: Selection, selected: bool, decided_on: object) -> None:
    """An imported earlier decision (Excel import of past 选树 results): reviewed and decided on
    ``decided_on``; a selection records every criterion as met (it was a condition of the decision)
    with :data:`HISTORY_NOTE`.  The yearly cap and the dates are checked as in :func:`decide`."""
    day = fields.day(decided_on, "decided_on", required=True)
    if day > ctx.today:
        raise UserError(_("决定日期不能晚于今天"), field="decided_on")
    if day < row.nominated_on:
        raise UserError(_("决定日期不能早于提名日期"), field="decided_on")
    checks = _checks(session, row.id)
    if selected:
        for item in checks:
            item.result, item.note, item.checked_on, item.checked_by = "met", HISTORY_NOTE, day, HISTORY_NOTE[:6]
        already = session.execute(select(func.count()).select_from(Selection).where(
            Selection.kind == row.kind, Selection.year == row.year, Selection.status == "selected",
            Selection.deleted.is_(False))).scalar_one()
        rules.can_decide("reviewed", True, _results(checks), kind_=rules.KINDS[row.kind], selected_this_year=already)
    row.status = "selected" if selected else "not_selected"
    row.reviewed_on = row.decided_on = day
    row.reviewed_by = row.decided_by = ctx.actor.display_name[:50]
    row.review_note = row.decision_note = HISTORY_NOTE
    session.flush()


def demo_in(session: Session, ctx: Context) -> int:
    """Demo 选树 (services/demo): last year's results for the coordinators whose 荣誉 names 金牌, and this
    year a coordinator and a mediator nominated, an organization reviewed and a case selected;
    returns the number of nominations made."""
    from datetime import timedelta

    today = ctx.today
    start = max(date(today.year, 1, 1), today - timedelta(days=30))
    made = 0
    golden = session.execute(select(Coordinator).where(Coordinator.deleted.is_(False),
                                                       Coordinator.honours.like("%金牌%"))
                             .order_by(Coordinator.name, Coordinator.id).limit(5)).scalars().all()
    for person in golden:
        row = nominate_in(session, ctx, "gold_coordinator", person.id, today.year - 1, _("演示：上年度选树结果"),
                          nominated_on=date(today.year - 1, 9, 1))
        record_history_in(session, ctx, row, True, date(today.year - 1, 10, 15))
        made += 1
    plain = session.execute(select(Coordinator.id).where(Coordinator.deleted.is_(False), Coordinator.honours.is_(None))
                            .order_by(Coordinator.name, Coordinator.id).limit(1)).scalars().first()
    mediator = session.execute(select(Mediator.id).where(Mediator.deleted.is_(False))
                               .order_by(Mediator.name, Mediator.id).limit(1)).scalars().first()
    for kind_code, subject in (("gold_coordinator", plain), ("excellent_mediator", mediator)):
        if subject is not None:
            nominate_in(session, ctx, kind_code, subject, today.year, _("演示：乡镇推荐"), nominated_on=start)
            made += 1
    org = session.execute(select(MediationOrg.id).where(MediationOrg.deleted.is_(False))
                          .order_by(MediationOrg.name, MediationOrg.id).limit(1)).scalars().first()
    if org is not None:
        row = nominate_in(session, ctx, "gold_mediation_org", org, today.year, _("演示：乡镇推荐"), nominated_on=start)
        for item in _checks(session, row.id):
            item.result, item.note, item.checked_on, item.checked_by = "met", _("演示：已核实"), today, "演示"
        row.status, row.reviewed_on, row.reviewed_by = "reviewed", today, ctx.actor.display_name[:50]
        made += 1
    case = session.execute(select(Case.number).join(Agreement, Agreement.case_id == Case.id).where(
        Case.deleted.is_(False), Agreement.deleted.is_(False), Case.received_on >= date(today.year, 1, 1))
        .order_by(Case.number).limit(1)).scalars().first()
    if case is not None:
        row = nominate_in(session, ctx, "top_case", case, today.year, _("演示：当日化解"),
                          nominated_on=max(start, session.execute(select(Case.received_on).where(
                              Case.number == case)).scalar_one()))
        record_history_in(session, ctx, row, True, today)
        made += 1
    session.flush()
    return made


# ---------------------------------------------------------------- counts, marks, publication


def selected_counts(session: Session, start: date, end: date, origin: str | None = None) -> dict[str, int]:
    """Kind → how many were selected with a decision dated ``start``–``end`` (optionally of one origin)."""
    query = (select(Selection.kind, func.count()).where(
        Selection.deleted.is_(False), Selection.status == "selected", Selection.decided_on >= start,
        Selection.decided_on <= end).group_by(Selection.kind))
    if origin is not None:
        query = query.where(Selection.origin == origin)
    found = dict(session.execute(query).tuples().all())
    return {code: int(found.get(code, 0)) for code in rules.KINDS}


def nominated_counts(session: Session, start: date, end: date, origin: str | None = None) -> dict[str, int]:
    """Kind → nominations dated ``start``–``end`` (withdrawn ones left out)."""
    query = (select(Selection.kind, func.count()).where(
        Selection.deleted.is_(False), Selection.status != "withdrawn", Selection.nominated_on >= start,
        Selection.nominated_on <= end).group_by(Selection.kind))
    if origin is not None:
        query = query.where(Selection.origin == origin)
    found = dict(session.execute(query).tuples().all())
    return {code: int(found.get(code, 0)) for code in rules.KINDS}


def publication(ctx: Context, year: object, kind: str | None = None) -> dict[str, Any]:
    """The publication list (选树结果名单): every selected nomination of ``year`` by kind."""
    the_year = rules.check_year(year)
    rows = list_selections(ctx, kind=kind, year=the_year, status="selected")
    with ctx.db.read() as session:
        meta = station_meta(session, ctx)
    groups = [(code, k.label, [r for r in rows if r["kind"] == code]) for code, k in rules.KINDS.items()
              if kind in (None, code)]
    return {"year": the_year, "kind": kind, "meta": meta, "groups": groups, "total": len(rows)}
