"""Benchmark of the exchange on N synthetic cases, beside baselines measured in the same run.

Run:  .venv/bin/python tests/perf/bench_exchange.py [--cases 100000] [--postgres] [--no-write]

A township with N demo cases exports everything; a district (SQLite, and with ``--postgres``
also PostgreSQL started on loopback by tests/e2e/postgres.py) imports it and writes the
receipt; the township takes the receipt, accepts up to 100 cases and exports again; the
district imports that small package.  Baselines in the same run:

* the raw pipeline of the same rows: plain ``SELECT`` of every exchanged row → JSON lines →
  ``age`` (pyrage) encryption — what an export cannot avoid;
* raw ``age`` decryption of the same payload, and a raw ``executemany`` of the same rows into
  an empty SQLite database — what an import cannot avoid.

The table goes into docs/PERFORMANCE.md, section "Exchange" (tests/perf/perfdoc.py).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

import pyrage

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from hexie_desktop.exchange import apply, container  # noqa: E402
from hexie_desktop.exchange.codec import TABLES  # noqa: E402
from hexie_desktop.services import case_actions, cases  # noqa: E402
from hexie_desktop.services import exchange as ex  # noqa: E402
from hexie_desktop.services.demo import generate  # noqa: E402
from hexie_desktop.services.station import init_station, open_station  # noqa: E402
from tests.perf import perfdoc  # noqa: E402

PASSPHRASE = "bench-passphrase"
NOTES = """\
How the first import works now (issue 12): a chunk of 2,000 lines is read in blocks, parsed by orjson
in one `map` (the C scanner of the strict parser when orjson is missing), and checked column by column
(`exchange/fastpath.py`): a set of types per column, `max(map(len, …))`, one `isprintable()` over
the joined column, the business rules of `exchange/validate.py` once per **distinct** value (ranges
of amounts, counts and days on the smallest and largest value, codes by set membership, text
rules over the joined column), a row rule once per distinct combination of the columns it reads;
duplicate keys show as more `"` in the text than the values account for. Ownership is checked by
set: no id already held (by anyone), every parent a row of the sender.
Such a chunk goes into the table with one `executemany` (COPY on PostgreSQL). The fast path only
ever accepts: anything unusual (a wrong type, a value one rule refuses, a held id, a foreign or
missing parent, an escape, whitespace, NaN, an integrity error) sends the chunk through the per-row
path — the one before, unchanged, with its own errors, quarantine and refusals. So the trust rules
of issue 15 are exactly as strict; `tests/unit/test_exchange_fastpath.py` applies generated hostile
packages both ways and requires the same outcome, quarantine, conflicts and rows, and the hostile
and corruption tests (`tests/e2e/test_exchange*`) stay green. The row “fast path switched off” is
that per-row path alone on the same package in the same run (reading, digest and search index as
now, so it is faster than the code before).

What is left, and the goal: measured in CPU seconds — the figure the load of this shared machine
disturbs least — the import costs about four to five times the raw insert of the same rows, about
40,000 rows per CPU second. The `executemany` itself costs what the raw insert costs; the rest is
Python that a package cannot skip: the column checks (about 4 µs a row, the ID and phone numbers of
the parties the largest part), the parse (under 2 µs a row with orjson), the search text of the
cases with its FTS5 trigram index, the recomputed digest of a full package (one SHA-256 per row),
and a fixed part (signature, decryption, claim, audit, receipt, commit). The goal of 50k rows/s is
**not met** on this machine: the raw insert alone runs at 80–90k rows/s when the machine is quiet
and at a third of that under load, and the import's wall time moves twofold with the load (7.4 s
to 13.5 s for the same 164,910 rows on 2026-12-04). PostgreSQL runs the same checks and sends the
rows with COPY; its ratio to SQLite moved with the load between 0.8 and 1.6 in the runs made for
issue 12; its own part is the end of each COPY (foreign-key triggers and indexes) and the id probes.

Small packages: the next export asks one statement which tables have changed rows and reads only
those, with SQL text instead of a compiled statement per table; the district's receipt counts the
township's rows per table in one statement; an empty table is not probed for held ids. What remains
is the package itself (age, Ed25519, ZIP, fsync), the claim and audit rows, and, in a new process,
loading the migration scripts for the schema version and SQLAlchemy's compilation of the statements
a process uses the first time (about 0.1 s of CPU each way at 2,000 cases, measured with cProfile).

The district of 30 townships × 5,000 cases on PostgreSQL was run (section “District of 30
townships” below) with the import as it stood before the column fast path (1.8–3.8k rows/s there);
from the figures above a township of 5,000 cases is about 80,000 rows, about 2 CPU seconds of import
with the fast path, so 30 first imports now cost about 60 CPU seconds on the importing desktop (each
holds only its own township's lock, so two clients can import two townships at once); afterwards
each small package costs the same fixed time whatever the district holds.  Nothing in it needs a
second machine: PostgreSQL holds a province's rows on one server; the limit is the CPU of the
desktop that imports.

### Session 5: the first import's Python cost (issue 12, importfast)

What changed (the fast path still only ever accepts; the per-row path is untouched):

* the chunk parser is orjson (pinned in pyproject.toml); the stdlib scanner stays as the fallback.
  Every line must run from `{` to `}`; `\\u` escapes, NaN/Infinity, control characters, broken
  UTF-8 (encoded surrogates, overlong forms — orjson refuses exactly what Python's decoder refuses)
  go to the per-row path; an integer beyond 64 bits, which orjson reads as a float, is refused by
  the column check (no column takes a float).  `tests/unit/test_exchange_fastpath.py` holds both
  parsers to `limits.loads` on generated token soup and on generated UTF-8 byte strings;
* `core/ids.py`: the MOD 11-2 check character from three-digit group tables (built on first use,
  not at start), the digit test of an 18-character number in one `isdigit()` on ASCII (the loop only
  names the bad position), an ASCII shortcut in `_normalize`, the phone separators compiled once —
  the check character 0.5–2.3 µs instead of 11–12 µs, `check_resident_id` 13–16 µs instead of
  26–27 µs (alternate runs at 22:03, load 7), same answers (property tests against the weighted sum
  and the NFKC fold);
* a row rule (`validate.ROW_RULES`) runs once per distinct combination of the columns it reads
  (`validate.ROW_RULE_COLUMNS`; a test fails when a rule reads an undeclared column), instead of on a
  dict of every column built per row;
* the search text of imported cases: batches of 5,000 cases, the ids bound as one JSON text (an array
  on PostgreSQL), SQL text instead of a compiled `IN` of 500 parameters, the FTS5 rows of a batch in
  one statement; a test compares it with the text of a case saved here, in FTS5 too, once at a time
  and in batches (rids freed by the drop are taken again);
* the digest recompute hashes through `map` pipelines (one origin per chunk read without grouping),
  tested against the sum of `row_hash`; owner checks by set; "does the table hold rows" as SQL text.

Before/after, CPU seconds of each stage of the first import of 3,000 cases (50,111 rows) on a copy
of the same empty district, main at 64f162b and this code run alternately at 21:58–22:00
(load 7; wall times 7.8–9.0 s, so only the CPU is worth reading): parse 0.22–0.24 → **0.08**,
column checks 0.24 → 0.20–0.22, insert 0.34–0.36 → 0.32–0.35 (the `executemany` itself ≈ 0.29),
search text 0.13–0.15 → 0.15–0.18 (unchanged within the noise: the FTS5 trigram index and the
three reads are most of it), digest 0.07–0.10 → 0.07–0.09; the whole import 1.29–1.42 → **1.14–1.25
CPU seconds** (about 12 % less).  At 10,000 cases see the row “the same first import … before
against this code” above.

Small packages at 100,000 cases (a copy of the 100,000-case township of “Speed at scale”, 1,640,212
rows, and a new district; 2026-12-04 21:56–22:04, load 7, one run, script kept out of the tree):
after 44 accepted cases the next export of 88 rows took **0.08 s** (CPU 0.02 s) twice, and the
district's import of it with its signed receipt **0.23 s and 0.26 s** (CPU 0.09 s, as at 10,000
cases) — within the goal (≤ 0.3 s, independent of the station's size).  The first import
of those 1,640,212 rows took 242 s wall, **64 s CPU = 25.5k rows per CPU second** (the full export
before it 155 s wall, 30 s CPU): per row a third slower than at 10,000 cases, probably the larger
UUID indexes of a 1.6-million-row district (no raw baseline was run at this size).

What is left after this session, in CPU seconds of the 10,000-case first import (3.7 s, 164,910
rows, measured by stage at 22:12): `executemany` with its bind conversion 1.0 (the raw insert's
whole CPU is 0.9), column checks 0.58 (a third of it the parties' ID and phone numbers, one check
per person), digest recompute 0.48 (a SHA-256 per row, 0.24, and reading the rows by origin), search
text 0.45, parse 0.32, reading the payload 0.14, and 0.8 outside the rows: commit, the checkpoint
after it (storage/db.py copies the WAL into the database; during an import it also tries a
checkpoint after every chunk's savepoint and logs "checkpoint after commit failed: SQLITE_LOCKED"
each time — harmless, but worth a look), signature, claim and receipt.  Beyond that the next step
would be computing the digest and the search text from the checked columns in memory instead of
reading the rows back.

### Session 5, second round: digest without reading back; a check-ahead worker tried and removed (issue 12)

What changed (the per-row path and every refusal untouched; the fast path still only ever accepts):

* *The fixed part, profiled* (cProfile of the 10,000-case first import, 22:19, load 2): of the
  ~0.8 CPU s outside the rows, 0.41 s was the digest recompute of the full package (reading all
  164,910 rows back by origin and a SHA-256 each) and 0.28–0.47 s SQLite's `commit` itself (the
  dirty pages of the 256 MiB cache written to the WAL with its fsync, then copied into the
  database file by the checkpoint — issue 9's crash safety, kept); the rest (claim, signature,
  receipt, audit) is under 0.1 s.  The "checkpoint after commit failed: SQLITE_LOCKED" per chunk
  that the first round saw no longer occurs (a savepoint's end is recognised in `storage/db.py`).
* *Digest of a first full package from the checked columns* (`ApplyResult.held`,
  `digest.hash_sum`, `digest.replace`/`rebuild(known=…)`): when a township that holds **no** row at
  the district sends a full package and every chunk goes in by the fast path (so its rows are
  exactly the package's: own origin, new ids, no repeats), the per-table sums of the row hashes are
  added while inserting and stored as its kept digest; when the digest is not maintained yet, only
  the *other* origins' rows are read to rebuild it.  Any chunk through the per-row path, or rows
  held before, and the recompute from the rows runs as before.  Test: the sums equal
  `digest.compute`, `digest.verify` finds nothing, the stored rows equal a full `rebuild`, and the
  three cases that must recompute do.  This saves the read-back; the SHA-256 per row is the
  protocol's and stays (≈0.25 CPU s).
* *Checks ahead in a worker*, tried and removed: a worker process (forked on Linux, spawned
  elsewhere) parsed and checked the next two chunks with the importing process's own functions and
  summed their digest hashes while the importing process made the ownership checks and inserted;
  any failure of the worker sent the chunks back to the importing process.  Tested against the
  per-row path like the rest, but never faster, so it was taken out again (session 5, by the lead:
  an import path that no station runs is not kept).

Why it went: it took 0.4–0.5 CPU s off the importing process (2.3–2.4 s instead of 2.8–2.9 s) but the
import took *longer* in every run, quiet or not: 3.5–3.6 s forked against 3.0–3.1 s in-process
(alternate runs at 22:43, load 2), 3.5 s against 2.6 s in the table's run at load 1.7 (3.7 s
against 3.1 s at 1.2); spawned
(a second interpreter start, ≈1 s) 3.8–4.2 s against 2.8–2.9 s.  Per chunk the worker's share
(parse 0.3 + checks 0.55 + hashes 0.25 s for 110 chunks) is as large as the insert's, and the
pipeline drains at every table's end (32 tables, most of them one chunk), so little overlaps while
the hand-over costs both processes.  To make it pay: keep the pipeline going across tables and
split the checks between both processes; then measure on an idle second core.

Measured (the table above, 22:47, load 1.7–2.0, and alternate runs of one 10,000-case package on copies
of the same empty district, 22:41, load 2): CPU of the import 2.9–3.3 s before (`ad3b251`) against
2.7–2.8 s now in the alternate runs, 2.6 s against 2.5 s in the table's fresh processes (`b91d103` has
the same exchange code as `ad3b251`) — the read-back saved is 0.1–0.3 CPU s, within the load's noise.
Wall time at these quiet moments: **52–64k rows/s** now (2.6–3.2 s), 45–61k rows/s before, so the
10,000-case first import now meets the **≥ 50k rows/s** goal when the machine is quiet; under the
evening's usual load (3–4) it does not (19–28k rows/s in the runs at 22:25–22:31, the baselines moving
alike).  PostgreSQL: 1.26–1.48× SQLite in the runs of this round (goal ≤ 1.5×, kept).

What is left, CPU of the 10,000-case import (≈2.8 s): `executemany` ≈1.0 (the raw insert's whole CPU is
0.8), column checks ≈0.55, the search text ≈0.4 (0.2 of it FTS5's trigram index of 10,000 bodies, the
rest three reads and `case_text`, which could be built from the checked columns, ≈−0.15 s), commit with
its checkpoint 0.3–0.5, parse 0.3, the digest's SHA-256 per row 0.25, reading the payload 0.14.
"""
TOWN, DISTRICT = "110105001", "110105"


def _timed(fn):
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def _timed_cpu(fn):
    """(result, seconds, CPU seconds of this process) — under load the CPU time is the steadier figure."""
    start, cpu = time.perf_counter(), time.process_time()
    result = fn()
    return result, time.perf_counter() - start, time.process_time() - cpu


def _mb(size: int) -> str:
    return f"{size / 1e6:.1f} MB"


def _rss() -> str:
    return f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"


def _cols(spec) -> str:
    return ", ".join(f'"{name}"' for name in spec.names)


def raw_pipeline(database: Path, origin: str, out: Path, recipient: pyrage.x25519.Recipient) -> tuple[int, float]:
    """Plain SELECT of every exchanged row → JSON lines → age: (rows, seconds)."""
    start = time.perf_counter()
    rows = 0
    plain = out.with_suffix(".jsonl")
    connection = sqlite3.connect(database)
    with open(plain, "wb") as handle:
        for name, spec in TABLES.items():
            cursor = connection.execute(f"SELECT {_cols(spec)} FROM {name} WHERE origin = ?", (origin,))
            names = spec.names
            while batch := cursor.fetchmany(5000):
                handle.write(b"".join(
                    json.dumps(dict(zip(names, row, strict=True)), ensure_ascii=False).encode() + b"\n"
                    for row in batch))
                rows += len(batch)
    connection.close()
    pyrage.encrypt_file(str(plain), str(out), [recipient])
    return rows, time.perf_counter() - start


def raw_insert(source: Path, target: Path, origin: str) -> tuple[int, float, float]:
    """A raw executemany of the same rows into an empty copy of the schema: (rows, seconds, CPU seconds)."""
    reader = sqlite3.connect(source)
    schema = [sql for (sql,) in reader.execute(
        "SELECT sql FROM sqlite_master WHERE type IN ('table', 'index') AND sql IS NOT NULL "
        "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'case_fts%'")]
    data = {name: reader.execute(f"SELECT {_cols(spec)} FROM {name} WHERE origin = ?", (origin,)).fetchall()
            for name, spec in TABLES.items()}
    reader.close()
    writer = sqlite3.connect(target)
    for sql in schema:
        writer.execute(sql)
    writer.commit()
    start, cpu = time.perf_counter(), time.process_time()
    rows = 0
    with writer:
        for name, spec in TABLES.items():
            marks = ", ".join("?" for _name in spec.names)
            writer.executemany(f"INSERT INTO {name} ({_cols(spec)}) VALUES ({marks})", data[name])
            rows += len(data[name])
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    writer.close()
    return rows, seconds, cpu


def main() -> None:
    """Run the benchmark and update docs/PERFORMANCE.md."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--postgres", action="store_true", help="also a district on PostgreSQL (COPY)")
    parser.add_argument("--no-write", action="store_true", help="print only, leave docs/PERFORMANCE.md alone")
    parser.add_argument("--before", metavar="CHECKOUT", type=Path,
                        help="also time the first import with the code of another checkout (e.g. /work/main), "
                             "on a copy of the same empty district, in this run")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="hexie-bench-exchange-"))
    load_before = perfdoc.load()
    town = init_station(data_dir=work / "town", db_url=None, role="township", unit_code=TOWN,
                        unit_name="东坝镇劳动人事争议调解中心", short_name="东坝", admin="admin", password="bench123",
                        first_mediator="王调解")
    dist = init_station(data_dir=work / "dist", db_url=None, role="district", unit_code=DISTRICT,
                        unit_name="朝阳区劳动人事争议仲裁院", short_name="朝阳", admin="admin", password="bench123",
                        key_passphrase=PASSPHRASE)
    tctx, dctx = town.context(), dist.context()
    print(f"generating {args.cases} cases …", flush=True)
    _report, gen_s = _timed(lambda: generate(tctx, cases=args.cases, seed=1))
    ex.write_card(dctx, work / "d.card")
    ex.write_card(tctx, work / "t.card")
    for ctx, card in ((tctx, work / "d.card"), (dctx, work / "t.card")):
        ex.trust_card(ctx, card, fingerprint=ex.read_card(card).fingerprint)
    keys = ex.unlock(dist, PASSPHRASE)

    print("raw pipeline …", flush=True)
    raw_rows, raw_s = raw_pipeline(town.paths.database, TOWN, work / "raw.age", keys.identity.to_public())
    print("export …", flush=True)
    first, export_s = _timed(lambda: ex.export_package(tctx, work / "p1.hxp"))
    package = first.paths[0]
    assert first.rows == raw_rows, (first.rows, raw_rows)
    box = container.open_container(package)
    plain = work / "payload.zip"
    with box.open_payload() as source, open(plain, "wb") as out:
        _none, age_decrypt_s = _timed(lambda: pyrage.decrypt_io(source, out, keys.identities))
    box.close()
    _rows, raw_insert_s, raw_insert_cpu = raw_insert(town.paths.database, work / "raw-insert.sqlite3", TOWN)

    # the same empty district twice: once for the import as it is, once for the per-row path alone
    dist.db.dispose()
    shutil.copytree(work / "dist", work / "dist-per-row")
    if args.before is not None:
        shutil.copytree(work / "dist", work / "dist-before")
        shutil.copytree(work / "dist", work / "dist-now")
    shutil.copytree(work / "dist", work / "dist-in-process")
    shutil.copytree(work / "dist", work / "dist-worker")
    print("district import, per-row path only …", flush=True)
    per_row = open_station(data_dir=work / "dist-per-row")
    apply.FAST_PATH = False
    try:
        slow, slow_s, slow_cpu = _timed_cpu(lambda: ex.import_packages(per_row.context(), [package], keys=keys)[0])
    finally:
        apply.FAST_PATH = True
    assert slow.ok, slow.error
    per_row.db.dispose()
    before = now = None
    if args.before is not None:  # both in a fresh child process each (cold caches alike), one after the other
        before = _import_elsewhere(args.before, work / "dist-before", package)
        now = _import_elsewhere(ROOT, work / "dist-now", package)
    print("district import …", flush=True)
    applied, import_s, import_cpu = _timed_cpu(lambda: ex.import_packages(dctx, [package], keys=keys)[0])
    assert applied.ok, applied.error
    assert applied.summary.as_dict() == slow.summary.as_dict()
    receipt, receipt_s = _timed(lambda: ex.import_packages(tctx, [applied.receipt_path])[0])
    assert receipt.ok and len(receipt.messages) == 1, receipt.messages

    numbers = [r.number for r in cases.list_cases(tctx, cases.CaseFilter(state="registered"), limit=100)]
    for number in numbers:
        case_actions.apply(tctx, number, "accept", {"mediator": "王调解"})
    second, export2_s = _timed(lambda: ex.export_package(tctx, work / "p2.hxp"))
    applied2, import2_s = _timed(lambda: ex.import_packages(dctx, second.paths, keys=keys)[0])
    assert applied2.ok, applied2.error
    receipt2 = ex.import_packages(tctx, [applied2.receipt_path])[0]
    assert receipt2.ok and len(receipt2.messages) == 1, receipt2.messages

    rows = [
        (f"full export of {args.cases} cases ({first.rows} rows, {first.files} files) → package of {_mb(first.size)}",
         f"{export_s:.1f} s ({export_s / raw_s:.2f}× raw)",
         f"raw pipeline of the same {raw_rows} rows (SELECT → JSON lines → age): {raw_s:.1f} s"),
        ("district first import (SQLite) in one transaction + signed receipt",
         f"{import_s:.1f} s = {first.rows / import_s / 1000:.1f}k rows/s ({import_s / raw_insert_s:.1f}× raw); "
         f"CPU {import_cpu:.1f} s ({import_cpu / raw_insert_cpu:.1f}× raw)",
         f"raw executemany of the same rows into an empty database: {raw_insert_s:.1f} s "
         f"({first.rows / raw_insert_s / 1000:.0f}k rows/s), CPU {raw_insert_cpu:.1f} s; "
         f"age decrypt of the payload {age_decrypt_s:.2f} s"),
        ("the same import with the fast path switched off (every row checked one by one, as before; same result)",
         f"{slow_s:.1f} s = {first.rows / slow_s / 1000:.1f}k rows/s; CPU {slow_cpu:.1f} s",
         f"fast path above: {slow_s / import_s:.1f}× faster (CPU {slow_cpu / import_cpu:.1f}×)"),
        *([] if before is None or now is None else [
            (f"the same first import, each in a fresh process on a copy of the same empty district: the code "
             f"before (`{before['commit']}`) against this code (`{now['commit']}`)",
             f"now {now['seconds']:.1f} s = {first.rows / now['seconds'] / 1000:.1f}k rows/s, CPU {now['cpu']:.1f} s",
             f"before {before['seconds']:.1f} s = {first.rows / before['seconds'] / 1000:.1f}k rows/s, "
             f"CPU {before['cpu']:.1f} s (now {before['cpu'] / now['cpu']:.2f}× less CPU)")]),
        ("township imports the receipt (compares the district's digest with its own)", f"{receipt_s:.2f} s", "—"),
        (f"next export after {len(numbers)} cases were accepted ({second.rows} rows, {_mb(second.size)})",
         f"{export2_s:.2f} s", "—"),
        ("district imports it (+ signed receipt)", f"{import2_s:.2f} s", "—"),
    ]

    if args.postgres:
        rows += _postgres_rows(work, dist, package, first.rows, import_s)
    rss = _rss()
    for what, ours, baseline in rows:
        print(f"{what:90s} {ours:>24s}   {baseline}")
    print(f"peak memory of the whole run: {rss}; demo generation {gen_s:.0f} s")
    if args.no_write:
        return
    stamp = time.strftime("%Y-%m-%d %H:%M")
    section = "\n".join([
        "## Exchange", "",
        f"Measured by `.venv/bin/python tests/perf/bench_exchange.py --cases {args.cases}"
        f"{' --postgres' if args.postgres else ''}"
        f"{f' --before {args.before}' if args.before else ''}` on {stamp}, one run each at **{args.cases} cases**; "
        f"{load_before} at the start, {perfdoc.load()} at the end (the machine is shared: absolute times "
        f"are noisy, the baselines ran in the same minutes). Generating the demo data took {gen_s:.0f} s and is "
        f"not counted. Peak memory of the whole process: {rss}.", "",
        perfdoc.table(rows),
        "The digest a receipt compares (every (table, id, version) a township holds) is kept up to date in "
        "the transaction of every write (`storage/digest.py`, table `exchange_digests`), so a small export, "
        "a small import and its receipt read a few digest rows instead of hashing every row held; a full "
        "export or full import recomputes it (the way back from any drift).", "",
        NOTES,
    ])
    perfdoc.write_section("Exchange", section)


_ELSEWHERE = """
import json, sys, time
sys.path.insert(0, sys.argv[1])
from hexie_desktop.services import exchange as ex
from hexie_desktop.services.station import open_station
station = open_station(data_dir=sys.argv[2])
keys = ex.unlock(station, sys.argv[4])
start, cpu = time.perf_counter(), time.process_time()
result = ex.import_packages(station.context(), [sys.argv[3]], keys=keys)[0]
print(json.dumps({"ok": result.ok, "seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu}))
"""


def _import_elsewhere(checkout: Path, district: Path, package: Path) -> dict:
    """The first import timed with the code of ``checkout`` in a child process (its own imports, same package)."""
    import subprocess

    print(f"district import with the code of {checkout} …", flush=True)
    done = subprocess.run([sys.executable, "-c", _ELSEWHERE, str(checkout.resolve()), str(district), str(package),
                           PASSPHRASE], capture_output=True, text=True, check=True, cwd=checkout)
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["ok"], done.stdout
    commit = subprocess.run(["git", "-C", str(checkout), "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True, check=False).stdout.strip() or "?"
    return found | {"commit": commit}


def _postgres_rows(work: Path, dist, package: Path, rows: int, sqlite_s: float) -> list:
    """The same first import into a district on PostgreSQL (started on loopback)."""
    from tests.e2e import postgres

    server = postgres.PostgresServer.start()
    try:
        url = server.create_database("bench_district")
        # the same district on PostgreSQL: it holds the SQLite district's keys, so it can open the same package
        os.environ["HEXIE_DATA_DIR"] = str(work / "pglocal")
        shutil.copytree(dist.paths.keys, work / "pglocal" / f"district-{DISTRICT}" / "keys")
        pg = init_station(data_dir=None, db_url=url, role="district", unit_code=DISTRICT,
                          unit_name="朝阳区劳动人事争议仲裁院", short_name="朝阳", admin="admin", password="bench123",
                          key_passphrase=PASSPHRASE)
        pctx = pg.context()
        ex.trust_card(pctx, work / "t.card", fingerprint=ex.read_card(work / "t.card").fingerprint)
        pkeys = ex.unlock(pg, PASSPHRASE)
        print("postgres first import …", flush=True)
        applied, pg_s = _timed(lambda: ex.import_packages(pctx, [package], keys=pkeys)[0])
        pg.db.dispose()
        return [("district first import on PostgreSQL (COPY)",
                 f"{pg_s:.1f} s = {rows / pg_s / 1000:.0f}k rows/s ({pg_s / sqlite_s:.2f}× SQLite)"
                 if applied.ok else f"refused: {applied.error}", f"SQLite district above: {sqlite_s:.1f} s")]
    finally:
        server.stop()


if __name__ == "__main__":
    main()
