"""The demo's cheap random draws (services/demo/draws.py) equal ``random.Random``'s for the same seed.

The demo's content for a seed must not change when its generator gets faster (tests and
screenshots rely on it), so every draw is held to the ``Random`` method it replaces.
"""

from __future__ import annotations

import random

import pytest

from hexie_desktop.services.demo import names
from hexie_desktop.services.demo.draws import Draws, Weights

POOLS = ("x", "ab", "abc", tuple(range(7)), tuple(range(8)), tuple(range(9)), names.SURNAMES, names.GIVEN)


@pytest.mark.parametrize("seed", [1, 7, 12345])
def test_draws_repeat_the_random_methods(seed):
    ours, theirs = random.Random(seed), random.Random(seed)
    draw = Draws(ours)
    table = (("a", 46), ("b", 16), ("c", 8), ("d", 30))
    weights = Weights(table)
    for round_ in range(3000):
        a = round_ % 50
        b = a + round_ % 997
        assert draw.between(a, b) == theirs.randint(a, b)
        assert draw.below(round_ + 1) == theirs.randrange(round_ + 1)
        pool = POOLS[round_ % len(POOLS)]
        assert draw.pick(pool) == theirs.choice(pool)
        assert draw.random() == theirs.random()
        assert draw.weighted(weights) == theirs.choices([k for k, _w in table], weights=[w for _k, w in table])[0]
    assert ours.getstate() == theirs.getstate()


def test_names_repeat_the_random_methods():
    """The name helpers draw exactly what the former ``rng.choice``/``rng.randint`` code drew."""
    ours, theirs = random.Random(3), random.Random(3)
    draw = Draws(ours)
    for _i in range(2000):
        surname = theirs.choice(names.COMPOUND_SURNAMES) if theirs.random() < 0.02 else theirs.choice(names.SURNAMES)
        given = "".join(theirs.choice(names.GIVEN) for _ in range(1 if theirs.random() < 0.3 else 2))
        if theirs.random() < 0.003:
            given = given[:-1] + theirs.choice(names.RARE)
        assert names.person_name(draw) == surname + given
        assert names.mobile(draw) == f"1{theirs.choice('3456789')}{theirs.randint(0, 999999999):09d}"
    assert ours.getstate() == theirs.getstate()


def test_bad_draws_fail_like_random():
    draw = Draws(random.Random(1))
    with pytest.raises(IndexError):
        draw.pick(())
    with pytest.raises(ValueError):
        Weights(())
