"""The word lists of event_words.yaml (trigger matching and modality of the event
coder): one validated list per concept, loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .wordlists import load_lists

FILE = "event_words.yaml"


@dataclass(frozen=True, slots=True)
class EventWords:
    """One frozen set per concept; field names are the keys of event_words.yaml."""

    future_auxiliaries: frozenset[str]
    possibility_modals: frozenset[str]
    reported_future_modals: frozenset[str]
    obligation_modals: frozenset[str]
    schedule_governors: frozenset[str]
    reported_speech_governors: frozenset[str]
    hypothetical_marks: frozenset[str]
    negation_words: frozenset[str]
    cessation_adverbs: frozenset[str]
    perfect_auxiliaries: frozenset[str]
    negative_determiners: frozenset[str]
    ability_words: frozenset[str]
    inability_words: frozenset[str]
    denial_verbs: frozenset[str]
    light_verbs: frozenset[str]
    support_verbs: frozenset[str]
    permitting_verbs: frozenset[str]
    readiness_adjectives: frozenset[str]
    preparing_verbs: frozenset[str]
    light_heads: frozenset[str]
    attributive_participles: frozenset[str]
    aspectual_verbs: frozenset[str]
    stative_participles: frozenset[str]
    stative_target_prepositions: frozenset[str]
    copulas: frozenset[str]
    measure_prepositions: frozenset[str]
    charge_prepositions: frozenset[str]
    agent_prepositions: frozenset[str]
    complement_prepositions: frozenset[str]
    perpetrator_nouns: frozenset[str]
    violent_act_nouns: frozenset[str]


@lru_cache(maxsize=None)
def load() -> EventWords:
    """The shipped lists (package data: never changes during a run)."""
    return load_lists(EventWords, FILE)
