"""A person's country from the text around the name (appositions with a role and its
tail, titles with adjectives) and, for officials the text gives none, from the story;
bare state bodies ("Parliament") of the story's country. Our own sentences, fictional
people."""

from __future__ import annotations

import pytest

from diurna import Pipeline
from diurna.extract import implicit as I


@pytest.fixture(scope="module")
def entities_pipeline(pipeline_of) -> Pipeline:
    return pipeline_of(extractors=["entities"], person_countries=True)


@pytest.fixture(scope="module")
def default_pipeline(pipeline_of) -> Pipeline:
    return pipeline_of(extractors=["entities"])


@pytest.fixture(scope="module")
def story_pipeline(pipeline_of) -> Pipeline:
    return pipeline_of(extractors=["entities"], person_countries=True, story_people=True)


@pytest.mark.parametrize(("text", "needle", "country", "country_from"), [
    # the role's tail names the body or place the person belongs to
    ("Tomas Verdel, director general of the Chilean navy's press office, said the ship sailed.",
     "Tomas Verdel", "CHL", None),
    ("Maria Santos, spokeswoman for the Portuguese navy, said the ship sailed.", "Maria Santos", "PRT", None),
    ("Rafe Ortolan, Peru's secretary of state for communication, told reporters the vote was fair.",
     "Rafe Ortolan", "PER", None),
    # an academic's workplace is not the country they speak for
    ("Lina Moss, a professor at a university in Nairobi, said prices rose.", "Lina Moss", None, None),
    ("John Mensah, Ghana's ambassador to Kenya, said talks went well.", "John Mensah", "GHA", None),
    # "to": the country an envoy is sent to is not the envoy's
    ("John Mensah, ambassador to Kenya, said Togo agreed.", "John Mensah", None, None),
    # an adjective inside a title: the country before it still counts
    ("Chile's presidential spokesman Ivo Marrak said the plan was ready.", "Ivo Marrak", "CHL", None),
    # a clause after the comma is no apposition
    ("Ivo Marrak, who spoke in Peru, said the plan was ready.", "Ivo Marrak", None, None),
])
def test_entities_person_country_apposition(entities_pipeline, entity_at, text, needle, country, country_from):
    ent = entity_at(entities_pipeline.process(text), needle)
    assert ent is not None and ent.type == "PERSON"
    assert (ent.country, ent.country_from) == (country, country_from)


STORY = ("Ghana's cabinet met on Monday. Ghana's economy grew. Ghana's farmers were glad. "
         "The talks touched on Togo and Mali. ")


@pytest.mark.parametrize(("text", "needle", "country", "country_from"), [
    # an official with no country named takes the story's, marked as a guess
    (STORY + "Kofi Arben, minister of environment and tourism, told Parliament that revenue rose.",
     "Kofi Arben", "GHA", "story"),
    (STORY + "Kofi Arben, minister of environment and tourism, told Parliament that revenue rose.",
     "Parliament", "GHA", "story"),
    # a named body is no bare one; a person with no role is left alone
    (STORY + "Kofi Arben said the Kwame Hall University Council would meet.", "Kofi Arben", None, None),
    # the text's own country is no guess
    (STORY + "Kofi Arben, Togo's minister of environment, told reporters that revenue rose.",
     "Kofi Arben", "TGO", None),
])
def test_entities_person_country_story(entities_pipeline, entity_at, text, needle, country, country_from):
    ent = entity_at(entities_pipeline.process(text), needle)
    assert ent is not None
    assert (ent.country, ent.country_from) == (country, country_from)


@pytest.mark.parametrize(("text", "needle", "country", "country_from"), [
    # the settings off: a bare state body keeps no country
    (STORY + "Kofi Arben told Parliament that revenue rose.", "Parliament", None, None),
    # the settings off: no apposition tail, no official's story country
    ("Tomas Verdel, director general of the Chilean navy's press office, said the ship sailed.",
     "Tomas Verdel", None, None),
    (STORY + "Kofi Arben, minister of environment and tourism, told Parliament that revenue rose.",
     "Kofi Arben", None, None),
])
def test_entities_person_country_default(default_pipeline, entity_at, text, needle, country, country_from):
    ent = entity_at(default_pipeline.process(text), needle)
    assert ent is not None
    assert (ent.country, ent.country_from) == (country, country_from)


@pytest.mark.parametrize(("text", "needle", "country"), [
    # a named person with no role in a story about one country
    (STORY + "Kofi Arben said the harvest was poor.", "Kofi Arben", "GHA"),
    # a story about two countries alike: no guess
    ("Ghana and Togo met. Ghana and Togo signed. Ghana and Togo agreed. Kofi Arben said the harvest was poor.",
     "Kofi Arben", None),
    # a person of a body that works abroad keeps none
    (STORY + "Reuters reporter Kofi Arben said the harvest was poor.", "Kofi Arben", None),
])
def test_entities_person_country_story_people(story_pipeline, entity_at, text, needle, country):
    ent = entity_at(story_pipeline.process(text), needle)
    assert ent is not None and ent.type == "PERSON"
    assert ent.country == country and ent.country_from == ("story" if country else None)


@pytest.mark.parametrize(("weights", "main"), [
    ((("GHA", 9), ("TGO", 3)), "GHA"),
    ((("GHA", 9),), "GHA"),
    ((("GHA", 9), ("TGO", 7)), None),  # two countries weigh alike: the story is about both
    ((), None),
])
def test_implicit_main_country(weights, main):
    assert I.main_country(weights) == main


INTERVIEW = ("VOA spoke with John Mensah about his trip. "
             "VOA: During your visit to Ghana, you met the president. What did you discuss? "
             "John Mensah, former Kenyan trade minister: We discussed trade. ")


@pytest.mark.parametrize(("text", "needle", "person"), [
    # in an interviewer's question "you" is the person who answers next
    (INTERVIEW, "your visit", "John Mensah"),
    (INTERVIEW, "you met", "John Mensah"),
    # no answer label follows: "you" stays no one's
    ("VOA: During your visit to Ghana, you met the president. What did you discuss?", "you met", None),
    # a "you" outside a question is no interviewee
    (INTERVIEW + "Mensah said: you cannot stop trade.", "you cannot", None),
])
def test_entities_person_interview_you(default_pipeline, text, needle, person):
    i = text.find(needle)
    found = [e.name for e in default_pipeline.process(text).facts.entities
             if any(m.start == i and m.label == "coref:interview" for m in e.mentions)]
    assert found == ([person] if person else [])


@pytest.mark.parametrize(("text", "needle", "country", "country_from"), [
    # a nationality word before a noun that is no role still says whose the person is
    (STORY + "British politician Arthur Penwell mocked the plan on Twitter.", "Arthur Penwell", "GBR", None),
    # ... but not across a verb: the court is Ghana's, the man only stands trial there
    (STORY + "The Ghanaian court sentenced Arthur Penwell on Monday.", "Arthur Penwell", "GHA", "story"),
    # a country word with no noun between it and the name is read as before
    (STORY + "Togolese Arthur Penwell mocked the plan.", "Arthur Penwell", "TGO", None),
])
def test_entities_person_country_nationality_noun(story_pipeline, entity_at, text, needle, country, country_from):
    ent = entity_at(story_pipeline.process(text), needle)
    assert ent is not None and ent.type == "PERSON"
    assert (ent.country, ent.country_from) == (country, country_from)


@pytest.mark.parametrize(("text", "country", "joined"), [
    # a later role nominal with a country names the person the text gave none: it replaces
    # the story's guess
    (STORY + '"We reject the claims," foreign ministry spokesperson Abdul Marat said. '
             '"Ghana must act," the Togolese foreign ministry spokesperson said.', "TGO", True),
    # a country compounded with the body ("the Togo foreign ministry spokesperson") as well
    (STORY + '"We reject the claims," foreign ministry spokesperson Abdul Marat said. '
             '"Ghana must act," the Togo foreign ministry spokesperson said.', "TGO", True),
    # a person whose country the text states is not taken over by another country's nominal
    (STORY + '"We reject the claims," Ghanaian foreign ministry spokesperson Abdul Marat said. '
             '"Ghana must act," the Togolese foreign ministry spokesperson said.', "GHA", False),
    # no nominal: the guess stays
    (STORY + '"We reject the claims," foreign ministry spokesperson Abdul Marat said.', "GHA", False),
])
def test_entities_person_country_from_later_nominal(entities_pipeline, entity_at, text, country, joined):
    ent = entity_at(entities_pipeline.process(text), "Abdul Marat")
    assert ent is not None and ent.country == country
    assert any(m.label == "coref:role" for m in ent.mentions) is joined


@pytest.mark.parametrize(("text", "country"), [
    # a nameless group is of the country whose land it is said to be on or in
    ("Ghana blamed several recent attacks on militants present on Togolese soil.", "TGO"),
    ("Ghana blamed several recent attacks on militants present in Togo.", "TGO"),
    ("Ghana blamed several recent attacks on militants based in Togo.", "TGO"),
    # a nationality word that is not followed by a land noun says nothing of the group
    ("Ghana blamed several recent attacks on militants with Togolese passports.", None),
])
def test_entities_person_country_group_on_territory(default_pipeline, entity_at, text, country):
    ent = entity_at(default_pipeline.process(text), "militants")
    assert ent is not None and ent.country == country


@pytest.mark.parametrize(("text", "needle", "etype", "role"), [
    # a country word compounded with a body, then a generic head: the body's spokesperson
    ('"Ghana must act," the Togo foreign ministry spokesperson said.', "Togo foreign", "PERSON", "Spokesperson"),
    # a head that is no generic person noun leaves the body as it was read
    ("Protesters gathered at the Togo foreign ministry building.", "Togo foreign", "ORG", "Ministry"),
])
def test_entities_person_country_body_spokesperson(default_pipeline, entity_at, text, needle, etype, role):
    ent = entity_at(default_pipeline.process(text), needle)
    assert ent is not None and (ent.type, ent.country, ent.role) == (etype, "TGO", role)
