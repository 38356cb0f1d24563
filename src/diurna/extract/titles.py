"""Titles and appositions of a person's name (extract/people.py): the title before a name
("French President", "Mr Ruto's chief of staff") and the apposition after it (", Kenya's
president,", ", director general of the Pakistani military's media wing,") -> role,
sector, country, former, honorific. Built on the role reading of extract/actors.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..knowledge import argument_words, grammar
from ..knowledge.gazetteer import ACTOR, ADJ, CAPITAL, COUNTRY, IGO, PEOPLE, Gazetteer, fold
from .actors import POSSESSIVE, SpanInfo, country_of, find_role, is_institution, is_plural, role_text, role_word
from .tokens import covering

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_G = grammar.load()
_OF = argument_words.load().of_prepositions


@dataclass(frozen=True, slots=True)
class Title:
    start: int
    end: int
    role: str | None
    sector: str | None
    country: str | None
    former: bool
    honorific: str | None  # male | female | neutral, from "Mr", "Mrs", "Dr"
    possessor: tuple[int, int] | None = None  # "Mr Ruto's chief of staff": Ruto's span



def _covering(doc: Doc, start: int, end: int) -> Span:
    """The tokens covering doc.text[start:end] (an entity span's offsets always have some)."""
    span = covering(doc, start, end)
    assert span is not None, (start, end)
    return span


def read_title(gaz: Gazetteer, doc: Doc, name_start: int, spans_at: dict[int, SpanInfo],
               affiliations: bool = False) -> Title | None:
    """The title words before a name, up to the sentence start. With `affiliations`
    (setting person_countries) a lower-case adjective before a role word is part of it
    ("Turkey's presidential spokesman")."""
    first = covering(doc, name_start, name_start + 1)
    if first is None:
        return None
    i = first.start
    sent_start = first.sent.start if doc.has_annotation("SENT_START") or doc.has_annotation("DEP") else 0
    j, possessor = i, None
    while j > sent_start:
        tok = doc[j - 1]
        w = fold(tok.text)
        span = spans_at.get(tok.idx) or _span_ending(spans_at, tok)
        if span is not None and span.start <= name_start < span.end:
            span = None  # title words inside the name's own NER span ("Lt. Gen. Prosper Avril")
        if _names_person(span):
            break  # another person's name: the title, if any, ended before it
        if span is not None and span.match is not None and country_of(span.match) and span.match.first(ACTOR) is None:
            j = _covering(doc, span.start, span.end).start
            continue
        if span is not None and span.label == "ORG" and span.match is None:
            j = _covering(doc, span.start, span.end).start
            continue
        if tok.text in POSSESSIVE and j - 1 > sent_start:
            prev = _span_ending(spans_at, doc[j - 2])
            if prev is not None and (prev.label == "PERSON" or (prev.match and prev.match.first(ACTOR))):
                possessor = (prev.start, prev.end)
                j = _covering(doc, prev.start, prev.end).start
                continue
            j -= 1
            continue
        abbrev_dot = tok.text == "." and j - 1 > sent_start and fold(doc[j - 2].text) in gaz.roles.honorifics
        if w in gaz.roles.vocabulary or w.rstrip(".") in gaz.roles.honorifics or w in gaz.roles.modifiers \
                or w in gaz.roles.former or tok.text == "-" or abbrev_dot:  # "Lt. Gen." tokenised "Lt", ".", "Gen."
            j -= 1
            continue
        if tok.text[:1].isupper() and tok.pos_ in ("PROPN", "NOUN", "ADJ") and j < i and w not in _G.definite_articles:
            j -= 1  # portfolio words inside a title: "Planning and Investment Minister"
            continue
        if affiliations and tok.pos_ == "ADJ" and tok.text.islower() and j < i \
                and role_word(doc[j].text) in gaz.roles.vocabulary:
            j -= 1  # an adjective before a role word: "Turkey's presidential spokesman"
            continue
        if affiliations and j == i and tok.pos_ == "NOUN" and tok.text.islower() and j - 1 > sent_start \
                and _nationality_before(spans_at, doc[j - 2]):
            j -= 1  # a nationality word and a noun that is no role: "British politician Nigel Farage"
            continue
        if (w in _G.title_connectors or w == "&") and j < i and j - 1 > sent_start and doc[j - 2].text[:1].isupper() \
                and _span_ending(spans_at, doc[j - 2]) is None:
            j -= 1
            continue
        break
    pre = _pre_apposition(gaz, doc, j, sent_start, spans_at, affiliations)
    if j == i:
        return pre
    title = _parse_title(gaz, doc, j, i, spans_at, possessor)
    if pre is not None and (title is None or title.country is None and title.possessor is None):
        return pre  # "Qatar's emir, Sheikh Hamad": the office before the comma says more than "Sheikh"
    return title


def _nationality_before(spans_at: dict[int, SpanInfo], tok: Token) -> bool:
    """Is `tok` the end of a nationality word ("British", not "anti-British")?"""
    span = _span_ending(spans_at, tok)
    if span is None or span.match is None:
        return False
    term = span.match.first(ADJ)
    return term is not None and bool(term.country) and not term.homes and span.text[:1].isupper()


def _pre_apposition(gaz: Gazetteer, doc: Doc, i: int, sent_start: int, spans_at: dict[int, SpanInfo],
                    affiliations: bool = False) -> Title | None:
    """A country's office holder set before the name with a comma: "Qatar's emir,
    Sheikh Hamad ..." (the parse rarely links the two). Only a singular person role
    with its country."""
    if i - 1 <= sent_start or doc[i - 1].text != ",":
        return None
    title = read_title(gaz, doc, doc[i - 1].idx, spans_at, affiliations)
    if title is None or title.role is None or title.country is None or title.possessor is not None:
        return None
    if is_plural(title.role) or is_institution(gaz, title.role):
        return None
    return title


def _names_person(span: SpanInfo | None) -> bool:
    """A person's name, not a demonym NER mislabelled PERSON ("the Slovak foreign minister")."""
    if span is None:
        return False
    if span.match is not None:
        return span.match.first(ACTOR) is not None or (
            span.label == "PERSON" and span.match.first(ADJ, COUNTRY, PEOPLE, CAPITAL) is None)
    return span.label == "PERSON"


def _span_ending(spans_at: dict[int, SpanInfo], tok: Token) -> SpanInfo | None:
    for s in spans_at.values():
        if s.start <= tok.idx < s.end:
            return s
    return None


def _parse_title(gaz: Gazetteer, doc: Doc, j: int, i: int, spans_at: dict[int, SpanInfo],
                 possessor: tuple[int, int] | None) -> Title | None:
    # Drop words before the first role/country/honorific word ("and", stray capitals).
    toks = list(doc[j:i])
    while toks and (toks[0].lower_ in _G.title_connectors or toks[0].text in ("&", "-")):
        toks.pop(0)  # role vocabulary ("chief of staff") that cannot start a title
    if not toks:
        return None
    honor = gaz.roles.honorifics.get(fold(toks[-1].text).rstrip(".")) if toks else None
    role = find_role(gaz, toks)
    country_term = None
    for t in toks:
        s = _span_ending(spans_at, t)
        term = country_of(s.match) if s is not None and s.match is not None else None
        if term is not None:
            country_term = term
        elif s is not None and s.hints:
            country_term = country_of(s.hints[0])
    former = any(fold(t.text).rstrip("-") in gaz.roles.former or fold(t.text).startswith("ex-") for t in toks)
    if role is None and country_term is None and honor is None and possessor is None:
        return None
    start = toks[0].idx
    if role is None and country_term is None and possessor is None:
        start = toks[-1].idx  # an honorific alone ("Mr")
    role_str = role_text(toks[role[0] : role[1]]) if role else None
    sector = role[2] if role else None
    if former and role_str:
        role_str, sector = f"former {role_str.lower()}", "ELI"  # "former president"
    country = country_term.country if country_term else None
    if country_term is not None and country_term.kind == IGO and sector is None:
        sector = country_term.sector
    end = toks[-1].idx + len(toks[-1].text)
    return Title(start, end, role_str, sector, country, former, honor, possessor)


def read_apposition(gaz: Gazetteer, doc: Doc, name_end: int, spans_at: dict[int, SpanInfo],
                    affiliations: bool = False) -> Title | None:
    """", Kenya's president," / ", the cricket board chairman," / " of Morocco" after a
    name. With `affiliations` (setting person_countries) the role may be followed by a
    prepositional tail, and an official's role with a tail naming the body or place it
    belongs to (", director general of the Pakistani military's media wing,", ",
    secretary of state for communication of Chile,") takes the tail's country when the
    role names none."""
    last = covering(doc, name_end - 1, name_end)
    if last is None:
        return None
    k = last.end
    sent_end = last.sent.end if doc.has_annotation("SENT_START") or doc.has_annotation("DEP") else len(doc)
    if k < sent_end and doc[k].lower_ in _OF:
        nxt = spans_at.get(doc[k + 1].idx) if k + 1 < sent_end else None
        term = country_of(nxt.match) if nxt is not None and nxt.match is not None else None
        if term is not None and nxt is not None:
            return Title(doc[k].idx, nxt.end, None, None, term.country, False, None)
        return None
    if k >= sent_end or doc[k].text != ",":
        return None
    stop = k + 1
    while stop < min(sent_end, k + (_APPOSITION_MAX if affiliations else _APPOSITION_SHORT)) and doc[stop].text not in (",", ".", ";", ":", "(", ")", "\"", "“", "”"):
        stop += 1
    toks = list(doc[k + 1 : stop])
    ends = (",", ".", ";", ":") if affiliations else (",", ".", ";")  # ":" ends an interview's speaker label
    if not toks or (stop < sent_end and doc[stop].text not in ends):
        return None
    if toks[0].pos_ == "AUX" or any(t.pos_ in ("VERB", "AUX") and t.tag_ != "VBN" and t.dep_ not in ("amod", "compound")
                                    for t in toks):
        return None  # a clause, not an apposition; "leading" in "Algeria's leading activist" is an adjective
    if any(_names_person(_span_ending(spans_at, t)) for t in toks):
        return None
    if not affiliations:
        role = find_role(gaz, toks)
        if role is None or role[1] != len(toks) and not (role[1] < len(toks) and toks[role[1]].lower_ in _OF):
            return None
        cut = len(toks)
    else:
        found = _role_end(gaz, toks)
        if found is None:
            return None
        cut = found
    title = _parse_title(gaz, doc, k + 1, k + 1 + cut, spans_at, None)
    if title is None:
        return None
    country = title.country
    if country is None and affiliations and title.sector in POLITICAL_SECTORS:
        country = _tail_country(toks[cut:], spans_at)
    return Title(title.start, title.end, title.role, title.sector, country, title.former, None)


# Tokens an apposition may run to before its closing comma ("Matthew Nkosi, deputy
# assistant secretary of state in the Bureau of African Affairs,"); without affiliations
# the short reading's limit.
_APPOSITION_MAX = 16
_APPOSITION_SHORT = 10
# Sectors of officials and political figures: the people whose affiliation gives them a
# country (extract/entities.py guesses theirs from the story too). Not academics or
# business people: "a professor at a university in Tokyo" is as often a visitor there.
POLITICAL_SECTORS = frozenset(("GOV", "MIL", "LEG", "JUD", "COP", "SPY", "OPP", "PTY", "LAB", "REB"))


def _role_end(gaz: Gazetteer, toks: list[Token]) -> int | None:
    """Where the role phrase of an apposition ends: the whole apposition ("the leader of
    the Red Hand gang": the gang says more than "leader"), else the first preposition
    that a role phrase ends right before ("minister | of environment", "secretary | of
    state for communication", "ambassador | to Kenya")."""
    cuts = [len(toks)] + [i for i, t in enumerate(toks) if i > 0 and t.pos_ == "ADP"]
    for cut in cuts:
        role = find_role(gaz, toks[:cut])
        if role is not None and role[1] == cut:
            return cut
    return None


def _tail_country(tail: list[Token], spans_at: dict[int, SpanInfo]) -> str | None:
    """The country of the first country word, IGO, place or organisation with a country
    word in an apposition's tail ("of the Pakistani military", "for Birdlife Spain",
    "at a university in Tokyo")."""
    if not tail or tail[0].lower_ not in _G.affiliation_prepositions:
        return None
    for t in tail:
        s = spans_at.get(t.idx)
        if s is None:
            continue
        term = country_of(s.match) if s.match is not None else next(
            (c for c in map(country_of, s.hints) if c is not None), None)
        if term is not None and term.country and not term.homes:
            return term.country
    return None
