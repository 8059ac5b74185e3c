"""Applying a township's rows at the district, inside the caller's one transaction.

Rules (EXCHANGE.md "Protocol" 2):

* unknown id → insert; higher version → update;
* same version and same content → duplicate, counted as unchanged;
* same version with other content, or a version going backwards → **conflict**: queued with
  both versions, nothing overwritten;
* after a restore at the township (a package of a newer epoch), a row the district holds in a
  version the township made after its backup point is a conflict too, and a full package that
  no longer contains such a row queues it as "missing" — never a silent loss either way;
* a row that fails validation (type, length, missing parent, and the business rules of
  ``exchange/validate.py``: codes, ID numbers, amounts, date range, control characters …) is
  quarantined with its reason naming the field; the rest of the package applies;
* a row that would add to or change **another township's** data — its origin, a row already
  held under another origin, or any parent or reference owned by another township
  (``exchange/ownership.py``) — is an attack, not a mistake: the whole package is refused
  (``E_OWNER``) and the district is left unchanged.

Malformed JSON, oversize lines and counts that contradict the manifest refuse the whole package
(the caller's transaction is rolled back).  The sender's sync columns are kept as they are
(``session.info["passthrough"]``): the district stamps only its own receipt time, elsewhere.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from sqlalchemy import bindparam, insert, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from hexie_desktop.core.i18n import _
from hexie_desktop.core.text import printable
from hexie_desktop.exchange import fastpath, limits, ownership, validate
from hexie_desktop.exchange.codec import (
    TABLES,
    ForeignRowError,
    RowError,
    TableSpec,
    check_row,
    comparable,
    to_json_dict,
)
from hexie_desktop.exchange.errors import E_INTEGRITY, E_LIMIT, E_OWNER, ExchangeError
from hexie_desktop.exchange.manifest import Manifest
from hexie_desktop.exchange.payload import PayloadReader
from hexie_desktop.storage import digest, search
from hexie_desktop.storage.db import large_cache
from hexie_desktop.storage.models import ExchangeConflict, ExchangeQuarantine, utcnow

CHUNK = 2000
FAST_PATH = True
"""Whether chunks of clean new rows go through exchange/fastpath.py (the benchmark times both ways)."""
RAW_KEEP = 64 * 1024


@dataclass
class TableCounts:
    """What happened to one table's rows."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0
    rejected: int = 0

    @property
    def total(self) -> int:
        """Rows seen."""
        return self.new + self.updated + self.unchanged + self.conflicts + self.rejected


@dataclass
class ApplyResult:
    """The outcome of applying one package (also the dry-run summary)."""

    tables: dict[str, TableCounts] = field(default_factory=dict)
    missing: int = 0
    files_received: int = 0
    files_missing: int = 0
    new_files: dict[str, Path] = field(default_factory=dict)
    held: dict[str, tuple[int, int]] | None = None
    """Table → (rows, hash sum mod 2^256) of everything the sender now holds here, known without reading
    the rows back: set only for a full package to a sender that held no row before it, every row of
    which went in by the fast path (so the sender's rows are exactly the package's); else None."""

    def totals(self) -> TableCounts:
        """Sum over every table."""
        out = TableCounts()
        for counts in self.tables.values():
            for key, value in asdict(counts).items():
                setattr(out, key, getattr(out, key) + value)
        return out

    def as_dict(self) -> dict[str, Any]:
        """Plain data (for JSON output and the package log)."""
        return {"tables": {k: asdict(v) for k, v in self.tables.items()}, "totals": asdict(self.totals()),
                "missing": self.missing, "files_received": self.files_received,
                "files_missing": self.files_missing}


def _oversize(table: str, value: dict) -> None:
    """Refuse the package when one field is beyond the absolute field limit."""
    for key, item in value.items():
        if isinstance(item, str) and len(item) > limits.STRING_MAX_CHARS:
            raise ExchangeError(E_LIMIT, _("数据表 {t} 的字段 {col} 过长（{n}个字符）").format(
                t=table, col=printable(str(key)[:40]), n=len(item)))


def _fingerprint(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


class _Applier:
    def __init__(self, session: Session, manifest: Manifest, reader: PayloadReader, *, transition: bool,
                 staging: Path, has_file: Callable[[str], bool],
                 progress: Callable[[int], None] | None, fast: bool = True) -> None:
        self.session = session
        self.fast = fast
        self.manifest = manifest
        self.reader = reader
        self.origin = manifest.sender_code
        self.transition = transition
        self.base = manifest.epoch_base
        self.staging = staging
        self.has_file = has_file
        self.progress = progress
        self.digest_upkeep = manifest.kind != "full"  # a full package is followed by a rebuild of its digest
        self.done = 0
        self.held_before: bool | None = None
        self.owners: dict[str, dict[str, str]] = {}
        self.polymorphic: set[tuple[str, str, str, str]] = set()
        self.touched_cases: set[str] = set()
        self.touched_employers: set[str] = set()
        self.result = ApplyResult()
        self.attachments: dict[str, str] = {}
        self.held_sums: dict[str, list[int]] | None = None  # see ApplyResult.held

    # ---------------------------------------------------------------- bookkeeping

    def quarantine(self, table: str, row_id: str | None, reason: str, raw: bytes | str) -> None:
        """Keep a bad row with its reason (the rest of the package still applies)."""
        text_ = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
        self.session.add(ExchangeQuarantine(package_id=self.manifest.package_id, origin=self.origin,
                                            table_name=table, row_id=(row_id or None) and printable(row_id)[:64],
                                            reason=printable(reason), raw=text_[:RAW_KEEP], status="open",
                                            created_at=utcnow()))

    def conflict(self, spec: TableSpec, kind: str, reason: str, stored: dict[str, Any],
                 incoming: dict[str, Any] | None) -> None:
        """Queue both versions of a row for a person (once per distinct pair of versions)."""
        stored_json = _json(to_json_dict(spec, stored))
        incoming_json = _json(to_json_dict(spec, incoming)) if incoming is not None else None
        fp = _fingerprint(spec.name, stored["id"], kind, stored_json, incoming_json or "")
        exists = self.session.execute(select(ExchangeConflict.id).where(
            ExchangeConflict.row_id == stored["id"], ExchangeConflict.fingerprint == fp)).first()
        if exists is None:
            self.session.add(ExchangeConflict(origin=self.origin, table_name=spec.name, row_id=stored["id"],
                                              package_id=self.manifest.package_id, kind=kind, reason=reason,
                                              stored=stored_json, incoming=incoming_json, fingerprint=fp,
                                              status="open", created_at=utcnow()))

    # ---------------------------------------------------------------- per table

    def run(self) -> ApplyResult:
        """Apply every table in foreign-key order, then files and the search index."""
        declared = dict(self.manifest.row_counts)
        present = set(self.reader.tables)
        if self.fast and self.manifest.kind == "full" and not any(digest.counts(self.session, self.origin).values()):
            self.held_sums = {}
        if present - set(declared):
            raise ExchangeError(E_INTEGRITY, _("数据包中的数据表与清单不符：{t}").format(
                t="、".join(sorted(present - set(declared)))))
        for name, spec in TABLES.items():
            if name not in present and declared.get(name, 0) == 0:
                self._missing_rows(spec, set())
                continue
            lines, seen = self._table(spec)
            if lines != declared.get(name, 0):
                raise ExchangeError(E_INTEGRITY, _("数据表 {t} 的行数（{n}）与清单声明的（{d}）不符").format(
                    t=name, n=lines, d=declared.get(name, 0)))
            self._missing_rows(spec, seen)
        self._check_polymorphic()
        self._files()
        self._reindex()
        if self.held_sums is not None:
            self.result.held = {name: (rows, total % digest.MODULUS) for name, (rows, total) in self.held_sums.items()}
        return self.result

    def _table(self, spec: TableSpec) -> tuple[int, set[str]]:
        counts = self.result.tables.setdefault(spec.name, TableCounts())
        seen: set[str] = set()
        lines = 0
        self.held_before = None  # whether the table held any row before this package's (asked once, when needed)
        for chunk in self.reader.chunks(spec.name, CHUNK):
            lines += len(chunk)
            self._lines(spec, chunk, seen, counts)
        return lines, seen

    def _lines(self, spec: TableSpec, chunk: list[bytes], seen: set[str], counts: TableCounts) -> None:
        """Apply one chunk of lines (without their newline): the fast path when it takes them all, else row by row."""
        if self.fast:
            columns = fastpath.parse_and_check(spec, self.origin, chunk)
            if columns is not None and self._fast_chunk(spec, columns, seen, counts):
                return
        self.held_sums = None  # a row the per-row path handles: the sender's digest is recomputed from its rows
        batch: list[tuple[bytes, Any]] = []
        for part in chunk:
            line = part + b"\n"
            value = limits.loads(line, tree=False)
            if len(line) > limits.STRING_MAX_CHARS and isinstance(value, dict):
                _oversize(spec.name, value)
            batch.append((line, value))
        self._chunk(spec, batch, seen, counts)

    def _fast_chunk(self, spec: TableSpec, columns: list[Any], seen: set[str], counts: TableCounts) -> bool:
        """Insert a chunk of new, clean, own rows at once (exchange/fastpath.py); False leaves it to ``_chunk``.

        Taken only when the per-row path would insert every row as it is: every value passes
        its checks, no id is held already (no update, conflict or foreign row), no id repeats,
        and every parent is a row of the sender's.  Nothing is changed before the insert
        succeeds, so a refusal falls back cleanly.
        """
        by_name = dict(zip(spec.names, columns, strict=False))
        ids = by_name["id"]
        if len(set(ids)) != len(ids) or not seen.isdisjoint(ids):
            return False
        table = spec.table
        if self.held_before is None:
            held = self.session.execute(text(f'SELECT 1 FROM "{table.name}" LIMIT 1')).first()
            self.held_before = held is not None
        if self.held_before and self._held(table, ids):  # an empty table holds none (this package's ids are in seen)
            return False
        for column, parent in spec.foreign_keys:
            wanted = set(by_name[column])
            wanted.discard(None)
            owners = self._owner_map(parent, wanted)
            if wanted and set(map(owners.get, wanted)) != {self.origin}:
                return False  # a parent missing (None) or another township's
        try:
            with self.session.begin_nested():
                _insert_columns(self.session, spec, columns)
        except IntegrityError:
            return False
        seen.update(ids)
        counts.new += len(ids)
        self._accepted_many(spec, by_name)
        self._tick(len(ids))
        return True

    def _held(self, table: Any, ids: tuple[str, ...]) -> bool:
        """True when any of ``ids`` is already a row of ``table`` (whoever owns it)."""
        connection = self.session.connection()
        if connection.dialect.name == "sqlite":
            found = connection.execute(text(f'SELECT 1 FROM "{table.name}" WHERE id IN '
                                            "(SELECT value FROM json_each(:ids)) LIMIT 1"),
                                       {"ids": json.dumps(ids)}).first()
        else:
            found = connection.execute(text(f'SELECT 1 FROM "{table.name}" WHERE id = ANY(:ids) LIMIT 1'),
                                       {"ids": list(ids)}).first()
        return found is not None

    def _accepted_many(self, spec: TableSpec, by_name: dict[str, tuple[Any, ...]]) -> None:
        """What :meth:`_accepted` does, for many new rows at once."""
        ids = by_name["id"]
        if self.digest_upkeep:
            delta = digest.new_delta()
            for row_id, version in zip(ids, by_name["version"], strict=False):
                digest.add(delta, spec.name, self.origin, row_id, version)
            digest.apply(self.session, delta)
        if self.held_sums is not None:
            entry = self.held_sums.setdefault(spec.name, [0, 0])
            entry[0] += len(ids)
            entry[1] += digest.hash_sum(spec.name, ids, by_name["version"])
        self.owners.setdefault(spec.name, {}).update(dict.fromkeys(ids, self.origin))
        if spec.name == "cases":
            self.touched_cases.update(ids)
        elif spec.name == "parties":
            self.touched_cases.update(by_name["case_id"])
        elif spec.name == "employers":
            self.touched_employers.update(ids)
        elif spec.name == "attachments":
            for row_id, deleted, sha in zip(ids, by_name["deleted"], by_name["sha256"], strict=False):
                if not deleted:
                    self.attachments[sha] = row_id
        polymorphic = ownership.POLYMORPHIC.get(spec.name)
        if polymorphic is not None:
            owners = zip(ids, by_name[polymorphic[0]], by_name[polymorphic[1]], strict=True)
            for row_id, owner_table, owner_id in owners:
                if owner_table in TABLES and owner_id:
                    self.polymorphic.add((spec.name, row_id, owner_table, owner_id))

    def _once(self, spec: TableSpec, row_id: str, seen: set[str]) -> None:
        if row_id in seen:
            raise ExchangeError(E_INTEGRITY, _("数据表 {t} 中同一记录出现两次：{id}").format(
                t=spec.name, id=printable(row_id[:36])))
        seen.add(row_id)

    def _chunk(self, spec: TableSpec, batch: list[tuple[bytes, Any]], seen: set[str], counts: TableCounts) -> None:
        table = spec.table
        rows: list[tuple[bytes, dict[str, Any]]] = []
        for line, value in batch:
            try:
                row = check_row(spec, value, self.origin)
            except ForeignRowError as exc:
                raise self._foreign(spec, exc.reason, value.get("id")) from None
            except RowError as exc:
                row_id = value.get("id") if isinstance(value, dict) and isinstance(value.get("id"), str) else None
                if row_id is not None:
                    self._once(spec, row_id, seen)
                self.quarantine(spec.name, row_id, exc.reason, line)
                counts.rejected += 1
                continue
            self._once(spec, row["id"], seen)
            rows.append((line, row))
        if not rows:
            self._tick(len(batch))
            return
        ids = [row["id"] for _line, row in rows]
        stored = {r["id"]: dict(r) for r in self.session.execute(
            select(table).where(table.c.id.in_(ids))).mappings()}
        missing_parent = self._check_owners(spec, [row for _line, row in rows], stored)
        inserts: list[tuple[bytes, dict[str, Any]]] = []
        updates: list[tuple[bytes, dict[str, Any]]] = []
        for line, row in rows:
            try:
                validate.check(spec, row)
            except RowError as exc:
                self.quarantine(spec.name, row["id"], exc.reason, line)
                counts.rejected += 1
                continue
            bad_parent = missing_parent.get(row["id"])
            if bad_parent is not None:
                self.quarantine(spec.name, row["id"], bad_parent, line)
                counts.rejected += 1
                continue
            old = stored.get(row["id"])
            if old is None:
                inserts.append((line, row))
                continue
            same = comparable(spec, old) == comparable(spec, row)
            if same:
                counts.unchanged += 1
            elif self.transition and old["change_seq"] > self.base:
                counts.conflicts += 1
                self.conflict(spec, "restore", _("乡镇从备份恢复后，区里保存的第{v}版（乡镇恢复点之后的修改）乡镇已没有；"
                                                 "数据包中是第{n}版").format(v=old["version"], n=row["version"]),
                              old, row)
            elif row["version"] > old["version"]:
                updates.append((line, row))
            elif row["version"] == old["version"]:
                counts.conflicts += 1
                self.conflict(spec, "version", _("同为第{v}版，内容却不同").format(v=row["version"]), old, row)
            else:
                counts.conflicts += 1
                self.conflict(spec, "backwards", _("版本倒退：区里是第{old}版，数据包是第{new}版").format(
                    old=old["version"], new=row["version"]), old, row)
        counts.new += self._write(spec, inserts, insert_mode=True)
        counts.updated += self._write(spec, updates, insert_mode=False, stored=stored)
        self._tick(len(batch))

    # ---------------------------------------------------------------- ownership (exchange/ownership.py)

    def _foreign(self, spec: TableSpec, why: str, row_id: Any) -> ExchangeError:
        """The refusal of a cross-township write, naming the table, the row and why."""
        shown = printable(row_id)[:40] if isinstance(row_id, str) else "-"
        return ExchangeError(E_OWNER, _("数据包已拒绝（跨乡镇写入）：数据表 {t} 的记录 {id}：{why}。"
                                        "乡镇只能提交和修改本单位的数据，区里未作任何更改").format(
            t=spec.name, id=shown, why=why))

    def _owner_map(self, parent: str, wanted: set[str]) -> dict[str, str]:
        """id → origin of the rows of ``parent`` (cached; rows of this package are the signer's)."""
        cache = self.owners.setdefault(parent, {})
        lookup = list(wanted.difference(cache))
        parent_table = TABLES[parent].table
        for start in range(0, len(lookup), 900):
            part = lookup[start:start + 900]
            cache.update(self.session.execute(select(parent_table.c.id, parent_table.c.origin).where(
                parent_table.c.id.in_(part))).all())
        return cache

    def _check_owners(self, spec: TableSpec, rows: list[dict[str, Any]],
                      stored: dict[str, dict[str, Any]]) -> dict[str, str]:
        """Refuse any row touching another township's data; returns row id → reason for missing parents.

        Every foreign key of the new version and of the stored one must point at a row the
        signer owns; a stored row must itself be the signer's.
        """
        for row in rows:
            old = stored.get(row["id"])
            if old is not None and old["origin"] != self.origin:
                raise self._foreign(spec, _("该记录属于单位{o}").format(o=printable(old["origin"])), row["id"])
        out: dict[str, str] = {}
        for column, parent in spec.foreign_keys:
            wanted = {row[column] for row in rows if row[column] is not None}
            wanted |= {old[column] for old in stored.values() if old[column] is not None}
            owners = self._owner_map(parent, wanted)
            for row in rows:
                old = stored.get(row["id"])
                for version, value in (("new", row[column]), ("old", old[column] if old else None)):
                    if value is None:
                        continue
                    owner = owners.get(value)
                    if owner is not None and owner != self.origin:
                        why = _("{col} 指向单位{o}的 {parent} 记录 {ref}") if version == "new" else \
                            _("区里保存的版本中 {col} 指向单位{o}的 {parent} 记录 {ref}，不能移动")
                        raise self._foreign(spec, why.format(col=column, o=printable(owner), parent=parent,
                                                             ref=value), row["id"])
                    if owner is None and version == "new" and row["id"] not in out:
                        out[row["id"]] = _("引用的上级记录不存在（{col} → {parent}）").format(col=column, parent=parent)
        polymorphic = ownership.POLYMORPHIC.get(spec.name)
        if polymorphic is not None:
            for row in rows:
                for version in (row, stored.get(row["id"])):
                    if version is not None and version[polymorphic[0]] in TABLES and version[polymorphic[1]]:
                        self.polymorphic.add((spec.name, row["id"], version[polymorphic[0]], version[polymorphic[1]]))
        return out

    def _check_polymorphic(self) -> None:
        """Once every table is in: an attachment's free-form owner must be the signer's too."""
        for table, row_id, owner_table, owner_id in sorted(self.polymorphic):
            owner = self._owner_map(owner_table, {owner_id}).get(owner_id)
            if owner is not None and owner != self.origin:
                raise self._foreign(TABLES[table], _("owner_id 指向单位{o}的 {parent} 记录 {ref}").format(
                    o=printable(owner), parent=owner_table, ref=owner_id), row_id)

    def _tick(self, n: int) -> None:
        self.done += n
        if self.progress is not None:
            self.progress(self.done)

    def _write(self, spec: TableSpec, rows: list[tuple[bytes, dict[str, Any]]], *, insert_mode: bool,
               stored: dict[str, dict[str, Any]] | None = None) -> int:
        """Insert or update ``rows``; the kept digest follows what was written (storage/digest.py)."""
        if not rows:
            return 0
        values = [row for _line, row in rows]
        delta = digest.new_delta()
        try:
            with self.session.begin_nested():
                self._execute(spec, values, insert_mode)
        except IntegrityError:
            written = 0
            for line, row in rows:
                try:
                    with self.session.begin_nested():
                        self._execute(spec, [row], insert_mode)
                except IntegrityError as exc:
                    self.quarantine(spec.name, row["id"], _("违反数据库约束：{e}").format(e=str(exc.orig)[:200]),
                                    line)
                    self.result.tables[spec.name].rejected += 1
                    continue
                written += 1
                self._accepted(spec, row, delta, stored)
            digest.apply(self.session, delta)
            return written
        for row in values:
            self._accepted(spec, row, delta, stored)
        digest.apply(self.session, delta)
        return len(values)

    def _execute(self, spec: TableSpec, values: list[dict[str, Any]], insert_mode: bool) -> None:
        table = spec.table
        if insert_mode:
            _bulk_insert(self.session, spec, values)
        else:
            params = [{**{k: v for k, v in row.items() if k != "id"}, "_key": row["id"]} for row in values]
            self.session.execute(update(table).where(table.c.id == bindparam("_key")), params)

    def _accepted(self, spec: TableSpec, row: dict[str, Any], delta: digest.Delta,
                  stored: dict[str, dict[str, Any]] | None) -> None:
        if self.digest_upkeep:
            old = stored.get(row["id"]) if stored is not None else None
            if old is not None:
                digest.remove(delta, spec.name, old["origin"], old["id"], old["version"])
            digest.add(delta, spec.name, row["origin"], row["id"], row["version"])
        self.owners.setdefault(spec.name, {})[row["id"]] = self.origin
        if spec.name == "cases":
            self.touched_cases.add(row["id"])
        elif spec.name == "parties":
            self.touched_cases.add(row["case_id"])
        elif spec.name == "employers":
            self.touched_employers.add(row["id"])
        elif spec.name == "attachments" and not row["deleted"]:
            self.attachments[row["sha256"]] = row["id"]

    def _missing_rows(self, spec: TableSpec, seen: set[str]) -> None:
        """In a full package, rows held here for this township but absent from it are queued."""
        if self.manifest.kind != "full":
            return
        table = spec.table
        absent = sorted(_ids(self.session, spec.name, self.origin, self.base if self.transition else None) - seen)
        for start in range(0, len(absent), 900):
            for old in self.session.execute(select(table).where(table.c.id.in_(absent[start:start + 900]))).mappings():
                row = dict(old)
                self.result.missing += 1
                reason = (_("乡镇从备份恢复后已没有这条记录（区里保存的是第{v}版）") if self.transition
                          else _("乡镇的完整数据中没有这条记录（区里保存的是第{v}版）")).format(v=row["version"])
                self.conflict(spec, "missing", reason, row, None)

    # ---------------------------------------------------------------- files and search

    def _files(self) -> None:
        folder = self.staging / "files"
        for sha in self.attachments:
            if sha in self.reader.files:
                if not self.has_file(sha):
                    folder.mkdir(exist_ok=True)
                    target = folder / sha
                    self.reader.extract_file(sha, target)
                    self.result.new_files[sha] = target
                self.result.files_received += 1
            elif not self.has_file(sha):
                self.result.files_missing += 1

    def _reindex(self) -> None:
        if self.touched_employers:
            cases = TABLES["cases"].table
            for start in range(0, len(self.touched_employers), 900):
                part = list(self.touched_employers)[start:start + 900]
                self.touched_cases.update(self.session.execute(
                    select(cases.c.id).where(cases.c.respondent_id.in_(part))).scalars())
        reindex_cases(self.session, sorted(self.touched_cases))


_INSERTS: dict[tuple[str, str], tuple[str, list[str], list[Any], bool]] = {}


def _bulk_insert(session: Session, spec: TableSpec, values: list[dict[str, Any]]) -> None:
    """INSERT many rows through the driver with the columns' own bind processing (fast path).

    The statement is SQLAlchemy's own compilation for this dialect and every value goes
    through the column type's bind processor, so what is stored is exactly what
    ``session.execute(insert(table), rows)`` would store — without its per-row overhead.
    """
    connection = session.connection()
    dialect = connection.dialect
    sql, order, processors, positional = _prepared(connection, spec)
    if dialect.name == "postgresql" and len(values) >= COPY_MIN_ROWS:
        _copy_rows(connection, spec, values)
        return
    pairs = list(zip(order, processors, strict=False))
    if positional:
        converted = [(i, p) for i, p in enumerate(processors) if p is not None]
        params: list[Any] = []
        for row in values:
            item = [row[n] for n in order]
            for i, p in converted:
                item[i] = p(item[i])
            params.append(tuple(item))
    else:
        params = [{n: (p(row[n]) if p is not None else row[n]) for n, p in pairs} for row in values]
    connection.exec_driver_sql(sql, params)


def _insert_columns(session: Session, spec: TableSpec, columns: list[tuple[Any, ...]]) -> None:
    """As :func:`_bulk_insert`, for rows given column by column in ``spec.names`` order (the fast path)."""
    connection = session.connection()
    dialect = connection.dialect
    if dialect.name == "postgresql" and len(columns[0]) >= COPY_MIN_ROWS:
        _copy_tuples(connection, spec, list(zip(*columns, strict=False)))
        return
    sql, order, processors, positional = _prepared(connection, spec)
    index = {name: i for i, name in enumerate(spec.names)}
    picked = [columns[index[name]] for name in order]
    converted = [col if p is None else _processed(p, col) for col, p in zip(picked, processors, strict=True)]
    if positional:
        params: list[Any] = list(zip(*converted, strict=False))
    else:
        params = [dict(zip(order, row, strict=False)) for row in zip(*converted, strict=False)]
    connection.exec_driver_sql(sql, params)


def _ids(session: Session, table: str, origin: str, after: int | None) -> set[str]:
    """Ids of the rows of ``origin`` in ``table`` (changed after change ``after`` when given), read by the driver."""
    session.flush()
    connection = session.connection()
    mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    sql = f'SELECT id FROM "{table}" WHERE origin = {mark}'
    params: tuple[Any, ...] = (origin,)
    if after is not None:
        sql += f" AND change_seq > {mark}"
        params += (after,)
    cursor = connection.connection.cursor()
    try:
        cursor.execute(sql, params)
        return {row_id for (row_id,) in cursor.fetchall()}
    finally:
        cursor.close()


def _processed(processor: Callable[[Any], Any], values: Any) -> list[Any]:
    """``processor`` applied to every value, called once per distinct value (a column repeats many dates)."""
    lookup = {value: processor(value) for value in set(values)}
    return list(map(lookup.__getitem__, values))


def _prepared(connection: Any, spec: TableSpec) -> tuple[str, list[str], list[Any], bool]:
    """The dialect's compiled INSERT of every column of ``spec`` and the columns' bind processors (cached)."""
    dialect = connection.dialect
    key = (dialect.name, spec.name)
    prepared = _INSERTS.get(key)
    if prepared is None:
        names = list(spec.names)
        compiled = insert(spec.table).compile(dialect=dialect, column_keys=names)
        order = list(compiled.positiontup) if compiled.positional else names
        processors = [spec.table.c[name].type._cached_bind_processor(dialect) for name in order]
        prepared = (str(compiled), order, processors, compiled.positional)
        _INSERTS[key] = prepared
    return prepared


COPY_MIN_ROWS = 50
"""From this many new rows on, PostgreSQL receives them with ``COPY … FROM STDIN`` (psycopg 3)."""


def _copy_rows(connection: Any, spec: TableSpec, values: list[dict[str, Any]]) -> None:
    """Insert ``values`` on PostgreSQL with COPY: one stream instead of one statement per row.

    The values are the checked Python values (str, int, bool, date, datetime, None) that
    psycopg adapts exactly as it does for INSERT parameters.  A constraint violation is raised
    as SQLAlchemy's IntegrityError, so the caller's fallback (row by row, quarantining the bad
    one) works as for INSERT; the caller's savepoint undoes the partial COPY.
    """
    import psycopg

    names = list(spec.names)
    columns = ", ".join(f'"{name}"' for name in names)
    raw = connection.connection.driver_connection
    try:
        with raw.cursor() as cursor, cursor.copy(f'COPY "{spec.name}" ({columns}) FROM STDIN') as copy:
            for row in values:
                copy.write_row([row[name] for name in names])
    except psycopg.IntegrityError as exc:
        raise IntegrityError(f"COPY {spec.name}", None, exc) from exc


def _copy_tuples(connection: Any, spec: TableSpec, values: list[tuple[Any, ...]]) -> None:
    """As :func:`_copy_rows`, for rows given as tuples in ``spec.names`` order."""
    import psycopg

    columns = ", ".join(f'"{name}"' for name in spec.names)
    raw = connection.connection.driver_connection
    try:
        with raw.cursor() as cursor, cursor.copy(f'COPY "{spec.name}" ({columns}) FROM STDIN') as copy:
            for row in values:
                copy.write_row(row)
    except psycopg.IntegrityError as exc:
        raise IntegrityError(f"COPY {spec.name}", None, exc) from exc


def drop_search(session: Session, case_ids: list[str]) -> None:
    """Remove the search text of these cases (FTS rows included)."""
    ids = _ids_param(session, case_ids)
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("DELETE FROM case_fts WHERE rowid IN (SELECT rid FROM case_search_text "
                             "WHERE case_id IN (SELECT value FROM json_each(:ids)))"), {"ids": ids})
    session.execute(text(f"DELETE FROM case_search_text WHERE {_ids_in(session, 'case_id')}"), {"ids": ids})


REINDEX_BATCH = 5000
"""Cases whose search text is rebuilt per statement (their ids go in as one JSON or array parameter)."""


def _ids_in(session: Session, column: str) -> str:
    """SQL testing ``column`` against the list of ids bound as ``:ids`` (see :func:`_ids_param`)."""
    if session.get_bind().dialect.name == "sqlite":
        return f"{column} IN (SELECT value FROM json_each(:ids))"
    return f"{column} = ANY(:ids)"


def _ids_param(session: Session, ids: list[str]) -> Any:
    """The ids as :func:`_ids_in` binds them: one JSON text on SQLite, an array on PostgreSQL."""
    return json.dumps(ids) if session.get_bind().dialect.name == "sqlite" else ids


def reindex_cases(session: Session, case_ids: list[str]) -> None:
    """Rewrite the search text of these cases (bulk; used after rows arrive from a township).

    Per batch of :data:`REINDEX_BATCH` cases: three reads (cases, their live parties by
    position, their employers) with the ids as one parameter, the old text dropped, the new
    text inserted with one ``executemany`` and, on SQLite, into the FTS5 index with one
    statement.  The text is :func:`search.case_text`'s, as for a case saved here.
    """
    if not case_ids:
        return
    sqlite = session.get_bind().dialect.name == "sqlite"
    cases_sql = text(f"SELECT id, number, respondent_id FROM cases WHERE {_ids_in(session, 'id')}")
    parties_sql = text(f"SELECT case_id, name, id_number, phone FROM parties WHERE {_ids_in(session, 'case_id')} "
                       "AND deleted = :no ORDER BY position")
    employers_sql = text(f"SELECT id, name, credit_code, phone FROM employers WHERE {_ids_in(session, 'id')}")
    for start in range(0, len(case_ids), REINDEX_BATCH):
        part = case_ids[start:start + REINDEX_BATCH]
        ids = _ids_param(session, part)
        found = session.execute(cases_sql, {"ids": ids}).all()
        by_case: dict[str, list] = {}
        for p in session.execute(parties_sql, {"ids": ids, "no": False}):
            by_case.setdefault(p.case_id, []).append(p)
        employer_ids = sorted({c.respondent_id for c in found if c.respondent_id is not None})
        employer_rows = {e.id: e for e in session.execute(employers_sql, {"ids": _ids_param(session, employer_ids)})}
        drop_search(session, part)
        rows = [{"case_id": c.id, "body": search.case_text(SimpleNamespace(number=c.number), by_case.get(c.id, []),
                                                           employer_rows.get(c.respondent_id))} for c in found]
        if rows:
            session.execute(text("INSERT INTO case_search_text (case_id, body) VALUES (:case_id, :body)"), rows)
            if sqlite:  # the rows just written (a rid freed by the drop above may be taken again)
                session.execute(text("INSERT INTO case_fts (rowid, body) SELECT rid, body FROM case_search_text "
                                     f"WHERE {_ids_in(session, 'case_id')}"), {"ids": ids})


def apply_changes(session: Session, manifest: Manifest, reader: PayloadReader, *, transition: bool,
                  staging: Path, has_file: Callable[[str], bool],
                  progress: Callable[[int], None] | None = None, fast: bool | None = None) -> ApplyResult:
    """Apply a township's package inside the caller's transaction; see the module docstring.

    ``fast=False`` applies every row through the per-row path only (the fast path's reference
    in tests/unit/test_exchange_fastpath.py); None follows :data:`FAST_PATH`.
    """
    session.info["passthrough"] = True
    try:
        with large_cache(session):
            return _Applier(session, manifest, reader, transition=transition, staging=staging, has_file=has_file,
                            progress=progress, fast=FAST_PATH if fast is None else fast).run()
    finally:
        session.info.pop("passthrough", None)
