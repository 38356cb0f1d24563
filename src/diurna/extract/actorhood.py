"""What may be an actor: a side of an event stands for someone only when it names an
entity, carries a country or an actor code, or is a group word of the knowledge files
(a role or sector of knowledge/roles.yaml: "police", "rebels", "passengers"; a human
noun of knowledge/predicates.yaml: "people", "women"). An abstract noun ("decision",
"measures", "plan", "talks") or a pronoun that did not resolve to an entity (extract/
coref.py; "we" and "I" are left to the resolve stage, which reads the quote's speaker)
stands for no one: the side is left empty, as a coder leaves it. A phrase that names an
entity or a country anywhere is kept ("the APEC forum", "US Predator attacks"). Nothing
here lists English words; the decision is the knowledge files'."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from typing import TYPE_CHECKING

from ..knowledge.gazetteer import Roles, fold
from ..model import ActorRef, Event
from .quoting import cues as cue_data
from .tokens import covering

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# Entity labels that name someone (the NER's people, organisations, places, groups).
_NAMING = frozenset(("PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"))


def is_actor(ref: ActorRef, doc: Doc, roles: Roles, human_nouns: Collection[str]) -> bool:
    """Does this side stand for someone? See the module docstring. An entity or a
    country anywhere in the phrase acts through it ("the APEC forum agreed", "US
    Predator attacks killed"); a bare common noun must be a group word."""
    if ref.start is None or ref.end is None:
        return True
    span = covering(doc, ref.start, ref.end)
    if span is None:
        return True  # offsets the parse cannot place: keep what the coder chose
    head = span.root
    if head.pos_ == "PRON":
        # a pronoun coreference left unresolved; "we" and "I" wait for the resolve
        # stage, which gives them the speaker of the quote they are in
        return bool(ref.entity or ref.country) or fold(head.text) in cue_data.load().first_person
    if ref.entity or ref.country or ref.actor_code:
        return True  # "the APEC forum", "US Predator attacks": the entity acts through it
    return _names_someone(span, roles, human_nouns)


def _names_someone(span: Span, roles: Roles, human_nouns: Collection[str]) -> bool:
    """A proper name, or a group word of the knowledge files heading the phrase."""
    head = span.root
    if head.pos_ == "PROPN" or head.ent_type_ in _NAMING:
        return True
    lemmas = tuple(fold(t.lemma_) for t in span if t.i <= head.i)
    words = tuple(fold(t.text) for t in span if t.i <= head.i)
    for seq in (lemmas, words):
        if any(roles.sector_of(seq[-n:]) is not None for n in range(min(roles.max_len, len(seq)), 0, -1)):
            return True
    return fold(head.lemma_) in human_nouns or fold(head.text) in human_nouns


def without_junk(ev: Event, doc: Doc, roles: Roles, human_nouns: Collection[str]) -> Event:
    """The event with each side that stands for no one left empty."""
    src = ev.source if ev.source is None or is_actor(ev.source, doc, roles, human_nouns) else None
    tgt = ev.target if ev.target is None or is_actor(ev.target, doc, roles, human_nouns) else None
    return ev if (src, tgt) == (ev.source, ev.target) else replace(ev, source=src, target=tgt)
