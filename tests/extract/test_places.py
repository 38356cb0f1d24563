"""Places: mentions from NER and the gazetteer, geocoded offline, with offsets."""

from __future__ import annotations

import pytest

from diurna import Pipeline
from diurna.extract.places import focus_countries, place_at
from diurna.knowledge.gazetteer import load_gazetteer
from diurna.model import Entity, Mention, Place


@pytest.fixture(scope="module")
def places_pipeline(pipeline_of) -> Pipeline:
    return pipeline_of(extractors=("entities", "places"))


def places(pipeline: Pipeline, text: str) -> tuple[Place, ...]:
    result = pipeline.process(text)
    for p in result.facts.places:
        assert result.document.text[p.start : p.end] == p.text
        assert p.rule and p.rule.startswith("diurna.places.v1:")
    return result.facts.places


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks between the two delegations were held in Nairobi on Monday.", [("Nairobi", "KEN", "city")]),
        ("Tankers slowed as they crossed the Strait of Hormuz on Tuesday.", [("Strait of Hormuz", None, "strait")]),
        ("Aid convoys were stopped at the edge of the Gaza Strip and in the West Bank.",
         [("Gaza Strip", "PSE", "region"), ("West Bank", "PSE", "region")]),
        ("Drought has spread across the Sahel this year, the agency said.", [("Sahel", None, "region")]),
        ("Flooding forced thousands from their homes in Kenya last week.", [("Kenya", "KEN", "country")]),
        ("The storm moved north from Florida into Georgia on Sunday, after hitting Alabama.",
         [("Florida", "USA", "admin1"), ("Georgia", "USA", "admin1"), ("Alabama", "USA", "admin1")]),
        ("Troops massed near the border between Georgia and Russia in the Caucasus.",
         [("Georgia", "GEO", "country"), ("Russia", "RUS", "country"), ("Caucasus", None, "region")]),
        ("The council of Paris, Texas, voted to close the old depot.", [("Paris", "USA", "city"), ("Texas", "USA", "admin1")]),
        # negative cases: demonyms, metonyms, fictional places, no places at all
        ("Kenyan officials and Ugandan diplomats met on Tuesday.", []),
        ("Paris urged both sides to return to the table.", []),
        ("Officials in Arnor said the harvest in Gondor had failed.", []),
        ("The committee will publish its report in March.", []),
    ],
)
def test_places_found_and_geocoded(places_pipeline: Pipeline, text: str, expected: list) -> None:
    got = [(p.text, p.country, p.feature) for p in places(places_pipeline, text) if p.lat is not None]
    assert got == expected


def test_places_coordinates_are_plausible(places_pipeline: Pipeline) -> None:
    (nairobi,) = places(places_pipeline, "Talks between the two delegations were held in Nairobi on Monday.")
    assert nairobi.lat == pytest.approx(-1.28, abs=0.2) and nairobi.lon == pytest.approx(36.82, abs=0.2)


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # the document's focus decides between namesakes
        ("Police in Dublin said the suspect had driven across Ohio from Columbus.", "Dublin", "USA"),
        ("Police in Dublin said the suspect had flown in from Cork, in Ireland.", "Dublin", "IRL"),
    ],
)
def test_places_focus_picks_namesake(places_pipeline: Pipeline, text: str, name: str, country: str) -> None:
    first = next(p for p in places(places_pipeline, text) if p.text == name)
    assert first.country == country


def test_places_admin_word_and_metonym_kept_apart(places_pipeline: Pipeline) -> None:
    got = places(places_pipeline, "Shelling hit villages in the Kharkiv region overnight, while Kyiv said talks would go on.")
    assert [(p.text, p.country) for p in got] == [("Kharkiv", "UKR")]


def _place(start: int, end: int, feature: str, lat: float | None = 1.0) -> Place:
    return Place(text="x" * (end - start), start=start, end=end, name="x", lat=lat, lon=lat, feature=feature)


@pytest.mark.parametrize(
    ("places_", "span", "expected"),
    [
        ((_place(10, 15, "country"), _place(20, 25, "city")), (0, 30), 1),  # the finer place wins
        ((_place(10, 15, "city"), _place(20, 25, "city")), (0, 30), 0),  # ties: the earlier one
        ((_place(10, 15, "city"), _place(40, 45, "city")), (30, 50), 1),  # only places inside the span
        ((_place(10, 15, "city", lat=None),), (0, 30), None),  # a place we cannot map is no location
        ((_place(10, 15, "city"),), (20, 30), None),
        ((), (0, 30), None),
    ],
)
def test_places_place_at(places_: tuple[Place, ...], span: tuple[int, int], expected: int | None) -> None:
    got = place_at(places_, *span)
    assert got is (None if expected is None else places_[expected])


def _entity(name: str, etype: str, country: str, rule: str, labels: tuple[str, ...] = ("ner",),
            country_from: str | None = None) -> Entity:
    mentions = tuple(Mention(n * 10, n * 10 + len(name), name, label) for n, label in enumerate(labels))
    return Entity(id=name, name=name, type=etype, mentions=mentions, country=country,  # type: ignore[arg-type]
                  rule=f"diurna.entities.v2:{rule}", country_from=country_from)  # type: ignore[arg-type]


@pytest.mark.parametrize("entities,focus", [
    # named actors vote for their country
    ([_entity("Ukrainian officials", "GROUP", "UKR", "nominal"), _entity("Barack Obama", "PERSON", "USA", "dictionary")],
     ["UKR", "USA"]),
    # an actor with one named mention votes even when other mentions were implied
    ([_entity("police", "GROUP", "KEN", "nominal", ("nominal", "bare:role"))], ["KEN"]),
    # negative cases: places, implied countries ("officials said"), institutions
    ([_entity("Kenya", "PLACE", "KEN", "gazetteer")], []),
    ([_entity("officials", "GROUP", "KEN", "nominal", ("bare:role", "bare:role"))], []),
    ([_entity("White House", "ORG", "USA", "institution")], []),
    # an actor known only from Phoenix does not vote; one of ours does
    ([_entity("Tigers", "ORG", "SWZ", "dictionary")], []),
    # a guessed country (the sentence's or the story's, read from the places) does not vote
    ([_entity("Ann Doe", "PERSON", "GEO", "ner", country_from="story")], []),
    ([_entity("Ann Doe", "PERSON", "KEN", "ner", country_from="sentence")], []),
    ([_entity("Ann Doe", "PERSON", "KEN", "ner", country_from=None)], ["KEN"]),
])
def test_places_focus_countries(entities: list[Entity], focus: list[str]) -> None:
    actors = load_gazetteer((), False, True)
    assert sorted(focus_countries(tuple(entities), actors)) == sorted(focus)
