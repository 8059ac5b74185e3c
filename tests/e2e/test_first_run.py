"""First run is all or nothing: bad input creates nothing, a kill leaves no half station, retries work.

``hexie init`` runs as a separate process; a kill is injected with
``HEXIE_TEST_CRASH_AT=init.before_rename`` (after the new station is complete in its
temporary file, before it takes its name).  A half-created station left by older versions
(tables, no user) is offered for re-initialisation instead of bricking the folder.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hexie_desktop.storage import migrate
from hexie_desktop.storage.db import Database, sqlite_url
from tests.e2e.test_cli import hexie

INIT = ("init", "--role", "township", "--unit-code", "110105001", "--unit-name", "东坝镇劳动人事争议调解中心",
        "--short-name", "东坝", "--admin", "admin")


def _files(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir()) if root.exists() else []


def _works(root: Path, password: str = "secret123") -> None:
    listed = hexie(root, "case", "list", password=password)
    assert listed.returncode == 0 and listed.stdout.strip() == "共0件", listed.stderr


@pytest.mark.parametrize("args, password, field", [
    (INIT, "12345", "password"),
    (INIT, "", "password"),
    (tuple(a if a != "110105001" else "12AB" for a in INIT), "secret123", "unit_code"),
    (tuple(a if a != "110105001" else "1101050019999" for a in INIT), "secret123", "unit_code"),
    (tuple(a if a != "admin" else "ad min" for a in INIT), "secret123", "username"),
    (tuple(a if a != "东坝镇劳动人事争议调解中心" else " " for a in INIT), "secret123", "unit_name"),
])
def test_bad_first_input_creates_nothing_and_the_retry_works(tmp_path, args, password, field):
    root = tmp_path / "station"
    refused = hexie(root, *args, password=password or None, stdin="")
    assert refused.returncode == 1 and refused.stderr.count("\n") == 1 and "Traceback" not in refused.stderr
    assert field in refused.stderr or "HEXIE_PASSWORD" in refused.stderr, refused.stderr
    assert "hexie.sqlite3" not in _files(root)
    again = hexie(root, *INIT)
    assert again.returncode == 0, again.stderr
    _works(root)


def test_short_password_then_retry_in_one_folder(tmp_path):
    root = tmp_path / "station"
    short = hexie(root, *INIT, password="123")
    assert short.returncode == 1 and "密码至少需要6个字符" in short.stderr
    assert "不能重复初始化" not in hexie(root, *INIT).stderr
    _works(root)


def test_kill_during_init_leaves_no_half_station_and_the_retry_works(tmp_path):
    root = tmp_path / "station"
    killed = hexie(root, *INIT, env_extra={"HEXIE_TEST_CRASH_AT": "init.before_rename"})
    assert killed.returncode == -9
    assert "hexie.sqlite3" not in _files(root)
    assert any(name.endswith(".tmp") for name in _files(root)), "the kill happened with the station complete"
    listed = hexie(root, "case", "list")
    assert listed.returncode == 1 and "hexie init" in listed.stderr
    again = hexie(root, *INIT)
    assert again.returncode == 0, again.stderr
    assert not any(name.endswith(".tmp") for name in _files(root))
    _works(root)


def test_half_created_station_from_an_older_version_is_made_anew(tmp_path):
    root = tmp_path / "station"
    root.mkdir()
    db = Database(sqlite_url(root / "hexie.sqlite3"))
    migrate.upgrade(db.engine)  # the old bug: tables created, then the admin refused
    db.dispose()
    listed = hexie(root, "case", "list")
    assert listed.returncode == 1 and "站点创建没有完成" in listed.stderr and "hexie init" in listed.stderr
    again = hexie(root, *INIT)
    assert again.returncode == 0, again.stderr
    assert any(name.startswith("half-created-") for name in _files(root))
    _works(root)


def test_a_second_init_on_a_working_station_is_still_refused(tmp_path):
    root = tmp_path / "station"
    assert hexie(root, *INIT).returncode == 0
    again = hexie(root, *INIT, password="other-password")
    assert again.returncode == 1 and "不能重复初始化" in again.stderr
    _works(root)
