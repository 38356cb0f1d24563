"""Events: CAMEO and PLOVER codes with source, target, date, place, modality and the
evidence and rule behind each (the work is in `extract/eventing/`).

A cascade keeps it cheap: a sentence is parsed for arguments only when one of its
lemmas is a trigger of `knowledge/predicates.yaml`. Times and places are read when
earlier extractors filled them; otherwise events fall back to the publication date
and the dateline, and say so (`date_source`, `location_source`). When quotes ran before
(and `statement_events` is on), each attributed quote is also a 01x statement event
(`eventing/statements.py`). With `political_acts`, an act only a political actor does
(visits, praise, pledges, inquiry: `knowledge/political_acts.tsv`) is no event when
civilians, the press, academics or refugees do it (`eventing/doers.py`). Events with no actor on either side
are dropped unless `actorless_events` is on (off by default): without a source or a
target they are mentions, not event data. The mentions of one act (a repeat, a noun
and a verb, a coordination split) then become one event with several mentions (`eventing/merging.py`).
Last, each event's confidence becomes the calibrated probability that it is right
(setting `confidence_model`), and the events below `min_confidence` are left out
(`eventing/confidence.py`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..errors import E011, DiurnaError
from ..knowledge.confidence import NO_MODEL, Model, load_model
from ..knowledge.gazetteer import load_gazetteer
from ..model import Document, Facts
from ..settings import Settings
from . import guesses
from .actorhood import without_junk
from .base import ATTRIBUTE_RULER, ENTITIES, EVENTS, LEMMATIZER, NER, PARSER, TAGGER, TIMES, ExtractFn, ExtractorSpec
from .eventing import coder, confidence, dated, doers, lexicon, merging, replies, statements
from .quoting import cues as cue_data

if TYPE_CHECKING:
    from spacy.tokens import Doc

VERSION = "diurna.events.v1"


def build(settings: Settings) -> ExtractFn:
    lex = lexicon.load(tuple(settings.predicate_files))
    # cached: the one entities built
    gaz = load_gazetteer(tuple(settings.actor_files), settings.strict_dictionaries, settings.phoenix_actors)
    if settings.statement_events:
        statements.cue_codes()  # the table loads (and is checked) when the pipeline is built
    doers.political_roots()  # so does knowledge/political_acts.tsv
    model = _model(settings.confidence_model)

    def extract_events(document: Document, doc: Doc, facts: Facts) -> Facts:
        events = coder.code_document(document, doc, facts, lex, implied_targets=settings.implied_targets,
                                    mutual_both_ways=settings.mutual_both_ways, roles=gaz.roles,
                                    place_targets=settings.place_targets,
                                    unrealised_acts=settings.unrealised_acts,
                                    unrealised_purposes=settings.unrealised_purposes,
                                    target_phrases=settings.target_phrases)
        if settings.statement_events and facts.quotes:
            events += statements.statement_events(document, doc, facts, events,
                                                 by_content=settings.statement_contents, roles=gaz.roles,
                                                 political=settings.political_speakers)
        if settings.story_targets and not settings.story_people:  # a guessed country on targets only
            events = guesses.guessed_targets_only(events, facts.entities)
        if settings.political_acts:  # tourists visiting, bloggers praising: no political acts
            entities = {e.id: e for e in facts.entities}
            events = [e for e in events if not doers.by_quiet_doer(e, doc, entities, gaz.roles)]
        events = replies.answered(events)  # a denial answers the accusation before it
        events = dated.at_event_dates(events, facts.entities, gaz, document.published)  # dated dictionary roles
        if not settings.abstract_actors:  # "measures", an unresolved "them": sides that stand for no one
            events = [without_junk(e, doc, gaz.roles, lex.human_nouns) for e in events]
        if not settings.actorless_events:
            voiced = coder.quoted_first_person(facts.quotes, cue_data.load().first_person)
            events = [e for e in events if coder.has_actor(e, doc, gaz.roles, voiced)]
        merged = merging.merge(events, [s.start_char for s in doc.sents], coordinated=settings.coordinated_acts,
                                entities=facts.entities, quotes=facts.quotes)
        if model is not None:
            merged = confidence.calibrate(merged, doc, facts.entities, model)
        return replace(facts, events=confidence.at_least(merged, settings.min_confidence))

    return extract_events


def _model(path: str) -> Model | None:
    """The calibration model of the setting `confidence_model` (None: keep the rule score)."""
    if path == NO_MODEL:
        return None
    try:
        return load_model(path)
    except (OSError, ValueError) as exc:
        raise DiurnaError(E011, f"confidence_model: {exc}") from exc


SPEC = ExtractorSpec(
    name=EVENTS,
    version=VERSION,
    requires=(ENTITIES, TIMES),  # places and quotes are read too when an extractor fills them
    assigns=(EVENTS,),
    spacy=(PARSER, TAGGER, ATTRIBUTE_RULER, LEMMATIZER, NER),
    build=build,
)
