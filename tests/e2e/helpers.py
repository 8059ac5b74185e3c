"""Payload builders and a database digest shared by the whole-flow tests."""

from __future__ import annotations

import hashlib
from datetime import date

from sqlalchemy import inspect, text

from hexie_desktop.core.ids import make_credit_code, make_resident_id
from hexie_desktop.services.station import Station


def applicant(name: str = "张三", *, birth: date = date(1990, 5, 17), seq: int = 123, **extra) -> dict:
    """A valid applicant payload."""
    return {"name": name, "id_number": make_resident_id("110105", birth, seq), "phone": "13800138000",
            "address": "北京市朝阳区东坝乡东坝村1组2号", **extra}


def case_payload(**overrides) -> dict:
    """A valid single-worker wage case received 2026-09-16."""
    payload = {
        "received_on": "2026-09-16",
        "source": "application",
        "applicants": [applicant()],
        "respondent": {"name": "北京宏达建筑工程有限公司", "credit_code": make_credit_code("91110105MA01ABCD2"),
                       "address": "北京市朝阳区建设路8号", "legal_representative": "李四", "phone": "010-85551234"},
        "claims": [{"category": "wages", "amount": "12345.60", "description": "拖欠2026年7-8月工资"}],
        "facts": "申请人于2025年3月入职，被申请人拖欠两个月工资。",
        "infringement_known_on": "2026-08-31",
    }
    payload.update(overrides)
    return payload


def signatures(day: str = "2026-09-20") -> dict:
    """The four signature facts of LDTJ art. 14, all on ``day``."""
    return {"applicant_signed_on": day, "respondent_signed_on": day, "mediator_signed_on": day,
            "seal_applied_on": day}


def db_digest(station: Station, *, skip: tuple[str, ...] = ()) -> str:
    """SHA-256 over every row of every table (to prove that a refusal changed nothing)."""
    digest = hashlib.sha256()
    with station.db.engine.connect() as conn:
        for table in sorted(inspect(conn).get_table_names()):
            if table in skip or table.startswith("case_fts"):
                continue
            for row in conn.execute(text(f'SELECT * FROM "{table}" ORDER BY 1')):
                digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()
