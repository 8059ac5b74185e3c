"""Hard limits on everything a package can make this station read, and a strict JSON parser.

Limits are checked before anything is inflated (declared sizes, counts and ratios) and again
while reading (bytes actually produced), because declared sizes can lie.  JSON is parsed
strictly: duplicate keys, ``NaN``/``Infinity``, huge integers, nesting deeper than allowed and
strings longer than allowed are refused with their own error codes.
"""

from __future__ import annotations

import json
from typing import Any

from hexie_desktop.core.i18n import _
from hexie_desktop.exchange.errors import E_ENCODING, E_JSON, E_LIMIT, ExchangeError

CONTAINER_MAX_BYTES = 8 * 1024**3
"""A package file may not exceed 8 GiB."""
MANIFEST_MAX_BYTES = 256 * 1024
SIGNATURE_BYTES = 64
PAYLOAD_MAX_MEMBERS = 200_000
"""Tables plus attachment files in one payload."""
PAYLOAD_MAX_TOTAL = 8 * 1024**3
"""Sum of the uncompressed sizes of every payload member."""
MEMBER_MAX_RATIO = 200
"""Largest uncompressed/compressed ratio accepted for a member of more than 1 MiB."""
RATIO_FREE_BYTES = 1024 * 1024
TABLE_MAX_BYTES = 4 * 1024**3
ATTACHMENT_MAX_BYTES = 200 * 1024 * 1024
LINE_MAX_BYTES = 2 * 1024 * 1024
"""One JSON line (one row)."""
STRING_MAX_CHARS = 500_000
"""Any single string value; longer is an oversize field (the row's column limits are stricter)."""
JSON_MAX_DEPTH = 6
INT_MAX_DIGITS = 20
REFERENCE_MAX_BYTES = 4 * 1024 * 1024
PARTS_MAX = 999


def _reject_constant(name: str) -> Any:
    raise ExchangeError(E_JSON, _("JSON 中出现不允许的数值：{name}").format(name=name))


def _parse_int(text: str) -> int:
    if len(text.lstrip("-")) > INT_MAX_DIGITS:
        raise ExchangeError(E_LIMIT, _("JSON 中的整数位数过多（{n}位）").format(n=len(text)))
    return int(text)


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ExchangeError(E_JSON, _("JSON 中有重复的键：{key}").format(key=key[:40]))
        out[key] = value
    return out


def _depth(value: Any, limit: int) -> None:
    """Refuse nesting deeper than ``limit`` and strings longer than the string limit."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, str):
            if len(item) > STRING_MAX_CHARS:
                raise ExchangeError(E_LIMIT, _("字段过长（{n}个字符）").format(n=len(item)))
            continue
        if isinstance(item, (dict, list)):
            if level > limit:
                raise ExchangeError(E_JSON, _("JSON 嵌套层数超过{n}层").format(n=limit))
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, level + 1) for child in children)


def _shallow_nesting(text: str, limit: int) -> None:
    """Refuse obviously deep nesting before the parser recurses into it."""
    depth = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > limit:
                raise ExchangeError(E_JSON, _("JSON 嵌套层数超过{n}层").format(n=limit))
        elif ch in "]}":
            depth -= 1


def loads(data: bytes | str, *, max_depth: int = JSON_MAX_DEPTH, max_bytes: int = LINE_MAX_BYTES,
          tree: bool = True) -> Any:
    """Parse ``data`` strictly (UTF-8, no duplicate keys, no NaN, bounded depth, sizes and digits).

    ``tree=False`` is the fast path for table rows: their values are checked one by one by the
    row validator, so only syntax, duplicate keys, constants and runaway nesting are checked here.
    """
    if len(data) > max_bytes:
        raise ExchangeError(E_LIMIT, _("JSON 内容过大（{n}字节）").format(n=len(data)))
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ExchangeError(E_ENCODING, _("内容不是有效的 UTF-8 编码（第{pos}字节）").format(
                pos=exc.start)) from None
    else:
        text = data
    if tree and (text.count("[") + text.count("{") > 64 or "[" * (max_depth + 1) in text
                 or "{" * (max_depth + 1) in text):
        _shallow_nesting(text, max_depth)
    try:
        if tree:
            value = json.loads(text, object_pairs_hook=_pairs, parse_constant=_reject_constant,
                               parse_int=_parse_int)
        else:
            value = json.loads(text, object_pairs_hook=_pairs, parse_constant=_reject_constant)
    except ExchangeError:
        raise
    except RecursionError:
        raise ExchangeError(E_JSON, _("JSON 嵌套层数过多")) from None
    except ValueError as exc:
        raise ExchangeError(E_JSON, _("JSON 格式错误：{msg}").format(msg=str(exc)[:120])) from None
    if tree:
        _depth(value, max_depth)
    return value


def dumps(value: Any) -> bytes:
    """Canonical JSON bytes (sorted keys, no spaces, UTF-8) — what is signed and hashed."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                      allow_nan=False).encode("utf-8")
