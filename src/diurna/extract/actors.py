"""Actor reading: who a mention is, for which country, in which role.

Small pure functions over the spaCy doc and the gazetteer, used by extract/entities.py:
- `merge_spans`: spaCy NER spans and gazetteer matches -> one list of spans;
- `find_role` and the role helpers extract/titles.py reads titles and appositions with;
- `read_nominal`: a country word followed by a role noun ("Kenyan farmers",
  "the Israeli army", "Poland's parliament") -> a nameless actor;
- `is_locative`: "in Paris" (a place) versus "Paris urged" (the French government).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..knowledge import argument_words, grammar
from ..knowledge.gazetteer import (
    ACTOR,
    ADJ,
    CAPITAL,
    COUNTRY,
    GROUP,
    IGO,
    PEOPLE,
    PLACE,
    Gazetteer,
    Match,
    Term,
    fold,
    words,
)
from .tokens import covering, where

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_G = grammar.load()
_OF = argument_words.load().of_prepositions
# str.endswith takes a tuple, not a set
_PLURAL_ENDINGS, _SINGULAR_ENDINGS = tuple(sorted(_G.plural_endings)), tuple(sorted(_G.singular_endings))
LOCATIVE = _G.locative_prepositions
# "to"/"from" are locative only after motion verbs; these heads make them places.
_MOTION = _G.motion_words
PLACE_NOUNS = _G.place_nouns
POSSESSIVE = frozenset(("'s", "’s", "'", "’"))
# Generic heads that take the sector of an institution word before them:
# "army officers" -> MIL, "intelligence officials" -> SPY.
GENERIC_HEADS = _G.generic_heads


@dataclass(frozen=True, slots=True)
class SpanInfo:
    """A mention span before classification: the NER label and/or gazetteer match."""

    start: int
    end: int
    text: str
    label: str | None  # spaCy label (PERSON, ORG, GPE, LOC, FAC, NORP) or None
    match: Match | None  # gazetteer match covering exactly this span
    hints: tuple[Match, ...] = ()  # gazetteer matches inside a longer NER span
    fuzzy: bool = False  # the match is one edit away from the text ("Ethopia")


def merge_spans(ents: list[tuple[int, int, str, str]], matches: list[Match]) -> list[SpanInfo]:
    """NER spans and gazetteer matches -> non-overlapping spans, in text order.

    A gazetteer match wins over the NER span it equals, overlaps or lies in, except
    that a longer NER span keeps a country word inside it as a hint ("Kenya
    Anti-Corruption Commission" stays an ORG, country KEN)."""
    out: list[SpanInfo] = []
    used: set[int] = set()
    # Gazetteer matches do not overlap and come in text order: starts and ends both
    # ascend, so the matches overlapping a span are one slice (found by bisection).
    starts, ends = [m.start for m in matches], [m.end for m in matches]
    for start, end, text, label in ents:
        inside = list(range(bisect.bisect_right(ends, start), bisect.bisect_left(starts, end)))
        if not inside:
            out.append(SpanInfo(start, end, text, label, None))
            continue
        strict = [i for i in inside if start <= matches[i].start and matches[i].end <= end]
        longer = (end - start) > max(matches[i].end - matches[i].start for i in inside)
        hint_only = all(matches[i].first(ACTOR, IGO, GROUP) is None for i in strict)
        if strict == inside and longer and hint_only and label != "PERSON":
            used.update(inside)
            out.append(SpanInfo(start, end, text, label, None, tuple(matches[i] for i in inside)))
        elif strict == inside and longer and label == "PERSON" and (
                not any(matches[i].first(ACTOR) for i in inside) or _namesake(text, end, [matches[i] for i in inside])):
            used.update(inside)  # "Jordan Peterson": a person, not a country; "Hunter Biden": not Joe Biden
            out.append(SpanInfo(start, end, text, label, None))
        else:
            for i in inside:
                if i not in used:
                    used.add(i)
                    m = matches[i]
                    same = m.start == start and m.end == end
                    out.append(SpanInfo(m.start, m.end, m.text, label if same else None, m))
    out.extend(SpanInfo(m.start, m.end, m.text, None, m) for i, m in enumerate(matches) if i not in used)
    out.sort(key=lambda s: (s.start, -s.end))
    kept: list[SpanInfo] = []
    for s in out:
        if kept and s.start < kept[-1].end:
            continue
        kept.append(s)
    return kept


def _namesake(text: str, end: int, inside: list[Match]) -> bool:
    """"Hunter Biden", "Rahul Modi, a shopkeeper": a two-word person name whose second word
    is a dictionary person's surname and whose first word is none of the given names the
    dictionary knows for them (the first word of their name or of a longer alias) is
    another person with that surname, not the dictionary's ("Joseph Biden", "Joe Biden"
    stay Joe Biden). Titles are not part of NER person names ("President Biden")."""
    ws = words(text)
    if len(ws) != 2 or len(inside) != 1 or inside[0].end != end or not ws[0][:1].isupper():
        return False
    people = [t.actor for t in inside[0].terms if t.kind == ACTOR and t.actor is not None and t.actor.type == "PERSON"]
    given = {fold(words(n)[0]) for a in people for n in (a.name, *a.aliases) if len(words(n)) > 1}
    return bool(people) and fold(ws[0]) not in given


def person_by_role(gaz: Gazetteer, doc: Doc, spans: list[SpanInfo]) -> list[SpanInfo]:
    """Names the NER missed or called ORG, found by a person role next to them: "army
    spokesman Avi Dror" (ORG after a singular person role), "Pilar Ruiz, a Peruvian
    lawmaker," (capitalised words that the parse links to a role in apposition)."""
    out = []
    for s in spans:
        if s.label == "ORG" and s.match is None and s.hints == ():
            sp = covering(doc, s.start, s.end)
            if sp is not None and 2 <= len(sp) <= 3 and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in sp) \
                    and sp.start > 0 and _person_role(gaz, doc[sp.start - 1]):
                s = SpanInfo(s.start, s.end, s.text, "PERSON", None)
        out.append(s)
    out = _surname_demonyms(gaz, doc, out)
    # A one-word place the gazetteer does not know may be a surname the NER took for a
    # town ("Kenzo Tamashima, the UN relief coordinator,"): its apposition decides.
    unknown_places = {s.start: s for s in out if s.label in ("GPE", "LOC") and s.match is None and " " not in s.text}
    covered = [(s.start, s.end) for s in out if s.start not in unknown_places]
    for tok in (doc[i] for i in where(doc, "POS", ("PROPN",))):
        if (tok.ent_type_ and tok.idx not in unknown_places) \
                or not any(c.dep_ == "appos" and _person_role(gaz, c) for c in tok.children):
            continue
        first = tok.i
        while first > 0 and doc[first - 1].dep_ == "compound" and doc[first - 1].head.i == tok.i \
                and doc[first - 1].pos_ == "PROPN" and not doc[first - 1].ent_type_:
            first -= 1
        name = doc[first : tok.i + 1]
        if len(name) < 2 or not all(t.text[:1].isupper() and t.is_alpha for t in name):
            continue
        if any(a < name.end_char and name.start_char < b for a, b in covered):
            continue
        if tok.idx in unknown_places:
            if len(name) < 2:
                continue
            out.remove(unknown_places[tok.idx])
        out.append(SpanInfo(name.start_char, name.end_char, name.text, "PERSON", None))
    out.sort(key=lambda s: (s.start, -s.end))
    return out


# NER label -> the gazetteer kinds a misspelt name with that label may be.
# ("people" nouns are left out: NORP "Barbarians", a rugby team, is one edit from "Barbadians".)
_FUZZY_FOR = {"GPE": (COUNTRY, CAPITAL), "LOC": (COUNTRY, CAPITAL), "NORP": (ADJ,)}


def _in_name(doc: Doc, i: int) -> bool:
    """A proper noun next to another one or after an initial is part of a name
    ("C Dominici", "J Bonnaire"), not a lone misspelt country."""
    near = [doc[j] for j in (i - 1, i + 1) if 0 <= j < len(doc)]
    return any(t.pos_ == "PROPN" or (len(t.text) <= 2 and t.text[:1].isupper()) for t in near)


def misspelt(gaz: Gazetteer, doc: Doc, spans: list[SpanInfo]) -> list[SpanInfo]:
    """One-word NER places and nationalities the gazetteer does not know, matched to a
    country, capital or demonym one edit away ("Ethopia", "Afganistan"). The kind must
    fit the label: a GPE "Indiana" is not the people "Indians". A proper noun the NER
    left unlabelled may only be a country name."""
    covered = {s.start for s in spans}
    for tok in (doc[i] for i in where(doc, "POS", ("PROPN",))):
        if not tok.ent_type_ and tok.idx not in covered and tok.is_alpha and tok.text[:1].isupper() \
                and not _in_name(doc, tok.i):
            terms = tuple(t for t in gaz.near(tok.text) if t.kind == COUNTRY)
            if terms:
                end = tok.idx + len(tok.text)
                spans.append(SpanInfo(tok.idx, end, tok.text, None, Match(tok.idx, end, tok.text, terms), fuzzy=True))
    spans.sort(key=lambda s: (s.start, -s.end))
    out = []
    for s in spans:
        kinds = _FUZZY_FOR.get(s.label or "")
        if kinds and s.label in ("GPE", "LOC") and _before_common_noun(doc, s):
            kinds = (*kinds, ADJ)  # "Chenchen refugees": a place word does not modify "refugees", a people word does
        if kinds and s.match is None and not s.hints and " " not in s.text and s.text[:1].isupper():
            terms = tuple(t for t in gaz.near(s.text) if t.kind in kinds)
            if terms:
                s = SpanInfo(s.start, s.end, s.text, s.label, Match(s.start, s.end, s.text, terms), fuzzy=True)
        out.append(s)
    return out


def _before_common_noun(doc: Doc, s: SpanInfo) -> bool:
    sp = covering(doc, s.start, s.end)
    return sp is not None and sp.end < len(doc) and doc[sp.end].pos_ == "NOUN" and doc[sp.end].text.islower() \
        and is_plural(doc[sp.end].text)


def _surname_demonyms(gaz: Gazetteer, doc: Doc, spans: list[SpanInfo]) -> list[SpanInfo]:
    """A demonym after a given name the NER missed is a surname: "Volker Turk",
    "Jordan English"; not "Bosnian Serbs" (both known) nor "the Young Turks"."""
    starts = {s.start for s in spans}
    out = []
    for s in spans:
        term = s.match.first(PEOPLE, ADJ) if s.match is not None and s.label is None else None
        sp = covering(doc, s.start, s.end) if term is not None and " " not in s.text else None
        prev = doc[sp.start - 1] if sp is not None and sp.start > 0 else None
        nxt = doc[sp.end] if sp is not None and sp.end < len(doc) else None
        if nxt is not None and nxt.text[:1].isupper() and nxt.pos_ == "PROPN":
            prev = None  # "Oxford English Dictionary": a name goes on
        if prev is not None and prev.pos_ == "PROPN" and prev.is_alpha and prev.text[:1].isupper() \
                and prev.text[1:].islower() and not prev.ent_type_ and prev.idx not in starts \
                and fold(prev.text) not in gaz.roles.vocabulary and fold(prev.text) not in gaz.roles.honorifics \
                and not prev.is_sent_start and prev.idx + len(prev.text) + 1 == s.start and prev.whitespace_ == " ":
            out.append(SpanInfo(prev.idx, s.end, f"{prev.text} {s.text}", "PERSON", None))
            continue
        out.append(s)
    return out


def _person_role(gaz: Gazetteer, tok: Token) -> bool:
    """Is `tok` the head of a singular person role ("president", "Emergency Relief
    Coordinator": the role may span its compounds)?"""
    if not (tok.pos_ == "NOUN" or tok.pos_ == "PROPN" and tok.text[:1].isupper()) or is_plural(tok.text):
        return False
    w = fold(tok.text)
    if gaz.roles.sector_of((w,)) is not None:
        return (w,) not in gaz.roles.institutions
    first = tok.i
    while first > 0 and tok.i - first < 3 and tok.doc[first - 1].dep_ == "compound" and tok.doc[first - 1].head.i == tok.i:
        first -= 1
    role = find_role(gaz, list(tok.doc[first : tok.i + 1])) if first < tok.i else None
    return role is not None and role[1] == tok.i + 1 - first and role[0] < tok.i - first


# ----------------------------------------------------------------------------- roles


def find_role(gaz: Gazetteer, toks: list[Token]) -> tuple[int, int, str] | None:
    """The role phrase in `toks` that ends rightmost (longest among those):
    (first index, last index + 1, sector)."""
    # Hyphens are left out, as the role words are: "Secretary-General" is tokenised
    # "Secretary", "-", "General" and must not read as the military "general".
    keep = [i for i, t in enumerate(toks) if t.text != "-"]
    folded = [role_word(toks[i].text) for i in keep]
    roles = gaz.roles
    for end in range(len(keep), 0, -1):
        if folded[end - 1] not in roles.vocabulary:
            continue  # no role phrase ends with this word
        for n in range(min(roles.max_len, end), 0, -1):
            sector = roles.sector_of(tuple(folded[end - n : end]))
            if sector:
                return keep[end - n], keep[end - 1] + 1, _institution_sector(gaz, folded[: end - n], folded[end - n : end], sector)
    return None


def role_word(text: str) -> str:
    """A token's text as role phrases are keyed: folded, without a final period ("Gen." -> gen)."""
    return fold(text).rstrip(".") if len(text) > 1 else fold(text)


def may_end_role(gaz: Gazetteer, tok: Token) -> bool:
    """Can a role phrase of find_role end at `tok`? (A cheap test before gathering the
    words before it: a role's last word is a word of the role vocabulary.)"""
    return role_word(tok.text) in gaz.roles.vocabulary


def _institution_sector(gaz: Gazetteer, before: list[str], phrase: list[str], sector: str) -> str:
    if phrase[-1] not in GENERIC_HEADS:
        return sector
    for w in reversed(before[-2:]):
        s = gaz.roles.sector_of((w,))
        if s and (w,) in gaz.roles.institutions and s not in ("GOV",):
            return s
    return sector


def role_text(toks: list[Token]) -> str:
    text = " ".join(t.text for t in toks).replace(" - ", "-")
    return text[:1].upper() + text[1:]


def country_of(match: Match | None) -> Term | None:
    if match is None:
        return None
    return match.first(ADJ, COUNTRY, PEOPLE, CAPITAL, IGO, GROUP, PLACE)


# ----------------------------------------------------------------------------- nominals


def read_nominal(gaz: Gazetteer, doc: Doc, span: SpanInfo, spans_at: dict[int, SpanInfo]) -> tuple[int, int, str, str] | None:
    """A country/IGO/group word followed by a role noun: (start, end, role, sector)."""
    sp = covering(doc, span.start, span.end)
    if sp is None:
        return None
    k, stop = sp.end, min(len(doc), sp.end + 6)
    if k < len(doc) and doc[k].text in POSSESSIVE:
        k += 1
    head = sp.root.head
    if sp.root.dep_ in ("amod", "compound", "nmod", "poss") and k <= head.i < stop and head.pos_ in ("NOUN", "PROPN"):
        stop = head.i + 1  # the noun the country word modifies ends the phrase: "Syrian officers today"
        up = head.head
        if head.dep_ == "compound" and head.i < up.i < min(len(doc), sp.end + 6) and fold(up.text) in GENERIC_HEADS:
            stop = up.i + 1  # a body's spokesperson: "the Taliban foreign ministry spokesperson"
    toks: list[Token] = []
    while k < stop:
        tok = doc[k]
        if tok.text == "-" and k + 1 < len(doc) and doc[k + 1].lower_ in gaz.roles.led:
            toks.extend(doc[k : k + 2])  # "Vietnamese-led forces", "Syrian-backed militia"
            k, stop = k + 2, min(len(doc), stop + 2)
            continue
        if tok.idx in spans_at and spans_at[tok.idx].label == "PERSON":
            return None  # a title: handled by the person it names
        if tok.pos_ in ("NOUN", "ADJ", "PROPN", "NUM") or tok.text == "-" or fold(tok.text) in gaz.roles.vocabulary:
            if tok.pos_ == "PROPN" and fold(tok.text) not in gaz.roles.vocabulary:
                break
            toks.append(tok)
            k += 1
            continue
        break
    # The role must end the noun phrase: "Israeli army" yes, "Israeli army base" no.
    while toks and toks[-1].pos_ not in ("NOUN", "PROPN") and fold(toks[-1].text) not in gaz.roles.vocabulary:
        toks.pop()
    if not toks:
        return None
    folded = [fold(t.text) for t in toks]
    for n in range(min(gaz.roles.max_len, len(toks)), 0, -1):
        sector = gaz.roles.sector_of(tuple(folded[-n:]))
        if sector:
            if k < len(doc) and doc[k].idx in spans_at and spans_at[doc[k].idx].label == "PERSON":
                return None
            sector = _institution_sector(gaz, folded[:-n], folded[-n:], sector)
            return span.start, toks[-1].idx + len(toks[-1].text), role_text(toks[-n:]), sector
    # An institution inside the phrase acts for it: "Israeli army bulldozers" (ISRMIL),
    # "Israeli police custody"; person roles do not ("Kenyan minister's car").
    for i in range(len(toks) - 2, -1, -1):
        if (folded[i],) in gaz.roles.institutions and toks[i].pos_ in ("NOUN", "PROPN"):
            sector = gaz.roles.sector_of((folded[i],))
            if sector:
                return span.start, toks[-1].idx + len(toks[-1].text), role_text(toks[i : i + 1]), sector
    return None


# Sectors whose members are often abroad: troops deploy, refugees flee, IGOs and NGOs
# and companies work in other countries; "X in <place>" says nothing of their country.
_SENT_ABROAD = frozenset(("MIL", "REF", "IGO", "NGO", "BUS", "MED"))
RESIDENT_PREPS = _G.resident_prepositions
COMPASS = _G.compass_words


def place_preposition(doc: Doc, span: SpanInfo) -> int | None:
    """The token index of "in"/"of"/... before a place, over "the" and compass words
    ("in south Serbia", "throughout the country of ..."), else None."""
    sp = covering(doc, span.start, span.end)
    if sp is None:
        return None
    i = sp.start - 1
    while i >= 0 and _place_modifier(doc[i]) and sp.start - i <= 3:
        i -= 1
    return i if i >= 0 and doc[i].lower_ in RESIDENT_PREPS else None


# Hedges before a faith or people word that describes a place ("in mostly Muslim west Beirut").
HEDGES = _G.hedges


def _place_modifier(tok: Token) -> bool:
    """A word between a preposition and its place: "the", a compass word, a faith or
    people word ("in Christian east Beirut", "in mostly Muslim west Beirut")."""
    return tok.lower_ in COMPASS or tok.ent_type_ == "NORP" and tok.text[:1].isupper() or tok.lower_ in HEDGES


# "X based in <place>": the place is X's home, whatever X is ("a newspaper based in
# Beirut", "a terror group based in Trinidad").
_BASED = _G.based_participles


def read_resident(gaz: Gazetteer, doc: Doc, span: SpanInfo) -> tuple[int, str, str] | None:
    """A group role before "in/of <place>": "Rebels in the Ivory Coast", "opposition
    parties in Nepal", "Security forces in Guinea" -> (start, role, sector). Only
    collective roles (plural nouns, institutions): "a minister in Kenya" is left alone."""
    prep = place_preposition(doc, span)
    if prep is None or prep == 0:
        return None
    if doc[prep].lower_ == "in" and doc[prep - 1].lower_ in _BASED:
        return _role_ending_at(gaz, doc, prep - 1)  # "a newspaper based in Beirut": any role
    found = _role_ending_at(gaz, doc, prep)
    if found is None or not (is_plural(found[1]) or is_institution(gaz, found[1])):
        return None
    if fold(doc[prep - 1].text) in gaz.roles.abroad or found[2] in _SENT_ABROAD:
        return None  # "the embassy in Tehran", "troops in Rafah", "hostages in Gaza" belong elsewhere
    return found


def is_ngo_name(gaz: Gazetteer, name: str) -> bool:
    """Does this organisation name mark a non-governmental body? By its head, the last
    word or the word before "of"/"for" ("the Association of African Jurists", "the
    Third World Water Forum", "the Ceasefire Violations Committee"), or by a phrase
    ("Physicians for Human Rights"); never with a word of a state or party body ("the
    Senate Judiciary Committee", "the Central Committee"). For names with no country."""
    roles = gaz.roles
    ws = [fold(w) for w in words(name)]
    if not ws or any(w in roles.not_ngo for w in ws):
        return False
    cut = next((i for i, w in enumerate(ws) if i > 0 and w in _G.name_head_prepositions), len(ws))
    if ws[cut - 1] in roles.ngo_heads:
        return True
    return any(tuple(ws[i : i + len(p)]) == p for p in roles.ngo_phrases for i in range(len(ws)))


def _role_ending_at(gaz: Gazetteer, doc: Doc, i: int) -> tuple[int, str, str] | None:
    """The role phrase (a noun) that ends right before token `i`, within four words:
    (its start offset, its text, its sector)."""
    toks = list(doc[max(0, i - 4) : i])
    role = find_role(gaz, toks)
    if role is None or role[1] != len(toks) or toks[-1].pos_ not in ("NOUN", "PROPN"):
        return None
    return toks[role[0]].idx, role_text(toks[role[0] : role[1]]), role[2]


def is_institution(gaz: Gazetteer, role: str) -> bool:
    ws = tuple(fold(w) for w in role.split())
    return ws in gaz.roles.institutions or tuple(ws[-1:]) in gaz.roles.institutions


def is_plural(role: str) -> bool:
    last = role.split()[-1].lower()
    return last.endswith(_PLURAL_ENDINGS) and not last.endswith(_SINGULAR_ENDINGS) or last in _G.plural_nouns


# ----------------------------------------------------------------------------- places


def is_locative(doc: Doc, span: SpanInfo) -> bool:
    """Is this country/capital word a place here ("in Paris", "Bam, Iran", "town of Gorazde")?"""
    sp = covering(doc, span.start, span.end)
    if sp is None:
        return False
    i = sp.start
    while i > 0 and sp.start - i < 3 and _place_modifier(doc[i - 1]):
        i -= 1  # "in the north of ...", "in Christian east Beirut"
    prev = doc[i - 1] if i > 0 else None
    if prev is None:
        return False
    w = prev.lower_
    if w in LOCATIVE:
        if w in _G.motion_prepositions and not _after_motion(prev):
            return False
        return True
    if w in _OF and i > 1 and (doc[i - 2].lower_ in PLACE_NOUNS or doc[i - 2].lemma_ in PLACE_NOUNS):
        return True
    if w == "," and i > 1 and doc[i - 2].ent_type_ in ("GPE", "LOC", "FAC"):
        return True  # "Bam, Iran"
    return False


def _after_motion(prep: Token) -> bool:
    head = prep.head
    return head.lemma_ in _MOTION or head.pos_ == "NOUN" and head.lemma_ in _MOTION
