"""Printed documents (文书): a small document model, a PDF backend and one template per document.

Plain dicts in (the ``case show --json`` shape), PDF files out.  Nothing here imports
PySide6 or SQLAlchemy.  The public entry points are :func:`render`,
:func:`content_hash`, :func:`agreement_final_problems` and the :data:`DOCUMENTS`
registry; :mod:`hexie_desktop.documents.fonts` tells which fonts are used.
"""

from __future__ import annotations

from hexie_desktop.documents.render import RenderResult, check_final, content_hash, render
from hexie_desktop.documents.templates import DOCUMENTS, DocumentType
from hexie_desktop.documents.templates.agreement import agreement_final_problems

__all__ = [
    "DOCUMENTS",
    "DocumentType",
    "RenderResult",
    "agreement_final_problems",
    "check_final",
    "content_hash",
    "render",
]
