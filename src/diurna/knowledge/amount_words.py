"""The word lists of amount_words.yaml (scales, number words, count nouns and their
modifiers, approximators), loaded once and validated (each entry as knowledge/wordlists.py
checks it)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from decimal import Decimal
from functools import lru_cache
from types import MappingProxyType
from typing import Mapping

from . import read_yaml
from .wordlists import word_entry, word_list

FILE = "amount_words.yaml"


@dataclass(frozen=True, slots=True)
class AmountWords:
    """Field names are the keys of amount_words.yaml; lists keep the file's order."""

    scales: Mapping[str, int]  # "billion" -> 10**9
    numbers: Mapping[str, Decimal | None]  # "two" -> 2; None for a vague word ("dozens of")
    count_nouns: tuple[str, ...]
    count_modifiers: tuple[str, ...]
    approximators: tuple[str, ...]


KEYS = tuple(f.name for f in fields(AmountWords))


def _map(value: object, where: str, *, vague: bool) -> dict[str, int | float | None]:
    """Words to positive numbers (or None, for a vague word, where `vague` allows it)."""
    if not isinstance(value, dict) or not value:
        raise ValueError(f"{where}: expected a non-empty mapping")
    out: dict[str, int | float | None] = {}
    for word, v in value.items():
        ok = (v is None and vague) or (isinstance(v, (int, float)) and not isinstance(v, bool) and v > 0)
        if not ok:
            raise ValueError(f"{where}: {word!r} needs a positive number, not {v!r}")
        out[word_entry(word, where, one_word=False)] = v
    return out


def parse(data: object, source: str = FILE) -> AmountWords:
    """Validate the YAML mapping and build AmountWords; errors name the key to fix."""
    if not isinstance(data, dict) or set(data) != set(KEYS):
        got = sorted(data) if isinstance(data, dict) else type(data).__name__
        raise ValueError(f"{source}: expected exactly the keys {', '.join(KEYS)}; got {got}")
    scales = _map(data["scales"], f"{source}:scales", vague=False)
    if not all(isinstance(v, int) for v in scales.values()):
        raise ValueError(f"{source}:scales: a scale is a whole number")
    numbers = _map(data["numbers"], f"{source}:numbers", vague=True)
    return AmountWords(
        scales=MappingProxyType({k: int(v or 0) for k, v in scales.items()}),
        numbers=MappingProxyType({k: None if v is None else Decimal(str(v)) for k, v in numbers.items()}),
        count_nouns=word_list(data["count_nouns"], f"{source}:count_nouns", one_word=False),
        count_modifiers=word_list(data["count_modifiers"], f"{source}:count_modifiers", one_word=False),
        approximators=word_list(data["approximators"], f"{source}:approximators", one_word=False),
    )


@lru_cache(maxsize=None)
def load() -> AmountWords:
    """The shipped lists (package data: never changes during a run)."""
    return parse(read_yaml(FILE))
