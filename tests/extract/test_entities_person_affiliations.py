"""Setting person_affiliations: person_countries' reading of the words around a name
(a title's adjective, an apposition's tail) without its story guesses. Our own
sentences, fictional people."""

from __future__ import annotations

import pytest

from diurna import Pipeline

STORY = ("Ghana's cabinet met on Monday. Ghana's economy grew. Ghana's farmers were glad. "
         "The talks touched on Togo and Mali. ")


@pytest.fixture(scope="module")
def affiliations_pipeline(pipeline_of) -> Pipeline:
    return pipeline_of(extractors=["entities"], person_affiliations=True)


@pytest.mark.parametrize(("text", "needle", "country", "country_from"), [
    # the apposition's tail names the body the person belongs to
    ("Tomas Verdel, director general of the Chilean navy's press office, said the ship sailed.",
     "Tomas Verdel", "CHL", None),
    ("Rafe Ortolan, Peru's secretary of state for communication, told reporters the vote was fair.",
     "Rafe Ortolan", "PER", None),
    # no guess: an official the text gives no country keeps none, so does a bare body
    (STORY + "Kofi Arben, minister of environment and tourism, told Parliament that revenue rose.",
     "Kofi Arben", None, None),
    (STORY + "Kofi Arben, minister of environment and tourism, told Parliament that revenue rose.",
     "Parliament", None, None),
    # an academic's workplace is not the country they speak for
    ("Lina Moss, a professor at a university in Nairobi, said prices rose.", "Lina Moss", None, None),
])
def test_entities_person_affiliations_country(affiliations_pipeline, entity_at, text, needle, country, country_from):
    ent = entity_at(affiliations_pipeline.process(text), needle)
    assert ent is not None
    assert (ent.country, ent.country_from) == (country, country_from)
