"""The exchange's building blocks without a station: strict JSON, row checks, keys and cards, parts."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from hexie_desktop.exchange import container, keys, limits, manifest
from hexie_desktop.exchange.codec import TABLES, RowError, check_row, encoder
from hexie_desktop.exchange.errors import (
    E_ENCODING,
    E_FORMAT,
    E_JSON,
    E_KEYS,
    E_LIMIT,
    E_PARTS,
    E_TRUST,
    ExchangeError,
)
from hexie_desktop.storage.models import utcnow

ORIGIN = "110105001"


def _code(call) -> str:
    with pytest.raises(ExchangeError) as info:
        call()
    return info.value.code


@pytest.mark.parametrize("text,code", [
    (b'{"a":1,"a":2}', E_JSON), (b'{"a": NaN}', E_JSON), (b'{"a": Infinity}', E_JSON), (b"[" * 50, E_JSON),
    (b'{"a": "\xff"}', E_ENCODING), (b'{"a":' + b"1" * 30 + b"}", E_LIMIT), (b"{bad}", E_JSON),
    (b'{"a": "' + b"x" * (limits.STRING_MAX_CHARS + 1) + b'"}', E_LIMIT),
])
def test_strict_json_refuses_each_hazard_with_its_code(text, code):
    assert _code(lambda: limits.loads(text, max_bytes=10_000_000)) == code


def test_strict_json_accepts_plain_objects_and_is_canonical():
    assert limits.loads(b'{"b": [1, 2], "a": "\xe4\xb8\xad"}') == {"b": [1, 2], "a": "中"}
    assert limits.dumps({"b": 1, "a": "中"}) == '{"a":"中","b":1}'.encode()


def _employer(**changes) -> dict:
    row = {"id": "0b1e3f8e-8f7a-4f5e-9d21-3c1a2b4d5e6f", "origin": ORIGIN, "version": 2, "change_seq": 7,
           "updated_at": "2026-11-20T08:00:00", "deleted": False, "name": "甲公司", "credit_code": None,
           "legacy_reg_no": None, "address": None, "legal_representative": None, "phone": None,
           "employer_type": None, "industry": None, "employees": 12, "division_code": None}
    row.update(changes)
    return row


def test_rows_travel_as_json_lines_and_come_back_typed():
    spec = TABLES["cases"]
    assert list(TABLES).index("employers") < list(TABLES).index("cases") < list(TABLES).index("parties")
    values = {c.name: None for c in spec.columns}
    values.update(id="0b1e3f8e-8f7a-4f5e-9d21-3c1a2b4d5e6f", origin=ORIGIN, version=1, change_seq=1,
                  updated_at=utcnow().replace(microsecond=0), deleted=False, number="（2026）东坝劳调字第1号",
                  year=2026, seq=1, state="registered", source="application", received_on=date(2026, 9, 16),
                  facts="事实", main_category="wages", collective=False, workers=1,
                  respondent_id="1b1e3f8e-8f7a-4f5e-9d21-3c1a2b4d5e6f", claimed_cents=100,
                  applicant_side="worker")
    line = encoder(spec)(tuple(values[name] for name in spec.names))
    assert b'"received_on":"2026-09-16"' in line and line.endswith(b"\n")
    assert check_row(spec, json.loads(line), ORIGIN) == values


@pytest.mark.parametrize("changes,fragment", [
    ({"origin": "110105002"}, "与发送单位"), ({"id": "not-a-uuid"}, "UUID"), ({"version": 0}, "版本号"),
    ({"name": "x" * 201}, "超过200个字符"), ({"employees": "12"}, "整数"), ({"employees": True}, "整数"),
    ({"deleted": 0}, "是/否"), ({"name": "a\x00b"}, "控制字符"), ({"name": "abc\u202egnp"}, "控制字符"),
    ({"name": "\ud800"}, "控制字符"), ({"updated_at": "2026-02-30T00:00:00"}, "不是存在的时间"),
    ({"colour": "red"}, "未知字段"), ({"name": None}, "必填"),
])
def test_bad_rows_are_named(changes, fragment):
    with pytest.raises(RowError) as info:
        check_row(TABLES["employers"], _employer(**changes), ORIGIN)
    assert fragment in info.value.reason


def test_card_fingerprint_signature_and_tampering():
    station = keys.generate(role="district", unit_code="110105", unit_name="朝阳区")
    card = keys.Card.from_bytes(station.card.to_bytes())
    assert card == station.card
    assert len(card.fingerprint.replace(" ", "")) == 20 and card.fingerprint.count(" ") == 4
    assert keys.normalize_fingerprint(card.fingerprint.replace(" ", "-")) == card.fingerprint
    tampered = json.loads(station.card.to_bytes())
    tampered["unit_name"] = "海淀区"
    assert _code(lambda: keys.Card.from_dict(tampered)) == E_TRUST
    other = keys.generate(role="district", unit_code="110105", unit_name="朝阳区")
    swapped = dict(json.loads(station.card.to_bytes()), age_recipient=other.card.age_recipient)
    assert _code(lambda: keys.Card.from_dict(swapped)) == E_TRUST


def test_district_keys_are_sealed_with_the_passphrase(tmp_path: Path):
    made = keys.generate(role="district", unit_code="110105", unit_name="朝阳区")
    assert _code(lambda: keys.save(tmp_path, made, "short")) == E_KEYS
    keys.save(tmp_path, made, "long enough passphrase")
    text = (tmp_path / keys.KEY_FILE).read_text()
    assert "AGE-SECRET-KEY" not in text and "sealed" in text
    assert keys.public_card(tmp_path) == made.card
    assert _code(lambda: keys.load(tmp_path, "wrong passphrase!")) == E_KEYS
    assert _code(lambda: keys.load(tmp_path, None)) == E_KEYS
    loaded = keys.load(tmp_path, "long enough passphrase")
    assert str(loaded.identity) == str(made.identity)
    old, new = keys.rotate(tmp_path, "long enough passphrase")
    assert new.card.fingerprint != old.card.fingerprint
    assert [str(i) for i in keys.load(tmp_path, "long enough passphrase").identities][1] == str(made.identity)


def test_township_keys_need_no_passphrase(tmp_path: Path):
    made = keys.generate(role="township", unit_code=ORIGIN, unit_name="东坝镇")
    keys.save(tmp_path, made)
    assert keys.load(tmp_path).card == made.card
    assert not keys.is_protected(tmp_path)


def test_parts_join_in_any_order_and_name_what_is_missing(tmp_path: Path):
    whole = tmp_path / "p.hxp"
    whole.write_bytes(bytes(range(256)) * 40)
    parts = container.split(whole, tmp_path / "out" / "p.hxp", 3000)
    assert [p.name for p in parts] == ["p.hxp.001", "p.hxp.002", "p.hxp.003", "p.hxp.004"]
    staging = tmp_path / "staging"
    staging.mkdir()
    joined = container.join(list(reversed(parts)), staging)
    assert joined[0].read_bytes() == whole.read_bytes()
    with pytest.raises(ExchangeError) as info:
        container.join([parts[0], parts[3]], staging)
    assert info.value.code == E_PARTS and "p.hxp.002、p.hxp.003" in info.value.message


def test_manifest_fields_are_exact():
    sender = keys.generate(role="township", unit_code=ORIGIN, unit_name="东坝镇")
    data = manifest.build(package_id="0b1e3f8e-8f7a-4f5e-9d21-3c1a2b4d5e6f", kind="changes", sender=sender.card,
                          recipients=["110105"], sequence=3, epoch=1, epoch_base=0, based_on=None, change_from=2,
                          change_to=9, created_at=utcnow(), app_version="0.1.0", schema_version="0003",
                          row_counts={"cases": 2}, files=0, payload_size=10, payload_sha256="a" * 64,
                          audit_head="b" * 64)
    parsed = manifest.parse(data)
    assert (parsed.sequence, parsed.change_from, parsed.row_counts) == (3, 2, {"cases": 2})
    extra = json.loads(data)
    extra["comment"] = "hi"
    assert _code(lambda: manifest.parse(limits.dumps(extra))) == E_FORMAT
    negative = json.loads(data)
    negative["sequence"] = -1
    assert _code(lambda: manifest.parse(limits.dumps(negative))) == E_FORMAT
