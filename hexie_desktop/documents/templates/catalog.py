"""卷内目录: the documents of the file with page numbers; missing required items are flagged.

Which papers are listed and which are required is :mod:`hexie_desktop.core.dossier`'s rule,
shared with the archive guard; an archived case prints the catalogue stored at archiving.
"""

from __future__ import annotations

from hexie_desktop.core.case_view import from_json
from hexie_desktop.core.dossier import entries
from hexie_desktop.core.i18n import _
from hexie_desktop.documents import formatting as fmt
from hexie_desktop.documents.model import Block, Document, Paragraph, Span, Table, Title
from hexie_desktop.documents.projection import project
from hexie_desktop.documents.templates import common

SHAPE = {
    **common.HEAD,
    "state": True,
    "sessions": [{"seq": True}],
    "agreement": {"effective_on": True},
    "decision": {"accepted_on": True, "rejected_on": True, "failed_on": True, "withdrawn_on": True,
                 "archive_number": True,
                 "archive_catalog": [{"title": True, "doc_type": True, "pages": True}]},
    "documents": [{"doc_type": True, "title": True, "pages": True, "subject": True}],
    "attachments": [{"doc_type": True, "kind": True, "title": True, "pages": True}],
}


def catalog_rows(data: dict) -> tuple[list[list[object]], list[str], bool]:
    """(table rows, titles of missing required items, whether every page count was known)."""
    lines, total = entries(from_json(data))
    rows: list[list[object]] = []
    missing: list[str] = []
    for line in lines:
        if line.missing:
            missing.append(line.title)
            rows.append([str(len(rows) + 1), line.title, "", [Span(_("缺（必备材料）"), "heading")]])
        else:
            rows.append([str(len(rows) + 1), fmt.text(line.title), line.span, ""])
    return rows, missing, total is not None or not lines


def compose(data: dict, station: dict) -> Document:
    """Lay out the file's table of contents from the projected fields."""
    title = _("卷内目录")
    rows, missing, pages_known = catalog_rows(data)
    archive = fmt.text((data.get("decision") or {}).get("archive_number"))
    head = _("案号：{number}").format(number=fmt.text(data.get("number")) or "\u3000" * 10)
    if archive:
        head += "\u3000" + _("归档号：{archive}").format(archive=archive)
    blocks: list[Block] = [
        Title(title),
        Paragraph(head, indent=False, align="left", size=14),
        Table(header=[[_("序号"), _("文书名称"), _("页号"), _("备注")]], rows=rows, widths=[1.1, 6.6, 1.8, 3.0],
              align=["center", "left", "center", "left"]),
    ]
    warnings: list[str] = []
    if missing:
        text = _("缺少必备材料：") + "、".join(missing)
        blocks.append(Paragraph(text + "。", indent=False, size=12))
        warnings.append(_("卷内目录") + text)
    if not pages_known:
        note = _("部分材料页数未登记，其后页号请手工填写。")
        blocks.append(Paragraph(note, indent=False, size=12))
        warnings.append(_("卷内目录：") + note)
    return Document("catalog", title, blocks, warnings=warnings)


def build(case: dict, station: dict) -> Document:
    """The 卷内目录 of ``case``."""
    return compose(project(case, SHAPE), station or {})
