"""First-person pronouns inside a direct quote act for the quote's speaker."""

from __future__ import annotations

import pytest

from diurna import Pipeline


@pytest.fixture(scope="module")
def pipeline(pipeline_of) -> Pipeline:
    # actorless events kept: the unlinked "us" of the negative case is otherwise dropped
    # with its event (the default drops events with no actor; a quoted "us" is kept)
    return pipeline_of(actorless_events=True)


def test_links_first_person_keeps_quoted_event_by_default(pipeline_of) -> None:
    text = 'Kenyan President William Ruto spoke on Monday. "They attack us every week," Ruto said.'
    result = pipeline_of().process(text)
    i = result.document.text.find("us every")
    assert any(r is not None and r.start == i and r.actor_code == "KENGOV"
               for e in result.facts.events for r in (e.source, e.target))


@pytest.mark.parametrize(("text", "needle", "code"), [
    ('Kenyan President William Ruto spoke on Monday. "They attack us every week," Ruto said.', "us", "KENGOV"),
    # outside a quote "we" is the writer's, not a speaker's
    ("Kenyan President William Ruto spoke on Monday. They attack us every week.", "us", None),
])
def test_links_first_person_is_the_speaker(pipeline, text, needle, code):
    result = pipeline.process(text)
    i = result.document.text.find(needle + " every")
    refs = [r for e in result.facts.events for r in (e.source, e.target) if r is not None and r.start == i]
    assert refs, [(e.code, e.source, e.target) for e in result.facts.events]
    assert {r.actor_code for r in refs} == {code}
