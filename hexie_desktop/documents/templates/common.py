"""Pieces shared by the case documents: field shapes, party sentences, number line, annex."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from hexie_desktop.core import codes
from hexie_desktop.core.i18n import _
from hexie_desktop.core.periods import DeadlineSettings
from hexie_desktop.documents import formatting as fmt
from hexie_desktop.documents.model import Annex, Block, Fields, Paragraph, Signature, Span, Table

ANNEX_THRESHOLD = 8  # more applicants than this go to an annex table

ORGANIZATION = {"name": True, "short_name": True, "address": True, "phone": True}
PERSON = {"name": True}
APPLICANT = {
    "name": True, "sex_label": True, "birth_date": True, "id_type": True, "id_number": True,
    "phone": True, "address": True, "is_representative": True,
}
RESPONDENT = {"name": True, "credit_code": True, "address": True, "legal_representative": True, "phone": True}
CLAIM = {"category": True, "category_label": True, "description": True, "amount": "amount"}

HEAD = {
    "id": True,
    "number": True,
    "received_on": True,
    "collective": True,
    "main_category": True,
    "main_category_label": True,
    "organization": ORGANIZATION,
    "mediator": PERSON,
    "applicants": [APPLICANT],
    "respondent": RESPONDENT,
    "applicant_side": True,
}


STATUTORY_PERIODS = asdict(DeadlineSettings())
"""The statutory (default) period lengths: a citation of the law is printed only with these."""
PERIODS = {name: True for name in STATUTORY_PERIODS}
"""The shape of the configured period lengths (``to_json(view)["periods"]``) a template prints."""


def period_length(data: dict, name: str) -> int:
    """The configured length of period ``name`` (e.g. ``mediation_days``) the case was printed with."""
    value = (data.get("periods") or {}).get(name)
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else STATUTORY_PERIODS[name]


def period_words(data: dict, name: str) -> str:
    """The length of period ``name`` in words: 十五 for 15 days (unit added by the caller)."""
    return fmt.cn_count(period_length(data, name))


def statutory(data: dict, name: str) -> bool:
    """Whether period ``name`` has its statutory length (then the printed text cites the law)."""
    return period_length(data, name) == STATUTORY_PERIODS[name]


def cite(data: dict, name: str, citation: str) -> str:
    """``citation`` when period ``name`` is statutory, else '' (a local length is not the law's)."""
    return citation if statutory(data, name) else ""


def court_text(station: dict) -> str:
    """The 人民法院 for 司法确认 named in the station settings, else the generic words."""
    return fmt.text(station.get("court_name")) or _("有管辖权的人民法院")


def missing_settings(station: dict, *, court: bool = True) -> list[str]:
    """Warnings for the arbitration commission and court settings a paper would print as generic words.

    The agreement and the notices name the 劳动人事争议仲裁委员会 (name, address) and the
    人民法院 for 仲裁审查 and 司法确认; when the station has not set them the paper still prints,
    with the generic words, and the printing service passes on this warning.
    """
    out = []
    if not fmt.text(station.get("arbitration_commission")):
        out.append(_("未设置劳动人事争议仲裁委员会名称（设置→仲裁委员会），文书中印为“有管辖权的劳动人事争议仲裁委员会”"))
    elif not fmt.text(station.get("arbitration_address")):
        out.append(_("未设置劳动人事争议仲裁委员会地址（设置→仲裁委员会）"))
    if court and not fmt.text(station.get("court_name")):
        out.append(_("未设置司法确认的人民法院名称（设置→仲裁委员会），文书中印为“有管辖权的人民法院”"))
    return out


def org_name(data: dict, station: dict) -> str:
    """The organization printing the document."""
    org = data.get("organization") or {}
    return fmt.text(org.get("name")) or fmt.text(station.get("unit_name")) or _("劳动人事争议调解组织")


def number_line(data: dict) -> Paragraph:
    """The case number, right-aligned under the title."""
    number = fmt.text(data.get("number"))
    return Paragraph(number or _("编号：") + "\u3000" * 10, indent=False, align="right")


def category(data: dict) -> str:
    """The dispute category for running text: ``劳动报酬``."""
    code = data.get("main_category")
    if code in codes.CLAIM_CATEGORY_SHORT:
        return codes.CLAIM_CATEGORY_SHORT[code]
    return fmt.text(data.get("main_category_label")) or _("劳动人事")


def applicants(data: dict) -> list[dict]:
    """The applicants (empty list when none)."""
    return [a for a in (data.get("applicants") or []) if isinstance(a, dict)]


def respondent(data: dict) -> dict:
    """The respondent (empty dict when missing)."""
    return data.get("respondent") or {}


def representatives(data: dict) -> list[dict]:
    """The elected representatives of a collective case (or the first applicant)."""
    people = applicants(data)
    reps = [a for a in people if a.get("is_representative")]
    return reps or people[:1]


def employer_applied(data: dict) -> bool:
    """True when the employer applied for mediation (用人单位申请调解): it is then the 申请人 and the
    workers (``applicants`` in the data) are the 被申请人 (LDTJ art. 12: 当事人 may apply)."""
    return data.get("applicant_side") == "employer"


def worker_role(data: dict) -> str:
    """How the papers name the workers: 申请人, or 被申请人 when the employer applied."""
    return _("被申请人") if employer_applied(data) else _("申请人")


def employer_role(data: dict) -> str:
    """How the papers name the employer: 被申请人, or 申请人 when it applied."""
    return _("申请人") if employer_applied(data) else _("被申请人")


def employer_name(data: dict) -> str:
    """The employer's name (blank line when missing)."""
    return fmt.text(respondent(data).get("name")) or "\u3000" * 6


def applying_names(data: dict) -> str:
    """The party that applied, for the addressee of a notice: the workers, or the employer."""
    return employer_name(data) if employer_applied(data) else applicant_names(data)


def responding_names(data: dict) -> str:
    """The other party: the employer, or the workers when the employer applied."""
    return applicant_names(data) if employer_applied(data) else employer_name(data)


def uses_annex(data: dict) -> bool:
    """True when the applicants are listed in an annex (more than eight of them)."""
    return len(applicants(data)) > ANNEX_THRESHOLD


def applicant_names(data: dict) -> str:
    """``张三、李四``, or ``张三等30人`` when the list goes to an annex."""
    people = applicants(data)
    if not people:
        return "\u3000" * 6
    if uses_annex(data):
        first = fmt.text(representatives(data)[0].get("name"))
        return _("{name}等{count}人").format(name=first, count=len(people))
    return fmt.join(p.get("name") for p in people)


def id_label(person: dict) -> str:
    """``居民身份证号码`` — the kind of ID document, for running text."""
    kind = codes.label(codes.ID_TYPES, person.get("id_type")) or _("身份证件")
    return kind + _("号码")


def applicant_sentence(person: dict) -> str:
    """``张三，男，1949年12月31日出生，居民身份证号码…，住…，联系电话…。``."""
    parts = [fmt.text(person.get("name")) or "\u3000" * 4, fmt.text(person.get("sex_label"))]
    if person.get("birth_date"):
        parts.append(fmt.cn_date(person["birth_date"]) + _("出生"))
    if person.get("id_number"):
        parts.append(id_label(person) + fmt.text(person["id_number"]))
    if person.get("address"):
        parts.append(_("住") + fmt.text(person["address"]))
    if person.get("phone"):
        parts.append(_("联系电话") + fmt.text(person["phone"]))
    return fmt.sentence(parts)


def respondent_sentence(party: dict) -> str:
    """``某某有限公司，统一社会信用代码…，住所…，法定代表人…，联系电话…。``."""
    parts = [fmt.text(party.get("name")) or "\u3000" * 6]
    if party.get("credit_code"):
        parts.append(_("统一社会信用代码") + fmt.text(party["credit_code"]))
    if party.get("address"):
        parts.append(_("住所") + fmt.text(party["address"]))
    if party.get("legal_representative"):
        parts.append(_("法定代表人（主要负责人）") + fmt.text(party["legal_representative"]))
    if party.get("phone"):
        parts.append(_("联系电话") + fmt.text(party["phone"]))
    return fmt.sentence(parts)


def party_fields(data: dict, *, annex: str | None = None) -> Fields:
    """The parties as "申请人：…" / "被申请人：…" lines (collective cases: representatives), the
    applicant first: the workers, or the employer when it applied (用人单位申请调解).

    ``annex`` names the annex holding the list of workers when there are several (附件1).
    """
    workers: list[tuple[str, Any]] = []
    people = applicants(data)
    role = worker_role(data)
    if uses_annex(data):
        workers.append((role, _("{names}（名单见{annex}）").format(names=applicant_names(data),
                                                               annex=annex or _("附件"))))
        for rep in representatives(data):
            workers.append((_("代表人"), applicant_sentence(rep)))
    elif people:
        for person in people:
            workers.append((role, applicant_sentence(person)))
    else:
        workers.append((role, None))
    employer = [(employer_role(data), respondent_sentence(respondent(data)) if respondent(data) else None)]
    return Fields(employer + workers if employer_applied(data) else workers + employer)


def applicant_annex(data: dict, *, title: str | None = None, signatures: bool = False) -> Annex:
    """The annex listing every applicant (with a signature column when ``signatures``)."""
    header = [_("序号"), _("姓名"), _("性别"), _("身份证件号码"), _("联系电话"), _("住址")]
    widths = [0.9, 1.6, 0.9, 3.6, 2.5, 4.5]
    align = ["center", "center", "center", "center", "center", "left"]
    if signatures:
        header = header[:-1] + [_("签名（按指印）")]
        widths = widths[:-1] + [2.6]
        align = align[:-1] + ["left"]
    rows = []
    for number, person in enumerate(applicants(data), start=1):
        name = fmt.text(person.get("name"))
        if person.get("is_representative"):
            name += _("（代表人）")
        row = [str(number), name, fmt.text(person.get("sex_label")), fmt.text(person.get("id_number")),
               fmt.text(person.get("phone"))]
        row.append(None if signatures else fmt.text(person.get("address")))
        rows.append(row)
    table = Table(header=[header], rows=rows, widths=widths, align=align, size=11,
                  min_row_lines=2 if signatures else 1)
    blocks: list[Block] = [Paragraph(_("共{count}人。").format(count=len(rows)), indent=False, size=12)]
    return Annex(title or _("{role}名单").format(role=worker_role(data)), [table, *blocks])


def arbitration_text(station: dict) -> str:
    """``××区劳动人事争议仲裁委员会（地址：…；电话：…）``."""
    name = fmt.text(station.get("arbitration_commission")) or _("有管辖权的劳动人事争议仲裁委员会")
    extra = []
    if station.get("arbitration_address"):
        extra.append(_("地址：") + fmt.text(station["arbitration_address"]))
    if station.get("arbitration_phone"):
        extra.append(_("电话：") + fmt.text(station["arbitration_phone"]))
    return name + ("（" + "；".join(extra) + "）" if extra else "")


def _ems(text: str) -> float:
    """Approximate width of ``text`` in characters (ASCII counts half)."""
    return sum(0.5 if ord(ch) < 0x80 else 1.0 for ch in text)


def issuer_lines(name: str, on: Any) -> list[Block]:
    """The organization over the date at the foot of a notice: the date 右空四字, the name
    centred over it (GB/T 9704)."""
    date = fmt.cn_date(on)
    name_right = max(0.0, 4 + (_ems(date) - _ems(name)) / 2)
    return [
        Paragraph(name, indent=False, align="right", right_chars=name_right, keep_with_next=True),
        Paragraph(date, indent=False, align="right", right_chars=4),
    ]


def applicant_signature(data: dict, label: str, on: Any = None) -> Signature:
    """The applicants' signature place: a collective dispute listed in an annex gets one
    aligned line per representative (every worker signs in the annex)."""
    date = fmt.cn_date(on, blank="") or None
    if uses_annex(data):
        names = tuple(fmt.text(rep.get("name")) or "\u3000" * 3 for rep in representatives(data))
        return Signature(label, date=date, signers=names)
    return Signature(label, date=date)


def seal_signature(name: str, on: Any = None) -> Signature:
    """The organization's seal place."""
    return Signature(_("调解组织（印章）"), name=name, date=fmt.cn_date(on, blank="") or None)


def blank(chars: int = 8) -> Span:
    """An underlined blank of ``chars`` characters, to fill in by hand."""
    return Span("\u3000" * chars, "body", underline=True)


def claims_text(data: dict) -> list[str]:
    """Each claim as ``拖欠2026年7-8月工资，金额人民币…元（大写：…）``."""
    out = []
    for claim in data.get("claims") or []:
        if not isinstance(claim, dict):
            continue
        what = fmt.text(claim.get("description")) or fmt.text(claim.get("category_label"))
        if claim.get("amount"):
            what += _("，金额") + fmt.amount_both(claim["amount"])
        out.append(what)
    return out


def self_name(org: str) -> str:
    """How the organization names itself in its notices: 本中心, 本委员会 or 本调解组织."""
    if org.endswith(_("中心")):
        return _("本中心")
    if org.endswith(_("委员会")):
        return _("本委员会")
    return _("本调解组织")


def deadline_shape(*names: str) -> dict:
    """The shape of the calendar warnings of the deadlines ``names`` (for a template's SHAPE)."""
    return {name: {"warning": True} for name in names}


def calendar_warnings(data: dict, *names: str) -> list[str]:
    """The screen's warnings about the deadlines ``names`` counted without holiday data (deduplicated).

    A printed deadline in a year without official holiday data carries the same warning the
    case screen shows (core/periods.py ``WorkCalendar.warnings_for``).
    """
    details = data.get("deadline_details") or {}
    out: list[str] = []
    for name in names:
        warning = fmt.text((details.get(name) or {}).get("warning"))
        if warning and warning not in out:
            out.append(warning)
    return out


def calendar_notes(warnings: list[str]) -> list[Block]:
    """The calendar warnings as small paragraphs printed under the dates they concern."""
    return [Paragraph(_("注：") + w + "。", indent=False, size=12) for w in warnings]
