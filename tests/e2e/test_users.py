"""Logins: argon2id passwords, five failures lock the account for ten minutes (audited)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from hexie_desktop.core.errors import Conflict, NotAllowed, UserError
from hexie_desktop.services import users
from hexie_desktop.storage.models import AuditEntry, User


def test_login_and_lockout(station):
    now = datetime(2026, 11, 21, 9, 0)
    assert users.authenticate(station.db, "admin", "secret123", now=now).role == "admin"
    for attempt in range(1, 5):
        with pytest.raises(NotAllowed, match=f"再错{5 - attempt}次"):
            users.authenticate(station.db, "admin", "bad", now=now)
    with pytest.raises(NotAllowed, match="锁定10分钟"):
        users.authenticate(station.db, "admin", "bad", now=now)
    with pytest.raises(NotAllowed, match="账户已锁定"):
        users.authenticate(station.db, "admin", "secret123", now=now + timedelta(minutes=9))
    assert users.authenticate(station.db, "admin", "secret123", now=now + timedelta(minutes=11)).username == "admin"
    with station.db.read() as session:
        actions = list(session.execute(select(AuditEntry.action).order_by(AuditEntry.id)).scalars())
        stored = session.execute(select(User.password_hash)).scalar_one()
    assert actions.count("login.failed") == 4 and actions.count("login.locked") == 1
    assert stored.startswith("$argon2id$")


def test_unknown_user_gets_the_same_message(station):
    with pytest.raises(NotAllowed, match="用户名或密码错误"):
        users.authenticate(station.db, "nobody", "secret123")


def test_user_management_rights_and_rules(station, ctx):
    from hexie_desktop.services.context import Actor

    users.create_user(ctx, username="clerk1", display_name="窗口小王", role="clerk", password="clerkpass")
    with pytest.raises(Conflict):
        users.create_user(ctx, username="clerk1", display_name="x", role="clerk", password="clerkpass")
    with pytest.raises(UserError):
        users.create_user(ctx, username="short", display_name="x", role="clerk", password="123")
    with pytest.raises(UserError):
        users.create_user(ctx, username="boss", display_name="x", role="emperor", password="secret123")
    clerk = station.context(Actor("clerk1", "窗口小王", "clerk"))
    with pytest.raises(NotAllowed):
        users.create_user(clerk, username="x2", display_name="x", role="admin", password="secret123")
    users.change_password(clerk, "clerk1", "newpass1", old_password="clerkpass")
    assert users.authenticate(station.db, "clerk1", "newpass1").role == "clerk"
    with pytest.raises(NotAllowed):
        users.set_active(ctx, "admin", False)
    users.set_active(ctx, "clerk1", False)
    with pytest.raises(NotAllowed):
        users.authenticate(station.db, "clerk1", "newpass1")
