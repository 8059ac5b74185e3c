"""The ``.hxp`` container and its e-mail parts.

A package is a ZIP (stored, no compression, no comment) with exactly three members:
``payload.age`` (the age-encrypted payload), ``manifest.json`` (plain JSON, which names the
payload's size and SHA-256) and ``manifest.sig`` (64-byte Ed25519 signature over the manifest
bytes).  Anything else — another member, a duplicate name, compression, encryption flags — is
refused before any member is read.  So is a container whose pieces are not exactly where its
directory says: bytes before the first member or after the end record, a gap between members,
a local header whose name differs from the directory's (:func:`check_layout`).

``split`` cuts a finished package into parts ``NAME.hxp.001`` … of at most N MiB.  Each part
starts with one header line ``HXPART1 {json}`` naming the set (SHA-256 of the whole package),
its number, the number of parts, its offset, size and SHA-256, so parts can be given in any
order; :func:`join` refuses an incomplete set, listing what is missing.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import shutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from hexie_desktop.core.i18n import _
from hexie_desktop.core.text import printable
from hexie_desktop.exchange import limits
from hexie_desktop.exchange.errors import (
    E_AUTH,
    E_FORMAT,
    E_LIMIT,
    E_PARTS,
    E_PATH,
    E_TAMPERED,
    E_TRUNCATED,
    ExchangeError,
    not_a_package,
)
from hexie_desktop.fileio import atomic_path, atomic_write

MANIFEST = "manifest.json"
PAYLOAD = "payload.age"
SIGNATURE = "manifest.sig"
MEMBERS = (PAYLOAD, MANIFEST, SIGNATURE)
PART_MAGIC = b"HXPART1 "
SUFFIX = ".hxp"
_COPY = 1024 * 1024


class HashingWriter(io.RawIOBase):
    """A write-only stream that hashes and counts what passes through to ``inner``."""

    def __init__(self, inner: BinaryIO, limit: int | None = None) -> None:
        super().__init__()
        self.inner = inner
        self.sha = hashlib.sha256()
        self.size = 0
        self.limit = limit

    def writable(self) -> bool:
        """Always writable."""
        return True

    def write(self, data) -> int:  # noqa: ANN001 - bytes-like
        """Hash, count and forward ``data``."""
        self.size += len(data)
        if self.limit is not None and self.size > self.limit:
            raise ExchangeError(E_LIMIT, _("解密后的数据超过上限（{n}字节）").format(n=self.limit))
        self.sha.update(data)
        return self.inner.write(data) if self.inner is not None else len(data)


def write(target: Path, write_payload: Callable[[BinaryIO], None],
          make_manifest: Callable[[int, str], bytes], sign: Callable[[bytes], bytes]) -> str:
    """Write a package atomically; returns the SHA-256 of the finished file.

    ``write_payload`` streams the encrypted payload into the stream it is given;
    ``make_manifest(size, sha256)`` returns the manifest bytes, ``sign`` their signature.
    """
    with atomic_path(Path(target)) as tmp:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_STORED, allowZip64=True) as zf:
            with zf.open(zipfile.ZipInfo(PAYLOAD, date_time=(2000, 1, 1, 0, 0, 0)), "w",
                         force_zip64=True) as member:
                counted = HashingWriter(member)
                write_payload(counted)
            manifest = make_manifest(counted.size, counted.sha.hexdigest())
            zf.writestr(zipfile.ZipInfo(MANIFEST, date_time=(2000, 1, 1, 0, 0, 0)), manifest)
            zf.writestr(zipfile.ZipInfo(SIGNATURE, date_time=(2000, 1, 1, 0, 0, 0)), sign(manifest))
        digest = file_sha256(tmp)
    return digest


def file_sha256(path: Path) -> str:
    """SHA-256 of a file, read in 1 MiB blocks."""
    sha = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(_COPY), b""):
            sha.update(block)
    return sha.hexdigest()


@dataclass
class Container:
    """An opened, structurally checked package file."""

    path: Path
    zf: zipfile.ZipFile
    manifest_bytes: bytes
    signature: bytes

    @property
    def payload_size(self) -> int:
        """Size of ``payload.age`` as stored."""
        return self.zf.getinfo(PAYLOAD).file_size

    def open_payload(self) -> BinaryIO:
        """A stream over ``payload.age`` (ZIP CRC checked at its end)."""
        return self.zf.open(PAYLOAD)  # type: ignore[return-value]

    def close(self) -> None:
        """Close the ZIP file."""
        self.zf.close()


def _end_record(path: Path, size: int) -> tuple[bool, bool]:
    """(a complete ZIP end record is there, the file ends exactly after it)."""
    with open(path, "rb") as handle:
        handle.seek(max(0, size - 66 * 1024))
        tail = handle.read()
    position = tail.rfind(b"PK\x05\x06")
    if position < 0 or position + 22 > len(tail):
        return False, False
    comment = int.from_bytes(tail[position + 20:position + 22], "little")
    return True, position + 22 + comment == len(tail)


def open_container(path: Path) -> Container:
    """Open ``path`` as a package and check its structure (members, sizes, flags)."""
    path = Path(path)
    if not path.is_file():
        raise ExchangeError(E_FORMAT, _("文件不存在：{path}").format(path=path))
    size = path.stat().st_size
    if size == 0:
        raise not_a_package(_("文件为空"))
    if size > limits.CONTAINER_MAX_BYTES:
        raise ExchangeError(E_LIMIT, _("数据包过大（{n}字节）").format(n=size))
    with open(path, "rb") as handle:
        magic = handle.read(8)
    if magic.startswith(PART_MAGIC):
        raise ExchangeError(E_PARTS, _("这是分卷数据包的一部分，请同时选择全部分卷"))
    if not magic.startswith(b"PK\x03\x04"):
        raise not_a_package(_("文件头不对"))
    try:
        zf = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        if not _end_record(path, size)[0]:
            raise ExchangeError(E_TRUNCATED, _("数据包不完整（文件被截断，可能复制或下载中断）")) from None
        raise not_a_package(_("文件结构已损坏")) from None
    except (OSError, ValueError, EOFError) as exc:
        raise not_a_package(str(exc)[:80]) from None
    try:
        if not _end_record(path, size)[1]:
            raise not_a_package(_("文件末尾有多余的数据"))
        infos = zf.infolist()
        names = [i.filename for i in infos]
        for name in names:
            if name not in MEMBERS:
                if ".." in name or name.startswith(("/", "\\")) or ":" in name or "\\" in name:
                    raise ExchangeError(E_PATH, _("数据包中有不允许的文件名：{name}").format(name=name[:80]))
                raise not_a_package(_("含有多余的内容：{name}").format(name=name[:80]))
        if sorted(names) != sorted(MEMBERS):
            raise not_a_package(_("缺少或重复的组成部分"))
        if zf.comment:
            raise not_a_package(_("含有多余的内容"))
        for info in infos:
            if info.compress_type != zipfile.ZIP_STORED or info.flag_bits & 0x1:
                raise not_a_package(_("组成部分的存储方式不对"))
            if info.file_size != info.compress_size:
                raise not_a_package(_("组成部分的大小不一致"))
        check_layout(path, zf, size)
        if zf.getinfo(MANIFEST).file_size > limits.MANIFEST_MAX_BYTES:
            raise ExchangeError(E_LIMIT, _("数据包清单过大"))
        if zf.getinfo(SIGNATURE).file_size != limits.SIGNATURE_BYTES:
            raise ExchangeError(E_AUTH, _("数据包签名长度不对"))
        manifest = _read_member(zf, MANIFEST)
        signature = _read_member(zf, SIGNATURE)
    except BaseException:
        zf.close()
        raise
    return Container(path, zf, manifest, signature)


def tampered(detail: str) -> ExchangeError:
    """The refusal of a container whose own records contradict each other."""
    return ExchangeError(E_TAMPERED, _("数据包内部结构前后矛盾（{detail}）：文件被改动过，或不是本程序生成的数据包；"
                                       "重新拷贝无济于事，请向发送单位核实").format(detail=detail))


_LOCAL = b"PK\x03\x04"
_END, _END64, _LOCATOR64 = b"PK\x05\x06", b"PK\x06\x06", b"PK\x06\x07"


def _directory_span(handle: BinaryIO, size: int) -> tuple[int, int, int]:
    """(offset, size, end) of the central directory as the end records state them.

    ``end`` is where the end records begin: the directory must stop exactly there.
    """
    start = max(0, size - 66 * 1024)
    handle.seek(start)
    tail = handle.read()
    end = start + tail.rfind(_END)
    handle.seek(end)
    record = handle.read(22)
    cd_size, cd_offset = int.from_bytes(record[12:16], "little"), int.from_bytes(record[16:20], "little")
    if end < 20:
        return cd_offset, cd_size, end
    handle.seek(end - 20)
    locator = handle.read(20)
    if locator[:4] != _LOCATOR64:
        return cd_offset, cd_size, end
    at = int.from_bytes(locator[8:16], "little")
    handle.seek(at)
    record64 = handle.read(56)
    if (len(record64) < 56 or record64[:4] != _END64
            or at + 12 + int.from_bytes(record64[4:12], "little") != end - 20):
        raise tampered(_("ZIP64 结束记录的位置不对"))
    return int.from_bytes(record64[48:56], "little"), int.from_bytes(record64[40:48], "little"), at


def check_layout(path: Path, zf: zipfile.ZipFile, size: int) -> None:
    """Refuse a container whose members do not sit exactly where its directory says.

    The first local header is at offset 0, every member's local record follows the previous
    one without a gap, the last one ends where the directory starts, the directory ends where
    the end records start, and every local header carries the directory's name and flags.
    """
    with open(path, "rb") as handle:
        cd_offset, cd_size, end = _directory_span(handle, size)
        if cd_offset != zf.start_dir or cd_offset + cd_size != end:
            raise tampered(_("文件开头或目录前有多余的数据"))
        position = 0
        for info in sorted(zf.infolist(), key=lambda i: i.header_offset):
            if info.header_offset != position:
                raise tampered(_("文件开头或组成部分之间有多余的数据") if position == 0 or info.header_offset > position
                               else _("组成部分互相重叠"))
            handle.seek(position)
            header = handle.read(30)
            if len(header) < 30 or header[:4] != _LOCAL:
                raise tampered(_("组成部分 {name} 的文件头不对").format(name=info.filename[:80]))
            flags = int.from_bytes(header[6:8], "little")
            name_len, extra_len = int.from_bytes(header[26:28], "little"), int.from_bytes(header[28:30], "little")
            raw = handle.read(name_len)
            name = raw.decode("utf-8" if flags & 0x800 else "cp437", errors="replace")
            if name != info.orig_filename:
                raise tampered(_("文件头中的名称“{local}”与目录中的“{name}”不符").format(
                    local=printable(name[:80]), name=printable(info.filename[:80])))
            if flags != info.flag_bits or flags & 0x08:
                raise tampered(_("组成部分 {name} 的文件头标志与目录不符").format(name=info.filename[:80]))
            position += 30 + name_len + extra_len + info.compress_size
        if position != cd_offset:
            raise tampered(_("最后一个组成部分与目录之间有多余的数据"))


def _read_member(zf: zipfile.ZipFile, name: str) -> bytes:
    try:
        return zf.read(name)
    except zipfile.BadZipFile as exc:
        if "CRC" in str(exc):
            raise ExchangeError(E_AUTH, _("数据包内容被改动或已损坏（校验和不符）")) from None
        raise not_a_package(_("文件结构已损坏")) from None
    except (EOFError, OSError):
        raise ExchangeError(E_TRUNCATED, _("数据包不完整（文件被截断）")) from None


# ---------------------------------------------------------------- e-mail parts


def part_name(target: Path, index: int) -> Path:
    """``NAME.hxp.001`` for part 1 of ``NAME.hxp``."""
    return target.with_name(f"{target.name}.{index:03d}")


def split(source: Path, target: Path, part_bytes: int) -> list[Path]:
    """Cut the package ``source`` into parts beside ``target`` (each written atomically)."""
    total = source.stat().st_size
    count = max(1, -(-total // part_bytes))
    if count > limits.PARTS_MAX:
        raise ExchangeError(E_LIMIT, _("分卷过多（{n}个），请把每卷设大一些").format(n=count))
    whole = file_sha256(source)
    written: list[Path] = []
    with open(source, "rb") as handle:
        for index in range(1, count + 1):
            offset = (index - 1) * part_bytes
            chunk_size = min(part_bytes, total - offset)
            sha = hashlib.sha256()
            name = part_name(target, index)
            with atomic_write(name) as out:
                handle.seek(offset)  # first pass: the chunk's hash goes into the header line
                remaining = chunk_size
                while remaining:
                    block = handle.read(min(_COPY, remaining))
                    sha.update(block)
                    remaining -= len(block)
                header = {"format": "hexie-part", "version": 1, "package": target.name, "set": whole,
                          "part": index, "parts": count, "offset": offset, "size": chunk_size,
                          "sha256": sha.hexdigest(), "total_size": total}
                out.write(PART_MAGIC + limits.dumps(header) + b"\n")
                handle.seek(offset)
                remaining = chunk_size
                while remaining:
                    block = handle.read(min(_COPY, remaining))
                    out.write(block)
                    remaining -= len(block)
            written.append(name)
    return written


@dataclass(frozen=True)
class _Part:
    path: Path
    header: dict
    data_offset: int


_PART_KEYS = {"format", "version", "package", "set", "part", "parts", "offset", "size", "sha256", "total_size"}
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


def is_part(path: Path) -> bool:
    """True when ``path`` starts like an e-mail part."""
    try:
        with open(path, "rb") as handle:
            return handle.read(len(PART_MAGIC)) == PART_MAGIC
    except OSError:
        return False


def _read_part(path: Path) -> _Part:
    with open(path, "rb") as handle:
        line = handle.readline(4096)
    if not line.startswith(PART_MAGIC) or not line.endswith(b"\n"):
        raise ExchangeError(E_PARTS, _("分卷文件头已损坏：{name}").format(name=path.name))
    header = limits.loads(line[len(PART_MAGIC):-1], max_bytes=4096)
    ok = (isinstance(header, dict) and set(header) == _PART_KEYS and header["format"] == "hexie-part"
          and header["version"] == 1 and isinstance(header["package"], str) and len(header["package"]) < 200
          and isinstance(header["set"], str) and _HEX64.match(header["set"])
          and isinstance(header["sha256"], str) and _HEX64.match(header["sha256"])
          and all(type(header[k]) is int and header[k] >= 0 for k in ("part", "parts", "offset", "size",
                                                                        "total_size"))
          and 1 <= header["part"] <= header["parts"] <= limits.PARTS_MAX
          and header["offset"] + header["size"] <= header["total_size"] <= limits.CONTAINER_MAX_BYTES)
    if not ok:
        raise ExchangeError(E_PARTS, _("分卷文件头已损坏：{name}").format(name=path.name))
    if path.stat().st_size != len(line) + header["size"]:
        raise ExchangeError(E_TRUNCATED, _("分卷不完整：{name}").format(name=path.name))
    return _Part(path, header, len(line))


def join(paths: list[Path], staging: Path) -> list[Path]:
    """Reassemble the parts among ``paths`` into whole packages in ``staging``.

    Returns the reassembled packages; every set must be complete (E_PARTS lists what is
    missing) and every part must match its own and the whole package's SHA-256.
    """
    sets: dict[str, dict[int, _Part]] = {}
    for path in paths:
        part = _read_part(Path(path))
        group = sets.setdefault(part.header["set"], {})
        existing = group.get(part.header["part"])
        if existing is not None and existing.header != part.header:
            raise ExchangeError(E_PARTS, _("同一分卷出现两个不同的版本：{name}").format(name=path.name))
        group[part.header["part"]] = part
    out: list[Path] = []
    for set_id, group in sets.items():
        first = next(iter(group.values())).header
        count, total, package = first["parts"], first["total_size"], first["package"]
        for part in group.values():
            if (part.header["parts"], part.header["total_size"], part.header["package"]) != (count, total, package):
                raise ExchangeError(E_PARTS, _("分卷信息互相矛盾：{name}").format(name=part.path.name))
        missing = [n for n in range(1, count + 1) if n not in group]
        if missing:
            names = "、".join(f"{package}.{n:03d}" for n in missing)
            raise ExchangeError(E_PARTS, _("分卷不全：{package} 共{count}卷，缺少 {missing}").format(
                package=package, count=count, missing=names))
        if re.search(r"[\\/]|\.\.", package):
            raise ExchangeError(E_PATH, _("分卷中的文件名不允许：{name}").format(name=package[:80]))
        target = Path(staging) / f"joined-{set_id[:16]}{SUFFIX}"
        whole = hashlib.sha256()
        position = 0
        with open(target, "wb") as handle:
            for number in range(1, count + 1):
                part = group[number]
                if part.header["offset"] != position:
                    raise ExchangeError(E_PARTS, _("分卷位置不连续：{name}").format(name=part.path.name))
                chunk = hashlib.sha256()
                with open(part.path, "rb") as source:
                    source.seek(part.data_offset)
                    remaining = part.header["size"]
                    while remaining:
                        block = source.read(min(_COPY, remaining))
                        if not block:
                            raise ExchangeError(E_TRUNCATED, _("分卷不完整：{name}").format(name=part.path.name))
                        chunk.update(block)
                        whole.update(block)
                        handle.write(block)
                        remaining -= len(block)
                if chunk.hexdigest() != part.header["sha256"]:
                    raise ExchangeError(E_AUTH, _("分卷内容被改动或已损坏：{name}").format(name=part.path.name))
                position += part.header["size"]
        if position != total or whole.hexdigest() != set_id:
            raise ExchangeError(E_AUTH, _("分卷拼合后与原数据包不符：{package}").format(package=package))
        out.append(target)
    return out


def move_into(paths: list[Path], directory: Path) -> list[Path]:
    """Move finished files into ``directory`` on the same file system (each an atomic rename)."""
    moved = []
    for path in paths:
        target = Path(directory) / Path(path).name
        os.replace(path, target)
        moved.append(target)
    if os.name == "posix":
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    return moved


def copy_into(source: Path, directory: Path, name: str) -> Path:
    """Copy ``source`` into ``directory`` under ``name`` (atomically)."""
    target = Path(directory) / name
    with atomic_path(target) as tmp:
        shutil.copyfile(source, tmp)
    return target


def remove_quietly(path: Path) -> None:
    """Delete a file or folder tree if present."""
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    elif path.exists():
        os.unlink(path)
