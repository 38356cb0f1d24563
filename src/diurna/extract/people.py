"""People (extract/entities.py step 2): a person's name without its honorific, the title
before it ("French President Emmanuel Macron") and the apposition after it (", Kenya's
president,"), the actor dictionary on the publication date, and short forms ("Mr
Macron") resolved back to the person named before (extract/coref.py). A person whose
country the text does not state gets a guess from extract/guesses.py."""

from __future__ import annotations

from dataclasses import replace

from ..knowledge import grammar
from ..knowledge.gazetteer import ACTOR, FEMALE, MALE, code_on, fold, office_on, words
from . import actors as A
from . import guesses
from . import titles as T
from .base import NER
from .coref import PersonRef, resolve_short, short_forms
from .entitystate import EntityState, consume, named_countries, person_at
from .labels import DICTIONARY, TITLE

_G = grammar.load()


def _split_honorific(st: EntityState, span: A.SpanInfo) -> tuple[int, str, str | None]:
    """NER sometimes includes "Mr" or a title in a name ("King Abdullah II", "Lt. Gen.
    Prosper Avril", "Archbishop Desmond Tutu"): strip it (read_title reads it as the
    title), keep the gender of "Mr"/"Mrs". At least two words of name must remain, so
    that "President Dos Santos" keeps "Dos Santos" and "King Abdullah" stays whole."""
    if span.match is not None and span.match.first(ACTOR) is not None:
        return span.start, span.text, None  # a dictionary name ("Pope Francis") is matched whole
    ws = span.text.split(" ")
    roles, cut, gender = st.gaz.roles, 0, None
    while len(ws) - cut > 1:
        w = fold(ws[cut]).rstrip(".")
        g = roles.honorifics.get(w)
        if g is None and (w,) not in roles.sectors and w not in roles.modifiers:
            break
        if w in _G.courtesy_titles:
            gender = gender or g
        elif len(ws) - cut < 3:
            break  # a title alone before one word: keep "King Abdullah" as the name
        cut += 1
    if cut == 0:
        return span.start, span.text, None
    offset = len(" ".join(ws[:cut])) + 1
    return span.start + offset, span.text[offset:], gender


def titles(st: EntityState, span: A.SpanInfo) -> tuple[T.Title | None, T.Title | None]:
    """Title and apposition of a person span, read before any other span is classified
    so that the words they use ("French" in "French President ...") are not actors."""
    start = _split_honorific(st, span)[0]
    title = T.read_title(st.gaz, st.doc, start, st.spans_at, st.affiliations)
    appo = T.read_apposition(st.gaz, st.doc, span.end, st.spans_at, st.affiliations)
    for t in (title, appo):
        if t is not None:
            consume(st, t.start, t.end)
    return title, appo


def add_person(st: EntityState, span: A.SpanInfo, title: T.Title | None, appo: T.Title | None) -> None:
    gaz = st.gaz
    start, name, gender = _split_honorific(st, span)
    end = span.end
    info = title if title is not None and (title.role or title.country) else None
    if appo is not None:
        info = appo if info is None else replace(info, country=info.country or appo.country,
                                                 role=info.role or appo.role, sector=info.sector or appo.sector)
    if title is not None:
        gender = gender or _gender(title.honorific, title.start, st)
    sentence = st.sentence(start)
    role_hint = info.role if info else None
    if len(words(name)) == 1 or _is_short_form(st, name):
        idx = resolve_short(name, role_hint, sentence, st.people, st.forms, gaz.roles.leaders, st.full_coref)
        if idx is not None:
            _add_person_mention(st, idx, start, end, name, "coref:surname", title, appo)
            return
    actor = _dictionary_actor(st, span, name)
    if actor is not None and info is not None and info.country and actor.country != info.country:
        actor = None  # the text says another country: a namesake, not the dictionary's person
    canonical = actor.name if actor is not None else name
    idx = next((i for i, p in enumerate(st.people) if fold(p.name) == fold(canonical)), None)
    if idx is None:
        st.people.append(PersonRef(name=canonical, rule=NER if span.label == "PERSON" else DICTIONARY))
        st.forms.append(short_forms(canonical, gaz.particles, gaz.east_asian))
        idx = len(st.people) - 1
    person = st.people[idx]
    person.gender = person.gender or gender
    label = span.label or "gazetteer:actor"
    _add_person_mention(st, idx, start, end, name, label, title, appo)
    _fill_person(st, person, info, title, actor, sentence)


def _is_short_form(st: EntityState, name: str) -> bool:
    key = fold(" ".join(words(name)))
    return any(key in f for f in st.forms) and not any(fold(p.name) == key for p in st.people)


def _gender(honorific: str | None, start: int, st: EntityState) -> str | None:
    return honorific if honorific in (MALE, FEMALE) else None


def _dictionary_actor(st: EntityState, span: A.SpanInfo, name: str):
    term = span.match.first(ACTOR) if span.match else None
    if term is not None:
        return term.actor
    found = st.gaz.actor_for(name)
    if len(found) == 1:
        return found[0]
    ws = words(name)
    while len(ws) > 1 and fold(ws[0]).rstrip("-") in st.gaz.particles:
        ws = ws[1:]  # "President dos Santos", "al-Bashir": the surname after its particles
    if len(ws) == 1:
        by_short = st.gaz.surnames.get(fold(ws[0]), ())
        if len(by_short) == 1:
            return by_short[0]
    return None


def _add_person_mention(st: EntityState, idx: int, start: int, end: int, name: str, label: str,
                        title: T.Title | None, appo: T.Title | None) -> None:
    p = st.people[idx]
    p.spans.append((start, end, label))
    st.claimed[start] = max(end, st.claimed.get(start, end))
    p.sentences.add(st.sentence(start))
    for t in (title, appo):
        if t is not None and (t.role or t.country):
            t_start = t.start
            if t.possessor is not None:  # "Mr Ruto's chief of staff": the title is "chief of staff"
                t_start = st.text.find(" ", t.possessor[1]) + 1 or t.start
            if t_start < t.end:
                p.spans.append((t_start, t.end, TITLE))
                st.claimed[t_start] = max(t.end, st.claimed.get(t_start, t.end))


def _fill_person(st: EntityState, p: PersonRef, info: T.Title | None, title: T.Title | None, actor, sentence: int) -> None:
    if info is not None:
        if info.possessor is not None and info.country is None:
            owner = person_at(st, *info.possessor)
            named = st.gaz.actor_for(st.text[info.possessor[0] : info.possessor[1]])
            country = owner.country if owner else (named[0].country if len(named) == 1 else None)
            info = replace(info, country=country)
        p.role = p.role or info.role
        p.sector = p.sector or info.sector
        p.country = p.country or info.country
    if actor is not None:
        dated = code_on(actor, st.date, named_countries(st))  # a dated code: its country then; Phoenix: see code_on
        office, former = (None, False) if dated.stale else office_on(actor, st.date)
        p.country = p.country or dated.country
        if office is not None:
            p.role = p.role or (f"former {office.role.lower()}" if former and office.role else office.role)
            p.sector = p.sector or ("ELI" if former else office.sector)
        p.sector = p.sector or (None if dated.stale else actor.sector)
        p.rule = p.rule if dated.unknown else DICTIONARY
    guesses.sentence_country(st, p, sentence)
