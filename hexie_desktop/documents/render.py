"""Render a document to a PDF file, and compute its content hash.

``render("agreement", case, station, "out.pdf")`` builds the document from the case dict,
lays it out with the resolved fonts, writes the file atomically and returns a
:class:`RenderResult`.  ``sha256`` there is the *content hash*
(:func:`content_hash`): SHA-256 over the canonical JSON of exactly the fields the
document prints, so printing the same data again gives the same hash — it is what the
issued-document record stores and what the agreement's QR code carries.  The PDF bytes
are reproducible too on the same machine (``file_sha256``), but depend on the fonts found.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from hexie_desktop.core.errors import NotAllowed, UserError
from hexie_desktop.core.i18n import _
from hexie_desktop.documents.fileio import write_atomic
from hexie_desktop.documents.fonts import FontSet, default_fonts
from hexie_desktop.documents.pdf import render_pdf
from hexie_desktop.documents.projection import digest
from hexie_desktop.documents.templates import DOCUMENTS, DocumentType
from hexie_desktop.documents.templates import agreement as agreement_template


@dataclass(frozen=True)
class RenderResult:
    """What :func:`render` produced: file, content hash, page count, warnings, file hash."""

    path: Path
    sha256: str
    pages: int
    warnings: list[str] = field(default_factory=list)
    file_sha256: str = ""


def document_type(doc_type: str) -> DocumentType:
    """The registered document type ``doc_type``; a UserError naming the known ones otherwise."""
    try:
        return DOCUMENTS[doc_type]
    except KeyError:
        known = "、".join(DOCUMENTS)
        raise UserError(_("未知的文书类型“{kind}”，可用：{known}").format(kind=doc_type, known=known),
                        field="doc_type") from None


def content_hash(doc_type: str, data: dict) -> str:
    """SHA-256 (hex) over the canonical JSON of the fields document ``doc_type`` prints from ``data``."""
    kind = document_type(doc_type)
    return digest(kind.key, kind.fields(data or {}))


def check_final(doc_type: str, data: dict) -> None:
    """Raise NotAllowed (field ``agreement``) when ``doc_type`` of ``data`` may only be printed as a draft."""
    if doc_type == "agreement":
        problems = agreement_template.agreement_final_problems(data)
        if problems:
            raise NotAllowed(_("调解协议书内容不完整，只能打印草稿：") + "；".join(problems), field="agreement")


def render(doc_type: str, data: dict, station: dict | None, out_path: str | os.PathLike[str], *,
           draft: bool = False, page_size: str | None = None, fonts: FontSet | None = None) -> RenderResult:
    """Render document ``doc_type`` of ``data`` (a case dict, or an organization for wall boards).

    ``draft`` prints a "草稿" watermark (and, for the agreement, leaves out the QR code and
    allows missing amounts, payers or due dates); a final agreement with such gaps raises
    :class:`~hexie_desktop.core.errors.NotAllowed` listing them.  ``page_size`` (``A3``/``A2``)
    applies to wall boards.  ``fonts`` defaults to the process-wide resolved set.
    """
    kind = document_type(doc_type)
    data = data or {}
    station = station or {}
    if kind.key == "agreement":
        if not draft:
            check_final(kind.key, data)
            document = kind.build(data, station)
        else:
            document = agreement_template.build_draft(data, station)
    else:
        document = kind.build(data, station)
    if page_size:
        if kind.subject != "organization" and page_size.upper() != "A4":
            raise UserError(_("只有上墙展板可以选择 A3、A2 纸张"), field="page_size")
        document = replace(document, page_size=page_size.upper())
    output = render_pdf(document, fonts or default_fonts(), draft=draft,
                        author=str(station.get("unit_name") or ""), subject=kind.title)
    path = write_atomic(out_path, output.data)
    return RenderResult(
        path=path,
        sha256=digest(kind.key, kind.fields(data)),
        pages=output.pages,
        warnings=output.warnings,
        file_sha256=hashlib.sha256(output.data).hexdigest(),
    )
