"""选树 (selection of exemplars): the kinds, their criteria quoted from the policy seeds, and the
steps a nomination goes through.  Pure rules: no storage, no Qt.

Kinds and what each nominates (one register record, or a case):

* 金牌劳动关系协调员 — a coordinator (seed 000 三(一)2(4) "选树金牌劳动关系协调员"; seed 004 2(2)三);
* 金牌协调劳动关系社会组织 — a social organization (seed 000 三(二); seed 004 1);
* 金牌劳动人事争议调解组织 / 示范调解组织 — a mediation organization (seed 000 三(三); seed 004 3;
  seed 002 "命名一批“金牌调解组织”");
* 优秀调解员 — a mediator (seed 002 "命名一批 … “金牌调解员”"; seed 004 3(3)二 调解员队伍);
* 十佳调解案例 — a case mediated to agreement (seed 002 "评选“劳动纠纷十佳调解案例”").

Steps: 提名 (nominated) → each criterion checked with a note → 审核 (reviewed, once every
criterion is checked) → 决定 (selected or not selected, with date and decider).  A nomination
may be withdrawn before the decision.  One record is nominated at most once per kind and year.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from hexie_desktop.core.errors import UserError
from hexie_desktop.core.i18n import _


@dataclass(frozen=True)
class Criterion:
    """One criterion: a code, the text quoted from the seed, and where it is quoted from."""

    code: str
    text: str
    source: str


@dataclass(frozen=True)
class Kind:
    """One 选树 workflow: label, the register it nominates from, its criteria, and a yearly cap."""

    code: str
    label: str
    subject: str
    criteria: tuple[Criterion, ...]
    yearly_cap: int | None = None


SOURCES: Mapping[str, str] = MappingProxyType({
    "000": _("达川府办〔2021〕17号"),       # 达川区“和谐同行”三年行动计划实施方案
    "002": _("四川省人社厅劳动关系处供稿"),
    "004": _("赣市人社发〔2020〕19号"),     # 赣州市“和谐同行”三年行动计划实施方案
})
"""The policy documents the criteria quote (the seeds of /work/shared/seeds by their number)."""


def _src(seed: str, where: str) -> str:
    return f"{SOURCES[seed]} {where}".strip()


_C = Criterion
_MEDIATION_ORG = (
    _C("foundation", _("“工作基础好、制度机制全、办案能力强、服务水平高”"), _src("000", "三(三)1")),
    _C("six_five", _("“统一规范名称，悬挂调解标识，做到“六规范、五上墙””"), _src("004", "三(一)3(3)一")),
    _C("rules", _("“制定告知引导、调解登记、调解处理、督促履行、回访反馈、档案管理、统计报告、工作考评、调解员管理、"
                  "业务学习等工作制度，建立重大集体劳动人事争议应急调处等机制”"), _src("004", "三(一)3(3)一")),
    _C("premises", _("“设置专门的接待场所和调解室，配备电脑、打印机、复印机等必要的办案办公设施设备”"),
       _src("004", "三(一)3(3)一")),
    _C("staff", _("“配备专职调解员或有比较稳定的兼职调解员队伍”"), _src("004", "三(一)3(3)二")),
    _C("success_rate", _("“调解组织的年度劳动人事争议调解成功率达到65%以上”"), _src("004", "三(一)3(3)三")),
    _C("online", _("“推广使用“互联网+调解”的工作模式，开展调解协议的仲裁审查确认 … 委托调解等工作”"),
       _src("004", "三(一)3(3)三")),
)

KINDS: Mapping[str, Kind] = MappingProxyType({k.code: k for k in (
    Kind("gold_coordinator", _("金牌劳动关系协调员"), "coordinators", (
        _C("pool", _("“从劳动关系协调员、集体协商专职指导员、社会化工会工作者中选树”"), _src("000", "三(一)2(4)")),
        _C("role", _("“发挥劳动关系协调员在劳动关系政策服务、监测预警、矛盾化解等工作中的重要作用”"),
           _src("000", "三(一)1")),
        _C("skills", _("“参加劳动关系协调员（师）职业技能培训和等级认定”"), _src("004", "三(一)2(2)三")),
        _C("duties", _("“明确劳动关系协调员工作职责、覆盖企业范围和工作绩效指标”"), _src("000", "三(一)2(3)")),
        _C("deeds", _("“金牌劳动关系协调员的先进事迹和经验”可供宣传推广"), _src("000", "三(一)2(4)")),
    )),
    Kind("gold_social_org", _("金牌协调劳动关系社会组织"), "social_orgs", (
        _C("services", _("“为中小企业和劳动者提供劳动关系公共服务”"), _src("000", "三(二)1")),
        _C("basics", _("“提供劳动关系公共服务的基本设施、人员配备、工作项目等”明确"), _src("000", "三(二)2(1)")),
        _C("content", _("“劳动法律法规政策咨询、劳动用工服务、薪酬分配指导、劳动纠纷调解、"
                        "维权投诉、心理疏导等劳动关系公共服务”"),
           _src("000", "三(二)2(2)")),
        _C("lawful", _("“依法开展经营活动，实现自我约束、自我管理和健康发展”"), _src("004", "三(一)1(2)一")),
        _C("satisfaction", _("“通过开展满意度调查等多种方式，监督和规范社会组织行为”"), _src("004", "三(一)1(2)三")),
    )),
    Kind("gold_mediation_org", _("金牌劳动人事争议调解组织"), "orgs", _MEDIATION_ORG),
    Kind("model_mediation_org", _("示范调解组织"), "orgs", _MEDIATION_ORG),
    Kind("excellent_mediator", _("优秀调解员"), "mediators", (
        _C("training", _("“加大调解员的培训力度 … 切实提高劳动人事争议调解员专业能力素质”"),
           _src("004", "三(一)3(3)二")),
        _C("procedure", _("“规范接待、咨询、受理、调解等各个工作环节，使用规范业务术语和统一调解文书”"),
           _src("004", "三(一)3(3)三")),
        _C("success", _("“提高调解成功率，努力将劳动纠纷化解在前端、消弥在萌芽”"), _src("002", "成都市")),
        _C("exemplary", _("“发挥先进典型示范引领作用”"), _src("002", "成都市")),
    )),
    Kind("top_case", _("十佳调解案例"), "cases", (
        _C("resolved", _("“将劳动纠纷化解在前端、消弥在萌芽”：调解达成协议"), _src("002", "成都市")),
        _C("documents", _("“使用规范业务术语和统一调解文书”"), _src("004", "三(一)3(3)三")),
        _C("performance", _("“督促履行、回访反馈”落实"), _src("004", "三(一)3(3)一")),
        _C("replicable", _("“可复制、可借鉴的经验做法”"), _src("000", "三(五)3(3)")),
    ), yearly_cap=10),
)})
"""Every 选树 kind by code."""

SUBJECTS: Mapping[str, str] = MappingProxyType({
    "coordinators": _("劳动关系协调员"), "social_orgs": _("社会组织"), "orgs": _("调解组织"),
    "mediators": _("调解员"), "cases": _("案件"),
})
"""The register (or the case list) a kind nominates from."""

STATUSES: Mapping[str, str] = MappingProxyType({
    "nominated": _("已提名"), "reviewed": _("已审核"), "selected": _("已选树"), "not_selected": _("未选树"),
    "withdrawn": _("已撤回"),
})
OPEN_STATUSES = frozenset({"nominated", "reviewed"})
RESULTS: Mapping[str, str] = MappingProxyType({"unchecked": _("未核查"), "met": _("符合"), "not_met": _("不符合")})
YEARS = (2000, 2100)


def kind(code: object) -> Kind:
    """The kind ``code`` or a clear error."""
    if not isinstance(code, str) or code not in KINDS:
        raise UserError(_("未知的选树类型：{c}，可用：{all}").format(c=str(code)[:40], all="、".join(KINDS)),
                        field="kind")
    return KINDS[code]


def check_year(value: object) -> int:
    """A year between 2000 and 2100."""
    text = str(value).strip() if isinstance(value, (int, str)) and not isinstance(value, bool) else ""
    if not text.isdigit() or not YEARS[0] <= int(text) <= YEARS[1]:
        raise UserError(_("年度应为{a}到{b}之间的年份").format(a=YEARS[0], b=YEARS[1]), field="year")
    return int(text)


def can_check(status: str) -> None:
    """Criteria are checked only while the nomination is open (before the decision)."""
    if status not in OPEN_STATUSES:
        raise UserError(_("本提名已{s}，不能再核查条件").format(s=STATUSES[status]), field="status")


def can_review(status: str, results: Mapping[str, str]) -> None:
    """Review needs an open nomination with every criterion checked (符合 or 不符合)."""
    if status != "nominated":
        raise UserError(_("只有“已提名”的可以审核（当前：{s}）").format(s=STATUSES[status]), field="status")
    missing = [code for code, result in results.items() if result == "unchecked"]
    if missing:
        raise UserError(_("还有{n}项条件未核查，不能审核").format(n=len(missing)), field="criteria")


def can_decide(status: str, selected: bool, results: Mapping[str, str], *, kind_: Kind,
               selected_this_year: int) -> None:
    """The decision comes after the review; 选树 needs every criterion met and room under the yearly cap."""
    if status == "nominated":
        raise UserError(_("尚未审核，不能作出决定"), field="status")
    if status != "reviewed":
        raise UserError(_("本提名已{s}，不能再作决定").format(s=STATUSES[status]), field="status")
    if selected:
        unmet = [code for code, result in results.items() if result != "met"]
        if unmet:
            raise UserError(_("有{n}项条件不符合，不能选树").format(n=len(unmet)), field="criteria")
        if kind_.yearly_cap is not None and selected_this_year >= kind_.yearly_cap:
            raise UserError(_("{k}每年最多选树{n}个，本年度已满").format(k=kind_.label, n=kind_.yearly_cap),
                            field="decision")


def can_withdraw(status: str) -> None:
    """Only an open nomination can be withdrawn."""
    if status not in OPEN_STATUSES:
        raise UserError(_("本提名已{s}，不能撤回").format(s=STATUSES[status]), field="status")


def badge(statuses: list[tuple[int, str, str]]) -> str:
    """The short mark a register shows for a record's selections: ``2026金牌劳动关系协调员`` for the
    latest selected, else ``2026已提名…`` for an open nomination, else empty.  ``statuses`` are
    (year, kind, status) tuples."""
    chosen = sorted((s for s in statuses if s[2] == "selected"), reverse=True)
    if chosen:
        year, code, _status = chosen[0]
        return f"{year}{KINDS[code].label}"
    pending = sorted((s for s in statuses if s[2] in OPEN_STATUSES), reverse=True)
    if pending:
        year, code, status = pending[0]
        return _("{y}{k}（{s}）").format(y=year, k=KINDS[code].label, s=STATUSES[status])
    return ""
