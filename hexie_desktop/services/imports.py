"""Import from Excel (SPEC §4, issue 5): historical cases, registries and enterprise ledgers.

The sheet's columns are described here (:class:`Column`, built from
``registries.FIELDS``), so the download template, the ledger export and the import read
and write the same columns.  :func:`import_rows` takes a sheet already read into plain
values (``reports.excel_import`` does the reading) and validates every row with the same
code the forms use — ``registries.parse_record``/``save_in`` for registers,
``intake.parse_case`` and the workflow handlers for historical cases — each row inside a
savepoint.  Either every row is valid and everything is written, or nothing is (default);
with ``valid_only`` the valid rows are written and the bad ones reported.  One import is
one transaction with one audit entry.  Rows already present (same natural key) are
updated (registers) or skipped (cases), so importing the same file twice creates no
duplicates.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hexie_desktop.core import codes, dates, intake, ledgers, money, workflow
from hexie_desktop.core.errors import HexieError, UserError, ValidationErrors
from hexie_desktop.core.i18n import _
from hexie_desktop.services import case_actions, registries
from hexie_desktop.services.cases import add_case
from hexie_desktop.services.context import Context
from hexie_desktop.services.employers import find_or_create
from hexie_desktop.storage.models import Case, Employer, KeyEnterprise, LayoffPlan, Party

# ---------------------------------------------------------------- columns


@dataclass(frozen=True)
class Column:
    """One sheet column: row-dict ``key``, header text, value kind, and how ledgers show it.

    ``kind`` is a FieldSpec kind (text, longtext, date, int, money, bool, choice,
    id_number, credit_code, phone, division) or ``rate`` (a fraction shown as %).
    ``importable`` is false for columns a ledger shows but an import ignores (序号, 性别 …).
    """

    key: str
    header: str
    kind: str = "text"
    required: bool = False
    choices: Mapping[str, str] | None = None
    hint: str = ""
    group: str = ""
    width: int = 12
    importable: bool = True
    total: bool = False
    also: tuple[Mapping[str, str], ...] = ()


IMPORT_KINDS: dict[str, str] = {
    "cases": _("历史案件"),
    **{kind: ledgers.spec(kind).label for kind in ledgers.import_kinds()},
    "selections": _("选树提名及结果"),
}

_WIDTH = {"text": 14, "longtext": 30, "date": 12, "int": 9, "money": 14, "bool": 8, "choice": 14,
          "id_number": 21, "credit_code": 21, "phone": 14, "division": 15}
_HINT = {
    "date": _("日期，如 2026-03-12"),
    "int": _("整数"),
    "money": _("金额（元），最多两位小数"),
    "bool": _("是 / 否"),
    "choice": _("从下拉列表选择"),
    "id_number": _("18位居民身份证号码，文本格式"),
    "credit_code": _("18位统一社会信用代码"),
    "phone": _("手机或座机号码"),
    "division": _("12位统计用区划代码（或6/9位）"),
}

# Header groups of the ledgers: field name → group (each spec's ``groups``).
_GROUPS: dict[str, Mapping[str, str]] = {kind: spec.groups for kind, spec in ledgers.LEDGERS.items()}


def _column(kind: str, spec: registries.FieldSpec) -> list[Column]:
    """The sheet column(s) of one registry field (a reference becomes name + code columns)."""
    group = _GROUPS.get(kind, {})
    if spec.kind == "ref" and spec.ref == "employers":
        return [
            Column("employer_name", _("{label}名称").format(label=spec.label), "text", spec.required,
                   hint=_("单位全称；按统一社会信用代码或名称对应用人单位名册，没有则新建"),
                   group=group.get("employer_name", ""), width=24),
            Column("employer_credit_code", _("{label}统一社会信用代码").format(label=spec.label), "credit_code",
                   hint=_HINT["credit_code"], group=group.get("employer_credit_code", ""), width=21),
        ]
    if spec.kind == "ref" and ref_by_name(spec):
        key = ref_column(spec)
        target = ledgers.spec(spec.ref or "")
        what = _("姓名") if target.person else _("名称")
        return [Column(key, spec.label, "text", spec.required,
                       hint=_("须为{register}名册中已有的{what}").format(register=target.label, what=what),
                       group=group.get(key, ""), width=12 if target.person else 24)]
    if spec.kind == "ref":
        return []
    width = _WIDTH.get(spec.kind, 14)
    if spec.kind == "text" and spec.max_len >= 200:
        width = 24
    hint = _HINT.get(spec.kind, _("文字") if spec.kind == "text" else _("文字，可较长"))
    if spec.kind == "choice" and spec.choices:
        hint = _("可选：") + "、".join(spec.choices.values()) if len(spec.choices) <= 8 else _HINT["choice"]
    return [Column(spec.name, spec.label, spec.kind, spec.required, spec.choices, hint, group.get(spec.name, ""),
                   width)]


def ref_by_name(spec: registries.FieldSpec) -> bool:
    """True when a reference to another register is written in sheets as that record's name (not employers)."""
    return spec.kind == "ref" and spec.ref != "employers" and "name" in ledgers.spec(spec.ref or "").names


def ref_column(spec: registries.FieldSpec) -> str:
    """The sheet key of a reference written by name: ``org_id`` → ``org_name``."""
    return spec.name.removesuffix("_id") + "_name"


def registry_columns(kind: str) -> list[Column]:
    """Importable sheet columns of a registry kind, in the order of ``registries.FIELDS``."""
    out: list[Column] = []
    for spec in registries.FIELDS[kind]:
        out += _column(kind, spec)
    if kind == "key_enterprises":
        for spec in registries.FIELDS["layoffs"]:
            if spec.kind == "ref":
                continue
            label = spec.label if spec.name != "planned" else _("计划裁减人数")
            out.append(Column(f"layoff_{spec.name}", label, spec.kind, False, spec.choices,
                              _("有裁员计划时填写") if spec.name == "planned" else _HINT.get(spec.kind, _("文字")),
                              _GROUPS["layoffs"].get(spec.name, _("裁员情况")),
                              _WIDTH.get(spec.kind, 14)))
    return out


OUTCOME_CHOICES = {"agreed": _("调解成功"), "failed": _("调解不成"), "withdrawn": _("撤回"),
                   "rejected": _("不予受理")}

CASE_COLUMNS: list[Column] = [
    Column("received_on", _("收到申请日期"), "date", True, hint=_HINT["date"], group=_("案件"), width=12),
    Column("source", _("来源"), "choice", False, codes.CASE_SOURCES, _("留空为书面申请"), _("案件"), 11),
    Column("applicant_name", _("申请人姓名"), "text", True, hint=_("第一申请人；多人时填代表人"), group=_("申请人"),
           width=10),
    Column("applicant_id", _("申请人身份证号码"), "id_number", True, hint=_HINT["id_number"], group=_("申请人"),
           width=21),
    Column("applicant_phone", _("申请人联系电话"), "phone", hint=_HINT["phone"], group=_("申请人"), width=13),
    Column("applicant_address", _("申请人住址"), "text", hint=_("文字"), group=_("申请人"), width=20),
    Column("workers", _("涉及劳动者人数"), "int", hint=_("留空为1；10人以上为集体争议"), group=_("申请人"), width=8,
           total=True),
    Column("respondent_name", _("被申请人名称"), "text", True, hint=_("用人单位全称"), group=_("被申请人"), width=24),
    Column("respondent_credit_code", _("被申请人统一社会信用代码"), "credit_code", hint=_HINT["credit_code"],
           group=_("被申请人"), width=21),
    Column("respondent_type", _("单位类型"), "choice", False, codes.EMPLOYER_TYPES, _HINT["choice"], _("被申请人"),
           12),
    Column("respondent_industry", _("行业"), "choice", False, codes.INDUSTRIES, _HINT["choice"], _("被申请人"), 14),
    Column("category", _("争议类别"), "choice", True, codes.CLAIM_CATEGORIES, _("主要请求的类别"), _("请求事项"), 14,
           also=(codes.CLAIM_CATEGORY_SHORT,)),
    Column("claimed", _("请求金额（元）"), "money", hint=_HINT["money"], group=_("请求事项"), width=13, total=True),
    Column("facts", _("争议事实"), "longtext", hint=_("文字，可较长"), group=_("请求事项"), width=30),
    Column("mediator", _("调解员"), "text", hint=_("须为调解员名册中的姓名"), group=_("办理情况"), width=9),
    Column("accepted_on", _("受理日期"), "date", hint=_("调解成功/不成时留空为收到日期"), group=_("办理情况"),
           width=12),
    Column("outcome", _("处理结果"), "choice", False, OUTCOME_CHOICES, _("调解成功/调解不成/撤回/不予受理；留空为未结"),
           _("办理情况"), 10),
    Column("decided_on", _("处理日期"), "date", hint=_("协议生效、终止调解、撤回或不予受理的日期"), group=_("办理情况"),
           width=12),
    Column("agreed", _("协议金额（元）"), "money", hint=_("调解成功时填写"), group=_("办理情况"), width=13, total=True),
    Column("paid", _("已履行金额（元）"), "money", hint=_("协议金额大于0且已结案时必填"), group=_("办理情况"), width=13,
           total=True),
    Column("closed_on", _("结案日期"), "date", hint=_("已结案时填写，须有处理结果"), group=_("办理情况"), width=12),
]


def _selection_columns() -> list[Column]:
    from hexie_desktop.core import selection as selection_rules

    return [
        Column("year", _("年度"), "int", True, width=8),
        Column("kind", _("选树类型"), "choice", True, {k: v.label for k, v in selection_rules.KINDS.items()}, width=24),
        Column("subject", _("对象"), "text", True, hint=_("名册中的姓名或名称；十佳调解案例填案号"), width=30),
        Column("nominated_on", _("提名日期"), "date", hint=_HINT["date"]),
        Column("reason", _("推荐理由"), "longtext", width=30),
        Column("decision", _("决定"), "choice", False, {"selected": _("选树"), "not_selected": _("不选树")},
               hint=_("已有决定的历史结果填写；空着则为待核查的提名")),
        Column("decided_on", _("决定日期"), "date", hint=_("填写决定时必填")),
    ]


def columns(kind: str) -> list[Column]:
    """The importable columns of ``kind`` (template and import)."""
    if kind == "cases":
        return list(CASE_COLUMNS)
    if kind == "selections":
        return _selection_columns()
    if kind not in IMPORT_KINDS:
        raise UserError(_("未知的导入类型：{kind}（可用：{allowed}）").format(
            kind=kind, allowed="、".join(IMPORT_KINDS)), field="kind")
    return registry_columns(kind)


def header_key(text: object) -> str:
    """A header cell as compared: no spaces, no ``*`` marks, full-width folded."""
    value = unicodedata.normalize("NFKC", str(text or ""))
    return "".join(ch for ch in value if not ch.isspace() and ch not in "*＊")


# ---------------------------------------------------------------- cell values

_TRUE = {"是", "有", "Y", "YES", "TRUE", "1", "√"}
_FALSE = {"否", "无", "N", "NO", "FALSE", "0", "×"}
_IDENTITY_KINDS = ("id_number", "credit_code")


def _plain_number(raw: float | int) -> str:
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    return repr(raw) if isinstance(raw, float) else str(raw)


def convert(column: Column, raw: object) -> Any:
    """The value of one cell for ``column`` (``None`` when empty); UserError says what is wrong.

    Text is taken literally (a cell that looks like a formula is just text); dates may be
    date cells or text such as ``2026-03-12``, ``2026/3/12`` or ``2026年3月12日``;
    identity numbers must be text (a number cell has lost its last digits); choices
    accept the label or the code.
    """
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    kind = column.kind
    if kind == "date":
        if isinstance(raw, datetime):
            return raw.date()
        if isinstance(raw, date):
            return raw
        parsed = dates.parse(raw) if isinstance(raw, str) else None
        if parsed is not None:
            return parsed
        raise UserError(_("“{value}”不是有效日期（应为 2026-03-12 这样的日期）").format(value=raw))
    if kind == "int":
        if isinstance(raw, bool):
            raise UserError(_("应为整数"))
        if isinstance(raw, int) or (isinstance(raw, float) and raw.is_integer()):
            return int(raw)
        if isinstance(raw, str) and raw.strip().isdigit():
            return int(raw.strip())
        raise UserError(_("“{value}”不是整数").format(value=raw))
    if kind == "money":
        if isinstance(raw, bool):
            raise UserError(_("应为金额"))
        if isinstance(raw, (int, float)):
            try:
                amount = Decimal(_plain_number(raw))
            except InvalidOperation:
                raise UserError(_("“{value}”不是有效金额").format(value=raw)) from None
            return money.parse_amount(amount)
        return money.parse_amount(str(raw))
    if kind == "bool":
        if isinstance(raw, bool):
            return raw
        text = header_key(raw).upper()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise UserError(_("应填“是”或“否”，而不是“{value}”").format(value=raw))
    if kind == "choice":
        text = str(raw).strip() if not isinstance(raw, (int, float)) else _plain_number(raw)
        tables = (column.choices or {}, *column.also)
        for table in tables:
            if text in table:
                return text
            for code, label in table.items():
                if text == label or text == f"{code} {label}":
                    return code
        allowed = "、".join((column.choices or {}).values())
        raise UserError(_("“{value}”不是可选值（可选：{allowed}）").format(value=text, allowed=allowed))
    if kind in _IDENTITY_KINDS and not isinstance(raw, str):
        raise UserError(_("{what}应以文本格式填写（数字格式会丢失末位或把末位 X 弄错）").format(what=column.header))
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        text = _plain_number(raw)
    elif isinstance(raw, datetime):
        text = raw.date().isoformat() if raw.time() == datetime.min.time() else raw.isoformat(sep=" ")
    elif isinstance(raw, date):
        text = raw.isoformat()
    elif isinstance(raw, bool):
        text = _("是") if raw else _("否")
    else:
        text = str(raw)
    if kind in ("id_number", "phone") and "*" in text:
        raise UserError(_("“{value}”已打码，无法导入；请导出未打码的台账或填写完整号码").format(value=text))
    return text.strip() if kind not in ("longtext",) else text.strip("\n ")


# ---------------------------------------------------------------- results


@dataclass(frozen=True)
class SheetData:
    """A sheet read into plain values: header text by column index, and data rows with their row numbers."""

    headers: dict[int, str]
    rows: list[tuple[int, list[Any]]]
    sheet_name: str = ""
    header_row: int = 1


@dataclass(frozen=True)
class Problem:
    """One bad cell (or row): sheet row number, column letter and header, the value, what is wrong."""

    row: int
    column: str
    header: str
    value: str
    message: str


@dataclass(frozen=True)
class RowOutcome:
    """What became of one data row: created, updated, unchanged, duplicate or invalid."""

    row: int
    status: str
    note: str = ""


STATUS_LABELS = {"created": _("新增"), "updated": _("更新"), "unchanged": _("已存在，未变"),
                 "duplicate": _("重复，已跳过"), "invalid": _("有误，未导入"), "valid": _("正确，未导入")}


@dataclass
class ImportResult:
    """The outcome of one import: every row's status, every problem, and whether anything was written."""

    kind: str
    source: str
    valid_only: bool
    rows: list[RowOutcome] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    committed: bool = False
    ignored_headers: list[str] = field(default_factory=list)

    def count(self, status: str) -> int:
        """How many rows ended with ``status``."""
        return sum(1 for r in self.rows if r.status == status)

    @property
    def invalid_rows(self) -> int:
        """Number of rows with at least one problem."""
        return self.count("invalid")

    def summary(self) -> str:
        """One line for people."""
        label = IMPORT_KINDS.get(self.kind, self.kind)
        if not self.committed:
            return _("{label}：共{n}行，其中{bad}行有误，未导入任何数据").format(
                label=label, n=len(self.rows), bad=self.invalid_rows)
        return _("{label}：共{n}行，新增{c}，更新{u}，未变{s}，重复跳过{d}，有误未导入{bad}").format(
            label=label, n=len(self.rows), c=self.count("created"), u=self.count("updated"),
            s=self.count("unchanged"), d=self.count("duplicate"), bad=self.invalid_rows)


def column_letter(index: int) -> str:
    """Spreadsheet letters of a 0-based column index (0 → A, 26 → AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class _RowErrors(Exception):
    """The problems of one row (raised inside its savepoint so the row's writes roll back)."""

    def __init__(self, problems: list[tuple[str | None, str]]) -> None:
        super().__init__("row errors")
        self.problems = problems


class _Abort(Exception):
    """Roll the whole import back (all-or-nothing mode with bad rows)."""


def _display(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _field_errors(error: HexieError, default: str | None) -> list[tuple[str | None, str]]:
    items = error.errors if isinstance(error, ValidationErrors) else [error]
    return [(item.field or default, item.message) for item in items]


# ---------------------------------------------------------------- registries


_FIELD_TO_COLUMN = {"employer_id": "employer_name", "org_id": "org_name", "key_enterprise_id": "employer_name",
                    "coordinator_id": "coordinator_name", "mediator_id": "mediator_name",
                    "social_org_id": "social_org_name"}


def _snapshot(row: Any, kind: str) -> tuple:
    return tuple(getattr(row, spec.name) for spec in registries.FIELDS[kind])


def _employer_for(session: Session, values: dict[str, Any], required: bool) -> Employer | None:
    name, code = values.get("employer_name"), values.get("employer_credit_code")
    if not name and not code:
        if required:
            raise _RowErrors([("employer_name", _("不能为空"))])
        return None
    if code:
        from hexie_desktop.core import ids

        try:
            code = ids.check_credit_code(code, field="employer_credit_code")
        except UserError as exc:
            raise _RowErrors([("employer_credit_code", exc.message)]) from None
        existing = session.execute(select(Employer).where(Employer.credit_code == code)).scalars().first()
        if existing is not None:
            existing.deleted = False
            return existing
    if not name:
        raise _RowErrors([("employer_name", _("名册中没有该信用代码的单位，须填写单位名称"))])
    draft = intake.RespondentDraft(name=name[:200], credit_code=code, address=None, legal_representative=None,
                                   phone=None, employer_type=None, industry=None)
    employer = find_or_create(session, draft)
    session.flush()
    return employer


def _key_value(session: Session, kind: str, name: str, value: Any) -> Any:
    """A natural-key value as stored: ID numbers and credit codes normalised (``None`` when unusable)."""
    if value in (None, ""):
        return None
    spec = ledgers.spec(kind).field(name)
    if spec.kind in ("ref", "int"):
        return value
    try:
        parsed = registries.check_field(spec, value, today=date.today())
    except UserError:
        return None
    return getattr(parsed, "number", parsed)


def _existing_record(session: Session, kind: str, data: dict[str, Any]) -> Any:
    """The live row with the same natural key (the spec's ``import_keys``), if any.

    The first key whose leading field is filled decides; its other fields are compared
    exactly, an empty one meaning the stored one is empty too.  A tombstoned employer with
    the same credit code is revived by ``registries.save_in`` itself.
    """
    model = registries.KINDS[kind]
    for key in ledgers.spec(kind).import_keys or ():
        values = [_key_value(session, kind, name, data.get(name)) for name in key]
        if values[0] is None:
            continue
        query = select(model).where(model.deleted.is_(False))
        for name, value in zip(key, values, strict=True):
            column = getattr(model, name)
            query = query.where(column.is_(None) if value is None else column == value)
        return session.execute(query).scalars().first()
    return None


def _registry_row(session: Session, ctx: Context, kind: str, values: dict[str, Any]) -> str:
    """Create or update one register row from converted ``values``; returns the row status."""
    data: dict[str, Any] = {}
    problems: list[tuple[str | None, str]] = []
    for spec in registries.FIELDS[kind]:
        if spec.kind == "ref" and spec.ref == "employers":
            try:
                employer = _employer_for(session, values, spec.required)
            except _RowErrors as exc:
                problems += exc.problems
                continue
            data[spec.name] = employer.id if employer else None
        elif ref_by_name(spec):
            key = ref_column(spec)
            name = values.get(key)
            target = registries.KINDS[spec.ref or ""]
            found = session.execute(select(target.id).where(
                target.deleted.is_(False), target.__table__.c["name"] == name).limit(2)).scalars().all() if name else []
            label = ledgers.spec(spec.ref or "").label
            if name and not found:
                problems.append((key, _("{what}“{name}”不在名册中，请先登记").format(what=label, name=name)))
            elif len(found) > 1:
                problems.append((key, _("名册中有多个{what}叫“{name}”，请在系统中逐条录入").format(
                    what=label, name=name)))
            data[spec.name] = found[0] if len(found) == 1 else None
        else:
            data[spec.name] = values.get(spec.name)
    if problems:
        raise _RowErrors(problems)
    existing = _existing_record(session, kind, data)
    _blank_counts(kind, data, creating=existing is None)
    before = _snapshot(existing, kind) if existing is not None else None
    try:
        row = registries.save_in(session, kind, data, existing.id if existing is not None else None, today=ctx.today)
        layoff_changed = _layoff(session, ctx, row, values) if kind == "key_enterprises" else False
    except HexieError as exc:
        raise _RowErrors([(_FIELD_TO_COLUMN.get(f or "", f), m) for f, m in _field_errors(exc, None)]) from None
    if existing is None:
        return "created"
    return "updated" if layoff_changed or _snapshot(row, kind) != before else "unchanged"


def _blank_counts(kind: str, data: dict[str, Any], *, creating: bool) -> None:
    """Empty whole-number cells: 0 for a new row where the column may not be NULL; left as they are on update."""
    table = registries.KINDS[kind].__table__
    for spec in registries.FIELDS[kind]:
        if spec.kind == "int" and data.get(spec.name) is None and not spec.required:
            if creating and not table.c[spec.name].nullable:
                data[spec.name] = 0
            elif not creating:
                data.pop(spec.name, None)


def _layoff(session: Session, ctx: Context, enterprise: KeyEnterprise, values: dict[str, Any]) -> bool:
    """Create or update the layoff block of a key enterprise; True when it changed."""
    keys = [spec.name for spec in registries.FIELDS["layoffs"] if spec.kind != "ref"]
    given = {k: values.get(f"layoff_{k}") for k in keys}
    if all(v is None for v in given.values()):
        return False
    existing = session.execute(select(LayoffPlan).where(
        LayoffPlan.deleted.is_(False), LayoffPlan.key_enterprise_id == enterprise.id)).scalars().first()
    before = _snapshot(existing, "layoffs") if existing is not None else None
    data: dict[str, Any] = dict(given)
    data["key_enterprise_id"] = enterprise.id
    _blank_counts("layoffs", data, creating=existing is None)
    try:
        plan = registries.save_in(session, "layoffs", data, existing.id if existing is not None else None,
                                  today=ctx.today)
    except HexieError as exc:
        raise _RowErrors([(f"layoff_{f}" if f and f != "key_enterprise_id" else None, m)
                          for f, m in _field_errors(exc, None)]) from None
    return before is None or _snapshot(plan, "layoffs") != before


# ---------------------------------------------------------------- historical cases

_CASE_PATHS = {
    "received_on": "received_on", "source": "source", "applicants": "applicant_name",
    "applicants[0].name": "applicant_name", "applicants[0].id_number": "applicant_id",
    "applicants[0].phone": "applicant_phone", "applicants[0].address": "applicant_address",
    "respondent": "respondent_name", "respondent.name": "respondent_name",
    "respondent.credit_code": "respondent_credit_code", "respondent.employer_type": "respondent_type",
    "respondent.industry": "respondent_industry", "claims": "category", "claims[0].category": "category",
    "claims[0].amount": "claimed", "claims[0].description": "category", "facts": "facts",
    "infringement_known_on": "received_on",
}
_ACTION_FIELDS = {
    "accept": {"on": "accepted_on", "mediator": "mediator"},
    "record-session": {"held_on": "decided_on"},
    "agree": {"items": "agreed"},
    "fail": {"on": "decided_on"},
    "withdraw": {"on": "decided_on"},
    "reject": {"on": "decided_on"},
    "perform-item": {"amount": "paid", "on": "closed_on", "item": "paid"},
    "default": {"on": "closed_on"},
    "close": {"on": "closed_on"},
}
HISTORY_NOTE = _("历史数据导入")


def _act(session: Session, ctx: Context, case: Case, action: str, data: dict) -> None:
    """Apply one workflow action inside the import's transaction (the same code as ``case_actions.apply``)."""
    case_actions.apply_in(session, ctx, case, action, data, history=True)


def _act_mapped(session: Session, ctx: Context, case: Case, action: str, data: dict) -> None:
    try:
        _act(session, ctx, case, action, data)
    except HexieError as exc:
        fields_map = _ACTION_FIELDS.get(action, {})
        problems: list[tuple[str | None, str]] = []
        for f, message in _field_errors(exc, None):
            base = re.sub(r"\[\d+\].*$", "", f or "")
            column = fields_map.get(f or "") or fields_map.get(base) or (
                "decided_on" if (f or "").endswith("_signed_on") or f == "seal_applied_on" else "outcome")
            problems.append((column, message))
        raise _RowErrors(problems) from None


def _case_key(session: Session, received: date, id_number: str, credit_code: str | None, name: str) -> str | None:
    """The number of a case with the same natural key, if one is registered."""
    query = (select(Case.number).join(Party, Party.case_id == Case.id).join(Employer, Employer.id == Case.respondent_id)
             .where(Case.deleted.is_(False), Case.received_on == received, Party.position == 0,
                    Party.deleted.is_(False), Party.id_number == id_number))
    query = query.where(Employer.credit_code == credit_code) if credit_code else query.where(Employer.name == name)
    return session.execute(query.limit(1)).scalar_one_or_none()


def _yuan(cents: int | None) -> str | None:
    return None if cents is None else money.cents_to_str(cents)


def _case_row(session: Session, ctx: Context, values: dict[str, Any], seen: dict[tuple, int], row_no: int) -> str:
    """Register one historical case and replay its recorded outcome; returns the row status."""
    payload: dict[str, Any] = {
        "received_on": values["received_on"].isoformat() if values.get("received_on") else None,
        "source": values.get("source") or "application",
        "applicants": [{"name": values.get("applicant_name"), "id_number": values.get("applicant_id"),
                        "phone": values.get("applicant_phone"), "address": values.get("applicant_address")}],
        "respondent": {"name": values.get("respondent_name"), "credit_code": values.get("respondent_credit_code"),
                       "employer_type": values.get("respondent_type"), "industry": values.get("respondent_industry")},
        "claims": [{"category": values.get("category"), "amount": _yuan(values.get("claimed"))}],
        "facts": values.get("facts") or "",
    }
    problems: list[tuple[str | None, str]] = []
    draft = None
    try:
        draft = intake.parse_case(payload, today=ctx.today, path="case")
    except ValidationErrors as exc:
        for error in exc.errors:
            path = (error.field or "").removeprefix("case.")
            problems.append((_CASE_PATHS.get(path, "applicant_name"), error.message))
    workers = values.get("workers")
    workers = 1 if workers is None else workers
    if not 1 <= workers <= 100000:
        problems.append(("workers", _("应在1到100000之间")))
    outcome = values.get("outcome")
    decided, closed, accepted = values.get("decided_on"), values.get("closed_on"), values.get("accepted_on")
    agreed, paid = values.get("agreed") or 0, values.get("paid")
    if outcome and decided is None:
        problems.append(("decided_on", _("填写处理结果时须填写处理日期")))
    if decided is not None and not outcome:
        problems.append(("outcome", _("填写处理日期时须填写处理结果")))
    if closed is not None and not outcome:
        problems.append(("outcome", _("已结案的案件须填写处理结果")))
    if closed is not None and decided is not None and closed < decided:
        problems.append(("closed_on", _("结案日期早于处理日期")))
    if outcome != "agreed" and (values.get("agreed") or paid):
        problems.append(("agreed", _("只有调解成功的案件才有协议金额和履行金额")))
    if outcome == "agreed" and paid is not None and paid > agreed:
        problems.append(("paid", _("已履行金额大于协议金额")))
    if outcome == "agreed" and agreed and closed is not None and paid is None:
        problems.append(("paid", _("已结案的调解成功案件须填写已履行金额（未履行填0）")))
    if accepted is not None and outcome in ("rejected",):
        problems.append(("accepted_on", _("不予受理的案件不应有受理日期")))
    if problems:
        raise _RowErrors(problems)
    assert draft is not None
    applicant = draft.applicants[0]
    key = (draft.received_on, applicant.id_number, draft.respondent.credit_code or draft.respondent.name)
    if key in seen:
        raise _Duplicate(_("与第{n}行是同一案件").format(n=seen[key]))
    seen[key] = row_no
    existing = _case_key(session, draft.received_on, applicant.id_number or "", draft.respondent.credit_code,
                         draft.respondent.name)
    if existing is not None:
        raise _Duplicate(_("已登记为{number}").format(number=existing))
    case = add_case(session, draft, ctx.actor.display_name)
    # An outcome without its date was refused above; were it not, the action would refuse the empty date.
    decided_on = decided.isoformat() if decided is not None else None
    if workers != case.workers:
        case.workers = workers
        case.collective = workflow.is_collective(workers)
    original = values.get("facts")
    if not original:
        case.facts = HISTORY_NOTE
    if outcome in ("agreed", "failed") or (accepted is not None and outcome != "rejected"):
        _act_mapped(session, ctx, case, "accept", {"on": (accepted or draft.received_on).isoformat(),
                                                   "mediator": values.get("mediator"), "note": HISTORY_NOTE})
    elif values.get("mediator"):
        raise _RowErrors([("mediator", _("只有已受理的案件才有调解员"))])
    if outcome in ("agreed", "failed"):
        _act_mapped(session, ctx, case, "record-session", {"held_on": decided_on, "result": HISTORY_NOTE})
    if outcome == "agreed":
        day = decided_on
        items = [{"obligation": _("按调解协议履行（历史数据导入）"), "amount": _yuan(agreed), "due_on": day,
                  "category": draft.main_category}] if agreed else []
        _act_mapped(session, ctx, case, "agree", {
            "items": items, "content": HISTORY_NOTE, "applicant_signed_on": day, "respondent_signed_on": day,
            "mediator_signed_on": day, "seal_applied_on": day})
        if agreed and paid:
            paid_on = closed.isoformat() if closed is not None else decided_on
            _act_mapped(session, ctx, case, "perform-item", {
                "item": 1, "amount": _yuan(paid), "on": paid_on, "note": HISTORY_NOTE})
        if closed is not None and case.state == "performing":
            _act_mapped(session, ctx, case, "default", {"on": closed.isoformat(), "note": HISTORY_NOTE})
    elif outcome == "failed":
        _act_mapped(session, ctx, case, "fail", {"on": decided_on, "reason": "other", "note": HISTORY_NOTE})
    elif outcome == "withdrawn":
        _act_mapped(session, ctx, case, "withdraw", {"on": decided_on, "note": HISTORY_NOTE})
    elif outcome == "rejected":
        _act_mapped(session, ctx, case, "reject", {"on": decided_on, "reason": "other",
                                                   "note": HISTORY_NOTE})
    if closed is not None:
        _act_mapped(session, ctx, case, "close", {"on": closed.isoformat(), "note": HISTORY_NOTE})
    session.flush()
    return "created"


class _Duplicate(Exception):
    """The row is a case already registered (or repeated in the file): skipped, not an error."""


# ---------------------------------------------------------------- the import


def _permission(kind: str) -> str:
    return {"cases": "case.register", "selections": "selection.nominate"}.get(kind, "registry.edit")


def _selection_row(session: Session, ctx: Context, values: dict[str, Any]) -> str:
    """Record one nomination (and an earlier decision when the row gives one); a nomination of the
    same record, kind and year already held is left as it is (importing a file twice adds nothing)."""
    from hexie_desktop.services import selection

    try:
        if selection.existing_in(session, values.get("kind"), values.get("subject"), values.get("year")):
            return "unchanged"
        row = selection.nominate_in(session, ctx, values.get("kind"), values.get("subject"), values.get("year"),
                                    values.get("reason"), nominated_on=values.get("nominated_on"))
        if values.get("decision"):
            ctx.require("selection.decide")
            selection.record_history_in(session, ctx, row, values["decision"] == "selected", values.get("decided_on"))
        elif values.get("decided_on"):
            raise UserError(_("填写了决定日期但没有填写决定"), field="decision")
    except HexieError as exc:
        raise _RowErrors(_field_errors(exc, "subject")) from None
    return "created"


def match_headers(kind: str, sheet: SheetData) -> tuple[dict[int, Column], list[str]]:
    """Map the sheet's column indexes to columns; unknown headers are returned to be reported."""
    by_header = {header_key(c.header): c for c in columns(kind)}
    mapping: dict[int, Column] = {}
    ignored = []
    for index, text in sheet.headers.items():
        column = by_header.get(header_key(text))
        if column is None:
            if header_key(text):
                ignored.append(str(text))
            continue
        if column in mapping.values():
            raise UserError(_("表头“{header}”出现了两次").format(header=column.header), field="file")
        mapping[index] = column
    missing = [c.header for c in by_header.values() if c.required and c not in mapping.values()]
    if missing:
        raise UserError(_("缺少必填列：{names}（请使用下载的模板）").format(names="、".join(missing)), field="file")
    return mapping, ignored


def import_rows(ctx: Context, kind: str, sheet: SheetData, *, valid_only: bool = False,
                source: str = "", progress: Callable[[int], None] | None = None) -> ImportResult:
    """Validate and write the rows of ``sheet`` as ``kind``; see the module docstring."""
    ctx.require(_permission(kind))
    mapping, ignored = match_headers(kind, sheet)
    result = ImportResult(kind, source, valid_only, ignored_headers=ignored)
    letters = {index: column_letter(index) for index in mapping}
    where = {c.key: index for index, c in mapping.items()}
    seen: dict[tuple, int] = {}
    try:
        with ctx.db.transaction() as session:
            for done, (row_no, cells) in enumerate(sheet.rows, start=1):
                raw = {column.key: (cells[index] if index < len(cells) else None)
                       for index, column in mapping.items()}
                values: dict[str, Any] = {}
                problems: list[tuple[str | None, str]] = []
                if all(value is None or (isinstance(value, str) and not value.strip()) for value in raw.values()):
                    continue
                for key, value in raw.items():
                    column = mapping[where[key]]
                    try:
                        values[key] = convert(column, value)
                    except UserError as exc:
                        problems.append((key, exc.message))
                        values[key] = None
                    else:
                        if column.required and values[key] is None:
                            problems.append((key, _("不能为空")))
                status, note = "invalid", ""
                flagged = {key for key, _m in problems}
                savepoint = session.begin_nested()
                try:
                    # Rows with unreadable cells still go through the rules (then roll back) so every
                    # problem of the row is reported at once.
                    if kind == "cases":
                        status = _case_row(session, ctx, values, {} if flagged else seen, row_no)
                    elif kind == "selections":
                        status = _selection_row(session, ctx, values)
                    else:
                        status = _registry_row(session, ctx, kind, values)
                    if flagged:
                        savepoint.rollback()
                    else:
                        savepoint.commit()
                except _RowErrors as exc:
                    savepoint.rollback()
                    problems += [(key, message) for key, message in exc.problems if key not in flagged]
                except _Duplicate as exc:
                    savepoint.rollback()
                    if not flagged:
                        status, note = "duplicate", str(exc)
                for problem_key, message in problems:
                    index = where.get(problem_key or "")
                    problem_column = mapping.get(index) if index is not None else None
                    result.problems.append(Problem(
                        row_no, letters.get(index, "") if index is not None else "",
                        problem_column.header if problem_column else "", _display(raw.get(problem_key or "")),
                        message))
                if problems:
                    status = "invalid"
                    note = "；".join(m for _k, m in problems)
                result.rows.append(RowOutcome(row_no, status, note))
                if progress is not None and done % 50 == 0:
                    progress(done)
            if result.invalid_rows and not valid_only:
                raise _Abort()
            written = result.count("created") + result.count("updated")
            ctx.audit(session, f"import.{kind}", entity=kind,
                      summary=_("{source}：共{n}行，新增{c}，更新{u}，跳过{d}，有误{bad}").format(
                          source=source or _("Excel"), n=len(result.rows), c=result.count("created"),
                          u=result.count("updated"), d=result.count("duplicate") + result.count("unchanged"),
                          bad=result.invalid_rows) + ("" if written else _("（无变更）")))
            result.committed = True
    except _Abort:
        result.committed = False
        result.rows = [r if r.status == "invalid" else RowOutcome(r.row, "valid", r.note) for r in result.rows]
    return result
