"""数据交换: export and import packages, receipts and reference data; keys, townships and conflicts."""

from hexie_desktop.ui.screens.exchange.screen import ExchangeScreen

__all__ = ["ExchangeScreen"]
