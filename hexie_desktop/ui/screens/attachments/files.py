"""The few places where attachments meet the desktop: file choosers, the viewer, sizes in words.

``choose_files``, ``choose_photo`` and ``open_path`` are looked up through this module at
call time, so tests replace them with ``monkeypatch.setattr(files, "open_path", …)``.

A stored file is named by its SHA-256 and has no extension, and it must never be changed
(its name is its hash).  So a file is opened from a read-only copy under its original name
in ``<data dir>/opened/``; the copy is made off the GUI thread after
:func:`hexie_desktop.services.attachments.path_of` has checked the stored file.
"""

from __future__ import annotations

import filecmp
import mimetypes
import os
import re
import shutil
import stat
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget

from hexie_desktop.fileio import atomic_path
from hexie_desktop.services import attachments
from hexie_desktop.services.context import Context
from hexie_desktop.ui import ops

OPENED_FOLDER = "opened"
KEEP_OPENED_SECONDS = 7 * 24 * 3600
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


def _t(text: str) -> str:
    return QCoreApplication.translate("Attachments", text)


def _filters() -> str:
    return ";;".join((_t("扫描件和照片 (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.bmp *.gif *.heic *.webp)"),
                      _t("文档 (*.pdf *.doc *.docx *.wps *.xls *.xlsx *.txt)"), _t("所有文件 (*)")))


def choose_files(parent: QWidget | None) -> list[Path]:
    """Ask for one or more files to attach (empty when cancelled)."""
    names, _selected = QFileDialog.getOpenFileNames(parent, _t("选择扫描件或材料"), "", _filters())
    return [Path(name) for name in names]


def choose_photo(parent: QWidget | None) -> Path | None:
    """Ask for one photo (``None`` when cancelled)."""
    name, _selected = QFileDialog.getOpenFileName(
        parent, _t("选择照片"), "", ";;".join((_t("照片 (*.jpg *.jpeg *.png *.bmp *.gif *.heic *.webp *.tif *.tiff)"),
                                           _t("所有文件 (*)"))))
    return Path(name) if name else None


def open_path(path: Path) -> bool:
    """Open ``path`` with the program the system uses for its kind of file."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def size_text(size: int | None) -> str:
    """``"0.4 KB"``, ``"812.0 KB"``, ``"3.2 MB"``."""
    if size is None:
        return ""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    kb = max(size / 1024, 0.1) if size > 0 else 0.0
    return f"{kb:.1f} KB"


_MAGIC = ((b"%PDF-", ".pdf"), (b"\xff\xd8\xff", ".jpg"), (b"\x89PNG\r\n\x1a\n", ".png"), (b"GIF8", ".gif"),
          (b"II*\x00", ".tif"), (b"MM\x00*", ".tif"), (b"BM", ".bmp"))


def sniffed_extension(path: Path) -> str:
    """The extension that the first bytes of ``path`` suggest (``""`` when unknown)."""
    with open(path, "rb") as handle:
        head = handle.read(16)
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return ".webp"
    return next((ext for magic, ext in _MAGIC if head.startswith(magic)), "")


def safe_name(filename: str | None, mime: str | None = None, content: Path | None = None) -> str:
    """A file name that is safe on every system and keeps (or gains) the extension that tells its kind.

    Without an extension in ``filename`` the kind comes from ``mime``, else from the first bytes of ``content``.
    """
    name = _UNSAFE.sub("_", Path((filename or "").replace("\\", "/")).name).strip(" .")[:100] or _t("附件")
    suffix = Path(name).suffix
    if not (suffix[1:].isascii() and suffix[1:].isalnum() and len(suffix) <= 6):
        extension = mimetypes.guess_extension(mime) if mime else None
        if not extension and content is not None:
            extension = sniffed_extension(content)
        name += extension or ""
    return name


def _prune(folder: Path) -> None:
    """Forget copies opened more than a week ago (files still open elsewhere stay)."""
    limit = time.time() - KEEP_OPENED_SECONDS
    for entry in folder.iterdir() if folder.is_dir() else ():
        try:
            if entry.is_dir() and entry.stat().st_mtime < limit:
                for child in entry.iterdir():
                    child.chmod(stat.S_IWRITE | stat.S_IREAD)
                shutil.rmtree(entry)
        except OSError:
            continue


def viewable_copy(ctx: Context, store: Path, attachment_id: str, filename: str | None,
                  mime: str | None = None) -> Path:
    """Check the stored file, then copy it to a read-only file under its own name; return the copy.

    Runs on a worker thread.  Raises :class:`~hexie_desktop.core.errors.NotFound` (附件文件缺失或已损坏)
    when the stored file is missing or its content no longer matches its hash.
    """
    stored = attachments.path_of(ctx, store, attachment_id)
    folder = store.parent / OPENED_FOLDER
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    _prune(folder)
    target = folder / stored.name[:16] / safe_name(filename, mime, stored)
    if target.is_file() and filecmp.cmp(stored, target, shallow=False):
        os.utime(target.parent)  # the same copy again (it may still be open in a viewer)
        return target
    if target.exists():
        target.chmod(stat.S_IWRITE | stat.S_IREAD)
    with atomic_path(target) as tmp:
        shutil.copyfile(stored, tmp)
    os.utime(target.parent)
    target.chmod(stat.S_IREAD)
    return target


def open_attachment(owner: QObject, ctx: Context, store: Path, record: dict[str, Any],
                    on_opened: Callable[[Path], None] | None = None) -> ops.Task:
    """Check and copy the attachment ``record`` off the GUI thread, then open the copy.

    Errors (a missing or damaged file) are shown by :mod:`hexie_desktop.ui.messages`.
    """
    def opened(path: Path) -> None:
        open_path(path)  # the module global at call time, so a test can replace it
        if on_opened is not None:
            on_opened(path)

    return ops.run(owner, viewable_copy, ctx, store, record["id"], record.get("filename"), record.get("mime"),
                   on_done=opened)
