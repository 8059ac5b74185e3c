"""Damaged station files: one Chinese line, never written into, restored from the automatic backup.

A real station (5 cases; an automatic backup after the first 3) is damaged in ≥ 25 ways
(truncated, zeroed pages, flipped header and b-tree bytes, not a database, empty, missing
tables, a newer schema, a broken audit chain).  For every one the command line refuses
ordinary work in one line without touching the file, ``hexie check`` reports it, and
``hexie restore`` moves the file aside byte for byte and restores the backup, listing the
cases the backup lacks whenever the damaged file can still be read.  Every file goes through
the in-process CLI (``cli.main``); one file per class also through a separate process.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import sqlite3
import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from hexie_desktop.services import cases
from hexie_desktop.services.backup import auto_backup
from hexie_desktop.services.station import init_station
from hexie_desktop.services.users import actor_for
from hexie_desktop.storage import health
from tests.e2e.exchange_support import closing_cli
from tests.e2e.helpers import applicant, case_payload
from tests.e2e.test_cli import hexie

PASSWORD = "secret123"
PAGE = 4096


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> dict:
    """A station folder with 3 cases in its automatic backup and 2 more after it."""
    root = tmp_path_factory.mktemp("damaged") / "station"
    station = init_station(data_dir=root, db_url=None, role="township", unit_code="110105001",
                           unit_name="东坝镇劳动人事争议调解中心", short_name="东坝", admin="admin", password=PASSWORD)
    ctx = station.context(actor_for(station.db, "admin"))

    def add(*names: str) -> list[str]:
        payload = {"cases": [case_payload(applicants=[applicant(n, seq=200 + i)]) for i, n in enumerate(names)]}
        return [c.number for c in cases.register(ctx, payload)]

    before = add("张一", "张二", "张三")
    assert auto_backup(station.paths.database, station.paths.backups, now=datetime(2026, 11, 20, 9, 0)) is not None
    after = add("李四", "李五")
    station.db.dispose()
    assert not (root / "hexie.sqlite3-wal").exists()
    conn = sqlite3.connect(root / "hexie.sqlite3")
    roots = dict(conn.execute("SELECT name, rootpage FROM sqlite_master WHERE type='table'"))
    conn.close()
    return {"root": root, "before": before, "after": after, "roots": roots}


# ---------------------------------------------------------------- the damage corpus


def _bytes(fn: Callable[[bytes, dict], bytes]) -> Callable[[Path, dict], None]:
    def apply(path: Path, base: dict) -> None:
        path.write_bytes(fn(path.read_bytes(), base))
    return apply


def _flip(offset: int) -> Callable[[bytes, dict], bytes]:
    def fn(data: bytes, _base: dict) -> bytes:
        out = bytearray(data)
        out[offset] ^= 0xFF
        return bytes(out)
    return fn


def _flip_page(table: str, offset: int, value: int | None = None) -> Callable[[bytes, dict], bytes]:
    def fn(data: bytes, base: dict) -> bytes:
        out = bytearray(data)
        where = (base["roots"][table] - 1) * PAGE + offset
        out[where] = (out[where] ^ 0xFF) if value is None else value
        return bytes(out)
    return fn


def _zero_page(page: Callable[[dict, int], int]) -> Callable[[bytes, dict], bytes]:
    def fn(data: bytes, base: dict) -> bytes:
        n = page(base, len(data) // PAGE)
        return data[:(n - 1) * PAGE] + bytes(PAGE) + data[n * PAGE:]
    return fn


def _sql(*statements: str) -> Callable[[Path, dict], None]:
    def apply(path: Path, _base: dict) -> None:
        conn = sqlite3.connect(path)
        conn.execute("PRAGMA foreign_keys=OFF")
        for statement in statements:
            conn.execute(statement)
        conn.commit()
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.close()
    return apply


def _zip(path: Path, _base: dict) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hexie.sqlite3", path.read_bytes()[:5000])
    path.write_bytes(buffer.getvalue())


def _empty_database(path: Path, _base: dict) -> None:
    path.unlink()
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t(x)")
    conn.execute("DROP TABLE t")
    conn.commit()
    conn.close()


# name → (how to damage, expected kind, the damaged file can still be read for the lost case numbers)
DAMAGE: dict[str, tuple[Callable[[Path, dict], None], str, bool]] = {
    "truncated-100": (_bytes(lambda d, b: d[:100]), health.CORRUPT, False),
    "truncated-1-page": (_bytes(lambda d, b: d[:PAGE]), health.CORRUPT, False),
    "truncated-2-pages": (_bytes(lambda d, b: d[:2 * PAGE]), health.CORRUPT, False),
    "truncated-half": (_bytes(lambda d, b: d[:len(d) // 2]), health.CORRUPT, False),
    "truncated-last-page": (_bytes(lambda d, b: d[:len(d) - PAGE]), health.CORRUPT, False),
    "zeroed-page-1": (_bytes(_zero_page(lambda b, n: 1)), health.NOT_DATABASE, False),
    "zeroed-middle-page": (_bytes(_zero_page(lambda b, n: n // 2)), health.CORRUPT, False),
    "zeroed-cases-root": (_bytes(_zero_page(lambda b, n: b["roots"]["cases"])), health.CORRUPT, False),
    "zeroed-audit-root": (_bytes(_zero_page(lambda b, n: b["roots"]["audit_log"])), health.CORRUPT, False),
    "header-magic": (_bytes(_flip(3)), health.NOT_DATABASE, False),
    "header-page-size-hi": (_bytes(_flip(16)), health.NOT_DATABASE, False),
    "header-page-size-lo": (_bytes(_flip(17)), health.NOT_DATABASE, False),
    "header-read-version": (_bytes(_flip(19)), health.NOT_DATABASE, False),
    "header-payload-fraction": (_bytes(_flip(21)), health.NOT_DATABASE, False),
    "header-leaf-fraction": (_bytes(_flip(23)), health.NOT_DATABASE, False),
    "btree-cases-page-type": (_bytes(_flip_page("cases", 0)), health.CORRUPT, False),
    "btree-cases-cell-count": (_bytes(_flip_page("cases", 4)), health.CORRUPT, False),
    "btree-audit-page-type": (_bytes(_flip_page("audit_log", 0)), health.CORRUPT, False),
    "btree-users-first-cell": (_bytes(_flip_page("users", 1)), health.CORRUPT, False),
    "btree-schema-page-type": (_bytes(_flip(100)), health.CORRUPT, False),
    "text-file": (_bytes(lambda d, b: "这不是数据库\n".encode() * 300), health.NOT_DATABASE, False),
    "zip-file": (_zip, health.NOT_DATABASE, False),
    "random-bytes": (_bytes(lambda d, b: bytes((i * 7919 + 13) % 251 for i in range(50000))), health.NOT_DATABASE,
                     False),
    "zero-bytes": (_bytes(lambda d, b: b""), health.EMPTY, False),
    "empty-database": (_empty_database, health.EMPTY, False),
    "missing-table-settings": (_sql("DROP TABLE settings"), health.MISSING_TABLE, True),
    "missing-table-audit": (_sql("DROP TABLE audit_log"), health.MISSING_TABLE, True),
    "schema-newer": (_sql("UPDATE alembic_version SET version_num = '9999_future'"), health.TOO_NEW, True),
    "audit-edited": (_sql("UPDATE audit_log SET summary = 'x' WHERE id = (SELECT max(id) FROM audit_log)"),
                     health.AUDIT_BROKEN, True),
    "audit-entry-deleted": (_sql("DELETE FROM audit_log WHERE id = (SELECT max(id) - 2 FROM audit_log)"),
                            health.AUDIT_BROKEN, True),
}
SUBPROCESS = ("truncated-half", "zeroed-middle-page", "header-page-size-hi", "btree-cases-page-type", "zip-file",
              "zero-bytes", "missing-table-settings", "schema-newer", "audit-edited")


def _damaged_copy(base: dict, tmp_path: Path, name: str) -> Path:
    root = tmp_path / name
    shutil.copytree(base["root"], root)
    DAMAGE[name][0](root / "hexie.sqlite3", base)
    return root


def _run(cli, capsys, root: Path, *args: str) -> tuple[int, str, str]:
    code = cli(["--data-dir", str(root), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_the_corpus_is_large_enough():
    assert len(DAMAGE) >= 25


@pytest.mark.parametrize("name", sorted(DAMAGE))
def test_damaged_file_is_refused_untouched_and_restored(name, base, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("HEXIE_PASSWORD", PASSWORD)
    monkeypatch.delenv("HEXIE_DATA_DIR", raising=False)
    cli = closing_cli(monkeypatch)
    root = _damaged_copy(base, tmp_path, name)
    database = root / "hexie.sqlite3"
    digest = _sha(database)
    kind, readable = DAMAGE[name][1], DAMAGE[name][2]
    assert health.check(database).kind == kind

    code, out, err = _run(cli, capsys, root, "case", "list")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and err.startswith("错误：") and "Traceback" not in err
    assert "hexie restore" in err and "2026-11-20 09:00" in err, err
    code, out, err = _run(cli, capsys, root, "check")
    assert code == 1 and err.count("\n") == 1 and "启动检查" in out
    assert _sha(database) == digest, "the damaged file was written into"
    assert sorted(p.name for p in root.iterdir()) == ["attachments", "backups", "hexie.sqlite3", "keys"]

    code, out, err = _run(cli, capsys, root, "restore")
    assert code == 0, err
    assert "2026-11-20 09:00" in out
    aside = [p for p in root.iterdir() if p.name.endswith("-hexie.sqlite3")]
    assert len(aside) == 1 and aside[0].name.startswith("newer-" if kind == health.TOO_NEW else "damaged-")
    assert _sha(aside[0]) == digest, "the damaged file was not moved aside untouched"
    if readable:
        assert all(number in out for number in base["after"]), out
    code, out, err = _run(cli, capsys, root, "case", "list", "--json")
    assert code == 0, err
    assert sorted(c["number"] for c in json.loads(out)["cases"]) == sorted(base["before"])
    assert _run(cli, capsys, root, "check")[0] == 0


@pytest.mark.parametrize("name", SUBPROCESS)
def test_damaged_file_through_a_separate_process(name, base, tmp_path):
    root = _damaged_copy(base, tmp_path, name)
    database = root / "hexie.sqlite3"
    digest = _sha(database)
    refused = hexie(root, "case", "list")
    assert refused.returncode == 1 and refused.stdout == ""
    assert refused.stderr.count("\n") == 1 and "Traceback" not in refused.stderr and "hexie restore" in refused.stderr
    assert _sha(database) == digest
    restored = hexie(root, "restore")
    assert restored.returncode == 0 and "Traceback" not in restored.stderr, restored.stderr
    aside = [p for p in root.iterdir() if p.name.endswith("-hexie.sqlite3")]
    assert len(aside) == 1 and _sha(aside[0]) == digest
    assert hexie(root, "case", "list").stdout.strip().endswith("共3件")


def test_deleted_database_with_backups_offers_restore_not_a_new_station(base, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("HEXIE_PASSWORD", PASSWORD)
    cli = closing_cli(monkeypatch)
    root = tmp_path / "gone"
    shutil.copytree(base["root"], root)
    (root / "hexie.sqlite3").unlink()
    code, _out, err = _run(cli, capsys, root, "case", "list")
    assert code == 1 and "不见了" in err and "hexie restore" in err and "hexie init" not in err
    code, _out, err = _run(cli, capsys, root, "init", "--role", "township", "--unit-code", "110105001",
                           "--unit-name", "新站", "--admin", "admin")
    assert code == 1 and "hexie restore" in err and not (root / "hexie.sqlite3").exists()
    code, out, _err = _run(cli, capsys, root, "restore", "--list")
    assert code == 0 and "3件案件" in out and "可用" in out and "不存在" in out
    code, out, err = _run(cli, capsys, root, "restore")
    assert code == 0, err
    assert _run(cli, capsys, root, "case", "list")[1].strip().endswith("共3件")


def test_restore_asks_the_password_stored_in_the_backup_and_changes_nothing_when_wrong(base, tmp_path, capsys,
                                                                                       monkeypatch):
    cli = closing_cli(monkeypatch)
    root = _damaged_copy(base, tmp_path, "truncated-half")
    digest = _sha(root / "hexie.sqlite3")
    monkeypatch.setenv("HEXIE_PASSWORD", "wrong-password")
    code, _out, err = _run(cli, capsys, root, "restore")
    assert code == 1 and "备份中保存的管理员密码" in err and err.count("\n") == 1
    assert _sha(root / "hexie.sqlite3") == digest
    assert sorted(p.name for p in root.iterdir()) == ["attachments", "backups", "hexie.lock", "hexie.sqlite3", "keys"]
    monkeypatch.delenv("HEXIE_PASSWORD")
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code, _out, err = _run(cli, capsys, root, "restore")
    assert code == 1 and "HEXIE_PASSWORD" in err


def test_a_damaged_backup_is_listed_as_such_and_refused(base, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("HEXIE_PASSWORD", PASSWORD)
    cli = closing_cli(monkeypatch)
    root = tmp_path / "badbackup"
    shutil.copytree(base["root"], root)
    backup = next((root / "backups").glob("hexie-auto-*.sqlite3"))
    backup.write_bytes(backup.read_bytes()[:PAGE * 3])
    digest = _sha(root / "hexie.sqlite3")
    code, out, _err = _run(cli, capsys, root, "restore", "--list")
    assert code == 0 and "损坏" in out
    code, _out, err = _run(cli, capsys, root, "restore", str(backup))
    assert code == 1 and "损坏" in err
    code, _out, err = _run(cli, capsys, root, "restore")
    assert code == 1 and "没有可用的备份" in err
    assert _sha(root / "hexie.sqlite3") == digest


def test_command_line_use_makes_the_automatic_backup_a_damaged_station_is_restored_from(tmp_path):
    root = tmp_path / "station"
    assert hexie(root, "init", "--role", "township", "--unit-code", "110105001", "--unit-name", "东坝镇调解中心",
                 "--admin", "admin").returncode == 0
    payload = tmp_path / "case.json"
    payload.write_text(json.dumps({"cases": [case_payload()]}, ensure_ascii=False), encoding="utf-8")
    added = hexie(root, "case", "add", "--json", str(payload))
    assert added.returncode == 0, added.stderr
    automatic = list((root / "backups").glob("hexie-auto-*.sqlite3"))
    assert len(automatic) == 1, "the first login of the day makes a verified automatic backup"
    database = root / "hexie.sqlite3"
    data = database.read_bytes()
    database.write_bytes(data[:len(data) // 3])
    listed = hexie(root, "restore", "--list")
    assert listed.returncode == 0 and "自动" in listed.stdout and "可用" in listed.stdout
    restored = hexie(root, "restore")
    assert restored.returncode == 0, restored.stderr
    assert automatic[0].name in restored.stdout
    assert hexie(root, "check").returncode == 0
