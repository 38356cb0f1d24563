"""The working state of the entity extractor (extract/entities.py) for one document, and
the small helpers every entity module uses to read it and to add mentions to it. The
modules that fill it (people.py, guesses.py, others.py, nameless.py, references.py;
homes.py and implicit.py read it) import this one; only entities.py imports them."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..knowledge import grammar
from ..knowledge.gazetteer import ACTOR, ADJ, CAPITAL, COUNTRY, GROUP, IGO, PLACE, Gazetteer, Term, fold
from ..model import CountryFrom, EntityType, Mention
from . import actors as A
from .coref import PersonRef
from .labels import METONYMY
from .tokens import covering

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

_G = grammar.load()
OFFICIAL_SECTORS = frozenset(("GOV", "MIL", "LEG", "JUD", "COP", "SPY"))
DOMESTIC_SECTORS = OFFICIAL_SECTORS | {"OPP", "PTY", "EDU", "LAB", "REB"}
ABROAD_SECTORS = frozenset(("MED", "BUS", "NGO", "IGO"))


@dataclass(slots=True)
class OtherDraft:
    """A non-person entity being assembled."""

    type: EntityType
    name: str
    country: str | None
    sector: str | None
    role: str | None
    code: str | None
    rule: str
    mentions: list[Mention] = field(default_factory=list)
    country_from: CountryFrom | None = None  # Entity.country_from


@dataclass(slots=True)
class EntityState:
    """What the entity extractor knows of one document so far (homes.py reads it too)."""

    gaz: Gazetteer
    doc: Doc
    text: str  # document.text (spaCy's Doc.text rebuilds the string on every access)
    date: str | None
    spans_at: dict[int, A.SpanInfo]
    sent_starts: list[int]
    people: list[PersonRef] = field(default_factory=list)
    forms: list[set[str]] = field(default_factory=list)
    others: dict[tuple, OtherDraft] = field(default_factory=dict)
    consumed: set[tuple[int, int]] = field(default_factory=set)
    sent_countries: dict[int, set[str]] = field(default_factory=dict)
    sent_spans: dict[int, list[A.SpanInfo]] = field(default_factory=dict)  # spans of each sentence, in order
    ending_at: dict[int, A.SpanInfo] = field(default_factory=dict)  # span by its end offset
    claimed: dict[int, int] = field(default_factory=dict)  # start -> end of every mention made so far
    story: tuple[str, ...] = ()  # the countries the story is about, most weighty first
    story_main: str | None = None  # the one country the story is about, if it is about one (implicit.main_country)
    full_coref: bool = False  # setting full_coref
    person_countries: bool = False  # setting person_countries
    affiliations: bool = False  # settings person_countries or person_affiliations: titles' and appositions' countries
    story_people: bool = False  # setting story_people

    def sentence(self, offset: int) -> int:
        return bisect.bisect_right(self.sent_starts, offset) - 1


def is_person(span: A.SpanInfo) -> bool:
    if span.match is not None:
        actor = span.match.first(ACTOR)
        if actor is not None and actor.actor is not None and actor.actor.type == "PERSON":
            return span.match.first(COUNTRY, ADJ, CAPITAL, IGO, GROUP) is None or span.label == "PERSON"
        return False
    return span.label == "PERSON"


def add(st: EntityState, etype: EntityType, name: str, country: str | None, sector: str | None, role: str | None,
        span: A.SpanInfo, label: str, rule: str, code: str | None = None, country_from: CountryFrom | None = None) -> None:
    key = (etype, country, sector, code) if rule in (METONYMY, IGO) else (etype, fold(name), country, sector)
    other = st.others.get(key)
    if other is None:
        other = st.others[key] = OtherDraft(etype, name, country, sector, role, code, rule, country_from=country_from)
    other.mentions.append(Mention(span.start, span.end, span.text, f"fuzzy:{label}" if span.fuzzy else label))
    st.claimed[span.start] = max(span.end, st.claimed.get(span.start, span.end))
    st.consumed.add((span.start, span.end))


def add_place(st: EntityState, span: A.SpanInfo, term: Term) -> None:
    """A gazetteer place mention, coded as a place (not a government acting)."""
    add(st, "PLACE", span.text, term.country, None, None, span, f"gazetteer:{term.kind}", PLACE)


def taken(st: EntityState, start: int, end: int) -> bool:
    """Does a mention made so far overlap [start, end)? (Mentions are under 200 characters.)
    The mentions made are walked when there are fewer of them than offsets to try: the
    same answer (a mention starting in [start - 200, end) and ending after `start`), for
    ~70 mentions instead of ~200 look-ups a call on news text (issue 20)."""
    lo, claimed = max(0, start - 200), st.claimed
    if len(claimed) < end - lo:
        return any(e > start for s, e in claimed.items() if lo <= s < end)
    return any(claimed.get(s, -1) > start for s in range(lo, end))


def tokens_at(st: EntityState, start: int, end: int) -> Span | None:
    """The tokens over [start, end), widened to whole tokens."""
    return covering(st.doc, start, end)


def consume(st: EntityState, start: int, end: int) -> None:
    for s in st.spans_at.values():
        if start <= s.start and s.end <= end and not is_person(s):
            st.consumed.add((s.start, s.end))


def person_at(st: EntityState, start: int, end: int) -> PersonRef | None:
    for p in st.people:
        if any(s < end and start < e for s, e, _ in p.spans):
            return p
    return None


def named_countries(st: EntityState) -> set[str]:
    """The countries the document names."""
    return set().union(*st.sent_countries.values()) if st.sent_countries else set()


_DEFINITE = tuple(f"{w} " for w in sorted(_G.definite_determiners))


def definite(st: EntityState, start: int) -> bool:
    before = st.text[max(0, start - 5) : start].lower()
    return before.endswith(_DEFINITE)
