"""繁简分流: every case's grade, its override, and the 重大集体劳动争议 report."""

from hexie_desktop.ui.screens.grading.screen import GradingScreen

__all__ = ["GradingScreen"]
