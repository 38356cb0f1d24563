""""The two countries", "both sides", "the leaders": a plural source that stands for the
pair the story is about (eventing/coder.py, eventing/sides.py).

Which pair: "the two leaders" (people nouns) are the last two people in a dyad, else the
last dyad; "the two countries" (country nouns) are the two countries the story is about
(`Facts.story_countries`, set by the entities stage), in the words of the last dyad when
that dyad is of those two countries and not of two people, else the last dyad. The words are knowledge/grounding_words.yaml
(pair_determiners, pair_country_nouns, pair_people_nouns).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum
from typing import TYPE_CHECKING

from ...knowledge import grounding_words
from ...model import ActorRef, Entity, Event
from ..mentions import MentionIndex

if TYPE_CHECKING:
    from spacy.tokens import Token

Pair = tuple[ActorRef, ActorRef]


class PairKind(Enum):
    COUNTRIES = 1
    PEOPLE = 2


@dataclass(slots=True)
class PairMemory:
    """The last dyad of named actors in the document so far, and the last of two people
    (filled sentence by sentence while one document is coded)."""

    last: Pair | None = None
    people: Pair | None = None


def pair_kind(tok: Token) -> PairKind | None:
    """What a source phrase stands for: "the two countries", "both sides", "both" ->
    countries; "the two leaders", "the leaders" -> people; None for any other phrase
    (a name, "two soldiers", "countries")."""
    if tok.ent_type_ and tok.ent_type_ != "CARDINAL":
        return None
    words = grounding_words.load()
    # articles ("the") say nothing; "both" and "two" do
    phrase = [t.lower_ for t in tok.doc[tok.left_edge.i : tok.i + 1]
              if t.dep_ != "det" or t.lower_ in words.pair_determiners]
    nouns = words.pair_country_nouns | words.pair_people_nouns
    paired = len(phrase) == 2 and phrase[0] in words.pair_determiners and phrase[1] in nouns
    # "both", "the two"; "leaders", "sides" and "parties" need no number word
    alone = len(phrase) == 1 and phrase[0] in words.pair_determiners | words.pair_bare_nouns
    if not paired and not alone:
        return None
    return PairKind.PEOPLE if phrase[-1] in words.pair_people_nouns else PairKind.COUNTRIES


def remember(index: MentionIndex, events: list[Event], memory: PairMemory) -> None:
    """Keep the first dyad of named actors among `events` (and of two people, apart)."""
    for ev in events:
        if ev.source and ev.target and ev.source.entity and ev.target.entity:
            memory.last = (ev.source, ev.target)
            kinds = {getattr(index.entity(r.entity), "type", None) for r in (ev.source, ev.target)}
            if kinds == {"PERSON"}:
                memory.people = (ev.source, ev.target)
            return


def pick(kind: PairKind, memory: PairMemory, story: tuple[str, ...], entities: tuple[Entity, ...]) -> Pair | None:
    """The pair a phrase of `kind` stands for (see the module doc)."""
    if kind is PairKind.PEOPLE:
        return memory.people or memory.last
    if len(story) < 2:
        return memory.last
    last = memory.last
    if last is not None and last is not memory.people and {r.country for r in last} == set(story[:2]):
        return last  # the story's two countries as the text last named them ("the Japanese side")
    return _country_ref(story[0], entities), _country_ref(story[1], entities)


def _country_ref(country: str, entities: tuple[Entity, ...]) -> ActorRef:
    """The country as an actor: its most mentioned place entity, else its code."""
    places = [e for e in entities if e.country == country and e.type == "PLACE"]
    if not places:
        return ActorRef(text=country, country=country, actor_code=country)
    ent = max(places, key=lambda e: len(e.mentions))
    return ActorRef(text=ent.name, entity=ent.id, country=country, actor_code=ent.actor_code)


def resolve(srcs: list[ActorRef | None], tgts: list[ActorRef | None], participants: Pair | None,
            reciprocal: bool) -> tuple[list[ActorRef | None], list[ActorRef | None]]:
    """The sources (and, for a joint act with no target, the targets) a pair phrase stands
    for; with no pair the phrase is kept as written."""
    if participants is None:
        return srcs, tgts
    a, b = (replace(r, start=None, end=None) for r in participants)
    if reciprocal or tgts == [None]:
        return [a], [b] if tgts == [None] else tgts
    return [a, b], tgts
