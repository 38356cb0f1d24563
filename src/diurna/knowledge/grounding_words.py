"""The word lists of grounding_words.yaml (event grounding and actor coding): one
validated list per concept, loaded once."""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import lru_cache

from .wordlists import load_lists, parse_lists

FILE = "grounding_words.yaml"


@dataclass(frozen=True, slots=True)
class GroundingWords:
    """One frozen set per concept; field names are the keys of grounding_words.yaml."""

    phrase_prepositions: frozenset[str]
    complement_prepositions: frozenset[str]
    event_place_prepositions: frozenset[str]
    landmark_prepositions: frozenset[str]
    pronouns: frozenset[str]
    possessive_determiners: frozenset[str]
    affiliation_lemmas: frozenset[str]
    places_for_people: frozenset[str]
    for_people_prepositions: frozenset[str]
    stance_nouns: frozenset[str]
    stance_prepositions: frozenset[str]
    talks_nouns: frozenset[str]
    sequel_prepositions: frozenset[str]
    counterpart_prepositions: frozenset[str]
    condition_marks: frozenset[str]
    threat_condition_marks: frozenset[str]
    inner_prepositions: frozenset[str]
    agent_nouns: frozenset[str]
    owner_prepositions: frozenset[str]
    content_reporting_lemmas: frozenset[str]
    pair_determiners: frozenset[str]
    pair_country_nouns: frozenset[str]
    pair_people_nouns: frozenset[str]
    pair_bare_nouns: frozenset[str]
    state_sectors: frozenset[str]


KEYS = tuple(f.name for f in fields(GroundingWords))


def parse(data: object, source: str = FILE) -> GroundingWords:
    """Validate the YAML mapping and build GroundingWords; errors name the key to fix."""
    return parse_lists(GroundingWords, data, source)


@lru_cache(maxsize=None)
def load() -> GroundingWords:
    """The shipped lists (package data: never changes during a run)."""
    return load_lists(GroundingWords, FILE)
