"""Users, roles and passwords (argon2id); login with lock-out after repeated failures."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from hexie_desktop.core import codes, fields, passwords
from hexie_desktop.core.errors import Conflict, NotAllowed, NotFound, UserError
from hexie_desktop.core.i18n import _
from hexie_desktop.services.context import Actor, Context
from hexie_desktop.storage import audit
from hexie_desktop.storage.db import Database
from hexie_desktop.storage.models import Mediator, User, utcnow

MAX_FAILURES = 5
LOCK_MINUTES = 10
MIN_PASSWORD = 6

_hasher = passwords.HASHER


@dataclass(frozen=True)
class UserRow:
    """A user as lists show it."""

    username: str
    display_name: str
    role: str
    role_label: str
    active: bool
    locked_until: datetime | None
    mediator_id: str | None = None
    mediator_name: str | None = None


def check_password_policy(password: str) -> None:
    """Raise UserError unless ``password`` is acceptable (long enough)."""
    if len(password or "") < MIN_PASSWORD:
        raise UserError(_("密码至少需要{n}个字符").format(n=MIN_PASSWORD), field="password")


def hash_password(password: str) -> str:
    """argon2id hash of ``password`` after checking it is long enough."""
    check_password_policy(password)
    return _hasher.hash(password)


def password_matches(password_hash: str, password: str) -> bool:
    """True when ``password`` matches the stored argon2 hash (nothing is written)."""
    return passwords.matches(password_hash, password)


@dataclass(frozen=True)
class PasswordCheck:
    """A password already checked against one stored hash (e.g. on another thread while the program loaded).

    :func:`authenticate` uses ``matches`` only when the user's stored hash *and* the password are exactly
    these; otherwise it checks again.  ``matches`` must come from argon2's verify of that pair.
    """

    password_hash: str
    password: str
    matches: bool


def check_username(username: str) -> str:
    """The username stripped, or UserError when it is empty, has spaces or is too long."""
    return _check_username(username)


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


def create_user(ctx: Context, *, username: str, display_name: str, role: str, password: str,
                mediator: str | None = None) -> UserRow:
    """Create a user (admins only), linked to the 调解员 record ``mediator`` (name or id) when given."""
    ctx.require("users.manage")
    with ctx.db.transaction() as session:
        user = add_user_in(session, username=username, display_name=display_name, role=role, password=password)
        record = _link_in(session, user, mediator) if mediator else None
        ctx.audit(session, "user.create", entity="user", entity_id=user.username,
                  summary=f"{user.display_name} {codes.label(codes.ROLES, role)}"
                          + (f" 调解员 {record.name}" if record else ""))
        return _row(user, record.name if record else None)


def _row(user: User, mediator_name: str | None = None) -> UserRow:
    return UserRow(user.username, user.display_name, user.role, codes.label(codes.ROLES, user.role),
                   user.active, user.locked_until, user.mediator_id, mediator_name)


def list_users(ctx: Context) -> list[UserRow]:
    """Every user of the station, with the name of the mediator record each is linked to."""
    with ctx.db.read() as session:
        rows = session.execute(
            select(User, Mediator.name).outerjoin(Mediator, Mediator.id == User.mediator_id).order_by(User.id)).all()
        return [_row(user, name) for user, name in rows]


def find_mediator(session: Session, key: str) -> Mediator:
    """The live mediator record named ``key`` (or with that id); NotFound or Conflict (two of that name)."""
    key = fields.text(key, "mediator", max_len=50, multiline=False) or ""
    found = list(session.execute(select(Mediator).where(
        Mediator.deleted.is_(False), (Mediator.id == key) | (Mediator.name == key))).scalars())
    if not found:
        raise NotFound(_("调解员“{name}”不在调解员名册中").format(name=key), field="mediator")
    if len(found) > 1:
        raise Conflict(_("调解员名册中有{n}位“{name}”，请用记录编号指定").format(n=len(found), name=key),
                       field="mediator")
    return found[0]


def _link_in(session: Session, user: User, mediator: str) -> Mediator:
    """Point ``user`` at the mediator record ``mediator``; a record already linked to another login is refused."""
    record = find_mediator(session, mediator)
    other = session.execute(select(User.username).where(
        User.mediator_id == record.id, User.username != user.username)).scalar()
    if other is not None:
        raise Conflict(_("调解员“{name}”已关联用户“{user}”").format(name=record.name, user=other), field="mediator")
    user.mediator_id = record.id
    return record


def own_mediator_id(ctx: Context) -> str | None:
    """The mediator record the acting user is linked to (None when not linked)."""
    with ctx.db.read() as session:
        return session.execute(select(User.mediator_id).where(User.username == ctx.actor.username)).scalar()


def link_mediator(ctx: Context, username: str, mediator: str | None) -> UserRow:
    """Link a login to its 调解员 record (or unlink with ``None``); admins only, audited.

    The link makes the user's own cases (工作台“我的案件”) and the default mediator of the
    cases they accept.  One mediator record belongs to at most one login.
    """
    ctx.require("users.manage")
    with ctx.db.transaction() as session:
        user = session.execute(select(User).where(User.username == username)).scalar_one_or_none()
        if user is None:
            raise NotFound(_("用户“{name}”不存在").format(name=username), field="username")
        if mediator is None or not str(mediator).strip():
            user.mediator_id = None
            ctx.audit(session, "user.mediator", entity="user", entity_id=username, summary="取消关联调解员")
            return _row(user)
        record = _link_in(session, user, str(mediator))
        ctx.audit(session, "user.mediator", entity="user", entity_id=username, summary=f"关联调解员 {record.name}")
        return _row(user, record.name)


def _matches(password_hash: str, password: str, checked: PasswordCheck | None) -> bool:
    """``password`` matches the stored hash: ``checked``'s answer when made for this very pair, else argon2's."""
    if checked is not None and (checked.password_hash, checked.password) == (password_hash, password or ""):
        return checked.matches
    return password_matches(password_hash, password)


def authenticate(db: Database, username: str, password: str, *, now: datetime | None = None,
                 checked: PasswordCheck | None = None) -> Actor:
    """Check a login; five failures in a row lock the account for ten minutes (audited).

    ``checked``: the argon2 verification of this password against the hash stored when it was made
    (:class:`PasswordCheck`); used only when that hash is still the user's, so the outcome, the messages
    and the audit entries are those of checking here.
    """
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
            if not _matches(user.password_hash, password, checked):
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
                if passwords.needs_rehash(user.password_hash):
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
        if own and old_password is not None and not passwords.matches(user.password_hash, old_password):
            raise NotAllowed(_("原密码不正确"), field="old_password")
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
