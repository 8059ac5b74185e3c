"""Every register and ledger declared once (issue 11.3): one :class:`LedgerSpec` per kind.

A spec says what people see and type (label, fields with their kinds and choices), what the
search box looks at, how the Excel ledger groups its columns and what it is called, how an
import recognises a row already registered, which table holds the rows (and so what the
exchange sends) and which foreign key leads to the row's owner.  The registry service, the
register screens, the Excel ledgers, the import templates and the import, the exchange
ownership map and the command line all read :data:`LEDGERS`; adding a register is one spec
here, one model in ``storage/models.py`` and one migration.

Pure data: no Qt, no SQLAlchemy.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from hexie_desktop.core import codes, dates, fields, ids, money
from hexie_desktop.core.errors import UserError
from hexie_desktop.core.i18n import _
from hexie_desktop.core.legacy_text import ASSESSMENT_RESULTS

FIELD_KINDS = frozenset({"text", "longtext", "date", "int", "bool", "money", "choice", "id_number", "credit_code",
                         "phone", "division", "ref"})
"""The kinds a field may have (each has one parser in ``services.registries`` and one widget)."""


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


def check_value(spec: FieldSpec, raw: object, *, today: date) -> Any:
    """``raw`` checked by the rule of its field's kind, as forms, imports and the exchange check it.

    Returns the value to store (an ``id_number`` gives the parsed :class:`~hexie_desktop.core.ids`
    result with sex and birth date); raises UserError naming the field.  A field named ``year`` is a
    calendar year.  References are checked against the database by the registry service.
    """
    name = spec.name
    if spec.kind in ("text", "longtext"):
        return fields.text(raw, name, required=spec.required, max_len=spec.max_len)
    if spec.kind == "date":
        return fields.day(raw, name, required=spec.required)
    if spec.kind == "int" and name == "year":
        return fields.integer(raw, name, required=spec.required, minimum=dates.EARLIEST.year,
                              maximum=dates.LATEST.year)
    if spec.kind == "int":
        return fields.integer(raw, name, required=spec.required, minimum=0, maximum=10**7) or (
            None if raw in (None, "") and not spec.required else 0)
    if spec.kind == "bool":
        return fields.boolean(raw, name)
    if spec.kind == "money":
        return money.parse_amount(raw, field=name) if raw not in (None, "") else 0
    if spec.kind == "ref":
        raise AssertionError("references are checked against the database")
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
    raise AssertionError(spec.kind)


def _f(name: str, label: str, kind: str = "text", required: bool = False, choices: Mapping[str, str] | None = None,
       ref: str | None = None, max_len: int = 200) -> FieldSpec:
    return FieldSpec(name, label, kind, required, choices, ref, max_len)


@dataclass(frozen=True)
class LedgerSpec:
    """One register or ledger.

    ``search``: the fields the search box matches (a ``ref`` field matches when the referenced
    record matches *its* search, so a key enterprise is found by its employer's name or code).
    ``ledger_title``: the Excel ledger's title (``None``: no separate ledger).  ``import_keys``:
    how an import recognises a row already registered — alternatives tried in order, the first
    whose leading field is filled decides, its other fields compared exactly (empty = empty);
    ``None``: not importable.  ``import_rule``: the template's sentence about it.  ``groups``:
    header group of each ledger column.  ``owner``: the foreign key leading to the row's owner
    in the exchange (empty: each row is its own root).  ``parent``: the field naming the record a
    row belongs to, when the row is one of several records of another register.  ``one_of``:
    fields of which exactly one must be filled (a training belongs to a coordinator *or* a mediator).
    """

    kind: str
    label: str
    table: str
    fields: tuple[FieldSpec, ...]
    search: tuple[str, ...] = ()
    ledger_title: str | None = None
    import_keys: tuple[tuple[str, ...], ...] | None = None
    import_rule: str = ""
    groups: Mapping[str, str] = field(default_factory=dict)
    owner: tuple[str, ...] = ()
    parent: str | None = None
    person: bool = False
    one_of: tuple[str, ...] = ()

    def field(self, name: str) -> FieldSpec:
        """The field ``name`` (KeyError when the spec has none)."""
        for spec in self.fields:
            if spec.name == name:
                return spec
        raise KeyError(name)

    @property
    def names(self) -> tuple[str, ...]:
        """The field names in form order."""
        return tuple(f.name for f in self.fields)


def _groups(*pairs: tuple[tuple[str, ...], str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for keys, group in pairs:
        out.update(dict.fromkeys(keys, group))
    return out


CULTIVATION_RESULTS: Mapping[str, str] = {"pending": _("培育中"), "met": _("达标"), "not_met": _("未达标")}

_SPECS: tuple[LedgerSpec, ...] = (
    LedgerSpec(
        "coordinators", _("劳动关系协调员"), "coordinators", (
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
            _f("trainings", _("其他培训情况"), "longtext", max_len=5000),
            _f("enterprises_covered", _("服务企业数"), "int"),
            _f("honours", _("荣誉"), max_len=200),
            _f("status", _("状态"), "choice", True, codes.RECORD_STATUSES),
            _f("registered_on", _("登记日期"), "date"),
        ),
        search=("name", "certificate_no"),
        ledger_title=_("劳动关系协调员名册"),
        import_keys=(("id_number",),),
        import_rule=_("5. 按身份证号码识别同一协调员：已有的会按本表更新。"),
        groups=_groups(
            (("name", "sex", "birth_date", "id_number", "phone"), _("基本情况")),
            (("coordinator_type", "employer_name", "employer_credit_code", "division_code", "position",
              "employment_mode"), _("工作单位")),
            (("skill_level", "certificate_no", "certificate_issuer", "certificate_date"), _("职业技能")),
            (("years_in_work", "trainings", "enterprises_covered", "honours", "status", "registered_on"),
             _("工作情况")),
        ),
        person=True,
    ),
    LedgerSpec(
        "mediators", _("调解员"), "mediators", (
            _f("name", _("姓名"), required=True, max_len=50),
            _f("id_number", _("身份证号码"), "id_number"),
            _f("phone", _("联系电话"), "phone"),
            _f("org_id", _("所属调解组织"), "ref", ref="orgs"),
            _f("employment_mode", _("专兼职"), "choice", True, codes.EMPLOYMENT_MODES),
            _f("term_start", _("聘任起始"), "date"),
            _f("term_end", _("聘任截止"), "date"),
            _f("certificate_no", _("证书编号"), max_len=50),
            _f("trainings", _("其他培训情况"), "longtext", max_len=5000),
            _f("assessments", _("其他考核情况"), "longtext", max_len=5000),
            _f("status", _("状态"), "choice", True, codes.RECORD_STATUSES),
        ),
        search=("name", "certificate_no"),
        ledger_title=_("调解员名册"),
        import_keys=(("id_number",), ("name", "org_id")),
        import_rule=_("5. 按身份证号码（未填时按姓名和所属组织）识别同一调解员：已有的会按本表更新。"),
        groups=_groups(
            (("name", "sex", "birth_date", "id_number", "phone"), _("基本情况")),
            (("org_name", "employment_mode", "term_start", "term_end", "certificate_no"), _("聘任情况")),
            (("trainings", "assessments", "status"), _("培训考核")),
            (("cases_handled", "success_rate"), _("办案情况")),
        ),
        person=True,
    ),
    LedgerSpec(
        "orgs", _("调解组织"), "mediation_orgs", (
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
            _f("filing_on", _("备案日期"), "date"),
            _f("filing_no", _("备案编号"), max_len=50),
        ),
        search=("name", "code", "head", "filing_no"),
        ledger_title=_("劳动人事争议调解组织台账"),
        groups=_groups(
            (("name", "org_type", "code", "address", "division_code", "founded_on", "founding_document", "has_seal",
              "premises"), _("基本情况")),
            (("head", "phones", "staff_full_time", "staff_part_time", "enterprises_covered", "status"),
             _("人员与覆盖")),
            (("filing_on", "filing_no"), _("备案")),
        ),
    ),
    LedgerSpec(
        "social_orgs", _("社会组织"), "social_orgs", (
            _f("name", _("名称"), required=True),
            _f("credit_code", _("统一社会信用代码"), "credit_code"),
            _f("org_kind", _("类型"), max_len=50),
            _f("staff", _("工作人员数"), "int"),
            _f("services", _("服务内容"), "longtext", max_len=2000),
            _f("industry", _("行业"), "choice", False, codes.INDUSTRIES),
            _f("scale", _("规模"), max_len=50),
            _f("status", _("状态"), "choice", True, codes.ORG_STATUSES),
        ),
        search=("name", "credit_code"),
        ledger_title=_("协调劳动关系社会组织台账"),
        import_keys=(("credit_code",), ("name", "credit_code")),
        import_rule=_("5. 按统一社会信用代码（未填时按名称）识别：已有的会按本表更新。"),
        groups=_groups(
            (("name", "credit_code", "org_kind", "industry", "scale"), _("组织情况")),
            (("staff", "services", "status"), _("工作情况")),
        ),
    ),
    LedgerSpec(
        "employers", _("用人单位"), "employers", (
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
        ),
        search=("name", "credit_code"),
        ledger_title=_("用人单位名册"),
        import_keys=(("credit_code",), ("name", "credit_code")),
        import_rule=_("5. 按统一社会信用代码（未填时按单位名称）识别同一单位：已有的会按本表更新。"),
        groups=_groups(
            (("name", "credit_code", "legacy_reg_no", "address", "legal_representative", "phone"), _("单位情况")),
            (("employer_type", "industry", "employees", "division_code"), _("分类")),
        ),
    ),
    LedgerSpec(
        "key_enterprises", _("重点企业"), "key_enterprises", (
            _f("employer_id", _("企业"), "ref", True, ref="employers"),
            _f("industry", _("行业"), "choice", False, codes.INDUSTRIES),
            _f("employees_last_year_end", _("上年末职工数"), "int"),
            _f("employees_now", _("当前职工数"), "int"),
            _f("stable_job_policies", _("享受稳岗政策"), "longtext", max_len=2000),
            _f("risk_level", _("风险等级"), "choice", True, codes.RISK_LEVELS),
            _f("note", _("备注"), "longtext", max_len=2000),
        ),
        search=("employer_id",),
        ledger_title=_("重点企业用工指导服务台账"),
        import_keys=(("employer_id",),),
        import_rule=_("5. 按企业（统一社会信用代码或名称）识别：已有的台账会按本表更新；"
                      "填写裁员情况时须填计划裁减人数。"),
        groups=_groups(
            (("employer_name", "employer_credit_code", "industry"), _("企业")),
            (("employees_last_year_end", "employees_now", "employees_change"), _("用工情况")),
            (("stable_job_policies", "risk_level", "note"), _("政策与风险")),
            (("visit_count", "last_visit_on", "next_visit_on"), _("指导服务")),
        ),
    ),
    LedgerSpec(
        "visits", _("走访记录"), "enterprise_visits", (
            _f("key_enterprise_id", _("重点企业"), "ref", True, ref="key_enterprises"),
            _f("visited_on", _("走访日期"), "date", True),
            _f("method", _("方式"), "choice", True, codes.VISIT_METHODS),
            _f("content", _("指导内容"), "longtext", max_len=5000),
            _f("staff", _("走访人员"), max_len=100),
            _f("next_visit_on", _("下次走访日期"), "date"),
        ),
        search=("key_enterprise_id", "staff", "content"),
        owner=("key_enterprise_id",),
        parent="key_enterprise_id",
    ),
    LedgerSpec(
        "layoffs", _("裁员情况"), "layoff_plans", (
            _f("key_enterprise_id", _("重点企业"), "ref", True, ref="key_enterprises"),
            _f("planned", _("计划裁减人数"), "int", True),
            _f("actual", _("实际裁减人数"), "int"),
            _f("positions", _("涉及岗位"), "longtext", max_len=2000),
            _f("notice_on", _("提前30日说明情况日期"), "date"),
            _f("reported_on", _("向人社部门报告日期"), "date"),
            _f("wages_settled", _("依法结清劳动报酬情况"), "longtext", max_len=2000),
            _f("compensation_standard", _("经济补偿标准"), "longtext", max_len=2000),
            _f("ability_to_pay", _("支付能力评估"), "longtext", max_len=2000),
        ),
        search=("key_enterprise_id", "positions"),
        groups=dict.fromkeys(("planned", "actual", "positions", "threshold_met", "notice_on", "reported_on",
                              "wages_settled", "compensation_standard", "ability_to_pay"), _("裁员情况")),
        owner=("key_enterprise_id",),
        parent="key_enterprise_id",
    ),
    LedgerSpec(
        "new_enterprises", _("新注册企业"), "new_enterprises", (
            _f("employer_id", _("企业"), "ref", True, ref="employers"),
            _f("registered_on", _("注册日期"), "date"),
            _f("industry", _("行业"), "choice", False, codes.INDUSTRIES),
            _f("expected_headcount", _("预计用工人数"), "int"),
            _f("first_contact_on", _("首次联系日期"), "date"),
            _f("services", _("提供服务"), "longtext", max_len=2000),
            _f("follow_ups", _("跟踪服务"), "longtext", max_len=5000),
        ),
        search=("employer_id",),
        ledger_title=_("新注册企业用工服务台账"),
        import_keys=(("employer_id",),),
        import_rule=_("5. 按企业（统一社会信用代码或名称）识别：已有的台账会按本表更新。"),
        groups=_groups(
            (("employer_name", "employer_credit_code", "registered_on", "industry", "expected_headcount"),
             _("企业情况")),
            (("first_contact_on", "services", "follow_ups"), _("用工服务")),
        ),
    ),
    LedgerSpec(
        "cultivations", _("和谐企业培育"), "cultivations", (
            _f("employer_id", _("企业"), "ref", True, ref="employers"),
            _f("year", _("年度"), "int", True),
            _f("plan", _("培育计划"), "longtext", max_len=5000),
            _f("visits", _("走访指导"), "longtext", max_len=5000),
            _f("result", _("培育结果"), "choice", True, CULTIVATION_RESULTS),
        ),
        search=("employer_id",),
        ledger_title=_("和谐企业培育台账"),
        import_keys=(("employer_id", "year"),),
        import_rule=_("5. 按企业和年度识别：已有的会按本表更新。"),
        groups=_groups(
            (("employer_name", "employer_credit_code"), _("企业")),
            (("year", "plan", "visits", "result"), _("培育情况")),
        ),
    ),
    LedgerSpec(
        "instructors", _("集体协商指导员"), "negotiation_instructors", (
            _f("name", _("姓名"), required=True, max_len=50),
            _f("id_number", _("身份证号码"), "id_number"),
            _f("phone", _("联系电话"), "phone"),
            _f("unit", _("选聘单位"), max_len=200),
            _f("employment_mode", _("专兼职"), "choice", True, codes.EMPLOYMENT_MODES),
            _f("appointed_on", _("选聘日期"), "date"),
            _f("certificate_no", _("证书编号"), max_len=50),
            _f("division_code", _("服务区域（区划代码）"), "division"),
            _f("enterprises_guided", _("指导企业数"), "int"),
            _f("status", _("状态"), "choice", True, codes.RECORD_STATUSES),
        ),
        search=("name", "unit", "certificate_no"),
        ledger_title=_("集体协商指导员队伍台账"),
        import_keys=(("id_number",), ("name", "unit")),
        import_rule=_("5. 按身份证号码（未填时按姓名和选聘单位）识别同一指导员：已有的会按本表更新。"),
        groups=_groups(
            (("name", "sex", "birth_date", "id_number", "phone"), _("基本情况")),
            (("unit", "employment_mode", "appointed_on", "certificate_no"), _("选聘情况")),
            (("division_code", "enterprises_guided", "status"), _("工作情况")),
        ),
        person=True,
    ),
    LedgerSpec(
        "trainings", _("培训记录"), "person_trainings", (
            _f("coordinator_id", _("劳动关系协调员"), "ref", ref="coordinators"),
            _f("mediator_id", _("调解员"), "ref", ref="mediators"),
            _f("trained_on", _("培训日期"), "date", True),
            _f("hours", _("学时"), "int"),
            _f("subject", _("培训内容"), required=True, max_len=200),
            _f("provider", _("举办单位"), max_len=200),
            _f("note", _("备注"), "longtext", max_len=2000),
        ),
        search=("coordinator_id", "mediator_id", "subject", "provider"),
        ledger_title=_("劳动关系协调员、调解员培训台账"),
        import_keys=(("coordinator_id", "trained_on", "subject"), ("mediator_id", "trained_on", "subject")),
        import_rule=_("5. 劳动关系协调员和调解员填写其一（须为名册中已有的姓名）；按人员、培训日期和培训内容识别："
                      "已有的会按本表更新。"),
        groups=_groups(
            (("coordinator_name", "mediator_name"), _("人员")),
            (("trained_on", "hours", "subject", "provider", "note"), _("培训情况")),
        ),
        owner=("coordinator_id", "mediator_id"),
        one_of=("coordinator_id", "mediator_id"),
    ),
    LedgerSpec(
        "assessments", _("年度考核"), "person_assessments", (
            _f("coordinator_id", _("劳动关系协调员"), "ref", ref="coordinators"),
            _f("mediator_id", _("调解员"), "ref", ref="mediators"),
            _f("year", _("考核年度"), "int", True),
            _f("result", _("考核结果"), "choice", True, ASSESSMENT_RESULTS),
            _f("assessor", _("考核单位"), max_len=100),
            _f("note", _("备注"), "longtext", max_len=2000),
        ),
        search=("coordinator_id", "mediator_id", "assessor"),
        ledger_title=_("劳动关系协调员、调解员年度考核台账"),
        import_keys=(("coordinator_id", "year"), ("mediator_id", "year")),
        import_rule=_("5. 劳动关系协调员和调解员填写其一（须为名册中已有的姓名）；按人员和考核年度识别："
                      "已有的会按本表更新。"),
        groups=_groups(
            (("coordinator_name", "mediator_name"), _("人员")),
            (("year", "result", "assessor", "note"), _("考核情况")),
        ),
        owner=("coordinator_id", "mediator_id"),
        one_of=("coordinator_id", "mediator_id"),
    ),
    LedgerSpec(
        "coverage", _("协调员服务企业"), "coordinator_enterprises", (
            _f("coordinator_id", _("劳动关系协调员"), "ref", True, ref="coordinators"),
            _f("employer_id", _("服务企业"), "ref", True, ref="employers"),
            _f("served_from", _("服务起始"), "date"),
            _f("served_to", _("服务截止"), "date"),
            _f("note", _("备注"), "longtext", max_len=2000),
        ),
        search=("coordinator_id", "employer_id"),
        ledger_title=_("劳动关系协调员服务企业台账"),
        import_keys=(("coordinator_id", "employer_id"),),
        import_rule=_("5. 按协调员（须为名册中已有的姓名）和企业识别：已有的会按本表更新；企业不在名册中时自动登记。"),
        groups=_groups(
            (("coordinator_name",), _("协调员")),
            (("employer_name", "employer_credit_code"), _("服务企业")),
            (("served_from", "served_to", "note"), _("服务期间")),
        ),
        owner=("coordinator_id",),
        parent="coordinator_id",
    ),
    LedgerSpec(
        "supervisions", _("调解组织督导"), "org_supervisions", (
            _f("org_id", _("调解组织"), "ref", True, ref="orgs"),
            _f("visited_on", _("督导日期"), "date", True),
            _f("inspector", _("督导人员"), max_len=100),
            _f("findings", _("发现的问题"), "longtext", max_len=5000),
            _f("rectification", _("整改要求和措施"), "longtext", max_len=5000),
            _f("rectified_on", _("整改完成日期"), "date"),
        ),
        search=("org_id", "inspector", "findings"),
        ledger_title=_("调解组织督导检查台账"),
        import_keys=(("org_id", "visited_on"),),
        import_rule=_("5. 调解组织须为名册中已有的名称；按组织和督导日期识别：已有的会按本表更新。"),
        groups=_groups(
            (("org_name", "visited_on", "inspector"), _("督导")),
            (("findings", "rectification", "rectified_on"), _("问题与整改")),
        ),
        owner=("org_id",),
        parent="org_id",
    ),
    LedgerSpec(
        "social_works", _("社会组织工作记录"), "social_org_works", (
            _f("social_org_id", _("社会组织"), "ref", True, ref="social_orgs"),
            _f("worked_on", _("日期"), "date", True),
            _f("work_type", _("服务类型"), "choice", True, codes.SOCIAL_WORK_TYPES),
            _f("enterprises_served", _("服务企业数"), "int"),
            _f("workers_served", _("服务职工人数"), "int"),
            _f("content", _("工作内容"), "longtext", max_len=5000),
        ),
        search=("social_org_id", "content"),
        ledger_title=_("协调劳动关系社会组织工作记录台账"),
        import_keys=(("social_org_id", "worked_on", "work_type"),),
        import_rule=_("5. 社会组织须为名册中已有的名称；按组织、日期和服务类型识别：已有的会按本表更新。"),
        groups=_groups(
            (("social_org_name", "worked_on", "work_type"), _("工作")),
            (("enterprises_served", "workers_served", "content"), _("服务情况")),
        ),
        owner=("social_org_id",),
        parent="social_org_id",
    ),
    LedgerSpec(
        "social_evaluations", _("社会组织评估"), "social_org_evaluations", (
            _f("social_org_id", _("社会组织"), "ref", True, ref="social_orgs"),
            _f("year", _("评估年度"), "int", True),
            _f("result", _("评估结果"), "choice", True, codes.EVALUATION_RESULTS),
            _f("evaluator", _("评估单位"), max_len=100),
            _f("note", _("评估意见"), "longtext", max_len=2000),
        ),
        search=("social_org_id", "evaluator"),
        ledger_title=_("协调劳动关系社会组织评估台账"),
        import_keys=(("social_org_id", "year"),),
        import_rule=_("5. 社会组织须为名册中已有的名称；按组织和评估年度识别：已有的会按本表更新。"),
        groups=_groups((("social_org_name", "year", "result", "evaluator", "note"), _("评估")),),
        owner=("social_org_id",),
        parent="social_org_id",
    ),
)

LEDGERS: Mapping[str, LedgerSpec] = {spec.kind: spec for spec in _SPECS}
"""Every register by its kind (the CLI name), in the order the register screen lists them."""


def spec(kind: str) -> LedgerSpec:
    """The spec of ``kind`` (KeyError for an unknown kind; services turn it into a UserError)."""
    return LEDGERS[kind]


def ledger_kinds() -> tuple[str, ...]:
    """Kinds with an Excel ledger of their own, in register order."""
    return tuple(k for k, s in LEDGERS.items() if s.ledger_title)


def import_kinds() -> tuple[str, ...]:
    """Kinds that can be imported from Excel, in register order."""
    return tuple(k for k, s in LEDGERS.items() if s.import_keys is not None)


def problems() -> list[str]:
    """What is inconsistent in the declarations (empty when every spec is sound; run by a test)."""
    found: list[str] = []
    tables = [s.table for s in LEDGERS.values()]
    for kind, ledger in LEDGERS.items():
        if tables.count(ledger.table) > 1:
            found.append(f"{kind}: table {ledger.table} declared twice")
        names = ledger.names
        for f in ledger.fields:
            if f.kind not in FIELD_KINDS:
                found.append(f"{kind}.{f.name}: unknown kind {f.kind}")
            if f.kind == "choice" and not f.choices:
                found.append(f"{kind}.{f.name}: choice without choices")
            if f.kind == "ref" and f.ref not in LEDGERS:
                found.append(f"{kind}.{f.name}: reference to unknown register {f.ref}")
        for name in ledger.search:
            if name not in names:
                found.append(f"{kind}: search field {name} is not a field")
        if not ledger.search:
            found.append(f"{kind}: nothing to search")
        for key in ledger.import_keys or ():
            for name in key:
                if name not in names:
                    found.append(f"{kind}: import key field {name} is not a field")
        if ledger.import_keys is not None and not ledger.import_rule:
            found.append(f"{kind}: importable without a template rule")
        for name in (*ledger.owner, *((ledger.parent,) if ledger.parent else ())):
            if name not in names or ledger.field(name).kind != "ref":
                found.append(f"{kind}: owner/parent {name} is not a reference field")
        for name in ledger.one_of:
            if name not in names or ledger.field(name).required:
                found.append(f"{kind}: one_of field {name} is not an optional field")
        if len(set(names)) != len(names):
            found.append(f"{kind}: a field is declared twice")
    return found
