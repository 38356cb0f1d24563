"""The speech cues of knowledge/cues.yaml, loaded once and validated."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ...knowledge import load_yaml

if TYPE_CHECKING:
    from spacy.tokens import Token

FILE = "cues.yaml"
_KEYS = ("verbs", "object_verbs", "addressee_verbs", "naming_verbs", "frame_verbs", "nouns", "phrases", "title_markers",
         "first_person", "person_pronouns", "organisation_pronouns", "speaker_prepositions")


@dataclass(frozen=True, slots=True)
class Cues:
    verbs: frozenset[str]
    object_verbs: frozenset[str]
    addressee_verbs: frozenset[str]
    naming_verbs: frozenset[str]
    frame_verbs: frozenset[str]
    nouns: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]  # "according to" -> ("according", "to")
    title_markers: frozenset[str]
    first_person: frozenset[str]  # "we", "I" in a direct quote: its speaker
    person_pronouns: frozenset[str]  # "he", "she": an unresolved speaker is the last person subject
    organisation_pronouns: frozenset[str]  # "it": ... the last organisation subject
    speaker_prepositions: frozenset[str]  # "a spokesman for the ministry": inside the speaker's phrase

    @property
    def speech_verbs(self) -> frozenset[str]:
        """Verbs that report a clause: speech verbs and addressee verbs."""
        return self.verbs | self.addressee_verbs


def parse(data: object, source: str = FILE) -> Cues:
    """Validate the YAML mapping and build Cues; errors name the key to fix."""
    if not isinstance(data, dict):
        raise ValueError(f"{source}: expected a mapping with keys {', '.join(_KEYS)}")
    missing = [k for k in _KEYS if k not in data]
    unknown = sorted(set(data) - set(_KEYS))
    if missing or unknown:
        raise ValueError(f"{source}: missing keys {missing}, unknown keys {unknown}")
    lists = {k: _strings(data[k], f"{source}:{k}") for k in _KEYS}
    for key in ("naming_verbs", "frame_verbs"):
        clash = sorted(set(lists[key]) & set(lists["verbs"]))
        if clash:
            raise ValueError(f"{source}:{key} repeats speech verbs {clash}; keep each in one list")
    return Cues(
        verbs=frozenset(lists["verbs"]),
        object_verbs=frozenset(lists["object_verbs"]),
        addressee_verbs=frozenset(lists["addressee_verbs"]),
        naming_verbs=frozenset(lists["naming_verbs"]),
        frame_verbs=frozenset(lists["frame_verbs"]),
        nouns=frozenset(lists["nouns"]),
        phrases=tuple(tuple(p.split()) for p in lists["phrases"]),
        title_markers=frozenset(lists["title_markers"]),
        first_person=frozenset(lists["first_person"]),
        person_pronouns=frozenset(lists["person_pronouns"]),
        organisation_pronouns=frozenset(lists["organisation_pronouns"]),
        speaker_prepositions=frozenset(lists["speaker_prepositions"]),
    )


def _strings(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        raise ValueError(f"{where}: expected a non-empty list of lower-case strings")
    out: list[str] = []
    for item in value:
        if not isinstance(item, str) or item != item.strip().lower() or not item:
            raise ValueError(f"{where}: {item!r} must be a lower-case string without outer spaces")
        if item in out:
            raise ValueError(f"{where}: {item!r} is listed twice")
        out.append(item)
    return tuple(out)


@lru_cache(maxsize=None)
def load() -> Cues:
    """The shipped cue lists (package data: never changes during a run)."""
    return parse(load_yaml(FILE))


def cue_of(tok: Token, words: frozenset[str]) -> str | None:
    """The cue text if `tok` is one of `words` (lemmas; "point out" is a lemma with a
    particle or preposition child), else None. Auxiliaries and nouns are not verb cues."""
    if tok.pos_ not in ("VERB",):
        return None
    lemma = tok.lemma_.lower()
    if lemma in words:
        return tok.text
    for child in tok.children:
        if child.dep_ in ("prt", "prep") and f"{lemma} {child.lower_}" in words:
            return f"{tok.text} {child.text}"
    return None
