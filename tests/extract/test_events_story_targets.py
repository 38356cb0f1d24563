"""Setting story_targets: the story's country guessed for a named person with no
country or role (story_people's guess) is kept on an event's target, never on its
source. Our own sentences, fictional people."""

from __future__ import annotations

import pytest

from diurna import Pipeline

STORY = ("Ghana's cabinet met on Monday. Ghana's economy grew. Ghana's farmers were glad. "
         "Ghana's exports rose. ")


@pytest.fixture(scope="module")
def targets_pipeline(pipeline_of) -> Pipeline:
    return pipeline_of(story_targets=True)


@pytest.fixture(scope="module")
def people_pipeline(pipeline_of) -> Pipeline:
    return pipeline_of(story_people=True)


def _sides(pipeline: Pipeline, text: str, person: str) -> list[tuple[str, str | None]]:
    """(side, country) of every event side that names the person."""
    out = []
    for ev in pipeline.process(text).facts.events:
        for side, ref in (("source", ev.source), ("target", ev.target)):
            if ref is not None and person in ref.text:
                out.append((side, ref.country))
    return out


@pytest.mark.parametrize(("text", "person", "targets", "people"), [
    # the person acted on keeps the guess
    (STORY + "Togo's government arrested Kofi Arben.", "Kofi Arben",
     [("target", "GHA")], [("target", "GHA")]),
    # the one who acts does not (story_people guesses both)
    (STORY + "Kofi Arben criticized the government of Togo.", "Kofi Arben",
     [("source", None)], [("source", "GHA")]),
    # a story about two countries alike: no guess either way
    ("Ghana and Togo met. Ghana and Togo signed. Ghana and Togo agreed. Togo's government arrested Kofi Arben.",
     "Kofi Arben", [("target", None)], [("target", None)]),
])
def test_events_story_targets_side(targets_pipeline, people_pipeline, text, person, targets, people):
    assert _sides(targets_pipeline, text, person) == targets
    assert _sides(people_pipeline, text, person) == people


def test_events_story_targets_entity_keeps_guess(targets_pipeline):
    # the entity itself carries the guess, marked as one, as with story_people
    facts = targets_pipeline.process(STORY + "Kofi Arben criticized the government of Togo.").facts
    ent = next(e for e in facts.entities if e.name == "Kofi Arben")
    assert (ent.country, ent.country_from) == ("GHA", "story")
