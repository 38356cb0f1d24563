"""Actors with an implicit country: bare role words ("the ministry", "rebels",
"police") take the country of their place or sentence, else the story's; named
institutions and metonyms ("the Kremlin") carry their own."""

from __future__ import annotations

import pytest

from diurna import Pipeline


@pytest.fixture(scope="module")
def entities_pipeline(pipeline_of) -> Pipeline:
    return pipeline_of(extractors=["entities"])


@pytest.mark.parametrize(("text", "needle", "code"), [
    ("Kenya's economy grew fast. The ministry said growth in Kenya would slow.", "ministry", "KENGOV"),
    ("Rebels attacked a village in Mali on Sunday.", "Rebels", "MLIREB"),
    ("Tanzania held a vote. Police arrested two protesters near the polls in Tanzania.", "Police", "TZACOP"),
    ("Tanzania held a vote. Police arrested two protesters near the polls in Tanzania.", "protesters", "TZAOPP"),
    ("The government of Chad sent aid to the region.", "government", "TCDGOV"),
    ("Peru's vote was calm. A spokeswoman said turnout in Peru was high.", "spokeswoman", "PERGOV"),
    ("The Kremlin said talks with Ukraine would go on.", "Kremlin", "RUSGOV"),
    ("Pentagon officials said the drill was over.", "Pentagon", "USAMIL"),
    ("The Justice Department charged the two men.", "Justice Department", "USAJUD"),
    ("Xinhua reported the visit.", "Xinhua", "CHNMED"),
    ("Tanzanian police arrested two men.", "police", "TZACOP"),
    # offices and bodies of a state named bare (roles.yaml `bare`), and named ones (institutions.yaml)
    ("Ghana cut taxes on Monday in Ghana. The home secretary said the cut would help.", "home secretary", "GHAGOV"),
    ("Peru's election was calm. Ministers said turnout in Peru was high.", "Ministers", "PERGOV"),
    ("Chile held a vote in Chile. The select committee said the rules were weak.", "select committee", "CHLLEG"),
    ("The House of Commons voted against the bill.", "House of Commons", "GBRLEG"),
    ("Defra said the ban would stay.", "Defra", "GBRGOV"),
    ("If you remember, our secretary of state said Korea was safe. Taiwan is in Taiwan.", "secretary", None),
    # nothing to code
    ("Ghana's leaders met at the White House.", "White House", None),
    ("Ghana opened a new police station on Monday.", "police", None),
    ("Troops in Rafah opened fire on Monday.", "Troops", None),  # troops "in" a place may be abroad
    ("Police fired on the crowd, officials in Accra said.", "Police", None),  # one mention makes no story
    ("The weather was calm and officials were not needed.", "weather", None),
])
def test_implicit_actors_country(entities_pipeline, entity_at, text, needle, code):
    ent = entity_at(entities_pipeline.process(text), needle)
    assert (ent.actor_code if ent else None) == code


def test_implicit_actors_story_country_wins_without_a_sentence_country(entities_pipeline, entity_at):
    text = ("Nigeria's army said on Monday it had freed 30 hostages in Nigeria. "
            "Soldiers also seized weapons, the army said. Officials gave no more details.")
    result = entities_pipeline.process(text)
    assert entity_at(result, "Soldiers").actor_code == "NGAMIL"
    assert entity_at(result, "Officials").actor_code == "NGAGOV"


def test_implicit_actors_title_sets_the_story_country(entities_pipeline, entity_at):
    result = entities_pipeline.process("Police detained three men after the march.", title="Protest in Bolivia")
    assert entity_at(result, "Police").actor_code == "BOLCOP"
