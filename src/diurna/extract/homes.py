"""Where an actor belongs: the country readings the text gives an entity beyond its own
words, used by extract/entities.py. A stance word ("anti-Syria") is no nationality; a
name with places in two countries is read by context (Tripoli); a stateless people by
the home the text names; an "ethnic X" group by where it lives; a nameless actor by its
sentence's one country, less the nationality of its verb's object; an organisation by
the body noun after its name ("the Umma (Nation) party"); a faith word between a
preposition and a place describes the place ("in Christian east Beirut")."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ..knowledge import grammar
from ..knowledge.gazetteer import ADJ, CAPITAL, COUNTRY, PEOPLE, PLACE, Match, Term, TermKind, fold
from . import actors as A
from .tokens import covering

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from .entitystate import EntityState

STANCE = re.compile(r"(?:^|\W)(?:anti|pro)-$", re.IGNORECASE)
STANCE_IN = re.compile(r"(?:anti|pro)-", re.IGNORECASE)
_ARTICLES = grammar.load().definite_articles
PLACE_KINDS: tuple[TermKind, ...] = (COUNTRY, CAPITAL, PLACE)


def stance(text: str, span: A.SpanInfo) -> bool:
    return bool(STANCE.search(text[max(0, span.start - 6) : span.start]) or STANCE_IN.match(span.text))


def readings(match: Match | None) -> list[Term]:
    """The place readings of a name, one per country ("Tripoli": LBY capital, LBN port)."""
    if match is None:
        return []
    out: list[Term] = []
    for t in match.terms:
        if t.kind in PLACE_KINDS and t.country and not t.homes and all(o.country != t.country for o in out):
            out.append(t)
    return out


def settled(st: EntityState, span: A.SpanInfo) -> A.SpanInfo:
    """The span with each of its matches read in context: of a name with places in two
    countries, the one whose country the sentence, else the document, names otherwise
    ("Georgia" the US state in a story that names New Jersey; the country in one that
    names Tbilisi), the other countries' place readings dropped; unsettled, nothing
    changes (the country before a place)."""
    match = _settle(st, span.start, span.match)
    hints = tuple(_settle(st, span.start, m) or m for m in span.hints)
    if match is span.match and all(a is b for a, b in zip(hints, span.hints)):
        return span
    return replace(span, match=match, hints=hints)


def _settle(st: EntityState, start: int, match: Match | None) -> Match | None:
    """`match` with the reading its context names first ("Tripoli" after "Lebanese
    officials": the port, LBN), the other countries' place readings dropped."""
    found_readings = readings(match)
    if match is None or len(found_readings) < 2:
        return match
    found = _named_in_context(st, start, [t.country or "" for t in found_readings])
    if not found:  # None, or the first reading already
        return match
    chosen = found_readings[found]
    others = (t for t in match.terms if t is not chosen and not (t.kind in PLACE_KINDS and t.country != chosen.country))
    return replace(match, terms=(chosen, *others))


def _named_in_context(st: EntityState, start: int, countries: list[str]) -> int | None:
    """The index of the one country of `countries` that the sentence at `start` names,
    else the one the document names; None when neither settles it."""
    here = st.sent_countries.get(st.sentence(start), set())
    for pool in (here, set().union(*st.sent_countries.values()) if st.sent_countries else set()):
        found = [i for i, c in enumerate(countries) if c in pool]
        if len(found) == 1:
            return found[0]
    return None


def place_after(st: EntityState, span: A.SpanInfo, kinds: tuple[TermKind, ...]) -> str | None:
    """The country of the first place word after "in/of" within a few words after the
    span, in its sentence ("ethnic Albanians in south Serbia")."""
    for s in st.sent_spans.get(st.sentence(span.start), ()):
        if s.start <= span.end or s.start - span.end > 40:
            continue
        term = s.match.first(*kinds) if s.match else None
        if term is not None and term.country and not term.homes and A.place_preposition(st.doc, s) is not None:
            return term.country
    return None


def home(st: EntityState, span: A.SpanInfo, homes: tuple[str, ...]) -> str:
    """The country a stateless people is coded by: the one of its home countries the
    sentence names, else the document, else the first listed ("Hutu rebels" in a
    story about Burundi -> BDI)."""
    s = st.ending_at.get(span.start - 1)  # "Turkish Kurds", "Iraqi Kurds": the country word says it
    term = s.match.first(ADJ, COUNTRY) if s is not None and s.match is not None and st.text[s.end] == " " else None
    if term is not None and term.country and not term.homes:
        return term.country
    after = place_after(st, span, (COUNTRY, CAPITAL, PLACE, ADJ))
    if after is not None:  # "Druze inhabitants of the Syrian Golan Heights"
        return after
    found = _named_in_context(st, span.start, list(homes))
    return homes[found] if found is not None else homes[0]


def ethnic_residence(st: EntityState, span: A.SpanInfo, own: str | None) -> str | None:
    """The country an "ethnic X" group lives in: the place after "in/of" ("ethnic
    Albanians in south Serbia"), else the one other country the sentence names most
    ("ethnic Albanians demonstrated in Serbia"); None when the text does not say."""
    before = st.text[max(0, span.start - 7) : span.start]
    if fold(before).strip() != "ethnic":
        return None
    counts: dict[str, int] = {}
    for s in st.sent_spans.get(st.sentence(span.start), ()):
        term = s.match.first(COUNTRY, CAPITAL, PLACE, ADJ, PEOPLE) if s.match else None
        if s.start <= span.start or term is None or not term.country or term.country == own:
            continue
        counts[term.country] = counts.get(term.country, 0) + 1
    after = place_after(st, span, (COUNTRY, CAPITAL, PLACE))
    if after is not None and after != own:
        return after
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return None


def clause_free_countries(st: EntityState, start: int, end: int) -> set[str]:
    """The countries the sentence names, less a nationality word that modifies the direct
    object of the actor's own verb: in "Muslim hackers defaced Danish Web sites" Denmark
    is the target's, not the hackers'; in "Islamic fundamentalists staged a rally,
    Algerian officials said" Algeria stays."""
    sid = st.sentence(start)
    found = set(st.sent_countries.get(sid, set()))
    sp = covering(st.doc, start, end)
    if not found or sp is None or sp.root.dep_ not in ("nsubj", "nsubjpass"):
        return found
    objects = [c for c in sp.root.head.children if c.dep_ in ("dobj", "dative", "attr")]
    clause = {o.i for o in objects} | {c.i for o in objects for c in o.conjuncts}
    kept: set[str] = set()
    for s in st.sent_spans.get(sid, ()):
        term = s.match.first(COUNTRY, ADJ, PEOPLE, CAPITAL, PLACE) if s.match else None
        if term is None or not term.country or term.homes or stance(st.text, s):
            continue
        tok = covering(st.doc, s.start, s.end)
        modifier = tok is not None and term.kind == ADJ and tok.root.dep_ in ("amod", "compound")
        if not (modifier and tok is not None and tok.root.head.i in clause):
            kept.add(term.country)
    return kept


def trailing_role(st: EntityState, sp: Span) -> tuple[int, str] | None:
    """The body noun after an organisation's name, over a parenthetical gloss the NER
    may have cut into: "the Azadliq (Freedom) opposition coalition", "the Umma
    (Nation) party", "the Kadima party" -> (end offset, sector)."""
    doc, k = st.doc, sp.end
    if k < len(doc) and doc[k].text == "(":
        k = next((j + 1 for j in range(k + 1, min(len(doc), k + 6)) if doc[j].text == ")"), -1)
    elif k < len(doc) and doc[k].text == ")" and "(" in sp.text:
        k += 1
    if k < 0:
        return None
    toks: list[Token] = []
    while k < len(doc) and len(toks) < 3 and doc[k].pos_ == "NOUN" and doc[k].text.islower():
        toks.append(doc[k])
        k += 1
    role = A.find_role(st.gaz, toks) if toks else None
    if role is None or role[0] != 0 or role[1] != len(toks):
        return None
    words_ = " ".join(t.text for t in toks)
    if not A.is_institution(st.gaz, words_) or A.is_plural(words_):
        return None
    return toks[-1].idx + len(toks[-1].text), role[2]


def describes_place(st: EntityState, span: A.SpanInfo) -> bool:
    """A faith or people word between a preposition and a place ("based in Christian east
    Beirut", "in mostly Muslim west Beirut")."""
    sp = covering(st.doc, span.start, span.end)
    if sp is None or sp.end >= len(st.doc):
        return False
    nxt = st.doc[sp.end]
    after = st.doc[sp.end + 1] if nxt.lower_ in A.COMPASS and sp.end + 1 < len(st.doc) else nxt
    if after.ent_type_ not in ("GPE", "LOC"):
        return False
    i = sp.start - 1
    while i >= 0 and (st.doc[i].lower_ in A.HEDGES or st.doc[i].lower_ in _ARTICLES):
        i -= 1
    return i >= 0 and st.doc[i].lower_ in A.RESIDENT_PREPS | A.LOCATIVE
