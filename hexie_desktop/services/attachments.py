"""Attachments: scans, evidence and photos stored by SHA-256 under the station's data directory."""

from __future__ import annotations

import hashlib
import mimetypes
import shutil
from pathlib import Path

from sqlalchemy import select

from hexie_desktop.core import codes, fields
from hexie_desktop.core.errors import NotFound, UserError
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


def add_to_case(ctx: Context, store: Path, number: str, source: Path, *, title: str | None = None,
                doc_type: str | None = None, pages: int | None = None) -> dict:
    """Attach a file to a case (one audited transaction); the file is stored first, by content."""
    ctx.require("case.register")
    if doc_type is not None:
        codes.require(codes.DOCUMENT_TYPES, doc_type, "doc_type")
    title = fields.text(title, "title", max_len=200) or Path(source).name
    page_count = fields.integer(pages, "pages", minimum=1, maximum=10000) or 1
    sha, size = store_file(Path(source), store)
    with ctx.db.transaction() as session:
        case = get_case(session, number)
        row = Attachment(case_id=case.id, owner_table="cases", owner_id=case.id, title=title, doc_type=doc_type,
                         filename=Path(source).name, sha256=sha, size=size,
                         mime=mimetypes.guess_type(str(source))[0], pages=page_count)
        session.add(row)
        session.flush()
        ctx.audit(session, "attachment.add", entity="case", entity_id=case.id, summary=f"{case.number}：{title}")
        return {"id": row.id, "title": title, "sha256": sha, "size": size}


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
