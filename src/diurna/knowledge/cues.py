"""The speech cues of cues.yaml: one validated list per concept (knowledge/wordlists.py),
loaded once. The quotes extractor reads them (extract/quoting), and so do the event
coder's statements and the links between quotes and actors."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from . import read_yaml
from .wordlists import parse_lists

FILE = "cues.yaml"
# The keys whose entries may be phrases ("point out", "call for", "according to").
PHRASE_KEYS = frozenset({"verbs", "object_verbs", "addressee_verbs", "phrases"})


@dataclass(frozen=True, slots=True)
class Cues:
    """One frozen set per concept; field names are the keys of cues.yaml."""

    verbs: frozenset[str]
    object_verbs: frozenset[str]
    addressee_verbs: frozenset[str]
    naming_verbs: frozenset[str]
    frame_verbs: frozenset[str]
    nouns: frozenset[str]
    phrases: frozenset[str]  # "according to": a word and the preposition whose object is the speaker
    title_markers: frozenset[str]
    first_person: frozenset[str]  # "we", "I" in a direct quote: its speaker
    person_pronouns: frozenset[str]  # "he", "she": an unresolved speaker is the last person subject
    organisation_pronouns: frozenset[str]  # "it": ... the last organisation subject
    speaker_prepositions: frozenset[str]  # "a spokesman for the ministry": inside the speaker's phrase
    addressing_verbs: frozenset[str]  # "said to reporters": a speech verb that may name an addressee
    addressee_prepositions: frozenset[str]  # "said to reporters", "called on X"
    content_pronouns: frozenset[str]  # "said this": the object stands for what was said
    source_prepositions: frozenset[str]  # "according to a statement from his office"
    complementizers: frozenset[str]  # "said that ...": not part of the content
    infinitive_markers: frozenset[str]  # "urged X to ...": the content of an addressee verb
    title_small_words: frozenset[str]  # "Lord of the Rings": lower-case words inside a name

    @property
    def speech_verbs(self) -> frozenset[str]:
        """Verbs that report a clause: speech verbs and addressee verbs."""
        return self.verbs | self.addressee_verbs

    @property
    def phrase_words(self) -> tuple[tuple[str, ...], ...]:
        """The phrases as words, in a fixed order: ("according", "to")."""
        return tuple(sorted(tuple(p.split()) for p in self.phrases))


def parse(data: object, source: str = FILE) -> Cues:
    """Validate the YAML mapping and build Cues; errors name the key to fix."""
    cues = parse_lists(Cues, data, source, phrases=PHRASE_KEYS)
    for key in ("naming_verbs", "frame_verbs"):
        clash = sorted(getattr(cues, key) & cues.verbs)
        if clash:
            raise ValueError(f"{source}:{key} repeats speech verbs {clash}; keep each in one list")
    bad = sorted(p for p in cues.phrases if len(p.split()) != 2)
    if bad:
        raise ValueError(f"{source}:phrases: {bad} must be two words, a word and its preposition")
    return cues


@lru_cache(maxsize=None)
def load() -> Cues:
    """The shipped cue lists (package data: never changes during a run)."""
    return parse(read_yaml(FILE))
