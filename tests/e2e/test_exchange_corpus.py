"""A corpus of bad packages (RELIABILITY-NOTES §3.5, T3.1): each refused with its own code, nothing changed.

Every case is imported at a real district that already holds a township's data.  After each
refusal the digest of every table is unchanged and no file exists outside the staging area
(which is empty again).  Malicious-but-signed packages are built with the township's real keys,
as an enrolled township gone wrong would.
"""

from __future__ import annotations

import io
import json
import os
import re
import stat
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path

import pyrage
import pytest
from sqlalchemy import select

from hexie_desktop.exchange import container as hxp
from hexie_desktop.exchange import keys as keyring
from hexie_desktop.exchange import limits, state
from hexie_desktop.exchange import manifest as mf
from hexie_desktop.exchange.codec import TABLES, encoder
from hexie_desktop.exchange.errors import (
    E_AUTH,
    E_DUPLICATE,
    E_ENCODING,
    E_FORMAT,
    E_INTEGRITY,
    E_JSON,
    E_LIMIT,
    E_NOT_FOR_US,
    E_PARTS,
    E_PATH,
    E_REPLAY,
    E_SENDER,
    E_TRUNCATED,
    E_VERSION,
)
from hexie_desktop.services import attachments, case_actions
from hexie_desktop.services import exchange as ex
from hexie_desktop.storage.models import utcnow
from tests.e2e.exchange_support import (
    DISTRICT_CODE,
    TOWN_CODE,
    db_digest,
    files_outside_staging,
    make_pair,
    register,
)


class World:
    """A district holding a township's packages 1–2; package 3 exported but not yet imported."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.pair = make_pair(root / "pair")
        numbers = register(self.pair.tctx, "张三", "李四")
        scan = root / "scan.pdf"
        scan.write_bytes(b"%PDF-1.4 " + os.urandom(3000))
        attachments.add_to_case(self.pair.tctx, state.attachments_dir(self.pair.town), numbers[0], scan)
        self.p1 = self.pair.export("p1.hxp").paths[0]
        case_actions.apply(self.pair.tctx, numbers[0], "accept", {"on": "2026-09-17"})
        self.p2 = self.pair.export("p2.hxp").paths[0]
        applied = self.pair.to_district(self.p2)[0]
        assert applied.ok, applied.error
        case_actions.apply(self.pair.tctx, numbers[1], "accept", {"on": "2026-09-17"})
        self.p3 = self.pair.export("p3.hxp").paths[0]
        self.town_keys = keyring.load(state.keys_dir(self.pair.town))
        self.district_card = keyring.public_card(state.keys_dir(self.pair.dist))
        self.other_district = keyring.generate(role="district", unit_code="110106", unit_name="海淀区")
        self.stranger = keyring.generate(role="township", unit_code="110106002", unit_name="外区某镇")
        self.impostor = keyring.generate(role="township", unit_code=TOWN_CODE, unit_name="东坝镇劳动人事争议调解中心")
        self.sequence = 100
        with self.pair.town.db.engine.connect() as conn:
            spec = TABLES["employers"]
            self.employer_line = encoder(spec)(conn.execute(select(*spec.table.c)).first())
        self.counter = 0

    def path(self, name: str) -> Path:
        """A fresh file name in the corpus folder."""
        self.counter += 1
        folder = self.root / "corpus"
        folder.mkdir(exist_ok=True)
        return folder / f"{self.counter:03d}-{name}"

    def craft(self, name: str, *, members: list[tuple[str, bytes]] | None = None,
              counts: dict[str, int] | None = None, signer: keyring.StationKeys | None = None,
              to: list[keyring.Card] | None = None, recipients: list[str] | None = None,
              patch: Callable[[dict], None] | None = None, payload: bytes | None = None,
              compress: int = zipfile.ZIP_DEFLATED) -> Path:
        """A signed package with exactly these payload members (defaults: one good employer row)."""
        signer = signer or self.town_keys
        to = to or [self.district_card]
        if members is None:
            members = [("tables/employers.jsonl", self.employer_line)]
            counts = {"employers": 1} if counts is None else counts
        if payload is None:
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w", compress) as zf:
                for member, data in members:
                    info = member if isinstance(member, zipfile.ZipInfo) else zipfile.ZipInfo(member)
                    zf.writestr(info, data, compress_type=compress)
            payload = pyrage.encrypt(buffer.getvalue(), [r for card in to for r in keyring.recipients(card)])
        self.sequence += 1
        target = self.path(name)

        def make_manifest(size: int, sha: str) -> bytes:
            data = mf.build(package_id=str(__import__("uuid").uuid4()), kind="changes", sender=signer.card,
                            recipients=recipients or [DISTRICT_CODE], sequence=self.sequence, epoch=1,
                            epoch_base=0, based_on=None, change_from=0, change_to=999, created_at=utcnow(),
                            app_version="0.1.0", schema_version="0003", row_counts=counts or {}, files=0,
                            payload_size=size, payload_sha256=sha, audit_head="0" * 64)
            if patch is not None:
                value = json.loads(data)
                patch(value)
                data = limits.dumps(value)
            return data

        hxp.write(target, lambda out: out.write(payload), make_manifest, signer.sign)
        return target

    def mutate(self, name: str, change: Callable[[bytearray], None], source: Path | None = None) -> Path:
        """A byte-level copy of a good package with ``change`` applied."""
        data = bytearray((source or self.p3).read_bytes())
        change(data)
        target = self.path(name)
        target.write_bytes(bytes(data))
        return target

    def rezip(self, name: str, replace_members: dict[str, bytes], extra: list[tuple[str, bytes]] = (),
              drop: tuple[str, ...] = (), compress: int = zipfile.ZIP_STORED) -> Path:
        """The good package re-zipped (valid ZIP checksums) with some members replaced."""
        target = self.path(name)
        with zipfile.ZipFile(self.p3) as source, zipfile.ZipFile(target, "w", compress) as out:
            for info in source.infolist():
                if info.filename in drop:
                    continue
                out.writestr(info.filename, replace_members.get(info.filename, source.read(info.filename)))
            for member, data in extra:
                out.writestr(member, data)
        return target


def _member_span(path: Path, name: str) -> tuple[int, int]:
    """(first, last+1) byte of a stored member's data in the file."""
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(name)
    with open(path, "rb") as handle:
        handle.seek(info.header_offset + 26)
        name_len, extra_len = int.from_bytes(handle.read(2), "little"), int.from_bytes(handle.read(2), "little")
    start = info.header_offset + 30 + name_len + extra_len
    return start, start + info.compress_size


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory):
    made = World(tmp_path_factory.mktemp("corpus"))
    yield made
    made.pair.dispose()


def _flip_at(world: World, member: str, where: float) -> Path:
    start, end = _member_span(world.p3, member)
    offset = start + min(end - start - 1, int((end - start) * where))

    def change(data: bytearray) -> None:
        data[offset] ^= 0x01

    return world.mutate(f"flip-{member}-{where}", change)


def _truncate(world: World, keep: int) -> Path:
    size = world.p3.stat().st_size
    keep = keep if keep >= 0 else size + keep

    def change(data: bytearray) -> None:
        del data[keep:]

    return world.mutate(f"truncated-{keep}", change)


def _lines_payload(world: World, table: str, lines: list[bytes], count: int | None = None) -> Path:
    return world.craft(f"lines-{table}", members=[(f"tables/{table}.jsonl", b"".join(lines))],
                       counts={table: len(lines) if count is None else count})


def _signed_truncated_age(world: World) -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("tables/employers.jsonl", world.employer_line * 3000)
    encrypted = pyrage.encrypt(buffer.getvalue(), keyring.recipients(world.district_card))
    return world.craft("age-no-final-chunk", payload=encrypted[:len(encrypted) - 40], counts={"employers": 3000})


def _parts(world: World, broken: bool) -> list[Path]:
    folder = world.root / f"parts-{world.counter}"
    folder.mkdir()
    world.counter += 1
    parts = hxp.split(world.p3, folder / "p3.hxp", 2048)
    if broken:
        data = bytearray(parts[1].read_bytes())
        data[-5] ^= 0xFF
        parts[1].write_bytes(bytes(data))
    return parts


CASES: list[tuple[str, Callable[[World], list[Path] | Path], set[str]]] = [
    ("empty file", lambda w: _write(w, "empty.hxp", b""), {E_FORMAT}),
    ("random bytes", lambda w: _write(w, "random.hxp", os.urandom(1024)), {E_FORMAT}),
    ("a JPEG renamed", lambda w: _write(w, "photo.hxp", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + os.urandom(500)),
     {E_FORMAT}),
    ("truncated inside the magic", lambda w: _truncate(w, 3), {E_FORMAT}),
    ("truncated after the first header", lambda w: _truncate(w, 100), {E_TRUNCATED}),
    ("truncated in the payload", lambda w: _truncate(w, 2000), {E_TRUNCATED}),
    ("truncated in the middle", lambda w: _truncate(w, w.p3.stat().st_size // 2), {E_TRUNCATED}),
    ("truncated in the central directory", lambda w: _truncate(w, -60), {E_TRUNCATED}),
    ("truncated by one byte", lambda w: _truncate(w, -1), {E_TRUNCATED}),
    ("truncated at 10%", lambda w: _truncate(w, w.p3.stat().st_size // 10), {E_TRUNCATED}),
    ("truncated at 30%", lambda w: _truncate(w, w.p3.stat().st_size * 3 // 10), {E_TRUNCATED}),
    ("truncated at 70%", lambda w: _truncate(w, w.p3.stat().st_size * 7 // 10), {E_TRUNCATED}),
    ("truncated at 90%", lambda w: _truncate(w, w.p3.stat().st_size * 9 // 10), {E_TRUNCATED}),
    ("trailing garbage", lambda w: w.mutate("garbage", lambda d: d.extend(b"GARBAGE" * 10)), {E_FORMAT}),
    ("flipped byte in the age header", lambda w: _flip_at(w, "payload.age", 0.01), {E_AUTH}),
    ("flipped byte in the first chunk", lambda w: _flip_at(w, "payload.age", 0.3), {E_AUTH}),
    ("flipped byte in a middle chunk", lambda w: _flip_at(w, "payload.age", 0.6), {E_AUTH}),
    ("flipped byte in the last chunk", lambda w: _flip_at(w, "payload.age", 0.999), {E_AUTH}),
    ("flipped byte in the manifest", lambda w: _flip_at(w, "manifest.json", 0.5), {E_AUTH}),
    ("flipped byte in the signature", lambda w: _flip_at(w, "manifest.sig", 0.5), {E_AUTH}),
    ("flipped byte in the ZIP directory", lambda w: w.mutate("flip-directory",
                                                             lambda d: d.__setitem__(len(d) - 30, d[-30] ^ 0x40)),
     {E_FORMAT, E_TRUNCATED}),
    ("tampered manifest, valid ZIP", lambda w: _edit_manifest(w, rb'"sequence":3\b', b'"sequence":9'), {E_AUTH}),
    ("payload replaced, valid ZIP", lambda w: w.rezip("swapped-payload", {
        "payload.age": zipfile.ZipFile(w.p1).read("payload.age")}), {E_AUTH}),
    ("signature of another package", lambda w: w.rezip("other-signature", {
        "manifest.sig": zipfile.ZipFile(w.p1).read("manifest.sig")}), {E_AUTH}),
    ("signature missing", lambda w: w.rezip("no-signature", {}, drop=("manifest.sig",)), {E_FORMAT}),
    ("an extra member", lambda w: w.rezip("extra-member", {}, extra=[("notes.txt", b"hi")]), {E_FORMAT}),
    ("the manifest twice", lambda w: _quietly(lambda: w.rezip("two-manifests", {}, extra=[
        ("manifest.json", b"{}")])), {E_FORMAT}),
    ("declared payload size differs", lambda w: w.craft("size", patch=lambda m: m["payload"].update(size=1)),
     {E_AUTH}),
    ("zip-slip member in the container", lambda w: w.rezip("slip-container", {}, extra=[("../evil.txt", b"x")]),
     {E_PATH}),
    ("compressed container members", lambda w: w.rezip("deflated", {}, compress=zipfile.ZIP_DEFLATED), {E_FORMAT}),
    ("wrong signer claiming the township", lambda w: w.craft("impostor", signer=w.impostor), {E_SENDER}),
    ("unknown township of another district", lambda w: w.craft("stranger", signer=w.stranger), {E_SENDER}),
    ("for another district", lambda w: w.craft("other-district", to=[w.other_district.card],
                                               recipients=["110106"]), {E_NOT_FOR_US}),
    ("addressed to us, encrypted to another key", lambda w: w.craft("wrong-key", to=[w.other_district.card]),
     {E_NOT_FOR_US}),
    ("replay of an older package", lambda w: w.p1, {E_REPLAY}),
    ("the same package again", lambda w: w.p2, {E_DUPLICATE}),
    ("signed age stream without its final chunk", _signed_truncated_age, {E_AUTH}),
    ("zip-slip name in the payload", lambda w: w.craft("slip", members=[("tables/../../evil.jsonl", b"{}\n")]),
     {E_PATH}),
    ("parent-directory name in the payload", lambda w: w.craft("slip2", members=[("../../tmp/evil.txt", b"x")]),
     {E_PATH}),
    ("absolute name in the payload", lambda w: w.craft("abs", members=[("/etc/evil", b"x")]), {E_PATH}),
    ("windows names in the payload", lambda w: w.craft("win", members=[("..\\..\\Temp\\evil.txt", b"x")]), {E_PATH}),
    ("drive name in the payload", lambda w: w.craft("drive", members=[("C:\\evil.txt", b"x")]), {E_PATH}),
    ("UNC name in the payload", lambda w: w.craft("unc", members=[("\\\\srv\\share\\x", b"x")]), {E_PATH}),
    ("unexpected member in the payload", lambda w: w.craft("unexpected", members=[("readme.txt", b"x")]), {E_PATH}),
    ("symbolic link in the payload", lambda w: w.craft("symlink", members=[(_link("files/" + "a" * 64), b"/etc")]),
     {E_PATH}),
    ("a folder in the payload", lambda w: w.craft("folder", members=[("tables/", b"")]), {E_PATH}),
    ("attachment name not a hash", lambda w: w.craft("badfile", members=[("files/evil.exe", b"x")]), {E_PATH}),
    ("zip bomb (ratio)", lambda w: w.craft("bomb", members=[("tables/employers.jsonl", b" " * 60_000_000)],
                                          counts={"employers": 1}), {E_LIMIT}),
    ("malformed JSON line", lambda w: _lines_payload(w, "employers", [b'{"id": "x", \n']), {E_JSON}),
    ("duplicate keys", lambda w: _lines_payload(w, "employers", [b'{"version":1,"version":9}\n']), {E_JSON}),
    ("NaN value", lambda w: _lines_payload(w, "employers", [b'{"employees": NaN}\n']), {E_JSON}),
    ("100,000 nested brackets", lambda w: _lines_payload(w, "employers", [b"[" * 100_000 + b"\n"]), {E_JSON}),
    ("integer with 100,000 digits", lambda w: _lines_payload(w, "employers", [b'{"employees": ' + b"9" * 100_000
                                                                             + b"}\n"]), {E_JSON, E_LIMIT}),
    ("a line over the line limit", lambda w: _lines_payload(w, "employers", [
        b'{"name": "' + os.urandom(1_600_000).hex().encode() + b'"}\n']), {E_LIMIT}),
    ("an oversize field", lambda w: _lines_payload(w, "employers", [
        w.employer_line.replace(b'"name":"', b'"name":"' + _random_chinese(600_000), 1)]), {E_LIMIT}),
    ("invalid UTF-8", lambda w: _lines_payload(w, "employers", [b'{"name": "\xff\xfe"}\n']), {E_ENCODING}),
    ("declared row count differs", lambda w: _lines_payload(w, "employers", [w.employer_line], count=5),
     {E_INTEGRITY}),
    ("same row twice", lambda w: _lines_payload(w, "employers", [w.employer_line, w.employer_line]), {E_INTEGRITY}),
    ("unknown table", lambda w: w.craft("unknown-table", members=[("tables/salaries.jsonl", b"{}\n")],
                                        counts={}), {E_VERSION}),
    ("unknown schema version", lambda w: w.craft("schema", patch=lambda m: m.update(schema_version="9999")),
     {E_VERSION}),
    ("unknown format version", lambda w: w.craft("format", patch=lambda m: m.update(format_version=2)), {E_VERSION}),
    ("manifest with NaN", lambda w: _edit_manifest(w, rb'"files":\d+', b'"files":NaN'), {E_JSON}),
    ("manifest with a duplicate key", lambda w: _edit_manifest(w, rb'"kind":', b'"kind":"changes","kind":'),
     {E_JSON}),
    ("e-mail part with a damaged chunk", lambda w: _parts(w, broken=True), {E_AUTH}),
    ("e-mail parts, one missing", lambda w: _parts(w, broken=False)[1:], {E_PARTS}),
    ("e-mail part with a damaged header", lambda w: _damaged_part_header(w), {E_PARTS}),
]


def _quietly(build: Callable[[], Path]) -> Path:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return build()


def _link(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info


def _damaged_part_header(world: World) -> list[Path]:
    parts = _parts(world, broken=False)
    data = parts[0].read_bytes().replace(b'"part":1', b'"part":"1"', 1)
    parts[0].write_bytes(data)
    return parts


def _random_chinese(n: int) -> bytes:
    raw = os.urandom(2 * n)
    return "".join(chr(0x4E00 + (raw[i] << 8 | raw[i + 1]) % 20000) for i in range(0, 2 * n, 2)).encode()


def _edit_manifest(world: World, pattern: bytes, new: bytes) -> Path:
    with zipfile.ZipFile(world.p3) as zf:
        old = zf.read("manifest.json")
    changed = re.sub(pattern, new, old, count=1)
    assert changed != old, "the corpus case must really change the manifest"
    return world.rezip("edited-manifest", {"manifest.json": changed})


def _write(world: World, name: str, data: bytes) -> Path:
    target = world.path(name)
    target.write_bytes(data)
    return target


@pytest.mark.parametrize("label,build,expected", CASES, ids=[c[0] for c in CASES])
def test_bad_package_is_refused_and_changes_nothing(world: World, label: str, build, expected: set[str]):
    built = build(world)
    paths = built if isinstance(built, list) else [built]
    district_root = world.pair.dist.paths.root
    before_rows = db_digest(world.pair.dist)
    before_files = files_outside_staging(district_root)
    outcomes = ex.import_packages(world.pair.dctx, paths, keys=world.pair.keys)
    assert len(outcomes) == 1 and not outcomes[0].ok, label
    assert outcomes[0].code in expected, f"{label}: {outcomes[0].error}"
    assert outcomes[0].error.message and "Traceback" not in outcomes[0].error.message
    assert db_digest(world.pair.dist) == before_rows, f"{label}: rows changed"
    assert files_outside_staging(district_root) == before_files, f"{label}: files left behind"
    assert list(state.staging_root(world.pair.dist).iterdir()) == []



def test_too_many_members_is_refused_before_inflating(world: World, monkeypatch):
    monkeypatch.setattr(limits, "PAYLOAD_MAX_MEMBERS", 5)
    members = [(f"files/{i:064x}", b"x") for i in range(6)]
    before = db_digest(world.pair.dist)
    outcome = ex.import_packages(world.pair.dctx, [world.craft("many", members=members)],
                                 keys=world.pair.keys)[0]
    assert outcome.code == E_LIMIT and db_digest(world.pair.dist) == before


def test_the_good_package_of_the_corpus_still_imports(world: World):
    outcome = ex.import_packages(world.pair.dctx, [world.p3], keys=world.pair.keys)[0]
    assert outcome.ok, outcome.error


def test_a_bad_row_is_quarantined_and_the_rest_applies(world: World):
    good = json.loads(world.employer_line)
    rows = []
    for n, change in enumerate([{}, {"received": 1}, {"employees": "many"},
                                {"name": "x" * 201}, {"name": "evil\u202egnp.exe"}]):
        row = dict(good, id=f"00000000-0000-4000-8000-{n:012d}", credit_code=None, **change)
        rows.append(limits.dumps(row) + b"\n")
    path = _lines_payload(world, "employers", rows)
    outcome = ex.import_packages(world.pair.dctx, [path], keys=world.pair.keys)[0]
    assert outcome.ok, outcome.error
    counts = outcome.summary.tables["employers"]
    assert (counts.new, counts.rejected) == (1, 4)
    reasons = [q.reason for q in ex.quarantined(world.pair.dctx)]
    assert any("未知字段" in r for r in reasons)
    assert any("控制字符" in r for r in reasons) and any("超过200个字符" in r for r in reasons)
