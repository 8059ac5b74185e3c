"""Trusting peers: checking a card against this station, storing a peer's card and its key history, resync."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hexie_desktop.core.errors import UserError
from hexie_desktop.core.i18n import _
from hexie_desktop.exchange import keys as keyring
from hexie_desktop.exchange import sequence as numbering
from hexie_desktop.exchange.errors import E_STATE, E_TRUST, ExchangeError
from hexie_desktop.exchange.keys import Card
from hexie_desktop.services.context import Context
from hexie_desktop.services.exchange.common import (
    PeerView,
    fingerprint_of,
    loads,
    peer_view,
    require_role,
    station_role,
)
from hexie_desktop.services.exchange.keys import read_card
from hexie_desktop.storage.identity import OpenedStation
from hexie_desktop.storage.models import ExchangePeer, utcnow


def check_pair(own: OpenedStation, card: Card) -> None:
    """Refuse a card this station may not trust: itself, a district not above it, a township not in it."""
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


def store_peer(session: Session, card: Card, *, status: str, actor: str | None,
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
        if fingerprint_of(peer) != card.fingerprint and peer.status == "trusted":
            previous = loads(peer.previous_fingerprints, [])
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
    return {"fingerprint": fingerprint_of(peer), "sign_key": peer.sign_key, "until": list(until) if until else None,
            "retired_at": utcnow().replace(microsecond=0).isoformat()}


def earlier_keys(session: Session) -> Callable[[Any], list[bytes]]:
    """For :func:`reader.verify`: a trusted peer's retired signing keys still valid for a manifest."""
    history: dict[str, list[tuple[tuple[int, int], bytes]]] = {}
    for peer in session.execute(select(ExchangePeer).where(ExchangePeer.status == "trusted")).scalars():
        for entry in loads(peer.previous_fingerprints, []):
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


def trust_card(ctx: Context, card_file: Path, *, fingerprint: str) -> PeerView:
    """Trust a peer's card: a township trusts its district; a district enrolls a township.

    ``fingerprint`` is what the person confirmed (read to them over the phone, or the one the
    screen showed and they accepted): it must be the card's, else nothing is trusted.
    """
    station = ctx.opened
    ctx.require("settings.edit")
    card = read_card(card_file)
    check_pair(station, card)
    if keyring.normalize_fingerprint(fingerprint) != card.fingerprint:
        raise ExchangeError(E_TRUST, _("指纹不符：名片{name}（{code}）的指纹是 {fp}，"
                                       "与核对的 {given} 不一致，未信任").format(
            name=card.unit_name, code=card.unit_code, fp=card.fingerprint,
            given=keyring.normalize_fingerprint(fingerprint)[:30] or "-"))
    with ctx.db.transaction() as session:
        if station_role(station) == "township":
            other = session.execute(select(ExchangePeer).where(
                ExchangePeer.role == "district", ExchangePeer.status == "trusted",
                ExchangePeer.unit_code != card.unit_code)).scalars().first()
            if other is not None:
                raise ExchangeError(E_TRUST, _("本站已信任区级站点{name}（{code}），不能再信任另一个区级站点").format(
                    name=other.unit_name, code=other.unit_code))
        peer = store_peer(session, card, status="trusted", actor=ctx.actor.username)
        ctx.audit(session, "exchange.trust", entity="exchange_peer", entity_id=card.unit_code,
                  summary=f"{card.unit_name} {card.fingerprint}")
        return peer_view(session, peer)


def resync_township(ctx: Context, unit_code: str, *, sequence: int,
                    epoch: int | None = None) -> PeerView:
    """District admin: set the last package number received from a township, clearing its gaps.

    The way out when a township's numbering and the district's no longer fit (a package far
    ahead was applied by an older program, the district was reinstalled …): the next package
    expected is ``sequence`` + 1 (in round ``epoch`` when given).  Audited with before and after.
    """
    station = ctx.opened
    ctx.require("settings.edit")
    require_role(station, "district")
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
        return peer_view(session, peer)


