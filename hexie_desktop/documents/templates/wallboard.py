"""五上墙 wall boards: organization and members, duties, procedure flowchart, mediator code of
conduct, work rules — one poster page each, from the organization's own data.

人社厅发〔2014〕30号 asks for boards of at least A2, so A2 is the default page size (A3 can be
chosen for a smaller office).  Empty lists fall back to the default texts below, drawn
from that notice and the work systems of REFERENCE §3.11; each district may replace them.
"""

from __future__ import annotations

from hexie_desktop.core.i18n import _
from hexie_desktop.documents import formatting as fmt
from hexie_desktop.documents.model import Block, Document, Fields, Flowchart, PageBreak, Paragraph, Table, Title
from hexie_desktop.documents.projection import project
from hexie_desktop.documents.templates import common

DEFAULT_PAGE_SIZE = "A2"

SHAPE = {
    "name": True, "type_label": True, "address": True, "head": True, "phones": True,
    "members": [{"name": True, "role": True}],
    "duties": True, "procedure": True, "conduct": True, "rules": True,
    "periods": common.PERIODS,
}

DEFAULT_DUTIES = (
    _("宣传劳动保障法律、法规和政策，引导用人单位依法用工、劳动者依法理性维权。"),
    _("受理并调解辖区内的劳动人事争议，督促当事人履行调解协议。"),
    _("排查劳动关系矛盾隐患，及时预防和化解劳动人事争议；对重大、集体劳动人事争议及时报告。"),
    _("指导辖区内企业劳动争议调解委员会和其他调解组织开展调解工作。"),
    _("建立健全调解工作制度，做好调解登记、记录、档案管理和统计报告工作。"),
    _("协助劳动人事争议仲裁委员会做好委托调解、送达等工作。"),
    _("完成上级部门交办的其他劳动人事争议调解工作。"),
)

def default_procedure(data: dict) -> tuple[str, ...]:
    """The procedure steps, with the configured acceptance and mediation periods."""
    return (
        _("申请：当事人书面申请，或口头申请由调解组织当场记录"),
        _("受理：{n}个工作日内审查，决定受理或书面通知不予受理").format(
            n=common.period_length(data, "acceptance_working_days")),
        _("告知权利义务，指派调解员，询问是否申请回避"),
        _("调查核实：听取双方陈述，查明事实、分清是非"),
        _("调解：自收到申请之日起{n}日内进行调解").format(n=common.period_length(data, "mediation_days")),
        _("达成协议的，制作调解协议书，签名盖章后生效；\n未达成协议的，终止调解，告知可依法申请仲裁"),
        _("督促履行、回访，不履行的告知申请仲裁或支付令"),
        _("结案归档：一案一档，建立卷宗"),
    )

DEFAULT_CONDUCT = (
    _("遵守法律法规和政策，坚持原则，依法调解。"),
    _("公正调解，平等对待双方当事人，不偏袒任何一方。"),
    _("尊重当事人意愿，不强迫调解，不阻止当事人依法申请仲裁或提起诉讼。"),
    _("廉洁自律，不收受当事人财物，不接受当事人宴请。"),
    _("保守秘密，不泄露当事人的个人隐私和商业秘密。"),
    _("遇有应当回避的情形，主动申请回避。"),
    _("文明礼貌，热情服务，耐心细致，及时高效。"),
    _("认真学习法律和业务知识，不断提高调解能力。"),
)

DEFAULT_RULES = (
    _("告知引导制度：当事人来访时告知调解的性质、程序和权利义务，引导依法维权。"),
    _("调解登记制度：对调解申请统一登记，建立劳动人事争议调解工作台账。"),
    _("调解处理制度：依法、及时、公正调解，调解过程如实记录。"),
    _("督促履行制度：跟踪调解协议履行情况，督促当事人按期履行。"),
    _("回访反馈制度：调解结案后及时回访，了解履行情况和当事人意见。"),
    _("档案管理制度：一案一档，材料齐全，按期归档，妥善保管。"),
    _("统计报告制度：按时统计调解工作情况，重大、集体争议及时报告。"),
    _("工作考评制度：定期对调解工作和调解员进行考核评价。"),
    _("调解员管理制度：调解员持证上岗，规范聘任、培训和管理。"),
    _("业务学习制度：定期组织学习法律法规和调解技巧，提高业务水平。"),
)


def _texts(value: object) -> list[str]:
    """A list of non-empty lines, from a list or from text with one item per line."""
    if isinstance(value, list):
        return [fmt.text(v) for v in value if fmt.text(v)]
    return [line.strip() for line in fmt.text(value).splitlines() if line.strip()]


# Room for the board text on an A4-sized board, in points (everything scales with the page).
_BOARD_WIDTH = 156 * 72 / 25.4
_BOARD_HEIGHT = 225 * 72 / 25.4 - 110  # less the title and subtitle


def fit_size(items: list[str], *, largest: float = 24.0, smallest: float = 14.0) -> float:
    """The largest text size (A4 points) at which the numbered ``items`` fill one board."""
    size = largest
    while size > smallest:
        per_line = max(1, int(_BOARD_WIDTH / size) - 1)
        lines = sum(-(-(len(item) + 5) // per_line) for item in items)
        if lines * size * 1.6 + len(items) * size * 0.4 <= _BOARD_HEIGHT:
            break
        size -= 1
    return size


def _numbered(items: list[str]) -> list[Block]:
    size = fit_size(items)
    return [Paragraph(f"{n}. {item}", size=size, space_after=0.4) for n, item in enumerate(items, start=1)]


def _members_board(data: dict, name: str) -> list[Block]:
    blocks: list[Block] = [Title(name, subtitle=_("组织及组成人员"))]
    phones = data.get("phones")
    phone_text = "、".join(_texts(phones)) if isinstance(phones, list) else fmt.text(phones)
    blocks.append(Fields([
        (_("组织类型"), fmt.text(data.get("type_label")) or None),
        (_("负责人"), fmt.text(data.get("head")) or None),
        (_("地址"), fmt.text(data.get("address")) or None),
        (_("联系电话"), phone_text or None),
    ], size=20))
    members = [m for m in data.get("members") or [] if isinstance(m, dict)]
    if members:
        rows = [[str(n), fmt.text(m.get("name")), fmt.text(m.get("role"))] for n, m in enumerate(members, start=1)]
        blocks.append(Table(header=[[_("序号"), _("姓名"), _("职务")]], rows=rows, widths=[1, 3, 5],
                            align=["center", "center", "center"], size=18))
    return blocks


def compose(data: dict, station: dict) -> Document:
    """Lay out the five wall boards from the projected organization data."""
    name = fmt.text(data.get("name")) or fmt.text(station.get("unit_name")) or _("劳动人事争议调解组织")
    duties = _texts(data.get("duties")) or list(DEFAULT_DUTIES)
    procedure = _texts(data.get("procedure")) or list(default_procedure(data))
    conduct = _texts(data.get("conduct")) or list(DEFAULT_CONDUCT)
    rules = _texts(data.get("rules")) or list(DEFAULT_RULES)
    blocks: list[Block] = _members_board(data, name)
    blocks += [PageBreak(), Title(_("调解组织工作职责"), subtitle=name), *_numbered(duties)]
    blocks += [PageBreak(), Title(_("劳动人事争议调解工作程序"), subtitle=name), Flowchart(procedure, size=16)]
    blocks += [PageBreak(), Title(_("调解员行为规范"), subtitle=name), *_numbered(conduct)]
    blocks += [PageBreak(), Title(_("调解工作制度"), subtitle=name), *_numbered(rules)]
    return Document("wallboard", _("调解组织五上墙"), blocks, page_size=DEFAULT_PAGE_SIZE, page_numbers=False,
                    poster=True)


def build(org: dict, station: dict) -> Document:
    """The five wall boards of organization ``org``."""
    return compose(project(org, SHAPE), station or {})
