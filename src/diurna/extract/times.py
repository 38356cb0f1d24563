"""Time expressions normalised to TIMEX3 values against the publication date.

A pure-Python rule cascade (see extract/timex/): absolute and partial dates,
weekdays, relative and fuzzy expressions, quarters and halves, seasons, decades,
durations, sets, clock times and PAST_REF / PRESENT_REF / FUTURE_REF. The anchor is
`Document.published`; anaphoric expressions ("the next day", "two days later") count
from the last explicit date the text mentioned. Without a publication date, relative
expressions get underspecified values (XXXX-03-03, XXXX-WXX-4, PAST_REF) rather than
invented dates. Tense (for the year of "March 3" and the direction of "Thursday")
comes from lexical cues in the sentence, so no spaCy component is needed.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from ..model import Document, Facts, TimeExpr
from ..settings import Settings
from .base import TIMES, ExtractFn, ExtractorSpec
from .timex import tag

if TYPE_CHECKING:
    from spacy.tokens import Doc

VERSION = "diurna.times.v1"


def build(settings: Settings) -> ExtractFn:
    # The cascade is compiled once, when extract/timex is imported (rules.RULES).
    day_first = settings.day_first

    def extract_times(document: Document, doc: Doc, facts: Facts) -> Facts:
        return replace(facts, times=find_times(document.text, document.published, day_first=day_first))

    return extract_times


def find_times(text: str, published: str | None, *, day_first: bool = False) -> tuple[TimeExpr, ...]:
    """The time expressions of `text`, anchored at `published` (YYYY-MM-DD or None)."""
    anchor = _anchor(published)
    return tuple(
        TimeExpr(text=text[r.start:r.end], start=r.start, end=r.end, type=r.type, value=r.value,
                 rule=f"{VERSION}:{r.rule}")
        for r in tag(text, anchor, day_first=day_first)
    )


def _anchor(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None  # a partial date ("2026-03") anchors nothing reliably


SPEC = ExtractorSpec(
    name=TIMES,
    version=VERSION,
    requires=(),
    assigns=(TIMES,),
    spacy=(),
    build=build,
)
