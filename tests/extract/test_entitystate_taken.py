"""entitystate.taken: whether a mention made so far overlaps a character range."""

from __future__ import annotations

import random
from types import SimpleNamespace

import pytest

from diurna.extract.entitystate import taken


def _by_definition(claimed: dict[int, int], start: int, end: int) -> bool:
    return any(claimed.get(s, -1) > start for s in range(max(0, start - 200), end))


@pytest.mark.parametrize(
    "claimed, start, end, expected",
    [
        ({}, 10, 20, False),
        ({10: 20}, 10, 20, True),  # the same range
        ({5: 12}, 10, 20, True),  # starts before, ends inside
        ({5: 10}, 10, 20, False),  # ends where the range starts
        ({20: 30}, 10, 20, False),  # starts where the range ends
        ({15: 16}, 10, 20, True),  # inside
        ({0: 500}, 250, 260, False),  # starts more than 200 characters before: outside the window
        ({60: 500}, 250, 260, True),
        ({3: 4, 8: 9}, 2, 3, False),  # more offsets than mentions and fewer: both walks
    ],
)
def test_entitystate_taken_table(claimed, start, end, expected):
    st = SimpleNamespace(claimed=claimed)
    assert taken(st, start, end) is expected
    assert _by_definition(claimed, start, end) is expected


def test_entitystate_taken_equals_the_definition_on_random_states():
    rng = random.Random(20)
    for _ in range(2000):
        claimed = {}
        for _ in range(rng.choice([0, 1, 5, 40, 300])):
            s = rng.randrange(0, 3000)
            claimed[s] = max(s + rng.randrange(1, 120), claimed.get(s, 0))
        start = rng.randrange(0, 3000)
        end = start + rng.randrange(1, 150)
        st = SimpleNamespace(claimed=claimed)
        assert taken(st, start, end) == _by_definition(claimed, start, end)
