"""名册台账: every registry and ledger, built from ``services.registries.FIELDS``."""

from hexie_desktop.ui.screens.registry.screen import RegistryScreen

__all__ = ["RegistryScreen"]
