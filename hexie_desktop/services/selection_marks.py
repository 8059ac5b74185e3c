"""The 选树 mark of register rows (issue 14): read by the registers, written by services/selection.py.

Kept apart from the 选树 use cases so that the registers can show the mark without importing
the workflow (which itself reads the registers' figures).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hexie_desktop.core import selection as rules
from hexie_desktop.storage.models import Case, Coordinator, MediationOrg, Mediator, Selection, SocialOrg

SubjectModel = type[Coordinator | SocialOrg | MediationOrg | Mediator | Case]
"""A model whose records can be nominated."""

SUBJECT_MODELS: dict[str, tuple[SubjectModel, str]] = {
    "coordinators": (Coordinator, "coordinator_id"),
    "social_orgs": (SocialOrg, "social_org_id"),
    "orgs": (MediationOrg, "org_id"),
    "mediators": (Mediator, "mediator_id"),
    "cases": (Case, "case_id"),
}
"""Register kind (as ``services/registries.KINDS`` names it, plus cases) → model and the column naming it."""


def annotate(session: Session, register: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Add ``selection_label`` (the 选树 mark of :func:`core.selection.badge`) to register rows."""
    if register not in SUBJECT_MODELS or not rows:
        return rows
    column = getattr(Selection, SUBJECT_MODELS[register][1])
    ids = [r["id"] for r in rows]
    marks: dict[str, list[tuple[int, str, str]]] = {}
    for i in range(0, len(ids), 500):
        for subject_id, year, kind, status in session.execute(
                select(column, Selection.year, Selection.kind, Selection.status)
                .where(column.in_(ids[i:i + 500]), Selection.deleted.is_(False))):
            if kind in rules.KINDS:
                marks.setdefault(subject_id, []).append((year, kind, status))
    for row in rows:
        row["selection_label"] = rules.badge(marks.get(row["id"], []))
    return rows


def all_labels(session: Session, register: str) -> dict[str, str]:
    """Record id → its 选树 mark, for every record of ``register`` that has one (the Excel ledgers)."""
    if register not in SUBJECT_MODELS:
        return {}
    column = getattr(Selection, SUBJECT_MODELS[register][1])
    marks: dict[str, list[tuple[int, str, str]]] = {}
    for subject_id, year, kind, status in session.execute(
            select(column, Selection.year, Selection.kind, Selection.status)
            .where(column.is_not(None), Selection.deleted.is_(False))):
        if kind in rules.KINDS:
            marks.setdefault(subject_id, []).append((year, kind, status))
    return {subject_id: rules.badge(found) for subject_id, found in marks.items()}
