"""Organisations, groups and places (extract/entities.py steps 3 and 4): a gazetteer term
by its kind (an IGO, an armed group, an institution, a dictionary actor, a nationality
or people word, a place), a country word with a role noun ("Kenyan farmers" -> KENCVL,
"the Israeli army" -> ISRMIL; "the Kenyan leader" refers back to a person when one
fits), a role word and the place it is in ("rebels in the Ivory Coast"), a country or
capital that is not a place ("Paris urged ..." -> FRAGOV), and what the NER alone found."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ..knowledge import argument_words, grammar
from ..knowledge.gazetteer import (
    ACTOR,
    ADJ,
    COUNTRY,
    GROUP,
    IGO,
    INSTITUTION,
    PEOPLE,
    PLACE,
    Term,
    code_on,
    fold,
    town_country,
)
from ..model import FROM_STORY, EntityType
from . import actors as A
from . import homes as H
from .base import NER
from .coref import resolve_nominal
from .entitystate import (
    ABROAD_SECTORS,
    DOMESTIC_SECTORS,
    OFFICIAL_SECTORS,
    EntityState,
    add,
    add_place,
    consume,
    definite,
    named_countries,
    taken,
    tokens_at,
)
from .labels import DEMONYM, DICTIONARY, METONYMY, NOMINAL, RESIDENT

if TYPE_CHECKING:
    from spacy.tokens import Span


def other(st: EntityState, span: A.SpanInfo) -> None:
    gaz = st.gaz
    if H.stance(st.text, span):
        # "an anti-Syria journalist", "pro-Moscow rebels": a stance, not the actor's country
        nominal = A.read_nominal(gaz, st.doc, span, st.spans_at)
        if nominal is not None:
            cut = st.text.rfind("-", max(0, span.start - 6), span.start)
            prefix = st.text.rfind(" ", 0, cut) + 1 if cut >= 0 else nominal[0]
            _nominal(st, span, None, (min(prefix, nominal[0]), *nominal[1:]))
        return
    # (every term has one of the kinds; a name with places in two countries was read by
    # context before the cascade: homes.settled)
    term = span.match.terms[0] if span.match else None
    if term is not None and term.homes:
        term = replace(term, country=H.home(st, span, term.homes))
    if term is not None and term.kind in (ADJ, PEOPLE):
        resident = H.ethnic_residence(st, span, term.country) or _people_of(st, span, term)
        if resident is not None:  # "ethnic Albanians in south Serbia": CAMEO codes the country of residence
            term = replace(term, country=resident)
    nominal = A.read_nominal(gaz, st.doc, span, st.spans_at) if (term is not None or span.label in ("NORP", "ORG")) else None
    if nominal is not None:
        _nominal(st, span, term, nominal)
        return
    place_like = term.kind in H.PLACE_KINDS if term is not None else span.label in ("GPE", "LOC")
    if place_like and _resident_group(st, span, term.country if term is not None else None):
        return
    if term is None:
        _ner_only(st, span)
        return
    kind = term.kind
    if kind == IGO:
        add(st, "ORG", term.name, term.country, term.sector, None, span, "gazetteer:igo", IGO, term.code)
    elif kind == GROUP:
        add(st, "GROUP", term.name, term.country, term.sector, None, span, "gazetteer:group", GROUP)
    elif kind == INSTITUTION and not A.is_locative(st.doc, span):  # "the Kremlin said" (not "at the Kremlin")
        add(st, "ORG", term.name, term.country, term.sector, None, span, "gazetteer:institution", INSTITUTION)
    elif kind == ACTOR:
        a = term.actor
        etype = a.type if a is not None else "ORG"
        dated = code_on(a, st.date, named_countries(st)) if a is not None else None  # the dictionary's code for the date
        add(st, etype, term.name, dated.country if dated else term.country, dated.sector if dated else None, None,
            span, "gazetteer:actor", DICTIONARY, dated.code if dated else None)
    elif kind == ADJ:
        add(st, "GROUP", span.text, term.country, None, None, span, "gazetteer:adj", DEMONYM)
    elif kind == PEOPLE:
        add(st, "GROUP", span.text, term.country, "CVL", None, span, "gazetteer:people", DEMONYM)
    elif kind == PLACE or A.is_locative(st.doc, span):
        add_place(st, span, term)
    elif term.code is not None:  # an IGO seat: "Brussels said" -> the EU
        add(st, "ORG", term.name, term.country, "IGO", None, span, METONYMY, METONYMY, term.code)
    else:
        name = gaz.country_names.get(term.country or "", term.name)
        add(st, "ORG", name, term.country, "GOV", None, span, METONYMY, METONYMY)


def _resident_group(st: EntityState, span: A.SpanInfo, country: str | None) -> bool:
    """"Rebels in the Ivory Coast" -> one GROUP (CIVREB) from the role word to the place."""
    found = A.read_resident(st.gaz, st.doc, span)
    if found is None or taken(st, found[0], span.start):
        return False
    start, role, sector = found
    etype: EntityType = "ORG" if A.is_institution(st.gaz, role) and not A.is_plural(role) else "GROUP"
    mention = A.SpanInfo(start, span.end, st.text[start : span.end], None, None)
    add(st, etype, mention.text, country, sector, role, mention, RESIDENT, NOMINAL)
    st.consumed.add((span.start, span.end))
    return True


def _people_of(st: EntityState, span: A.SpanInfo, term: Term) -> str | None:
    """"the Albanians of southern Serbia", "the Kurds of Iraq": a people named by the
    country it lives in is coded by that country (only "of": "Americans in Iraq" may be
    visitors)."""
    if term.kind != PEOPLE:
        return None
    sp = tokens_at(st, span.start, span.end)
    if sp is None or sp.end >= len(st.doc) or st.doc[sp.end].lower_ not in _OF:
        return None
    for s in st.sent_spans.get(st.sentence(span.start), ()):
        if s.start <= span.end:
            continue
        place = s.match.first(*H.PLACE_KINDS) if s.match else None
        if place is None or not place.country or place.homes or A.place_preposition(st.doc, s) != sp.end \
                or place.country == term.country:
            return None
        add_place(st, s, place)  # not "Serbia urged"
        return place.country
    return None


_PATRONAGE = grammar.load().patronage_nouns
_OF = argument_words.load().of_prepositions


def _nominal(st: EntityState, span: A.SpanInfo, term: Term | None, nominal: tuple[int, int, str, str]) -> None:
    sector: str | None
    start, end, role, sector = nominal
    text = st.text[start:end]
    country = term.country if term is not None else None
    client = text.split()[-1].lower() in _PATRONAGE
    if client:
        # "Israel's militia ally in southern Lebanon": the country named is the patron's;
        # the client's is where it is, if the text says
        country = H.place_after(st, A.SpanInfo(start, end, text, None, None), H.PLACE_KINDS)
        term = None
    if term is not None and term.kind == IGO and sector in ("IGO",):
        sector = term.sector
    if term is not None and term.kind == INSTITUTION and fold(role.split()[-1]) in A.GENERIC_HEADS:
        sector = term.sector or sector  # "Pentagon officials": the body's sector (USAMIL)
    if term is not None and term.ngo:
        sector = "NGO"  # "Red Cross officials": the body's people are coded as the body
    person_role = not A.is_institution(st.gaz, role) and not A.is_plural(role)
    if person_role and definite(st, start):
        idx = resolve_nominal(role, country, start, st.people, st.gaz.roles.leaders, st.person_countries)
        if idx is not None:
            if country is not None and st.people[idx].country != country:
                # the nominal states the country a person named before was not given
                # (setting person_countries): it replaces a guess
                st.people[idx].country, st.people[idx].country_from = country, None
            st.people[idx].spans.append((start, end, "coref:role"))
            st.claimed[start] = max(end, st.claimed.get(start, end))
            st.people[idx].sentences.add(st.sentence(start))
            return
    etype: EntityType = "ORG" if A.is_institution(st.gaz, role) else ("GROUP" if A.is_plural(role) else "PERSON")
    if country is None and not client:
        country = _origin(st, end)
    if country is None and not client and not (etype == "ORG" and sector in ABROAD_SECTORS):
        # "Islamic fundamentalists" in a story about Algeria: the sentence's one country
        # (not for "Reuters news agency": media, companies, NGOs work abroad)
        found = H.clause_free_countries(st, start, end)
        country = next(iter(found)) if len(found) == 1 else None
    fake = A.SpanInfo(start, end, text, None, None)
    code = term.code if term is not None and term.kind == IGO else None
    add(st, etype, text, country, sector, role, fake, NOMINAL, NOMINAL, code)


_FROM = re.compile(r"\s+from\s+(?:the\s+)?")


def _origin(st: EntityState, end: int) -> str | None:
    """"a Christian missionary from Calgary": the country an actor comes from."""
    m = _FROM.match(st.text, end)
    s = st.spans_at.get(m.end()) if m else None
    if s is None:
        return None
    if s.match is not None:
        term = s.match.first(*H.PLACE_KINDS)
        if term is None or term.homes or len(H.readings(s.match)) > 1 or not term.country:
            return None
        add_place(st, s, term)  # not "Kenya said"
        return term.country
    return town_country(s.text) if s.label == "GPE" else None


def _ner_only(st: EntityState, span: A.SpanInfo) -> None:
    gaz = st.gaz
    sector: str | None
    hint = next((t for m in span.hints for t in m.terms if t.country), None)
    country = hint.country if hint else None
    if span.label == "ORG":
        sp = tokens_at(st, span.start, span.end)
        role = A.find_role(gaz, list(sp)) if sp is not None else None
        trailing = H.trailing_role(st, sp) if role is None and sp is not None else None
        if trailing is not None:  # "the Azadliq (Freedom) opposition coalition": the name and its role noun
            end, sector = trailing
            span = A.SpanInfo(span.start, end, st.text[span.start : end], span.label, None)
            consume(st, span.start, end)
            role = (0, 0, sector)
        if country is None:
            country = _adjacent_country(st, span.start)
        if country is None and role is not None and role[2] in DOMESTIC_SECTORS:
            # "the Homeland Union party", "Cumhuriyet University": a domestic body of
            # the one country its sentence names (companies and NGOs work abroad: not them)
            found = st.sent_countries.get(st.sentence(span.start), set())
            country = next(iter(found)) if len(found) == 1 else None
        country_from = None
        if st.person_countries and country is None and role is not None and role[2] in OFFICIAL_SECTORS and st.story \
                and _bare_body(st, sp, role):
            # "Parliament", "the High Court": a state body named by its role words alone
            # is the story's, as a bare "the ministry" is (extract/implicit.py)
            country, country_from = st.story[0], FROM_STORY
        sector = role[2] if role else None
        if country is None and _ngo(st, span, sp, role):
            country = sector = "NGO"  # "the Association of African Jurists": CAMEO's NGO
        add(st, "ORG", span.text, country, sector, None, span, "ORG", NER, country_from=country_from)
    elif span.label == "NORP":
        if country is None and H.describes_place(st, span):
            return  # "in Christian east Beirut": a part of a city, not a group acting
        add(st, "GROUP", span.text, country, None, None, span, "NORP", NER)
    else:
        if country is None and span.label in ("GPE", "LOC"):
            country = town_country(span.text)  # "near the town of Samarra" -> IRQ
        add(st, "PLACE", span.text, country, None, None, span, span.label or "GPE", NER)


def _bare_body(st: EntityState, sp: Span | None, role: tuple[int, int, str]) -> bool:
    """Is the organisation's name its role words alone ("Parliament", "High Court", "the
    Senate"), not a proper name with a role word in it ("Kadir Has University")?"""
    return sp is not None and role[0] == 0 and role[1] == len(sp) and A.is_institution(
        st.gaz, " ".join(t.text for t in sp))


def _ngo(st: EntityState, span: A.SpanInfo, sp: Span | None, role: tuple[int, int, str] | None) -> bool:
    """A countryless organisation named as a non-governmental body. A role word in the
    name must be an NGO one, or the name's head itself ("Ceasefire Violations
    Committee": a committee of no state is no legislature's)."""
    if role is not None and role[2] != "NGO":
        phrase = tuple(fold(t.text) for t in sp[role[0] : role[1]]) if sp is not None else ()
        if len(phrase) != 1 or phrase[0] not in st.gaz.roles.ngo_heads:
            return False
    return A.is_ngo_name(st.gaz, span.text)


def _adjacent_country(st: EntityState, start: int) -> str | None:
    """"Kenyan" right before an organisation name gives its country."""
    s = st.ending_at.get(start - 1)
    if s is not None and st.text[s.end : start] == " " and s.match is not None:
        term = s.match.first(ADJ, COUNTRY)
        if term is not None:
            st.consumed.add((s.start, s.end))
            return term.country
    return None
