"""Who owns each exchanged row at the district: the origin of its root record.

A township may only ever add or change its own data at the district.  Every exchanged row
has a **root**: a case for everything recorded about a case (parties, claims, sessions, the
agreement and its items, performance records, follow-ups, the case history, issued
documents, attachments), a registry record for the rows hanging off it (an organization's
checklist items, a key enterprise's visits and layoff blocks), or the row itself for the
registers and ledgers.  :data:`OWNER_COLUMNS` declares, once, which foreign key leads from
each table towards its root (the first one that is filled in decides); the foreign keys
themselves come from the models (:data:`~hexie_desktop.exchange.codec.TABLES`), and
:func:`problems` (run by a test) proves that every exchanged table is declared, so a new
table cannot be forgotten.

The rule applied at import (``exchange/apply.py``), for new rows and updates alike:

* a row's ``origin`` is the package signer (the manifest's sender unit code);
* a row already held under another origin is never touched — not even by a "new" row with
  the same id;
* **every** foreign key of a row — owning or merely referring (a case's respondent, mediator,
  organization …) — points at a row the signer owns, in the new version and in the stored
  one (moving a child from one parent to another needs both parents to be the signer's);
* an attachment's free-form owner (``owner_table``/``owner_id``, :data:`POLYMORPHIC`) is
  checked the same way once the package's rows are in.

Because every stored row passed the same check, the direct parent's owner is the root's
owner: checking one step is checking the whole path to the root.  Breaking any rule refuses
the whole package as a cross-township write (``E_OWNER``); nothing is kept.

**Shared register (employers).**  The employer register is shared in the sense that the same
employer — the same 统一社会信用代码 — is known to several townships, and district reports
count it once by its credit code.  At the district each township's copy is nevertheless its
own row (``UNIQUE(origin, credit_code)``), owned by that township: a township updates only
its copies, and its cases and ledgers refer only to its copies.  A case of township A
naming township B's copy as respondent is refused like any other cross-township row — it
would let A's package change what B's register shows for that employer's cases.  The
district never merges copies; the credit code is what ties them together.
"""

from __future__ import annotations

from collections.abc import Mapping

from hexie_desktop.core.ledgers import LEDGERS
from hexie_desktop.exchange.codec import TABLES

OWNER_COLUMNS: Mapping[str, tuple[str, ...]] = {
    # Registers and ledgers: declared with their spec (core/ledgers.py) — a register's row is its own
    # root, or belongs to the register record its ``owner`` field names (a key enterprise's visits).
    **{spec.table: spec.owner for spec in LEDGERS.values()},
    "cases": (),
    # Rows of a registry record.
    "checklist_items": ("org_id",),
    # Rows of a case.
    "parties": ("case_id",),
    "claims": ("case_id",),
    "mediation_sessions": ("case_id",),
    "agreements": ("case_id",),
    "agreement_items": ("agreement_id", "case_id"),
    "agreement_shares": ("agreement_id", "case_id"),
    "performance_records": ("item_id", "case_id"),
    "follow_ups": ("case_id",),
    "case_events": ("case_id",),
    "issued_documents": ("case_id", "org_id"),  # a case document, or an organization's wall boards
    "attachments": ("case_id",),  # else its owner_table/owner_id (a checklist item's photo)
    # Action plan: an early-warning lead is its own root (it may name an employer, key enterprise
    # or case, all of which must be the signer's); its follow-up records hang off it.
    "warning_leads": (),
    "warning_actions": ("lead_id",),
    # 选树: a nomination is its own root (the record or case it names must be the signer's);
    # its checked criteria hang off it.
    "selections": (),
    "selection_checks": ("selection_id",),
}
"""Table → the foreign keys leading to its owner, in order (empty: the table holds roots)."""

POLYMORPHIC: Mapping[str, tuple[str, str]] = {"attachments": ("owner_table", "owner_id")}
"""Table → (table-name column, id column) of an owner reference that is not a foreign key."""


def parent_of(table: str, column: str) -> str:
    """The table a foreign-key column of an exchanged table points at."""
    return dict(TABLES[table].foreign_keys)[column]


def root_path(table: str) -> list[tuple[str, str]]:
    """(table, owner column) steps from ``table`` to its root table, following the first owner column."""
    path: list[tuple[str, str]] = []
    current = table
    seen = {table}
    while OWNER_COLUMNS[current]:
        column = OWNER_COLUMNS[current][0]
        path.append((current, column))
        current = parent_of(current, column)
        if current in seen:
            raise ValueError(f"ownership cycle through {current}")
        seen.add(current)
    return path


def root_table(table: str) -> str:
    """The table holding the roots of ``table``'s rows (itself for a root table)."""
    path = root_path(table)
    return parent_of(*path[-1]) if path else table


def problems() -> list[str]:
    """What is wrong with the declared map (empty when every exchanged table is covered correctly)."""
    found: list[str] = []
    for name in TABLES:
        if name not in OWNER_COLUMNS:
            found.append(f"{name}: exchanged table without a declared owner")
    for name, columns in OWNER_COLUMNS.items():
        if name not in TABLES:
            found.append(f"{name}: declared but not exchanged")
            continue
        keys = dict(TABLES[name].foreign_keys)
        for column in columns:
            if column not in keys:
                found.append(f"{name}.{column}: owner column is not a foreign key")
        try:
            root_path(name)
        except (ValueError, KeyError) as exc:
            found.append(f"{name}: {exc}")
    for name, (table_column, id_column) in POLYMORPHIC.items():
        names = TABLES[name].name_set if name in TABLES else frozenset()
        if table_column not in names or id_column not in names:
            found.append(f"{name}: polymorphic owner columns missing")
    return found
