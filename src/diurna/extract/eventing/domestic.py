"""Implied targets of domestic acts: whom a protest, a curfew or a refusal to resign is
directed at when the sentence names no one.

Some acts are domestic by their nature: people protest against, and strike against,
their own state; a government imposes a curfew or martial law on its own country and
eases restrictions for its own people; an official refuses to yield at home. Event
coders code such an act with no named target as aimed at that country (ICEWS:
"Protester (Egypt)" -> "Government (Egypt)"; the PLOVER gold records likewise). We do
so only when the sentence itself names the country, and the target points at those
words: the place the act happens in ("a general strike in Nepal"), else the country
word of the source's own phrase ("Egyptian demonstrators rioted"). The event's rule
says so (`+implied-target`) and its confidence does not rise for it.

Not for acts aimed at others by nature (attacks, arrests, police force against a
crowd: their target is whoever the parse finds, or none).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ...model import ActorRef, Evidence, Place

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# CAMEO codes (prefixes) of acts domestic by nature: political dissent, protest and
# strikes (14); easing restrictions on political freedoms, dissent, accession to demands
# for reform (0811, 0812, 082, 083); administrative sanctions, bans, curfews, martial
# law (172); threatening them (132); refusing to yield or to reform (123, 124).
DOMESTIC = ("14", "0811", "0812", "082", "083", "172", "132", "123", "124")
IMPLIED = "+implied-target"  # the rule suffix of an event whose target is implied here


def is_domestic(code: str) -> bool:
    return code.startswith(DOMESTIC)


def implied_target(doc: Doc, sent: Span, source: ActorRef | None, places: tuple[Place, ...]) -> ActorRef | None:
    """The source's country as the target, pointing at the words of the sentence that
    name it; None when the source has no country or the sentence does not name it."""
    if source is None or not source.country:
        return None
    span = _naming(doc, sent, source, places)
    if span is None:
        return None
    start, end = span
    return ActorRef(text=doc.text[start:end], country=source.country, actor_code=source.country, start=start, end=end)


def _naming(doc: Doc, sent: Span, source: ActorRef, places: tuple[Place, ...]) -> tuple[int, int] | None:
    """Where the sentence names the source's country: a place of that country in the
    sentence outside the source's words, else a country word inside them."""
    inside = source.start is not None and source.end is not None
    for p in places:
        if p.country == source.country and sent.start_char <= p.start and p.end <= sent.end_char:
            # `inside`: source.start and source.end are set
            if not (inside and source.start <= p.start and p.end <= source.end):  # type: ignore[operator]
                return p.start, p.end
    if not inside:
        return None
    for ent in doc.ents:  # "Egyptian demonstrators", "Iraq's interim government"
        # `inside`: source.start and source.end are set
        if ent.label_ in ("NORP", "GPE") and source.start <= ent.start_char and ent.end_char <= source.end:  # type: ignore[operator]
            return ent.start_char, ent.end_char
    return None


def widened(text: str, evidence: Evidence, refs: list[ActorRef]) -> Evidence:
    """The evidence stretched over actors' words that lie outside it (an implied
    target's place may sit after the clause)."""
    start = min([evidence.start] + [r.start for r in refs if r.start is not None])
    end = max([evidence.end] + [r.end for r in refs if r.end is not None])
    return replace(evidence, start=start, end=end, text=text[start:end])
