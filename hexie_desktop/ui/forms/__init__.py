"""Modules generated from ../../../forms/*.ui by scripts/gen_forms.py (committed; do not edit)."""
