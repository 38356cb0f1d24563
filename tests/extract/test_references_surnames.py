"""A person named in full, then by a surname the NER left untagged (setting full_coref,
extract/references.py `surnames_elsewhere`)."""

from __future__ import annotations

import pytest

from diurna import Pipeline, Settings

from .mentioned import entity_of as _entity_at


@pytest.fixture(scope="module")
def coref_pipeline(pipeline: Pipeline) -> Pipeline:
    return Pipeline(Settings.load(extractors=["entities"], full_coref=True), nlp=pipeline.nlp)


@pytest.mark.parametrize(("text", "needle", "nth", "name"), [
    ("Frantz Exelor, Gondor's secretary of state for communication, spoke on Monday. Exelor told "
     "reporters that the goal was to empty the prison.", "Exelor", 1, "Frantz Exelor"),
    ("Gondorian President Arvel Duthane spoke in Minas on Monday. Duthane personally welcomed the delegation.",
     "Duthane", 1, "Arvel Duthane"),
])
def test_references_surnames_join_the_person(coref_pipeline, text, needle, nth, name):
    ent = _entity_at(coref_pipeline.process(text), needle, nth)
    assert ent is not None and ent.name == name


@pytest.mark.parametrize(("text", "needle", "nth"), [
    # part of a longer name: a street, not the president
    ("Gondorian President Arvel Duthane spoke in Minas on Monday. Protesters later marched down Duthane "
     "Avenue.", "Duthane", 1),
])
def test_references_surnames_left_alone(coref_pipeline, text, needle, nth):
    ent = _entity_at(coref_pipeline.process(text), needle, nth)
    assert ent is None or ent.name != "Arvel Duthane"
