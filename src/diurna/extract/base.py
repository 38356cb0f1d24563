"""What an extractor is: a named, versioned step that declares what it needs and adds.

An extractor module exposes `SPEC`. `SPEC.build(settings)` loads the extractor's
knowledge once and returns a pure function `(document, doc, facts) -> facts` that
returns a new `Facts` with the fields it `assigns` filled in. A plug-in (another
package's extractor, registered under the entry-point group `diurna.extractors`) exposes
an `ExtractorSpec` the same way; see extract/__init__.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from ..model import Document, Facts
from ..settings import Settings

if TYPE_CHECKING:
    from spacy.tokens import Doc

ExtractFn = Callable[[Document, "Doc", Facts], Facts]

# The fields of Facts, each filled by the extractor of that name.
ENTITIES: Final = "entities"
EVENTS: Final = "events"
QUOTES: Final = "quotes"
TIMES: Final = "times"
AMOUNTS: Final = "amounts"
PLACES: Final = "places"
STORY_COUNTRIES: Final = "story_countries"  # the countries the story is about
FACT_FIELDS = (ENTITIES, EVENTS, QUOTES, TIMES, AMOUNTS, PLACES, STORY_COUNTRIES)
# spaCy's component names, as the extractors declare what they read (ExtractorSpec.spacy).
NER: Final = "ner"
PARSER: Final = "parser"
TAGGER: Final = "tagger"
ATTRIBUTE_RULER: Final = "attribute_ruler"
LEMMATIZER: Final = "lemmatizer"
# The origin of diurna's own extractors and their versions' namespace: the package's name.
BUILTIN = __name__.split(".")[0]


@dataclass(frozen=True, slots=True)
class ExtractorSpec:
    name: str  # the name used in settings: "entities"
    version: str  # registered, versioned name: "diurna.entities.v1"; behaviour change -> new name
    requires: tuple[str, ...]  # Facts fields that earlier extractors must have assigned
    assigns: tuple[str, ...]  # Facts fields this extractor fills
    spacy: tuple[str, ...]  # spaCy components it reads (ner, parser, tagger, ...)
    build: Callable[[Settings], ExtractFn]
    # BUILTIN, or the entry point a plug-in came from ("acme_diurna.sentiment:SPEC"):
    # set by the registry, not by the plug-in
    origin: str = BUILTIN

    def __post_init__(self) -> None:
        for f in (*self.requires, *self.assigns):
            if f not in FACT_FIELDS:
                raise ValueError(f"{self.version}: unknown fact field {f!r}")
