"""This station's exchange keys and card: create, unlock, show, write the card, export the age identity."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from hexie_desktop.core.i18n import _
from hexie_desktop.exchange import keys as keyring
from hexie_desktop.exchange import state
from hexie_desktop.exchange.errors import E_TRUST, ExchangeError
from hexie_desktop.exchange.keys import Card, StationKeys
from hexie_desktop.fileio import atomic_path
from hexie_desktop.services.context import Context
from hexie_desktop.services.exchange.common import PeerView, peer_view, station_role
from hexie_desktop.storage.identity import OpenedStation
from hexie_desktop.storage.models import ExchangePeer

PASSPHRASE_ENV = "HEXIE_KEY_PASSPHRASE"


# ---------------------------------------------------------------- keys


def passphrase_from_env() -> str | None:
    """The district key passphrase from ``HEXIE_KEY_PASSPHRASE`` (None when unset)."""
    return os.environ.get(PASSPHRASE_ENV) or None


def ensure_keys(station: OpenedStation, passphrase: str | None = None) -> Card:
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


def has_keys(station: OpenedStation) -> bool:
    """True when the station already has its exchange keys."""
    return keyring.exists(state.keys_dir(station))


def needs_passphrase(station: OpenedStation) -> bool:
    """True when using the keys needs the passphrase (districts)."""
    folder = state.keys_dir(station)
    if keyring.exists(folder):
        return keyring.is_protected(folder)
    return station_role(station) == "district"


def unlock(station: OpenedStation, passphrase: str | None = None) -> StationKeys:
    """The station's private keys (created on first use; a district needs the passphrase)."""
    ensure_keys(station, passphrase)
    return keyring.load(state.keys_dir(station), passphrase)


@dataclass(frozen=True)
class KeyInfo:
    """``keys show``: this station's card and the peers it knows."""

    card: Card | None
    protected: bool
    peers: list[PeerView]


def key_info(ctx: Context) -> KeyInfo:
    """This station's card (None before its keys exist) and every peer."""
    station = ctx.opened
    ctx.require("read")
    folder = state.keys_dir(station)
    card = keyring.public_card(folder) if keyring.exists(folder) else None
    with ctx.db.read() as session:
        peers = [peer_view(session, p) for p in session.execute(
            select(ExchangePeer).order_by(ExchangePeer.unit_code)).scalars()]
    return KeyInfo(card, needs_passphrase(station), peers)


def write_card(ctx: Context, out: Path, passphrase: str | None = None) -> Card:
    """Write this station's public card to ``out`` (keys are created first when missing)."""
    station = ctx.opened
    ctx.require("read")
    card = ensure_keys(station, passphrase)
    with atomic_path(Path(out)) as tmp:
        tmp.write_bytes(card.to_bytes())
    with ctx.db.transaction() as session:
        ctx.audit(session, "exchange.card", entity="station", entity_id=card.unit_code,
                  summary=f"{card.fingerprint} → {out}")
    return card


def export_identity(ctx: Context, out: Path, passphrase: str) -> int:
    """Write this station's age identities (its X25519 secrets) for the stock ``age`` tool.

    The file is sealed with ``passphrase`` in age's passphrase format and written owner-only;
    a district's keys are unlocked with the same passphrase.  Audited.  Returns how many
    identities it holds (the current one and, after rotations, the earlier ones).
    """
    station = ctx.opened
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


def read_card(card_file: Path) -> Card:
    """Read and check a card file (to show its fingerprint before trusting it)."""
    path = Path(card_file)
    if not path.is_file():
        raise ExchangeError(E_TRUST, _("找不到名片文件：{path}").format(path=path))
    if path.stat().st_size > 64 * 1024:
        raise ExchangeError(E_TRUST, _("名片文件过大"))
    return Card.from_bytes(path.read_bytes())


