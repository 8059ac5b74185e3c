"""Turn ``services.registries.FIELDS`` into form fields and table columns."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from hexie_desktop.core import ledgers, stats
from hexie_desktop.core.errors import HexieError
from hexie_desktop.services import registries
from hexie_desktop.services.context import Context
from hexie_desktop.ui.widgets.formbuilder import Field

KIND_MAP = {"longtext": "multiline", "date": "date", "bool": "bool", "money": "money", "choice": "choice",
            "ref": "choice"}
MAX_COLUMNS = 8


def search_hint(kind: str) -> str:
    """The search box's placeholder for ``kind``, naming what the search really looks at (its spec's fields)."""
    t = QCoreApplication.translate
    searched = registries.search_fields(kind)
    if not searched:
        return t("RegistryScreen", "此名册不提供查找")
    spec = ledgers.spec(kind)
    labels = [spec.field(name).label for name in searched]
    return t("RegistryScreen", "按{fields}查找").format(fields="、".join(labels))


def form_fields(ctx: Context, kind: str) -> list[Field]:
    """The form fields of a registry kind; references become choices of the referenced records."""
    out = []
    for spec in registries.FIELDS[kind]:
        choices: Any = spec.choices or ()
        if spec.kind == "ref" and spec.ref:
            try:
                choices = registries.choices(ctx, spec.ref)
            except HexieError:
                choices = []
        hint = ""
        if spec.kind == "int":
            hint = QCoreApplication.translate("RegistryFields", "整数")
        elif spec.kind == "division":
            hint = QCoreApplication.translate("RegistryFields", "12位统计用区划代码（也可填6位或9位）")
        out.append(Field(spec.name, spec.label, KIND_MAP.get(spec.kind, "text"), spec.required, choices, hint=hint))
    return out


SELECTION_REGISTERS = frozenset({"coordinators", "social_orgs", "orgs", "mediators"})
"""Registers whose records can be nominated for 选树 (core/selection.py): they show its mark."""


def columns(kind: str) -> list[tuple[Any, str]]:
    """Table columns: the first fields (labels for choices and references), plus mediator statistics."""
    out: list[tuple[Any, str]] = []
    for spec in registries.FIELDS[kind]:
        if spec.kind == "longtext":
            continue
        key = spec.name + "_label" if spec.kind in ("choice", "ref") else spec.name
        out.append((key, spec.label))
        if len(out) >= MAX_COLUMNS:
            break
    if kind == "mediators":
        out.append(("cases_handled", QCoreApplication.translate("RegistryFields", "办案数")))
        out.append((lambda r: stats.fraction_text(r.get("success_rate"), "rate"),
                    QCoreApplication.translate("RegistryFields", "调解成功率")))
    if kind in registries.PERSON_COLUMNS:
        out.append(("training_hours_this_year", QCoreApplication.translate("RegistryFields", "本年培训学时")))
        out.append(("last_assessment", QCoreApplication.translate("RegistryFields", "最近考核")))
    if kind in SELECTION_REGISTERS:
        out.append(("selection_label", QCoreApplication.translate("RegistryFields", "选树")))
    return out


def form_values(record: dict[str, Any]) -> dict[str, Any]:
    """Values to prefill an edit form from a (masked) record."""
    return {k: v for k, v in record.items() if not k.endswith("_label")}


def changed_values(kind: str, original: dict[str, Any], values: dict[str, Any]) -> dict[str, Any]:
    """Only what the person changed (masked ID numbers and phones are sent back only when retyped)."""
    out = {}
    for spec in registries.FIELDS[kind]:
        new = values.get(spec.name)
        old = original.get(spec.name)
        if new == old or (new in (None, "") and old in (None, "")):
            continue
        if isinstance(old, int) and not isinstance(old, bool) and str(old) == str(new):
            continue
        out[spec.name] = new
    return out


def create_values(values: dict[str, Any]) -> dict[str, Any]:
    """A new record's values without empty ones."""
    return {k: v for k, v in values.items() if v not in (None, "")}
