"""When and where: the time expression and the place attached to an event's clause,
else the publication date and the dateline, each marked as a fallback.

A time or place is attached when its words hang (through their prepositions) on the
event's trigger or on a verb that governs the trigger within the same sentence, so
"On Friday Gondor threatened to cut supplies" dates the threat (and the cut) to
Friday, while "Talks stalled since January" does not date another clause's event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Literal

from ...knowledge import argument_words, grammar
from ...model import Document, Location, Place, TimeExpr
from ..tokens import covering

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

Precision = Literal["day", "month", "year"]
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_W = argument_words.load()
_LOCATIVE = _W.event_location_prepositions


@dataclass(frozen=True, slots=True)
class When:
    date: str | None
    precision: Precision | None
    source: Literal["text", "published"] | None


@dataclass(frozen=True, slots=True)
class Where:
    location: Location | None
    source: Literal["text", "dateline"] | None


def date_of(value: str) -> tuple[str, Precision] | None:
    """A TIMEX3 calendar value as an event date; other values (durations, PAST_REF,
    weeks, quarters) do not date an event to a calendar unit we can state."""
    m = _DATE.match(value)
    if not m:
        return None
    return value, ("day" if m.group(3) else "month" if m.group(2) else "year")


def _governs(anchor: Token, trigger: Token) -> bool:
    """Does the phrase at `anchor` hang on the trigger, or on a verb above it?"""
    ancestors = set(a.i for a in trigger.ancestors) | {trigger.i}
    through_subject = anchor.dep_ in ("nsubj", "nsubjpass")
    for a in anchor.ancestors:
        if a.i in ancestors:
            # "relief officials in Nairobi said ...": a place in another clause's
            # subject describes that speaker, not the event reported
            return a.i == trigger.i or not through_subject
        if a.pos_ in ("VERB", "AUX") and a.i != trigger.i:
            return False  # it belongs to another clause first
        through_subject = through_subject or a.dep_ in ("nsubj", "nsubjpass")
    return False


def _token_at(doc: Doc, start: int, end: int) -> Token | None:
    span = covering(doc, start, end)
    return span.root if span is not None and len(span) else None


def _after(value: str, published: str) -> bool:
    """Does the calendar value lie wholly after the publication day ("2026-03" after
    "2026-02-27"; "2026" is not after "2026-02-27")?"""
    return value > published[:len(value)]


def _past_reading(t: TimeExpr, parsed: tuple[str, Precision], published: str | None,
                  asserted: bool) -> tuple[str, Precision] | None:
    """An asserted event is not dated after publication: a bare weekday ("on Saturday")
    in a sentence reporting what happened is the one before, other late dates are no
    date of the event. Scheduled and hypothetical acts keep their future date."""
    if not asserted or not published or not _after(parsed[0], published):
        return parsed
    if (t.rule or "").endswith(":rel.weekday") and len(parsed[0]) == len("YYYY-MM-DD"):
        earlier = (date.fromisoformat(parsed[0]) - timedelta(days=7)).isoformat()
        return (earlier, parsed[1]) if not _after(earlier, published) else None
    return None


def when(doc: Doc, sent: Span, trigger: Token, times: tuple[TimeExpr, ...], document: Document,
         asserted: bool = True) -> When:
    for t in times:
        if not (sent.start_char <= t.start and t.end <= sent.end_char):
            continue
        parsed = date_of(t.value)
        tok = _token_at(doc, t.start, t.end)
        if parsed and tok is not None and _governs(tok, trigger):
            parsed = _past_reading(t, parsed, document.published, asserted)
            if parsed is None:
                break  # the clause's own time is misread: no text date, the fallback below
            return When(parsed[0], parsed[1], "text")
    if document.published:
        parsed = date_of(document.published)
        if parsed:
            return When(parsed[0], parsed[1], "published")
    return When(None, None, None)


def _locative_object(tok: Token | None, regions: bool = False) -> Token | None:
    """The object of a locative preposition that holds the place: the place itself
    ("in Kirkuk") or a noun it names through "of" ("in the northern city of Kirkuk",
    "outside of the Iraqi city of Basra") or as its modifier ("in Gondor's Anorien
    province", "in the Anorien region")."""
    if regions and tok is not None and tok.dep_ in ("poss", "compound") and tok.head.i != tok.i and _place_noun(tok.head):
        tok = tok.head  # the modifier of a place's name, not of a building ("Rohan's embassy")
    for _ in range(3):
        if tok is None or tok.dep_ != "pobj":
            return None
        prep = tok.head
        if prep.lower_ in _LOCATIVE:
            return tok
        if prep.lower_ not in _W.of_prepositions or prep.head is prep:
            return None
        up = prep.head
        if up.lower_ in _LOCATIVE and up.dep_ in ("prep", "advmod"):
            return tok  # "outside of Basra"
        tok = up if up.pos_ in ("NOUN", "PROPN") else None
    return None


def _place_noun(tok: Token) -> bool:
    """A place's name or a word for a place ("province", "the Anorien region")."""
    words = grammar.load()
    return tok.ent_type_ in ("GPE", "LOC") or tok.lower_ in words.place_nouns | words.admin_words


def where(doc: Doc, sent: Span, trigger: Token, places: tuple[Place, ...], document: Document,
          regions: bool = False) -> Where:
    """The place the event's clause names, else the dateline; `regions` (setting
    place_targets) also reads a place named as a region's possessor or modifier."""
    for p in places:
        if not (sent.start_char <= p.start and p.end <= sent.end_char):
            continue
        tok = _locative_object(_token_at(doc, p.start, p.end), regions)
        if tok is None:
            continue
        if _governs(tok.head, trigger):
            return Where(Location(p.name, p.country, p.lat, p.lon), "text")
    if document.dateline:
        known = next((p for p in places if p.name.casefold() == document.dateline.casefold()
                      or p.text.casefold() == document.dateline.casefold()), None)
        if known is not None:
            return Where(Location(known.name, known.country, known.lat, known.lon), "dateline")
        return Where(Location(document.dateline), "dateline")
    return Where(None, None)
