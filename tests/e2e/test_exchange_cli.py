"""``hexie export / import / keys`` on SQLite stations: exit codes, one-line errors, ``--json``, e-mail parts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.e2e.exchange_support import PASSPHRASE, PASSWORD, closing_cli


def _fp(card: Path) -> str:
    """The fingerprint the other side reads out over the phone."""
    from hexie_desktop.services.exchange import read_card

    return read_card(card).fingerprint


@pytest.fixture
def hexie(monkeypatch):
    """``hexie(*argv)`` → exit code; the stations it opened are closed afterwards."""
    monkeypatch.setenv("HEXIE_PASSWORD", PASSWORD)
    monkeypatch.setenv("HEXIE_KEY_PASSPHRASE", PASSPHRASE)
    run = closing_cli(monkeypatch)
    return lambda *argv: run(list(argv))


def test_command_line_exchange(hexie, tmp_path: Path, capsys):
    town, dist = ["--data-dir", str(tmp_path / "town")], ["--data-dir", str(tmp_path / "dist")]
    assert hexie(*town, "init", "--role", "township", "--unit-code", "110105001", "--unit-name", "东坝镇",
                 "--admin", "admin") == 0
    assert hexie(*dist, "init", "--role", "district", "--unit-code", "110105", "--unit-name", "朝阳区",
                 "--admin", "admin") == 0
    assert hexie(*town, "export", "--out", str(tmp_path / "early.hxp")) == 1
    assert "尚未信任区级站点" in capsys.readouterr().err
    assert hexie(*dist, "keys", "card", "--out", str(tmp_path / "d.card")) == 0
    assert hexie(*town, "keys", "card", "--out", str(tmp_path / "t.card")) == 0
    assert hexie(*town, "keys", "trust", str(tmp_path / "t.card"), "--fingerprint", _fp(tmp_path / "t.card")) == 1
    assert "自己的名片" in capsys.readouterr().err
    assert hexie(*town, "keys", "trust", str(tmp_path / "d.card"), "--fingerprint", _fp(tmp_path / "d.card")) == 0
    assert hexie(*dist, "keys", "trust", str(tmp_path / "t.card"), "--fingerprint", _fp(tmp_path / "t.card")) == 0
    capsys.readouterr()
    assert hexie(*dist, "keys", "show", "--json") == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["protected"] is True and shown["peers"][0]["unit_code"] == "110105001"
    assert hexie(*town, "demo", "--cases", "8") == 0
    assert hexie(*town, "export", "--out", str(tmp_path / "p1.hxp")) == 0
    assert "已导出第1号数据包（完整" in capsys.readouterr().out

    assert hexie(*dist, "import", str(tmp_path / "p1.hxp"), "--dry-run", "--json") == 0
    report = json.loads(capsys.readouterr().out)["packages"][0]
    assert report["dry_run"] and report["code"] == "OK" and report["summary"]["tables"]["cases"]["new"] == 8
    assert hexie(*dist, "import", str(tmp_path / "p1.hxp")) == 0
    out = capsys.readouterr().out
    assert "cases\t8\t0\t0\t0\t0" in out and "回执：" in out
    receipt = out.split("回执：")[1].strip()
    assert hexie(*dist, "import", str(tmp_path / "p1.hxp")) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "[E_DUPLICATE]" in err

    assert hexie(*town, "import", receipt) == 0
    assert "区里已确认收到第1号数据包" in capsys.readouterr().out
    assert hexie(*town, "export", "--full", "--split-mb", "1", "--out", str(tmp_path / "mail.hxp")) == 0
    parts = sorted(tmp_path.glob("mail.hxp.*"))
    assert parts and "mail.hxp.001" in capsys.readouterr().out
    assert hexie(*dist, "import", *map(str, reversed(parts))) == 0
    assert "cases\t0\t0\t8\t0\t0" in capsys.readouterr().out, "a full package again: all unchanged"
    assert hexie(*dist, "keys", "accept", "110105009", "--fingerprint", "1234") == 1
    assert "[E_TRUST]" in capsys.readouterr().err
    assert hexie(*dist, "export", "--out", str(tmp_path / "ref.hxp")) == 0
    assert "参考数据包" in capsys.readouterr().out
    assert hexie(*town, "import", str(tmp_path / "ref.hxp")) == 0


def test_a_district_needs_its_passphrase(hexie, tmp_path: Path, capsys, monkeypatch):
    dist = ["--data-dir", str(tmp_path / "dist")]
    assert hexie(*dist, "init", "--role", "district", "--unit-code", "110105", "--unit-name", "朝阳区",
                 "--admin", "admin") == 0
    monkeypatch.setenv("HEXIE_KEY_PASSPHRASE", "wrong passphrase")
    assert hexie(*dist, "keys", "rotate", "--out", str(tmp_path / "r.hxp")) == 1
    assert "[E_KEYS] 密钥口令不正确" in capsys.readouterr().err
