"""Station settings: typed accessors over the JSON ``settings`` table, with defaults."""

from __future__ import annotations

import json
from dataclasses import asdict
from dataclasses import fields as dataclass_fields
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hexie_desktop.core import coverage as coverage_rules
from hexie_desktop.core import fields
from hexie_desktop.core import grading as grading_rules
from hexie_desktop.core import plan as plan_rules
from hexie_desktop.core import warnings as warning_rules
from hexie_desktop.core.codes import DEFAULT_CHECKLIST
from hexie_desktop.core.errors import UserError
from hexie_desktop.core.i18n import _
from hexie_desktop.core.numbering import DEFAULT_ARCHIVE_PATTERN, DEFAULT_CASE_PATTERN, validate_pattern
from hexie_desktop.core.periods import DeadlineSettings, WorkCalendar
from hexie_desktop.core.stats import check_denominator
from hexie_desktop.core.text import printable
from hexie_desktop.services.context import Context
from hexie_desktop.storage.models import Setting

DEFAULTS: dict[str, Any] = {
    "station.role": "township",
    "station.unit_code": "",
    "station.unit_name": "",
    "station.short_name": "",
    "station.address": "",
    "station.phone": "",
    "station.arbitration_commission": "",
    "station.arbitration_address": "",
    "station.arbitration_phone": "",
    "station.court_name": "",
    "numbering.case_pattern": DEFAULT_CASE_PATTERN,
    "numbering.archive_pattern": DEFAULT_ARCHIVE_PATTERN,
    "deadlines": asdict(DeadlineSettings()),
    "calendar.overrides": {},
    "archive.retention_years": 10,
    "stats.success_denominator": "agreed_failed",
    "security.idle_lock_minutes": 10,
    "checklist.definitions": [list(item) for item in DEFAULT_CHECKLIST],
    "warnings.thresholds": warning_rules.as_dict(warning_rules.Thresholds()),
    "grading.thresholds": grading_rules.as_dict(grading_rules.Limits()),
    "plan.targets": {},
    "coverage.large_medium_employees": coverage_rules.DEFAULT_LARGE_MEDIUM_EMPLOYEES,
}


DEADLINE_KEYS = tuple(f.name for f in dataclass_fields(DeadlineSettings))


def get(session: Session, key: str) -> Any:
    """The value of ``key`` (its default when never set)."""
    row = session.get(Setting, key)
    if row is None:
        if key not in DEFAULTS:
            raise UserError(_("未知的设置项：{key}").format(key=key), field=key)
        return DEFAULTS[key]
    return json.loads(row.value)


def put(session: Session, key: str, value: Any) -> None:
    """Store ``value`` under ``key`` inside the caller's transaction."""
    if key not in DEFAULTS:
        raise UserError(_("未知的设置项：{key}").format(key=key), field=key)
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=text))
    else:
        row.value = text


def all_settings(session: Session) -> dict[str, Any]:
    """Every setting with its current value."""
    stored = {row.key: json.loads(row.value) for row in session.execute(select(Setting)).scalars()}
    return {key: stored.get(key, default) for key, default in DEFAULTS.items()}


def deadline_settings(session: Session) -> DeadlineSettings:
    """The configured deadline lengths."""
    raw = get(session, "deadlines")
    known = {f.name for f in dataclass_fields(DeadlineSettings)}
    return DeadlineSettings(**{k: v for k, v in raw.items() if k in known})


def calendar(session: Session) -> WorkCalendar:
    """The working-day calendar with the station's holiday overrides."""
    raw = get(session, "calendar.overrides")
    return WorkCalendar({date.fromisoformat(day): bool(work) for day, work in raw.items()})


# The exchange identity: the district knows the station by this code and its keys, and every
# record the station made carries it as ``origin``; changing it would orphan them.
FIXED = frozenset({"station.role", "station.unit_code"})
# Station texts printed on documents (seal line, 联系地址, 联系电话) and their longest length.
STATION_TEXTS = {"station.unit_name": 100, "station.short_name": 20, "station.address": 200,
                 "station.phone": 30, "station.arbitration_commission": 100,
                 "station.arbitration_address": 200, "station.arbitration_phone": 30,
                 "station.court_name": 100}
REQUIRED_TEXTS = frozenset({"station.unit_name", "station.short_name"})


def _check_key(key: object) -> str:
    if not isinstance(key, str) or key not in DEFAULTS:
        raise UserError(_("未知的设置项（请检查拼写）：{key}").format(key=printable(str(key)[:60])), field=str(key)[:60])
    if key in FIXED:
        raise UserError(_("单位代码和站点类型是本站在数据交换中的身份（区里据此识别本站，已有记录都带有它），"
                          "不能修改；如确实填错，请联系区里重新建站"), field=key)
    return key


def validated(key: str, value: Any) -> Any:
    """The value to store for ``key``, checked field by field (each error names ``key`` or ``key.part``)."""
    _check_key(key)
    if key in STATION_TEXTS:
        return fields.text(value, key, required=key in REQUIRED_TEXTS, max_len=STATION_TEXTS[key],
                           multiline=False) or ""
    if key in ("numbering.case_pattern", "numbering.archive_pattern"):
        pattern = fields.text(value, key, required=True, max_len=100, multiline=False)
        try:
            return validate_pattern(pattern, archive=key == "numbering.archive_pattern")
        except UserError as exc:
            raise UserError(exc.message, field=key) from None
    if key == "deadlines":
        raw = fields.only(fields.mapping(value, key), DEADLINE_KEYS, key)
        clean = {name: fields.integer(raw.get(name, getattr(DeadlineSettings(), name)), f"{key}.{name}",
                                      required=True, minimum=0, maximum=3650) for name in DEADLINE_KEYS}
        DeadlineSettings(**clean)
        return clean
    if key == "calendar.overrides":
        raw = fields.mapping(value, key)
        for day, work in raw.items():
            fields.day(day, f"{key}.{printable(str(day)[:20])}", required=True)
            fields.boolean(work, f"{key}.{day}")
        return raw
    if key == "archive.retention_years":
        return fields.integer(value, key, required=True, minimum=1, maximum=100)
    if key == "coverage.large_medium_employees":
        return fields.integer(value, key, required=True, minimum=1, maximum=1_000_000)
    if key == "security.idle_lock_minutes":
        return fields.integer(value, key, required=True, minimum=0, maximum=1440)
    if key == "stats.success_denominator":
        return check_denominator(value if isinstance(value, str) else "")
    if key == "warnings.thresholds":
        return warning_rules.as_dict(warning_rules.thresholds(value))
    if key == "grading.thresholds":
        return grading_rules.as_dict(grading_rules.limits(value))
    if key == "plan.targets":
        targets = fields.mapping(value, key)
        return dict(plan_rules.check_targets(year, goals) for year, goals in targets.items())
    if key == "checklist.definitions":
        rows = fields.sequence(value, key, required=True)
        for i, row in enumerate(rows):
            if not isinstance(row, list) or len(row) != 3:
                raise UserError(_("每项应为 [分组, 代码, 名称]"), field=f"{key}[{i}]")
            for part, text in zip(("group", "code", "title"), row, strict=True):
                fields.text(text, f"{key}[{i}].{part}", required=True, max_len=200, multiline=False)
        return rows
    raise AssertionError(key)


def update(ctx: Context, changes: dict[str, Any]) -> dict[str, Any]:
    """Change several settings in one audited transaction; every value is checked before anything is written.

    The station's name, short name, address and phone may be corrected by an admin (audited with
    old and new values); its unit code and role are its exchange identity and stay fixed.
    """
    ctx.require("settings.edit")
    changes = fields.mapping(changes, "settings")
    if not changes:
        raise UserError(_("没有要修改的设置"), field="settings")
    clean = {_check_key(key): validated(key, value) for key, value in changes.items()}
    with ctx.db.transaction() as session:
        renamed = [f"{key}: {get(session, key)} → {value}" for key, value in sorted(clean.items())
                   if key in STATION_TEXTS and get(session, key) != value]
        for key, value in clean.items():
            put(session, key, value)
        summary = "; ".join(renamed) if renamed else ", ".join(sorted(clean))
        ctx.audit(session, "settings.update", entity="settings", summary=summary[:500])
        return all_settings(session)


def warning_thresholds(session: Session) -> warning_rules.Thresholds:
    """The configured early-warning thresholds (defaults for keys never set)."""
    return warning_rules.thresholds(get(session, "warnings.thresholds"))


def grading_limits(session: Session) -> grading_rules.Limits:
    """The configured case-grading limits and report deadline."""
    return grading_rules.limits(get(session, "grading.thresholds"))


def read_all(ctx: Context) -> dict[str, Any]:
    """Every setting with its current value (for screens)."""
    ctx.require("read")
    with ctx.db.read() as session:
        return all_settings(session)


def deadline_setup(ctx: Context) -> tuple[DeadlineSettings, WorkCalendar]:
    """The configured period lengths and the working-day calendar (for intake warnings)."""
    ctx.require("read")
    with ctx.db.read() as session:
        return deadline_settings(session), calendar(session)
