"""Attachments: scans, evidence and photos stored by SHA-256 under the station's data directory."""

from __future__ import annotations

import hashlib
import mimetypes
import shutil
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from hexie_desktop.core import codes, fields
from hexie_desktop.core.errors import HexieError, NotFound, UserError, ValidationErrors
from hexie_desktop.core.i18n import _
from hexie_desktop.fileio import atomic_path
from hexie_desktop.services.cases import get_case
from hexie_desktop.services.context import Context
from hexie_desktop.storage.models import Attachment, ChecklistItem

MAX_BYTES = 200 * 1024 * 1024


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def store_file(source: Path, store: Path) -> tuple[str, int]:
    """Copy ``source`` into ``store`` under its SHA-256 (once); return (sha256, size)."""
    source = Path(source)
    if not source.is_file():
        raise UserError(_("文件不存在：{path}").format(path=source), field="file")
    size = source.stat().st_size
    if size > MAX_BYTES:
        raise UserError(_("文件过大（最大200MB）"), field="file")
    sha = _sha256(source)
    target = store / sha[:2] / sha
    if not target.exists():
        with atomic_path(target) as tmp:
            shutil.copyfile(source, tmp)
    return sha, size


@dataclass(frozen=True)
class NewAttachment:
    """One file to attach: where it is, and what the office says it is."""

    source: Path
    title: str | None = None
    doc_type: str | None = None
    pages: int | None = None


def add_to_case(ctx: Context, store: Path, number: str, source: Path, *, title: str | None = None,
                doc_type: str | None = None, pages: int | None = None) -> dict:
    """Attach a file to a case (one audited transaction); the file is stored first, by content."""
    return add_many(ctx, store, number, [NewAttachment(Path(source), title, doc_type, pages)])[0]


def add_many(ctx: Context, store: Path, number: str, files: Sequence[NewAttachment],
             progress: Callable[[int], None] | None = None) -> list[dict]:
    """Attach several files to a case as one action: one transaction, one audit entry.

    Every file's details are checked before anything is stored; the files are then copied
    into the content-addressed store (``progress(n)`` after each), and all rows are written
    together.  Any failure — a bad detail, an unreadable file — records none of them and
    names the file.  (A file already copied into the store stays there unreferenced; the
    store is content-addressed, so a retry reuses it.)
    """
    ctx.require("case.register")
    if not files:
        raise UserError(_("没有选择要添加的文件"), field="file")
    checked = []
    for entry in files:
        with _naming(entry.source):
            if entry.doc_type is not None:
                codes.require(codes.DOCUMENT_TYPES, entry.doc_type, "doc_type")
            title = fields.text(entry.title, "title", max_len=200) or Path(entry.source).name
            page_count = fields.integer(entry.pages, "pages", minimum=1, maximum=10000) or 1
            checked.append((Path(entry.source), title, entry.doc_type, page_count))
    stored = []
    for done, (source, *_rest) in enumerate(checked, start=1):
        with _naming(source):
            stored.append(store_file(source, store))
        if progress is not None:
            progress(done)
    with ctx.db.transaction() as session:
        case = get_case(session, number)
        rows = []
        for (source, title, doc_type, page_count), (sha, size) in zip(checked, stored, strict=True):
            row = Attachment(case_id=case.id, owner_table="cases", owner_id=case.id, title=title, doc_type=doc_type,
                             filename=source.name, sha256=sha, size=size, mime=mimetypes.guess_type(str(source))[0],
                             pages=page_count)
            session.add(row)
            rows.append(row)
        session.flush()
        titles = "、".join(title for _source, title, _doc, _pages in checked)
        ctx.audit(session, "attachment.add", entity="case", entity_id=case.id,
                  summary=f"{case.number}：{titles}"[:500])
        return [{"id": row.id, "title": row.title, "sha256": row.sha256, "size": row.size} for row in rows]


@contextmanager
def _naming(source: Path) -> Iterator[None]:
    """Prefix a problem with one file by that file's name (several files are added at once)."""
    try:
        yield
    except HexieError as exc:
        if exc.field in (None, "file") and not isinstance(exc, ValidationErrors):
            raise type(exc)(f"{Path(source).name}：{exc.message}", field=exc.field) from exc
        raise


def list_for_case(ctx: Context, number: str) -> list[dict]:
    """The live attachments of a case."""
    ctx.require("read")
    with ctx.db.read() as session:
        case = get_case(session, number)
        rows = session.execute(select(Attachment).where(Attachment.case_id == case.id,
                                                        Attachment.deleted.is_(False))).scalars()
        return [{"id": a.id, "title": a.title, "doc_type": a.doc_type, "filename": a.filename, "sha256": a.sha256,
                 "size": a.size, "mime": a.mime, "pages": a.pages} for a in rows]


def path_of(ctx: Context, store: Path, attachment_id: str) -> Path:
    """Where the stored file of an attachment lies (checked against its hash)."""
    ctx.require("read")
    with ctx.db.read() as session:
        row = session.get(Attachment, attachment_id)
        if row is None or row.deleted:
            raise NotFound(_("附件不存在"))
        sha, filename = row.sha256, row.filename
    path = store / sha[:2] / sha
    if not path.exists() or _sha256(path) != sha:
        raise NotFound(_("附件文件缺失或已损坏：{name}").format(name=filename))
    return path


def add_checklist_photo(ctx: Context, store: Path, item_id: str, source: Path) -> dict:
    """Store a photo for a 六规范五上墙 checklist item and link it (one audited transaction)."""
    ctx.require("registry.edit")
    sha, size = store_file(Path(source), store)
    with ctx.db.transaction() as session:
        item = session.get(ChecklistItem, item_id)
        if item is None or item.deleted:
            raise NotFound(_("检查项不存在"))
        row = Attachment(owner_table="checklist_items", owner_id=item.id, title=item.title, doc_type="other",
                         filename=Path(source).name, sha256=sha, size=size,
                         mime=mimetypes.guess_type(str(source))[0], pages=1)
        session.add(row)
        session.flush()
        item.attachment_id = row.id
        ctx.audit(session, "checklist.photo", entity="checklist_item", entity_id=item.id, summary=item.title)
        return {"id": row.id, "title": item.title, "sha256": sha, "size": size}


def remove(ctx: Context, attachment_id: str) -> None:
    """Tombstone an attachment (the stored file stays: other rows may share it)."""
    ctx.require("case.register")
    with ctx.db.transaction() as session:
        row = session.get(Attachment, attachment_id)
        if row is None or row.deleted:
            raise NotFound(_("附件不存在"))
        row.deleted = True
        ctx.audit(session, "attachment.remove", entity=row.owner_table, entity_id=row.owner_id, summary=row.title)
