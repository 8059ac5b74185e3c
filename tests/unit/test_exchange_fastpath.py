"""The fast import path refuses exactly what the per-row path refuses (issue 12, trust rules of issue 15).

``exchange/fastpath.py`` checks whole chunks of rows column by column and only ever accepts;
anything unusual goes back to the per-row path.  Here both run on the same generated hostile
packages — wrong types, overlong fields, control characters and lone surrogates, unknown codes,
impossible dates, bad ID numbers, negative amounts, another township's origin, parent or id,
repeated ids and keys, NaN, whitespace, non-objects, missing and unknown columns — in a real
SQLite district holding two townships' rows, and must give the same outcome: the same error
(code and text) or the same counts, the same quarantine entries and conflicts, and the same
rows in every exchanged table (nothing written when the package is refused).
"""

from __future__ import annotations

import json
import uuid
from datetime import date, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text

from hexie_desktop.exchange import apply as applying
from hexie_desktop.exchange import fastpath, validate
from hexie_desktop.exchange.codec import TABLES, encoder
from hexie_desktop.exchange.errors import ExchangeError
from hexie_desktop.services import demo
from hexie_desktop.services.station import init_station

TOWN_A, TOWN_B, DISTRICT = "330106001", "330106002", "330106"
PACKAGE_TABLES = ("cases", "parties", "claims", "case_events")
"""New rows of a package: new cases of A (under A's employers) with their parties, claims and history."""


class FakeReader:
    """The part of :class:`~hexie_desktop.exchange.payload.PayloadReader` the applier reads."""

    def __init__(self, lines: dict[str, list[bytes]]) -> None:
        self.data = lines
        self.tables = {name: None for name, rows in lines.items() if rows}
        self.files: dict[str, Any] = {}

    def chunks(self, table: str, size: int):
        rows = self.data.get(table, [])
        for start in range(0, len(rows), size):
            yield [line[:-1] for line in rows[start:start + size]]


def _manifest(lines: dict[str, list[bytes]], origin: str, kind: str = "changes") -> SimpleNamespace:
    return SimpleNamespace(package_id=str(uuid.uuid4()), kind=kind, sender_code=origin, epoch_base=0,
                           row_counts={name: len(rows) for name, rows in lines.items() if rows})


def _rows_of(station: Any) -> dict[str, list[dict[str, Any]]]:
    """Every exchanged row of a station as the JSON objects a package carries."""
    out = {}
    with station.db.engine.connect() as conn:
        for name, spec in TABLES.items():
            encode = encoder(spec)
            rows = conn.execute(select(*[spec.table.c[c] for c in spec.names])).all()
            out[name] = [json.loads(encode(row)) for row in rows]
    return out


def _relabel(rows: dict[str, list[dict[str, Any]]], origin: str) -> dict[str, list[dict[str, Any]]]:
    """The same rows under fresh ids (references follow) and another origin."""
    mapping = {row["id"]: str(uuid.uuid4()) for table in rows.values() for row in table}
    out = {}
    for name, table in rows.items():
        out[name] = [{k: (mapping.get(v, v) if isinstance(v, str) else v) for k, v in row.items()} | {"origin": origin}
                     for row in table]
    return out


def _lines(rows: dict[str, list[dict[str, Any]]]) -> dict[str, list[bytes]]:
    return {name: [json.dumps(row, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode() + b"\n"
                   for row in table] for name, table in rows.items()}


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> SimpleNamespace:
    """A district holding township A's demo rows (the template station's) and a relabelled copy as township B's."""
    root = tmp_path_factory.mktemp("fastpath")
    source = init_station(data_dir=root / "town", db_url=None, role="township", unit_code=TOWN_A,
                          unit_name="测试街道劳动人事争议调解中心", short_name="测试街道", admin="admin",
                          password="admin123")
    demo.generate(source.context(), cases=12, seed=10, years=0)
    rows_a = _rows_of(source)
    source.db.dispose()
    rows_a = {name: [row | {"origin": TOWN_A} for row in table] for name, table in rows_a.items()}
    rows_b = _relabel(rows_a, TOWN_B)
    dist = init_station(data_dir=root / "dist", db_url=None, role="district", unit_code=DISTRICT,
                        unit_name="测试区劳动人事争议仲裁院", short_name="测试区", admin="admin", password="admin123",
                        key_passphrase="fastpath-passphrase")
    for origin, rows in ((TOWN_A, rows_a), (TOWN_B, rows_b)):
        lines = _lines(rows)
        with dist.db.transaction() as session:
            result = applying.apply_changes(session, _manifest(lines, origin, "full"), FakeReader(lines),
                                            transition=False, staging=root, has_file=lambda _sha: False, fast=False)
            assert result.totals().rejected == 0 and result.totals().new == sum(map(len, rows.values()))
    return SimpleNamespace(dist=dist, a=rows_a, b=rows_b, root=root, counter=0)


def _snapshot(session: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in TABLES:
        out[name] = session.execute(text(f'SELECT * FROM "{name}" ORDER BY id')).all()
    out["quarantine"] = session.execute(text("SELECT table_name, row_id, reason, raw, status FROM exchange_quarantine "
                                             "ORDER BY id")).all()
    out["conflicts"] = session.execute(text("SELECT table_name, row_id, kind, reason, stored, incoming "
                                            "FROM exchange_conflicts ORDER BY id")).all()
    out["digests"] = session.execute(text("SELECT * FROM exchange_digests ORDER BY origin, table_name")).all()
    out["search"] = session.execute(text("SELECT case_id, body FROM case_search_text ORDER BY case_id")).all()
    return out


def _run(world: SimpleNamespace, lines: dict[str, list[bytes]], *, fast: bool) -> tuple[Any, dict[str, Any]]:
    """Apply inside a transaction that is rolled back: (outcome, snapshot of the district after it)."""
    manifest = _manifest(lines, TOWN_A)
    manifest.package_id = "fixed-package-id"
    session = world.dist.db.session()
    try:
        session.begin()
        try:
            with session.begin_nested():
                result = applying.apply_changes(session, manifest, FakeReader(lines), transition=False,
                                                staging=world.root, has_file=lambda _sha: False, fast=fast)
            outcome: Any = ("ok", result.as_dict(), result.missing)
        except ExchangeError as exc:
            outcome = ("refused", exc.code, str(exc))
        return outcome, _snapshot(session)
    finally:
        session.rollback()
        session.close()


HOSTILE_VALUES = [
    None, 0, 1, -1, True, False, 1.5, 10**13, 2**63, -(2**63) - 1, "", " ", "x", "a" * 301, "z" * 20_001,
    "\x00", "a\x1bb", "a\u202eb", "a\nb", "a\tb", "\ufeff", "\ud800", "zzz", "2020-02-30", "1800-01-01",
    "2200-01-01", "2020-1-1", "2020-01-01\n", "2020-01-01T10:00:00", "2020-01-01 25:00:00", [], {}, {"a": 1},
    "110105199001011234", "11010519900101123X", "00000000-0000-0000-0000-000000000000", "ABC", "resident_id",
]
"""Values planted in any column (plus references to other rows, chosen per example)."""
BY_KIND = {
    "bool": [0, 1, "true", None, 1.0],
    "int": [True, False, 1.5, "1", -1, 0, 2**63, 10**13, None],
    "str": [1, True, "", " ", "a\x1bb", "a\nb", "\ud800", "zzz", "a" * 301, None],
    "text": [1, "a\x00b", "a\u2028b", "z" * 20_001, "", None],
    "date": ["2020-02-30", "1800-01-01", "2020-01-01\n", "20200101", "2020-W01-1", 20200101, None],
    "datetime": ["2020-01-01", "2020-01-01T10:00:00+08:00", "2020-01-01T25:00:00", "1800-01-01T00:00:00", None],
}
"""Values close to a column's own kind (the confusions a loose check would let through)."""

LINE_ATTACKS = ["dup_key", "nan", "space", "trailing", "array", "number", "empty_object", "extra_key",
                "missing_key", "ascii", "twice", "foreign_origin", "version0"]


def _fresh(world: SimpleNamespace, case_ids: set[str]) -> dict[str, list[dict[str, Any]]]:
    """Copies of A's cases ``case_ids`` with their parties, claims and history under fresh ids and numbers."""
    rows = {name: [r for r in world.a[name] if (r["id"] if name == "cases" else r["case_id"]) in case_ids]
            for name in PACKAGE_TABLES}
    fresh = {row["id"]: str(uuid.uuid4()) for table in rows.values() for row in table}
    out = {name: [{k: (fresh.get(v, v) if isinstance(v, str) else v) for k, v in row.items()} for row in table]
           for name, table in rows.items()}
    for row in out["cases"]:
        world.counter += 1
        row["seq"] += 100_000 + world.counter
        row["number"] = f"{row['number'][:60]}-{world.counter}"
    return out


@st.composite
def packages(draw: Any, world: SimpleNamespace) -> dict[str, list[bytes]]:
    """New rows of A (fresh ids) with some values, references or whole lines made hostile."""
    cases = world.a["cases"]
    picked = draw(st.lists(st.integers(0, len(cases) - 1), min_size=1, max_size=4, unique=True))
    rows = _fresh(world, {cases[i]["id"] for i in picked})
    flat = [(name, i) for name, table in rows.items() for i in range(len(table))]
    texts: dict[tuple[str, int], bytes] = {}
    # most packages only carry bad values (quarantined one by one); the others may also be refused as a whole
    kinds = draw(st.sampled_from([("value",), ("value",), ("value", "value", "reference", "line")]))
    for _n in range(draw(st.integers(1, 5))):
        name, i = draw(st.sampled_from(flat))
        row = rows[name][i]
        how = draw(st.sampled_from(kinds))
        if how == "value":
            column = draw(st.sampled_from(TABLES[name].columns))
            row[column.name] = draw(st.sampled_from(BY_KIND[column.kind]) if draw(st.integers(0, 3)) else
                                    st.sampled_from(HOSTILE_VALUES))
        elif how == "reference":
            column = draw(st.sampled_from(["id", *(c for c, _p in TABLES[name].foreign_keys)]))
            target = draw(st.sampled_from(["b_case", "b_employer", "a_case", "missing", "same_package"]))
            row[column] = {"b_case": world.b["cases"][0]["id"], "b_employer": world.b["employers"][0]["id"],
                           "a_case": world.a["cases"][0]["id"], "missing": str(uuid.uuid4()),
                           "same_package": rows[name][0]["id"]}[target]
        else:
            attack = draw(st.sampled_from(LINE_ATTACKS))
            body = json.dumps(row, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
            texts[(name, i)] = {
                "dup_key": body[:-1] + ',"id":' + json.dumps(row["id"]) + '}',
                "nan": body[:-1] + ',"version":NaN}',
                "space": " " + body,
                "trailing": body + " x",
                "array": "[" + body + "]",
                "number": "5",
                "empty_object": "{}",
                "extra_key": body[:-1] + ',"unknown":1}',
                "missing_key": json.dumps({k: v for k, v in row.items() if k != "deleted"}, ensure_ascii=False),
                "ascii": json.dumps(row, ensure_ascii=True),
                "twice": body,
                "foreign_origin": json.dumps(row | {"origin": TOWN_B}, ensure_ascii=False),
                "version0": json.dumps(row | {"version": 0}, ensure_ascii=False),
            }[attack].encode("utf-8", "surrogatepass")
            if attack == "twice":
                rows[name].append(dict(row))
    out: dict[str, list[bytes]] = {}
    for name, table in rows.items():
        out[name] = [texts.get((name, i)) or json.dumps(row, ensure_ascii=False, sort_keys=True,
                                                        separators=(",", ":")).encode("utf-8", "surrogatepass")
                     for i, row in enumerate(table)]
        out[name] = [line + b"\n" for line in out[name]]
    return out


def test_the_fast_path_refuses_exactly_what_the_per_row_path_refuses(world, monkeypatch):
    """Issue 15: every column checked, only own rows; issue 12: the fast path may not loosen either."""
    monkeypatch.setattr(applying, "CHUNK", 7)  # clean and hostile chunks side by side
    taken = []
    original = applying._Applier._fast_chunk

    def counting(self, *args, **kwargs):
        done = original(self, *args, **kwargs)
        taken.append(done)
        return done

    monkeypatch.setattr(applying._Applier, "_fast_chunk", counting)

    @settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))
    @given(packages(world))
    def check(lines):
        slow = _run(world, lines, fast=False)
        fast = _run(world, lines, fast=True)
        assert fast[0] == slow[0]
        assert fast[1] == slow[1]

    check()
    assert True in taken and False in taken, "both the fast path and the fallback must have been exercised"


def test_a_clean_package_takes_the_fast_path_and_stores_the_same_rows(world):
    """A clean package: every chunk taken whole by the fast path, stored exactly as the per-row path stores it."""
    rows = _fresh(world, {row["id"] for row in world.a["cases"]})
    lines = _lines(rows)
    slow = _run(world, lines, fast=False)
    fast = _run(world, lines, fast=True)
    assert fast == slow
    assert slow[0][0] == "ok" and slow[0][1]["totals"]["new"] == sum(map(len, rows.values()))
    checked = fastpath.check(TABLES["parties"], fastpath.parse([line[:-1] for line in lines["parties"]]), TOWN_A)
    assert checked is not None


@pytest.mark.parametrize("parser", ["orjson", "stdlib"])
def test_the_parser_leaves_anything_unusual_to_the_strict_one(parser, monkeypatch):
    """NaN, whitespace, escapes, broken UTF-8 and non-objects are never parsed by the fast path (either parser)."""
    if parser == "stdlib":
        monkeypatch.setattr(fastpath, "orjson", None)
    else:
        assert fastpath.orjson is not None, "orjson is a pinned dependency (pyproject.toml)"
    good = b'{"a":1,"b":"x"}'
    assert fastpath.parse([good, good]).rows == [{"a": 1, "b": "x"}] * 2
    for bad in (b'{"a":NaN}', b'{"a":"\\u0041"}', b' {"a":1}', b'{"a":1} ', b"[1]", b"5", b'{"a":"\xff"}',
                b'{"a":1},{"b":2}', b'{"a":', b'{"a":1}\n{"b":2}', b'{"a":Infinity}', b'{"a":-Infinity}',
                b'{"a":"\x01"}', b'{"a":"\t"}', b'\xef\xbb\xbf{"a":1}', b'{"a":1}\r', b'{"a":1,}', b"{'a':1}",
                b'{"a":"\xed\xa0\x80"}', b'{"a":1}{"b":2}', b"",
                b'{"a":1}//', b'{"a":[1,]}', b'{"a":tru}', b'{"a":01}', b"{}}", b"{{}"):
        assert fastpath.parse([good, bad]) is None, bad
        assert fastpath.parse([bad, good]) is None, bad
    # orjson reads an integer beyond 64 bits as a float: no column takes a float, so the chunk goes back
    row = {"case_id": str(uuid.uuid4()), "position": 1, "category": "wages", "description": "拖欠工资",
           "amount_cents": 120000, "id": str(uuid.uuid4()), "origin": TOWN_A, "version": 1, "change_seq": 3,
           "updated_at": "2024-05-01T10:00:00", "deleted": False}
    for column in ("amount_cents", "position", "version", "change_seq", "description", "deleted"):
        plain = json.dumps(row, ensure_ascii=False, separators=(",", ":"))
        member = f'"{column}":{json.dumps(row[column], ensure_ascii=False)}'
        assert member in plain
        huge = plain.replace(member, f'"{column}":123456789012345678901234567890').encode()
        parsed = fastpath.parse([huge])
        assert parsed is None or fastpath.check(TABLES["claims"], parsed, TOWN_A) is None, column


_TOKENS = ['{', '}', '[', ']', ':', ',', '"a"', '"b"', '"\\""', '"x\\\\"', '1', '-0', '1.5', '1e400', 'true',
           'null', 'NaN', ' ', '\t', '"\u4e2d"', '"\\n"', '"é"', '99999999999999999999999']


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_TOKENS), max_size=12).map("".join), min_size=1, max_size=4),
       st.sampled_from(["orjson", "stdlib"]))
def test_the_parser_gives_what_the_strict_parser_gives_or_nothing(texts, parser):
    """Whatever lines: the fast parse answers None or exactly the objects :func:`limits.loads` gives.

    Duplicate keys are left to :func:`fastpath.check` (the quote count): where the strict parser
    refuses a line for them, the quotes of the text outnumber the parsed values' own.
    """
    from hexie_desktop.exchange import limits

    lines = [text_.encode() for text_ in texts]
    saved = fastpath.orjson
    if parser == "stdlib":
        fastpath.orjson = None
    try:
        parsed = fastpath.parse(lines)
    finally:
        fastpath.orjson = saved
    if parsed is None:
        return
    for line, row in zip(lines, parsed.rows, strict=True):
        try:
            expected = limits.loads(line, tree=False)
        except ExchangeError as exc:
            assert "重复的键" in exc.message, (line, exc.message)
            continue
        assert type(row) is dict
        if row != expected:  # only orjson's float for an integer beyond 64 bits (refused by check: no float column)
            assert parser == "orjson" and row.keys() == expected.keys(), (line, row, expected)
            assert all(row[k] == expected[k] or (isinstance(row[k], float) and isinstance(expected[k], int)
                                                 and abs(expected[k]) >= 2**63) for k in row), (line, row)
            continue
        assert json.dumps(row, sort_keys=True) == json.dumps(expected, sort_keys=True)  # 1 and 1.0, -0 and 0


def test_fast_path_columns_match_the_per_row_check(tmp_path: Path):
    """A value one rule refuses, or a key given twice, sends the chunk back (None)."""
    spec = TABLES["claims"]
    row = {"case_id": str(uuid.uuid4()), "position": 1, "category": "wages", "description": "拖欠工资",
           "amount_cents": 120000, "id": str(uuid.uuid4()), "origin": TOWN_A, "version": 1, "change_seq": 3,
           "updated_at": "2024-05-01T10:00:00", "deleted": False}
    line = json.dumps(row, ensure_ascii=False, separators=(",", ":")).encode()
    columns = fastpath.check(spec, fastpath.parse([line]), TOWN_A)
    assert columns is not None
    assert dict(zip(spec.names, (c[0] for c in columns), strict=False))["amount_cents"] == 120000
    for column, value in (("amount_cents", -1), ("category", "nonsense"), ("description", "a\x1bb"),
                          ("position", True), ("updated_at", "2024-05-01 10:00:00\n"), ("origin", TOWN_B)):
        bad = json.dumps(row | {column: value}, ensure_ascii=False).encode()
        assert fastpath.check(spec, fastpath.parse([bad]), TOWN_A) is None, column
    for twice in ('"position":2,', '"category":"wages",', '"description":"a\\"b",'):
        assert fastpath.check(spec, fastpath.parse([line.replace(b"{", b"{" + twice.encode(), 1)]), TOWN_A) is None



def _values_for(kind: str):
    """Values of a column's kind, near and beyond the bounds and codes the rules look at."""
    if kind == "int":
        return st.integers(-5, 10) | st.sampled_from([2**31 - 1, 2**31, 10**13, 10**14, -(2**63)])
    if kind in ("date", "datetime"):
        days = st.dates(date(1890, 1, 1), date(2110, 12, 31))
        return days if kind == "date" else days.map(lambda d: datetime(d.year, d.month, d.day, 12, 0))
    return st.text(alphabet=st.sampled_from(["a", "调", " ", "\n", "\t", "\x1b", "\u202e", "\x00"]), max_size=5) | \
        st.sampled_from(["wages", "registered", "zzz", "x" * 20_001])


def _same_rule(rule: Any, kind: str) -> tuple:
    """A key equal for rules that check the same (one test per distinct rule and kind)."""
    inner = getattr(rule, "rule", None)
    cells = tuple(repr(c.cell_contents) for c in (getattr(inner, "__closure__", None) or ()))
    table = getattr(rule, "table", None)
    return (type(rule).__name__, kind, getattr(rule, "multiline", None), getattr(rule, "cap", None),
            getattr(inner, "__qualname__", None), cells, None if table is None else tuple(sorted(table)))


_RULED = {_same_rule(rule, c.kind): (table, c.name, rule) for table in TABLES
          for name, rules, _missing in validate._plan(table) for c in TABLES[table].columns if c.name == name
          for rule in rules if hasattr(rule, "holds_for_all")}
RULED = list(_RULED.values())


@pytest.mark.parametrize(("table", "name", "rule"), RULED, ids=[f"{t}.{n}" for t, n, _r in RULED])
def test_a_rule_holding_for_all_holds_for_each(table, name, rule):
    """``holds_for_all`` (one pass over a column) never accepts a set of values one of which the rule refuses."""
    column = next(c for c in TABLES[table].columns if c.name == name)

    @settings(max_examples=30, deadline=None)
    @given(st.sets(_values_for(column.kind), max_size=6))
    def check(values):
        if rule.holds_for_all(values):
            for value in values:
                rule(value)  # raises UserError if the shortcut was wrong

    check()


_UTF8_PIECES = [b"\xed\xa0\x80", b"\xed\xbf\xbf", b"\xc0\x80", b"\xc1\xbf", b"\xe0\x80\x80", b"\xf0\x80\x80\x80",
                b"\xf4\x90\x80\x80", b"\xf5\x80\x80\x80", b"\xf8\x88\x80\x80\x80", b"\xe4\xb8\xad", b"\xf0\x9f\x98\x80",
                b"\xef\xbf\xbe", b"\xef\xbb\xbf", b"\xc2\x80", b"\xe2\x80\xa8", b"\x80", b"\xbf", b"\xe4\xb8",
                b"\xf0\x9f", b"a", b"\xff", b"\xfe", b"\xc3\xa9"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_UTF8_PIECES) | st.binary(min_size=1, max_size=4).filter(
    lambda raw: b'"' not in raw and b"\\" not in raw and min(raw) >= 0x20), min_size=1, max_size=6).map(b"".join))
def test_the_fast_parser_takes_exactly_the_utf8_python_takes(raw):
    """A string's bytes: parsed by the fast path only when Python's UTF-8 decoder takes them (E_ENCODING otherwise)."""
    line = b'{"a":"' + raw + b'"}'
    try:
        expected = raw.decode("utf-8")
    except UnicodeDecodeError:
        expected = None
    parsed = fastpath.parse([line])
    if expected is None:
        assert parsed is None
    elif parsed is not None:
        assert parsed.rows == [{"a": expected}]


class _Only(dict):
    """A row that fails the test when a rule reads a column it did not declare."""

    def __init__(self, row: dict[str, Any], allowed: tuple[str, ...]) -> None:
        super().__init__(row)
        self.allowed = allowed

    def __getitem__(self, key: str) -> Any:
        assert key in self.allowed, f"the row rule reads {key}, not in validate.ROW_RULE_COLUMNS"
        return super().__getitem__(key)

    def get(self, key: str, default: Any = None) -> Any:
        assert key in self.allowed, f"the row rule reads {key}, not in validate.ROW_RULE_COLUMNS"
        return super().get(key, default)


def _outcome(rule: Any, row: dict[str, Any]) -> str | None:
    try:
        rule(row)
    except Exception as exc:  # noqa: BLE001 — the outcome compared, whatever it is
        return f"{type(exc).__name__}: {exc}"
    return None


@pytest.mark.parametrize("table", sorted(validate.ROW_RULES))
def test_a_row_rule_reads_only_its_declared_columns(table):
    """The fast path runs a row rule once per distinct combination of ``ROW_RULE_COLUMNS``: as on the row."""
    assert set(validate.ROW_RULE_COLUMNS) == set(validate.ROW_RULES)
    spec = TABLES[table]
    read = validate.ROW_RULE_COLUMNS[table]
    assert set(read) <= set(spec.names)
    rule = validate.ROW_RULES[table]
    kinds = {c.name: c.kind for c in spec.columns}
    special = {"state": st.sampled_from(["registered", "closed_success", "archived", "zzz"]),
               "id_type": st.sampled_from(["resident_id", "passport", "zzz"]),
               "id_number": st.sampled_from(["11010519491231002X", "110105194912310021", "x", ""])}

    @settings(max_examples=60, deadline=None)
    @given(st.fixed_dictionaries({name: st.none() | special.get(name, _values_for(kinds[name]))
                                  for name in spec.names}))
    def check(row):
        whole = _outcome(rule, dict(row))
        assert _outcome(rule, _Only({name: row[name] for name in read}, read)) == whole

    check()


def _search_state(session: Any) -> tuple[list, list]:
    texts = session.execute(text("SELECT rid, case_id, body FROM case_search_text ORDER BY case_id")).all()
    fts = session.execute(text("SELECT rowid, body FROM case_fts ORDER BY rowid")).all()
    return [tuple(row) for row in texts], [tuple(row) for row in fts]


def test_the_bulk_search_index_of_imported_cases_equals_a_case_saved_here(world, monkeypatch):
    """Every imported case has the search text ``search.index_case`` writes for a case saved here, in FTS5 too.

    Rebuilt again in small batches (dropping the old text first), the index holds the same text once per case.
    """
    from hexie_desktop.storage import search
    from hexie_desktop.storage.models import Case

    def expected(session: Any) -> dict[str, str]:
        out = {}
        for case in session.execute(select(Case)).scalars():
            parties = sorted((p for p in case.parties if not p.deleted), key=lambda p: p.position)
            out[case.id] = search.case_text(case, parties, case.respondent)
        return out

    session = world.dist.db.session()
    try:
        want = expected(session)
        assert len(want) == len(world.a["cases"]) + len(world.b["cases"])
        texts, fts = _search_state(session)
        assert {case_id: body for _rid, case_id, body in texts} == want
        assert sorted((rid, body) for rid, _case_id, body in texts) == fts
        for batch in (applying.REINDEX_BATCH, 7):  # every case at once (rids freed and taken again), then in parts
            monkeypatch.setattr(applying, "REINDEX_BATCH", batch)
            applying.reindex_cases(session, sorted(want))
            texts, fts = _search_state(session)
            assert len(texts) == len(want) and {case_id: body for _rid, case_id, body in texts} == want
            assert sorted((rid, body) for rid, _case_id, body in texts) == fts
        party = world.a["parties"][0]["name"]
        found = set(session.execute(search.matching_case_ids(session, party)).scalars())
        assert world.a["parties"][0]["case_id"] in found
    finally:
        session.rollback()
        session.close()


def test_the_digest_recompute_equals_the_sum_of_row_hashes(world):
    """EXCHANGE.md "Protocol" 3: per (origin, table), the row count and Σ sha256(table\\0id\\0version) mod 2^256.

    Over both townships at once (chunks mixing origins) and over one origin alone.
    """
    from hexie_desktop.storage import digest

    session = world.dist.db.session()
    try:
        expected: dict[tuple[str, str], list[int]] = {}
        for name in digest.TABLE_NAMES:
            for origin, row_id, version in session.execute(text(f'SELECT origin, id, version FROM "{name}"')):
                entry = expected.setdefault((origin, name), [0, 0])
                entry[0] += 1
                entry[1] = (entry[1] + digest.row_hash(name, row_id, version)) % digest.MODULUS
        assert {origin for origin, _name in expected} >= {TOWN_A, TOWN_B}
        assert digest.compute(session) == {key: tuple(value) for key, value in expected.items()}
        assert digest.compute(session, [TOWN_A]) == {key: tuple(value) for key, value in expected.items()
                                                     if key[0] == TOWN_A}
    finally:
        session.rollback()
        session.close()


def _apply_full(world: SimpleNamespace, session: Any, rows: dict[str, list[dict[str, Any]]], origin: str, *,
                fast: bool) -> applying.ApplyResult:
    lines = _lines(rows)
    return applying.apply_changes(session, _manifest(lines, origin, "full"), FakeReader(lines), transition=False,
                                  staging=world.root, has_file=lambda _sha: False, fast=fast)


def test_a_first_full_package_gives_the_senders_digest_without_reading_the_rows_back(world):
    """EXCHANGE.md "Protocol" 3 (Σ sha256(table\\0id\\0version) per origin and table); issue 12.

    A township's first full package whose every row went in by the fast path: the sums counted
    while inserting are exactly a recomputation from the rows, and stored as the kept digest
    (also when the digest is not maintained yet) they leave nothing for :func:`digest.verify`
    to find.  Anything else — the per-row path alone, one chunk through it, a sender that held
    rows before — leaves them unknown (the caller recomputes from the rows, as before).
    """
    from hexie_desktop.storage import digest

    town_c = "330106003"
    session = world.dist.db.session()
    try:
        session.begin()
        result = _apply_full(world, session, _relabel(world.a, town_c), town_c, fast=True)
        assert result.held is not None and result.totals().new == sum(map(len, world.a.values()))
        assert {(town_c, name): value for name, value in result.held.items()} == digest.compute(session, [town_c])
        digest.replace(session, town_c, result.held)
        assert digest.is_ready(session) and digest.verify(session) == []
        before = session.execute(text("SELECT * FROM exchange_digests ORDER BY origin, table_name")).all()
        digest.invalidate(session)  # not maintained: the other origins are read, this one's sums are taken
        digest.replace(session, town_c, result.held)
        assert digest.is_ready(session) and digest.verify(session) == []
        assert session.execute(text("SELECT * FROM exchange_digests ORDER BY origin, table_name")).all() == before
        digest.invalidate(session)
        digest.rebuild(session)
        assert session.execute(text("SELECT * FROM exchange_digests ORDER BY origin, table_name")).all() == before
    finally:
        session.rollback()
        session.close()
    town_d = "330106004"
    hostile = _relabel(world.a, town_d)
    hostile["cases"][0]["number"] = "a\x1bb"  # quarantined by the per-row path
    for rows, origin, fast in ((_relabel(world.a, town_d), town_d, False), (hostile, town_d, True),
                               (world.a, TOWN_A, True)):  # per-row only; one chunk per row; A holds rows already
        session = world.dist.db.session()
        try:
            session.begin()
            result = _apply_full(world, session, rows, origin, fast=fast)
            assert result.held is None
        finally:
            session.rollback()
            session.close()
