"""Reading one case: the typed detail view, masked unless an allowed role asks (audited)."""

from __future__ import annotations

from typing import Any

from hexie_desktop.core.case_view import CaseView, masked, to_json
from hexie_desktop.services import settings
from hexie_desktop.services.case_view import build
from hexie_desktop.services.cases import get_case
from hexie_desktop.services.context import Context


def station_dict(session) -> dict[str, str]:  # noqa: ANN001
    """The station identity and arbitration details that documents print."""
    return {
        "unit_code": settings.get(session, "station.unit_code"),
        "unit_name": settings.get(session, "station.unit_name"),
        "short_name": settings.get(session, "station.short_name"),
        "address": settings.get(session, "station.address"),
        "phone": settings.get(session, "station.phone"),
        "arbitration_commission": settings.get(session, "station.arbitration_commission"),
        "arbitration_address": settings.get(session, "station.arbitration_address"),
        "arbitration_phone": settings.get(session, "station.arbitration_phone"),
        "court_name": settings.get(session, "station.court_name"),
    }


def view(ctx: Context, number: str, *, unmask: bool = False) -> CaseView:
    """The case ``number``; personal data masked unless ``unmask`` (checked and audited)."""
    ctx.require("read")
    if not unmask:
        with ctx.db.read() as session:
            return masked(build(session, get_case(session, number), today=ctx.today))
    ctx.require("pii.unmask")
    with ctx.db.transaction() as session:
        case = get_case(session, number)
        built = build(session, case, today=ctx.today)
        ctx.audit(session, "pii.unmask", entity="case", entity_id=case.id, summary=case.number)
        return built


def show(ctx: Context, number: str, *, unmask: bool = False) -> dict[str, Any]:
    """The case ``number`` as the JSON dict of ``case show --json`` (:func:`view`, then :func:`to_json`)."""
    return to_json(view(ctx, number, unmask=unmask))
