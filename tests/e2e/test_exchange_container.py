"""The ``.hxp`` container is exactly what it says: nothing before, between or after its members.

A ZIP reader forgives bytes in front of the archive (self-extractors rely on it) and a local
header that disagrees with the directory shows up only when that member is read.  A package
is refused for both, with its own code (E_TAMPERED: "edited, or not made by this program" —
copying it again would not help), and the district is left unchanged.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from hexie_desktop.exchange import container as hxp
from hexie_desktop.exchange.errors import E_FORMAT, E_TAMPERED
from tests.e2e.exchange_support import db_digest, files_outside_staging, make_pair, register


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("container")
    pair = make_pair(root / "pair")
    register(pair.tctx, "王秀英", "李建国")
    good = pair.export("good.hxp").paths[0]
    yield pair, good, root
    pair.dispose()


def _small_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("readme.txt", "self-extractor stub")
    return buffer.getvalue()


def _prepend(junk: bytes):
    return lambda data: junk + data


def _rename_local(member: str, new: bytes):
    """Change the name in ``member``'s local header only (same length: the directory still says ``member``)."""
    def change(data: bytes) -> bytes:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            offset = zf.getinfo(member).header_offset
        out = bytearray(data)
        assert len(new) == len(member)
        out[offset + 30:offset + 30 + len(new)] = new
        return bytes(out)
    return change


def _gap_between_members(good: Path):
    """The good package rebuilt with junk bytes between two members (the directory's offsets are right)."""
    def change(_data: bytes) -> bytes:
        buffer = io.BytesIO()
        with zipfile.ZipFile(good) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as out:
            for index, info in enumerate(source.infolist()):
                out.writestr(info, source.read(info.filename))
                if index == 0:
                    out.fp.write(b"JUNK" * 16)
                    out.start_dir = out.fp.tell()  # the next member goes after the junk
        return buffer.getvalue()
    return change


CASES = [
    ("'PK\\x03\\x04' and 1 byte before the ZIP", _prepend(b"PK\x03\x04" + b"\x00"), {E_TAMPERED}),
    ("'PK\\x03\\x04' and 26 bytes before the ZIP", _prepend(b"PK\x03\x04" + os.urandom(26)), {E_TAMPERED}),
    ("'PK\\x03\\x04' and 4 KiB before the ZIP", _prepend(b"PK\x03\x04" + os.urandom(4096)), {E_TAMPERED}),
    ("'PK\\x03\\x04' and 1 MiB before the ZIP", _prepend(b"PK\x03\x04" + os.urandom(1 << 20)), {E_TAMPERED}),
    ("a whole small ZIP before the package", _prepend(_small_zip()), {E_TAMPERED}),
    ("random bytes before the ZIP", _prepend(os.urandom(300)), {E_FORMAT}),
    ("one zero byte before the ZIP", _prepend(b"\x00"), {E_FORMAT}),
    ("junk after the ZIP", lambda data: data + b"PK\x03\x04" + os.urandom(200), {E_FORMAT}),
    ("local name of the payload differs", _rename_local("payload.age", b"payload.agx"), {E_TAMPERED}),
    ("local name of the manifest differs", _rename_local("manifest.json", b"manifest.jso\x00"[:13]), {E_TAMPERED}),
    ("local name of the signature differs", _rename_local("manifest.sig", b"../evil.sig!"[:12]), {E_TAMPERED}),
]


@pytest.mark.parametrize("label,change,expected", CASES, ids=[c[0] for c in CASES])
def test_a_container_that_contradicts_itself_is_refused_and_changes_nothing(world, label, change, expected):
    pair, good, root = world
    bad = root / f"bad-{abs(hash(label))}.hxp"
    bad.write_bytes(change(good.read_bytes()))
    before, files = db_digest(pair.dist), files_outside_staging(pair.root / "dist")
    outcome = pair.to_district(bad)[0]
    assert not outcome.ok and outcome.code in expected, (label, outcome.code, outcome.error)
    if outcome.code == E_TAMPERED:
        message = outcome.error.message
        assert "不完整" not in message and "被改动" in message and "重新拷贝无济于事" in message
    assert db_digest(pair.dist) == before and files_outside_staging(pair.root / "dist") == files, label


def test_junk_between_members_is_refused(world):
    pair, good, root = world
    bad = root / "gap.hxp"
    bad.write_bytes(_gap_between_members(good)(b""))
    with zipfile.ZipFile(bad) as zf:  # a ZIP reader finds nothing wrong with it
        assert sorted(zf.namelist()) == sorted(hxp.MEMBERS) and zf.testzip() is None
    before = db_digest(pair.dist)
    outcome = pair.to_district(bad)[0]
    assert outcome.code == E_TAMPERED, outcome.error
    assert db_digest(pair.dist) == before


def test_prepended_junk_is_what_a_zip_reader_accepts(world):
    """The reason for the check: Python's own reader opens the package with bytes in front."""
    _pair, good, root = world
    shifted = root / "shifted.hxp"
    shifted.write_bytes(b"PK\x03\x04" + os.urandom(64) + good.read_bytes())
    with zipfile.ZipFile(shifted) as zf:
        assert zf.read("manifest.sig") == zipfile.ZipFile(good).read("manifest.sig")


def test_the_untouched_package_still_imports(world):
    pair, good, _root = world
    outcome = pair.to_district(good)[0]
    assert outcome.ok, outcome.error
