"""A township can only ever change its own data at the district (issue 15, points 1 and 2).

A district with three enrolled townships, each holding demo data in every exchanged table.
The hostile packages are signed with township A's **genuine** key, as an enrolled township
gone wrong would sign them:

* for every foreign key of every exchanged table (the ownership map, parametrized), a new row
  pointing at township B's record, and an existing row of A moved under B's record: refused
  (``E_OWNER``), every table of the district unchanged;
* for every exchanged table, a row claiming B's origin and a row reusing the id of one of B's
  rows: refused the same way;
* a forged issued-document hash for B's agreement: refused, and ``verify`` never answers 一致;
* values the township's own forms refuse (negative amounts, bad check digits, unknown codes
  and states, far dates, 40,000-character fields, control characters …): quarantined, naming
  table, row and field, the business tables unchanged, no traceback;
* and a legitimate package still applies fully.
"""

from __future__ import annotations

import copy
import hashlib
import io
import json
import os
import uuid
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update

from hexie_desktop.core.ids import make_credit_code, make_resident_id
from hexie_desktop.exchange import keys as keyring
from hexie_desktop.exchange import limits, ownership, state, validate
from hexie_desktop.exchange.codec import TABLES, to_json_dict
from hexie_desktop.exchange.errors import E_OWNER
from hexie_desktop.exchange.writer import write_package
from hexie_desktop.services import attachments, case_actions, case_queries, dashboard, printing
from hexie_desktop.services import exchange as ex
from hexie_desktop.services.demo.generate import generate
from hexie_desktop.storage import migrate
from hexie_desktop.storage.models import (
    Agreement,
    Case,
    ChecklistItem,
    ExchangePeer,
    ExchangeQuarantine,
    IssuedDocument,
    utcnow,
)
from tests.e2e.exchange_support import (
    PASSPHRASE,
    closing_cli,
    context,
    db_digest,
    district,
    register,
    township,
    trust,
)

CODES = {"A": "110105001", "B": "110105002", "C": "110105003"}
NAMES = {"A": ("东坝镇劳动人事争议调解中心", "东坝"), "B": ("金盏乡劳动人事争议调解中心", "金盏"),
         "C": ("将台乡劳动人事争议调解中心", "将台")}


@dataclass
class Town:
    """One enrolled township: its station, context and genuine keys."""

    letter: str
    station: Any
    ctx: Any
    keys: Any

    @property
    def code(self) -> str:
        """Unit code."""
        return CODES[self.letter]


class World:
    """A district holding the demo data of three townships, and a forge for A's genuine signature."""

    def __init__(self, root: Path, db_url: str | None = None) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        self.dist = district(None if db_url else root / "dist", db_url=db_url)
        self.dctx = context(self.dist)
        ex.write_card(self.dctx, root / "district.card", passphrase=PASSPHRASE)
        self.dkeys = ex.unlock(self.dist, PASSPHRASE)
        self.district_card = keyring.public_card(state.keys_dir(self.dist))
        self.towns: dict[str, Town] = {}
        for seed, letter in enumerate("ABC", start=1):
            name, short = NAMES[letter]
            station = township(root / letter, CODES[letter], name, short)
            ctx = context(station)
            ex.write_card(ctx, root / f"{letter}.card")
            trust(ctx, station, root / "district.card")
            trust(self.dctx, self.dist, root / f"{letter}.card")
            self._fill(ctx, station, seed)
            exported = ex.export_package(ctx, root / f"{letter}-1.hxp")
            applied = ex.import_packages(self.dctx, exported.paths, keys=self.dkeys)[0]
            assert applied.ok, applied.error
            assert applied.summary.totals().rejected == 0, "the demo data of a township must pass every rule"
            self.towns[letter] = Town(letter, station, ctx, keyring.load(state.keys_dir(station)))
        for name in TABLES:
            for letter in "AB":
                assert self.row(name, letter) is not None, f"no {name} row of {letter} to build the corpus from"
        self.counter = 0

    def _fill(self, ctx, station, seed: int) -> None:
        """Demo data in every table, plus attachments (case and checklist photo) and printed documents."""
        generate(ctx, cases=40, seed=seed)
        store = state.attachments_dir(station)
        scan = self.root / f"scan-{seed}.pdf"
        scan.write_bytes(b"%PDF-1.4 " + os.urandom(500))
        with station.db.read() as session:
            number = session.execute(select(Case.number).join(Agreement, Agreement.case_id == Case.id)
                                     .order_by(Case.number)).scalars().first()
            item = session.execute(select(ChecklistItem.id).order_by(ChecklistItem.id)).scalars().first()
        attachments.add_to_case(ctx, store, number, scan)
        photo = self.root / f"photo-{seed}.jpg"
        photo.write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(300))
        attachments.add_checklist_photo(ctx, store, item, photo)
        printing.print_case_document(ctx, "agreement", number, self.root / f"agreement-{seed}.pdf")

    # ---------------------------------------------------------------- reading the district

    def row(self, table: str, letter: str, **where: Any) -> dict[str, Any] | None:
        """One row of ``table`` held at the district for township ``letter`` (JSON values)."""
        spec = TABLES[table]
        query = select(spec.table).where(spec.table.c.origin == CODES[letter])
        for column, value in where.items():
            query = query.where(spec.table.c[column] == value)
        with self.dist.db.engine.connect() as conn:
            found = conn.execute(query.order_by(spec.table.c.id).limit(1)).mappings().first()
        return None if found is None else to_json_dict(spec, dict(found))

    def business_digest(self) -> str:
        """Digest of the exchanged tables only (quarantine and package bookkeeping excluded)."""
        digest = hashlib.sha256()
        with self.dist.db.engine.connect() as conn:
            for spec in TABLES.values():
                for found in conn.execute(select(spec.table).order_by(spec.table.c.id)):
                    digest.update(repr(tuple(found)).encode())
        return digest.hexdigest()

    # ---------------------------------------------------------------- forging

    def forge(self, rows: dict[str, list[dict[str, Any]]], *, signer: str = "A") -> Path:
        """A package of exactly these rows, signed with township ``signer``'s genuine key, numbered next."""
        town = self.towns[signer]
        with self.dist.db.read() as session:
            peer = session.get(ExchangePeer, town.code)
            sequence, epoch = peer.last_sequence + 1, peer.epoch
        self.counter += 1
        target = self.root / "corpus" / f"{self.counter:03d}.hxp"
        target.parent.mkdir(exist_ok=True)
        staging = self.root / "staging"
        staging.mkdir(exist_ok=True)

        def fill(payload):
            counts = {}
            for table in TABLES:
                if table in rows:
                    counts[table] = payload.add_lines(table, [limits.dumps(r) + b"\n" for r in rows[table]])
            return counts, 0

        write_package(target, keys=town.keys, kind="changes", to=[self.district_card], sequence=sequence,
                      epoch=epoch, epoch_base=0, based_on=None, change_from=0, change_to=10**6, created_at=utcnow(),
                      schema_version=migrate.head_revision(), audit_head="0" * 64, staging=staging, fill=fill)
        return target

    def send(self, path: Path, dry_run: bool = False) -> ex.Outcome:
        """Import one package at the district."""
        outcomes = ex.import_packages(self.dctx, [path], keys=self.dkeys, dry_run=dry_run)
        assert len(outcomes) == 1
        return outcomes[0]

    def dispose(self) -> None:
        """Close every database."""
        self.dist.db.dispose()
        for town in self.towns.values():
            town.station.db.dispose()


@contextmanager
def demo_township(folder: Path, *, cases: int, seed: int):
    """A lone township with demo data: (station, admin context); closed afterwards."""
    station = township(folder)
    try:
        ctx = context(station)
        generate(ctx, cases=cases, seed=seed)
        yield station, ctx
    finally:
        station.db.dispose()


def new_row(template: dict[str, Any], **changes: Any) -> dict[str, Any]:
    """A copy of ``template`` as a brand-new row of township A."""
    row = copy.deepcopy(template)
    row.update({"id": str(uuid.uuid4()), "version": 1, "origin": CODES["A"], **changes})
    return row


def next_version(template: dict[str, Any], **changes: Any) -> dict[str, Any]:
    """The next version of an existing row of township A."""
    row = copy.deepcopy(template)
    row.update({"version": row["version"] + 1, "change_seq": row["change_seq"] + 1, **changes})
    return row


FOREIGN_KEYS = [(table, column, parent) for table, spec in TABLES.items() for column, parent in spec.foreign_keys]
POLYMORPHIC = [("attachments", "owner_id", "checklist_items")]
REFERENCES = FOREIGN_KEYS + POLYMORPHIC


def _ids(cases: list[tuple]) -> list[str]:
    return [f"{c[0]}.{c[1]}" for c in cases]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory):
    made = World(tmp_path_factory.mktemp("trust"))
    yield made
    made.dispose()


def assert_refused(world: World, path: Path, *fragments: str) -> ex.Outcome:
    """The package is refused as a cross-township write, naming what it says, and nothing changed."""
    before = db_digest(world.dist)
    outcome = world.send(path)
    assert not outcome.ok and outcome.code == E_OWNER, outcome.error
    message = outcome.error.message
    assert "Traceback" not in message and "数据表" in message and "跨乡镇" in message
    for fragment in fragments:
        assert fragment in message, message
    assert db_digest(world.dist) == before
    assert list(state.staging_root(world.dist).iterdir()) == []
    return outcome


# ---------------------------------------------------------------- point 1: ownership


def test_every_exchanged_table_has_a_declared_owner_and_rules():
    assert ownership.problems() == []
    assert validate.problems() == []
    assert set(ownership.OWNER_COLUMNS) == set(TABLES)
    for table in ("parties", "claims", "mediation_sessions", "agreements", "agreement_items", "performance_records",
                  "follow_ups", "case_events", "issued_documents", "attachments"):
        assert ownership.root_table(table) == "cases"
    assert ownership.root_table("checklist_items") == "mediation_orgs"
    assert ownership.root_table("enterprise_visits") == ownership.root_table("layoff_plans") == "key_enterprises"


def refuse_reference(world: World, table: str, column: str, parent: str, *, move: bool, victim: str = "B") -> None:
    """A's row (new, or an existing one moved) pointing at ``victim``'s ``parent`` record is refused."""
    target = world.row(parent, victim)
    extra = {"owner_table": parent} if (table, column) == ("attachments", "owner_id") else {}
    template = world.row(table, "A")
    hostile = (next_version if move else new_row)(template, **{column: target["id"]}, **extra)
    assert_refused(world, world.forge({table: [hostile]}), table, hostile["id"], CODES[victim])


@pytest.mark.parametrize("table,column,parent", REFERENCES, ids=_ids(REFERENCES))
def test_a_new_row_under_another_townships_record_is_refused(world: World, table, column, parent):
    refuse_reference(world, table, column, parent, move=False)


@pytest.mark.parametrize("table,column,parent", REFERENCES, ids=_ids(REFERENCES))
def test_moving_a_row_under_another_townships_record_is_refused(world: World, table, column, parent):
    refuse_reference(world, table, column, parent, move=True, victim="C")


@pytest.mark.parametrize("table", list(TABLES))
def test_a_row_claiming_another_townships_origin_is_refused(world: World, table):
    hostile = new_row(world.row(table, "A"), origin=CODES["B"])
    assert_refused(world, world.forge({table: [hostile]}), table, CODES["B"])


def refuse_reused_id(world: World, table: str) -> None:
    """A's row carrying the id of one of B's rows is refused."""
    victim = world.row(table, "B")
    hostile = next_version(world.row(table, "A"), id=victim["id"], version=victim["version"] + 5)
    assert_refused(world, world.forge({table: [hostile]}), table, victim["id"], CODES["B"])


@pytest.mark.parametrize("table", list(TABLES))
def test_reusing_the_id_of_another_townships_row_is_refused(world: World, table):
    refuse_reused_id(world, table)


def test_a_hostile_row_among_good_ones_refuses_the_whole_package(world: World):
    good = new_row(world.row("claims", "A"), description="补充请求")
    victim = world.row("cases", "B")
    hostile = new_row(world.row("parties", "A"), case_id=victim["id"], name="冒名申请人")
    outcome = assert_refused(world, world.forge({"claims": [good], "parties": [hostile]}), "parties")
    assert outcome.code == E_OWNER
    dry = world.send(world.forge({"claims": [good], "parties": [hostile]}), dry_run=True)
    assert not dry.ok and dry.code == E_OWNER


def test_the_attacks_of_the_issue_are_refused(world: World):
    """Fake applicants, a 10,000,000 元 payment, a fake agreement and a fake closing event on B's case."""
    case = world.row("cases", "B")
    agreement = world.row("agreements", "B")
    item = world.row("agreement_items", "B", agreement_id=agreement["id"])
    rows = {
        "parties": [new_row(world.row("parties", "A"), case_id=case["id"], name="假申请人")],
        "performance_records": [new_row(world.row("performance_records", "A"), case_id=agreement["case_id"],
                                        item_id=item["id"], amount_cents=1_000_000_000)],
        "agreements": [new_row(world.row("agreements", "A"), case_id=case["id"])],
        "case_events": [new_row(world.row("case_events", "A"), case_id=case["id"], action="close",
                                from_state="performed", to_state="closed", seq=99)],
    }
    for table, hostile in rows.items():
        assert_refused(world, world.forge({table: hostile}), table)
    assert_refused(world, world.forge(rows))


def test_a_forged_document_hash_never_verifies(world: World):
    """An issued-document row for B's agreement, sent by A, is refused; verify answers 不一致."""
    issued = world.row("issued_documents", "B", doc_type="agreement")
    forged_hash = hashlib.sha256(b"forged agreement").hexdigest()
    qr = f"HEXIE1|{issued['case_id']}|{forged_hash}"
    genuine = printing.verify(world.dctx, f"HEXIE1|{issued['case_id']}|{issued['content_hash']}")
    assert genuine.match and "一致" in genuine.message
    forged = new_row(world.row("issued_documents", "A"), case_id=issued["case_id"], content_hash=forged_hash,
                     doc_type="agreement")
    assert_refused(world, world.forge({"issued_documents": [forged]}), "issued_documents", CODES["B"])
    answer = printing.verify(world.dctx, qr)
    assert not answer.match and answer.message.startswith("不一致")


def test_verify_ignores_a_document_row_of_another_station(tmp_path: Path):
    """Defence in depth: even a row that got in (an older program version) never makes verify say 一致."""
    with demo_township(tmp_path / "t", cases=20, seed=5) as (station, ctx):
        with station.db.read() as session:
            number = session.execute(select(Case.number).join(Agreement, Agreement.case_id == Case.id)
                                     .order_by(Case.number)).scalars().first()
        printed = printing.print_case_document(ctx, "agreement", number, tmp_path / "a.pdf")
        forged_hash = "ab" * 32
        with station.db.transaction() as session:
            genuine = session.get(IssuedDocument, printed.document_id)
            case_id = genuine.case_id
            session.info["passthrough"] = True
            session.add(IssuedDocument(case_id=case_id, doc_type="agreement", number=genuine.number,
                                       issuer="冒充者", content_hash=forged_hash, origin="110105009", version=1,
                                       change_seq=1, updated_at=utcnow(), issued_at=utcnow()))
        assert not printing.verify(ctx, f"HEXIE1|{case_id}|{forged_hash}").match
        assert printing.verify(ctx, f"HEXIE1|{case_id}|{printed.content_hash}").match


def test_the_command_line_refuses_a_cross_township_package(world: World, monkeypatch):
    victim = world.row("cases", "B")
    path = world.forge({"parties": [new_row(world.row("parties", "A"), case_id=victim["id"])]})
    login = ("users", "audit_log")  # the command line logs the admin in: that is not the import
    before, business = db_digest(world.dist, skip=login), world.business_digest()
    monkeypatch.setenv("HEXIE_PASSWORD", "secret123")
    monkeypatch.setenv("HEXIE_KEY_PASSPHRASE", PASSPHRASE)
    world.dist.db.dispose()
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = closing_cli(monkeypatch)(["--data-dir", str(world.dist.paths.root), "import", str(path)])
    assert code == 1, (out.getvalue(), err.getvalue())
    assert E_OWNER in err.getvalue() and "跨乡镇" in err.getvalue() and "Traceback" not in err.getvalue()
    assert db_digest(world.dist, skip=login) == before and world.business_digest() == business


# ---------------------------------------------------------------- point 2: business rules at import


def _bad_id() -> str:
    good = make_resident_id("110105", date(1990, 5, 17), 123)
    return good[:17] + ("0" if good[17] != "0" else "1")


def _bad_credit_code() -> str:
    good = make_credit_code("91110105MA01ABCD2")
    return good[:17] + ("0" if good[17] != "0" else "1")


BAD_VALUES: list[tuple[str, str, str, Any]] = [
    ("negative claim amount", "claims", "amount_cents", -100),
    ("negative item amount", "agreement_items", "amount_cents", -1),
    ("payment beyond 1,000 亿元", "performance_records", "amount_cents", 10**15),
    ("ID number with a bad check digit", "parties", "id_number", _bad_id()),
    ("coordinator ID with a bad check digit", "coordinators", "id_number", _bad_id()),
    ("credit code with a bad check character", "employers", "credit_code", _bad_credit_code()),
    ("phone that is no phone", "parties", "phone", "12345"),
    ("unknown claim category", "claims", "category", "bribe"),
    ("case state 'hacked'", "cases", "state", "hacked"),
    ("unknown case source", "cases", "source", "telepathy"),
    ("event to state 'hacked'", "case_events", "to_state", "hacked"),
    ("unknown event action", "case_events", "action", "erase"),
    ("unknown satisfaction", "follow_ups", "satisfaction", "ecstatic"),
    ("unknown organization type", "mediation_orgs", "org_type", "mafia"),
    ("unknown ID type", "parties", "id_type", "alien"),
    ("unknown checklist status", "checklist_items", "status", "bribed"),
    ("unknown document type", "issued_documents", "doc_type", "banknote"),
    ("received 9999-12-20", "cases", "received_on", "9999-12-20"),
    ("infringement known 9999-12-20", "cases", "infringement_known_on", "9999-12-20"),
    ("item due 9999-12-20", "agreement_items", "due_on", "9999-12-20"),
    ("event on 0001-01-01", "case_events", "on_date", "0001-01-01"),
    ("visit on 0001-01-01", "enterprise_visits", "visited_on", "0001-01-01"),
    ("time 9999-12-31", "cases", "updated_at", "9999-12-31T23:59:59"),
    ("40,000-character facts", "cases", "facts", "事" * 40_000),
    ("40,000-character statements", "mediation_sessions", "statements", "说" * 40_000),
    ("NUL in a name", "parties", "name", "张\x00三"),
    ("ESC in a name", "parties", "name", "张三\x1b[2J\x1b[31m"),
    ("BEL in an employer name", "employers", "name", "公司\x07"),
    ("VT in a mediator name", "mediators", "name", "王\x0b五"),
    ("line break in a single-line field", "parties", "name", "张三\n李四"),
    ("ESC in a multi-line note", "case_events", "note", "备注\x1b]0;pwned\x07"),
    ("bidi override in a title", "attachments", "title", "scan\u202efdp.exe"),
    ("blank applicant name", "parties", "name", "   "),
    ("content hash not hex", "issued_documents", "content_hash", "z" * 64),
    ("attachment hash not hex", "attachments", "sha256", "../" * 21 + "x"),
    ("worker count beyond the column", "cases", "workers", 2**40),
    ("version beyond the column", "claims", "version", 2**40),
    ("negative employee count", "employers", "employees", -5),
    ("year 0", "cultivations", "year", 0),
    ("division code of no province", "employers", "division_code", "990000"),
]


def _quarantine_of(world: World, row_id: str) -> list[ExchangeQuarantine]:
    with world.dist.db.read() as session:
        found = session.execute(select(ExchangeQuarantine).where(ExchangeQuarantine.row_id == row_id)).scalars()
        return [copy.copy(q) for q in found]


def quarantine_bad_value(world: World, label: str, table: str, column: str, value: Any) -> None:
    """A new row of A with this value is quarantined naming table, row and field; nothing else changes."""
    template = world.row(table, "A", id_type="resident_id") if (table, column) == ("parties", "id_number") \
        else world.row(table, "A")
    bad = new_row(template, **{column: value})
    before = world.business_digest()
    outcome = world.send(world.forge({table: [bad]}))
    assert outcome.ok, f"{label}: {outcome.error}"
    counts = outcome.summary.tables[table]
    assert (counts.rejected, counts.new) == (1, 0), label
    assert world.business_digest() == before, f"{label}: a business table changed"
    [kept] = _quarantine_of(world, bad["id"])
    assert kept.table_name == table and kept.origin == CODES["A"]
    assert column in kept.reason, f"{label}: the reason must name the field: {kept.reason}"
    assert "Traceback" not in kept.reason and "\x1b" not in kept.reason and "\x00" not in kept.reason


@pytest.mark.parametrize("label,table,column,value", BAD_VALUES, ids=[c[0] for c in BAD_VALUES])
def test_a_value_the_township_could_not_enter_is_quarantined(world: World, label, table, column, value):
    quarantine_bad_value(world, label, table, column, value)


def test_an_update_breaking_a_rule_is_quarantined_and_the_stored_version_kept(world: World):
    claim = world.row("claims", "A")
    changed = next_version(claim, amount_cents=-500)
    before = world.business_digest()
    outcome = world.send(world.forge({"claims": [changed]}))
    assert outcome.ok and outcome.summary.tables["claims"].rejected == 1
    assert world.business_digest() == before
    assert world.row("claims", "A", id=claim["id"])["amount_cents"] == claim["amount_cents"]


def test_state_consistency_inside_a_row(world: World):
    closed = new_row(world.row("cases", "A"), state="closed", closed_on=None, seq=90_001)
    item = world.row("agreement_items", "A")
    overpaid = new_row(item, paid_cents=item["amount_cents"] + 1)
    for table, bad, column in (("cases", closed, "closed_on"), ("agreement_items", overpaid, "paid_cents")):
        outcome = world.send(world.forge({table: [bad]}))
        assert outcome.ok and outcome.summary.tables[table].rejected == 1
        [kept] = _quarantine_of(world, bad["id"])
        assert column in kept.reason


def test_a_legitimate_package_still_applies_fully(world: World):
    town = world.towns["C"]  # A's numbering at the district moved on with the forged packages applied above
    [number] = register(town.ctx, "赵六")
    case_actions.apply(town.ctx, number, "accept", {"on": "2026-11-20"})
    exported = ex.export_package(town.ctx, world.root / "legit.hxp")
    outcome = world.send(exported.paths[0])
    assert outcome.ok, outcome.error
    totals = outcome.summary.totals()
    assert totals.rejected == 0 and totals.conflicts == 0 and totals.new + totals.updated > 0
    receipt = ex.import_packages(town.ctx, [outcome.receipt_path])[0]
    assert receipt.ok, receipt.error
    assert world.row("cases", "C", number=number)["state"] == "accepted"


# ---------------------------------------------------------------- far dates do not crash the display


def test_far_dates_do_not_crash_case_show_or_the_dashboard(tmp_path: Path):
    """A far-future date stored by an older version (or by hand) must not break the screens."""
    with demo_township(tmp_path / "t", cases=10, seed=3) as (station, ctx):
        with station.db.transaction() as session:
            session.info["passthrough"] = True
            numbers = session.execute(select(Case.number).order_by(Case.number)).scalars().all()
            session.execute(update(Case).where(Case.number == numbers[0]).values(
                received_on=date(9999, 12, 20), infringement_known_on=date(9999, 12, 20),
                mediation_extended_until=date(9999, 12, 31), closed_on=date(9999, 12, 25)))
            session.execute(update(Case).where(Case.number == numbers[1]).values(
                received_on=date(1, 1, 1), infringement_known_on=date(1, 1, 1)))
        for number in numbers[:2]:
            shown = case_queries.show(ctx, number)
            assert shown["number"] == number and json.dumps(shown, default=str)
        dashboard.dashboard(ctx)


# ---------------------------------------------------------------- the same on a PostgreSQL district


@pytest.fixture(scope="module")
def pg_world(tmp_path_factory: pytest.TempPathFactory):
    from tests.e2e import postgres

    if postgres.binaries() is None:
        pytest.skip("SKIPPED LOUDLY: PostgreSQL binaries (initdb, pg_ctl) are not installed — "
                    "run scripts/setup.sh --test to test the district on PostgreSQL")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.skip("SKIPPED LOUDLY: psycopg is not installed — run scripts/setup.sh --test")
    root = tmp_path_factory.mktemp("trust-pg")
    server = postgres.PostgresServer.start()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HEXIE_DATA_DIR", str(root / "local"))
        made = None
        try:
            made = World(root / "world", db_url=server.create_database("district_trust_rows"))
            assert made.dist.db.engine.dialect.name == "postgresql"
            yield made
        finally:
            if made is not None:
                made.dispose()
            server.stop()


@pytest.mark.postgres
def test_postgresql_district_refuses_every_cross_township_row(pg_world: World):
    for table, column, parent in REFERENCES:
        refuse_reference(pg_world, table, column, parent, move=False)
        refuse_reference(pg_world, table, column, parent, move=True, victim="C")
    for table in TABLES:
        refuse_reused_id(pg_world, table)


@pytest.mark.postgres
def test_postgresql_district_quarantines_every_bad_value(pg_world: World):
    for case in BAD_VALUES:
        quarantine_bad_value(pg_world, *case)


def test_the_shared_employer_register_is_one_copy_per_township(world: World):
    """Same credit code as B's employer: A's own copy is accepted as A's row; B's copy stays as it was."""
    theirs = world.row("employers", "B")
    assert theirs["credit_code"]
    mine = new_row(world.row("employers", "A"), credit_code=theirs["credit_code"], name=theirs["name"])
    outcome = world.send(world.forge({"employers": [mine]}))
    assert outcome.ok and outcome.summary.tables["employers"].new == 1, outcome.error
    assert world.row("employers", "B", id=theirs["id"]) == theirs
    assert world.row("employers", "A", id=mine["id"])["credit_code"] == theirs["credit_code"]


def test_control_characters_in_a_field_name_are_not_stored_raw(world: World):
    row = new_row(world.row("claims", "A"))
    row["\x1b[2Jcolour"] = "red"
    outcome = world.send(world.forge({"claims": [row]}))
    assert outcome.ok and outcome.summary.tables["claims"].rejected == 1
    [kept] = _quarantine_of(world, row["id"])
    assert "\x1b" not in kept.reason and "未知字段" in kept.reason
