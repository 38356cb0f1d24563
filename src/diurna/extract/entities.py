"""Entities and actors: people, organisations, places and groups, each with every mention,
a canonical name, country, role, sector and a CAMEO-style actor code (FRAGOV).

The cascade, per document:
1. spans: spaCy NER plus the gazetteer (countries, capitals, demonyms, IGOs, armed
   groups, the actor dictionary and the user's actor files), merged (extract/actors.py);
2. people: the title before a name ("French President Emmanuel Macron"), an
   apposition after it (", Kenya's president,"), the actor dictionary on the
   publication date, then short forms ("Mr Macron") resolved in extract/coref.py;
3. nameless actors: a country word with a role noun ("Kenyan farmers" -> KENCVL, "the
   Israeli army" -> ISRMIL); "the Kenyan leader" refers back to a person when one fits;
4. metonymy: a country or capital that is not a place ("Paris urged ...") is its
   government (FRAGOV); after "in"/"at"/"near" it is a PLACE that keeps its country;
5. definite descriptions ("the council", "those leaders") and third-person pronouns
   ("he", "their", "its") join the entity they stand for.
Every mention carries a label saying how it was found: the NER label, "gazetteer:KIND",
"title", "nominal", "metonymy", "coref:surname", "coref:role", "coref:initials",
"coref:description" or "coref:pronoun".

This module runs the cascade and assembles the entities; the steps live in people.py
(and guesses.py for countries the text leaves out), others.py, nameless.py and
references.py, over the state of entitystate.py. Imports go one way: entities.py
imports those modules, they import entitystate.py, never entities.py.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ..knowledge.gazetteer import ADJ, CAPITAL, COUNTRY, PEOPLE, PLACE, Gazetteer, fold, load_gazetteer
from ..model import CountryFrom, Document, Entity, EntityType, Facts, Mention
from ..settings import Settings
from . import actors as A
from . import guesses, nameless, others, people, references
from . import homes as H
from . import implicit as I
from .base import ATTRIBUTE_RULER, ENTITIES, LEMMATIZER, NER, PARSER, STORY_COUNTRIES, TAGGER, ExtractFn, ExtractorSpec
from .entitystate import EntityState, is_person

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

VERSION = "diurna.entities.v2"
LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP")
_LEAD = re.compile(r"^(?:the|The|THE)\s+")
_TRAIL = re.compile(r"(?:['’]s|['’])$")


def build(settings: Settings) -> ExtractFn:
    gaz = load_gazetteer(tuple(settings.actor_files), settings.strict_dictionaries, settings.phoenix_actors)

    def extract(document: Document, doc: Doc, facts: Facts) -> Facts:
        entities, story = extract_entities(gaz, document, doc, settings.full_coref, settings.person_countries,
                                           settings.story_people or settings.story_targets,
                                           settings.person_countries or settings.person_affiliations)
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


# ----------------------------------------------------------------------------- the cascade


def extract_entities(gaz: Gazetteer, document: Document, doc: Doc, full_coref: bool = False,
                     person_countries: bool = False, story_people: bool = False, affiliations: bool = False,
                     ) -> tuple[tuple[Entity, ...], tuple[str, ...]]:
    """The document's entities, and the countries the story is about (most weighty first)."""
    text = document.text
    spans = A.misspelt(gaz, doc, A.person_by_role(gaz, doc, A.merge_spans(_ner_spans(doc), gaz.find(text))))
    has_sents = doc.has_annotation("SENT_START") or doc.has_annotation("DEP")
    sent_starts = [s.start_char for s in doc.sents] if has_sents and len(doc) else [0]
    st = EntityState(gaz, doc, text, document.published, {s.start: s for s in spans}, sent_starts,
                     full_coref=full_coref, person_countries=person_countries, story_people=story_people,
                     affiliations=affiliations or person_countries)
    _note_countries(st, spans)
    spans = [H.settled(st, s) for s in spans]  # "Georgia": the state or the country, by context
    st.spans_at.update((s.start, s) for s in spans)
    weights = I.story_weights(gaz, spans, text, document.title, document.dateline)
    st.story, st.story_main = tuple(c for c, _ in weights), I.main_country(weights)
    for s in spans:
        st.sent_spans.setdefault(st.sentence(s.start), []).append(s)
        st.ending_at[s.end] = s
    titles = {(s.start, s.end): people.titles(st, s) for s in spans if is_person(s)}
    for span in spans:
        if (span.start, span.end) in st.consumed:
            continue
        if is_person(span):
            people.add_person(st, span, *titles[(span.start, span.end)])
        elif full_coref and _misread_surname(st, span):
            people.add_person(st, replace(span, label="PERSON"), None, None)
        else:
            others.other(st, span)
    nameless.bare_nominals(st)
    nameless.bare_ngos(st)
    nameless.bare_actors(st)
    if full_coref:  # setting full_coref
        references.acronyms(st)
        references.initials_elsewhere(st)
        references.surnames_elsewhere(st)
        references.descriptions(st)
        references.pronouns(st)
    else:
        references.subject_pronouns(st)
    references.interviewees(st)
    guesses.story_people(st)
    return _assemble(st, text), st.story


def _misread_surname(st: EntityState, span: A.SpanInfo) -> bool:
    """A one-word name the NER called an organisation or a place that the gazetteer
    does not know, and that is the short form of a person named before ("Yoshihide
    Suga ... Suga said", with "Suga" read as ORG): the person (setting full_coref)."""
    if span.label not in ("ORG", "GPE", "LOC") or span.match is not None or span.hints or " " in span.text:
        return False
    key = fold(span.text)
    return any(key in f for f in st.forms) and not any(fold(p.name) == key for p in st.people)


def _note_countries(st: EntityState, spans: list[A.SpanInfo]) -> None:
    for s in spans:
        if H.stance(st.text, s):
            continue
        term = s.match.first(COUNTRY, ADJ, PEOPLE, CAPITAL, PLACE) if s.match else None
        if term is not None and term.country and not term.homes and len(H.readings(s.match)) < 2:
            st.sent_countries.setdefault(st.sentence(s.start), set()).add(term.country)


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


def _assemble(st: EntityState, text: str) -> tuple[Entity, ...]:
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
