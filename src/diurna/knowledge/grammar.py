"""The word lists of grammar.yaml: one validated list per concept, loaded once."""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import lru_cache

from .wordlists import load_lists, parse_lists

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
    presence_words: frozenset[str]
    territory_nouns: frozenset[str]
    admin_words: frozenset[str]
    patronage_nouns: frozenset[str]
    courtesy_titles: frozenset[str]
    definite_determiners: frozenset[str]
    ngo_words: frozenset[str]
    ambiguous_currency_words: frozenset[str]
    male_pronouns: frozenset[str]
    second_person_pronouns: frozenset[str]
    female_pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    neuter_pronouns: frozenset[str]
    object_pronouns: frozenset[str]
    title_connectors: frozenset[str]
    affiliation_prepositions: frozenset[str]
    plural_nouns: frozenset[str]
    temporal_marks: frozenset[str]
    announcing_auxiliaries: frozenset[str]
    definite_articles: frozenset[str]
    anaphoric_determiners: frozenset[str]
    name_head_prepositions: frozenset[str]
    plural_endings: frozenset[str]
    singular_endings: frozenset[str]
    motion_prepositions: frozenset[str]
    leader_roles: frozenset[str]  # phrases: "head of state"


KEYS = tuple(f.name for f in fields(Grammar))
PHRASES = frozenset({"leader_roles"})  # keys whose entries may be several words


def parse(data: object, source: str = FILE) -> Grammar:
    """Validate the YAML mapping and build Grammar; errors name the key to fix."""
    return parse_lists(Grammar, data, source, phrases=PHRASES)


@lru_cache(maxsize=None)
def load() -> Grammar:
    """The shipped lists (package data: never changes during a run)."""
    return load_lists(Grammar, FILE, phrases=PHRASES)
