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

from ..knowledge import read_tsv
from ..model import Document, Facts, Place
from ..settings import Settings
from .base import ExtractFn, ExtractorSpec
from .geo import gazetteer
from .geo.candidates import PlaceMention, find_mentions
from .geo.disambiguate import Resolution, resolve

if TYPE_CHECKING:
    from spacy.tokens import Doc

VERSION = "diurna.places.v1"
METONYM_FEATURES = frozenset({"country", "city", "admin1"})
# How specific a feature is, for choosing the place of a clause (smaller = finer).
SPECIFICITY = {"city": 0, "county": 1, "admin2": 1, "admin1": 2, "region": 3, "strait": 3, "canal": 3, "river": 4,
               "gulf": 4, "lake": 4, "sea": 4, "country": 5, "ocean": 6, "continent": 7}


@lru_cache(maxsize=1)
def metonymy_verbs() -> frozenset[str]:
    return frozenset(row[0] for row in read_tsv("places_metonymy.tsv", 1))


def build(settings: Settings) -> ExtractFn:
    gaz = gazetteer.load()
    verbs = metonymy_verbs()

    def extract_places(document: Document, doc: Doc, facts: Facts) -> Facts:
        mentions = find_mentions(doc, gaz)
        actor_countries = [e.country for e in facts.entities if e.type != "PLACE" and e.country]
        resolutions = resolve(mentions, gaz, document.dateline, actor_countries)
        places = [_place(r) for r in resolutions if not _is_metonym(doc, r, verbs) and not _is_code(r)]
        return replace(facts, places=tuple(places))

    return extract_places


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
    name="places",
    version=VERSION,
    requires=("entities",),
    assigns=("places",),
    spacy=("ner", "parser", "lemmatizer"),
    build=build,
)
