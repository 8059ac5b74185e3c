"""One module per document of SPEC §3 (its renderer), and the registry :data:`DOCUMENTS`.

Every module is named by the key of its declaration in ``core/paper_types.py`` and has
``SHAPE`` (the fields it prints, see :mod:`~hexie_desktop.documents.projection`) and
``build(case, station) -> Document`` (``build(org, station)`` for the wall boards).  The title
and subject come from the declaration; a :class:`DocumentType` is callable like its ``build``
function.  ``tests/unit/test_paper_types.py`` fails when a declared paper has no module here or
a module here is not declared.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from hexie_desktop.core.paper_types import PAPERS, PaperType
from hexie_desktop.documents.model import Document
from hexie_desktop.documents.projection import project
from hexie_desktop.documents.templates import (
    acceptance,
    agreement,
    application,
    catalog,
    cover,
    default_notice,
    followup,
    major_report,
    mediation_notice,
    notice,
    recommendation,
    record,
    registration,
    rejection,
    service,
    termination,
    wallboard,
    withdrawal,
)


@dataclass(frozen=True)
class DocumentType:
    """A kind of document: its key, its name, the fields it prints and how it is built."""

    key: str
    title: str
    shape: dict
    build: Callable[[dict, dict], Document]
    subject: str = "case"  # "case" or "organization"
    default_page_size: str = "A4"

    def fields(self, data: dict) -> Any:
        """The part of ``data`` this document prints."""
        return project(data, self.shape)

    def __call__(self, data: dict, station: dict) -> Document:
        """Build the document (same as :attr:`build`)."""
        return self.build(data, station)


RENDERERS: dict[str, Any] = {module.__name__.rpartition(".")[2]: module for module in (
    application, registration, notice, acceptance, rejection, mediation_notice, record, agreement, termination,
    withdrawal, service, default_notice, recommendation, followup, cover, catalog, major_report, wallboard,
)}
"""Template module by document type (its file name)."""


def _document(paper: PaperType, module: Any) -> DocumentType:
    return DocumentType(paper.key, paper.title, module.SHAPE, module.build, subject=paper.subject,
                        default_page_size=getattr(module, "DEFAULT_PAGE_SIZE", "A4"))


DOCUMENTS: dict[str, DocumentType] = {key: _document(paper, RENDERERS[key])
                                      for key, paper in PAPERS.items() if key in RENDERERS}
"""The declared document types that have a renderer (all of them: a test keeps it so)."""
