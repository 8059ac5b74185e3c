"""The fast case ledger (issue 12) writes exactly what the former path wrote.

* ``reports/xlsx_stream.RowStream`` writes ordinary rows straight as XML: the sheet's XML and
  the styles must be byte for byte those of ``TableSheet.row`` (XlsxWriter's own cells), for
  ordinary rows and for the rows it hands back (markup characters, control characters,
  surrounding spaces, formula-like text, wrapped text, other types);
* ``services/case_ledger.rows`` reads the case ledger in large keyset pages as tuples: the
  workbook re-read with openpyxl must equal, cell for cell, the one written from the former
  reader (one dict per case, pages of 2,000, copied below) by the former writer, masked and
  unmasked, with a period, across page boundaries, with odd text in the data;
* text Excel cannot hold is refused the same way and the export leaves no file.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from types import SimpleNamespace
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import select, update

from hexie_desktop.core import stats
from hexie_desktop.core.errors import UserError
from hexie_desktop.reports import ledgers
from hexie_desktop.services import case_ledger, report_export, reports
from hexie_desktop.storage.models import Employer, Party
from tests.unit.ledger_reference import cells, former_rows, former_writer, xml

META = SimpleNamespace(unit_name="测试街道劳动人事争议调解中心", reporter="王主任", today=date(2026, 11, 21))


def _column(key, header, kind="text", **more):
    base = {"group": "", "width": 12, "total": False}
    return SimpleNamespace(key=key, header=header, kind=kind, **{**base, **more})


COLUMNS = [_column("seq", "序号", "int"), _column("name", "姓名", group="人"), _column("id", "身份证", "id_number"),
           _column("on", "日期", "date"), _column("money", "金额", "money", total=True),
           _column("n", "人数", "int", total=True), _column("note", "备注", "longtext", width=8)]


def _write_both(tmp_path, rows: list, columns=COLUMNS, monkeypatch=None) -> tuple[dict, dict]:
    """The ledger written by the fast path and by the ordinary path (RowStream switched off)."""
    ledger = SimpleNamespace(title="测试台账", columns=columns, count=len(rows), meta=META, period=None, unmask=False)
    fast = tmp_path / "fast.xlsx"
    ledger.rows = iter(rows)
    ledgers.write_file(fast, ledger)
    former_writer(monkeypatch)
    slow = tmp_path / "slow.xlsx"
    ledger.rows = iter(rows)
    ledgers.write_file(slow, ledger)
    monkeypatch.undo()
    return xml(fast), xml(slow)


ODD = ["a&b", "<r>x</r>", 'say "hi"', "_x0041_", " lead", "trail ", "two\nlines", "tab\tin", "\x07bell",
       "=1+1", "+86 138", "-5", "@sum", "=", "\ufffe", "\u3000全角空格", ""]


def test_streamed_rows_are_byte_for_byte_the_ordinary_rows(tmp_path, monkeypatch):
    rows: list[Any] = []
    for i in range(300):
        odd = ODD[i % len(ODD)] if i % 3 == 0 else None
        rows.append((i + 1, odd if odd is not None else f"张{i}", "1101**********123X" if i % 2 else None,
                     date(2026, 1 + i % 12, 1 + i % 28) if i % 5 else None, 123456 + i if i % 4 else None,
                     i % 7, "很长的备注文字" * (i % 4) if i % 6 else None))
    rows[10] = (11, "甲", True, date(2026, 3, 1), 100, Fraction(1, 3), "[1]")  # other types: handed back
    rows[11] = {"seq": 12, "name": "字典行", "money": 5, "n": 1}  # a dict row of an ordinary ledger
    rows[12] = (13, "乙", 42, "2026-01-01", 7, 2, "")  # an int in a text column, text in a date column
    fast, slow = _write_both(tmp_path, rows, monkeypatch=monkeypatch)
    assert fast.keys() == slow.keys()
    for name in slow:
        assert fast[name] == slow[name], name
    sheet = fast["xl/worksheets/sheet1.xml"].decode()
    assert sheet.count("<row ") > 300 and 'customHeight="1"' in sheet  # wrapped text made rows higher


def test_the_first_data_rows_may_be_handed_back_and_formats_keep_their_order(tmp_path, monkeypatch):
    rows = [(1, "=A1", None, None, None, 1, None), (2, "a&b", None, date(2026, 5, 1), 1, 1, None),
            (3, "普通", "x", date(2026, 5, 2), 2, 1, "-")]
    fast, slow = _write_both(tmp_path, rows, monkeypatch=monkeypatch)
    assert fast == slow


def test_text_excel_cannot_hold_is_refused_by_both_paths(tmp_path, monkeypatch):
    rows = [(1, "甲", None, None, None, 1, None), (2, "长" * 32768, None, None, None, 1, None)]
    ledger = SimpleNamespace(title="测试台账", columns=COLUMNS, count=2, meta=META, period=None, unmask=False,
                             rows=iter(rows))
    with pytest.raises(UserError) as fast:
        ledgers.write_file(tmp_path / "fast.xlsx", ledger)
    former_writer(monkeypatch)
    ledger.rows = iter(rows)
    with pytest.raises(UserError) as slow:
        ledgers.write_file(tmp_path / "slow.xlsx", ledger)
    assert str(fast.value) == str(slow.value) and "32767" in str(fast.value)


def _odd_data(station) -> None:
    """Text a ledger must keep inert or escaped, in the first applicants and respondents."""
    with station.db.transaction() as session:
        parties = session.execute(select(Party.id).where(Party.position == 0).order_by(Party.id)).scalars().all()
        for party_id, name in zip(parties, ["=HYPERLINK(\"x\")", "a&b<c>", "-1", " 空格", "_x0041_", "@me"],
                                  strict=False):
            session.execute(update(Party).where(Party.id == party_id).values(name=name))
        employer = session.execute(select(Employer.id).order_by(Employer.id)).scalars().first()
        session.execute(update(Employer).where(Employer.id == employer).values(name="+某某公司 & 分公司\n二部"))


@pytest.mark.parametrize("unmask,period", [(False, None), (True, None), (False, "year")])
def test_the_case_ledger_equals_the_former_reader_and_writer(station, ctx, tmp_path, monkeypatch, unmask, period):
    _odd_data(station)
    chosen = stats.year(ctx.today.year) if period else None
    monkeypatch.setattr(case_ledger, "CHUNK", 7)  # many pages: the keyset paging crosses page boundaries
    fast = tmp_path / "fast.xlsx"
    result = report_export.export(ctx, "cases", fast, unmask=unmask, period=chosen)
    former = reports.ledger(ctx, "cases", period=chosen, unmask=unmask)
    former.rows = former_rows(ctx, chosen, unmask, chunk_size=5)
    former_writer(monkeypatch)
    slow = tmp_path / "slow.xlsx"
    assert ledgers.write_file(slow, former) == result.rows > 3
    assert cells(fast) == cells(slow)
    assert xml(fast)["xl/worksheets/sheet1.xml"] == xml(slow)["xl/worksheets/sheet1.xml"]
    names = {row[4] for row in load_workbook(fast).active.iter_rows(values_only=True)}
    assert "=HYPERLINK(\"x\")" in names or period  # formula-like text kept as text
    ids_shown = [row[5] for row in load_workbook(fast).active.iter_rows(min_row=6, values_only=True)
                 if isinstance(row[0], int) and row[5]]
    assert ids_shown and all(("*" in i) != unmask for i in ids_shown)


def test_the_case_ledger_cells_follow_its_columns(ctx):
    with ctx.db.read() as session:
        assert [c.key for c in reports.ledger_columns(session, "cases")] == list(case_ledger.KEYS)


def test_a_refused_case_ledger_leaves_no_file_and_no_audit_entry(station, ctx, tmp_path, digest):
    with station.db.transaction() as session:
        party = session.execute(select(Party.id).where(Party.position == 0)).scalars().first()
        session.execute(update(Party).where(Party.id == party).values(name="长" * 32768))
    before = digest()
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(UserError, match="32767"):
        report_export.export(ctx, "cases", out / "x.xlsx")
    assert not list(out.iterdir()) and digest() == before
