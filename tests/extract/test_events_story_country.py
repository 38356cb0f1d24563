"""Events: nameless actors named by a bare role word ("officers", "the journalist")
take the story's country (a source acting in a named place that place's); other nouns
and stories without a country are left alone."""

from __future__ import annotations

import pytest

from diurna import Pipeline
from diurna.extract.eventing.participants import pair_kind

# a story about Kenya: the country is named twice before the act
KENYA = ("Kenya's government said on Monday that the vote would go ahead. Kenyan officials expect a large "
         "turnout in the capital. ")


def _sides(pipeline: Pipeline, text: str, root: str) -> list[tuple[str, str | None, str | None]]:
    events = [e for e in pipeline.process(text, published="2026-03-04").facts.events if e.root_code == root]
    return [(side.text, side.country, side.actor_code) for e in events
            for side in (e.source, e.target) if side is not None]


@pytest.mark.parametrize(
    ("text", "root", "actor", "country", "code"),
    [
        # state bodies and people of a bare role take the story's country, with their sector
        # (a bare "officer" is MIL in roles.yaml, as the PLOVER gold codes "Syrian officers")
        (KENYA + "Officers arrested a journalist on Tuesday.", "17", "Officers", "KEN", "KENMIL"),
        (KENYA + "Officers arrested a journalist on Tuesday.", "17", "journalist", "KEN", "KENMED"),
        (KENYA + "Security personnel detained two lawyers on Friday.", "17", "Security personnel", "KEN", "KENCOP"),
        (KENYA + "Militants attacked security forces near the border.", "19", "security forces", "KEN", "KENCOP"),
        (KENYA + "A judge ordered the school to admit the girl.", "10", "school", "KEN", "KENEDU"),
        # a source acting in a named place is of that place
        (KENYA + "Militants attacked a convoy in Mali on Sunday.", "19", "Militants", "MLI", "MLIREB"),
    ],
)
def test_events_story_country_bare_roles(pipeline: Pipeline, text: str, root: str, actor: str, country: str,
                                         code: str) -> None:
    assert (actor, country, code) in _sides(pipeline, text, root)


@pytest.mark.parametrize(
    ("text", "root", "actor"),
    [
        # one sentence names no story country
        ("Officers arrested a journalist on Tuesday.", "17", "Officers"),
        # a noun that is no bare role word ("analysts", "people") stays without a country
        (KENYA + "Analysts criticized the plan on Tuesday.", "11", "Analysts"),
        (KENYA + "People criticized the plan on Tuesday.", "11", "People"),
    ],
)
def test_events_story_country_left_alone(pipeline: Pipeline, text: str, root: str, actor: str) -> None:
    sides = [s for s in _sides(pipeline, text, root) if s[0] == actor]
    assert sides and all(country is None for _, country, _ in sides)


def test_events_story_country_own_phrase_wins(pipeline: Pipeline) -> None:
    # "a French journalist": the phrase's country, not the story's
    sides = _sides(pipeline, KENYA + "Officers arrested a French journalist on Tuesday.", "17")
    assert ("French journalist", "FRA") in [(t, c) for t, c, _ in sides]


TURKEY = ("Turkey criticized Israel on Monday. Turkish officials said ties with Israel were strained. "
          "Turkish adviser Mehmet Oruc spoke by phone with Israeli adviser Avi Dahan on Sunday. ")


@pytest.mark.parametrize(
    ("text", "root", "pairs"),
    [
        # "both countries": the two countries the story is about, not the last two people named
        (TURKEY + "Both countries withdrew their ambassadors in 2018.", "16", {("TUR", "ISR"), ("ISR", "TUR")}),
        (TURKEY + "The two countries withdrew their ambassadors in 2018.", "16", {("TUR", "ISR"), ("ISR", "TUR")}),
    ],
)
def test_events_story_country_pair_of_countries(pipeline: Pipeline, text: str, root: str, pairs: set) -> None:
    events = [e for e in pipeline.process(text, published="2026-03-04").facts.events if e.root_code == root]
    found = {(e.source.country, e.target.country) for e in events if e.source and e.target}
    assert found and found <= pairs


@pytest.mark.parametrize(
    ("phrase", "kind"),
    [
        ("Both countries agreed.", "countries"),
        ("The two nations agreed.", "countries"),
        ("Both sides agreed.", "countries"),
        ("The two leaders agreed.", "people"),
        ("The leaders agreed.", "people"),
        ("The two agreed.", "countries"),
        # a count of people, a bare plural and a name stand for no pair
        ("Two soldiers agreed.", None),
        ("Countries agreed.", None),
        ("Kenya agreed.", None),
    ],
)
def test_events_story_country_pair_kind(pipeline: Pipeline, phrase: str, kind: str | None) -> None:
    doc = pipeline.nlp(phrase)
    subject = next(t for t in doc if t.dep_ in ("nsubj", "nsubjpass"))
    found = pair_kind(subject)
    assert (found.name.lower() if found is not None else None) == kind
