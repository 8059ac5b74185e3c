"""登记: the intake form for a new case, usable from the keyboard alone."""

from hexie_desktop.ui.screens.intake.screen import IntakeScreen

__all__ = ["IntakeScreen"]
