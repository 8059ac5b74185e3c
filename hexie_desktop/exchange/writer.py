"""Writing an outgoing package: payload ZIP in staging → age (streaming) → signed manifest.

The plain payload exists only as a nameless temporary file in the staging folder (removed by
the operating system however the process ends); the package file is written atomically
(temp file beside the target → fsync → rename), so a cut-off write never leaves a half
package under the final name.
"""

from __future__ import annotations

import tempfile
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pyrage

from hexie_desktop import __version__
from hexie_desktop.exchange import container as hxp
from hexie_desktop.exchange import keys as keyring
from hexie_desktop.exchange import manifest as mf
from hexie_desktop.exchange.keys import Card, StationKeys
from hexie_desktop.exchange.payload import PayloadWriter


@dataclass
class Written:
    """What was written: the file(s), the package id and its facts."""

    package_id: str
    paths: list[Path]
    sha256: str
    size: int
    row_counts: dict[str, int] = field(default_factory=dict)
    files: int = 0


def write_package(target: Path, *, keys: StationKeys, kind: str, to: list[Card], sequence: int, epoch: int,
                  epoch_base: int, based_on: str | None, change_from: int, change_to: int, created_at: datetime,
                  schema_version: str, audit_head: str, staging: Path,
                  fill: Callable[[PayloadWriter], tuple[dict[str, int], int]],
                  split_bytes: int | None = None) -> Written:
    """Build, encrypt, sign and write one package (or its e-mail parts); see the module docstring."""
    package_id = str(uuid.uuid4())
    recipients = [r for card in to for r in keyring.recipients(card)]
    target = Path(target)
    whole = Path(staging) / f"whole-{package_id}{hxp.SUFFIX}" if split_bytes else target
    with tempfile.TemporaryFile(dir=staging, prefix="payload-") as plain:
        payload = PayloadWriter(plain)
        try:
            counts, files = fill(payload)
        finally:
            payload.close()

        def write_payload(out) -> None:  # noqa: ANN001 - a binary stream
            plain.seek(0)
            pyrage.encrypt_io(plain, out, recipients)

        def make_manifest(size: int, sha256: str) -> bytes:
            return mf.build(package_id=package_id, kind=kind, sender=keys.card,
                            recipients=[c.unit_code for c in to], sequence=sequence, epoch=epoch,
                            epoch_base=epoch_base, based_on=based_on, change_from=change_from, change_to=change_to,
                            created_at=created_at, app_version=__version__, schema_version=schema_version,
                            row_counts=counts, files=files, payload_size=size, payload_sha256=sha256,
                            audit_head=audit_head)

        sha = hxp.write(whole, write_payload, make_manifest, keys.sign)
    size = whole.stat().st_size
    paths = [target]
    if split_bytes:
        paths = hxp.split(whole, target, split_bytes)
        whole.unlink(missing_ok=True)
    return Written(package_id, paths, sha, size, counts, files)
