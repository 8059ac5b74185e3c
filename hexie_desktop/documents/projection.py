"""The printed fields of a document, and the hash over them.

Each template declares the fields it prints as a *shape*: a nested description of the
input dict where ``True`` keeps a value, ``"amount"`` keeps an amount normalised to
``1234.50``, a dict descends into a sub-dict and a one-element list maps a list.
:func:`project` cuts the input down to that shape; the template lays out only the
projection, so :func:`digest` — SHA-256 over its canonical JSON — covers exactly what
the document prints, and printing the same data again gives the same hash.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from hexie_desktop.core import money
from hexie_desktop.core.errors import UserError

HASH_VERSION = 1


def normal_amount(value: Any) -> str | None:
    """An amount as ``1234.50``; ``None`` when empty; the text itself when unreadable."""
    if value is None:
        return None
    if isinstance(value, str) and not value.strip():
        return None
    try:
        return money.cents_to_str(money.parse_amount(value if not isinstance(value, float) else str(value)))
    except (UserError, TypeError):
        return str(value)


def _scalar(value: Any) -> Any:
    """Keep JSON scalars (strings lose surrounding blanks) and lists of them; the rest becomes text."""
    if value is None or isinstance(value, (bool, int)):
        return value
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, (list, tuple)):
        return [_scalar(item) for item in value]
    return str(value)


def project(data: Any, shape: Any) -> Any:
    """The part of ``data`` described by ``shape`` (missing keys become ``None``)."""
    if shape is True:
        return _scalar(data)
    if shape == "amount":
        return normal_amount(data)
    if isinstance(shape, dict):
        if not isinstance(data, dict):
            return None
        return {key: project(data.get(key), sub) for key, sub in shape.items()}
    if isinstance(shape, list):
        if not isinstance(data, (list, tuple)):
            return []
        return [project(item, shape[0]) for item in data]
    raise TypeError(f"bad shape {shape!r}")


def canonical_json(value: Any) -> bytes:
    """UTF-8 JSON with sorted keys and no whitespace: equal data, equal bytes."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def digest(doc_type: str, fields: Any) -> str:
    """SHA-256 (hex) of a document type and its projected fields."""
    payload = {"v": HASH_VERSION, "doc_type": doc_type, "fields": fields}
    return hashlib.sha256(canonical_json(payload)).hexdigest()
