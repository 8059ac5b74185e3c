"""调解笔录: time, place, mediator, recorder, attendees, notices, statements, proposal, result.

Every page carries the signature line of the parties, the mediator and the recorder; the
record ends with "以上笔录已阅，记录属实".
"""

from __future__ import annotations

from hexie_desktop.core.i18n import _
from hexie_desktop.documents import formatting as fmt
from hexie_desktop.documents.model import (
    Block,
    Document,
    Fields,
    Heading,
    Paragraph,
    Signature,
    SignatureBlock,
    Span,
    Title,
)
from hexie_desktop.documents.projection import project
from hexie_desktop.documents.templates import common

SHAPE = {
    **common.HEAD,
    "sessions": [{
        "seq": True, "held_on": True, "start_time": True, "end_time": True, "place": True, "mediators": True,
        "recorder": True,
        "attendees": True, "statements": True, "proposal": True, "result": True,
    }],
    "paper": {"session": True},
}

NOTICE_GIVEN = _(
    "调解员告知当事人调解遵循自愿、平等、合法、公正的原则，不收取费用；当事人享有申请回避、"
    "撤回申请、随时申请仲裁等权利，负有如实陈述、遵守调解秩序等义务。询问当事人是否申请调解员回避，"
    "当事人均表示不申请回避。"
)


def _page_note(seq: object = None) -> list[Span]:
    """The signature line printed at the foot of every page (naming the session of a one-session record,
    so each signed page belongs to one issued record)."""
    lead = [Span(_("第{n}次笔录").format(n=seq) + "\u3000")] if seq is not None else []
    short = seq is not None
    return [
        *lead,
        Span(_("当事人签名：")), common.blank(4 if short else 6), Span("\u3000"),
        Span(_("调解员签名：")), common.blank(3 if short else 5), Span("\u3000"),
        Span(_("记录人签名：")), common.blank(3 if short else 5),
    ]


def _clock(value: object) -> str:
    """``09:30`` as ``9时30分``."""
    text = fmt.text(value)
    if ":" not in text:
        return ""
    hour, minute = (int(part) for part in text.split(":", 1))
    return f"{hour}时{minute:02d}分"


def session_time(session: dict) -> str | None:
    """``2026年3月5日9时30分至11时00分`` (the clock times when recorded), or ``None``."""
    day = fmt.cn_date(session.get("held_on"), blank="")
    if not day:
        return None
    start, end = _clock(session.get("start_time")), _clock(session.get("end_time"))
    if start and end:
        return day + start + _("至") + end
    if start:
        return day + start + _("起")
    return day


def _session_blocks(session: dict, multiple: bool) -> list[Block]:
    """The blocks of one mediation session."""
    blocks: list[Block] = []
    if multiple:
        blocks.append(Heading(_("第{n}次调解").format(n=session.get("seq") or "")))
    blocks.append(Fields([
        (_("时间"), session_time(session)),
        (_("地点"), fmt.text(session.get("place")) or None),
        (_("调解员"), fmt.text(session.get("mediators")) or None),
        (_("记录人"), fmt.text(session.get("recorder")) or None),
        (_("到场人员"), fmt.text(session.get("attendees")) or None),
        (_("告知事项"), NOTICE_GIVEN),
    ]))
    for label, key in ((_("当事人陈述"), "statements"), (_("调解方案"), "proposal"), (_("调解结果"), "result")):
        value = fmt.text(session.get(key))
        blocks.append(Heading(label + "："))
        if value:
            blocks += [Paragraph(part) for part in value.splitlines() if part.strip()]
        else:
            blocks += [Paragraph([common.blank(26)], indent=False) for _i in range(3)]
    return blocks


def compose(data: dict, station: dict) -> Document:
    """Lay out the mediation record from its projected fields."""
    title = _("劳动人事争议调解笔录")
    sessions = [s for s in data.get("sessions") or [] if isinstance(s, dict)] or [{}]
    chosen = (data.get("paper") or {}).get("session")
    if chosen is not None:  # one record per session: only the chosen one, titled with its number
        sessions = [s for s in sessions if s.get("seq") == chosen] or [{"seq": chosen}]
    blocks: list[Block] = [
        Title(title),
        common.number_line(data),
        Fields([
            (_("申请人"), common.applying_names(data)),
            (_("被申请人"), common.responding_names(data)),
            (_("案由"), _("{category}争议").format(category=common.category(data))),
        ]),
    ]
    for session in sessions:
        blocks += _session_blocks(session, multiple=len(sessions) > 1 or chosen is not None)
    blocks.append(Paragraph(_("以上笔录已阅，记录属实。"), keep_with_next=True))
    blocks.append(SignatureBlock([
        Signature(_("申请人")), Signature(_("被申请人")),
        Signature(_("调解员")), Signature(_("记录人")),
    ]))
    if common.uses_annex(data):
        blocks.append(common.applicant_annex(data, title=_("到场{role}名单").format(role=common.worker_role(data)),
                                             signatures=True))
    return Document("record", title, blocks, page_note=_page_note(chosen))


def build(case: dict, station: dict) -> Document:
    """The 调解笔录 of ``case``: of the session in ``case["paper"]["session"]``, else every session."""
    return compose(project(case, SHAPE), station or {})
