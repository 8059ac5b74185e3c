"""The payload inside ``payload.age``: a ZIP of ``tables/<table>.jsonl`` and ``files/<sha256>``.

Receipts carry ``receipt.json`` and reference packages ``reference.json`` instead of tables.
The reader checks every limit before it inflates a byte — member count, names (only the
expected set: no ``..``, no absolute paths, no folders or links), declared sizes, total and
ratio — and counts the bytes it really produces while reading, because declared sizes lie.
"""

from __future__ import annotations

import hashlib
import re
import stat
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from hexie_desktop.core.i18n import _
from hexie_desktop.exchange import limits
from hexie_desktop.exchange.codec import TABLES
from hexie_desktop.exchange.errors import (
    E_FORMAT,
    E_INTEGRITY,
    E_LIMIT,
    E_PATH,
    E_VERSION,
    ExchangeError,
)

TABLE_PREFIX = "tables/"
FILE_PREFIX = "files/"
RECEIPT = "receipt.json"
REFERENCE = "reference.json"
_TABLE_NAME = re.compile(r"^tables/([a-z_]{1,40})\.jsonl$")
_FILE_NAME = re.compile(r"^files/([0-9a-f]{64})$")
_COPY = 1024 * 1024
_STAMP = (2000, 1, 1, 0, 0, 0)


class PayloadWriter:
    """Writes a payload ZIP (deflated) member by member, streaming, to a path or an open file."""

    def __init__(self, target: Path | BinaryIO, compresslevel: int = 3) -> None:
        self.zf = zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, allowZip64=True, compresslevel=compresslevel)
        self.members = 0

    def _info(self, name: str) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(name, date_time=_STAMP)
        info.compress_type = zipfile.ZIP_DEFLATED
        return info

    def add_lines(self, table: str, lines: Iterable[bytes]) -> int:
        """Write ``tables/<table>.jsonl`` from an iterable of JSON lines; returns the line count.

        A table without lines gets no member at all.
        """
        iterator = iter(lines)
        first = next(iterator, None)
        if first is None:
            return 0
        count = 1
        with self.zf.open(self._info(f"{TABLE_PREFIX}{table}.jsonl"), "w", force_zip64=True) as member:
            buffer: list[bytes] = [first]
            for line in iterator:
                buffer.append(line)
                count += 1
                if len(buffer) >= 2000:
                    member.write(b"".join(buffer))
                    buffer.clear()
            if buffer:
                member.write(b"".join(buffer))
        self.members += 1
        return count

    def add_file(self, sha256: str, source: Path) -> None:
        """Write ``files/<sha256>`` from a stored attachment."""
        with self.zf.open(self._info(f"{FILE_PREFIX}{sha256}"), "w", force_zip64=True) as member, \
                open(source, "rb") as handle:
            for block in iter(lambda: handle.read(_COPY), b""):
                member.write(block)
        self.members += 1

    def add_json(self, name: str, value: Any) -> None:
        """Write one JSON member (``receipt.json`` or ``reference.json``)."""
        self.zf.writestr(self._info(name), limits.dumps(value))
        self.members += 1

    def close(self) -> None:
        """Finish the ZIP."""
        self.zf.close()


def _reading_error(exc: Exception) -> ExchangeError:
    return ExchangeError(E_FORMAT, _("数据包内容已损坏：{e}").format(e=str(exc)[:80]))


class PayloadReader:
    """A checked payload ZIP (a path, or an open file it then owns and closes); see the module docstring."""

    def __init__(self, source: Path | BinaryIO, kind: str) -> None:
        self._owned = None if isinstance(source, (str, Path)) else source
        try:
            self.zf = zipfile.ZipFile(source)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
            self._close_owned()
            raise _reading_error(exc) from None
        try:
            self.tables: dict[str, zipfile.ZipInfo] = {}
            self.files: dict[str, zipfile.ZipInfo] = {}
            self.documents: dict[str, zipfile.ZipInfo] = {}
            self._check(kind)
        except BaseException:
            self.close()
            raise

    def _check(self, kind: str) -> None:
        infos = self.zf.infolist()
        if len(infos) > limits.PAYLOAD_MAX_MEMBERS:
            raise ExchangeError(E_LIMIT, _("数据包中的文件过多（{n}个）").format(n=len(infos)))
        seen: set[str] = set()
        total = 0
        for info in infos:
            name = info.filename
            if (name in seen or name.startswith(("/", "\\")) or ".." in name or "\\" in name or ":" in name
                    or name.endswith("/") or "\x00" in name):
                raise ExchangeError(E_PATH, _("数据包中有不允许的文件名：{name}").format(name=name[:80]))
            seen.add(name)
            mode = info.external_attr >> 16
            if mode and (stat.S_ISLNK(mode) or stat.S_ISDIR(mode)):
                raise ExchangeError(E_PATH, _("数据包中有链接或目录：{name}").format(name=name[:80]))
            if info.flag_bits & 0x1 or info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise ExchangeError(E_FORMAT, _("数据包中的文件存储方式不支持：{name}").format(name=name[:80]))
            table = _TABLE_NAME.match(name)
            file_ = _FILE_NAME.match(name)
            if kind in ("changes", "full") and table:
                if table.group(1) not in TABLES:
                    raise ExchangeError(E_VERSION, _("数据包含有本程序不认识的数据表：{t}").format(t=table.group(1)))
                self.tables[table.group(1)] = info
                cap = limits.TABLE_MAX_BYTES
            elif kind in ("changes", "full") and file_:
                self.files[file_.group(1)] = info
                cap = limits.ATTACHMENT_MAX_BYTES
            elif (kind, name) in (("receipt", RECEIPT), ("reference", REFERENCE)):
                self.documents[name] = info
                cap = limits.REFERENCE_MAX_BYTES
            else:
                raise ExchangeError(E_PATH, _("数据包中有不应出现的文件：{name}").format(name=name[:80]))
            if info.file_size > cap:
                raise ExchangeError(E_LIMIT, _("数据包中的文件过大：{name}（{n}字节）").format(
                    name=name[:80], n=info.file_size))
            if (info.file_size > limits.RATIO_FREE_BYTES
                    and info.file_size > limits.MEMBER_MAX_RATIO * max(info.compress_size, 1)):
                raise ExchangeError(E_LIMIT, _("数据包中的文件压缩比异常（可能是压缩炸弹）：{name}").format(
                    name=name[:80]))
            total += info.file_size
            if total > limits.PAYLOAD_MAX_TOTAL:
                raise ExchangeError(E_LIMIT, _("数据包解压后过大"))
        if kind in ("receipt", "reference") and len(self.documents) != 1:
            raise ExchangeError(E_FORMAT, _("数据包内容不完整"))

    def _open(self, info: zipfile.ZipInfo) -> BinaryIO:
        try:
            return self.zf.open(info)  # type: ignore[return-value]
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, zlib.error) as exc:
            raise _reading_error(exc) from None

    def lines(self, table: str) -> Iterator[tuple[int, bytes]]:
        """(line number, raw line) of ``tables/<table>.jsonl``; every line within the line limit."""
        info = self.tables.get(table)
        if info is None:
            return
        produced = 0
        number = 0
        try:
            with self._open(info) as member:
                while True:
                    line = member.readline(limits.LINE_MAX_BYTES + 1)
                    if not line:
                        break
                    number += 1
                    produced += len(line)
                    if produced > info.file_size:
                        raise ExchangeError(E_LIMIT, _("数据表 {t} 解压后比声明的大").format(t=table))
                    if len(line) > limits.LINE_MAX_BYTES:
                        raise ExchangeError(E_LIMIT, _("数据表 {t} 第{n}行过长").format(t=table, n=number))
                    if not line.endswith(b"\n"):
                        raise ExchangeError(E_FORMAT, _("数据表 {t} 第{n}行不完整").format(t=table, n=number))
                    yield number, line
        except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as exc:
            raise _reading_error(exc) from None

    def chunks(self, table: str, size: int) -> Iterator[list[bytes]]:
        """The raw lines of :meth:`lines` in lists of up to ``size``, read in blocks (same checks, same errors)."""
        info = self.tables.get(table)
        if info is None:
            return
        produced = number = 0
        batch: list[bytes] = []
        rest = b""
        try:
            with self._open(info) as member:
                while block := member.read(_COPY):
                    parts = (rest + block).split(b"\n")
                    rest = parts.pop()
                    for part in parts:
                        number += 1
                        produced += len(part) + 1
                        if produced > info.file_size:
                            raise ExchangeError(E_LIMIT, _("数据表 {t} 解压后比声明的大").format(t=table))
                        if len(part) >= limits.LINE_MAX_BYTES:
                            raise ExchangeError(E_LIMIT, _("数据表 {t} 第{n}行过长").format(t=table, n=number))
                        batch.append(part + b"\n")
                        if len(batch) >= size:
                            yield batch
                            batch = []
                    if len(rest) > limits.LINE_MAX_BYTES:  # as readline(LINE_MAX_BYTES + 1) without a newline
                        if produced + limits.LINE_MAX_BYTES + 1 > info.file_size:
                            raise ExchangeError(E_LIMIT, _("数据表 {t} 解压后比声明的大").format(t=table))
                        raise ExchangeError(E_LIMIT, _("数据表 {t} 第{n}行过长").format(t=table, n=number + 1))
                if rest:
                    number += 1
                    if produced + len(rest) > info.file_size:
                        raise ExchangeError(E_LIMIT, _("数据表 {t} 解压后比声明的大").format(t=table))
                    if len(rest) > limits.LINE_MAX_BYTES:
                        raise ExchangeError(E_LIMIT, _("数据表 {t} 第{n}行过长").format(t=table, n=number))
                    raise ExchangeError(E_FORMAT, _("数据表 {t} 第{n}行不完整").format(t=table, n=number))
        except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as exc:
            raise _reading_error(exc) from None
        if batch:
            yield batch

    def document(self, name: str) -> Any:
        """The parsed ``receipt.json`` / ``reference.json``."""
        info = self.documents.get(name)
        if info is None:
            raise ExchangeError(E_FORMAT, _("数据包内容不完整"))
        try:
            with self._open(info) as member:
                data = member.read(limits.REFERENCE_MAX_BYTES + 1)
        except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as exc:
            raise _reading_error(exc) from None
        if len(data) > limits.REFERENCE_MAX_BYTES:
            raise ExchangeError(E_LIMIT, _("数据包内容过大"))
        return limits.loads(data, max_bytes=limits.REFERENCE_MAX_BYTES, max_depth=6)

    def extract_file(self, sha256: str, target: Path) -> int:
        """Copy ``files/<sha256>`` to ``target`` checking its hash and size; returns the size."""
        info = self.files[sha256]
        digest = hashlib.sha256()
        size = 0
        try:
            with self._open(info) as member, open(target, "wb") as out:
                for block in iter(lambda: member.read(_COPY), b""):
                    size += len(block)
                    if size > info.file_size or size > limits.ATTACHMENT_MAX_BYTES:
                        raise ExchangeError(E_LIMIT, _("附件解压后比声明的大"))
                    digest.update(block)
                    out.write(block)
        except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as exc:
            raise _reading_error(exc) from None
        if digest.hexdigest() != sha256:
            raise ExchangeError(E_INTEGRITY, _("附件内容与其校验码不符：{sha}").format(sha=sha256[:12]))
        return size

    def _close_owned(self) -> None:
        if self._owned is not None:
            self._owned.close()
            self._owned = None

    def close(self) -> None:
        """Close the ZIP (and the file it was given, which a temporary file's removal may hang on)."""
        try:
            self.zf.close()
        finally:
            self._close_owned()
