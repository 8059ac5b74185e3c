"""The generated form modules are current and marked as generated."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _gen_forms():
    spec = importlib.util.spec_from_file_location("gen_forms", ROOT / "scripts" / "gen_forms.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_generated_forms_are_current() -> None:
    stale = _gen_forms().stale()
    assert stale == [], f"run `python scripts/gen_forms.py`; stale: {stale}"


def test_every_form_has_a_generated_module_with_the_header() -> None:
    forms = sorted(p.stem for p in (ROOT / "forms").glob("*.ui"))
    assert forms, "no .ui files"
    for name in forms:
        text = (ROOT / "hexie_desktop" / "ui" / "forms" / f"{name}.py").read_text(encoding="utf-8")
        assert text.startswith("# generated — do not edit"), name


def test_forms_use_translate_not_hard_coded_english() -> None:
    for path in (ROOT / "hexie_desktop" / "ui" / "forms").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        if "retranslateUi" in text:
            assert "QCoreApplication.translate(" in text, path.name
