"""A record table over a list of ids whose rows are read page by page when shown (registries).

Like the case list (:mod:`hexie_desktop.ui.models.case_table`): the screen gets the ids
of a register in display order from one quick query off the GUI thread; the rows behind
them are read through ``fetch(ids)`` a page of :data:`PAGE` at a time, the first time a
view asks for a cell of that page, and kept in a small LRU cache.  Sorting by a column
asks the screen for a new id order (:attr:`LazyRecordModel.sort_requested`) instead of
reading every row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal

from hexie_desktop.ui.models.pages import PageCache
from hexie_desktop.ui.models.records import Key, RecordTableModel

PAGE = 200
MAX_PAGES = 20
Fetch = Callable[[list[str]], list[dict[str, Any]]]


class LazyRecordModel(RecordTableModel):
    """:class:`RecordTableModel` whose records are fetched by page from their ids."""

    sort_requested = Signal(object, bool)  # (column key or None, descending)

    def __init__(self, columns: Sequence[tuple[Key, str]], fetch: Fetch, *, parent: Any = None) -> None:
        super().__init__(columns, parent=parent)
        self._fetch = fetch
        self._ids: list[str] = []
        self._pages: PageCache[dict[str, Any]] = PageCache(self._read_page, MAX_PAGES)

    def set_ids(self, ids: Sequence[str], fetch: Fetch | None = None,
                first_page: list[dict[str, Any]] | None = None) -> None:
        """Show the records ``ids`` in this order (``fetch`` reads a page of them, when it changes).

        ``first_page``: the records of the first :data:`PAGE` ids when already read (off the GUI thread).
        """
        self.beginResetModel()
        self._ids = list(ids)
        self._pages.clear()
        if fetch is not None:
            self._fetch = fetch
        if first_page is not None:
            found = {r["id"]: r for r in first_page}
            self._pages.put(0, [found.get(i) or {"id": i} for i in self._ids[:PAGE]])
        self.endResetModel()

    def set_records(self, records: Sequence[Any]) -> None:
        """Not for a lazy model: its rows come from :meth:`set_ids`."""
        raise TypeError("LazyRecordModel shows ids: use set_ids()")

    def ids(self) -> list[str]:
        """The ids shown, in order."""
        return list(self._ids)

    def _read_page(self, page: int) -> list[dict[str, Any]]:
        chunk = self._ids[page * PAGE:(page + 1) * PAGE]
        found = {r["id"]: r for r in self._fetch(chunk)} if chunk else {}
        return [found.get(i) or {"id": i} for i in chunk]

    def _page(self, page: int) -> list[dict[str, Any]]:
        return self._pages.get(page)

    @property
    def fetches(self) -> int:
        """How many pages were read."""
        return self._pages.reads

    def record(self, row: int) -> dict[str, Any]:
        """The record shown in ``row`` (read with its page when not cached)."""
        return self._page(row // PAGE)[row % PAGE]

    def records(self) -> list[dict[str, Any]]:
        """Every record, in order (reads every page: for small registers and tests)."""
        return [r for page in range((len(self._ids) + PAGE - 1) // PAGE) for r in self._page(page)]

    def rowCount(self, parent: Any = None) -> int:
        """Number of ids shown (0 under any parent: this is a flat table)."""
        return 0 if parent is not None and parent.isValid() else len(self._ids)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Ask for the ids in the order of ``column`` (a computed column keeps the register's order)."""
        key = self._columns[column][0] if 0 <= column < len(self._columns) else None
        self.sort_requested.emit(key if isinstance(key, str) else None, order == Qt.SortOrder.DescendingOrder)
