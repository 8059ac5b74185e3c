"""送达回证: document served, addressee, method, signature and date, refusal and witness.

Printed by the service for one delivery (``case["paper"]``, :mod:`core.paper_inputs`): the
issued documents chosen, one addressee, the method (ticked) and the date when known — one
form per document set and delivery, not every document ever issued.  Without a delivery
(plain data) there is one form per addressee — every applicant (their representatives in a
collective case) and the respondent — over the notices and the agreement issued so far, or
those named in ``case["service"]["documents"]``.
"""

from __future__ import annotations

from hexie_desktop.core import codes
from hexie_desktop.core.i18n import _
from hexie_desktop.documents import formatting as fmt
from hexie_desktop.documents.model import Block, Document, Fields, PageBreak, Paragraph, Title
from hexie_desktop.documents.projection import project
from hexie_desktop.documents.templates import common

SERVED_TYPES = ("notice", "acceptance", "rejection", "agreement", "termination")
METHODS = "□直接送达 □邮寄送达 □留置送达 □电子送达"

SHAPE = {
    **common.HEAD,
    "documents": [{"doc_type": True, "title": True, "number": True}],
    "service": {"documents": [True], "method": True},
    "paper": {"documents": [{"title": True, "issued_at": True}], "recipient": True, "role": True, "address": True,
              "method": True, "method_label": True, "served_on": True},
}


def _methods(chosen: str | None) -> str:
    """The delivery methods as tick boxes, the chosen one ticked."""
    return " ".join(("■" if code == chosen else "□") + label for code, label in codes.DELIVERY_METHODS.items())


def _served(data: dict) -> str:
    """The documents served with their counts, one per line."""
    paper = data.get("paper") or {}
    if paper.get("documents"):
        return "\n".join(_("《{name}》一份").format(name=fmt.text(d.get("title"))) for d in paper["documents"])
    service = data.get("service") or {}
    names = [fmt.text(n) for n in service.get("documents") or [] if fmt.text(n)]
    if not names:
        for doc in data.get("documents") or []:
            if isinstance(doc, dict) and doc.get("doc_type") in SERVED_TYPES:
                name = fmt.text(doc.get("title")) or codes.label(codes.DOCUMENT_TYPES, doc.get("doc_type"))
                if name not in names:
                    names.append(name)
    return "\n".join(_("《{name}》一份").format(name=name) for name in names)


def _addressees(data: dict) -> list[tuple[str, str]]:
    """(name, address) of everyone who receives the documents (the one chosen for a delivery)."""
    paper = data.get("paper") or {}
    if paper.get("recipient"):
        return [(fmt.text(paper["recipient"]), fmt.text(paper.get("address")))]
    people = common.representatives(data) if common.uses_annex(data) else common.applicants(data)
    out = [(fmt.text(p.get("name")), fmt.text(p.get("address"))) for p in people]
    respondent = common.respondent(data)
    if respondent:
        out.append((fmt.text(respondent.get("name")), fmt.text(respondent.get("address"))))
    return out or [("", "")]


def compose(data: dict, station: dict) -> Document:
    """Lay out one 送达回证 per addressee from the projected fields."""
    title = _("送达回证")
    org = common.org_name(data, station)
    served = _served(data)
    service = data.get("service") or {}
    paper = data.get("paper") or {}
    method = (_methods(paper.get("method")) if paper.get("recipient") else None) or fmt.text(
        service.get("method")) or METHODS
    served_on = fmt.cn_date(paper.get("served_on"), blank="")
    signed = "\n\n" + "\u3000" * 8 + (served_on or "年\u3000\u3000月\u3000\u3000日")
    blocks: list[Block] = []
    for number, (name, address) in enumerate(_addressees(data)):
        if number:
            blocks.append(PageBreak())
        blocks += [
            Title(title),
            common.number_line(data),
            Fields([
                (_("送达机关"), org),
                (_("案由"), _("{category}争议").format(category=common.category(data))),
                (_("送达文书名称及件数"), served or None),
                (_("受送达人"), name or None),
                (_("送达地址"), address or None),
                (_("送达方式"), method),
                (_("受送达人签名或盖章"), signed),
                (_("代收人及代收理由"), "\n\n"),
                (_("拒收事由和见证人"), "\n\n"),
                (_("送达人"), None),
                (_("签发人"), None),
                (_("备考"), "\n\n"),
            ], boxed=True, columns=1, label_chars=6, size=12),
            Paragraph(_("说明：受送达人拒绝签收的，送达人应当在备考栏注明拒收事由和日期，由送达人、见证人签名。"),
                      indent=False, size=12),
        ]
    return Document("service", title, blocks)


def build(case: dict, station: dict) -> Document:
    """The 送达回证 of ``case`` (one per addressee)."""
    return compose(project(case, SHAPE), station or {})
