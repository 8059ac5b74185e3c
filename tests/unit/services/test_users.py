"""services/users.py: accounts — created by an admin, signed in with argon2 passwords, disabled."""

from __future__ import annotations

import pytest

from hexie_desktop.core.errors import Conflict, HexieError, NotAllowed, UserError
from hexie_desktop.services import users


def test_a_new_user_signs_in_changes_the_password_and_can_be_disabled(station, ctx):
    row = users.create_user(ctx, username="newclerk", display_name="新登记员", role="clerk", password="start123")
    assert (row.username, row.role, row.active) == ("newclerk", "clerk", True)
    actor = users.authenticate(station.db, "newclerk", "start123")
    assert (actor.display_name, actor.role) == ("新登记员", "clerk")
    users.change_password(station.context(actor), "newclerk", "changed456", old_password="start123")
    assert users.authenticate(station.db, "newclerk", "changed456").username == "newclerk"
    users.set_active(ctx, "newclerk", False)
    with pytest.raises(HexieError):
        users.authenticate(station.db, "newclerk", "changed456")


def test_refusals_change_nothing(station, ctx, as_user, digest):
    before = digest()
    with pytest.raises(Conflict, match="已存在"):
        users.create_user(ctx, username="clerk", display_name="重名", role="clerk", password="start123")
    with pytest.raises(UserError, match="至少"):
        users.create_user(ctx, username="short", display_name="短", role="clerk", password="1")
    with pytest.raises(UserError, match="空格"):
        users.create_user(ctx, username="two words", display_name="空格", role="clerk", password="start123")
    with pytest.raises(NotAllowed):
        users.create_user(as_user("clerk"), username="sneaky", display_name="越权", role="admin", password="start123")
    with pytest.raises(NotAllowed, match="自己"):
        users.set_active(ctx, ctx.actor.username, False)
    assert digest() == before
