"""Entities and actors: people, organisations, places and groups, each with every mention,
a canonical name, country, role, sector and a CAMEO-style actor code (FRAGOV).

The cascade, per document:
1. spans: spaCy NER plus the gazetteer (countries, capitals, demonyms, IGOs, armed
   groups, the actor dictionary and the user's actor files), merged (extract/actors.py);
2. people: the title before a name ("French President Emmanuel Macron"), an
   apposition after it (", Kenya's president,"), the actor dictionary on the
   publication date, then short forms ("Mr Macron") resolved in resolve/coref.py;
3. nameless actors: a country word with a role noun ("Kenyan farmers" -> KENCVL, "the
   Israeli army" -> ISRMIL); "the Kenyan leader" refers back to a person when one fits;
4. metonymy: a country or capital that is not a place ("Paris urged ...") is its
   government (FRAGOV); after "in"/"at"/"near" it is a PLACE that keeps its country;
5. third-person pronouns ("he", "their", "its") join the entity they stand for.
Every mention carries a label saying how it was found: the NER label, "gazetteer:KIND",
"title", "nominal", "metonymy", "coref:surname", "coref:role" or "coref:pronoun".
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..knowledge import grammar
from ..knowledge.gazetteer import (
    ACTOR,
    ADJ,
    CAPITAL,
    COUNTRY,
    FEMALE,
    GROUP,
    IGO,
    INSTITUTION,
    MALE,
    PEOPLE,
    PLACE,
    Gazetteer,
    Term,
    code_on,
    fold,
    load_gazetteer,
    office_on,
    town_country,
    words,
)
from ..model import FROM_SENTENCE, FROM_STORY, CountryFrom, Document, Entity, EntityType, Facts, Mention
from ..settings import Settings
from . import actors as A
from . import coref as C
from . import homes as H
from . import implicit as I
from .base import ATTRIBUTE_RULER, ENTITIES, LEMMATIZER, NER, PARSER, STORY_COUNTRIES, TAGGER, ExtractFn, ExtractorSpec
from .coref import (
    Antecedent,
    PersonRef,
    Pronoun,
    resolve_nominal,
    resolve_pronoun,
    resolve_short,
    resolve_subject_pronoun,
    short_forms,
)
from .labels import (
    DEMONYM,
    DICTIONARY,
    METONYMY,
    NOMINAL,
    RESIDENT,
    SENTENCE_COUNTRY,
    TITLE,
)
from .tokens import where

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

VERSION = "diurna.entities.v2"
_G = grammar.load()
LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP")
_LEAD = re.compile(r"^(?:the|The|THE)\s+")
_TRAIL = re.compile(r"(?:['’]s|['’])$")
_OFFICIAL_SECTORS = frozenset(("GOV", "MIL", "LEG", "JUD", "COP", "SPY"))
_DOMESTIC_SECTORS = _OFFICIAL_SECTORS | {"OPP", "PTY", "EDU", "LAB", "REB"}
_ABROAD_SECTORS = frozenset(("MED", "BUS", "NGO", "IGO"))


def build(settings: Settings) -> ExtractFn:
    gaz = load_gazetteer(tuple(settings.actor_files), settings.strict_dictionaries, settings.phoenix_actors)

    def extract(document: Document, doc: Doc, facts: Facts) -> Facts:
        entities, story = extract_entities(gaz, document, doc, settings.full_coref, settings.person_countries,
                                           settings.story_people)
        return replace(facts, entities=entities, story_countries=story)

    return extract


# ----------------------------------------------------------------------------- spans


def _ner_spans(doc: Doc) -> list[tuple[int, int, str, str]]:
    out = []
    for ent in doc.ents:
        if ent.label_ not in LABELS:
            continue
        m = _clean(ent)
        if m is not None:
            out.append(m)
    return out


def _clean(ent: Span) -> tuple[int, int, str, str] | None:
    """The entity span without a leading "the" or a trailing possessive."""
    start, text = ent.start_char, ent.text
    lead = _LEAD.match(text)
    if lead and ent.label_ != "PERSON" and len(text) > lead.end():
        if not text.startswith(("The Hague", "The Gambia", "The Bahamas")):
            start += lead.end()
            text = text[lead.end():]
    trail = _TRAIL.search(text)
    if trail and len(text) > len(trail.group(0)):
        text = text[: -len(trail.group(0))]
    text = text.rstrip(" ,.;:-")
    if not text or not any(ch.isalpha() for ch in text):
        return None
    return start, start + len(text), text, ent.label_


# ----------------------------------------------------------------------------- state


@dataclass(slots=True)
class _Other:
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
    others: dict[tuple, _Other] = field(default_factory=dict)
    consumed: set[tuple[int, int]] = field(default_factory=set)
    sent_countries: dict[int, set[str]] = field(default_factory=dict)
    sent_spans: dict[int, list[A.SpanInfo]] = field(default_factory=dict)  # spans of each sentence, in order
    ending_at: dict[int, A.SpanInfo] = field(default_factory=dict)  # span by its end offset
    claimed: dict[int, int] = field(default_factory=dict)  # start -> end of every mention made so far
    story: tuple[str, ...] = ()  # the countries the story is about, most weighty first
    story_main: str | None = None  # the one country the story is about, if it is about one (implicit.main_country)
    full_coref: bool = False  # setting full_coref
    person_countries: bool = False  # setting person_countries
    story_people: bool = False  # setting story_people

    def sentence(self, offset: int) -> int:
        return bisect.bisect_right(self.sent_starts, offset) - 1


_State = EntityState  # the short name this module's functions use


def extract_entities(gaz: Gazetteer, document: Document, doc: Doc, full_coref: bool = False,
                     person_countries: bool = False, story_people: bool = False,
                     ) -> tuple[tuple[Entity, ...], tuple[str, ...]]:
    """The document's entities, and the countries the story is about (most weighty first)."""
    text = document.text
    spans = A.misspelt(gaz, doc, A.person_by_role(gaz, doc, A.merge_spans(_ner_spans(doc), gaz.find(text))))
    has_sents = doc.has_annotation("SENT_START") or doc.has_annotation("DEP")
    sent_starts = [s.start_char for s in doc.sents] if has_sents and len(doc) else [0]
    st = _State(gaz, doc, text, document.published, {s.start: s for s in spans}, sent_starts, full_coref=full_coref,
                person_countries=person_countries, story_people=story_people)
    _note_countries(st, spans)
    weights = I.story_weights(gaz, spans, text, document.title, document.dateline)
    st.story, st.story_main = tuple(c for c, _ in weights), I.main_country(weights)
    for s in spans:
        st.sent_spans.setdefault(st.sentence(s.start), []).append(s)
        st.ending_at[s.end] = s
    titles = {(s.start, s.end): _titles(st, s) for s in spans if _is_person(s)}
    for span in spans:
        if (span.start, span.end) in st.consumed:
            continue
        if _is_person(span):
            _person(st, span, *titles[(span.start, span.end)])
        elif full_coref and _misread_surname(st, span):
            _person(st, replace(span, label="PERSON"), None, None)
        else:
            _other(st, span)
    _bare_nominals(st)
    _bare_ngos(st)
    _bare_actors(st)
    if full_coref:  # setting full_coref
        _acronyms(st)
        _pronouns(st)
    else:
        _subject_pronouns(st)
    _interviewees(st)
    _story_people(st)
    return _assemble(st, text), st.story


def _misread_surname(st: _State, span: A.SpanInfo) -> bool:
    """A one-word name the NER called an organisation or a place that the gazetteer
    does not know, and that is the short form of a person named before ("Yoshihide
    Suga ... Suga said", with "Suga" read as ORG): the person (setting full_coref)."""
    if span.label not in ("ORG", "GPE", "LOC") or span.match is not None or span.hints or " " in span.text:
        return False
    key = fold(span.text)
    return any(key in f for f in st.forms) and not any(fold(p.name) == key for p in st.people)


def _is_person(span: A.SpanInfo) -> bool:
    if span.match is not None:
        actor = span.match.first(ACTOR)
        if actor is not None and actor.actor is not None and actor.actor.type == "PERSON":
            return span.match.first(COUNTRY, ADJ, CAPITAL, IGO, GROUP) is None or span.label == "PERSON"
        return False
    return span.label == "PERSON"


def _note_countries(st: _State, spans: list[A.SpanInfo]) -> None:
    for s in spans:
        if H.stance(st.text, s):
            continue
        term = s.match.first(COUNTRY, ADJ, PEOPLE, CAPITAL, PLACE) if s.match else None
        if term is not None and term.country and not term.homes and len(H.readings(s.match)) < 2:
            st.sent_countries.setdefault(st.sentence(s.start), set()).add(term.country)


# ----------------------------------------------------------------------------- people


def _split_honorific(st: _State, span: A.SpanInfo) -> tuple[int, str, str | None]:
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


def _titles(st: _State, span: A.SpanInfo) -> tuple[A.Title | None, A.Title | None]:
    """Title and apposition of a person span, read before any other span is classified
    so that the words they use ("French" in "French President ...") are not actors."""
    start = _split_honorific(st, span)[0]
    title = A.read_title(st.gaz, st.doc, start, st.spans_at, st.person_countries)
    appo = A.read_apposition(st.gaz, st.doc, span.end, st.spans_at, st.person_countries)
    for t in (title, appo):
        if t is not None:
            _consume(st, t.start, t.end)
    return title, appo


def _person(st: _State, span: A.SpanInfo, title: A.Title | None, appo: A.Title | None) -> None:
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


def _is_short_form(st: _State, name: str) -> bool:
    key = fold(" ".join(words(name)))
    return any(key in f for f in st.forms) and not any(fold(p.name) == key for p in st.people)


def _gender(honorific: str | None, start: int, st: _State) -> str | None:
    return honorific if honorific in (MALE, FEMALE) else None


def _dictionary_actor(st: _State, span: A.SpanInfo, name: str):
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


def _add_person_mention(st: _State, idx: int, start: int, end: int, name: str, label: str,
                        title: A.Title | None, appo: A.Title | None) -> None:
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


def _fill_person(st: _State, p: PersonRef, info: A.Title | None, title: A.Title | None, actor, sentence: int) -> None:
    if info is not None:
        if info.possessor is not None and info.country is None:
            owner = _person_at(st, *info.possessor)
            named = st.gaz.actor_for(st.text[info.possessor[0] : info.possessor[1]])
            country = owner.country if owner else (named[0].country if len(named) == 1 else None)
            info = replace(info, country=country)
        p.role = p.role or info.role
        p.sector = p.sector or info.sector
        p.country = p.country or info.country
    if actor is not None:
        dated = code_on(actor, st.date, _named(st))  # a dated code: its country then; Phoenix: see code_on
        office, former = (None, False) if dated.stale else office_on(actor, st.date)
        p.country = p.country or dated.country
        if office is not None:
            p.role = p.role or (f"former {office.role.lower()}" if former and office.role else office.role)
            p.sector = p.sector or ("ELI" if former else office.sector)
        p.sector = p.sector or (None if dated.stale else actor.sector)
        p.rule = p.rule if dated.unknown else DICTIONARY
    # (setting person_countries: officials and political figures only; a professor or a
    # business chief quoted in a story is as often a foreigner)
    guessed = A.POLITICAL_SECTORS if st.person_countries else _DOMESTIC_SECTORS | {"ELI"}
    if p.country is None and p.sector in guessed:
        # An official (or an opposition, party, union or rebel leader: domestic actors)
        # with no country named: the one country of the sentence, else of the document,
        # if unique.
        found = st.sent_countries.get(sentence, set())
        if not found:
            found = set().union(*st.sent_countries.values()) if st.sent_countries else set()
        if len(found) == 1:
            p.country = next(iter(found))
            p.rule, p.country_from = SENTENCE_COUNTRY, FROM_SENTENCE


def _named(st: _State) -> set[str]:
    """The countries the document names."""
    return set().union(*st.sent_countries.values()) if st.sent_countries else set()


def _interviewees(st: _State) -> None:
    """An interview set out as "VOA: <question> <Name>[, title]: <answer>": in a
    question (after a label that is a news medium) "you" and "your" are the person
    whose label opens the next answer. Labels are a name and a colon at a sentence start."""
    labels = [(tok.i, _label_person(st, tok)) for tok in st.doc if tok.text == ":" and _label_start(st, tok)]
    for n, (colon, person) in enumerate(labels):
        if person is not None or not _media_label(st, colon):
            continue
        nxt = next(((i, p) for i, p in labels[n + 1 :] if p is not None), None)
        if nxt is None or any(i < nxt[0] for i, p in labels[n + 1 :] if p is None):
            continue  # no answer follows, or another question comes first
        for tok in st.doc[colon + 1 : nxt[0]]:
            if tok.lower_ in _G.second_person_pronouns and not _taken(st, tok.idx, tok.idx + len(tok.text)):
                person_ = st.people[nxt[1]]
                person_.spans.append((tok.idx, tok.idx + len(tok.text), "coref:interview"))
                person_.sentences.add(st.sentence(tok.idx))
                st.claimed[tok.idx] = tok.idx + len(tok.text)


def _label_start(st: _State, colon: Token) -> bool:
    """Is the colon's label the start of its sentence, a few words at most ("VOA:",
    "Richard Moss, former U.S. envoy:")?"""
    start = st.sent_starts[st.sentence(colon.idx)]
    first = _tokens(st, start, start + 1)
    return first is not None and 0 < colon.i - first.start <= _LABEL_MAX


_LABEL_MAX = 12  # tokens of an interview label ("Richard Moss, former U.S. deputy secretary of state")


def _label_person(st: _State, colon: Token) -> int | None:
    """The person whose name opens the colon's label, else None."""
    start = st.sent_starts[st.sentence(colon.idx)]
    for idx, p in enumerate(st.people):
        if any(s == start and e <= colon.idx for s, e, label in p.spans if label != TITLE):
            return idx
    return None


def _media_label(st: _State, colon: int) -> bool:
    """Is the label before the colon a news medium (sector MED: "VOA", "Reuters")?"""
    tok = st.doc[colon - 1]
    return any(o.sector == "MED" and any(m.start <= tok.idx < m.end for m in o.mentions) for o in st.others.values())


def _story_people(st: _State) -> None:
    """People the text gives no country, once every mention is read. With setting
    person_countries an official or political figure is of the story's country, as a
    bare "the ministry" is (extract/implicit.py): "Wynter Mmolotsi, minister of
    environment and tourism," in a story about Botswana. With setting story_people a
    named person with no role ("Rastafarian Feniya Mbewe", "retired basketball star Yao
    Ming") is of the country the story is about when it is about one. Both are marked
    country_from "story": a guess."""
    if not st.story:
        return
    for p in st.people:
        if p.country is not None:
            continue
        if st.person_countries and p.sector in A.POLITICAL_SECTORS:
            p.country, p.country_from = st.story[0], FROM_STORY
        elif st.story_people and p.sector is None and st.story_main is not None:
            p.country, p.country_from = st.story_main, FROM_STORY


def _person_at(st: _State, start: int, end: int) -> PersonRef | None:
    for p in st.people:
        if any(s < end and start < e for s, e, _ in p.spans):
            return p
    return None


def _tokens(st: _State, start: int, end: int) -> Span | None:
    """The tokens over [start, end), widened to whole tokens."""
    return st.doc.char_span(start, end, alignment_mode="expand")


def _consume(st: _State, start: int, end: int) -> None:
    for s in st.spans_at.values():
        if start <= s.start and s.end <= end and not _is_person(s):
            st.consumed.add((s.start, s.end))


# ----------------------------------------------------------------------------- others


def _other(st: _State, span: A.SpanInfo) -> None:
    gaz = st.gaz
    if H.stance(st.text, span):
        # "an anti-Syria journalist", "pro-Moscow rebels": a stance, not the actor's country
        nominal = A.read_nominal(gaz, st.doc, span, st.spans_at)
        if nominal is not None:
            cut = st.text.rfind("-", max(0, span.start - 6), span.start)
            prefix = st.text.rfind(" ", 0, cut) + 1 if cut >= 0 else nominal[0]
            _nominal(st, span, None, (min(prefix, nominal[0]), *nominal[1:]))
        return
    term = span.match.terms[0] if span.match else None  # (every term has one of the kinds)
    if term is not None and term.kind in H.PLACE_KINDS:
        term = H.reading(st, span, term)
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
        _add(st, "ORG", term.name, term.country, term.sector, None, span, "gazetteer:igo", IGO, term.code)
    elif kind == GROUP:
        _add(st, "GROUP", term.name, term.country, term.sector, None, span, "gazetteer:group", GROUP)
    elif kind == INSTITUTION and not A.is_locative(st.doc, span):  # "the Kremlin said" (not "at the Kremlin")
        _add(st, "ORG", term.name, term.country, term.sector, None, span, "gazetteer:institution", INSTITUTION)
    elif kind == ACTOR:
        a = term.actor
        etype = a.type if a is not None else "ORG"
        dated = code_on(a, st.date, _named(st)) if a is not None else None  # the dictionary's code for the date
        _add(st, etype, term.name, dated.country if dated else term.country, dated.sector if dated else None, None,
             span, "gazetteer:actor", DICTIONARY, dated.code if dated else None)
    elif kind == ADJ:
        _add(st, "GROUP", span.text, term.country, None, None, span, "gazetteer:adj", DEMONYM)
    elif kind == PEOPLE:
        _add(st, "GROUP", span.text, term.country, "CVL", None, span, "gazetteer:people", DEMONYM)
    elif kind == PLACE or A.is_locative(st.doc, span):
        _place(st, span, term)
    elif term.code is not None:  # an IGO seat: "Brussels said" -> the EU
        _add(st, "ORG", term.name, term.country, "IGO", None, span, METONYMY, METONYMY, term.code)
    else:
        name = gaz.country_names.get(term.country or "", term.name)
        _add(st, "ORG", name, term.country, "GOV", None, span, METONYMY, METONYMY)


def _taken(st: _State, start: int, end: int) -> bool:
    """Does a mention made so far overlap [start, end)? (Mentions are under 200 characters.)"""
    return any(st.claimed.get(s, -1) > start for s in range(max(0, start - 200), end))


def _resident_group(st: _State, span: A.SpanInfo, country: str | None) -> bool:
    """"Rebels in the Ivory Coast" -> one GROUP (CIVREB) from the role word to the place."""
    found = A.read_resident(st.gaz, st.doc, span)
    if found is None or _taken(st, found[0], span.start):
        return False
    start, role, sector = found
    etype: EntityType = "ORG" if A.is_institution(st.gaz, role) and not A.is_plural(role) else "GROUP"
    mention = A.SpanInfo(start, span.end, st.text[start : span.end], None, None)
    _add(st, etype, mention.text, country, sector, role, mention, RESIDENT, NOMINAL)
    st.consumed.add((span.start, span.end))
    return True


def _people_of(st: _State, span: A.SpanInfo, term: Term) -> str | None:
    """"the Albanians of southern Serbia", "the Kurds of Iraq": a people named by the
    country it lives in is coded by that country (only "of": "Americans in Iraq" may be
    visitors)."""
    if term.kind != PEOPLE:
        return None
    sp = _tokens(st, span.start, span.end)
    if sp is None or sp.end >= len(st.doc) or st.doc[sp.end].lower_ != "of":
        return None
    for s in st.sent_spans.get(st.sentence(span.start), ()):
        if s.start <= span.end:
            continue
        place = s.match.first(*H.PLACE_KINDS) if s.match else None
        if place is None or not place.country or place.homes or A.place_preposition(st.doc, s) != sp.end \
                or place.country == term.country:
            return None
        _place(st, s, place)  # not "Serbia urged"
        return place.country
    return None


_PATRONAGE = grammar.load().patronage_nouns


def _nominal(st: _State, span: A.SpanInfo, term: Term | None, nominal: tuple[int, int, str, str]) -> None:
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
    if person_role and _definite(st, start):
        idx = resolve_nominal(role, country, start, st.people, st.gaz.roles.leaders)
        if idx is not None:
            st.people[idx].spans.append((start, end, "coref:role"))
            st.claimed[start] = max(end, st.claimed.get(start, end))
            st.people[idx].sentences.add(st.sentence(start))
            return
    etype: EntityType = "ORG" if A.is_institution(st.gaz, role) else ("GROUP" if A.is_plural(role) else "PERSON")
    if country is None and not client:
        country = _origin(st, end)
    if country is None and not client and not (etype == "ORG" and sector in _ABROAD_SECTORS):
        # "Islamic fundamentalists" in a story about Algeria: the sentence's one country
        # (not for "Reuters news agency": media, companies, NGOs work abroad)
        found = H.clause_free_countries(st, start, end)
        country = next(iter(found)) if len(found) == 1 else None
    fake = A.SpanInfo(start, end, text, None, None)
    code = term.code if term is not None and term.kind == IGO else None
    _add(st, etype, text, country, sector, role, fake, NOMINAL, NOMINAL, code)


_FROM = re.compile(r"\s+from\s+(?:the\s+)?")


def _origin(st: _State, end: int) -> str | None:
    """"a Christian missionary from Calgary": the country an actor comes from."""
    m = _FROM.match(st.text, end)
    s = st.spans_at.get(m.end()) if m else None
    if s is None:
        return None
    if s.match is not None:
        term = s.match.first(*H.PLACE_KINDS)
        if term is None or term.homes or len(H.readings(s.match)) > 1 or not term.country:
            return None
        _place(st, s, term)  # not "Kenya said"
        return term.country
    return town_country(s.text) if s.label == "GPE" else None


def _place(st: _State, span: A.SpanInfo, term: Term) -> None:
    """A gazetteer place mention, coded as a place (not a government acting)."""
    _add(st, "PLACE", span.text, term.country, None, None, span, f"gazetteer:{term.kind}", PLACE)


_DEFINITE = tuple(f"{w} " for w in sorted(_G.definite_determiners))


def _definite(st: _State, start: int) -> bool:
    before = st.text[max(0, start - 5) : start].lower()
    return before.endswith(_DEFINITE)


def _ner_only(st: _State, span: A.SpanInfo) -> None:
    gaz = st.gaz
    sector: str | None
    hint = next((t for m in span.hints for t in m.terms if t.country), None)
    country = hint.country if hint else None
    if span.label == "ORG":
        sp = _tokens(st, span.start, span.end)
        role = A.find_role(gaz, list(sp)) if sp is not None else None
        trailing = H.trailing_role(st, sp) if role is None and sp is not None else None
        if trailing is not None:  # "the Azadliq (Freedom) opposition coalition": the name and its role noun
            end, sector = trailing
            span = A.SpanInfo(span.start, end, st.text[span.start : end], span.label, None)
            _consume(st, span.start, end)
            role = (0, 0, sector)
        if country is None:
            country = _adjacent_country(st, span.start)
        if country is None and role is not None and role[2] in _DOMESTIC_SECTORS:
            # "the Homeland Union party", "Cumhuriyet University": a domestic body of
            # the one country its sentence names (companies and NGOs work abroad: not them)
            found = st.sent_countries.get(st.sentence(span.start), set())
            country = next(iter(found)) if len(found) == 1 else None
        country_from = None
        if st.person_countries and country is None and role is not None and role[2] in _OFFICIAL_SECTORS and st.story \
                and _bare_body(st, sp, role):
            # "Parliament", "the High Court": a state body named by its role words alone
            # is the story's, as a bare "the ministry" is (extract/implicit.py)
            country, country_from = st.story[0], FROM_STORY
        sector = role[2] if role else None
        if country is None and _ngo(st, span, sp, role):
            country = sector = "NGO"  # "the Association of African Jurists": CAMEO's NGO
        _add(st, "ORG", span.text, country, sector, None, span, "ORG", NER, country_from=country_from)
    elif span.label == "NORP":
        if country is None and H.describes_place(st, span):
            return  # "in Christian east Beirut": a part of a city, not a group acting
        _add(st, "GROUP", span.text, country, None, None, span, "NORP", NER)
    else:
        if country is None and span.label in ("GPE", "LOC"):
            country = town_country(span.text)  # "near the town of Samarra" -> IRQ
        _add(st, "PLACE", span.text, country, None, None, span, span.label or "GPE", NER)


def _bare_body(st: _State, sp: Span | None, role: tuple[int, int, str]) -> bool:
    """Is the organisation's name its role words alone ("Parliament", "High Court", "the
    Senate"), not a proper name with a role word in it ("Kadir Has University")?"""
    return sp is not None and role[0] == 0 and role[1] == len(sp) and A.is_institution(
        st.gaz, " ".join(t.text for t in sp))


def _ngo(st: _State, span: A.SpanInfo, sp: Span | None, role: tuple[int, int, str] | None) -> bool:
    """A countryless organisation named as a non-governmental body. A role word in the
    name must be an NGO one, or the name's head itself ("Ceasefire Violations
    Committee": a committee of no state is no legislature's)."""
    if role is not None and role[2] != "NGO":
        phrase = tuple(fold(t.text) for t in sp[role[0] : role[1]]) if sp is not None else ()
        if len(phrase) != 1 or phrase[0] not in st.gaz.roles.ngo_heads:
            return False
    return A.is_ngo_name(st.gaz, span.text)


def _adjacent_country(st: _State, start: int) -> str | None:
    """"Kenyan" right before an organisation name gives its country."""
    s = st.ending_at.get(start - 1)
    if s is not None and st.text[s.end : start] == " " and s.match is not None:
        term = s.match.first(ADJ, COUNTRY)
        if term is not None:
            st.consumed.add((s.start, s.end))
            return term.country
    return None


def _add(st: _State, etype: EntityType, name: str, country: str | None, sector: str | None, role: str | None,
         span: A.SpanInfo, label: str, rule: str, code: str | None = None, country_from: CountryFrom | None = None) -> None:
    key = (etype, country, sector, code) if rule in (METONYMY, IGO) else (etype, fold(name), country, sector)
    other = st.others.get(key)
    if other is None:
        other = st.others[key] = _Other(etype, name, country, sector, role, code, rule, country_from=country_from)
    other.mentions.append(Mention(span.start, span.end, span.text, f"fuzzy:{label}" if span.fuzzy else label))
    st.claimed[span.start] = max(span.end, st.claimed.get(span.start, span.end))
    st.consumed.add((span.start, span.end))


# ----------------------------------------------------------------------------- coref passes


def _bare_nominals(st: _State) -> None:
    """"the president", "the prime minister": back to the last person in that role."""
    doc, leaders = st.doc, st.gaz.roles.leaders
    taken = [(s, e) for p in st.people for s, e, _ in p.spans] + [(m.start, m.end) for o in st.others.values() for m in o.mentions]
    for tok in (doc[i] for i in where(doc, "LOWER", ("the",))):
        if tok.i + 1 >= len(doc):
            continue
        for n in (3, 2, 1):
            toks = doc[tok.i + 1 : tok.i + 1 + n]
            if len(toks) < n or fold(toks.text) not in leaders:
                continue
            after = doc[toks.end] if toks.end < len(doc) else None
            if after is not None and (after.lower_ == "of" or after.pos_ == "PROPN" or after.text in A.POSSESSIVE):
                break
            s, e = toks.start_char, toks.end_char
            if any(a < e and s < b for a, b in taken):
                break
            idx = resolve_nominal(toks.text, None, s, st.people, leaders)
            if idx is not None:
                st.people[idx].spans.append((s, e, "coref:role"))
                st.people[idx].sentences.add(st.sentence(s))
            break


def _bare_actors(st: _State) -> None:
    """"the ministry said", "police arrested", "rebels attacked": nameless actors with
    no country word, given the country the text implies (extract/implicit.py). A
    singular person role after "the" first refers back to a person in that role."""
    for found in I.bare_actors(st):
        if not found.plural and not found.institution and _definite(st, found.start):
            idx = resolve_nominal(found.role, None, found.start, st.people, st.gaz.roles.leaders)
            if idx is not None:
                st.people[idx].spans.append((found.start, found.end, "coref:role"))
                st.people[idx].sentences.add(st.sentence(found.start))
                st.claimed[found.start] = max(found.end, st.claimed.get(found.start, found.end))
                continue
        etype: EntityType = "ORG" if found.institution and not found.plural else ("GROUP" if found.plural else "PERSON")
        mention = A.SpanInfo(found.start, found.end, st.text[found.start : found.end], None, None)
        guessed = FROM_STORY if found.rule in (I.STORY, I.ABROAD) else None
        _add(st, etype, mention.text, found.country, found.sector, found.role, mention, f"bare:{found.rule}", NOMINAL,
             country_from=guessed)


def _bare_ngos(st: _State) -> None:
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
        if _taken(st, start, end):
            continue
        role_str = A.role_text(toks[role[0] : role[1]])
        etype: EntityType = "GROUP" if A.is_plural(role_str) else "ORG"
        mention = A.SpanInfo(start, end, st.text[start:end], None, None)
        _add(st, etype, mention.text, "NGO", "NGO", role_str, mention, NOMINAL, NOMINAL)


def _acronyms(st: _State) -> None:
    """An organisation named by its initials ("the BLA") is the one whose name they
    spell, when the document names exactly one such ("the Baloch Liberation Army"): it
    takes that entity's country and sector. Words in lower case ("of", "for") are not
    spelt."""
    spelt: dict[str, list[tuple]] = {}
    for key, o in st.others.items():
        if o.type in ("ORG", "GROUP") and (o.country or o.sector):
            initials = "".join(w[0] for w in re.split(r"[\s-]+", o.name) if w[:1].isupper())
            if len(initials) >= 2:
                spelt.setdefault(initials, []).append(key)
    for key, o in list(st.others.items()):
        if o.type != "ORG" or o.country or o.sector or not o.name.isupper() or not o.name.isalpha():
            continue
        found = spelt.get(o.name, [])
        if len(found) == 1 and found[0] != key:
            st.others[found[0]].mentions.extend(o.mentions)
            del st.others[key]


def _pronouns(st: _State) -> None:
    """Third-person pronouns join the entity they stand for (extract/coref.py), so that
    "he", "their" or "its" act with the antecedent's country and sector."""
    if not st.doc.has_annotation("DEP"):
        return
    antecedents = _antecedents(st)
    others = list(st.others.values())
    for tok in (st.doc[i] for i in where(st.doc, "POS", ("PRON",))):  # _pronoun reads no other token
        pronoun = _pronoun(st, tok)
        if pronoun is None or _taken(st, tok.idx, tok.idx + len(tok.text)) \
                or pronoun.gender is not None and _quoted(st.text, tok.idx):
            continue
        key = resolve_pronoun(pronoun, antecedents)
        if key is None:
            continue
        start, end = tok.idx, tok.idx + len(tok.text)
        if key < len(st.people):
            person = st.people[key]
            person.spans.append((start, end, "coref:pronoun"))
            person.sentences.add(pronoun.sentence)
            person.gender = person.gender or pronoun.gender
        else:
            others[key - len(st.people)].mentions.append(Mention(start, end, tok.text, "coref:pronoun"))
        st.claimed[start] = end
        kind = next(a.kind for a in antecedents if a.key == key)
        gender = st.people[key].gender if key < len(st.people) else None
        bisect.insort(antecedents, Antecedent(start, pronoun.sentence, key, kind, gender, _subject_verb(st, start, end)),
                      key=lambda a: a.start)


def _quoted(text: str, offset: int) -> bool:
    """Is `offset` inside quotation marks of its paragraph? A quoted "he" or "she" is
    the speaker's reference, as often to someone the reader cannot see as to a person
    named before; a quoted "they" still points back to the group the story follows."""
    para = text[text.rfind("\n", 0, offset) + 1 : offset]
    return para.count("“") > para.count("”") or para.count('"') % 2 == 1


def _antecedents(st: _State) -> list[Antecedent]:
    """Every mention a pronoun may stand for, in text order: people (keys 0..), then the
    organisations and groups that act (keys after the people, in st.others order).
    Places, and bare nationality words with no role ("Pakistani"), stand for no one."""
    out = []
    for key, p in enumerate(st.people):
        for s, e, label in p.spans:
            if label != TITLE:
                out.append(Antecedent(s, st.sentence(s), key, C.PERSON, p.gender, _subject_verb(st, s, e)))
    for n, o in enumerate(st.others.values(), start=len(st.people)):
        if o.type == "PLACE" or o.type == "GROUP" and o.sector is None and o.role is None:
            continue
        kind = C.GROUP if o.type == "GROUP" or o.role is not None and A.is_plural(o.role) else C.BODY
        out.extend(Antecedent(m.start, st.sentence(m.start), n, kind, None, _subject_verb(st, m.start, m.end))
                   for m in o.mentions)
    out.sort(key=lambda a: a.start)
    return out


def _subject_verb(st: _State, start: int, end: int) -> int | None:
    """The token index of the verb a mention is the subject of, else None."""
    sp = _tokens(st, start, end)
    if sp is None or sp.root.dep_ not in ("nsubj", "nsubjpass"):
        return None
    return sp.root.head.i


def _pronoun(st: _State, tok: Token) -> Pronoun | None:
    g, w = _G, tok.lower_
    if tok.pos_ != "PRON" or tok.dep_ == "poss":
        return None  # "its ally", "his client": the phrase is not its possessor
    gender = MALE if w in g.male_pronouns else FEMALE if w in g.female_pronouns else None
    if gender is not None:
        kinds = frozenset({C.PERSON})
    elif w in g.plural_pronouns:
        kinds = frozenset({C.GROUP})
    elif w in g.neuter_pronouns:
        kinds = frozenset({C.BODY})
    else:
        return None
    obj = tok.head.i if w in g.object_pronouns and tok.dep_ in ("dobj", "obj", "dative") else None
    return Pronoun(tok.idx, st.sentence(tok.idx), kinds, gender, obj)


def _subject_pronouns(st: _State) -> None:
    """"he said", "she said": the only person in view (setting full_coref off)."""
    if not st.doc.has_annotation("DEP"):
        return
    mention_sentence = {s: st.sentence(s) for p in st.people for s, _, _ in p.spans}
    for tok in st.doc:
        if tok.lower_ not in _G.male_pronouns | _G.female_pronouns or tok.dep_ == "poss" or tok.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if tok.head.pos_ not in ("VERB", "AUX"):
            continue
        idx = resolve_subject_pronoun(tok.text, tok.idx, st.sentence(tok.idx), st.people, mention_sentence)
        if idx is not None:
            st.people[idx].spans.append((tok.idx, tok.idx + len(tok.text), "coref:pronoun"))


# ----------------------------------------------------------------------------- output


def actor_code(gaz: Gazetteer, country: str | None, sector: str | None, code: str | None = None) -> str | None:
    """CAMEO-style code: FRAGOV; IGOs IGOUNO (+ a body's sector: IGOUNOMIL); NGOs NGO..."""
    if country is None:
        return None
    if country in gaz.igo_codes:
        return "IGO" + country + (sector if sector and sector != "IGO" else "")
    if country == "NGO":
        return "NGO" + (sector if sector and sector != "NGO" else "")
    return country + (sector or "")


def _assemble(st: _State, text: str) -> tuple[Entity, ...]:
    drafts: list[tuple[EntityType, str, str | None, str | None, str | None, str | None, str, tuple[Mention, ...],
                       CountryFrom | None]] = []
    for p in st.people:
        spans = sorted(set(p.spans))
        mentions = tuple(Mention(s, e, text[s:e], label) for s, e, label in spans)
        drafts.append(("PERSON", p.name, p.country, p.role, p.sector, None, f"{VERSION}:{p.rule or NER}", mentions,
                       p.country_from))
    for o in st.others.values():
        mentions = tuple(sorted(set(o.mentions), key=lambda m: (m.start, m.end)))
        drafts.append((o.type, o.name, o.country, o.role, o.sector, o.code, f"{VERSION}:{o.rule}", mentions,
                       o.country_from))
    drafts.sort(key=lambda d: min(m.start for m in d[7]))
    out = []
    for n, (etype, name, country, role, sector, code, rule, mentions, country_from) in enumerate(drafts, start=1):
        out.append(Entity(
            id=f"e{n}", name=name, type=etype, mentions=mentions, country=country, role=role,
            sector=sector if etype != "PLACE" else None,
            actor_code=None if etype == "PLACE" else (code if code and len(code) > 3 and country not in st.gaz.igo_codes
                                                      else actor_code(st.gaz, country, sector)),
            rule=rule, country_from=country_from if country else None,
        ))
    return tuple(out)


SPEC = ExtractorSpec(
    name=ENTITIES,
    version=VERSION,
    requires=(),
    assigns=(ENTITIES, STORY_COUNTRIES),
    spacy=(NER, PARSER, TAGGER, ATTRIBUTE_RULER, LEMMATIZER),
    build=build,
)
