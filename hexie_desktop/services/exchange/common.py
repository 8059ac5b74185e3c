"""Shared by the exchange use cases: views and labels, the package numbering, outcomes, small helpers."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from alembic.script import ScriptDirectory
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from hexie_desktop.core import dates, ledgers
from hexie_desktop.core.i18n import _
from hexie_desktop.exchange import container as hxp
from hexie_desktop.exchange import sequence as numbering
from hexie_desktop.exchange import state
from hexie_desktop.exchange.apply import ApplyResult
from hexie_desktop.exchange.errors import E_STATE, ExchangeError
from hexie_desktop.exchange.keys import Card
from hexie_desktop.storage import migrate
from hexie_desktop.storage.db import CHANGE_SEQ, next_counter
from hexie_desktop.storage.identity import OpenedStation
from hexie_desktop.storage.models import Counter, ExchangeConflict, ExchangePackage, ExchangePeer, ExchangeQuarantine

PACKAGE_COUNTER = "exchange.package_seq"


# ---------------------------------------------------------------- small helpers


@lru_cache(maxsize=1)
def _revisions() -> frozenset[str]:
    script = ScriptDirectory(str(migrate.MIGRATIONS_DIR))
    return frozenset(s.revision for s in script.walk_revisions())


@lru_cache(maxsize=1)
def schema_version() -> str:
    """The schema revision this program writes into its manifests (the scripts' head, read once)."""
    return migrate.head_revision()


def known_schema(revision: str) -> bool:
    """True when ``revision`` is a schema revision this program knows."""
    return revision in _revisions()


def station_role(station: OpenedStation) -> str:
    """The station's role (``township`` or ``district``)."""
    return station.info.role


def require_role(station: OpenedStation, role: str) -> None:
    """Refuse (E_STATE) unless the station has ``role``."""
    if station_role(station) != role:
        raise ExchangeError(E_STATE, _("只有{role}站点可以执行此操作").format(
            role=_("乡镇") if role == "township" else _("区级")))


def peer_card(peer: ExchangePeer) -> Card:
    """The card stored for ``peer``."""
    return Card.from_dict(json.loads(peer.card))


def fingerprint_of(peer: ExchangePeer) -> str:
    """The peer's fingerprint as its stored card gives it now (rows from before fingerprint v2 hold v1)."""
    return peer_card(peer).fingerprint


def loads(text: str | None, default: Any) -> Any:
    """JSON from a stored text column, ``default`` when empty or unreadable."""
    if not text:
        return default
    try:
        return json.loads(text)
    except ValueError:
        return default


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


def peer_view(session: Session, peer: ExchangePeer) -> PeerView:
    """``peer`` as the screens and the CLI show it (counts of its open conflicts, quarantine, waiting packages)."""
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
            others = sorted({fp for _package, fp, _card in waiting_packages(session, peer)} - {fingerprint_of(peer)})
    gaps = numbering.parse(peer.gaps)
    return PeerView(peer.unit_code, peer.unit_name, peer.role, peer.status, fingerprint_of(peer),
                    dates.local(peer.trusted_at), peer.epoch, peer.last_sequence, dates.local(peer.last_received_at),
                    numbering.missing(gaps), peer.last_receipt_sequence, dates.local(peer.last_receipt_at),
                    conflicts, quarantine, waiting, numbering.label(gaps), others)


def waiting_packages(session: Session, peer: ExchangePeer) -> list[tuple[ExchangePackage, str, dict]]:
    """(package, fingerprint, card) of every package waiting for ``peer``'s enrolment, oldest first.

    Each waiting package notes the card it was signed with; a package that does not (held by an
    older program) was signed with the peer's pending card.
    """
    out = []
    for package in session.execute(select(ExchangePackage).where(
            ExchangePackage.peer == peer.unit_code, ExchangePackage.status == "waiting")
            .order_by(ExchangePackage.epoch, ExchangePackage.sequence)).scalars():
        card = loads(package.summary, {}).get("card")
        if isinstance(card, dict):
            try:
                out.append((package, Card.from_dict(card).fingerprint, card))
                continue
            except ExchangeError:
                pass
        out.append((package, fingerprint_of(peer), json.loads(peer.card)))
    return out


TABLE_LABELS = {
    **{spec.table: spec.label for spec in ledgers.LEDGERS.values()},
    "attachments": _("附件"), "checklist_items": _("规范化检查项"), "layoff_plans": _("裁员计划"),
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


# ---------------------------------------------------------------- numbering


def next_sequence(session: Session, station: OpenedStation) -> int:
    """Reserve this station's next package number (never below the number remembered outside the database)."""
    value = next_counter(session, PACKAGE_COUNTER)
    floor = state.read_epoch_file(station)["sequence"]
    if value <= floor:
        value = floor + 1
        session.execute(update(Counter).where(Counter.name == PACKAGE_COUNTER).values(value=value))
    return value


def change_seq(session: Session) -> int:
    """The station's current change sequence."""
    return session.execute(select(Counter.value).where(Counter.name == CHANGE_SEQ)).scalar_one_or_none() or 0


def trusted_district(session: Session) -> ExchangePeer | None:
    """The district this township trusts (None before ``keys trust``)."""
    return session.execute(select(ExchangePeer).where(ExchangePeer.role == "district",
                                                      ExchangePeer.status == "trusted")).scalars().first()


def acknowledged_change(session: Session, epoch: int) -> int:
    """The highest change of ``epoch`` a district receipt acknowledged (0 when none)."""
    return session.execute(select(func.max(ExchangePackage.change_to)).where(
        ExchangePackage.direction == "out", ExchangePackage.epoch == epoch, ExchangePackage.kind.in_(
            ("changes", "full")), ExchangePackage.acknowledged_at.is_not(None))).scalar_one_or_none() or 0


def last_receipt(session: Session) -> ExchangePackage | None:
    """The last receipt imported here (None when none)."""
    return session.execute(select(ExchangePackage).where(ExchangePackage.direction == "in",
                                                         ExchangePackage.kind == "receipt")
                           .order_by(ExchangePackage.recorded_at.desc()).limit(1)).scalars().first()


def split_size(split_mb: int | None) -> int | None:
    """``--split-mb`` in bytes (None: one file); refused outside 1–2048 MB."""
    if split_mb is None:
        return None
    if not 1 <= int(split_mb) <= 2048:
        raise ExchangeError(E_STATE, _("分卷大小应在1到2048 MB之间"))
    return int(split_mb) * 1024 * 1024


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


PENDING_DIR = ".hexie-exporting"
"""Hidden folder beside an export's target where a package waits for its number to be committed."""


@contextmanager
def numbered_output(out: Path) -> Iterator[Path]:
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


def publish(source: Path, directory: Path, name: str | None = None) -> Path:
    """Copy ``source`` into ``directory`` (created when missing) and return the copy."""
    directory.mkdir(parents=True, exist_ok=True)
    return hxp.copy_into(source, directory, name or source.name)

class DryRun(Exception):
    """Raised inside the transaction of a dry run so that it rolls back."""

    def __init__(self, result: Any) -> None:
        super().__init__("dry run")
        self.result = result


