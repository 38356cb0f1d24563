"""Actors whose country the text leaves implicit, used by extract/entities.py.

A real article names a country once and then says "the ministry", "police", "rebels",
"a spokeswoman" or "the Justice Department". Such an actor belongs to the place it acts
in or to its sentence's one country when the sentence names one, else to the story's
country: the country of the dateline and the title, and the one the article mentions
most (`story_countries`). Which role words may stand bare is knowledge (roles.yaml
`bare`); the sectors come from roles.yaml.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..knowledge import argument_words, grammar
from ..knowledge.gazetteer import (
    ADJ,
    CAPITAL,
    COUNTRY,
    INSTITUTION,
    PEOPLE,
    Gazetteer,
    Match,
    TermKind,
    fold,
    town_country,
)
from . import actors as A
from . import homes as H
from .entitystate import tokens_at
from .tokens import covering, where

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .entitystate import EntityState

_G = grammar.load()
_OF = argument_words.load().of_prepositions
# What the title and the dateline weigh against one mention in the body: they say what
# the story is about.
_TITLE_WEIGHT = 3
_DATELINE_WEIGHT = 3
_COUNTRY_KINDS: tuple[TermKind, ...] = (COUNTRY, ADJ, PEOPLE, CAPITAL, INSTITUTION)
# A country named once in the body is no story's subject ("Troops in Rafah opened fire").
_STORY_MIN = 2


@dataclass(frozen=True, slots=True)
class Implicit:
    """A nameless actor found by a bare role word, with the country it was given."""

    start: int
    end: int
    role: str
    sector: str
    country: str | None
    plural: bool
    institution: bool
    rule: str  # "sentence-country" | "story-country" | "of-country"


def story_countries(gaz: Gazetteer, spans: list[A.SpanInfo], text: str, title: str | None,
                    dateline: str | None) -> tuple[str, ...]:
    """The countries the story is about, most weighty first: mentions in the body, the
    title's and the dateline's counted thrice. IGOs are not countries."""
    return tuple(c for c, _ in story_weights(gaz, spans, text, title, dateline))


def story_weights(gaz: Gazetteer, spans: list[A.SpanInfo], text: str, title: str | None,
                  dateline: str | None) -> tuple[tuple[str, int], ...]:
    """`story_countries` with each country's weight (mentions, the title and the dateline
    counted thrice), most weighty first."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for s in spans:
        term = _country_term(s.match) or next((c for c in map(_country_term, s.hints) if c), None)
        if term is not None and not H.stance(text, s):
            counts[term] += 1
            first.setdefault(term, s.start)
    for extra, weight in ((title, _TITLE_WEIGHT), (dateline, _DATELINE_WEIGHT)):
        if not extra:
            continue
        found = [c for c in (_country_term(m) for m in gaz.find(extra)) if c is not None]
        if not found and extra is dateline:
            town = town_country(extra.split(",")[0].strip())
            found = [town] if town else []
        for c in dict.fromkeys(found):
            counts[c] += weight
            first.setdefault(c, -1)
    ranked = sorted(counts, key=lambda c: (-counts[c], first[c]))
    return tuple((c, counts[c]) for c in ranked if c not in gaz.igo_codes and c != "NGO" and counts[c] >= _STORY_MIN)


# A story is about one country when that country weighs at least this many times the
# next one ("Nigeria records mpox cases": NGA 8, none other; not "Botswana ... amid UK
# opposition": BWA 9, GBR 7).
_MAIN_RATIO = 2


def main_country(weights: tuple[tuple[str, int], ...]) -> str | None:
    """The one country a story is about (`story_weights`), else None."""
    if not weights:
        return None
    if len(weights) > 1 and weights[0][1] < _MAIN_RATIO * weights[1][1]:
        return None
    return weights[0][0]


def _country_term(match: Match | None) -> str | None:
    term = match.first(*_COUNTRY_KINDS) if match is not None else None
    if term is None or not term.country or term.homes or term.kind == INSTITUTION and term.sector == "MED":
        return None  # "told VOA": the publisher's name says nothing of the story
    return term.country


def bare_actors(st: EntityState) -> list[Implicit]:
    """Every bare role word of roles.yaml `bare` not yet part of a mention: "the
    ministry said", "police arrested", "rebels attacked", "a spokeswoman said"."""
    out: list[Implicit] = []
    bare = st.gaz.roles.bare
    for tok in (st.doc[i] for i in where(st.doc, "POS", ("NOUN", "PROPN"))):
        if tok.ent_type_ and tok.ent_type_ not in ("NORP",):
            continue
        if tok.dep_ == "compound" and tok.head.i > tok.i:
            continue  # "police station", "army base": the role word modifies another noun
        if not A.may_end_role(st.gaz, tok):
            continue
        toks = list(st.doc[max(tok.sent.start, tok.i - 3) : tok.i + 1])
        role = A.find_role(st.gaz, toks)
        if role is None or role[1] != len(toks):
            continue
        phrase = toks[role[0] : role[1]]
        if tuple(fold(t.text) for t in phrase) not in bare:
            continue
        start, end = phrase[0].idx, tok.idx + len(tok.text)
        if _has_country_word(st, phrase[0]) or _taken(st, start, end):
            continue
        if not _acting(tok) and (A.is_institution(st.gaz, role_text := A.role_text(phrase)) or not A.is_plural(role_text)):
            continue  # "called for a new government", "told the court": a body as an object is rarely an actor
        out.append(_implicit(st, tok, start, end, A.role_text(phrase), role[2]))
    return out


def _taken(st: EntityState, start: int, end: int) -> bool:
    """Does a mention made so far overlap [start, end)? (Mentions are under 200 characters.)"""
    return any(st.claimed.get(s, -1) > start for s in range(max(0, start - 200), end))


_NAME_LABELS = frozenset(("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"))


def _has_country_word(st: EntityState, first: Token) -> bool:
    """A name in the role's noun phrase ("Kenyan police", "Ankara's Cankaya district
    administration"): the nominal reader's case or the name's, not a bare one."""
    head = first.doc[first.i]
    while head.dep_ == "compound" and head.head.i > head.i:
        head = head.head
    for j in range(head.left_edge.i, first.i):
        tok = st.doc[j]
        if tok.ent_type_ in _NAME_LABELS or any(s.start <= tok.idx < s.end for s in st.sent_spans.get(st.sentence(tok.idx), ())):
            return True
    return False


def _implicit(st: EntityState, tok: Token, start: int, end: int, role: str, sector: str) -> Implicit:
    """The country of a bare actor: the one named right after it ("the government of
    Chad"), else, for state bodies, the story's; for others (rebels, protesters,
    villagers) the one place their sentence names, else the story's. A country that
    acts in the sentence ("Rwanda denies backing the rebels") gives no one else its flag."""
    plural, institution = A.is_plural(role), A.is_institution(st.gaz, role)
    abroad = _in_place(st, tok) if sector in _ABROAD else None
    if abroad is not None:
        # "troops in Rafah" are not of Rafah's country; in a story about another
        # country they are that country's
        story = st.story[0] if st.story and st.story[0] != abroad else None
        return Implicit(start, end, role, sector, story, plural, institution, ABROAD)
    country, rule = _of_country(st, tok), "of-country"
    if country is None and sector in _STATE_SECTORS and st.story:
        country, rule = st.story[0], STORY
    if country is None and _subject(tok):
        # where a group acts: "rebels attacked a village in Mali" (not an object: in
        # "prisoners rioted in Lima joining demonstrators" the place is the prisoners')
        found = _place_countries(st, tok)
        country, rule = (found.pop(), "sentence-place") if len(found) == 1 else (None, "")
    if country is None and st.story:
        country, rule = st.story[0], STORY
    return Implicit(start, end, role, sector, country, plural, institution, rule)


STORY = "story-country"
ABROAD = "abroad"
# State bodies belong to the story's country more often than to a place in their sentence
# ("the junta expelled French troops and turned to Russia").
_STATE_SECTORS = frozenset(("GOV", "MIL", "LEG", "JUD", "COP", "SPY"))


def _place_countries(st: EntityState, tok: Token) -> set[str]:
    """The countries of the places named after a preposition ("in Mali") in the clause
    of `tok` ("rebels attacked a village in Mali", "rebels operating in Peru"), not in
    another ("..., officials in Nairobi said")."""
    out: set[str] = set()
    own = _clause_verb(tok)
    for s in st.sent_spans.get(st.sentence(tok.idx), ()):
        matches = (s.match,) if s.match is not None else s.hints  # "in Western Cambodia": a country inside a place name
        term = next((t for m in matches if (t := m.first(*H.PLACE_KINDS)) is not None), None)
        if term is None or not term.country or term.homes or term.country in st.gaz.igo_codes \
                or not A.is_locative(st.doc, s):
            continue
        sp = covering(st.doc, s.start, s.end)
        verb = _clause_verb(sp.root) if sp is not None else None
        if verb is not None and (verb.i == own.i or verb.head.i == tok.i):
            out.add(term.country)
    return out


def _clause_verb(tok: Token) -> Token:
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _acting(tok: Token) -> bool:
    """The subject or agent of a verb, or a possessor ("the army's statement")."""
    return _subject(tok) or tok.dep_ == "poss" or tok.dep_ == "pobj" and tok.head.lower_ == "by"


def _subject(tok: Token) -> bool:
    dep = tok.head.dep_ if tok.dep_ == "conj" else tok.dep_
    return dep in ("nsubj", "nsubjpass", "agent")


def _in_place(st: EntityState, tok: Token) -> str | None:
    """"troops in Rafah": the country of a place after a preposition other than "of"."""
    k = tok.i + 1
    if k + 1 < len(st.doc) and st.doc[k].lower_ in A.RESIDENT_PREPS and st.doc[k].lower_ not in _OF:
        return _country_after(st, k)
    return None


def _of_country(st: EntityState, tok: Token) -> str | None:
    """"the government of Sudan", "rebels in Darfur", "militants present in Mali": the
    country named right after; "militants present on Afghan soil": the country whose land
    is named."""
    k = tok.i + 1
    if k < len(st.doc) and st.doc[k].lower_ in _G.presence_words:
        k += 1
    if k + 1 >= len(st.doc):
        return None
    if st.doc[k].lower_ in A.RESIDENT_PREPS:
        return _country_after(st, k)
    return _territory_after(st, k) if st.doc[k].pos_ == "ADP" else None


def _territory_after(st: EntityState, k: int) -> str | None:
    """The country of "<nationality word> soil" right after the preposition at `k`."""
    span = st.spans_at.get(st.doc[k + 1].idx)
    if span is None or span.match is None:
        return None
    term = span.match.first(ADJ)
    if term is None or not term.country or term.homes:
        return None
    sp = tokens_at(st, span.start, span.end)
    nxt = st.doc[sp.end] if sp is not None and sp.end < len(st.doc) else None
    return term.country if nxt is not None and nxt.lower_ in _G.territory_nouns else None


def _country_after(st: EntityState, k: int) -> str | None:
    if st.doc[k + 1].lower_ in _G.definite_articles and k + 2 < len(st.doc):
        k += 1
    span = st.spans_at.get(st.doc[k + 1].idx)
    term = span.match.first(*H.PLACE_KINDS) if span is not None and span.match is not None else None
    return term.country if term is not None and term.country and not term.homes else None


_ABROAD = frozenset(("MIL", "GOV", "SPY"))  # troops, envoys and agents act abroad
