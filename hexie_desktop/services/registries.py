"""Registries and ledgers (SPEC §4): coordinators, mediators, organizations with their checklist,
social organizations, employers, key enterprises with visits and layoffs, new enterprises and
cultivation — created, updated and tombstoned through one generic, field-described service.

``FIELDS`` describes every editable field (label, kind, choices), so screens, Excel
templates and imports are built from the same description and validated by the same code.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Mapping

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from hexie_desktop.core import codes, fields, ids, money, workflow
from hexie_desktop.core import stats as stats_rules
from hexie_desktop.core import text as text_rules
from hexie_desktop.core.errors import Conflict, NotFound, UserError, ValidationErrors
from hexie_desktop.core.i18n import _
from hexie_desktop.services import settings
from hexie_desktop.services.context import Context
from hexie_desktop.storage.models import (
    Case,
    ChecklistItem,
    Coordinator,
    Cultivation,
    Employer,
    EnterpriseVisit,
    KeyEnterprise,
    LayoffPlan,
    MediationOrg,
    Mediator,
    NewEnterprise,
    SocialOrg,
)


@dataclass(frozen=True)
class FieldSpec:
    """One editable field: name, Chinese label, kind, whether required, and choices for ``choice``."""

    name: str
    label: str
    kind: str = "text"
    required: bool = False
    choices: Mapping[str, str] | None = None
    ref: str | None = None
    max_len: int = 200


def _f(name: str, label: str, kind: str = "text", required: bool = False, choices: Mapping[str, str] | None = None,
       ref: str | None = None, max_len: int = 200) -> FieldSpec:
    return FieldSpec(name, label, kind, required, choices, ref, max_len)


KINDS: dict[str, type] = {
    "coordinators": Coordinator,
    "mediators": Mediator,
    "orgs": MediationOrg,
    "social_orgs": SocialOrg,
    "employers": Employer,
    "key_enterprises": KeyEnterprise,
    "visits": EnterpriseVisit,
    "layoffs": LayoffPlan,
    "new_enterprises": NewEnterprise,
    "cultivations": Cultivation,
}

KIND_LABELS = {
    "coordinators": _("劳动关系协调员"),
    "mediators": _("调解员"),
    "orgs": _("调解组织"),
    "social_orgs": _("社会组织"),
    "employers": _("用人单位"),
    "key_enterprises": _("重点企业"),
    "visits": _("走访记录"),
    "layoffs": _("裁员情况"),
    "new_enterprises": _("新注册企业"),
    "cultivations": _("和谐企业培育"),
}

CULTIVATION_RESULTS = {"pending": _("培育中"), "met": _("达标"), "not_met": _("未达标")}

FIELDS: dict[str, list[FieldSpec]] = {
    "coordinators": [
        _f("name", _("姓名"), required=True, max_len=50),
        _f("id_number", _("身份证号码"), "id_number", required=True),
        _f("phone", _("联系电话"), "phone"),
        _f("coordinator_type", _("类型"), "choice", True, codes.COORDINATOR_TYPES),
        _f("employer_id", _("所在单位"), "ref", ref="employers"),
        _f("division_code", _("所在乡镇/村（区划代码）"), "division"),
        _f("position", _("职务"), max_len=50),
        _f("employment_mode", _("专兼职"), "choice", True, codes.EMPLOYMENT_MODES),
        _f("skill_level", _("职业技能等级"), "choice", True, codes.SKILL_LEVELS),
        _f("certificate_no", _("证书编号"), max_len=50),
        _f("certificate_issuer", _("发证机构"), max_len=100),
        _f("certificate_date", _("发证日期"), "date"),
        _f("years_in_work", _("从业年限"), "int"),
        _f("trainings", _("培训记录"), "longtext", max_len=5000),
        _f("enterprises_covered", _("服务企业数"), "int"),
        _f("honours", _("荣誉"), max_len=200),
        _f("status", _("状态"), "choice", True, codes.RECORD_STATUSES),
        _f("registered_on", _("登记日期"), "date"),
    ],
    "mediators": [
        _f("name", _("姓名"), required=True, max_len=50),
        _f("id_number", _("身份证号码"), "id_number"),
        _f("phone", _("联系电话"), "phone"),
        _f("org_id", _("所属调解组织"), "ref", ref="orgs"),
        _f("employment_mode", _("专兼职"), "choice", True, codes.EMPLOYMENT_MODES),
        _f("term_start", _("聘任起始"), "date"),
        _f("term_end", _("聘任截止"), "date"),
        _f("certificate_no", _("证书编号"), max_len=50),
        _f("trainings", _("培训记录"), "longtext", max_len=5000),
        _f("assessments", _("年度考核"), "longtext", max_len=5000),
        _f("status", _("状态"), "choice", True, codes.RECORD_STATUSES),
    ],
    "orgs": [
        _f("name", _("名称"), required=True),
        _f("org_type", _("类型"), "choice", True, codes.ORG_TYPES),
        _f("code", _("组织代码"), max_len=30),
        _f("address", _("地址"), max_len=300),
        _f("division_code", _("区划代码"), "division"),
        _f("founding_document", _("成立文件"), max_len=200),
        _f("founded_on", _("成立日期"), "date"),
        _f("has_seal", _("有调解专用章"), "bool"),
        _f("premises", _("场所"), max_len=200),
        _f("head", _("负责人"), max_len=50),
        _f("phones", _("联系电话"), max_len=100),
        _f("staff_full_time", _("专职人数"), "int"),
        _f("staff_part_time", _("兼职人数"), "int"),
        _f("enterprises_covered", _("覆盖企业数"), "int"),
        _f("status", _("状态"), "choice", True, codes.ORG_STATUSES),
    ],
    "social_orgs": [
        _f("name", _("名称"), required=True),
        _f("credit_code", _("统一社会信用代码"), "credit_code"),
        _f("org_kind", _("类型"), max_len=50),
        _f("staff", _("工作人员数"), "int"),
        _f("services", _("服务内容"), "longtext", max_len=2000),
        _f("industry", _("行业"), "choice", False, codes.INDUSTRIES),
        _f("scale", _("规模"), max_len=50),
        _f("status", _("状态"), "choice", True, codes.ORG_STATUSES),
    ],
    "employers": [
        _f("name", _("单位名称"), required=True),
        _f("credit_code", _("统一社会信用代码"), "credit_code"),
        _f("legacy_reg_no", _("原注册号"), max_len=30),
        _f("address", _("住所"), max_len=300),
        _f("legal_representative", _("法定代表人"), max_len=50),
        _f("phone", _("联系电话"), "phone"),
        _f("employer_type", _("单位类型"), "choice", False, codes.EMPLOYER_TYPES),
        _f("industry", _("行业"), "choice", False, codes.INDUSTRIES),
        _f("employees", _("职工人数"), "int"),
        _f("division_code", _("区划代码"), "division"),
    ],
    "key_enterprises": [
        _f("employer_id", _("企业"), "ref", True, ref="employers"),
        _f("industry", _("行业"), "choice", False, codes.INDUSTRIES),
        _f("employees_last_year_end", _("上年末职工数"), "int"),
        _f("employees_now", _("当前职工数"), "int"),
        _f("stable_job_policies", _("享受稳岗政策"), "longtext", max_len=2000),
        _f("risk_level", _("风险等级"), "choice", True, codes.RISK_LEVELS),
        _f("note", _("备注"), "longtext", max_len=2000),
    ],
    "visits": [
        _f("key_enterprise_id", _("重点企业"), "ref", True, ref="key_enterprises"),
        _f("visited_on", _("走访日期"), "date", True),
        _f("method", _("方式"), "choice", True, codes.VISIT_METHODS),
        _f("content", _("指导内容"), "longtext", max_len=5000),
        _f("staff", _("走访人员"), max_len=100),
        _f("next_visit_on", _("下次走访日期"), "date"),
    ],
    "layoffs": [
        _f("key_enterprise_id", _("重点企业"), "ref", True, ref="key_enterprises"),
        _f("planned", _("计划裁减人数"), "int", True),
        _f("actual", _("实际裁减人数"), "int"),
        _f("positions", _("涉及岗位"), "longtext", max_len=2000),
        _f("notice_on", _("提前30日说明情况日期"), "date"),
        _f("reported_on", _("向人社部门报告日期"), "date"),
        _f("compensation_standard", _("经济补偿标准"), "longtext", max_len=2000),
        _f("ability_to_pay", _("支付能力评估"), "longtext", max_len=2000),
    ],
    "new_enterprises": [
        _f("employer_id", _("企业"), "ref", True, ref="employers"),
        _f("registered_on", _("注册日期"), "date"),
        _f("industry", _("行业"), "choice", False, codes.INDUSTRIES),
        _f("expected_headcount", _("预计用工人数"), "int"),
        _f("first_contact_on", _("首次联系日期"), "date"),
        _f("services", _("提供服务"), "longtext", max_len=2000),
        _f("follow_ups", _("跟踪服务"), "longtext", max_len=5000),
    ],
    "cultivations": [
        _f("employer_id", _("企业"), "ref", True, ref="employers"),
        _f("year", _("年度"), "int", True),
        _f("plan", _("培育计划"), "longtext", max_len=5000),
        _f("visits", _("走访指导"), "longtext", max_len=5000),
        _f("result", _("培育结果"), "choice", True, CULTIVATION_RESULTS),
    ],
}



def _kind(kind: str) -> type:
    if kind not in KINDS:
        raise UserError(_("未知的名册类型：{kind}").format(kind=kind), field="kind")
    return KINDS[kind]


def _parse_value(spec: FieldSpec, raw: object, session: Session, *, today: date) -> Any:
    name = spec.name
    if spec.kind in ("text", "longtext"):
        return fields.text(raw, name, required=spec.required, max_len=spec.max_len)
    if spec.kind == "date":
        return fields.day(raw, name, required=spec.required)
    if spec.kind == "int":
        return fields.integer(raw, name, required=spec.required, minimum=0, maximum=10**7) or (
            None if raw in (None, "") and not spec.required else 0)
    if spec.kind == "bool":
        return fields.boolean(raw, name)
    if spec.kind == "money":
        return money.parse_amount(raw, field=name) if raw not in (None, "") else 0
    if raw in (None, ""):
        if spec.required:
            raise UserError(_("不能为空"), field=name)
        return None
    if spec.kind == "choice":
        return codes.require(spec.choices or {}, raw, name)
    if spec.kind == "id_number":
        return ids.check_resident_id(str(raw), today=today, field=name)
    if spec.kind == "credit_code":
        return ids.check_credit_code(str(raw), field=name)
    if spec.kind == "phone":
        return ids.check_phone(str(raw), field=name)
    if spec.kind == "division":
        return ids.check_division_code(str(raw), field=name)
    if spec.kind == "ref":
        target = KINDS[spec.ref or ""]
        row = session.get(target, str(raw))
        if row is None or row.deleted:
            raise UserError(_("所选{what}不存在").format(what=KIND_LABELS[spec.ref or ""]), field=name)
        return row.id
    raise AssertionError(spec.kind)


def check_field(spec: FieldSpec, value: object, *, today: date) -> Any:
    """A stored value against its field's rule, as a form would check it (not for ``ref`` fields)."""
    if spec.kind == "ref":
        raise AssertionError("references are checked against the database")
    return _parse_value(spec, value, None, today=today)  # type: ignore[arg-type]


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


def _seed_checklist(session: Session, org: MediationOrg) -> None:
    for position, (group, code, title) in enumerate(settings.get(session, "checklist.definitions")):
        session.add(ChecklistItem(org_id=org.id, group=group, item_code=code, title=title, position=position))


def _display_name(session: Session, kind: str, row: Any) -> str:
    if hasattr(row, "name"):
        return row.name
    if hasattr(row, "employer_id"):
        employer = session.get(Employer, row.employer_id)
        return employer.name if employer else ""
    if hasattr(row, "key_enterprise_id"):
        enterprise = session.get(KeyEnterprise, row.key_enterprise_id)
        employer = session.get(Employer, enterprise.employer_id) if enterprise else None
        return employer.name if employer else ""
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


def _live_rows(kind: str, search: str | None):  # noqa: ANN202
    """The query of the live rows of ``kind``, optionally filtered by name/code (no order)."""
    model = _kind(kind)
    query = select(model).where(model.deleted.is_(False))
    if search and search.strip() and hasattr(model, "name"):
        pattern = f"%{search.strip()}%"
        conditions = [model.name.like(pattern)]
        if hasattr(model, "credit_code"):
            conditions.append(model.credit_code.like(pattern))
        query = query.where(or_(*conditions))
    return query


def _ordered(query, kind: str, sort: str | None = None, descending: bool = False):  # noqa: ANN001, ANN202
    """Order by ``sort`` (a field of FIELDS[kind]; a ``_label`` column sorts by its code), then by name."""
    model = _kind(kind)
    default = model.name if hasattr(model, "name") else model.updated_at.desc()
    field = (sort or "").removesuffix("_label")
    if field and any(spec.name == field and spec.kind != "ref" for spec in FIELDS[kind]):
        column = getattr(model, field)
        return query.order_by(column.desc() if descending else column.asc(), default, model.id)
    return query.order_by(default, model.id)


def _with_mediator_stats(session: Session, kind: str, rows: list[dict]) -> list[dict]:
    """Add a mediator's 办案数 and 调解成功率 (one rule: :func:`mediator_record`)."""
    if kind == "mediators":
        records = mediator_stats(session)
        denominator = settings.get(session, "stats.success_denominator")
        for row in rows:
            row.update(mediator_record(records.get(row["id"]), denominator))
    from hexie_desktop.services import selection  # hook: the 选树 mark of the record (issue 14)

    return selection.annotate(session, kind, rows)


def search_fields(kind: str) -> tuple[str, ...]:
    """The columns :func:`list_records` searches for ``kind`` (empty: the register cannot be searched)."""
    model = _kind(kind)
    if not hasattr(model, "name"):
        return ()
    return ("name", "credit_code") if hasattr(model, "credit_code") else ("name",)


def list_records(ctx: Context, kind: str, search: str | None = None, *, limit: int | None = None) -> list[dict]:
    """Every live row of ``kind`` (masked), optionally filtered by name/code."""
    ctx.require("read")
    with ctx.db.read() as session:
        query = _ordered(_live_rows(kind, search), kind)
        if limit:
            query = query.limit(limit)
        rows = [record_dict(session, kind, row) for row in session.execute(query).scalars()]
        return _with_mediator_stats(session, kind, rows)


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
        return _with_mediator_stats(session, kind, rows)


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
        row = session.get(model, record_id)
        if row is None or row.deleted:
            raise NotFound(_("记录不存在"))
        for key, value in values.items():
            setattr(row, key, value)
    session.flush()
    _apply_rules(session, kind, row)
    if kind == "orgs" and record_id is None:
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
