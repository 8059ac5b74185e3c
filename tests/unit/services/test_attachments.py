"""services/attachments.py: scans attached to a case, stored by content, checked on the way out."""

from __future__ import annotations

import pytest

from hexie_desktop.core.errors import HexieError, NotFound
from hexie_desktop.services import attachments
from hexie_desktop.services.attachments import NewAttachment
from hexie_desktop.services.cases import CaseFilter, list_cases


def test_files_attached_together_are_listed_found_and_removed(ctx, station, tmp_path):
    number = list_cases(ctx, CaseFilter())[0].number
    store = station.paths.attachments
    one, two = tmp_path / "申请书.pdf", tmp_path / "身份证.jpg"
    one.write_bytes(b"%PDF-1.4 scan one")
    two.write_bytes(b"\xff\xd8\xff scan two")
    added = attachments.add_many(ctx, store, number, [NewAttachment(one, "调解申请书"), NewAttachment(two)])
    listed = {a["id"]: a for a in attachments.list_for_case(ctx, number)}
    assert {a["id"] for a in added} <= set(listed)
    stored = attachments.path_of(ctx, store, added[0]["id"])
    assert stored.read_bytes() == one.read_bytes()
    attachments.remove(ctx, added[0]["id"])
    assert added[0]["id"] not in {a["id"] for a in attachments.list_for_case(ctx, number)}
    with pytest.raises(NotFound):
        attachments.path_of(ctx, store, added[0]["id"])


def test_one_unreadable_file_attaches_none_of_them(ctx, station, tmp_path, digest):
    number = list_cases(ctx, CaseFilter())[0].number
    good = tmp_path / "good.pdf"
    good.write_bytes(b"%PDF-1.4 fine")
    before = digest()
    with pytest.raises(HexieError):
        attachments.add_many(ctx, station.paths.attachments, number,
                             [NewAttachment(good), NewAttachment(tmp_path / "missing.pdf")])
    assert digest() == before


def test_a_changed_stored_file_is_not_handed_out(ctx, station, tmp_path):
    number = list_cases(ctx, CaseFilter())[0].number
    source = tmp_path / "scan.pdf"
    source.write_bytes(b"%PDF-1.4 original")
    added = attachments.add_to_case(ctx, station.paths.attachments, number, source)
    stored = attachments.path_of(ctx, station.paths.attachments, added["id"])
    stored.write_bytes(b"tampered")
    with pytest.raises(NotFound, match="损坏"):
        attachments.path_of(ctx, station.paths.attachments, added["id"])
