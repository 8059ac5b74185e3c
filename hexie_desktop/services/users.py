"""Users, roles and passwords (argon2id); login with lock-out after repeated failures."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from hexie_desktop.core import codes, fields
from hexie_desktop.core.errors import Conflict, NotAllowed, NotFound, UserError
from hexie_desktop.core.i18n import _
from hexie_desktop.services.context import Actor, Context
from hexie_desktop.storage import audit
from hexie_desktop.storage.db import Database
from hexie_desktop.storage.models import User, utcnow

MAX_FAILURES = 5
LOCK_MINUTES = 10
MIN_PASSWORD = 6

_hasher = PasswordHasher()


@dataclass(frozen=True)
class UserRow:
    """A user as lists show it."""

    username: str
    display_name: str
    role: str
    role_label: str
    active: bool
    locked_until: datetime | None


def hash_password(password: str) -> str:
    """argon2id hash of ``password`` after checking it is long enough."""
    if len(password or "") < MIN_PASSWORD:
        raise UserError(_("密码至少需要{n}个字符").format(n=MIN_PASSWORD), field="password")
    return _hasher.hash(password)


def _check_username(username: str) -> str:
    username = fields.text(username, "username", max_len=50, multiline=False) or ""
    if not username or any(c.isspace() for c in username):
        raise UserError(_("用户名不能为空、不能含空格、不超过50个字符"), field="username")
    return username


def add_user_in(session: Session, *, username: str, display_name: str, role: str, password: str) -> User:
    """Create a user inside the caller's transaction."""
    username = _check_username(username)
    codes.require(codes.ROLES, role, "role")
    if session.execute(select(User).where(User.username == username)).scalar_one_or_none():
        raise Conflict(_("用户名“{name}”已存在").format(name=username), field="username")
    display_name = fields.text(display_name, "display_name", max_len=50, multiline=False) or username
    user = User(username=username, display_name=display_name, role=role,
                password_hash=hash_password(password))
    session.add(user)
    session.flush()
    return user


def create_user(ctx: Context, *, username: str, display_name: str, role: str, password: str) -> UserRow:
    """Create a user (admins only)."""
    ctx.require("users.manage")
    with ctx.db.transaction() as session:
        user = add_user_in(session, username=username, display_name=display_name, role=role, password=password)
        ctx.audit(session, "user.create", entity="user", entity_id=user.username,
                  summary=f"{user.display_name} {codes.label(codes.ROLES, role)}")
        return _row(user)


def _row(user: User) -> UserRow:
    return UserRow(user.username, user.display_name, user.role, codes.label(codes.ROLES, user.role),
                   user.active, user.locked_until)


def list_users(ctx: Context) -> list[UserRow]:
    """Every user of the station."""
    with ctx.db.read() as session:
        return [_row(u) for u in session.execute(select(User).order_by(User.id)).scalars()]


def authenticate(db: Database, username: str, password: str, *, now: datetime | None = None) -> Actor:
    """Check a login; five failures in a row lock the account for ten minutes (audited)."""
    now = now or utcnow()
    username = fields.text(username, "username", max_len=100, multiline=False) or ""  # never audit raw controls
    with db.transaction() as session:
        user = session.execute(select(User).where(User.username == username)).scalar_one_or_none()
        if user is None or not user.active:
            audit.append(session, actor=username or "?", action="login.unknown_user", summary="")
            failure = NotAllowed(_("用户名或密码错误"), field="password")
        elif user.locked_until is not None and user.locked_until > now:
            minutes = max(1, int((user.locked_until - now).total_seconds() // 60) + 1)
            failure = NotAllowed(_("账户已锁定，请在{m}分钟后再试").format(m=minutes), field="password")
        else:
            try:
                _hasher.verify(user.password_hash, password or "")
            except (VerificationError, InvalidHashError):
                user.failed_logins += 1
                if user.failed_logins >= MAX_FAILURES:
                    user.locked_until = now + timedelta(minutes=LOCK_MINUTES)
                    user.failed_logins = 0
                    audit.append(session, actor=user.username, action="login.locked", entity="user",
                                 entity_id=user.username, summary=f"{MAX_FAILURES}次密码错误，锁定{LOCK_MINUTES}分钟")
                    failure = NotAllowed(
                        _("密码连续错误{n}次，账户已锁定{m}分钟").format(n=MAX_FAILURES, m=LOCK_MINUTES), field="password"
                    )
                else:
                    audit.append(session, actor=user.username, action="login.failed", entity="user",
                                 entity_id=user.username, summary=f"第{user.failed_logins}次")
                    left = MAX_FAILURES - user.failed_logins
                    failure = NotAllowed(_("用户名或密码错误（再错{n}次将锁定账户）").format(n=left), field="password")
            else:
                user.failed_logins = 0
                user.locked_until = None
                user.last_login_at = now
                if _hasher.check_needs_rehash(user.password_hash):
                    user.password_hash = _hasher.hash(password)
                audit.append(session, actor=user.username, action="login.ok", entity="user", entity_id=user.username)
                return Actor(user.username, user.display_name, user.role)
    raise failure


def change_password(ctx: Context, username: str, new_password: str, *, old_password: str | None = None) -> None:
    """Change a password: one's own with the old password, anyone's as an admin."""
    own = username == ctx.actor.username
    if not own:
        ctx.require("users.manage")
    with ctx.db.transaction() as session:
        user = session.execute(select(User).where(User.username == username)).scalar_one_or_none()
        if user is None:
            raise NotFound(_("用户“{name}”不存在").format(name=username))
        if own and old_password is not None:
            try:
                _hasher.verify(user.password_hash, old_password)
            except (VerificationError, InvalidHashError):
                raise NotAllowed(_("原密码不正确"), field="old_password") from None
        user.password_hash = hash_password(new_password)
        user.failed_logins = 0
        user.locked_until = None
        ctx.audit(session, "user.password", entity="user", entity_id=username)


def set_active(ctx: Context, username: str, active: bool) -> None:
    """Enable or disable a login (admins only; one cannot disable oneself)."""
    ctx.require("users.manage")
    if username == ctx.actor.username and not active:
        raise NotAllowed(_("不能停用自己的账户"))
    with ctx.db.transaction() as session:
        user = session.execute(select(User).where(User.username == username)).scalar_one_or_none()
        if user is None:
            raise NotFound(_("用户“{name}”不存在").format(name=username))
        user.active = active
        ctx.audit(session, "user.enable" if active else "user.disable", entity="user", entity_id=username)


def actor_for(db: Database, username: str) -> Actor:
    """The actor of an existing active user (for already-authenticated sessions)."""
    with db.read() as session:
        user = session.execute(select(User).where(User.username == username)).scalar_one_or_none()
        if user is None or not user.active:
            raise NotFound(_("用户“{name}”不存在或已停用").format(name=username))
        return Actor(user.username, user.display_name, user.role)


def first_admin(db: Database) -> str:
    """Username of the first active admin of the station."""
    with db.read() as session:
        name = session.execute(
            select(User.username).where(User.role.in_(("admin", "district_admin")), User.active).order_by(User.id)
        ).scalars().first()
    if name is None:
        raise NotFound(_("本站没有管理员账户"))
    return name
