"""Dates right (issue 18): relative expressions count from the narrative's reference
time, and an asserted event is never dated after publication. Texts written for these
tests (fictional actors); the anchor is Wednesday 2026-03-04."""

from __future__ import annotations

import pytest

from diurna import Pipeline
from diurna.extract.eventing.anchors import _after
from diurna.extract.times import find_times

ANCHOR = "2026-03-04"


def _value(text: str, words: str) -> str | None:
    return next((t.value for t in find_times(text, ANCHOR) if t.text == words), None)


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        # counted from the last explicit time of the narrative, at its precision
        ("A bomb hit Edoras in 2004. Nearly two decades later, the case is open.", "two decades later", "2024"),
        ("A bomb hit Edoras in 2004. Two decades later, the case was reopened.", "Two decades later", "2024"),
        ("Gondor fell in March 2010. A month later, Arnor sent troops.", "A month later", "2010-04"),
        ("The treaty was signed in 1998. Three years later it lapsed.", "Three years later", "2001"),
        ("Talks collapsed on May 2, 2019. Two days later, troops moved.", "Two days later", "2019-05-04"),
        ("Talks collapsed on May 2, 2019. The next day, troops moved.", "The next day", "2019-05-03"),
        ("The war ended in 1990. A decade earlier, it had begun.", "A decade earlier", "1980"),
        # a year does not place a day: the last explicit day (none here) or nothing
        ("Rohan voted in 2015. Three days later it was over.", "Three days later", "FUTURE_REF"),
        # no reference time: "later" is not counted from the publication date
        ("Two decades later, the case is open.", "Two decades later", "FUTURE_REF"),
        ("A month later, Arnor sent troops.", "A month later", "FUTURE_REF"),
        # "ago" and "earlier" without a narrative time count from publication, as before
        ("The strike began three years ago.", "three years ago", "2023"),
        ("Three days earlier, troops had left.", "Three days earlier", "2026-03-01"),
    ],
)
def test_dates_relative_counts_from_reference_time(text: str, words: str, value: str) -> None:
    assert _value(text, words) == value


@pytest.mark.parametrize(
    ("value", "published", "after"),
    [
        ("2026-03-05", "2026-03-04", True),
        ("2026-04", "2026-03-04", True),
        ("2027", "2026-03-04", True),
        ("2026-03-04", "2026-03-04", False),
        ("2026-03", "2026-03-04", False),  # the month of publication is not after it
        ("2026", "2026-03-04", False),
        ("2025-12-31", "2026-03-04", False),
    ],
)
def test_dates_after_publication_compares_at_the_value_precision(value: str, published: str, after: bool) -> None:
    assert _after(value, published) is after


def _dates(pipeline: Pipeline, text: str) -> list[tuple[str, str | None, str | None, str]]:
    events = pipeline.process(text, published=ANCHOR).facts.events
    return [(e.code, e.date, e.date_source, e.modality) for e in events]


@pytest.mark.parametrize(
    ("text", "date", "source", "modality"),
    [
        # a scheduled act keeps its future date
        ("Arnor will impose sanctions on Gondor on Saturday.", "2026-03-07", "text", "future"),
        # an asserted event is never after publication: the text date, else the fallback
        ("Arnor imposed sanctions on Gondor on March 3.", "2026-03-03", "text", "asserted"),
        # the tagger reads "on Friday" ahead ("must leave"); the reported act is the Friday before
        ("Gondor told reporters on Friday that Arnor must leave.", "2026-02-27", "text", "asserted"),
        ("Arnor imposed sanctions on Gondor in 2004. Two decades later, Gondor expelled the envoy of Arnor.",
         None, None, "asserted"),
    ],
)
def test_dates_asserted_events_not_after_publication(
    pipeline: Pipeline, text: str, date: str | None, source: str | None, modality: str
) -> None:
    found = _dates(pipeline, text)
    assert found, text
    for _code, d, s, mood in found:
        if mood == "asserted":
            assert d is None or not _after(d, ANCHOR)
    if date is not None:
        assert (date, source, modality) in {(d, s, mood) for _c, d, s, mood in found}
