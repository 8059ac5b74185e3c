"""Writing a rendered document: atomically (via :mod:`hexie_desktop.fileio`), with people's errors.

A reader (or a crash) never sees half a PDF: either the old file or the new one.
"""

from __future__ import annotations

import os
from pathlib import Path

from hexie_desktop.core.errors import UserError
from hexie_desktop.core.i18n import _
from hexie_desktop.fileio import atomic_write


def write_atomic(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically and return the resolved path.

    Raises :class:`~hexie_desktop.core.errors.UserError` (field ``out_path``) when the
    folder does not exist; a full disk, a read-only folder or a locked file raise the typed
    errors of :mod:`hexie_desktop.storage.errors` (via :mod:`hexie_desktop.fileio`).
    """
    target = Path(path)
    folder = target.parent
    if not folder.is_dir():
        raise UserError(_("文件夹不存在：{folder}").format(folder=folder), field="out_path")
    with atomic_write(target) as stream:
        stream.write(data)
    return target.resolve()
