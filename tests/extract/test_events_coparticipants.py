"""Events: who takes part when the parse names several sides or raises a subject
("leaders from A and B will meet", "said he and B agreed", "is expected to visit"),
through the whole pipeline. The rules themselves are tested on hand-built parses in
test_arguments_rules.py."""

from __future__ import annotations

import pytest

from diurna import Pipeline


def _dyads(pipeline: Pipeline, text: str, root: str) -> set[tuple[str | None, str | None]]:
    events = pipeline.process(text, published="2026-03-04").facts.events
    return {(e.source.country if e.source else None, e.target.country if e.target else None)
            for e in events if e.code.startswith(root)}


@pytest.mark.parametrize(("text", "root", "expected"), [
    # a plural of people from two named sides: one symmetric act, source the first named
    ("The minister said he believes leaders from Peru and Chile will meet soon.", "03", {("PER", "CHL")}),
    ("Leaders of Peru and Chile met in Lima on Monday.", "04", {("PER", "CHL")}),
    # one side named: the phrase as written, no second side
    ("Officials from Peru met in Lima on Monday.", "04", {("PER", None)}),
    # a passive raises its subject into the infinitive: the president visits
    ("The Chilean president is expected to visit Peru in late April.", "03", {("CHL", "PER")}),
    ("The Chilean president is expected to visit Peru after meeting with the Bolivian president.", "04",
     {("CHL", "BOL")}),
    # a meeting "of" a body: the body takes part (predicates.yaml meeting-noun)
    ("Peru called an emergency meeting of the Chilean cabinet.", "04", {("PER", "CHL")}),
    ("Peru held a meeting on Monday.", "04", {("PER", None)}),
])
def test_events_coparticipants_sides(pipeline, text, root, expected):
    assert _dyads(pipeline, text, root) == expected


def test_events_coparticipants_reported_pronoun_keeps_the_other_side(pipeline):
    dyads = _dyads(pipeline, "The Peruvian minister said he and the Chilean president agreed to reopen the border.",
                   "03")
    assert {s for s, _ in dyads} == {"PER", "CHL"}
