"""Realistic synthetic data for a demo station (``hexie demo``, ``hexie --demo``)."""

from hexie_desktop.services.demo.generate import DemoReport, generate

__all__ = ["DemoReport", "generate"]
