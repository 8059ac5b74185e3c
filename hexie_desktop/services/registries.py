"""Registries and ledgers (SPEC §4): every register declared in ``core/ledgers.py`` — coordinators,
mediators, organizations with their checklist, social organizations, employers, key enterprises
with visits and layoffs, new enterprises, cultivation, and the structured registers of issue 14.3
(trainings, assessments, coverage links, supervision, social-organization work and evaluation,
集体协商指导员) — created, updated, searched and tombstoned through one generic service.

``FIELDS``, ``KINDS`` and ``KIND_LABELS`` are views of :data:`hexie_desktop.core.ledgers.LEDGERS`,
so screens, Excel templates and imports are built from the same description and validated by the
same code; the search looks at each spec's ``search`` fields.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from hexie_desktop.core import codes, fields, ids, ledgers, workflow
from hexie_desktop.core import stats as stats_rules
from hexie_desktop.core import text as text_rules
from hexie_desktop.core.errors import Conflict, NotFound, UserError, ValidationErrors
from hexie_desktop.core.i18n import _
from hexie_desktop.services import selection_marks, settings
from hexie_desktop.services.context import Context
from hexie_desktop.storage.models import (
    Case,
    ChecklistItem,
    Employer,
    KeyEnterprise,
    MediationOrg,
    PersonAssessment,
    PersonTraining,
    Synced,
    model_for_table,
)

FieldSpec = ledgers.FieldSpec
_Row = TypeVar("_Row", bound=tuple[Any, ...])
CULTIVATION_RESULTS = ledgers.CULTIVATION_RESULTS



def _ledger_model(table: str) -> type[Synced]:
    """The model of a register's ``table``; every register is exchanged, so it carries the sync columns."""
    model = model_for_table(table)
    if not issubclass(model, Synced):
        raise TypeError(f"register table {table} has no sync columns (id, deleted, updated_at)")
    return model


KINDS: dict[str, type[Synced]] = {kind: _ledger_model(spec.table) for kind, spec in ledgers.LEDGERS.items()}
"""Kind → the model holding its rows (from each spec's ``table``)."""
KIND_LABELS: dict[str, str] = {kind: spec.label for kind, spec in ledgers.LEDGERS.items()}
FIELDS: dict[str, list[FieldSpec]] = {kind: list(spec.fields) for kind, spec in ledgers.LEDGERS.items()}
"""Kind → its editable fields (``core.ledgers.LEDGERS[kind].fields``)."""


def _kind(kind: str) -> type[Synced]:
    if kind not in KINDS:
        raise UserError(_("未知的名册类型：{kind}").format(kind=kind), field="kind")
    return KINDS[kind]


def _parse_value(spec: FieldSpec, raw: object, session: Session, *, today: date) -> Any:
    """A field's value checked by its rule (``core.ledgers.check_value``); a reference must name a live row."""
    if spec.kind != "ref":
        return ledgers.check_value(spec, raw, today=today)
    if raw in (None, ""):
        if spec.required:
            raise UserError(_("不能为空"), field=spec.name)
        return None
    target = KINDS[spec.ref or ""]
    row = session.get(target, str(raw))
    if row is None or row.deleted:
        raise UserError(_("所选{what}不存在").format(what=KIND_LABELS[spec.ref or ""]), field=spec.name)
    return row.id


def check_field(spec: FieldSpec, value: object, *, today: date) -> Any:
    """A stored value against its field's rule, as a form would check it (not for ``ref`` fields)."""
    return ledgers.check_value(spec, value, today=today)


def parse_record(session: Session, kind: str, data: Mapping[str, Any], *, today: date,
                 partial: bool = False) -> dict[str, Any]:
    """Validate ``data`` against FIELDS[kind]; raise ValidationErrors naming every bad field."""
    values: dict[str, Any] = {}
    errors: list[UserError] = []
    for spec in FIELDS[kind]:
        if partial and spec.name not in data:
            continue
        try:
            value = _parse_value(spec, data.get(spec.name), session, today=today)
        except UserError as exc:
            exc.field = spec.name
            errors.append(exc)
            continue
        if spec.kind == "id_number" and value is not None:
            values.update({"id_number": value.number, "sex": value.sex, "birth_date": value.birth_date})
        else:
            values[spec.name] = value
    try:
        fields.only(data, {s.name for s in FIELDS[kind]} | {"id"})
    except UserError as exc:
        errors.append(exc)
    if errors:
        raise ValidationErrors(errors)
    return values


def _apply_rules(session: Session, kind: str, row: Any) -> None:
    if kind == "layoffs":
        enterprise = session.get(KeyEnterprise, row.key_enterprise_id)
        employees = max(enterprise.employees_last_year_end or 0, enterprise.employees_now or 0) if enterprise else 0
        row.threshold_met = workflow.art41_threshold_met(row.planned or 0, employees)


def _check_one_of(kind: str, row: Any) -> None:
    """Exactly one of the spec's ``one_of`` fields is filled (a training is a coordinator's *or* a mediator's)."""
    names = ledgers.spec(kind).one_of
    if names and sum(1 for name in names if getattr(row, name)) != 1:
        labels = "、".join(ledgers.spec(kind).field(name).label for name in names)
        raise UserError(_("{labels}须填写其中一项，且只能填一项").format(labels=labels), field=names[0])


def _seed_checklist(session: Session, org: MediationOrg) -> None:
    for position, (group, code, title) in enumerate(settings.get(session, "checklist.definitions")):
        session.add(ChecklistItem(org_id=org.id, group=group, item_code=code, title=title, position=position))


def _display_name(session: Session, kind: str, row: Any, depth: int = 0) -> str:
    """What people call a record: its name, else the name of the record its first filled reference names."""
    if hasattr(row, "name"):
        return row.name
    for spec in ledgers.spec(kind).fields:
        value = getattr(row, spec.name) if spec.kind == "ref" else None
        if value and depth < 3:
            target = session.get(KINDS[spec.ref or ""], value)
            return _display_name(session, spec.ref or "", target, depth + 1) if target is not None else ""
    return row.id


def record_dict(session: Session, kind: str, row: Any, *, unmask: bool = False) -> dict[str, Any]:
    """A registry row as a plain dict (ID numbers and phones masked unless ``unmask``)."""
    out: dict[str, Any] = {"id": row.id, "display_name": _display_name(session, kind, row)}
    masks = {} if unmask else ids.PERSONAL_COLUMNS.get(KINDS[kind].__tablename__, {})
    for spec in FIELDS[kind]:
        value = getattr(row, spec.name)
        if isinstance(value, date):
            value = value.isoformat()
        if spec.name in masks:
            value = masks[spec.name](value)
        if spec.kind == "longtext" and isinstance(value, str):
            value = text_rules.readable_records(value)  # never raw JSON on screen or paper
        out[spec.name] = value
        if spec.kind == "choice":
            out[spec.name + "_label"] = codes.label(spec.choices or {}, value)
        if spec.kind == "ref" and value:
            target = session.get(KINDS[spec.ref or ""], value)
            out[spec.name + "_label"] = _display_name(session, spec.ref or "", target) if target else ""
    for extra in ("sex", "birth_date", "threshold_met"):
        if hasattr(row, extra):
            value = getattr(row, extra)
            out[extra] = value.isoformat() if isinstance(value, date) else value
    return out


def mediator_stats(session: Session) -> dict[str, stats_rules.Figures]:
    """Per mediator id: the mediator's record (core.stats.record_of: handled, closed by outcome)."""
    rows = session.execute(
        select(Case.mediator_id, Case.closed_on.is_not(None), Case.closing_reason, func.count())
        .where(Case.mediator_id.is_not(None), Case.deleted.is_(False))
        .group_by(Case.mediator_id, Case.closed_on.is_not(None), Case.closing_reason)
    ).all()
    cases: dict[str, list[tuple[bool, str | None]]] = {}
    for mediator_id, closed, reason, count in rows:
        cases.setdefault(mediator_id, []).extend([(bool(closed), reason)] * count)
    return {mediator_id: stats_rules.record_of(pairs) for mediator_id, pairs in cases.items()}


def mediator_record(figures: stats_rules.Figures | None, denominator: str) -> dict[str, Any]:
    """The 办案数 and 调解成功率 columns of a mediator, as the register and the ledger show them."""
    figures = figures or stats_rules.Figures()
    return {"cases_handled": figures["received"], "success_rate": figures.success_rate(denominator)}


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _search_conditions(kind: str, pattern: str, depth: int = 0) -> list[Any]:
    """Conditions matching ``pattern`` in the spec's search fields; a reference matches by its target's search."""
    model = KINDS[kind]
    conditions: list[Any] = []
    for name in ledgers.spec(kind).search:
        field = ledgers.spec(kind).field(name)
        if field.kind == "ref" and field.ref and depth < 3:
            target = KINDS[field.ref]
            matching = select(target.id).where(target.deleted.is_(False),
                                               or_(*_search_conditions(field.ref, pattern, depth + 1)))
            conditions.append(getattr(model, name).in_(matching))
        elif field.kind != "ref":
            conditions.append(getattr(model, name).like(pattern, escape="\\"))
    return conditions


def _live_rows(kind: str, search: str | None) -> Select[tuple[Synced]]:
    """The query of the live rows of ``kind``, optionally filtered by its spec's search fields (no order)."""
    model = _kind(kind)
    query = select(model).where(model.deleted.is_(False))
    if search and search.strip():
        pattern = f"%{_escape_like(search.strip())}%"
        query = query.where(or_(*_search_conditions(kind, pattern)))
    return query


def _ordered(query: Select[_Row], kind: str, sort: str | None = None, descending: bool = False) -> Select[_Row]:
    """Order by ``sort`` (a field of FIELDS[kind]; a ``_label`` column sorts by its code), then by name."""
    model = _kind(kind)
    default = model.name if hasattr(model, "name") else model.updated_at.desc()
    field = (sort or "").removesuffix("_label")
    if field and any(spec.name == field and spec.kind != "ref" for spec in FIELDS[kind]):
        column = getattr(model, field)
        return query.order_by(column.desc() if descending else column.asc(), default, model.id)
    return query.order_by(default, model.id)


PERSON_COLUMNS = {"coordinators": "coordinator_id", "mediators": "mediator_id"}
"""Registers whose people have training and assessment records, and the column naming them there."""


def training_and_assessment(session: Session, kind: str, year: int) -> dict[str, dict[str, Any]]:
    """Per person of ``kind``: trainings in ``year`` (count, hours) and the latest assessment's result label."""
    column = PERSON_COLUMNS.get(kind)
    if column is None:
        return {}
    training, assessment = PersonTraining, PersonAssessment
    out: dict[str, dict[str, Any]] = {}
    for person, count, hours in session.execute(
            select(getattr(training, column), func.count(), func.coalesce(func.sum(training.hours), 0))
            .where(training.deleted.is_(False), getattr(training, column).is_not(None),
                   training.trained_on >= date(year, 1, 1), training.trained_on <= date(year, 12, 31))
            .group_by(getattr(training, column))):
        out.setdefault(person, {}).update({"trainings_this_year": count, "training_hours_this_year": int(hours)})
    results = ledgers.spec("assessments").field("result").choices or {}
    for person, year_done, result in session.execute(
            select(getattr(assessment, column), assessment.year, assessment.result)
            .where(assessment.deleted.is_(False), getattr(assessment, column).is_not(None))
            .order_by(assessment.year)):
        out.setdefault(person, {})["last_assessment"] = f"{year_done}{_('年度')}{codes.label(results, result)}"
    return out


def _with_mediator_stats(session: Session, kind: str, rows: list[dict], year: int | None = None) -> list[dict]:
    """Add a mediator's 办案数 and 调解成功率 (one rule: :func:`mediator_record`), and a person's training figures."""
    if kind == "mediators":
        records = mediator_stats(session)
        denominator = settings.get(session, "stats.success_denominator")
        for row in rows:
            row.update(mediator_record(records.get(row["id"]), denominator))
    if kind in PERSON_COLUMNS and year is not None:
        people = training_and_assessment(session, kind, year)
        empty = {"trainings_this_year": 0, "training_hours_this_year": 0, "last_assessment": None}
        for row in rows:
            row.update({**empty, **people.get(row["id"], {})})
    return selection_marks.annotate(session, kind, rows)  # the 选树 mark of the record (issue 14)


def search_fields(kind: str) -> tuple[str, ...]:
    """The fields :func:`list_records` searches for ``kind`` (its spec's ``search``)."""
    _kind(kind)
    return ledgers.spec(kind).search


def list_records(ctx: Context, kind: str, search: str | None = None, *, limit: int | None = None) -> list[dict]:
    """Every live row of ``kind`` (masked), optionally filtered by name/code."""
    ctx.require("read")
    with ctx.db.read() as session:
        query = _ordered(_live_rows(kind, search), kind)
        if limit:
            query = query.limit(limit)
        rows = [record_dict(session, kind, row) for row in session.execute(query).scalars()]
        return _with_mediator_stats(session, kind, rows, ctx.today.year)


def record_ids(ctx: Context, kind: str, search: str | None = None, *, sort: str | None = None,
               descending: bool = False) -> list[str]:
    """Ids of the live rows of ``kind`` in display order: one quick query; the rows come by page."""
    ctx.require("read")
    model = _kind(kind)
    with ctx.db.read() as session:
        query = _ordered(_live_rows(kind, search).with_only_columns(model.id), kind, sort, descending)
        return list(session.execute(query).scalars())


def records_for(ctx: Context, kind: str, ids: list[str]) -> list[dict]:
    """The rows ``ids`` of ``kind`` as masked dicts, in that order (a deleted or unknown id is left out)."""
    ctx.require("read")
    model = _kind(kind)
    with ctx.db.read() as session:
        found = {row.id: row for row in session.execute(select(model).where(model.id.in_(ids))).scalars()}
        rows = [record_dict(session, kind, found[i]) for i in ids if i in found and not found[i].deleted]
        return _with_mediator_stats(session, kind, rows, ctx.today.year)


def choices(ctx: Context, kind: str) -> list[tuple[str, str]]:
    """``(id, name)`` of every live row of ``kind`` for a reference field's choice list (one query)."""
    ctx.require("read")
    model = _kind(kind)
    if not hasattr(model, "name"):
        return [(r["id"], r.get("display_name") or r["id"]) for r in list_records(ctx, kind)]
    with ctx.db.read() as session:
        return [(i, n) for i, n in session.execute(
            _ordered(_live_rows(kind, None).with_only_columns(model.id, model.name), kind)).all()]


def get_record(ctx: Context, kind: str, record_id: str, *, unmask: bool = False) -> dict:
    """One row of ``kind``; ``unmask`` needs the right and is audited."""
    model = _kind(kind)
    if unmask:
        ctx.require("pii.unmask")
        with ctx.db.transaction() as session:
            row = session.get(model, record_id)
            if row is None or row.deleted:
                raise NotFound(_("记录不存在"))
            ctx.audit(session, "pii.unmask", entity=kind, entity_id=record_id)
            return record_dict(session, kind, row, unmask=True)
    ctx.require("read")
    with ctx.db.read() as session:
        row = session.get(model, record_id)
        if row is None or row.deleted:
            raise NotFound(_("记录不存在"))
        return record_dict(session, kind, row)


def save_in(session: Session, kind: str, data: Mapping[str, Any], record_id: str | None, *, today: date) -> Any:
    """Create or update a row inside the caller's transaction; returns the row."""
    model = _kind(kind)
    values = parse_record(session, kind, data, today=today, partial=record_id is not None)
    if kind == "employers" and values.get("credit_code"):
        same_code = session.execute(
            select(Employer).where(Employer.credit_code == values["credit_code"], Employer.id != record_id)
        ).scalars().first()
        if same_code is not None and not same_code.deleted:
            raise Conflict(_("统一社会信用代码 {code} 已登记为“{name}”").format(
                code=values["credit_code"], name=same_code.name), field="credit_code")
        if same_code is not None and record_id is None:
            # The code belonged to a deleted entry: bring it back rather than duplicate it.
            same_code.deleted = False
            record_id = same_code.id
    if record_id is None:
        row = model(**values)
        session.add(row)
    else:
        found = session.get(model, record_id)
        if found is None or found.deleted:
            raise NotFound(_("记录不存在"))
        row = found
        for key, value in values.items():
            setattr(row, key, value)
    _check_one_of(kind, row)
    session.flush()
    _apply_rules(session, kind, row)
    if isinstance(row, MediationOrg) and record_id is None:
        _seed_checklist(session, row)
    return row


def save_record(ctx: Context, kind: str, data: Mapping[str, Any], record_id: str | None = None) -> dict:
    """Create (``record_id`` None) or update a registry row: one transaction, one audit entry."""
    ctx.require("registry.edit")
    with ctx.db.transaction() as session:
        row = save_in(session, kind, data, record_id, today=ctx.today)
        ctx.audit(session, f"{kind}.{'create' if record_id is None else 'update'}", entity=kind, entity_id=row.id,
                  summary=_display_name(session, kind, row))
        return record_dict(session, kind, row)


def delete_record(ctx: Context, kind: str, record_id: str) -> None:
    """Tombstone a registry row (it stays for the exchange, hidden from lists)."""
    ctx.require("registry.edit")
    model = _kind(kind)
    with ctx.db.transaction() as session:
        row = session.get(model, record_id)
        if row is None or row.deleted:
            raise NotFound(_("记录不存在"))
        if kind == "employers":
            used = session.execute(select(func.count()).select_from(Case).where(
                Case.respondent_id == record_id, Case.deleted.is_(False))).scalar_one()
            if used:
                raise Conflict(_("该单位有{n}件案件，不能删除").format(n=used))
        row.deleted = True
        ctx.audit(session, f"{kind}.delete", entity=kind, entity_id=record_id,
                  summary=_display_name(session, kind, row))


def checklist(ctx: Context, org_id: str) -> list[dict]:
    """The 六规范、五上墙 items of an organization with their status."""
    ctx.require("read")
    with ctx.db.read() as session:
        items = session.execute(
            select(ChecklistItem).where(ChecklistItem.org_id == org_id, ChecklistItem.deleted.is_(False))
            .order_by(ChecklistItem.position)
        ).scalars()
        return [
            {"id": i.id, "group": i.group, "group_label": codes.label(codes.CHECKLIST_GROUPS, i.group),
             "item_code": i.item_code, "title": i.title, "status": i.status,
             "status_label": codes.label(codes.CHECKLIST_STATUSES, i.status),
             "checked_on": i.checked_on.isoformat() if i.checked_on else None, "note": i.note,
             "attachment_id": i.attachment_id}
            for i in items
        ]


def _checked(ctx: Context, status: str, checked_on: object) -> date:
    """Check the right, the status and the day of a checklist result (today by default, never later)."""
    ctx.require("registry.edit")
    codes.require(codes.CHECKLIST_STATUSES, status, "status")
    day = fields.day(checked_on, "checked_on") or ctx.today
    if day > ctx.today:
        raise UserError(_("检查日期不能晚于今天"), field="checked_on")
    return day


def set_checklist_item(ctx: Context, item_id: str, status: str, checked_on: object = None,
                       note: str | None = None) -> dict:
    """Record the result of checking one checklist item (audited)."""
    day = _checked(ctx, status, checked_on)
    with ctx.db.transaction() as session:
        item = session.get(ChecklistItem, item_id)
        if item is None or item.deleted:
            raise NotFound(_("检查项不存在"))
        item.status, item.checked_on = status, day
        item.note = fields.text(note, "note", max_len=2000)
        ctx.audit(session, "checklist.update", entity="checklist_item", entity_id=item_id,
                  summary=f"{item.title}：{codes.label(codes.CHECKLIST_STATUSES, status)}")
        return {"id": item.id, "status": item.status, "checked_on": day.isoformat()}


def set_all_checklist_items(ctx: Context, org_id: str, status: str = "met", checked_on: object = None) -> int:
    """Record the same result for every checklist item of an organization: one transaction, one audit entry.

    Returns how many items were set (notes and photos stay as they were).
    """
    day = _checked(ctx, status, checked_on)
    with ctx.db.transaction() as session:
        org = session.get(MediationOrg, org_id)
        if org is None or org.deleted:
            raise NotFound(_("记录不存在"))
        items = session.execute(select(ChecklistItem).where(ChecklistItem.org_id == org_id,
                                                            ChecklistItem.deleted.is_(False))).scalars().all()
        for item in items:
            item.status, item.checked_on = status, day
        ctx.audit(session, "checklist.update_all", entity="mediation_org", entity_id=org_id,
                  summary=_("{org}：全部{n}项记为{status}").format(
                      org=org.name, n=len(items), status=codes.label(codes.CHECKLIST_STATUSES, status)))
        return len(items)
