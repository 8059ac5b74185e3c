"""The desktop GUI (PySide6): the only package of hexie_desktop that imports Qt.

Widgets call service functions and show what they return; they never hold a database
session, write SQL or decide business rules.  Layouts come from ``forms/*.ui`` through the
generated modules in :mod:`hexie_desktop.ui.forms`.
"""
