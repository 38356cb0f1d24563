"""The word lists of place_names.yaml: how a place name printed in capitals is written."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .wordlists import load_lists

FILE = "place_names.yaml"


@dataclass(frozen=True, slots=True)
class PlaceNames:
    """Field names are the keys of place_names.yaml."""

    particles: frozenset[str]
    capital_after: frozenset[str]


@lru_cache(maxsize=None)
def load() -> PlaceNames:
    """The shipped lists (package data: never changes during a run)."""
    return load_lists(PlaceNames, FILE)
