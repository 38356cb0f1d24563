"""Nameless actors (extract/entities.py step 3, after the names): a bare leader role
("the president") back to the last person in that role; bare role words ("the ministry
said", "police arrested", "rebels attacked") given the country the text implies
(extract/implicit.py); and non-governmental bodies named by a role phrase alone ("a
human rights group")."""

from __future__ import annotations

from functools import lru_cache

from ..knowledge import argument_words, grammar
from ..knowledge.gazetteer import fold
from ..model import FROM_STORY, EntityType
from . import actors as A
from . import implicit as I
from .coref import resolve_nominal
from .entitystate import EntityState, add, definite, taken
from .labels import NOMINAL
from .tokens import where

_G = grammar.load()
_OF = argument_words.load().of_prepositions


def bare_nominals(st: EntityState) -> None:
    """"the president", "the prime minister": back to the last person in that role."""
    doc, leaders = st.doc, st.gaz.roles.leaders
    taken = [(s, e) for p in st.people for s, e, _ in p.spans] + [(m.start, m.end) for o in st.others.values() for m in o.mentions]
    starts = _leader_starts(leaders)
    for tok in (doc[i] for i in where(doc, "LOWER", _G.definite_articles)):
        if tok.i + 1 >= len(doc):
            continue
        first = doc[tok.i + 1].text
        if first.isascii() and first.lower() not in starts:
            continue  # no role starts with the next word: fold() of a phrase begins with its first word's
        for n in (3, 2, 1):
            toks = doc[tok.i + 1 : tok.i + 1 + n]
            if len(toks) < n or fold(toks.text) not in leaders:
                continue
            after = doc[toks.end] if toks.end < len(doc) else None
            if after is not None and (after.lower_ in _OF or after.pos_ == "PROPN" or after.text in A.POSSESSIVE):
                break
            s, e = toks.start_char, toks.end_char
            if any(a < e and s < b for a, b in taken):
                break
            idx = resolve_nominal(toks.text, None, s, st.people, leaders)
            if idx is not None:
                st.people[idx].spans.append((s, e, "coref:role"))
                st.people[idx].sentences.add(st.sentence(s))
            break


@lru_cache(maxsize=4)
def _leader_starts(leaders: frozenset[str]) -> frozenset[str]:
    """Every leading part of every role of `leaders` ("prime", "prime minister", "vice-"):
    a phrase whose first word is none of them is no role."""
    return frozenset(role[:k] for role in leaders for k in range(1, len(role) + 1))


def bare_actors(st: EntityState) -> None:
    """"the ministry said", "police arrested", "rebels attacked": nameless actors with
    no country word, given the country the text implies (extract/implicit.py). A
    singular person role after "the" first refers back to a person in that role."""
    for found in I.bare_actors(st):
        if not found.plural and not found.institution and definite(st, found.start):
            idx = resolve_nominal(found.role, None, found.start, st.people, st.gaz.roles.leaders)
            if idx is not None:
                st.people[idx].spans.append((found.start, found.end, "coref:role"))
                st.people[idx].sentences.add(st.sentence(found.start))
                st.claimed[found.start] = max(found.end, st.claimed.get(found.start, found.end))
                continue
        etype: EntityType = "ORG" if found.institution and not found.plural else ("GROUP" if found.plural else "PERSON")
        mention = A.SpanInfo(found.start, found.end, st.text[found.start : found.end], None, None)
        guessed = FROM_STORY if found.rule in (I.STORY, I.ABROAD) else None
        add(st, etype, mention.text, found.country, found.sector, found.role, mention, f"bare:{found.rule}", NOMINAL,
            country_from=guessed)


def bare_ngos(st: EntityState) -> None:
    """"a human rights group", "aid agencies": a non-governmental body named by a role
    phrase alone, with no country (CAMEO's NGO). One-word roles ("foundation",
    "charity", "watchdog") are left alone: they are as often common nouns."""
    gaz = st.gaz
    for tok in (st.doc[i] for i in where(st.doc, "POS", ("NOUN", "PROPN"))):
        if tok.ent_type_ or not A.may_end_role(gaz, tok):
            continue
        toks = list(st.doc[max(tok.sent.start, tok.i - 3) : tok.i + 1])  # not left_edge: "Aid" is misparsed as a verb
        role = A.find_role(gaz, toks)
        if role is None or role[1] != len(toks) or role[2] != "NGO":
            continue
        if role[1] - role[0] < 2 and fold(tok.text) not in _G.ngo_words:
            continue
        start, end = toks[role[0]].idx, tok.idx + len(tok.text)
        if taken(st, start, end):
            continue
        role_str = A.role_text(toks[role[0] : role[1]])
        etype: EntityType = "GROUP" if A.is_plural(role_str) else "ORG"
        mention = A.SpanInfo(start, end, st.text[start:end], None, None)
        add(st, etype, mention.text, "NGO", "NGO", role_str, mention, NOMINAL, NOMINAL)
