"""Which roles may do what.  Services check these; the GUI hides what a role cannot do."""

from __future__ import annotations

from hexie_desktop.core import codes
from hexie_desktop.core.errors import NotAllowed
from hexie_desktop.core.i18n import _

TOWNSHIP_ROLES = frozenset({"admin", "head", "mediator", "clerk"})
DISTRICT_ROLES = frozenset({"district_admin", "district_viewer"})

_ALL_TOWNSHIP = TOWNSHIP_ROLES

PERMISSIONS: dict[str, frozenset[str]] = {
    "case.register": frozenset({"admin", "head", "mediator", "clerk"}),
    "case.accept": frozenset({"admin", "head"}),
    "case.reject": frozenset({"admin", "head"}),
    "case.record-session": frozenset({"admin", "head", "mediator"}),
    "case.extend": frozenset({"admin", "head", "mediator"}),
    "case.draft-agreement": frozenset({"admin", "head", "mediator", "clerk"}),
    "case.agree": frozenset({"admin", "head", "mediator"}),
    "case.fail": frozenset({"admin", "head", "mediator"}),
    "case.withdraw": frozenset({"admin", "head", "mediator", "clerk"}),
    "case.perform-item": frozenset({"admin", "head", "mediator", "clerk"}),
    "case.default": frozenset({"admin", "head", "mediator"}),
    "case.follow-up": frozenset({"admin", "head", "mediator"}),
    "case.close": frozenset({"admin", "head"}),
    "case.archive": frozenset({"admin", "head", "clerk"}),
    "registry.edit": frozenset({"admin", "head", "mediator", "clerk"}),
    "pii.unmask": frozenset({"admin", "head", "mediator", "district_admin"}),
    "users.manage": frozenset({"admin", "district_admin"}),
    "settings.edit": frozenset({"admin", "district_admin"}),
    "station.backup": frozenset({"admin", "head", "district_admin"}),
    "demo.generate": frozenset({"admin", "district_admin"}),
    "warning.scan": frozenset({"admin", "head", "mediator", "clerk", "district_admin"}),
    "warning.handle": frozenset({"admin", "head", "mediator", "district_admin"}),
    "case.grade": frozenset({"admin", "head"}),
    "selection.nominate": frozenset({"admin", "head", "mediator", "clerk", "district_admin"}),
    "selection.decide": frozenset({"admin", "head", "district_admin"}),
    "read": _ALL_TOWNSHIP | DISTRICT_ROLES,
}


def allowed(role: str, permission: str) -> bool:
    """True when ``role`` holds ``permission``."""
    return role in PERMISSIONS.get(permission, frozenset())


def require(role: str, permission: str) -> None:
    """Raise NotAllowed naming the role when it lacks ``permission``."""
    if not allowed(role, permission):
        raise NotAllowed(
            _("角色“{role}”无权执行此操作（{perm}）").format(role=codes.label(codes.ROLES, role), perm=permission)
        )
