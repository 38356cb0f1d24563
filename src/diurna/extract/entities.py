"""Entities from spaCy NER: people, organisations, places and groups, each with every
mention. This is the first entity extractor; the actors work (countries, roles, codes,
coreference) builds on its output.

Mentions with the same normalised name are one entity. A one-word person mention
("Tinubu") joins the one full name that ends with it ("Bola Tinubu"); when two full
names share that surname, the short form is ambiguous and stays its own entity rather
than being guessed.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import replace
from typing import TYPE_CHECKING

from ..model import Document, Entity, EntityType, Facts, Mention
from ..settings import Settings
from .base import ExtractFn, ExtractorSpec

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

VERSION = "diurna.entities.v1"

LABEL_TYPES: dict[str, EntityType] = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "PLACE",
    "LOC": "PLACE",
    "FAC": "PLACE",
    "NORP": "GROUP",
}

# Leading words spaCy sometimes folds into an entity span, and trailing possessives.
_LEAD = re.compile(r"^(?:the|The|THE)\s+")
_TRAIL = re.compile(r"(?:['’]s|['’])$")
_SPACE = re.compile(r"\s+")


def build(settings: Settings) -> ExtractFn:
    return extract_entities


def extract_entities(document: Document, doc: Doc, facts: Facts) -> Facts:
    mentions = [m for m in (_mention(ent) for ent in doc.ents if ent.label_ in LABEL_TYPES) if m]
    return replace(facts, entities=tuple(group_mentions(mentions)))


def _mention(ent: Span) -> Mention | None:
    """The entity span without a leading "the" or a trailing possessive; offsets follow."""
    start, end, text = ent.start_char, ent.end_char, ent.text
    lead = _LEAD.match(text)
    if lead and ent.label_ != "PERSON" and len(text) > lead.end():
        # spaCy's "the United Nations" should start at the name; "The Hague" keeps it.
        if not text.startswith(("The Hague", "The Gambia", "The Bahamas")):
            start += lead.end()
            text = text[lead.end():]
    trail = _TRAIL.search(text)
    if trail and len(text) > len(trail.group(0)):
        end -= len(trail.group(0))
        text = text[: -len(trail.group(0))]
    text = text.rstrip(" ,.;:")
    end = start + len(text)
    if not text or not any(ch.isalpha() for ch in text):
        return None
    return Mention(start=start, end=end, text=text, label=ent.label_)


def normalise_name(text: str) -> str:
    return _SPACE.sub(" ", text).strip().casefold()


def group_mentions(mentions: list[Mention]) -> list[Entity]:
    """Mentions -> entities, in order of first mention, with ids e1, e2, ..."""
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        groups[normalise_name(m.text)].append(m)

    types = {k: _majority_type(ms) for k, ms in groups.items()}
    full_by_last: dict[str, list[str]] = defaultdict(list)
    for key, etype in types.items():
        parts = key.split(" ")
        if etype == "PERSON" and len(parts) > 1:
            full_by_last[parts[-1]].append(key)
    # The small model often labels a lone surname ORG ("Halvard later flew..."), so a
    # one-word PERSON or ORG mention may join a full personal name.
    for key in sorted(k for k, t in types.items() if t in ("PERSON", "ORG")):
        if " " in key or key not in groups:
            continue
        fulls = full_by_last.get(key, [])
        if len(fulls) == 1:  # exactly one full name ends with this surname
            groups[fulls[0]].extend(groups.pop(key))

    ordered = sorted(groups.values(), key=lambda ms: min(m.start for m in ms))
    entities = []
    for n, ms in enumerate(ordered, start=1):
        ms = sorted(ms, key=lambda m: m.start)
        etype = _majority_type(ms)
        entities.append(
            Entity(
                id=f"e{n}",
                name=_canonical_name(ms, etype),
                type=etype,
                mentions=tuple(ms),
                rule=VERSION,
            )
        )
    return entities


def _majority_type(ms: list[Mention]) -> EntityType:
    counts = Counter(LABEL_TYPES[m.label or "ORG"] for m in ms)
    best = max(counts.values())
    for m in ms:  # ties go to the type of the earliest mention
        if counts[LABEL_TYPES[m.label or "ORG"]] == best:
            return LABEL_TYPES[m.label or "ORG"]
    raise AssertionError("unreachable")


def _canonical_name(ms: list[Mention], etype: EntityType) -> str:
    """People: the longest form seen ("Bola Tinubu" over "Tinubu"). Others: the most
    frequent form, ties to the first."""
    if etype == "PERSON":
        return max(ms, key=lambda m: (len(m.text.split()), -m.start)).text
    counts = Counter(m.text for m in ms)
    return max(ms, key=lambda m: (counts[m.text], -m.start)).text


SPEC = ExtractorSpec(
    name="entities",
    version=VERSION,
    requires=(),
    assigns=("entities",),
    spacy=("ner",),
    build=build,
)
