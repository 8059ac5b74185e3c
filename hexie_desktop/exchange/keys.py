"""Station keys: an age X25519 identity (to receive) and an Ed25519 key (to sign), and cards.

Every station has one key file, ``keys/station-keys.json``, written atomically:

* the public **card** in clear — unit code and name, role, age recipient, Ed25519 public key,
  escrow recipients, signed by the card's own key; its **fingerprint** is 20 digits in groups
  of four, short enough to read over the phone, and covers the role, unit code, unit name and
  keys (version 2; a unit name with control characters is refused);
* the private keys — in clear (mode 0600) at a township, sealed with the passphrase at the
  district (scrypt n=2^15, r=8, p=1 → ChaCha20-Poly1305, the unit code as associated data).

A district keeps its earlier age identities after a rotation, so packages still encrypted to
the old recipient can be opened; only the newest signing key is kept.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

import pyrage
import pyrage.passphrase
from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat

from hexie_desktop.core.i18n import _
from hexie_desktop.core.text import describe, first_control
from hexie_desktop.exchange import limits
from hexie_desktop.exchange.errors import E_KEYS, E_TRUST, ExchangeError
from hexie_desktop.fileio import atomic_write

KEY_FILE = "station-keys.json"
CARD_FORMAT = "hexie-card"
KEYS_FORMAT = "hexie-keys"
MIN_PASSPHRASE = 8
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
ROLES = ("township", "district")
_AGE_RECIPIENT = re.compile(r"^age1[02-9ac-hj-np-z]{58}$")
_UNIT = re.compile(r"^\d{6}(\d{3})?(\d{3})?$")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object, size: int | None = None) -> bytes:
    if not isinstance(text, str) or len(text) > 200:
        raise ValueError("not base64 text")
    raw = base64.b64decode(text.encode("ascii"), validate=True)
    if _b64(raw) != text:
        raise ValueError("non-canonical base64")
    if size is not None and len(raw) != size:
        raise ValueError("wrong length")
    return raw


FINGERPRINT_VERSION = 2
"""Fingerprints cover the role, unit code and unit name besides the keys (v1 covered code and keys only)."""


def _digits(digest: bytes) -> str:
    digits = f"{int.from_bytes(digest[:10], 'big') % 10**20:020d}"
    return " ".join(digits[i:i + 4] for i in range(0, 20, 4))


def fingerprint_of(role: str, unit_code: str, unit_name: str, age_recipient: str, sign_key: bytes) -> str:
    """The 20-digit fingerprint of a station's card, as ``1234 5678 9012 3456 7890`` (version 2).

    It covers who the card says the station is (role, unit code, unit name) and its public
    keys, so a card renamed or re-roled by anyone but its owner reads differently over the phone.
    """
    return _digits(hashlib.sha256(b"\0".join([b"hexie-card-v2", role.encode(), unit_code.encode(),
                                              unit_name.encode("utf-8"), age_recipient.encode(), sign_key])).digest())


def legacy_fingerprint(unit_code: str, age_recipient: str, sign_key: bytes) -> str:
    """The version-1 fingerprint (keys and unit code only), as programs before v2 wrote it in manifests."""
    return _digits(hashlib.sha256(b"hexie-card-v1\0" + unit_code.encode() + b"\0" + age_recipient.encode()
                                  + b"\0" + sign_key).digest())


def normalize_fingerprint(text: str) -> str:
    """A typed fingerprint in its canonical spacing (digits only are compared)."""
    digits = re.sub(r"\D", "", text or "")
    return " ".join(digits[i:i + 4] for i in range(0, len(digits), 4))


@dataclass(frozen=True)
class Card:
    """A station's public card: who it is and the public halves of its keys."""

    role: str
    unit_code: str
    unit_name: str
    age_recipient: str
    sign_key: str
    escrow: tuple[str, ...] = ()
    issued_at: str = ""
    signature: str = ""

    @property
    def sign_key_bytes(self) -> bytes:
        """The raw 32-byte Ed25519 public key."""
        return _unb64(self.sign_key, 32)

    @property
    def fingerprint(self) -> str:
        """The fingerprint to compare over the phone (covers role, unit code, unit name and keys)."""
        return fingerprint_of(self.role, self.unit_code, self.unit_name, self.age_recipient, self.sign_key_bytes)

    @property
    def legacy_fingerprint(self) -> str:
        """The version-1 fingerprint older programs showed and wrote into manifests."""
        return legacy_fingerprint(self.unit_code, self.age_recipient, self.sign_key_bytes)

    def body(self) -> dict:
        """The signed fields (everything but the signature)."""
        return {"format": CARD_FORMAT, "version": 1, "role": self.role, "unit_code": self.unit_code,
                "unit_name": self.unit_name, "age_recipient": self.age_recipient, "sign_key": self.sign_key,
                "escrow": list(self.escrow), "issued_at": self.issued_at}

    def as_dict(self) -> dict:
        """The card as stored in files and manifests."""
        return {**self.body(), "signature": self.signature}

    def to_bytes(self) -> bytes:
        """The card file's content (canonical JSON plus a newline)."""
        return limits.dumps(self.as_dict()) + b"\n"

    def verify_signature(self, data: bytes, signature: bytes) -> bool:
        """True when ``signature`` is this card's key signing ``data``."""
        return verify_with(self.sign_key_bytes, data, signature)

    @classmethod
    def from_dict(cls, raw: object) -> Card:
        """Parse and check a card (fields, key formats, self-signature); ExchangeError E_TRUST otherwise."""
        bad = ExchangeError(E_TRUST, _("站点名片无效或已被改动"))
        if not isinstance(raw, dict) or raw.get("format") != CARD_FORMAT or raw.get("version") != 1:
            raise bad
        expected = {"format", "version", "role", "unit_code", "unit_name", "age_recipient", "sign_key", "escrow",
                    "issued_at", "signature"}
        if set(raw) != expected:
            raise bad
        role, unit, name = raw["role"], raw["unit_code"], raw["unit_name"]
        escrow = raw["escrow"]
        if isinstance(name, str) and first_control(name) is not None:
            raise ExchangeError(E_TRUST, _("站点名片的单位名称含有不可见的控制字符（{char}），已拒绝").format(
                char=describe(first_control(name))))
        if (role not in ROLES or not isinstance(unit, str) or not _UNIT.match(unit) or not isinstance(name, str)
                or not 0 < len(name) <= 200 or first_control(name) is not None
                or not isinstance(raw["issued_at"], str) or len(raw["issued_at"]) > 40
                or not isinstance(raw["age_recipient"], str) or not _AGE_RECIPIENT.match(raw["age_recipient"])
                or not isinstance(escrow, list) or len(escrow) > 4
                or not all(isinstance(e, str) and _AGE_RECIPIENT.match(e) for e in escrow)):
            raise bad
        try:
            card = cls(role=role, unit_code=unit, unit_name=name, age_recipient=raw["age_recipient"],
                       sign_key=raw["sign_key"], escrow=tuple(escrow), issued_at=raw["issued_at"],
                       signature=raw["signature"])
            card.sign_key_bytes  # noqa: B018 - validates length and base64
            signature = _unb64(card.signature, 64)
            pyrage.x25519.Recipient.from_str(card.age_recipient)
            for recipient in card.escrow:
                pyrage.x25519.Recipient.from_str(recipient)
        except (ValueError, pyrage.RecipientError):
            raise bad from None
        if not card.verify_signature(limits.dumps(card.body()), signature):
            raise bad
        return card

    @classmethod
    def from_bytes(cls, data: bytes) -> Card:
        """Parse a card file."""
        try:
            raw = limits.loads(data, max_bytes=64 * 1024)
        except ExchangeError:
            raise ExchangeError(E_TRUST, _("站点名片文件格式错误")) from None
        return cls.from_dict(raw)


@dataclass
class StationKeys:
    """The unlocked keys of this station (never written anywhere in clear at a district)."""

    card: Card
    identities: list[pyrage.x25519.Identity]
    signer: Ed25519PrivateKey
    protected: bool = False
    extra: dict = field(default_factory=dict)

    @property
    def identity(self) -> pyrage.x25519.Identity:
        """The current age identity."""
        return self.identities[0]

    def sign(self, data: bytes) -> bytes:
        """Ed25519 signature of ``data``."""
        return self.signer.sign(data)


def verify_with(sign_key: bytes, data: bytes, signature: bytes) -> bool:
    """True when ``signature`` is the raw Ed25519 public key ``sign_key`` signing ``data``."""
    try:
        Ed25519PublicKey.from_public_bytes(sign_key).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def _signed_card(card: Card, signer: Ed25519PrivateKey) -> Card:
    body = limits.dumps(card.body())
    return replace(card, signature=_b64(signer.sign(body)))


def _raw_public(signer: Ed25519PrivateKey) -> bytes:
    return signer.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def _raw_private(signer: Ed25519PrivateKey) -> bytes:
    return signer.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())


def generate(*, role: str, unit_code: str, unit_name: str, escrow: tuple[str, ...] = ()) -> StationKeys:
    """Fresh keys and a signed card for a station."""
    identity = pyrage.x25519.Identity.generate()
    signer = Ed25519PrivateKey.generate()
    card = Card(role=role, unit_code=unit_code, unit_name=unit_name, age_recipient=str(identity.to_public()),
                sign_key=_b64(_raw_public(signer)), escrow=tuple(escrow), issued_at=_now())
    return StationKeys(_signed_card(card, signer), [identity], signer, protected=role == "district")


def check_passphrase(passphrase: str | None) -> str:
    """The passphrase, or E_KEYS when it is missing or too short."""
    if not passphrase:
        raise ExchangeError(E_KEYS, _("需要区级密钥口令（环境变量 HEXIE_KEY_PASSPHRASE 或输入）"))
    if len(passphrase) < MIN_PASSPHRASE:
        raise ExchangeError(E_KEYS, _("密钥口令至少{n}个字符").format(n=MIN_PASSPHRASE))
    return passphrase


def _kdf(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def save(keys_dir: Path, keys: StationKeys, passphrase: str | None = None) -> Path:
    """Write the key file atomically (sealed with ``passphrase`` when the keys are protected)."""
    secret = {"age_identities": [str(i) for i in keys.identities], "sign_key": _b64(_raw_private(keys.signer))}
    document: dict = {"format": KEYS_FORMAT, "version": 1, "card": keys.card.as_dict(), "protected": keys.protected}
    if keys.protected:
        passphrase = check_passphrase(passphrase)
        salt, nonce = os.urandom(16), os.urandom(12)
        key = _kdf(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
        aad = f"{KEYS_FORMAT}/1|{keys.card.unit_code}".encode()
        sealed = ChaCha20Poly1305(key).encrypt(nonce, limits.dumps(secret), aad)
        document["sealed"] = {"kdf": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P, "salt": _b64(salt),
                              "nonce": _b64(nonce), "ciphertext": _b64(sealed)}
    else:
        document["secret"] = secret
    keys_dir = Path(keys_dir)
    keys_dir.mkdir(parents=True, exist_ok=True)
    target = keys_dir / KEY_FILE
    with atomic_write(target) as handle:
        handle.write(limits.dumps(document) + b"\n")
    if os.name == "posix":
        os.chmod(target, 0o600)
    return target


def exists(keys_dir: Path) -> bool:
    """True when this station already has keys."""
    return (Path(keys_dir) / KEY_FILE).is_file()


def _document(keys_dir: Path) -> dict:
    path = Path(keys_dir) / KEY_FILE
    if not path.is_file():
        raise ExchangeError(E_KEYS, _("本站还没有交换密钥"))
    try:
        raw = limits.loads(path.read_bytes(), max_bytes=256 * 1024)
    except ExchangeError:
        raise ExchangeError(E_KEYS, _("密钥文件已损坏：{path}").format(path=path)) from None
    if not isinstance(raw, dict) or raw.get("format") != KEYS_FORMAT or raw.get("version") != 1:
        raise ExchangeError(E_KEYS, _("密钥文件格式不认识：{path}").format(path=path))
    return raw


def public_card(keys_dir: Path) -> Card:
    """This station's card (no passphrase needed)."""
    return Card.from_dict(_document(keys_dir).get("card"))


def is_protected(keys_dir: Path) -> bool:
    """True when the private keys need the passphrase."""
    return bool(_document(keys_dir).get("protected"))


def load(keys_dir: Path, passphrase: str | None = None) -> StationKeys:
    """Unlock the station keys (the passphrase is needed only when they are protected)."""
    raw = _document(keys_dir)
    card = Card.from_dict(raw.get("card"))
    protected = bool(raw.get("protected"))
    if protected:
        passphrase = check_passphrase(passphrase)
        sealed = raw.get("sealed")
        try:
            salt, nonce = _unb64(sealed["salt"], 16), _unb64(sealed["nonce"], 12)
            n, r, p = int(sealed["n"]), int(sealed["r"]), int(sealed["p"])
            if not (2**14 <= n <= 2**20 and 1 <= r <= 16 and 1 <= p <= 4):
                raise ValueError("kdf parameters")
            ciphertext = base64.b64decode(sealed["ciphertext"], validate=True)
        except (KeyError, TypeError, ValueError):
            raise ExchangeError(E_KEYS, _("密钥文件已损坏")) from None
        aad = f"{KEYS_FORMAT}/1|{card.unit_code}".encode()
        try:
            plain = ChaCha20Poly1305(_kdf(passphrase, salt, n, r, p)).decrypt(nonce, ciphertext, aad)
        except InvalidTag:
            raise ExchangeError(E_KEYS, _("密钥口令不正确")) from None
        secret = limits.loads(plain, max_bytes=64 * 1024)
    else:
        secret = raw.get("secret")
    try:
        identities = [pyrage.x25519.Identity.from_str(s) for s in secret["age_identities"]]
        signer = Ed25519PrivateKey.from_private_bytes(_unb64(secret["sign_key"], 32))
    except (KeyError, TypeError, ValueError, pyrage.IdentityError):
        raise ExchangeError(E_KEYS, _("密钥文件已损坏")) from None
    if not identities or str(identities[0].to_public()) != card.age_recipient \
            or _raw_public(signer) != card.sign_key_bytes:
        raise ExchangeError(E_KEYS, _("密钥文件与本站名片不一致"))
    return StationKeys(card, identities, signer, protected=protected)


def rotate(keys_dir: Path, passphrase: str | None) -> tuple[StationKeys, StationKeys]:
    """New keys for this station; the old age identities stay for opening older packages.

    Returns (old, new).  The caller signs the announcement of the new card with the old key.
    """
    old = load(keys_dir, passphrase)
    fresh = generate(role=old.card.role, unit_code=old.card.unit_code, unit_name=old.card.unit_name,
                     escrow=old.card.escrow)
    fresh.identities = fresh.identities + old.identities[:8]
    fresh.protected = old.protected
    save(keys_dir, fresh, passphrase)
    return old, fresh


def with_escrow(keys_dir: Path, passphrase: str | None, escrow: tuple[str, ...]) -> StationKeys:
    """Re-issue this station's card with these escrow recipients (same keys, same fingerprint)."""
    for recipient in escrow:
        if not _AGE_RECIPIENT.match(recipient or ""):
            raise ExchangeError(E_TRUST, _("托管接收方应为 age1… 公钥：{r}").format(r=(recipient or "")[:20]))
    keys = load(keys_dir, passphrase)
    card = replace(keys.card, escrow=tuple(escrow), issued_at=_now())
    keys.card = _signed_card(card, keys.signer)
    save(keys_dir, keys, passphrase)
    return keys


def recipients(card: Card) -> list[pyrage.x25519.Recipient]:
    """The age recipients a package for ``card``'s station is encrypted to (escrow included)."""
    return [pyrage.x25519.Recipient.from_str(r) for r in (card.age_recipient, *card.escrow)]


def identity_file(keys: StationKeys, passphrase: str) -> bytes:
    """The station's age identities (current first) as an age identity file sealed with ``passphrase``.

    The file is in age's own passphrase format (scrypt), which the stock tool reads directly:
    ``age -d -i FILE payload.age`` asks for the passphrase and decrypts.
    """
    passphrase = check_passphrase(passphrase)
    lines = [f"# hexie station {keys.card.unit_code}: age identities, exported {_now()}",
             f"# public key: {keys.card.age_recipient}"]
    lines += [str(identity) for identity in keys.identities]
    return pyrage.passphrase.encrypt(("\n".join(lines) + "\n").encode("ascii"), passphrase)
