"""回访记录: visit date, person, method, performance status, satisfaction, risks found, measures."""

from __future__ import annotations

from hexie_desktop.core import codes
from hexie_desktop.core.i18n import _
from hexie_desktop.documents import formatting as fmt
from hexie_desktop.documents.model import Block, Document, Fields, PageBreak, Title
from hexie_desktop.documents.projection import project
from hexie_desktop.documents.templates import common

SHAPE = {
    **common.HEAD,
    "agreement": {"items": [{"seq": True, "obligation": True, "amount": "amount", "due_on": True,
                             "performed_on": True}]},
    "follow_ups": [{
        "visited_on": True, "person": True, "method": True, "performance_status": True,
        "satisfaction": True, "satisfaction_label": True, "risks": True, "measures": True,
    }],
}


def _performance(data: dict) -> str:
    """Each agreed item with its due date and whether it was performed."""
    lines = []
    for number, item in enumerate((data.get("agreement") or {}).get("items") or [], start=1):
        if not isinstance(item, dict):
            continue
        state = (_("已于{day}履行").format(day=fmt.cn_date(item["performed_on"])) if item.get("performed_on")
                 else _("尚未履行"))
        amount = fmt.figures(item.get("amount"))
        lines.append(_("{n}. {what}{amount}，期限{due}，{state}").format(
            n=item.get("seq") or number, what=fmt.text(item.get("obligation")),
            amount=(_("（{fig}元）").format(fig=amount) if amount else ""),
            due=fmt.cn_date(item.get("due_on"), blank=_("未定")), state=state))
    return "\n".join(lines)


def compose(data: dict, station: dict) -> Document:
    """Lay out one 回访记录 per recorded visit (a blank form when there is none)."""
    title = _("劳动人事争议调解回访记录")
    visits = [v for v in data.get("follow_ups") or [] if isinstance(v, dict)] or [{}]
    parties = fmt.join([common.applicant_names(data), fmt.text(common.respondent(data).get("name"))])
    performance = _performance(data)
    blocks: list[Block] = []
    for number, visit in enumerate(visits):
        if number:
            blocks.append(PageBreak())
        satisfaction = fmt.text(visit.get("satisfaction_label")) or codes.label(
            codes.SATISFACTION_LEVELS, visit.get("satisfaction"))
        status = fmt.text(visit.get("performance_status"))
        blocks += [
            Title(title),
            common.number_line(data),
            Fields([
                (_("当事人"), parties or None),
                (_("受访人"), fmt.text(visit.get("person")) or None),
                (_("回访时间"), fmt.cn_date(visit.get("visited_on"), blank="") or None),
                (_("回访方式"), codes.label(codes.VISIT_METHODS, visit.get("method")) or None),
                (_("回访事由"), _("{category}争议调解协议履行情况").format(category=common.category(data))),
                (_("履行情况"), "\n".join(t for t in (status, performance) if t) or "\n\n"),
                (_("满意程度"), satisfaction or "□非常满意\u3000□满意\u3000□一般\u3000□不满意"),
                (_("发现的问题和风险"), fmt.text(visit.get("risks")) or "\n\n"),
                (_("采取的措施"), fmt.text(visit.get("measures")) or "\n\n"),
                (_("回访人签名"), None),
                (_("受访人签名"), None),
            ], boxed=True, columns=1),
        ]
    return Document("followup", title, blocks)


def build(case: dict, station: dict) -> Document:
    """The 回访记录 of ``case``."""
    return compose(project(case, SHAPE), station or {})
