"""Places: find place names and geocode them offline.

`find_mentions` (geo/candidates.py) proposes spans from NER and the gazetteer;
`resolve` (geo/disambiguate.py) picks one gazetteer reading per name using qualifiers,
feature class, population and the document's focus (dateline, other places, actors);
this module drops metonyms -- a place name that is the subject of a verb such as
"urge" or "deny" stands for a government, and the entities extractor codes it as an
actor -- and turns the rest into `Place` records.

A mention the gazetteer does not know is still reported (NER said it is a place), with
no coordinates and rule suffix "unresolved", so that recall problems and gazetteer
gaps stay visible instead of silently vanishing.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from ..knowledge import place_features, read_tsv
from ..knowledge.gazetteer import Gazetteer as ActorKnowledge
from ..knowledge.gazetteer import fold, load_gazetteer, words
from ..knowledge.phoenix import SOURCE as PHOENIX_SOURCE
from ..model import Document, Entity, Facts, Place
from ..settings import Settings
from .base import ENTITIES, LEMMATIZER, NER, PARSER, PLACES, ExtractFn, ExtractorSpec
from .geo import gazetteer
from .geo.candidates import PlaceMention, find_mentions
from .geo.disambiguate import Resolution, resolve

if TYPE_CHECKING:
    from spacy.tokens import Doc

VERSION = "diurna.places.v1"
METONYM_FEATURES = place_features.load().metonyms
# How specific a feature is, for choosing the place of a clause (smaller = finer).
SPECIFICITY = place_features.load().specificity


@lru_cache(maxsize=1)
def metonymy_verbs() -> frozenset[str]:
    return frozenset(row[0] for row in read_tsv("places_metonymy.tsv", 1))


def build(settings: Settings) -> ExtractFn:
    gaz = gazetteer.load()
    verbs = metonymy_verbs()
    # The entities extractor's knowledge (the same cached object it loads).
    actors = load_gazetteer(tuple(settings.actor_files), settings.strict_dictionaries, settings.phoenix_actors)

    def extract_places(document: Document, doc: Doc, facts: Facts) -> Facts:
        mentions = find_mentions(doc, gaz, document.text)
        resolutions = resolve(mentions, gaz, document.dateline, focus_countries(facts.entities, actors))
        places = [_place(r) for r in resolutions if not _is_metonym(doc, r, verbs) and not _is_code(r)]
        return replace(facts, places=tuple(places))

    return extract_places


# The rule suffix of an institution ("the Kremlin", "the White House"): it names its
# country's seat, which the toponyms already count (they were capitals, so places,
# before institutions.yaml); its country is no evidence of its own for the focus.
_INSTITUTION = ":institution"
_DICTIONARY = ":dictionary"
_IMPLIED = "bare:"  # mention label of a nameless actor given the story's country (extract/implicit.py)


def focus_countries(entities: tuple[Entity, ...], actors: ActorKnowledge) -> list[str]:
    """The countries of the actors the text names, one vote per entity, for the geocoder's
    focus. Left out: places; institutions (see _INSTITUTION); nameless actors whose
    country was implied ("officials said") and people or bodies whose country is a guess
    (`country_from` "sentence" or "story"): it was read from the places themselves, so it would
    count the story's main country twice and pull minor toponyms to it; and
    actors known only from the Phoenix dictionary, whose company and namesake readings
    ("Tigers" SWZ, "Tanzim") are too loose to place a town by. This is the focus as it
    was before those three came into the entities (session 4): on the LGL and GeoVirus
    dev halves 386 of 419 articles get the same country votes as then (300 without it)."""
    out = []
    for e in entities:
        if e.type == "PLACE" or not e.country or (e.rule or "").endswith(_INSTITUTION):
            continue
        if e.mentions and all((m.label or "").startswith(_IMPLIED) for m in e.mentions):
            continue
        if e.country_from is not None:
            continue  # a guess (the sentence's or the story's country), itself read from the places
        if (e.rule or "").endswith(_DICTIONARY) and _phoenix_only(e.name, actors):
            continue
        out.append(e.country)
    return out


def _phoenix_only(name: str, actors: ActorKnowledge) -> bool:
    found = actors.actor_keys.get(" ".join(fold(w) for w in words(name)), ())
    return bool(found) and all(a.source == PHOENIX_SOURCE for a in found)


def _is_metonym(doc: Doc, r: Resolution, verbs: frozenset[str]) -> bool:
    """"Paris urged ..." : a country, capital or state as the subject of an agent verb."""
    if r.candidate is None or r.candidate.feature not in METONYM_FEATURES:
        return False
    root = doc[r.mention.token_start : r.mention.token_end].root
    return root.dep_ == "nsubj" and root.head.pos_ == "VERB" and root.head.lemma_ in verbs


def _is_code(r: Resolution) -> bool:
    """Unplaceable noise: NER sometimes calls a code a place ("H5N1", "F.B.I"), and a
    facility unknown to the gazetteer ("City Hall") cannot be put on a map."""
    if r.candidate is not None:
        return False
    if r.mention.rule == "ner:FAC":
        return True  # a building or a road we cannot place ("County Road", "City Hall")
    text = r.mention.text
    return any(ch.isdigit() for ch in text) or (len(text) <= 6 and text.replace(".", "").isupper())


def _place(r: Resolution) -> Place:
    m: PlaceMention = r.mention
    c = r.candidate
    rule = f"{VERSION}:{m.rule}/{r.how}"
    if c is None:
        return Place(text=m.text, start=m.start, end=m.end, name=m.text, rule=rule)
    return Place(
        text=m.text, start=m.start, end=m.end, name=c.name, country=c.country,
        lat=None if c.lat is None else round(c.lat, 4), lon=None if c.lon is None else round(c.lon, 4),
        feature=c.feature, rule=rule,
    )


def place_at(places: tuple[Place, ...], start: int, end: int) -> Place | None:
    """The place of a text span (an event's clause): among the geocoded places inside
    [start, end), the most specific one ("Abuja" over "Nigeria"), earliest on ties."""
    inside = [p for p in places if start <= p.start and p.end <= end and p.lat is not None]
    if not inside:
        return None
    return min(inside, key=lambda p: (SPECIFICITY.get(p.feature or "", 8), p.start))


SPEC = ExtractorSpec(
    name=PLACES,
    version=VERSION,
    requires=(ENTITIES,),
    assigns=(PLACES,),
    spacy=(NER, PARSER, LEMMATIZER),
    build=build,
)
