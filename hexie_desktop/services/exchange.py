"""Exchange use cases: keys and cards, township export, imports at both ends, receipts, reference data.

One user action = one function = one transaction = one audit entry: an export reserves its
number, writes its package beside the target and logs it in one transaction, and the file
takes its final name only after that commit; an import applies every row, logs the
package, updates the township's progress and (at the district) writes the signed receipt in
one transaction.  A refused package changes nothing and leaves nothing outside the staging
folder.  The package format and the row rules live in :mod:`hexie_desktop.exchange`.
"""

from __future__ import annotations

import base64
import json
import os
import re
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterator

from alembic.script import ScriptDirectory
from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from hexie_desktop import failpoints
from hexie_desktop.core.errors import UserError
from hexie_desktop.core.ids import mask_row
from hexie_desktop.core.i18n import _
from hexie_desktop.exchange import container as hxp
from hexie_desktop.exchange import keys as keyring
from hexie_desktop.exchange import reader, state
from hexie_desktop.exchange import sequence as numbering
from hexie_desktop.exchange.apply import ApplyResult, TableCounts, apply_changes, drop_search, reindex_cases
from hexie_desktop.exchange.codec import TABLES, check_row, encoder
from hexie_desktop.exchange.errors import (
    E_DUPLICATE, E_FORMAT, E_INTEGRITY, E_NOT_FOR_US, E_PENDING, E_REPLAY, E_SENDER, E_SEQUENCE, E_STATE,
    E_TRUST, ExchangeError,
)
from hexie_desktop.exchange.keys import Card, StationKeys
from hexie_desktop.exchange.payload import RECEIPT, REFERENCE, PayloadReader, PayloadWriter
from hexie_desktop.exchange.writer import write_package
from hexie_desktop.fileio import atomic_path
from hexie_desktop.services import settings
from hexie_desktop.services.context import Context
from hexie_desktop.storage import audit, migrate
from hexie_desktop.storage.db import CHANGE_SEQ, next_counter
from hexie_desktop.storage.models import (
    Counter, ExchangeCode, ExchangeConflict, ExchangePackage, ExchangePeer, ExchangeQuarantine,
    utcnow,
)

PASSPHRASE_ENV = "HEXIE_KEY_PASSPHRASE"
PACKAGE_COUNTER = "exchange.package_seq"
REFERENCE_SETTINGS = ("station.arbitration_commission", "station.arbitration_address", "station.arbitration_phone",
                      "station.court_name")
CODE_TABLES = ("case_sources", "claim_categories", "employer_types", "industries", "org_types", "visit_methods",
               "payment_methods", "document_types")
_CODE = re.compile(r"^[a-z0-9_]{1,40}$")


# ---------------------------------------------------------------- small helpers


def _local(moment: datetime | None) -> str:
    """A stored UTC time as local ``YYYY-MM-DD HH:MM`` (empty for None)."""
    if moment is None:
        return ""
    return moment.replace(tzinfo=timezone.utc).astimezone().strftime("%Y-%m-%d %H:%M")


@lru_cache(maxsize=1)
def _revisions() -> frozenset[str]:
    script = ScriptDirectory(str(migrate.MIGRATIONS_DIR))
    return frozenset(s.revision for s in script.walk_revisions())


def known_schema(revision: str) -> bool:
    """True when ``revision`` is a schema revision this program knows."""
    return revision in _revisions()


def _role(station: Any) -> str:
    return station.info.role


def _require_role(station: Any, role: str) -> None:
    if _role(station) != role:
        raise ExchangeError(E_STATE, _("只有{role}站点可以执行此操作").format(
            role=_("乡镇") if role == "township" else _("区级")))


def _peer_card(peer: ExchangePeer) -> Card:
    return Card.from_dict(json.loads(peer.card))


def _fingerprint(peer: ExchangePeer) -> str:
    """The peer's fingerprint as its stored card gives it now (rows from before fingerprint v2 hold v1)."""
    return _peer_card(peer).fingerprint


def _loads(text: str | None, default: Any) -> Any:
    if not text:
        return default
    try:
        return json.loads(text)
    except ValueError:
        return default


# ---------------------------------------------------------------- keys


def passphrase_from_env() -> str | None:
    """The district key passphrase from ``HEXIE_KEY_PASSPHRASE`` (None when unset)."""
    return os.environ.get(PASSPHRASE_ENV) or None


def ensure_keys(station: Any, passphrase: str | None = None) -> Card:
    """This station's card, creating its keys first when it has none (a district needs the passphrase)."""
    folder = state.keys_dir(station)
    if keyring.exists(folder):
        return keyring.public_card(folder)
    info = station.info
    keys = keyring.generate(role=info.role, unit_code=info.unit_code, unit_name=info.unit_name)
    if keys.protected:
        keyring.check_passphrase(passphrase)
    keyring.save(folder, keys, passphrase)
    return keys.card


def has_keys(station: Any) -> bool:
    """True when the station already has its exchange keys."""
    return keyring.exists(state.keys_dir(station))


def needs_passphrase(station: Any) -> bool:
    """True when using the keys needs the passphrase (districts)."""
    folder = state.keys_dir(station)
    if keyring.exists(folder):
        return keyring.is_protected(folder)
    return _role(station) == "district"


def unlock(station: Any, passphrase: str | None = None) -> StationKeys:
    """The station's private keys (created on first use; a district needs the passphrase)."""
    ensure_keys(station, passphrase)
    return keyring.load(state.keys_dir(station), passphrase)


@dataclass(frozen=True)
class PeerView:
    """A peer station as the screens and the CLI show it."""

    unit_code: str
    unit_name: str
    role: str
    status: str
    fingerprint: str
    trusted_at: str
    epoch: int
    last_sequence: int
    last_received_at: str
    gaps: list[int]
    last_receipt_sequence: int
    last_receipt_at: str
    open_conflicts: int = 0
    open_quarantine: int = 0
    waiting: int = 0
    gap_label: str = ""
    other_cards: list[str] = field(default_factory=list)

    @property
    def status_label(self) -> str:
        """The trust status in words."""
        return {"trusted": _("已登记") if self.role == "township" else _("已信任"),
                "pending": _("待核对指纹")}.get(self.status, self.status)


def _peer_view(session: Session, peer: ExchangePeer) -> PeerView:
    conflicts = quarantine = waiting = 0
    others: list[str] = []
    if peer.role == "township":
        conflicts = session.execute(select(func.count()).select_from(ExchangeConflict).where(
            ExchangeConflict.origin == peer.unit_code, ExchangeConflict.status == "open")).scalar_one()
        quarantine = session.execute(select(func.count()).select_from(ExchangeQuarantine).where(
            ExchangeQuarantine.origin == peer.unit_code, ExchangeQuarantine.status == "open")).scalar_one()
        waiting = session.execute(select(func.count()).select_from(ExchangePackage).where(
            ExchangePackage.peer == peer.unit_code, ExchangePackage.status == "waiting")).scalar_one()
        if peer.status == "pending":
            others = sorted({fp for _package, fp, _card in _waiting(session, peer)} - {_fingerprint(peer)})
    gaps = numbering.parse(peer.gaps)
    return PeerView(peer.unit_code, peer.unit_name, peer.role, peer.status, _fingerprint(peer),
                    _local(peer.trusted_at), peer.epoch, peer.last_sequence, _local(peer.last_received_at),
                    numbering.missing(gaps), peer.last_receipt_sequence, _local(peer.last_receipt_at),
                    conflicts, quarantine, waiting, numbering.label(gaps), others)


def _waiting(session: Session, peer: ExchangePeer) -> list[tuple[ExchangePackage, str, dict]]:
    """(package, fingerprint, card) of every package waiting for ``peer``'s enrolment, oldest first.

    Each waiting package notes the card it was signed with; a package that does not (held by an
    older program) was signed with the peer's pending card.
    """
    out = []
    for package in session.execute(select(ExchangePackage).where(
            ExchangePackage.peer == peer.unit_code, ExchangePackage.status == "waiting")
            .order_by(ExchangePackage.epoch, ExchangePackage.sequence)).scalars():
        card = _loads(package.summary, {}).get("card")
        if isinstance(card, dict):
            try:
                out.append((package, Card.from_dict(card).fingerprint, card))
                continue
            except ExchangeError:
                pass
        out.append((package, _fingerprint(peer), json.loads(peer.card)))
    return out


@dataclass(frozen=True)
class KeyInfo:
    """``keys show``: this station's card and the peers it knows."""

    card: Card | None
    protected: bool
    peers: list[PeerView]


def key_info(ctx: Context, station: Any) -> KeyInfo:
    """This station's card (None before its keys exist) and every peer."""
    ctx.require("read")
    folder = state.keys_dir(station)
    card = keyring.public_card(folder) if keyring.exists(folder) else None
    with ctx.db.read() as session:
        peers = [_peer_view(session, p) for p in session.execute(
            select(ExchangePeer).order_by(ExchangePeer.unit_code)).scalars()]
    return KeyInfo(card, needs_passphrase(station), peers)


def write_card(ctx: Context, station: Any, out: Path, passphrase: str | None = None) -> Card:
    """Write this station's public card to ``out`` (keys are created first when missing)."""
    ctx.require("read")
    card = ensure_keys(station, passphrase)
    with atomic_path(Path(out)) as tmp:
        tmp.write_bytes(card.to_bytes())
    with ctx.db.transaction() as session:
        ctx.audit(session, "exchange.card", entity="station", entity_id=card.unit_code,
                  summary=f"{card.fingerprint} → {out}")
    return card


def export_identity(ctx: Context, station: Any, out: Path, passphrase: str) -> int:
    """Write this station's age identities (its X25519 secrets) for the stock ``age`` tool.

    The file is sealed with ``passphrase`` in age's passphrase format and written owner-only;
    a district's keys are unlocked with the same passphrase.  Audited.  Returns how many
    identities it holds (the current one and, after rotations, the earlier ones).
    """
    ctx.require("settings.edit")
    passphrase = keyring.check_passphrase(passphrase)
    keys = unlock(station, passphrase if needs_passphrase(station) else None)
    data = keyring.identity_file(keys, passphrase)
    target = Path(out)
    with ctx.db.transaction() as session:
        with atomic_path(target) as tmp:
            tmp.write_bytes(data)
            if os.name == "posix":
                os.chmod(tmp, 0o600)
        ctx.audit(session, "exchange.identity", entity="station", entity_id=keys.card.unit_code,
                  summary=_("导出本站私钥（age 身份{n}个，口令加密）→ {path}").format(n=len(keys.identities),
                                                                        path=target))
    return len(keys.identities)


def _check_pair(own: Any, card: Card) -> None:
    info = own.info
    if card.unit_code == info.unit_code:
        raise ExchangeError(E_TRUST, _("这是本站自己的名片"))
    if info.role == "township":
        if card.role != "district":
            raise ExchangeError(E_TRUST, _("乡镇站点只能信任区级站点的名片"))
        if not info.unit_code.startswith(card.unit_code):
            raise ExchangeError(E_TRUST, _("区级站点{code}不是本站（{own}）的上级").format(
                code=card.unit_code, own=info.unit_code))
    else:
        if card.role != "township":
            raise ExchangeError(E_TRUST, _("区级站点只能登记乡镇站点的名片"))
        if not card.unit_code.startswith(info.unit_code):
            raise ExchangeError(E_TRUST, _("乡镇{code}不属于本区（{own}）").format(code=card.unit_code,
                                                                          own=info.unit_code))


def _store_peer(session: Session, card: Card, *, status: str, actor: str | None,
                until: tuple[int, int] | None = None) -> ExchangePeer:
    """Store ``card`` for its station; a replaced trusted key goes to the key history (:func:`_retired`)."""
    peer = session.get(ExchangePeer, card.unit_code)
    now = utcnow()
    if peer is None:
        peer = ExchangePeer(unit_code=card.unit_code, role=card.role, unit_name=card.unit_name, status=status,
                            fingerprint=card.fingerprint, age_recipient=card.age_recipient,
                            sign_key=card.sign_key, card=json.dumps(card.as_dict(), ensure_ascii=False),
                            previous_fingerprints="[]", epoch=0, epoch_base=0, last_sequence=0, gaps="[]",
                            last_receipt_sequence=0)
        session.add(peer)
    else:
        if _fingerprint(peer) != card.fingerprint and peer.status == "trusted":
            previous = _loads(peer.previous_fingerprints, [])
            peer.previous_fingerprints = json.dumps(previous + [_retired(peer, until)])
        peer.role, peer.unit_name, peer.fingerprint = card.role, card.unit_name, card.fingerprint
        peer.age_recipient, peer.sign_key = card.age_recipient, card.sign_key
        peer.card = json.dumps(card.as_dict(), ensure_ascii=False)
        peer.status = status if peer.status != "trusted" or status == "trusted" else peer.status
    if status == "trusted":
        peer.trusted_at, peer.trusted_by = now, actor
    session.flush()
    return peer


def _retired(peer: ExchangePeer, until: tuple[int, int] | None) -> dict:
    """A key-history entry (kept in ``previous_fingerprints``) for the key ``peer`` is about to replace.

    ``until`` is the (epoch, sequence) of the signed package that announced the new key: the
    old key stays valid for the peer's packages numbered up to it — signed before the
    rotation, carried over after it.  A key replaced by hand (``keys trust``) gets no window.
    """
    return {"fingerprint": _fingerprint(peer), "sign_key": peer.sign_key, "until": list(until) if until else None,
            "retired_at": utcnow().replace(microsecond=0).isoformat()}


def _earlier_keys(session: Session) -> Callable[[Any], list[bytes]]:
    """For :func:`reader.verify`: a trusted peer's retired signing keys still valid for a manifest."""
    history: dict[str, list[tuple[tuple[int, int], bytes]]] = {}
    for peer in session.execute(select(ExchangePeer).where(ExchangePeer.status == "trusted")).scalars():
        for entry in _loads(peer.previous_fingerprints, []):
            if isinstance(entry, dict) and isinstance(entry.get("until"), list) and len(entry["until"]) == 2:
                try:
                    key = base64.b64decode(entry["sign_key"], validate=True)
                except (TypeError, ValueError):
                    continue
                history.setdefault(peer.unit_code, []).append(((int(entry["until"][0]), int(entry["until"][1])), key))

    def earlier(manifest: Any) -> list[bytes]:
        return [key for until, key in history.get(manifest.sender_code, ())
                if (manifest.epoch, manifest.sequence) <= until]

    return earlier


def read_card(card_file: Path) -> Card:
    """Read and check a card file (to show its fingerprint before trusting it)."""
    path = Path(card_file)
    if not path.is_file():
        raise ExchangeError(E_TRUST, _("找不到名片文件：{path}").format(path=path))
    if path.stat().st_size > 64 * 1024:
        raise ExchangeError(E_TRUST, _("名片文件过大"))
    return Card.from_bytes(path.read_bytes())


def trust_card(ctx: Context, station: Any, card_file: Path, *, fingerprint: str) -> PeerView:
    """Trust a peer's card: a township trusts its district; a district enrolls a township.

    ``fingerprint`` is what the person confirmed (read to them over the phone, or the one the
    screen showed and they accepted): it must be the card's, else nothing is trusted.
    """
    ctx.require("settings.edit")
    card = read_card(card_file)
    _check_pair(station, card)
    if keyring.normalize_fingerprint(fingerprint) != card.fingerprint:
        raise ExchangeError(E_TRUST, _("指纹不符：名片{name}（{code}）的指纹是 {fp}，与核对的 {given} 不一致，未信任").format(
            name=card.unit_name, code=card.unit_code, fp=card.fingerprint,
            given=keyring.normalize_fingerprint(fingerprint)[:30] or "-"))
    with ctx.db.transaction() as session:
        if _role(station) == "township":
            other = session.execute(select(ExchangePeer).where(
                ExchangePeer.role == "district", ExchangePeer.status == "trusted",
                ExchangePeer.unit_code != card.unit_code)).scalars().first()
            if other is not None:
                raise ExchangeError(E_TRUST, _("本站已信任区级站点{name}（{code}），不能再信任另一个区级站点").format(
                    name=other.unit_name, code=other.unit_code))
        peer = _store_peer(session, card, status="trusted", actor=ctx.actor.username)
        ctx.audit(session, "exchange.trust", entity="exchange_peer", entity_id=card.unit_code,
                  summary=f"{card.unit_name} {card.fingerprint}")
        return _peer_view(session, peer)


TABLE_LABELS = {
    "employers": _("用人单位"), "mediation_orgs": _("调解组织"), "attachments": _("附件"),
    "checklist_items": _("规范化检查项"), "mediators": _("调解员"), "coordinators": _("劳动关系协调员"),
    "social_orgs": _("社会组织"), "key_enterprises": _("重点企业"), "enterprise_visits": _("走访记录"),
    "layoff_plans": _("裁员计划"), "new_enterprises": _("新注册企业"), "cultivations": _("和谐企业培育"),
    "cases": _("案件"), "parties": _("申请人"), "claims": _("请求事项"), "mediation_sessions": _("调解记录"),
    "agreements": _("调解协议"), "agreement_items": _("协议条目"), "agreement_shares": _("每人金额"),
    "performance_records": _("履行记录"),
    "follow_ups": _("回访记录"), "case_events": _("案件经过"), "issued_documents": _("已发文书"),
}
KIND_LABELS = {"changes": _("变更"), "full": _("完整"), "receipt": _("回执"), "reference": _("参考数据")}


@dataclass
class Outcome:
    """The result of importing one file (or one set of e-mail parts)."""

    source: str
    ok: bool
    kind: str = ""
    sender: str = ""
    sender_name: str = ""
    sequence: int = 0
    package_id: str = ""
    dry_run: bool = False
    summary: ApplyResult | None = None
    receipt_path: Path | None = None
    error: ExchangeError | None = None
    messages: list[str] = field(default_factory=list)

    @property
    def code(self) -> str:
        """``OK`` or the refusal's error code."""
        return "OK" if self.ok else (self.error.code if self.error else "ERROR")

    def as_dict(self) -> dict[str, Any]:
        """Plain data for ``--json`` output."""
        return {"source": self.source, "ok": self.ok, "code": self.code, "kind": self.kind, "sender": self.sender,
                "sender_name": self.sender_name, "sequence": self.sequence, "package_id": self.package_id,
                "dry_run": self.dry_run, "summary": self.summary.as_dict() if self.summary else None,
                "receipt": str(self.receipt_path) if self.receipt_path else None,
                "error": self.error.message if self.error else None, "messages": self.messages}


def accept_township(ctx: Context, station: Any, unit_code: str, fingerprint: str, *,
                    keys: StationKeys | None = None, passphrase: str | None = None,
                    progress: Callable[[int], None] | None = None) -> tuple[PeerView, list[Outcome]]:
    """Enroll a township whose first package waits, after the admin compared fingerprints.

    The waiting packages are then imported (each in its own transaction) and removed from
    the waiting folder.  Returns the township and the import outcomes.
    """
    ctx.require("settings.edit")
    _require_role(station, "district")
    typed = keyring.normalize_fingerprint(fingerprint)
    refused: list[Outcome] = []
    with ctx.db.transaction() as session:
        peer = session.get(ExchangePeer, unit_code)
        if peer is None or peer.status != "pending":
            raise ExchangeError(E_TRUST, _("没有等待核对的乡镇{code}").format(code=unit_code))
        waiting = _waiting(session, peer)
        cards = {_fingerprint(peer): json.loads(peer.card)}
        cards.update({fp: card for _package, fp, card in waiting})
        if typed not in cards:
            raise ExchangeError(E_TRUST, _("指纹不符：{name}数据包中的指纹是 {fp}，请电话核实后再接受").format(
                name=peer.unit_name, fp="、".join(sorted(cards))))
        if typed != _fingerprint(peer):  # the phone call decided which of the competing cards is real
            _store_peer(session, Card.from_dict(cards[typed]), status="pending", actor=None)
        peer.status, peer.trusted_at, peer.trusted_by = "trusted", utcnow(), ctx.actor.username
        files, discarded = [], []
        for package, fp, _card in waiting:
            path = state.waiting_dir(station) / (package.file_name or "-")
            if fp == typed:
                files.append((package.id, path))
                continue
            refused.append(Outcome(package.file_name or package.id, False, kind=package.kind, sender=unit_code,
                                   sequence=package.sequence, package_id=package.id, error=ExchangeError(
                                       E_SENDER, _("此数据包的签名名片（指纹 {fp}）不是核对一致的那一张，可能有人冒充，已丢弃")
                                       .format(fp=fp))))
            discarded.append(path)
        ctx.audit(session, "exchange.accept", entity="exchange_peer", entity_id=unit_code,
                  summary=f"{peer.unit_name} {typed}" + (_("；丢弃名片不符的数据包{n}个").format(n=len(refused))
                                                       if refused else ""))
        session.execute(ExchangePackage.__table__.delete().where(ExchangePackage.peer == unit_code,
                                                                 ExchangePackage.status == "waiting"))
    for path in discarded:
        hxp.remove_quietly(path)
    outcomes: list[Outcome] = list(refused)
    if files:
        keys = keys or unlock(station, passphrase)
        for _pid, path in files:
            result = import_packages(ctx, station, [path], keys=keys, progress=progress)
            outcomes += result
            if all(o.ok or o.code in (E_DUPLICATE, E_REPLAY) for o in result):
                hxp.remove_quietly(path)
    with ctx.db.read() as session:
        return _peer_view(session, session.get(ExchangePeer, unit_code)), outcomes


def rotate_keys(ctx: Context, station: Any, passphrase: str | None, out: Path,
                split_mb: int | None = None) -> tuple[Card, list[Path]]:
    """New district keys, announced to every township in a reference package signed by the old key."""
    ctx.require("settings.edit")
    _require_role(station, "district")
    folder = state.keys_dir(station)
    unlock(station, passphrase)
    with ctx.db.read() as session:
        if _trusted_townships(session) == []:
            raise ExchangeError(E_STATE, _("还没有登记任何乡镇"))
    old, new = keyring.rotate(folder, passphrase)
    try:
        result = publish_reference(ctx, station, out, keys=old, split_mb=split_mb, new_card=new.card)
    except BaseException:
        keyring.save(folder, old, passphrase)
        raise
    return new.card, result.paths


def set_escrow(ctx: Context, station: Any, passphrase: str | None, recipients: list[str], out: Path | None = None,
               split_mb: int | None = None) -> tuple[Card, list[Path]]:
    """Give the district card escrow recipients; townships learn it from a signed reference package."""
    ctx.require("settings.edit")
    _require_role(station, "district")
    unlock(station, passphrase)
    keys = keyring.with_escrow(state.keys_dir(station), passphrase, tuple(recipients))
    paths: list[Path] = []
    if out is not None:
        paths = publish_reference(ctx, station, out, keys=keys, split_mb=split_mb, new_card=keys.card).paths
    return keys.card, paths


# ---------------------------------------------------------------- numbering


def _next_sequence(session: Session, station: Any) -> int:
    value = next_counter(session, PACKAGE_COUNTER)
    floor = state.read_epoch_file(station)["sequence"]
    if value <= floor:
        value = floor + 1
        session.execute(update(Counter).where(Counter.name == PACKAGE_COUNTER).values(value=value))
    return value


def _change_seq(session: Session) -> int:
    return session.execute(select(Counter.value).where(Counter.name == CHANGE_SEQ)).scalar_one_or_none() or 0


def _trusted_district(session: Session) -> ExchangePeer | None:
    return session.execute(select(ExchangePeer).where(ExchangePeer.role == "district",
                                                      ExchangePeer.status == "trusted")).scalars().first()


def _acked(session: Session, epoch: int) -> int:
    return session.execute(select(func.max(ExchangePackage.change_to)).where(
        ExchangePackage.direction == "out", ExchangePackage.epoch == epoch, ExchangePackage.kind.in_(
            ("changes", "full")), ExchangePackage.acknowledged_at.is_not(None))).scalar_one_or_none() or 0


def _last_receipt(session: Session) -> ExchangePackage | None:
    return session.execute(select(ExchangePackage).where(ExchangePackage.direction == "in",
                                                         ExchangePackage.kind == "receipt")
                           .order_by(ExchangePackage.recorded_at.desc()).limit(1)).scalars().first()


def _split_bytes(split_mb: int | None) -> int | None:
    if split_mb is None:
        return None
    if not 1 <= int(split_mb) <= 2048:
        raise ExchangeError(E_STATE, _("分卷大小应在1到2048 MB之间"))
    return int(split_mb) * 1024 * 1024


# ---------------------------------------------------------------- township export


@dataclass(frozen=True)
class Exported:
    """An exported package as people see it."""

    kind: str
    sequence: int
    package_id: str
    paths: list[Path]
    row_counts: dict[str, int]
    rows: int
    files: int
    size: int
    change_from: int
    change_to: int
    recipients: list[str]


def _fill_changes(session: Session, payload: PayloadWriter, origin: str, since: int | None, store: Path,
                  progress: Callable[[int], None] | None) -> tuple[dict[str, int], int]:
    counts: dict[str, int] = {}
    shas: set[str] = set()
    done = 0
    for name, spec in TABLES.items():
        table = spec.table
        query = select(*table.c).where(table.c.origin == origin)
        if since is not None:
            query = query.where(table.c.change_seq > since)
        encode = encoder(spec)
        sha_index = spec.names.index("sha256") if name == "attachments" else -1
        deleted_index = spec.names.index("deleted")

        def lines(query=query, encode=encode, sha_index=sha_index, deleted_index=deleted_index):  # noqa: ANN001, ANN202
            nonlocal done
            for row in session.execute(query.execution_options(yield_per=5000)):
                if sha_index >= 0 and not row[deleted_index]:
                    shas.add(row[sha_index])
                done += 1
                if progress is not None and done % 5000 == 0:
                    progress(done)
                yield encode(row)

        n = payload.add_lines(name, lines())
        if n:
            counts[name] = n
    files = 0
    for sha in sorted(shas):
        source = store / sha[:2] / sha
        if source.is_file():
            payload.add_file(sha, source)
            files += 1
    if progress is not None:
        progress(done)
    return counts, files


def export_package(ctx: Context, station: Any, out: Path, *, split_mb: int | None = None, full: bool = False,
                   progress: Callable[[int], None] | None = None) -> Exported:
    """Township: package every change since the last change the district acknowledged.

    ``full`` packages everything (also chosen automatically when nothing was acknowledged in
    the current epoch, e.g. right after a restore).  Numbering goes on 1, 2, 3 … per township;
    a number is recorded before its package can appear (see :func:`_numbered_output`).
    """
    ctx.require("station.backup")
    _require_role(station, "township")
    keys = unlock(station)
    split_bytes = _split_bytes(split_mb)
    origin = station.info.unit_code
    out = Path(out)
    with _numbered_output(out) as pending:
        with ctx.db.transaction() as session, state.staging(station) as folder:
            district = _trusted_district(session)
            if district is None:
                raise ExchangeError(E_STATE, _("尚未信任区级站点：请先导入区里的站点名片"))
            epoch = state.current_epoch(session)
            acked = _acked(session, epoch.epoch)
            since = None if full or acked == 0 else acked
            kind = "full" if since is None else "changes"
            change_to = _change_seq(session)
            sequence = _next_sequence(session, station)
            failpoints.reach("export.numbered")
            receipt = _last_receipt(session)
            written = write_package(
                pending / out.name, keys=keys, kind=kind, to=[_peer_card(district)], sequence=sequence,
                epoch=epoch.epoch, epoch_base=epoch.base, based_on=receipt.id if receipt else None,
                change_from=since or 0, change_to=change_to, created_at=utcnow(),
                schema_version=migrate.head_revision(), audit_head=audit.head(session), staging=folder,
                fill=lambda payload: _fill_changes(session, payload, origin, since, state.attachments_dir(station),
                                                   progress),
                split_bytes=split_bytes)
            failpoints.reach("export.written")
            digest, counts = state.holdings(session, origin)
            session.add(ExchangePackage(
                id=written.package_id, direction="out", kind=kind, peer=district.unit_code, sequence=sequence,
                epoch=epoch.epoch, epoch_base=epoch.base, change_from=since or 0, change_to=change_to,
                created_at=utcnow(), recorded_at=utcnow(), status="sent",
                row_counts=json.dumps(written.row_counts), summary=json.dumps({"files": written.files}),
                digest=digest, table_counts=json.dumps(counts), audit_head=audit.head(session),
                based_on=receipt.id if receipt else None, file_name=written.paths[0].name, sha256=written.sha256))
            rows = sum(written.row_counts.values())
            ctx.audit(session, "exchange.export", entity="exchange_package", entity_id=written.package_id,
                      summary=_("第{n}号数据包（{kind}，{rows}行，{files}个附件）→ {path}").format(
                          n=sequence, kind=kind, rows=rows, files=written.files,
                          path=out.parent / written.paths[0].name))
            state.write_epoch_file(station, epoch=epoch.epoch, sequence=sequence)
        failpoints.reach("export.committed")
        paths = hxp.move_into(written.paths, out.parent)
    failpoints.reach("export.published")
    return Exported(kind, sequence, written.package_id, paths, written.row_counts, rows, written.files,
                    written.size, since or 0, change_to, [district.unit_code])


PENDING_DIR = ".hexie-exporting"
"""Hidden folder beside an export's target where a package waits for its number to be committed."""


@contextmanager
def _numbered_output(out: Path) -> Iterator[Path]:
    """A locked folder beside ``out`` in which a numbered package is written before its number is committed.

    The caller reserves the number, writes the package here, records it and commits — and
    only then moves the file(s) to the final name.  Killed before the commit, the package
    never appears under its final name and the next export to that folder removes it; killed
    after, the package is recorded (at worst it never appears, and the district notes a gap
    the next package covers).  So one number never names two different packages.  The
    station's highest number is remembered outside the database before the commit
    (:func:`state.write_epoch_file`), so a restore cannot hand it out again either.
    """
    pending = Path(out).parent / PENDING_DIR
    try:
        state.clean(pending)
        with state.scratch(pending) as folder:
            yield folder
    except OSError as exc:
        raise ExchangeError(E_STATE, _("无法写入文件夹 {folder}：{error}，数据包未导出").format(
            folder=Path(out).parent, error=exc.strerror or exc)) from None
    finally:  # on success and on every refusal: leave nothing behind on the user's USB stick
        try:
            pending.rmdir()
        except OSError:
            pass  # another export is using it, or it is already gone


# ---------------------------------------------------------------- district: reference data and receipts


def _reference_document(session: Session, *, codes: dict | None, new_card: Card | None) -> dict:
    values = settings.all_settings(session)
    document = {
        "calendar_overrides": values.get("calendar.overrides") or {},
        "settings": {k: values[k] for k in REFERENCE_SETTINGS if values.get(k)},
        "codes": codes if codes is not None else _district_codes(session),
        "district_card": new_card.as_dict() if new_card is not None else None,
    }
    _check_reference(document)
    return document


def _district_codes(session: Session) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for row in session.execute(select(ExchangeCode).order_by(ExchangeCode.table_name, ExchangeCode.code)).scalars():
        out.setdefault(row.table_name, {})[row.code] = row.label
    return out


def _trusted_townships(session: Session) -> list[ExchangePeer]:
    return list(session.execute(select(ExchangePeer).where(
        ExchangePeer.role == "township", ExchangePeer.status == "trusted").order_by(ExchangePeer.unit_code))
        .scalars())


def publish_reference(ctx: Context, station: Any, out: Path, *, keys: StationKeys | None = None,
                      passphrase: str | None = None, split_mb: int | None = None, codes: dict | None = None,
                      new_card: Card | None = None) -> Exported:
    """District: a signed reference package for every enrolled township.

    It carries the district's holiday overrides (``calendar.overrides``), its document
    settings (arbitration commission), code-table additions and, for a key rotation or an
    escrow change, the district's new card.
    """
    ctx.require("settings.edit")
    _require_role(station, "district")
    keys = keys or unlock(station, passphrase)
    split_bytes = _split_bytes(split_mb)
    out = Path(out)
    with _numbered_output(out) as pending:
        with ctx.db.transaction() as session, state.staging(station) as folder:
            townships = _trusted_townships(session)
            if not townships:
                raise ExchangeError(E_STATE, _("还没有登记任何乡镇"))
            document = _reference_document(session, codes=codes, new_card=new_card)
            if codes is not None:
                for table, entries in codes.items():
                    for code, label in entries.items():
                        row = session.get(ExchangeCode, (table, code))
                        if row is None:
                            session.add(ExchangeCode(table_name=table, code=code, label=label,
                                                     package_id="district", added_at=utcnow()))
                        else:
                            row.label = label
            epoch = state.current_epoch(session)
            sequence = _next_sequence(session, station)

            def fill(payload: PayloadWriter) -> tuple[dict[str, int], int]:
                payload.add_json(REFERENCE, document)
                return {}, 0

            written = write_package(pending / out.name, keys=keys, kind="reference",
                                    to=[_peer_card(t) for t in townships], sequence=sequence, epoch=epoch.epoch,
                                    epoch_base=epoch.base, based_on=None, change_from=0, change_to=0,
                                    created_at=utcnow(), schema_version=migrate.head_revision(),
                                    audit_head=audit.head(session), staging=folder, fill=fill,
                                    split_bytes=split_bytes)
            session.add(ExchangePackage(
                id=written.package_id, direction="out", kind="reference", peer="*", sequence=sequence,
                epoch=epoch.epoch, epoch_base=epoch.base, change_from=0, change_to=0, created_at=utcnow(),
                recorded_at=utcnow(), status="sent", row_counts="{}",
                summary=json.dumps({"townships": [t.unit_code for t in townships],
                                    "new_card": new_card.fingerprint if new_card else None}),
                table_counts="{}", audit_head=audit.head(session), file_name=written.paths[0].name,
                sha256=written.sha256))
            ctx.audit(session, "exchange.reference", entity="exchange_package", entity_id=written.package_id,
                      summary=_("参考数据包第{n}号（{k}个乡镇{card}）→ {path}").format(
                          n=sequence, k=len(townships), card=_("，含新名片") if new_card else "",
                          path=out.parent / written.paths[0].name))
            state.write_epoch_file(station, epoch=epoch.epoch, sequence=sequence)
        paths = hxp.move_into(written.paths, out.parent)
    return Exported("reference", sequence, written.package_id, paths, {}, 0, 0, written.size, 0, 0,
                    [t.unit_code for t in townships])


def _receipt_document(session: Session, peer: ExchangePeer, applied: ExchangePackage) -> dict:
    digest, counts = state.holdings(session, peer.unit_code)
    conflicts = session.execute(select(func.count()).select_from(ExchangeConflict).where(
        ExchangeConflict.origin == peer.unit_code, ExchangeConflict.status == "open")).scalar_one()
    quarantined = session.execute(select(func.count()).select_from(ExchangeQuarantine).where(
        ExchangeQuarantine.origin == peer.unit_code, ExchangeQuarantine.status == "open")).scalar_one()
    return {"township": peer.unit_code, "epoch": applied.epoch, "sequence": applied.sequence,
            "package_id": applied.id, "change_to": applied.change_to, "counts": counts, "digest": digest,
            "conflicts_open": conflicts, "quarantined_open": quarantined, "gaps": numbering.missing(numbering.parse(peer.gaps)),
            "received_at": applied.recorded_at.replace(microsecond=0).isoformat()}


def _write_receipt(ctx: Context, session: Session, station: Any, keys: StationKeys, peer: ExchangePeer,
                   folder: Path) -> tuple[Path, str]:
    """Build the receipt for ``peer`` in ``folder`` and log it (inside the caller's transaction)."""
    applied = session.execute(select(ExchangePackage).where(
        ExchangePackage.direction == "in", ExchangePackage.peer == peer.unit_code,
        ExchangePackage.status == "applied", ExchangePackage.epoch == peer.epoch,
        ExchangePackage.sequence == peer.last_sequence)).scalars().first()
    if applied is None:
        raise ExchangeError(E_STATE, _("还没有收到{name}的数据包，无法出具回执").format(name=peer.unit_name))
    document = _receipt_document(session, peer, applied)
    epoch = state.current_epoch(session)
    sequence = _next_sequence(session, station)
    name = f"{peer.unit_code}-receipt-{sequence}{hxp.SUFFIX}"

    def fill(payload: PayloadWriter) -> tuple[dict[str, int], int]:
        payload.add_json(RECEIPT, document)
        return {}, 0

    written = write_package(folder / name, keys=keys, kind="receipt", to=[_peer_card(peer)], sequence=sequence,
                            epoch=epoch.epoch, epoch_base=epoch.base, based_on=applied.id, change_from=0,
                            change_to=applied.change_to, created_at=utcnow(),
                            schema_version=migrate.head_revision(), audit_head=audit.head(session), staging=folder,
                            fill=fill)
    session.add(ExchangePackage(
        id=written.package_id, direction="out", kind="receipt", peer=peer.unit_code, sequence=sequence,
        epoch=epoch.epoch, epoch_base=epoch.base, change_from=0, change_to=applied.change_to, created_at=utcnow(),
        recorded_at=utcnow(), status="sent", row_counts="{}",
        summary=json.dumps({k: document[k] for k in ("sequence", "conflicts_open", "quarantined_open", "gaps")}),
        digest=document["digest"], table_counts=json.dumps(document["counts"]), based_on=applied.id,
        file_name=name, sha256=written.sha256))
    peer.last_receipt_sequence, peer.last_receipt_at = sequence, utcnow()
    state.write_epoch_file(station, epoch=epoch.epoch, sequence=sequence)
    return written.paths[0], written.package_id


def _publish(source: Path, directory: Path, name: str | None = None) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    return hxp.copy_into(source, directory, name or source.name)


def write_receipt(ctx: Context, station: Any, unit_code: str, *, out: Path | None = None,
                  keys: StationKeys | None = None, passphrase: str | None = None) -> Path:
    """District: (re)issue the signed receipt for a township (its highest applied package).

    Written to ``out`` when given, else into the outbox folder; returns the path.
    """
    ctx.require("station.backup")
    _require_role(station, "district")
    keys = keys or unlock(station, passphrase)
    with state.staging(station) as folder:
        with ctx.db.transaction() as session:
            peer = session.get(ExchangePeer, unit_code)
            if peer is None or peer.status != "trusted":
                raise ExchangeError(E_STATE, _("乡镇{code}尚未登记").format(code=unit_code))
            path, package_id = _write_receipt(ctx, session, station, keys, peer, folder)
            ctx.audit(session, "exchange.receipt", entity="exchange_package", entity_id=package_id,
                      summary=f"{peer.unit_name} {path.name}")
        if out is not None:
            return _publish(path, Path(out).parent, Path(out).name)
        return _publish(path, state.outbox(station))


# ---------------------------------------------------------------- imports


class _DryRun(Exception):
    """Raised inside the transaction of a dry run so that it rolls back."""

    def __init__(self, result: Any) -> None:
        super().__init__("dry run")
        self.result = result


def _sources(paths: list[Path], folder: Path) -> list[tuple[str, Path]]:
    """(label, path) of whole packages: plain files as they are, e-mail parts joined in ``folder``."""
    parts = [Path(p) for p in paths if Path(p).is_file() and hxp.is_part(Path(p))]
    wholes = [(str(p), Path(p)) for p in paths if Path(p) not in parts]
    joined = hxp.join(parts, folder) if parts else []
    label = "、".join(p.name for p in parts)
    return wholes + [(f"{label}", j) for j in joined]


def import_packages(ctx: Context, station: Any, paths: list[Path], *, dry_run: bool = False,
                    keys: StationKeys | None = None, passphrase: str | None = None,
                    progress: Callable[[int], None] | None = None) -> list[Outcome]:
    """Import packages, receipts and reference data (both roles); one outcome per package.

    A refused package is reported in its outcome (``ok`` False, ``error`` with its code) and
    changes nothing; the other packages still go ahead.  E-mail parts may be given in any
    order among the files; an incomplete set is refused as a whole.
    """
    ctx.require("station.backup")
    outcomes: list[Outcome] = []
    unlocked: list[StationKeys] = [keys] if keys is not None else []

    def get_keys() -> StationKeys:
        if not unlocked:
            unlocked.append(unlock(station, passphrase))
        return unlocked[0]

    with state.staging(station) as folder:
        try:
            sources = _sources(list(paths), folder)
        except ExchangeError as exc:
            return [Outcome("、".join(Path(p).name for p in paths), False, dry_run=dry_run, error=exc)]
        for label, path in sources:
            try:
                outcomes.append(_import_one(ctx, station, label, path, folder, dry_run=dry_run, get_keys=get_keys,
                                            progress=progress))
            except ExchangeError as exc:
                outcomes.append(Outcome(label, False, dry_run=dry_run, error=exc))
    return outcomes


def _trusted_lookup(session: Session) -> Callable[[str], Card | None]:
    cards = {p.unit_code: _peer_card(p) for p in session.execute(
        select(ExchangePeer).where(ExchangePeer.status == "trusted")).scalars()}
    return cards.get


def _import_one(ctx: Context, station: Any, label: str, path: Path, staging_root: Path, *, dry_run: bool,
                get_keys: Callable[[], StationKeys], progress: Callable[[int], None] | None) -> Outcome:
    own = station.info
    with ctx.db.read() as session:
        lookup, earlier = _trusted_lookup(session), _earlier_keys(session)
    verified = reader.verify(path, own_code=own.unit_code, own_role=own.role, trusted=lookup,
                             known_schema=known_schema, earlier=earlier)
    run = staging_root / f"pkg-{verified.manifest.package_id}"
    run.mkdir(exist_ok=True)
    try:
        manifest = verified.manifest
        outcome = Outcome(label, False, kind=manifest.kind, sender=manifest.sender_code,
                          sender_name=manifest.sender_name, sequence=manifest.sequence,
                          package_id=manifest.package_id, dry_run=dry_run)
        if not verified.trusted:
            return _unknown_sender(ctx, station, verified, outcome, dry_run=dry_run)
        with ctx.db.read() as session:  # early answer; checked again inside the write transaction
            late = _check_replay(session, manifest) and _covered(session, manifest)
        if late:
            return _record_late(ctx, verified, outcome, dry_run=dry_run)
        keys = get_keys()
        payload = reader.decrypt(verified, keys.identities, run)
        failpoints.reach("import.decrypted")
        try:
            if manifest.kind in ("changes", "full"):
                with state.scratch(state.incoming_dir(station)) as incoming:
                    return _apply_township_package(ctx, station, verified, payload, run, incoming, keys, outcome,
                                                   dry_run=dry_run, progress=progress)
            if manifest.kind == "receipt":
                return _apply_receipt(ctx, station, verified, payload, outcome, dry_run=dry_run)
            return _apply_reference(ctx, station, verified, payload, outcome, dry_run=dry_run)
        finally:
            payload.close()
    except IntegrityError:
        _refuse_if_recorded(ctx, verified.manifest)
        raise
    finally:
        verified.close()
        hxp.remove_quietly(run)


def _refuse_if_recorded(ctx: Context, manifest: Any) -> None:
    """E_DUPLICATE when another import of this very package committed while this one ran.

    The package id is the primary key of ``exchange_packages``: whatever slipped past the
    locks, the database itself lets only one import record a package.
    """
    with ctx.db.read() as session:
        if session.get(ExchangePackage, manifest.package_id) is not None:
            raise ExchangeError(E_DUPLICATE, _("{label}已由另一处同时导入，本次未作任何更改").format(
                label=manifest.label))


def _unknown_sender(ctx: Context, station: Any, verified: reader.Verified, outcome: Outcome, *,
                    dry_run: bool) -> Outcome:
    manifest = verified.manifest
    own = station.info
    if own.role != "district":
        raise ExchangeError(E_SENDER, _("发送单位{name}（{code}）不是本站信任的区级站点").format(
            name=manifest.sender_name, code=manifest.sender_code))
    if not manifest.sender_code.startswith(own.unit_code) or len(manifest.sender_code) <= len(own.unit_code):
        raise ExchangeError(E_SENDER, _("未登记的发送单位{name}（{code}），不属于本区").format(
            name=manifest.sender_name, code=manifest.sender_code))
    _check_numbering(manifest, 0, 0)
    hint = _("{name}（{code}）尚未登记，数据包已暂存待处理。请电话核对对方指纹 {fp}，一致后执行："
             "hexie keys accept {code} --fingerprint \"{fp}\"").format(
        name=manifest.sender_name, code=manifest.sender_code, fp=manifest.sender_fingerprint)
    if dry_run:
        raise ExchangeError(E_PENDING, hint)
    card = manifest.sender_card
    with ctx.db.transaction() as session:
        if session.get(ExchangePackage, manifest.package_id) is not None:
            raise ExchangeError(E_DUPLICATE, _("此数据包已在等待登记，无需重复导入"))
        peer = session.get(ExchangePeer, manifest.sender_code)
        if peer is not None and peer.status == "trusted":
            raise ExchangeError(E_SENDER, _("数据包签名与已登记的乡镇密钥不符"))
        if peer is None:
            _store_peer(session, card, status="pending", actor=None)
        elif _fingerprint(peer) != card.fingerprint:
            # An unauthenticated card never replaces the pending one: both wait for the phone call.
            hint = _("注意：{code}已有一张待核对的名片（指纹 {old}），此数据包却带着另一张（指纹 {fp}），可能有人冒充。"
                     "两张都已记下，未作任何替换；请电话核对，只接受对方读出的那个指纹："
                     "hexie keys accept {code} --fingerprint \"…\"").format(
                code=manifest.sender_code, old=_fingerprint(peer), fp=card.fingerprint)
        name = f"{manifest.sender_code}-{manifest.package_id}{hxp.SUFFIX}"
        session.add(ExchangePackage(
            id=manifest.package_id, direction="in", kind=manifest.kind, peer=manifest.sender_code,
            sequence=manifest.sequence, epoch=manifest.epoch, epoch_base=manifest.epoch_base,
            change_from=manifest.change_from, change_to=manifest.change_to, created_at=manifest.created_at,
            recorded_at=utcnow(), status="waiting", row_counts=json.dumps(manifest.row_counts),
            summary=json.dumps({"card": card.as_dict(), "fingerprint": card.fingerprint}, ensure_ascii=False),
            table_counts="{}", audit_head=manifest.audit_head, based_on=manifest.based_on, file_name=name,
            sha256=verified.file_sha256))
        competing = peer is not None and _fingerprint(peer) != card.fingerprint
        ctx.audit(session, "exchange.waiting", entity="exchange_package", entity_id=manifest.package_id,
                  summary=f"{manifest.label} {card.fingerprint}" + (_("（与待核对的名片不同，可能冒充）")
                                                                   if competing else ""))
        hxp.copy_into(verified.container.path, state.waiting_dir(station), name)
    raise ExchangeError(E_PENDING, hint)


def _check_numbering(manifest: Any, last_epoch: int, last_sequence: int) -> None:
    """Refuse a township's package numbered too far past the last one seen here (nothing changes)."""
    if manifest.epoch <= numbering.MAX_NUMBER and manifest.epoch - last_epoch <= numbering.MAX_EPOCH_JUMP \
            and not numbering.too_far(last_sequence, manifest.sequence, numbering.MAX_SEQUENCE_JUMP):
        return
    raise ExchangeError(E_SEQUENCE, _(
        "{label}的编号（第{e}轮第{n}号）比区里已收到的（第{le}轮第{ln}号）跳得太远（一次最多{max}号、{maxe}轮），"
        "已拒绝，未作任何更改。若乡镇的编号确实如此（例如区里重装了程序），请与乡镇核实后由区级管理员执行 "
        "hexie keys resync {code} --sequence N（N 为乡镇最近送达区里的数据包编号）").format(
        label=manifest.label, e=manifest.epoch, n=manifest.sequence, le=last_epoch, ln=last_sequence,
        max=numbering.MAX_SEQUENCE_JUMP, maxe=numbering.MAX_EPOCH_JUMP, code=manifest.sender_code))


def _check_replay(session: Session, manifest: Any) -> bool:
    """E_DUPLICATE for a package seen before, E_REPLAY for one older than the last applied, E_SEQUENCE for a
    township's package numbered too far ahead; True when the package is a late one filling a gap."""
    seen = session.get(ExchangePackage, manifest.package_id)
    if seen is not None and seen.direction == "in" and seen.status != "waiting":
        raise ExchangeError(E_DUPLICATE, _("{label}已于{at}导入，本次未作任何更改").format(
            label=manifest.label, at=_local(seen.recorded_at)))
    if seen is not None and seen.direction == "out":
        raise ExchangeError(E_DUPLICATE, _("这是本站自己发出的数据包"))
    peer = session.get(ExchangePeer, manifest.sender_code)
    if manifest.kind == "receipt":
        last = (peer.epoch, peer.last_receipt_sequence)
    else:
        last = (peer.epoch, peer.last_sequence)
    if manifest.kind in ("changes", "full"):
        _check_numbering(manifest, *last)
        if manifest.epoch == peer.epoch and manifest.sequence < peer.last_sequence \
                and numbering.contains(numbering.parse(peer.gaps), manifest.sequence):
            return True
    if (manifest.epoch, manifest.sequence) <= last:
        raise ExchangeError(E_REPLAY, _("{label}比已导入的第{n}号旧（重放或回退），已拒绝").format(
            label=manifest.label, n=last[1]))
    return False


IMPORT_LOCK_WAIT = 600.0
"""Seconds an import waits for another import (or any writer) to finish before giving up."""


@contextmanager
def _claim(ctx: Context, manifest: Any) -> Iterator[tuple[Session, ExchangePeer]]:
    """The write transaction of an import, with the package claimed in it: ``(session, sender's row)``.

    The sender's row is locked first (SQLite: the write lock taken at BEGIN; PostgreSQL:
    ``SELECT … FOR UPDATE``), then the duplicate and replay checks run again, so of two
    imports of the same package at once exactly one applies it and the other gets
    E_DUPLICATE with nothing changed.
    """
    with ctx.db.transaction(lock_wait=IMPORT_LOCK_WAIT) as session:
        peer = session.execute(select(ExchangePeer).where(ExchangePeer.unit_code == manifest.sender_code)
                               .with_for_update()).scalar_one()
        _check_replay(session, manifest)
        yield session, peer


def _covered(session: Session, manifest: Any) -> bool:
    """True when a later package of the same round, already applied, brought changes up to this one's end."""
    reached = session.execute(select(func.max(ExchangePackage.change_to)).where(
        ExchangePackage.direction == "in", ExchangePackage.peer == manifest.sender_code,
        ExchangePackage.status == "applied", ExchangePackage.epoch == manifest.epoch,
        ExchangePackage.sequence > manifest.sequence)).scalar_one_or_none()
    return reached is not None and reached >= manifest.change_to


def _record_late(ctx: Context, verified: reader.Verified, outcome: Outcome, *, dry_run: bool) -> Outcome:
    """A package that arrives after a later one which covered it: it fills its gap, its rows are not applied.

    Every package carries all changes since the district's last receipt, so a later package that
    reached at least this one's last change already brought its content in newer or equal
    versions; applying the older rows would only queue "version went backwards" conflicts.  (A
    late package carrying changes beyond what arrived is applied as usual instead.)
    """
    manifest = verified.manifest
    message = _("{label}晚于后续数据包到达：其内容已由后续数据包带到，只补记缺号，不再导入其中的行").format(
        label=manifest.label)
    outcome.messages = [message]
    if dry_run:
        outcome.ok = True
        return outcome
    with _claim(ctx, manifest) as (session, peer):
        gaps = numbering.parse(peer.gaps)
        if manifest.epoch != peer.epoch or not numbering.contains(gaps, manifest.sequence):
            raise ExchangeError(E_REPLAY, _("{label}比已导入的第{n}号旧（重放或回退），已拒绝").format(
                label=manifest.label, n=peer.last_sequence))
        peer.gaps = numbering.dump(numbering.fill(gaps, manifest.sequence))
        session.add(ExchangePackage(
            id=manifest.package_id, direction="in", kind=manifest.kind, peer=manifest.sender_code,
            sequence=manifest.sequence, epoch=manifest.epoch, epoch_base=manifest.epoch_base,
            change_from=manifest.change_from, change_to=manifest.change_to, created_at=manifest.created_at,
            recorded_at=utcnow(), status="applied", row_counts=json.dumps(manifest.row_counts),
            summary=json.dumps({"late": True}), table_counts="{}", audit_head=manifest.audit_head,
            based_on=manifest.based_on, file_name=Path(outcome.source).name[:255], sha256=verified.file_sha256))
        ctx.audit(session, "exchange.import", entity="exchange_package", entity_id=manifest.package_id,
                  summary=message)
    outcome.ok = True
    return outcome


def resync_township(ctx: Context, station: Any, unit_code: str, *, sequence: int,
                    epoch: int | None = None) -> PeerView:
    """District admin: set the last package number received from a township, clearing its gaps.

    The way out when a township's numbering and the district's no longer fit (a package far
    ahead was applied by an older program, the district was reinstalled …): the next package
    expected is ``sequence`` + 1 (in round ``epoch`` when given).  Audited with before and after.
    """
    ctx.require("settings.edit")
    _require_role(station, "district")
    if type(sequence) is not int or not 0 <= sequence <= numbering.MAX_NUMBER:
        raise UserError(_("数据包编号应为0到{m}之间的整数").format(m=numbering.MAX_NUMBER), field="--sequence")
    if epoch is not None and (type(epoch) is not int or not 1 <= epoch <= numbering.MAX_NUMBER):
        raise UserError(_("编号轮次应为1到{m}之间的整数").format(m=numbering.MAX_NUMBER), field="--epoch")
    with ctx.db.transaction() as session:
        peer = session.get(ExchangePeer, unit_code)
        if peer is None or peer.role != "township" or peer.status != "trusted":
            raise ExchangeError(E_STATE, _("乡镇{code}尚未登记").format(code=unit_code))
        before = _("第{e}轮第{n}号").format(e=peer.epoch, n=peer.last_sequence)
        gaps = numbering.label(numbering.parse(peer.gaps))
        peer.last_sequence = sequence
        if epoch is not None:
            peer.epoch = epoch
        peer.gaps = numbering.dump([])
        ctx.audit(session, "exchange.resync", entity="exchange_peer", entity_id=unit_code, summary=_(
            "{name}的数据包编号由{before}改为第{e}轮第{n}号{gaps}").format(
            name=peer.unit_name, before=before, e=peer.epoch, n=sequence,
            gaps=_("，清除缺号{g}").format(g=gaps) if gaps else ""))
        return _peer_view(session, peer)


def _apply_township_package(ctx: Context, station: Any, verified: reader.Verified, payload: PayloadReader,
                            run: Path, incoming: Path, keys: StationKeys, outcome: Outcome, *, dry_run: bool,
                            progress: Callable[[int], None] | None) -> Outcome:
    """Apply a township's rows; received attachments wait in ``incoming`` (beside the store) until commit."""
    manifest = verified.manifest
    store = state.attachments_dir(station)
    try:
        with _claim(ctx, manifest) as (session, peer):
            transition = peer.epoch != 0 and manifest.epoch > peer.epoch
            result = apply_changes(session, manifest, payload, transition=transition, staging=incoming,
                                   has_file=lambda sha: (store / sha[:2] / sha).is_file(), progress=progress)
            if dry_run:
                raise _DryRun(result)
            messages = _advance(peer, manifest)
            now = utcnow()
            waited = session.get(ExchangePackage, manifest.package_id)
            if waited is not None:  # it waited for the township's enrollment: now it is applied
                waiting_file = state.waiting_dir(station) / (waited.file_name or "-")
                session.delete(waited)
                session.flush()
            session.add(ExchangePackage(
                id=manifest.package_id, direction="in", kind=manifest.kind, peer=manifest.sender_code,
                sequence=manifest.sequence, epoch=manifest.epoch, epoch_base=manifest.epoch_base,
                change_from=manifest.change_from, change_to=manifest.change_to, created_at=manifest.created_at,
                recorded_at=now, status="applied", row_counts=json.dumps(manifest.row_counts),
                summary=json.dumps(result.as_dict(), ensure_ascii=False), table_counts="{}",
                audit_head=manifest.audit_head, based_on=manifest.based_on,
                file_name=Path(outcome.source).name[:255], sha256=verified.file_sha256))
            session.flush()
            receipt_path, receipt_id = _write_receipt(ctx, session, station, keys, peer, run)
            failpoints.reach("import.applied")
            totals = result.totals()
            ctx.audit(session, "exchange.import", entity="exchange_package", entity_id=manifest.package_id,
                      summary=_("{label}：新增{new}，更新{upd}，未变{same}，冲突{conf}，隔离{rej}；回执{r}").format(
                          label=manifest.label, new=totals.new, upd=totals.updated, same=totals.unchanged,
                          conf=totals.conflicts, rej=totals.rejected, r=receipt_path.name))
    except _DryRun as dry:
        outcome.ok, outcome.summary = True, dry.result
        return outcome
    if waited is not None:
        hxp.remove_quietly(waiting_file)
    for sha, source in result.new_files.items():
        target = store / sha[:2] / sha
        if not target.exists():
            with atomic_path(target) as tmp:
                os.replace(source, tmp)
    outcome.ok, outcome.summary = True, result
    outcome.receipt_path = _publish(receipt_path, state.outbox(station))
    outcome.messages = messages
    return outcome


def _advance(peer: ExchangePeer, manifest: Any) -> list[str]:
    """Move the township's numbering on; returns notes (gaps, new epoch) for people."""
    messages: list[str] = []
    gaps = numbering.parse(peer.gaps)
    if manifest.epoch > peer.epoch:
        if peer.epoch:
            messages.append(_("{name}已从备份恢复（第{e}轮编号）；恢复点之后区里收到的修改若已不在乡镇，已列入冲突待处理").format(
                name=peer.unit_name, e=manifest.epoch))
        gaps = []
    elif manifest.sequence < peer.last_sequence:  # a late package filling its gap: the numbering stays
        peer.gaps = numbering.dump(numbering.fill(gaps, manifest.sequence))
        peer.last_received_at = utcnow()
        return [_("{name}晚到的第{n}号数据包已补入").format(name=peer.unit_name, n=manifest.sequence)]
    else:
        gaps = numbering.record(gaps, peer.last_sequence, manifest.sequence)
    if gaps:
        messages.append(_("{name}的第{n}号数据包未收到（后续数据包已包含其内容，不影响导入）").format(
            name=peer.unit_name, n=numbering.label(gaps)))
    peer.epoch, peer.epoch_base, peer.last_sequence = manifest.epoch, manifest.epoch_base, manifest.sequence
    peer.last_package_id, peer.last_received_at = manifest.package_id, utcnow()
    peer.gaps = numbering.dump(gaps)
    return messages


_RECEIPT_FIELDS = {"township", "epoch", "sequence", "package_id", "change_to", "counts", "digest", "conflicts_open",
                   "quarantined_open", "gaps", "received_at"}


def _check_receipt(document: Any) -> dict:
    ok = (isinstance(document, dict) and set(document) == _RECEIPT_FIELDS
          and isinstance(document["township"], str) and isinstance(document["digest"], str)
          and re.match(r"^[0-9a-f]{64}$", document["digest"]) is not None
          and all(type(document[k]) is int and document[k] >= 0
                  for k in ("epoch", "sequence", "change_to", "conflicts_open", "quarantined_open"))
          and isinstance(document["counts"], dict)
          and all(k in TABLES and type(v) is int and v >= 0 for k, v in document["counts"].items())
          and isinstance(document["gaps"], list) and all(type(g) is int for g in document["gaps"])
          and isinstance(document["package_id"], str) and len(document["package_id"]) == 36
          and isinstance(document["received_at"], str) and len(document["received_at"]) <= 40)
    if not ok:
        raise ExchangeError(E_FORMAT, _("回执内容格式不对"))
    return document


def _apply_receipt(ctx: Context, station: Any, verified: reader.Verified, payload: PayloadReader,
                   outcome: Outcome, *, dry_run: bool) -> Outcome:
    manifest = verified.manifest
    document = _check_receipt(payload.document(RECEIPT))
    own = station.info.unit_code
    if document["township"] != own:
        raise ExchangeError(E_NOT_FOR_US, _("这是给{code}的回执，不是本站的").format(code=document["township"]))
    with _claim(ctx, manifest) as (session, peer):
        epoch = state.current_epoch(session)
        if document["epoch"] != epoch.epoch:
            raise ExchangeError(E_REPLAY, _("此回执针对本站从备份恢复之前的数据包（第{e}轮编号），已不适用").format(
                e=document["epoch"]))
        acked = session.execute(select(ExchangePackage).where(
            ExchangePackage.direction == "out", ExchangePackage.epoch == epoch.epoch,
            ExchangePackage.sequence == document["sequence"], ExchangePackage.kind.in_(("changes", "full"))
        )).scalars().first()
        if acked is None or acked.id != document["package_id"]:
            raise ExchangeError(E_INTEGRITY, _("回执确认的第{n}号数据包不在本站的导出记录中").format(n=document["sequence"]))
        digest_ok = acked.digest == document["digest"] and _loads(acked.table_counts, {}) == document["counts"]
        now = utcnow()
        newly = session.execute(update(ExchangePackage).where(
            ExchangePackage.direction == "out", ExchangePackage.epoch == epoch.epoch,
            ExchangePackage.kind.in_(("changes", "full")), ExchangePackage.sequence <= document["sequence"],
            ExchangePackage.acknowledged_at.is_(None)).values(
            acknowledged_at=now, acknowledged_by=manifest.package_id, status="acknowledged")).rowcount
        if manifest.epoch > peer.epoch:
            peer.last_sequence = 0
        peer.epoch, peer.last_receipt_sequence, peer.last_receipt_at = manifest.epoch, manifest.sequence, now
        summary = {"acknowledged_sequence": document["sequence"], "digest_ok": digest_ok,
                   "conflicts_open": document["conflicts_open"], "quarantined_open": document["quarantined_open"],
                   "district_counts": document["counts"], "expected_counts": _loads(acked.table_counts, {}),
                   "newly_acknowledged": newly, "gaps": document["gaps"]}
        session.add(ExchangePackage(
            id=manifest.package_id, direction="in", kind="receipt", peer=manifest.sender_code,
            sequence=manifest.sequence, epoch=manifest.epoch, epoch_base=manifest.epoch_base, change_from=0,
            change_to=document["change_to"], created_at=manifest.created_at, recorded_at=now, status="applied",
            row_counts="{}", summary=json.dumps(summary), digest=document["digest"],
            table_counts=json.dumps(document["counts"]), audit_head=manifest.audit_head, based_on=manifest.based_on,
            file_name=Path(outcome.source).name[:255], sha256=verified.file_sha256))
        try:
            received = _local(datetime.fromisoformat(document["received_at"]))
        except ValueError:
            received = document["received_at"]
        messages = [_("区里已确认收到第{n}号数据包（{at}）").format(n=document["sequence"], at=received)]
        if not digest_ok:
            messages.append(_("区里保存的数据与本站不一致（冲突{c}条，隔离{q}条）：建议做一次完整导出").format(
                c=document["conflicts_open"], q=document["quarantined_open"]))
        ctx.audit(session, "exchange.receipt.import", entity="exchange_package", entity_id=manifest.package_id,
                  summary="；".join(messages))
        if dry_run:
            raise _DryRun(messages)
    outcome.ok, outcome.messages = True, messages
    return outcome


def _check_reference(document: Any) -> dict:
    bad = ExchangeError(E_FORMAT, _("参考数据内容格式不对"))
    if not isinstance(document, dict) or set(document) != {"calendar_overrides", "settings", "codes",
                                                             "district_card"}:
        raise bad
    overrides = document["calendar_overrides"]
    if not isinstance(overrides, dict) or len(overrides) > 5000:
        raise bad
    for day, work in overrides.items():
        if type(work) is not bool or not re.match(r"^\d{4}-\d{2}-\d{2}$", day):
            raise bad
        try:
            date.fromisoformat(day)
        except ValueError:
            raise bad from None
    values = document["settings"]
    if not isinstance(values, dict) or not set(values) <= set(REFERENCE_SETTINGS):
        raise bad
    if not all(isinstance(v, str) and len(v) <= 200 for v in values.values()):
        raise bad
    codes = document["codes"]
    if not isinstance(codes, dict) or not set(codes) <= set(CODE_TABLES):
        raise bad
    for entries in codes.values():
        if not isinstance(entries, dict) or len(entries) > 500:
            raise bad
        for code, label in entries.items():
            if not _CODE.match(code) or not isinstance(label, str) or not 0 < len(label) <= 100:
                raise bad
    if document["district_card"] is not None:
        Card.from_dict(document["district_card"])
    return document


def _apply_reference(ctx: Context, station: Any, verified: reader.Verified, payload: PayloadReader,
                     outcome: Outcome, *, dry_run: bool) -> Outcome:
    manifest = verified.manifest
    document = _check_reference(payload.document(REFERENCE))
    messages: list[str] = []
    with _claim(ctx, manifest) as (session, peer):
        if document["calendar_overrides"]:
            merged = dict(settings.get(session, "calendar.overrides"))
            merged.update(document["calendar_overrides"])
            settings.put(session, "calendar.overrides", merged)
            messages.append(_("节假日调整{n}天").format(n=len(document["calendar_overrides"])))
        for key, value in document["settings"].items():
            settings.put(session, key, value)
        if document["settings"]:
            messages.append(_("文书设置{n}项").format(n=len(document["settings"])))
        added = 0
        for table, entries in document["codes"].items():
            for code, label in entries.items():
                row = session.get(ExchangeCode, (table, code))
                if row is None:
                    session.add(ExchangeCode(table_name=table, code=code, label=label,
                                             package_id=manifest.package_id, added_at=utcnow()))
                    added += 1
                else:
                    row.label, row.package_id = label, manifest.package_id
        if added:
            messages.append(_("代码表新增{n}项").format(n=added))
        if document["district_card"] is not None:
            card = Card.from_dict(document["district_card"])
            if card.unit_code != manifest.sender_code or card.role != "district":
                raise ExchangeError(E_TRUST, _("参考数据中的新名片不属于发送它的区级站点"))
            if card.fingerprint != _fingerprint(peer):
                messages.append(_("区级站点已更换密钥，新指纹 {fp}").format(fp=card.fingerprint))
            _store_peer(session, card, status="trusted", actor=ctx.actor.username,
                        until=(manifest.epoch, manifest.sequence))
        if manifest.epoch > peer.epoch:
            peer.last_receipt_sequence = 0
        peer.epoch, peer.last_sequence = manifest.epoch, manifest.sequence
        peer.last_received_at = utcnow()
        session.add(ExchangePackage(
            id=manifest.package_id, direction="in", kind="reference", peer=manifest.sender_code,
            sequence=manifest.sequence, epoch=manifest.epoch, epoch_base=manifest.epoch_base, change_from=0,
            change_to=0, created_at=manifest.created_at, recorded_at=utcnow(), status="applied", row_counts="{}",
            summary=json.dumps({"messages": messages}, ensure_ascii=False), table_counts="{}",
            audit_head=manifest.audit_head, file_name=Path(outcome.source).name[:255],
            sha256=verified.file_sha256))
        ctx.audit(session, "exchange.reference.import", entity="exchange_package", entity_id=manifest.package_id,
                  summary=f"{manifest.label}：" + ("，".join(messages) or _("无变化")))
        if dry_run:
            raise _DryRun(messages)
    outcome.ok, outcome.messages = True, messages or [_("参考数据无变化")]
    return outcome


# ---------------------------------------------------------------- overview, conflicts, quarantine


@dataclass(frozen=True)
class PackageView:
    """One line of the package history."""

    package_id: str
    direction: str
    kind: str
    peer: str
    sequence: int
    epoch: int
    status: str
    recorded_at: str
    acknowledged_at: str
    rows: int
    file_name: str
    summary: dict

    @property
    def kind_label(self) -> str:
        """The kind in words."""
        return KIND_LABELS.get(self.kind, self.kind)

    @property
    def status_label(self) -> str:
        """The status in words."""
        return {"sent": _("已导出，待确认"), "acknowledged": _("区里已确认"), "applied": _("已导入"),
                "waiting": _("等待登记")}.get(self.status, self.status)


def _package_view(p: ExchangePackage) -> PackageView:
    counts = _loads(p.row_counts, {})
    return PackageView(p.id, p.direction, p.kind, p.peer, p.sequence, p.epoch, p.status, _local(p.recorded_at),
                       _local(p.acknowledged_at), sum(counts.values()) if isinstance(counts, dict) else 0,
                       p.file_name or "", _loads(p.summary, {}))


@dataclass(frozen=True)
class Overview:
    """What the exchange screen shows."""

    role: str
    unit_code: str
    unit_name: str
    card: Card | None
    protected: bool
    district: PeerView | None
    epoch: int
    acknowledged_seq: int
    pending_rows: int
    full_recommended: bool
    notes: list[str]
    history: list[PackageView]
    townships: list[PeerView]
    open_conflicts: int
    open_quarantine: int


def overview(ctx: Context, station: Any, *, history: int = 50) -> Overview:
    """The state of the exchange for this station (no keys needed)."""
    ctx.require("read")
    folder = state.keys_dir(station)
    card = keyring.public_card(folder) if keyring.exists(folder) else None
    info = station.info
    notes: list[str] = []
    with ctx.db.read() as session:
        epoch = state.current_epoch(session)
        peers = list(session.execute(select(ExchangePeer).order_by(ExchangePeer.unit_code)).scalars())
        district = next((p for p in peers if p.role == "district" and p.status == "trusted"), None)
        townships = [_peer_view(session, p) for p in peers if p.role == "township"]
        packages = [_package_view(p) for p in session.execute(
            select(ExchangePackage).order_by(ExchangePackage.recorded_at.desc()).limit(history)).scalars()]
        acked = _acked(session, epoch.epoch) if info.role == "township" else 0
        pending = 0
        full = False
        if info.role == "township":
            for spec in TABLES.values():
                table = spec.table
                pending += session.execute(select(func.count()).select_from(table).where(
                    table.c.origin == info.unit_code, table.c.change_seq > acked)).scalar_one()
            receipt = _last_receipt(session)
            if receipt is not None and not _loads(receipt.summary, {}).get("digest_ok", True):
                full = True
                notes.append(_("最近一张回执显示区里保存的数据与本站不一致：建议完整导出"))
            if district is None:
                notes.append(_("尚未信任区级站点：请导入区里的站点名片"))
            if epoch.epoch > 1 and acked == 0:
                notes.append(_("本站已从备份恢复（第{e}轮编号），下一个数据包将是完整数据").format(e=epoch.epoch))
        conflicts = session.execute(select(func.count()).select_from(ExchangeConflict).where(
            ExchangeConflict.status == "open")).scalar_one()
        quarantine = session.execute(select(func.count()).select_from(ExchangeQuarantine).where(
            ExchangeQuarantine.status == "open")).scalar_one()
        district_view = _peer_view(session, district) if district is not None else None
    if card is None:
        notes.append(_("本站还没有交换密钥（首次使用时创建）"))
    return Overview(info.role, info.unit_code, info.unit_name, card, needs_passphrase(station), district_view,
                    epoch.epoch, acked, pending, full, notes, packages, townships, conflicts, quarantine)


@dataclass(frozen=True)
class ConflictView:
    """One queued conflict with both versions side by side (personal columns masked unless unmasked)."""

    id: int
    origin: str
    table: str
    row_id: str
    kind: str
    reason: str
    status: str
    created_at: str
    stored: dict
    incoming: dict | None
    changed: tuple[str, ...] | None = None
    """The columns whose real values differ (None: compare the values shown)."""

    @property
    def differences(self) -> list[tuple[str, Any, Any]]:
        """(column, district value, township value) for every column that differs."""
        incoming = self.incoming or {}
        columns = list(self.stored) + [k for k in incoming if k not in self.stored]
        if self.incoming is None:
            return [(c, self.stored.get(c), incoming.get(c)) for c in columns]
        if self.changed is not None:
            return [(c, self.stored.get(c), incoming.get(c)) for c in columns if c in self.changed]
        return [(c, self.stored.get(c), incoming.get(c)) for c in columns if self.stored.get(c) != incoming.get(c)]


def _conflict_view(conflict: ExchangeConflict, *, unmask: bool) -> ConflictView:
    stored, incoming = json.loads(conflict.stored), _loads(conflict.incoming, None)
    changed = None
    if incoming is not None:
        changed = tuple(c for c in dict.fromkeys([*stored, *incoming]) if stored.get(c) != incoming.get(c))
    if not unmask:
        stored = mask_row(conflict.table_name, stored)
        incoming = mask_row(conflict.table_name, incoming) if incoming is not None else None
    return ConflictView(conflict.id, conflict.origin, conflict.table_name, conflict.row_id, conflict.kind,
                        conflict.reason, conflict.status, _local(conflict.created_at), stored, incoming, changed)


def conflicts(ctx: Context, *, status: str | None = "open", limit: int = 500, unmask: bool = False) -> list[ConflictView]:
    """Queued conflicts (open ones by default), oldest first.

    Personal columns (ID numbers, phones, applicants' addresses) are masked by the same
    policy as everywhere (:data:`~hexie_desktop.core.ids.PERSONAL_COLUMNS`); ``unmask`` needs ``pii.unmask`` and
    is audited.
    """
    ctx.require("read")
    if unmask:
        ctx.require("pii.unmask")
    query = select(ExchangeConflict).order_by(ExchangeConflict.id).limit(limit)
    if status:
        query = query.where(ExchangeConflict.status == status)
    if not unmask:
        with ctx.db.read() as session:
            return [_conflict_view(c, unmask=False) for c in session.execute(query).scalars()]
    with ctx.db.transaction() as session:
        views = [_conflict_view(c, unmask=True) for c in session.execute(query).scalars()]
        ctx.audit(session, "pii.unmask", entity="exchange_conflict", entity_id=status or "all",
                  summary=_("查看{n}条交换冲突的完整个人信息").format(n=len(views)))
        return views


def _remove_missing(session: Session, conflict: ExchangeConflict, actor: str) -> int:
    """Remove a row the township no longer has, with the rows below it that it no longer has either.

    Every removed row must be an open "missing" conflict of the same township (its content
    stays in the queue); a row still referenced by something the township has is refused.
    """
    targets: dict[str, set[str]] = {conflict.table_name: {conflict.row_id}}
    grown = True
    while grown:
        grown = False
        for name, spec in TABLES.items():
            for column, parent in spec.foreign_keys:
                parents = list(targets.get(parent, ()))
                for start in range(0, len(parents), 900):
                    found = set(session.execute(select(spec.table.c.id).where(
                        spec.table.c[column].in_(parents[start:start + 900]))).scalars())
                    new = found - targets.get(name, set())
                    if new:
                        targets.setdefault(name, set()).update(new)
                        grown = True
    missing = {(c.table_name, c.row_id): c for c in session.execute(select(ExchangeConflict).where(
        ExchangeConflict.origin == conflict.origin, ExchangeConflict.kind == "missing",
        ExchangeConflict.status == "open")).scalars()}
    for name, ids in targets.items():
        for row_id in ids:
            if (name, row_id) not in missing:
                raise ExchangeError(E_STATE, _("这条记录仍被乡镇现有的记录引用（{t} {id}），不能移除").format(
                    t=TABLE_LABELS.get(name, name), id=row_id))
    now = utcnow()
    for name in reversed(list(TABLES)):
        ids = list(targets.get(name, ()))
        for start in range(0, len(ids), 900):
            part = ids[start:start + 900]
            if name == "cases":
                drop_search(session, part)
            session.execute(delete(TABLES[name].table).where(TABLES[name].table.c.id.in_(part)))
        for row_id in ids:
            entry = missing[(name, row_id)]
            entry.status, entry.resolved_at, entry.resolved_by = "removed", now, actor
    return sum(len(ids) for ids in targets.values())


def resolve_conflict(ctx: Context, conflict_id: int, *, take_township: bool) -> str:
    """Decide a conflict: keep the district's stored version, or follow the township.

    Following the township takes its version of the row, or — for a row the township no
    longer has ("missing") — removes the district's copy (and the rows below it the township
    no longer has), their content staying in the queue.  Rows stay owned by their township:
    the district only chooses between what it was given, it never edits them.  Returns the
    new status (``kept``, ``taken`` or ``removed``).
    """
    ctx.require("settings.edit")
    with ctx.db.transaction() as session:
        conflict = session.get(ExchangeConflict, conflict_id)
        if conflict is None or conflict.status != "open":
            raise ExchangeError(E_STATE, _("没有这条待处理的冲突"))
        spec = TABLES.get(conflict.table_name)
        if spec is None:
            raise ExchangeError(E_STATE, _("没有这条待处理的冲突"))
        choice = _("保留区里版本")
        if take_township and conflict.incoming is None:
            removed = _remove_missing(session, conflict, ctx.actor.username)
            choice = _("按乡镇现状移除{n}条记录").format(n=removed)
        elif take_township:
            row = check_row(spec, json.loads(conflict.incoming), conflict.origin)
            session.info["passthrough"] = True
            session.execute(update(spec.table).where(spec.table.c.id == row["id"]).values(
                {k: v for k, v in row.items() if k != "id"}))
            session.info.pop("passthrough", None)
            if conflict.table_name in ("cases", "parties"):
                reindex_cases(session, [row["id"] if conflict.table_name == "cases" else row["case_id"]])
            conflict.status = "taken"
            choice = _("采用乡镇版本")
        else:
            conflict.status = "kept"
        conflict.resolved_at, conflict.resolved_by = utcnow(), ctx.actor.username
        ctx.audit(session, "exchange.conflict", entity=conflict.table_name, entity_id=conflict.row_id,
                  summary=_("冲突#{id}：{choice}").format(id=conflict.id, choice=choice))
        return conflict.status


@dataclass(frozen=True)
class QuarantineView:
    """One quarantined row."""

    id: int
    package_id: str
    origin: str
    table: str
    row_id: str | None
    reason: str
    created_at: str


def quarantined(ctx: Context, *, limit: int = 500) -> list[QuarantineView]:
    """Open quarantined rows, oldest first."""
    ctx.require("read")
    with ctx.db.read() as session:
        return [QuarantineView(q.id, q.package_id, q.origin, q.table_name, q.row_id, q.reason, _local(q.created_at))
                for q in session.execute(select(ExchangeQuarantine).where(ExchangeQuarantine.status == "open")
                                         .order_by(ExchangeQuarantine.id).limit(limit)).scalars()]


def summary_lines(result: ApplyResult) -> list[tuple[str, TableCounts]]:
    """(table label, counts) rows of a dry-run or import summary, tables with rows only."""
    return [(name, counts) for name, counts in result.tables.items() if counts.total]


def counts_dict(counts: TableCounts) -> dict[str, int]:
    """A TableCounts as a plain dict."""
    return asdict(counts)
