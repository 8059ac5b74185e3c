"""Random draws of the demo, equal to ``random.Random``'s for the same state but cheaper per call.

``Random.randint`` goes through ``randrange``, two index checks and ``_randbelow``; the demo
draws millions of small integers, so these closures make the same ``getrandbits`` calls
directly (the algorithm of ``Random._randbelow_with_getrandbits``).  Mixing them with the
``Random`` methods on the same generator keeps the stream: tests/unit/test_demo_draws.py holds
each draw to the ``Random`` method it replaces.
"""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Callable, Sequence
from itertools import accumulate
from typing import TypeVar

T = TypeVar("T")


class Draws:
    """``below(n)``, ``between(a, b)``, ``pick(seq)``, ``random()`` and ``weighted(table)`` on one ``Random``."""

    def __init__(self, rng: random.Random) -> None:
        bits = rng.getrandbits
        self.random: Callable[[], float] = rng.random
        """``rng.random()``."""

        def below(n: int) -> int:
            """``rng._randbelow(n)``: an integer in [0, n)."""
            k = n.bit_length()
            r = bits(k)
            while r >= n:
                r = bits(k)
            return r

        def between(a: int, b: int) -> int:
            """``rng.randint(a, b)``."""
            n = b - a + 1
            k = n.bit_length()
            r = bits(k)
            while r >= n:
                r = bits(k)
            return a + r

        def pick(seq: Sequence[T]) -> T:
            """``rng.choice(seq)``."""
            n = len(seq)
            if not n:
                raise IndexError("Cannot choose from an empty sequence")
            k = n.bit_length()
            r = bits(k)
            while r >= n:
                r = bits(k)
            return seq[r]

        self.below = below
        self.between = between
        self.pick = pick

    def weighted(self, table: Weights) -> str:
        """``rng.choices(keys, weights=weights)[0]`` for a prepared :class:`Weights` table."""
        return table.keys[bisect(table.cumulative, self.random() * table.total, 0, table.last)]


class Weights:
    """A weighted choice prepared once: its keys, cumulative weights and total (as ``Random.choices`` makes them)."""

    def __init__(self, pairs: Sequence[tuple[str, int]]) -> None:
        if not pairs:
            raise ValueError("a weighted choice needs at least one key")
        self.keys = [k for k, _w in pairs]
        self.cumulative = list(accumulate(w for _k, w in pairs))
        self.total = self.cumulative[-1] + 0.0
        self.last = len(self.keys) - 1
