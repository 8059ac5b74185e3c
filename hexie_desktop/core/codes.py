"""Code tables with their Chinese labels.

Each table is an ordered mapping ``code -> label``.  Codes are stable English identifiers
stored in the database and used in JSON; labels are what people read.  Lookups of an
unknown code raise :class:`~hexie_desktop.core.errors.UserError` naming the table.

The district may add codes to some tables (:data:`EXTENSIBLE`, EXCHANGE.md "Reference data"):
the station hands the additions it holds to :func:`use_additions` when it opens and whenever
reference data arrives, and from then on they are part of the tables — offered in forms,
accepted by :func:`require`, labelled by :func:`label`, accepted in incoming packages.  The
built-in codes keep their labels; an addition never replaces one.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from hexie_desktop.core.errors import UserError
from hexie_desktop.core.i18n import _
from hexie_desktop.core.text import printable


def _table(*pairs: tuple[str, str]) -> Mapping[str, str]:
    return MappingProxyType(dict(pairs))


_BUILT_IN: dict[str, dict[str, str]] = {}
_LIVE: dict[str, dict[str, str]] = {}


def _extensible(name: str, *pairs: tuple[str, str]) -> Mapping[str, str]:
    """A table the district may add codes to, known in reference packages as ``name``."""
    _BUILT_IN[name] = dict(pairs)
    _LIVE[name] = dict(pairs)
    return MappingProxyType(_LIVE[name])  # a live view: additions show through it


CASE_STATES = _table(
    ("registered", _("已登记")),
    ("accepted", _("已受理")),
    ("rejected", _("不予受理")),
    ("mediating", _("调解中")),
    ("agreed", _("调解成功")),
    ("failed", _("调解不成")),
    ("withdrawn", _("已撤回")),
    ("performing", _("履行中")),
    ("performed", _("已履行")),
    ("defaulted", _("未履行")),
    ("closed", _("已结案")),
    ("archived", _("已归档")),
)

CASE_SOURCES = _extensible(
    "case_sources",
    ("application", _("书面申请")),
    ("oral", _("口头申请")),
    ("arbitration_entrusted", _("仲裁委委托")),
    ("court_entrusted", _("法院委派")),
    ("proactive", _("主动调解")),
)

APPLICANT_SIDES = _table(
    ("worker", _("劳动者申请")),
    ("employer", _("用人单位申请")),
)
"""Who applied for mediation (LDTJ art. 12: 当事人 — either side — may apply)."""

CLAIM_CATEGORIES = _extensible(
    "claim_categories",
    ("labor_relation", _("确认劳动关系")),
    ("wages", _("劳动报酬（含欠薪、加班费、最低工资）")),
    ("contract_termination", _("解除/终止劳动合同（经济补偿、赔偿金）")),
    ("double_wages", _("未签书面合同二倍工资")),
    ("social_insurance", _("社会保险")),
    ("work_injury", _("工伤待遇")),
    ("rest_leave", _("休息休假")),
    ("welfare_training_protection", _("福利、培训、劳动保护")),
    ("other", _("其他")),
)

CLAIM_CATEGORY_SHORT = _table(
    ("labor_relation", _("确认劳动关系")),
    ("wages", _("劳动报酬")),
    ("contract_termination", _("解除终止合同")),
    ("double_wages", _("二倍工资")),
    ("social_insurance", _("社会保险")),
    ("work_injury", _("工伤待遇")),
    ("rest_leave", _("休息休假")),
    ("welfare_training_protection", _("福利培训保护")),
    ("other", _("其他")),
)

# Items of these kinds may go to court for a 支付令 when unperformed (LDTJ art. 16).
PAYMENT_ORDER_CATEGORIES = frozenset({"wages", "work_injury", "contract_termination"})

REJECTION_REASONS = _table(
    ("not_labor_dispute", _("不属于劳动争议")),
    ("respondent_refuses", _("被申请人不同意调解")),
    ("in_arbitration_or_court", _("已进入仲裁或诉讼程序")),
    ("other", _("其他")),
)

FAILURE_REASONS = _table(
    ("refusal", _("一方或双方拒绝调解")),
    ("period_lapsed", _("调解期限届满未达成协议")),
    ("party_absent", _("当事人无正当理由未到场")),
    ("no_agreement", _("双方分歧较大，未能达成协议")),
    ("other", _("其他")),
)

CLOSING_REASONS = _table(
    ("performed", _("协议已履行")),
    ("defaulted", _("协议未履行，已告知仲裁或支付令途径")),
    ("agreed_no_items", _("调解成功，无需履行事项")),
    ("failed", _("调解不成")),
    ("withdrawn", _("申请人撤回")),
    ("rejected", _("不予受理")),
)

ID_TYPES = _table(
    ("resident_id", _("居民身份证")),
    ("hk_macao_tw", _("港澳台居民居住证/通行证")),
    ("passport", _("护照")),
    ("foreign_permanent", _("外国人永久居留身份证")),
    ("other", _("其他证件")),
)

SEXES = _table(("male", _("男")), ("female", _("女")))

ROLES = _table(
    ("admin", _("管理员")),
    ("head", _("负责人")),
    ("mediator", _("调解员")),
    ("clerk", _("窗口登记员")),
    ("district_admin", _("区级管理员")),
    ("district_viewer", _("区级查看")),
)

ORG_TYPES = _extensible(  # a township office registers its own kind first: it is the default in forms
    "org_types",
    ("township_center", _("乡镇（街道）调解组织/调解中心")),
    ("enterprise_committee", _("企业劳动争议调解委员会")),
    ("public_institution", _("事业单位调解组织")),
    ("peoples_mediation", _("基层人民调解组织")),
    ("industry", _("行业性调解组织")),
    ("regional", _("区域性调解组织")),
    ("chamber", _("商（协）会调解组织")),
    ("arbitration_center", _("仲裁院调解中心")),
    ("other_social", _("其他社会组织")),
    # The kinds seed 004 (打造金牌劳动人事争议调解组织的范围) names beyond the ones above.
    ("county_professional", _("县（市、区）专业劳动人事争议调解组织")),
    ("social_org_mediation", _("开展劳动人事争议调解工作的社会组织")),
    ("integrated", _("多元化解“一体化”劳动争议调解组织")),
    ("union_three_one", _("工会“三师一室”维权平台")),
    ("other_legal", _("法律政策规定的其他类型调解组织")),
)

COORDINATOR_TYPES = _table(
    ("enterprise", _("企业")),
    ("public_platform", _("基层公共平台")),
    ("social_org", _("社会组织")),
)

SKILL_LEVELS = _table(
    ("level4", _("四级/中级工")),
    ("level3", _("三级/高级工")),
    ("level2", _("二级/技师")),
    ("level1", _("一级/高级技师")),
    ("assistant", _("助理劳动关系协调师")),
    ("practitioner", _("劳动关系协调师")),
    ("senior", _("高级劳动关系协调师")),
    ("none", _("无")),
)

EMPLOYMENT_MODES = _table(("full_time", _("专职")), ("part_time", _("兼职")))

RECORD_STATUSES = _table(("active", _("在岗")), ("inactive", _("离岗")), ("suspended", _("暂停")))
# The same codes for organisations, which are not "at their post" but working or wound up.
ORG_STATUSES = _table(("active", _("正常运行")), ("inactive", _("已撤销")), ("suspended", _("暂停运行")))

EMPLOYER_TYPES = _extensible(
    "employer_types",
    ("state_owned", _("国有企业")),
    ("private", _("民营企业")),
    ("foreign", _("外商及港澳台投资企业")),
    ("individual", _("个体经济组织")),
    ("public_institution", _("事业单位")),
    ("social_org", _("社会组织")),
    ("other", _("其他")),
)

# GB/T 4754-2017 sections.
INDUSTRIES = _extensible(
    "industries",
    ("A", _("农、林、牧、渔业")),
    ("B", _("采矿业")),
    ("C", _("制造业")),
    ("D", _("电力、热力、燃气及水生产和供应业")),
    ("E", _("建筑业")),
    ("F", _("批发和零售业")),
    ("G", _("交通运输、仓储和邮政业")),
    ("H", _("住宿和餐饮业")),
    ("I", _("信息传输、软件和信息技术服务业")),
    ("J", _("金融业")),
    ("K", _("房地产业")),
    ("L", _("租赁和商务服务业")),
    ("M", _("科学研究和技术服务业")),
    ("N", _("水利、环境和公共设施管理业")),
    ("O", _("居民服务、修理和其他服务业")),
    ("P", _("教育")),
    ("Q", _("卫生和社会工作")),
    ("R", _("文化、体育和娱乐业")),
    ("S", _("公共管理、社会保障和社会组织")),
    ("T", _("国际组织")),
)

RISK_LEVELS = _table(("low", _("低")), ("medium", _("中")), ("high", _("高")))

SOCIAL_WORK_TYPES = _table(  # the public services seed 000 lists for social organizations
    ("consultation", _("法律政策咨询")),
    ("employment_service", _("劳动用工服务")),
    ("pay_guidance", _("薪酬分配指导")),
    ("mediation", _("劳动纠纷调解")),
    ("rights", _("维权投诉")),
    ("counselling", _("心理疏导")),
    ("publicity", _("普法宣传")),
    ("training", _("培训")),
    ("other", _("其他")),
)

EVALUATION_RESULTS = _table(("excellent", _("优秀")), ("good", _("良好")), ("qualified", _("合格")),
                            ("unqualified", _("不合格")))

VISIT_METHODS = _extensible(
    "visit_methods",
    ("on_site", _("上门走访")),
    ("phone", _("电话")),
    ("meeting", _("座谈会")),
    ("online", _("线上")),
)

PAYMENT_METHODS = _extensible(
    "payment_methods",
    ("bank_transfer", _("银行转账")),
    ("cash", _("现金")),
    ("wechat_alipay", _("微信/支付宝")),
    ("other", _("其他")),
)

CHECKLIST_GROUPS = _table(("six_norms", _("六规范")), ("five_on_wall", _("五上墙")))

DEFAULT_CHECKLIST = (
    ("six_norms", "name", _("名称规范")),
    ("six_norms", "signage", _("标识标牌规范")),
    ("six_norms", "premises", _("场所规范")),
    ("six_norms", "procedure", _("工作程序规范")),
    ("six_norms", "duties", _("工作职责规范")),
    ("six_norms", "conduct", _("调解员行为规范")),
    ("five_on_wall", "wall_members", _("组织及组成人员")),
    ("five_on_wall", "wall_duties", _("工作职责")),
    ("five_on_wall", "wall_procedure", _("工作程序")),
    ("five_on_wall", "wall_conduct", _("调解员行为规范")),
    ("five_on_wall", "wall_rules", _("工作制度")),
)

CHECKLIST_STATUSES = _table(
    ("unchecked", _("未检查")),
    ("met", _("达标")),
    ("not_met", _("未达标")),
)

DOCUMENT_TYPES = _extensible(
    "document_types",
    ("application", _("调解申请书")),
    ("oral_record", _("口头申请笔录")),
    ("registration", _("受理登记表")),
    ("notice", _("当事人权利义务告知书")),
    ("acceptance", _("受理通知书")),
    ("rejection", _("不予受理通知书")),
    ("mediation_notice", _("调解通知书")),
    ("record", _("调解笔录")),
    ("agreement", _("调解协议书")),
    ("termination", _("终止调解通知书")),
    ("service", _("送达回证")),
    ("default_notice", _("未履行告知书")),
    ("recommendation", _("调解建议书")),
    ("followup", _("回访记录")),
    ("cover", _("卷宗封面")),
    ("catalog", _("卷内目录")),
    ("major_report", _("重大集体劳动争议情况报告")),
    ("withdrawal", _("撤回调解申请书")),
    ("identity", _("当事人身份证明")),
    ("power_of_attorney", _("授权委托书")),
    ("investigation", _("调查笔录")),
    ("evidence", _("证据材料")),
    ("receipt", _("履行凭证（收条、汇款单等）")),
    ("confirmation", _("仲裁审查、司法确认有关材料")),
    ("other", _("其他材料")),
)

DELIVERY_METHODS = _table(
    ("direct", _("直接送达")),
    ("mail", _("邮寄送达")),
    ("left", _("留置送达")),
    ("electronic", _("电子送达")),
)

SATISFACTION_LEVELS = _table(
    ("very_satisfied", _("非常满意")),
    ("satisfied", _("满意")),
    ("neutral", _("一般")),
    ("dissatisfied", _("不满意")),
)


def label(table: Mapping[str, str], code: str | None) -> str:
    """Return the Chinese label of ``code`` in ``table`` (empty for ``None``)."""
    if code is None:
        return ""
    try:
        return table[code]
    except KeyError:
        return code


def require(table: Mapping[str, str], code: object, field: str) -> str:
    """Return ``code`` if it is in ``table``; otherwise raise a UserError naming ``field``."""
    if not isinstance(code, str) or code not in table:
        allowed = "、".join(table)
        raise UserError(_("未知的代码“{code}”，可用：{allowed}").format(code=printable(str(code)[:40]),
                                                                    allowed=allowed), field=field)
    return code


EXTENSIBLE: tuple[str, ...] = tuple(_LIVE)
"""The tables (by their exchange names) the district may add codes to."""


def use_additions(additions: Mapping[str, Mapping[str, str]]) -> None:
    """Make ``additions`` (table → code → label, as the district sent them) part of the tables.

    Replaces whatever additions were in use before (so the tables show exactly the built-in
    codes plus these); unknown tables are ignored and built-in codes keep their labels.
    """
    for name, live in _LIVE.items():
        live.clear()
        live.update(_BUILT_IN[name])
        for code, text in (additions.get(name) or {}).items():
            live.setdefault(code, text)


def additions_in_use() -> dict[str, dict[str, str]]:
    """The district's additions now in the tables: table → code → label."""
    out: dict[str, dict[str, str]] = {}
    for name, live in _LIVE.items():
        extra = {code: text for code, text in live.items() if code not in _BUILT_IN[name]}
        if extra:
            out[name] = extra
    return out
