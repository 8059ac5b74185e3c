"""District key work that touches townships: accepting a waiting township, key rotation, escrow."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from hexie_desktop.core.i18n import _
from hexie_desktop.exchange import container as hxp
from hexie_desktop.exchange import keys as keyring
from hexie_desktop.exchange import state
from hexie_desktop.exchange.errors import E_DUPLICATE, E_REPLAY, E_SENDER, E_STATE, E_TRUST, ExchangeError
from hexie_desktop.exchange.keys import Card, StationKeys
from hexie_desktop.services.context import Context
from hexie_desktop.services.exchange.common import (
    Outcome,
    PeerView,
    fingerprint_of,
    peer_view,
    require_role,
    waiting_packages,
)
from hexie_desktop.services.exchange.imports import import_packages
from hexie_desktop.services.exchange.keys import unlock
from hexie_desktop.services.exchange.peers import store_peer
from hexie_desktop.services.exchange.reference import publish_reference, trusted_townships
from hexie_desktop.storage.models import ExchangePackage, ExchangePeer, utcnow


def accept_township(ctx: Context, unit_code: str, fingerprint: str, *,
                    keys: StationKeys | None = None, passphrase: str | None = None,
                    progress: Callable[[int], None] | None = None) -> tuple[PeerView, list[Outcome]]:
    """Enroll a township whose first package waits, after the admin compared fingerprints.

    The waiting packages are then imported (each in its own transaction) and removed from
    the waiting folder.  Returns the township and the import outcomes.
    """
    station = ctx.opened
    ctx.require("settings.edit")
    require_role(station, "district")
    typed = keyring.normalize_fingerprint(fingerprint)
    refused: list[Outcome] = []
    with ctx.db.transaction() as session:
        peer = session.get(ExchangePeer, unit_code)
        if peer is None or peer.status != "pending":
            raise ExchangeError(E_TRUST, _("没有等待核对的乡镇{code}").format(code=unit_code))
        waiting = waiting_packages(session, peer)
        cards = {fingerprint_of(peer): json.loads(peer.card)}
        cards.update({fp: card for _package, fp, card in waiting})
        if typed not in cards:
            raise ExchangeError(E_TRUST, _("指纹不符：{name}数据包中的指纹是 {fp}，请电话核实后再接受").format(
                name=peer.unit_name, fp="、".join(sorted(cards))))
        if typed != fingerprint_of(peer):  # the phone call decided which of the competing cards is real
            store_peer(session, Card.from_dict(cards[typed]), status="pending", actor=None)
        peer.status, peer.trusted_at, peer.trusted_by = "trusted", utcnow(), ctx.actor.username
        files, discarded = [], []
        for package, fp, _card in waiting:
            path = state.waiting_dir(station) / (package.file_name or "-")
            if fp == typed:
                files.append((package.id, path))
                continue
            refused.append(Outcome(package.file_name or package.id, False, kind=package.kind, sender=unit_code,
                                   sequence=package.sequence, package_id=package.id, error=ExchangeError(
                                       E_SENDER, _("此数据包的签名名片（指纹 {fp}）不是核对一致的那一张，"
                                                   "可能有人冒充，已丢弃").format(fp=fp))))
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
            result = import_packages(ctx, [path], keys=keys, progress=progress)
            outcomes += result
            if all(o.ok or o.code in (E_DUPLICATE, E_REPLAY) for o in result):
                hxp.remove_quietly(path)
    with ctx.db.read() as session:
        return peer_view(session, session.get(ExchangePeer, unit_code)), outcomes


def rotate_keys(ctx: Context, passphrase: str | None, out: Path,
                split_mb: int | None = None) -> tuple[Card, list[Path]]:
    """New district keys, announced to every township in a reference package signed by the old key."""
    station = ctx.opened
    ctx.require("settings.edit")
    require_role(station, "district")
    folder = state.keys_dir(station)
    unlock(station, passphrase)
    with ctx.db.read() as session:
        if trusted_townships(session) == []:
            raise ExchangeError(E_STATE, _("还没有登记任何乡镇"))
    old, new = keyring.rotate(folder, passphrase)
    try:
        result = publish_reference(ctx, out, keys=old, split_mb=split_mb, new_card=new.card)
    except BaseException:
        keyring.save(folder, old, passphrase)
        raise
    return new.card, result.paths


def set_escrow(ctx: Context, passphrase: str | None, recipients: list[str], out: Path | None = None,
               split_mb: int | None = None) -> tuple[Card, list[Path]]:
    """Give the district card escrow recipients; townships learn it from a signed reference package."""
    station = ctx.opened
    ctx.require("settings.edit")
    require_role(station, "district")
    unlock(station, passphrase)
    keys = keyring.with_escrow(state.keys_dir(station), passphrase, tuple(recipients))
    paths: list[Path] = []
    if out is not None:
        paths = publish_reference(ctx, out, keys=keys, split_mb=split_mb, new_card=keys.card).paths
    return keys.card, paths


