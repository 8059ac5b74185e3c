"""services/printing.py: case papers rendered to PDF, issued papers recorded, drafts not."""

from __future__ import annotations

import subprocess

import pytest

from hexie_desktop.core.errors import HexieError
from hexie_desktop.services import printing
from hexie_desktop.services.cases import CaseFilter, list_cases


def _text(path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_an_issued_cover_is_recorded_and_reprinted_from_its_snapshot(ctx, tmp_path):
    number = list_cases(ctx, CaseFilter(state="closed"))[0].number
    first = printing.print_case_document(ctx, "cover", number, tmp_path / "cover.pdf")
    assert first.document_id is not None and not first.reprint and first.pages >= 1
    assert number in _text(first.path).replace(" ", "")
    again = printing.reprint(ctx, first.document_id, tmp_path / "cover2.pdf")
    assert again.reprint and again.document_id == first.document_id
    assert again.content_hash == first.content_hash  # the same paper, from the data it was printed with


def test_a_paper_that_does_not_fit_the_case_or_an_unknown_one_records_nothing(ctx, tmp_path, digest):
    registered = list_cases(ctx, CaseFilter(state="registered"))[0].number
    before = digest()
    with pytest.raises(HexieError):
        printing.print_case_document(ctx, "agreement", registered, tmp_path / "a.pdf")
    with pytest.raises(HexieError):
        printing.print_case_document(ctx, "no_such_paper", registered, tmp_path / "b.pdf")
    assert digest() == before
    assert printing.verify(ctx, "not a qr code").match is False
