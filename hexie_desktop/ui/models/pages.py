"""The pages of a lazy table model that have been read, the least recently used dropped first."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Generic, TypeVar

Row = TypeVar("Row")


class PageCache(Generic[Row]):
    """Rows by page number: :meth:`get` reads a missing page with ``read(page)`` and keeps ``keep`` pages."""

    def __init__(self, read: Callable[[int], list[Row]], keep: int) -> None:
        self._read = read
        self._keep = keep
        self._pages: OrderedDict[int, list[Row]] = OrderedDict()
        self.reads = 0

    def get(self, page: int) -> list[Row]:
        """The rows of ``page`` (read now when not kept)."""
        rows = self._pages.get(page)
        if rows is None:
            rows = self._read(page)
            self.reads += 1
            self.put(page, rows)
        else:
            self._pages.move_to_end(page)
        return rows

    def put(self, page: int, rows: list[Row]) -> None:
        """Keep ``rows`` as ``page`` (e.g. rows already read with the ids)."""
        self._pages[page] = rows
        self._pages.move_to_end(page)
        while len(self._pages) > self._keep:
            self._pages.popitem(last=False)

    def clear(self) -> None:
        """Forget every page (after a change)."""
        self._pages.clear()
