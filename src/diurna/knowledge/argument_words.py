"""The word lists of argument_words.yaml (who did an event, to whom, and where): one
validated list per concept, loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .wordlists import load_lists, parse_lists

FILE = "argument_words.yaml"
PHRASES = frozenset({"count_particle_phrases"})


@dataclass(frozen=True, slots=True)
class ArgumentWords:
    """One frozen set per concept; field names are the keys of argument_words.yaml."""

    relative_pronouns: frozenset[str]
    generic_actor_heads: frozenset[str]
    collective_heads: frozenset[str]
    people_nouns: frozenset[str]
    agent_suffixes: frozenset[str]
    joint_purposes: frozenset[str]
    message_nouns: frozenset[str]
    object_gerund_prepositions: frozenset[str]
    purpose_participles: frozenset[str]
    obligation_auxiliaries: frozenset[str]
    reporting_heads: frozenset[str]
    demanding_heads: frozenset[str]
    thing_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    person_pronouns: frozenset[str]
    collective_pronouns: frozenset[str]
    instrument_nouns: frozenset[str]
    instrument_prepositions: frozenset[str]
    count_particle_phrases: frozenset[str]
    infinitive_markers: frozenset[str]
    dative_prepositions: frozenset[str]
    of_prepositions: frozenset[str]
    possessor_exclusions: frozenset[str]
    member_prepositions: frozenset[str]
    between_prepositions: frozenset[str]
    non_referring_pronouns: frozenset[str]
    non_doing_verbs: frozenset[str]
    measure_nouns: frozenset[str]
    adjunct_prepositions: frozenset[str]
    purpose_prepositions: frozenset[str]
    coming_verbs: frozenset[str]
    event_location_prepositions: frozenset[str]


def parse(data: object, source: str = FILE) -> ArgumentWords:
    """Validate the YAML mapping and build ArgumentWords; errors name the key to fix."""
    return parse_lists(ArgumentWords, data, source, phrases=PHRASES)


@lru_cache(maxsize=None)
def load() -> ArgumentWords:
    """The shipped lists (package data: never changes during a run)."""
    return load_lists(ArgumentWords, FILE, phrases=PHRASES)
