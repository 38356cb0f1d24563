"""Definite descriptions ("the council", "those leaders") back to the entity named
before by the same noun (setting full_coref)."""

from __future__ import annotations

import pytest

from diurna import Pipeline, Settings


@pytest.fixture(scope="module")
def coref_pipeline(pipeline: Pipeline) -> Pipeline:
    return Pipeline(Settings.load(extractors=["entities"], full_coref=True), nlp=pipeline.nlp)


def _entity_of(result, needle: str, nth: int = 0):
    i = -1
    for _ in range(nth + 1):
        i = result.document.text.find(needle, i + 1)
    for e in result.facts.entities:
        if any(m.start <= i and i + len(needle) <= m.end for m in e.mentions):
            return e
    return None


@pytest.mark.parametrize(("text", "antecedent", "description", "joined"), [
    # the same head noun, one entity in view: the description is it
    ("The U.N. Security Council met in Geneva on Monday. The council condemned the attack.",
     "Security Council", "council", True),
    ("Kenyan opposition leaders blamed the government for the delay. Those leaders said they would boycott "
     "the vote.", "opposition leaders", "leaders", True),
    # a modifier the entity's words lack names another body ("the upper house")
    ("Kenya's lower house voted to extend the mandate. Lawmakers in the upper house denounced the vote.",
     "lower house", "upper house", False),
    # a dependent that describes anew: "the leaders of Rohan" are not the Kenyan leaders
    ("Kenyan opposition leaders blamed the government for the delay. The leaders of Rohan said they would "
     "boycott the vote.", "opposition leaders", "leaders", False),
    # too far back: a story names its actors again
    ("The U.N. Security Council met in Geneva on Monday. Rain fell. Crops failed. Prices rose. "
     "Trade slowed. Banks shut. Roads flooded. Schools closed. The council condemned the attack.", "Security Council", "council", False),
])
def test_references_descriptions_join(coref_pipeline, text, antecedent, description, joined):
    result = coref_pipeline.process(text)
    first = _entity_of(result, antecedent)
    if first is None:
        pytest.skip("the entity named first was not read as one")
    later = _entity_of(result, description, text.count(description) - 1)
    assert (later is not None and later.id == first.id) is joined


def test_references_descriptions_two_in_view(coref_pipeline):
    # two entities with the noun in view: no way to tell, left alone
    text = ("The U.N. Security Council and the Gondor National Council met on Monday. "
            "The council condemned the attack.")
    result = coref_pipeline.process(text)
    assert _entity_of(result, "council", text.count("council") - 1) is None
