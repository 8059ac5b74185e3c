"""Township export: every change since the district's last receipt, numbered and signed, in one transaction."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import TextualSelect, text
from sqlalchemy.orm import Session

from hexie_desktop import failpoints
from hexie_desktop.core.i18n import _
from hexie_desktop.exchange import container as hxp
from hexie_desktop.exchange import state
from hexie_desktop.exchange.codec import TABLES, TableSpec, encoder
from hexie_desktop.exchange.errors import E_STATE, ExchangeError
from hexie_desktop.exchange.payload import PayloadWriter
from hexie_desktop.exchange.writer import write_package
from hexie_desktop.services.context import Context
from hexie_desktop.services.exchange.common import (
    Exported,
    acknowledged_change,
    change_seq,
    last_receipt,
    next_sequence,
    numbered_output,
    peer_card,
    require_role,
    schema_version,
    split_size,
    trusted_district,
)
from hexie_desktop.services.exchange.keys import unlock
from hexie_desktop.storage import audit
from hexie_desktop.storage import digest as kept_digest
from hexie_desktop.storage.models import ExchangePackage, utcnow


def _changed_query(spec: TableSpec, origin: str, since: int | None) -> TextualSelect:
    """Every column of the rows of ``origin`` changed after ``since`` (all for None), as :func:`codec.changed_rows`.

    Written as SQL text with typed result columns: the values come back converted exactly as
    from ``select(*table.c)``, without compiling a statement of every column per table and
    process (the fixed cost of a small export).
    """
    columns = ", ".join(f'"{name}"' for name in spec.names)
    if since is None:
        sql = text(f'SELECT {columns} FROM "{spec.name}" WHERE origin = :origin').bindparams(origin=origin)
    else:  # led by the change_seq index; the origin test kept off its own index (codec.changed_rows)
        sql = text(f'SELECT {columns} FROM "{spec.name}" WHERE change_seq > :since AND origin || \'\' = :origin'
                   ).bindparams(since=since, origin=origin)
    return sql.columns(*spec.table.c)


def _changed_tables(session: Session, origin: str, since: int) -> set[str]:
    """The tables holding a row of ``origin`` changed after ``since``: one statement of index probes."""
    session.flush()
    connection = session.connection()
    mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    sql = " UNION ALL ".join(f"SELECT '{name}' WHERE EXISTS (SELECT 1 FROM \"{name}\" WHERE change_seq > {mark} "
                             f"AND origin || '' = {mark})" for name in TABLES)
    cursor = connection.connection.cursor()
    try:
        cursor.execute(sql, (since, origin) * len(TABLES))
        return {name for (name,) in cursor.fetchall()}
    finally:
        cursor.close()


def _fill_changes(session: Session, payload: PayloadWriter, origin: str, since: int | None, store: Path,
                  progress: Callable[[int], None] | None,
                  recount: dict[str, tuple[int, int]] | None = None) -> tuple[dict[str, int], int]:
    """Write the changed rows (all rows for ``since`` None) and their attachments into ``payload``.

    ``recount``, when given, receives table → (rows, hash sum) of every row written: a full
    export recomputes the kept digest from the rows it reads anyway (:func:`digest.replace`).
    """
    counts: dict[str, int] = {}
    shas: set[str] = set()
    done = 0
    changed = set(TABLES) if since is None else _changed_tables(session, origin, since)
    for name, spec in TABLES.items():
        if name not in changed:
            continue
        query = _changed_query(spec, origin, since)
        encode = encoder(spec)
        sha_index = spec.names.index("sha256") if name == "attachments" else -1
        deleted_index = spec.names.index("deleted")
        id_index, version_index = spec.names.index("id"), spec.names.index("version")
        hashed = [0]

        def lines(name=name, query=query, encode=encode, sha_index=sha_index, deleted_index=deleted_index,  # noqa: ANN001, ANN202
                  hashed=hashed, id_index=id_index, version_index=version_index):  # noqa: ANN001
            nonlocal done
            row_hash = kept_digest.row_hash if recount is not None else None
            for row in session.execute(query.execution_options(yield_per=5000)):
                if sha_index >= 0 and not row[deleted_index]:
                    shas.add(row[sha_index])
                if row_hash is not None:
                    hashed[0] += row_hash(name, row[id_index], row[version_index])
                done += 1
                if progress is not None and done % 5000 == 0:
                    progress(done)
                yield encode(row)

        n = payload.add_lines(name, lines())
        if recount is not None:
            recount[name] = (n, hashed[0])
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


def export_package(ctx: Context, out: Path, *, split_mb: int | None = None, full: bool = False,
                   progress: Callable[[int], None] | None = None) -> Exported:
    """Township: package every change since the last change the district acknowledged.

    ``full`` packages everything (also chosen automatically when nothing was acknowledged in
    the current epoch, e.g. right after a restore).  Numbering goes on 1, 2, 3 … per township;
    a number is recorded before its package can appear (see :func:`numbered_output`).
    """
    station = ctx.opened
    ctx.require("station.backup")
    require_role(station, "township")
    keys = unlock(station)
    split_bytes = split_size(split_mb)
    origin = station.info.unit_code
    out = Path(out)
    with numbered_output(out) as pending:
        with ctx.db.transaction() as session, state.staging(station) as folder:
            district = trusted_district(session)
            if district is None:
                raise ExchangeError(E_STATE, _("尚未信任区级站点：请先导入区里的站点名片"))
            epoch = state.current_epoch(session)
            acked = acknowledged_change(session, epoch.epoch)
            since = None if full or acked == 0 else acked
            kind = "full" if since is None else "changes"
            change_to = change_seq(session)
            recount: dict[str, tuple[int, int]] | None = {} if kind == "full" else None
            sequence = next_sequence(session, station)
            failpoints.reach("export.numbered")
            receipt = last_receipt(session)
            written = write_package(
                pending / out.name, keys=keys, kind=kind, to=[peer_card(district)], sequence=sequence,
                epoch=epoch.epoch, epoch_base=epoch.base, based_on=receipt.id if receipt else None,
                change_from=since or 0, change_to=change_to, created_at=utcnow(),
                schema_version=schema_version(), audit_head=audit.head(session), staging=folder,
                fill=lambda payload: _fill_changes(session, payload, origin, since, state.attachments_dir(station),
                                                   progress, recount),
                split_bytes=split_bytes)
            failpoints.reach("export.written")
            if recount is not None:  # a full export is the way back from any drift: the kept digest is recomputed
                kept_digest.replace(session, origin, recount)
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


