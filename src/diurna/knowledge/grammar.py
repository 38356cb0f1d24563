"""The word lists of grammar.yaml: one validated list per concept, loaded once."""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import lru_cache

from . import load_yaml

FILE = "grammar.yaml"


@dataclass(frozen=True, slots=True)
class Grammar:
    """One frozen set per concept; field names are the keys of grammar.yaml."""

    locative_prepositions: frozenset[str]
    place_mention_prepositions: frozenset[str]
    resident_prepositions: frozenset[str]
    motion_words: frozenset[str]
    place_nouns: frozenset[str]
    generic_heads: frozenset[str]
    compass_words: frozenset[str]
    hedges: frozenset[str]
    based_participles: frozenset[str]
    admin_words: frozenset[str]
    patronage_nouns: frozenset[str]
    ambiguous_currency_words: frozenset[str]
    male_pronouns: frozenset[str]
    female_pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    neuter_pronouns: frozenset[str]
    object_pronouns: frozenset[str]
    title_connectors: frozenset[str]
    plural_nouns: frozenset[str]
    temporal_marks: frozenset[str]
    announcing_auxiliaries: frozenset[str]


KEYS = tuple(f.name for f in fields(Grammar))


def parse(data: object, source: str = FILE) -> Grammar:
    """Validate the YAML mapping and build Grammar; errors name the key to fix."""
    if not isinstance(data, dict):
        raise ValueError(f"{source}: expected a mapping with keys {', '.join(KEYS)}")
    missing = [k for k in KEYS if k not in data]
    unknown = sorted(set(data) - set(KEYS))
    if missing or unknown:
        raise ValueError(f"{source}: missing keys {missing}, unknown keys {unknown}")
    return Grammar(**{k: frozenset(_words(data[k], f"{source}:{k}")) for k in KEYS})


def _words(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        raise ValueError(f"{where}: expected a non-empty list of lower-case words")
    out: list[str] = []
    for item in value:
        if not isinstance(item, str) or not item or item != item.strip().lower() or " " in item:
            raise ValueError(f"{where}: {item!r} must be one lower-case word")
        if item in out:
            raise ValueError(f"{where}: {item!r} is listed twice")
        out.append(item)
    return tuple(out)


@lru_cache(maxsize=None)
def load() -> Grammar:
    """The shipped lists (package data: never changes during a run)."""
    return parse(load_yaml(FILE))
