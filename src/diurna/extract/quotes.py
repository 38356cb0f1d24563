"""Quotes: direct, mixed and indirect speech, with speaker, cue and addressee.

Direct quotes come from pairing quotation marks over the text (quoting/marks.py) and
deciding which quoted spans are speech rather than titles or scare quotes
(quoting/direct.py); reported speech comes from the dependency parse around the speech
cues of knowledge/cues.yaml (quoting/reported.py). Speakers are the subjects of the cue
verbs, given with their span in the text so that the resolve stage links them to
entities and names them canonically (quoting/speakers.py).

Every quote's `rule` names the construction that produced it ("direct/cue",
"indirect/ccomp", "mixed/naming", ...).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..model import Document, Facts, Quote
from ..settings import Settings
from .base import ENTITIES, LEMMATIZER, PARSER, QUOTES, ExtractFn, ExtractorSpec
from .quoting import cues as cue_data
from .quoting.direct import Tokens, attribute, classify
from .quoting.marks import scan
from .quoting.reported import reported
from .quoting.speakers import EntityIndex

if TYPE_CHECKING:
    from spacy.tokens import Doc

VERSION = "diurna.quotes.v1"


def build(settings: Settings) -> ExtractFn:
    cues = cue_data.load()

    def extract_quotes(document: Document, doc: Doc, facts: Facts) -> Facts:
        return replace(facts, quotes=tuple(find_quotes(document.text, doc, facts, cues)))

    return extract_quotes


def find_quotes(text: str, doc: Doc, facts: Facts, cues: cue_data.Cues) -> list[Quote]:
    """All quotes of one document, in text order. `doc` must be a parse of `text`."""
    if not len(doc):
        return []
    toks = Tokens(doc)
    index = EntityIndex.of(facts.entities)
    quoted = classify(text, toks, scan(text), cues)
    direct = attribute(text, toks, quoted, cues, index)
    indirect = reported(doc, text, quoted, cues, index)
    return sorted([*direct, *indirect], key=lambda q: (q.start, q.end))


SPEC = ExtractorSpec(
    name=QUOTES,
    version=VERSION,
    requires=(ENTITIES,),
    assigns=(QUOTES,),
    spacy=(PARSER, LEMMATIZER),
    build=build,
)
