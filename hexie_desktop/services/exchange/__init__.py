"""Exchange use cases: keys and cards, township export, imports at both ends, receipts, reference data.

One user action = one function = one transaction = one audit entry: an export reserves its
number, writes its package beside the target and logs it in one transaction, and the file
takes its final name only after that commit; an import applies every row, logs the
package, updates the township's progress and (at the district) writes the signed receipt in
one transaction.  A refused package changes nothing and leaves nothing outside the staging
folder.  The package format and the row rules live in :mod:`hexie_desktop.exchange`.

Every use case takes the :class:`~hexie_desktop.services.context.Context` only: the station
whose files it uses (keys, attachments, exchange folders) is ``ctx.station``.  One module per
job:

* :mod:`.keys` — this station's keys and card;  :mod:`.peers` — trusting peers, resync;
* :mod:`.enrol` — accepting a waiting township, key rotation, escrow (district);
* :mod:`.export` — township export;  :mod:`.imports` — importing packages (both ends);
* :mod:`.claim` — the numbering/replay checks every import repeats in its transaction;
* :mod:`.receipts` — district receipts and the township applying them;
* :mod:`.reference` — reference data down to townships, code tables into :mod:`hexie_desktop.core.codes`;
* :mod:`.review` — overview, history, conflicts and quarantine;  :mod:`.common` — shared views and helpers.
"""

from hexie_desktop.services.exchange.claim import IMPORT_LOCK_WAIT
from hexie_desktop.services.exchange.common import (
    KIND_LABELS,
    PENDING_DIR,
    TABLE_LABELS,
    Exported,
    Outcome,
    PeerView,
    known_schema,
)
from hexie_desktop.services.exchange.enrol import accept_township, rotate_keys, set_escrow
from hexie_desktop.services.exchange.export import export_package
from hexie_desktop.services.exchange.imports import import_packages
from hexie_desktop.services.exchange.keys import (
    PASSPHRASE_ENV,
    KeyInfo,
    ensure_keys,
    export_identity,
    has_keys,
    key_info,
    needs_passphrase,
    passphrase_from_env,
    read_card,
    unlock,
    write_card,
)
from hexie_desktop.services.exchange.peers import resync_township, trust_card
from hexie_desktop.services.exchange.receipts import write_receipt
from hexie_desktop.services.exchange.reference import CODE_TABLES, REFERENCE_SETTINGS, load_codes, publish_reference
from hexie_desktop.services.exchange.review import (
    ConflictView,
    Overview,
    PackageView,
    QuarantineView,
    conflicts,
    counts_dict,
    overview,
    quarantined,
    resolve_conflict,
    summary_lines,
)

__all__ = [
    "CODE_TABLES", "IMPORT_LOCK_WAIT", "KIND_LABELS", "PASSPHRASE_ENV", "PENDING_DIR", "REFERENCE_SETTINGS",
    "TABLE_LABELS", "ConflictView", "Exported", "KeyInfo", "Outcome", "Overview", "PackageView", "PeerView",
    "QuarantineView", "accept_township", "conflicts", "counts_dict", "ensure_keys", "export_identity",
    "export_package", "has_keys", "import_packages", "key_info", "known_schema", "load_codes", "needs_passphrase",
    "overview", "passphrase_from_env", "publish_reference", "quarantined", "read_card", "resolve_conflict",
    "resync_township", "rotate_keys", "set_escrow", "summary_lines", "trust_card", "unlock", "write_card",
    "write_receipt",
]
