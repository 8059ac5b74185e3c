"""Importing an Excel file: read the sheet, import its rows, write the report workbook.

The reading and the report workbook are writers' work (``reports/excel_import.py``); this use
case ties them to :func:`hexie_desktop.services.imports.import_rows` (one transaction, one
audit entry) and writes the report atomically.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hexie_desktop.fileio import atomic_path
from hexie_desktop.reports import excel_import as workbook
from hexie_desktop.services import imports
from hexie_desktop.services.context import Context


@dataclass(frozen=True)
class ImportReport:
    """An import's result and where its report was written (if anywhere)."""

    result: imports.ImportResult
    report: Path | None


def read_sheet(path: Path, kind: str) -> imports.SheetData:
    """The header and data rows of the sheet in ``path`` that best matches the columns of ``kind``."""
    known = {imports.header_key(c.header) for c in imports.columns(kind)}

    def is_known(value: Any) -> bool:
        return imports.header_key(value) in known

    raw = workbook.read_sheet(Path(path), is_known, imports.IMPORT_KINDS.get(kind, kind))
    return imports.SheetData(raw.headers, raw.rows, raw.sheet_name, raw.header_row)


def write_report(path: Path, result: imports.ImportResult) -> None:
    """Write the import report workbook (summary, every problem, every row's outcome) atomically."""
    with atomic_path(Path(path)) as tmp:
        workbook.write_report(tmp, result, imports.IMPORT_KINDS.get(result.kind, result.kind), imports.STATUS_LABELS)


def import_file(ctx: Context, kind: str, path: Path, *, valid_only: bool = False, report: Path | None = None,
                progress: Callable[[int], None] | None = None) -> ImportReport:
    """Read ``path``, import it as ``kind`` and write the report workbook to ``report`` when given."""
    sheet = read_sheet(Path(path), kind)
    result = imports.import_rows(ctx, kind, sheet, valid_only=valid_only, source=Path(path).name, progress=progress)
    if report is not None:
        write_report(Path(report), result)
    return ImportReport(result, Path(report) if report is not None else None)
