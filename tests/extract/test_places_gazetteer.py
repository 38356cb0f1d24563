"""The offline gazetteer and the disambiguation cascade, without spaCy."""

from __future__ import annotations

import pytest

from diurna.extract.geo import gazetteer
from diurna.extract.geo.candidates import PlaceMention
from diurna.extract.geo.disambiguate import resolve


@pytest.fixture(scope="module")
def gaz() -> gazetteer.Gazetteer:
    return gazetteer.load()


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("the Gambia", "Gambia", True),
        ("Côte d’Ivoire", "cote d'ivoire", True),
        ("New  York", "new york", True),
        ("US", "us", False),  # short capitals keep their case: the pronoun is no country
        ("ACT", "Act", False),
    ],
)
def test_gazetteer_name_key(a: str, b: str, same: bool) -> None:
    assert (gazetteer.name_key(a) == gazetteer.name_key(b)) is same


@pytest.mark.parametrize(
    ("name", "feature", "country"),
    [
        ("U.S.", "country", "USA"),
        ("DRC", "country", "COD"),
        ("Burma", "country", "MMR"),
        ("Donbas", "region", "UKR"),
        ("Horn of Africa", "region", None),
        ("South China Sea", "sea", None),
        ("Balkans", "region", None),
        ("Red Sea", "sea", None),
        ("Calif.", "admin1", "USA"),
        ("Africa", "continent", None),
        ("Laurel County", "county", "USA"),
        ("Kyiv", "city", "UKR"),
    ],
)
def test_gazetteer_knows(gaz: gazetteer.Gazetteer, name: str, feature: str, country: str | None) -> None:
    assert any(c.feature == feature and c.country == country and not c.alternate for c in gaz.lookup(name))


@pytest.mark.parametrize("name", ["Arnor", "Gondor", "Minas Tirith", "Act", ""])
def test_gazetteer_unknown_names(gaz: gazetteer.Gazetteer, name: str) -> None:
    assert gaz.lookup(name) == ()


def test_gazetteer_pronoun_is_no_country(gaz: gazetteer.Gazetteer) -> None:
    assert not [c for c in gaz.lookup("us") if c.feature == "country"]
    assert [c.country for c in gaz.lookup("US") if c.feature == "country"] == ["USA"]


def test_gazetteer_country_codes_are_alpha3(gaz: gazetteer.Gazetteer) -> None:
    for name in ("France", "Nigeria", "Taiwan", "Palestine", "Kosovo", "Paris", "Lagos"):
        for c in gaz.lookup(name):
            assert c.country is None or (len(c.country) == 3 and c.country.isupper())


def test_gazetteer_alternate_names_match_as_alternates(gaz: gazetteer.Gazetteer) -> None:
    (kiev,) = [c for c in gaz.lookup("Kiev") if c.country == "UKR"]
    assert kiev.name == "Kyiv" and kiev.alternate


def test_gazetteer_distance() -> None:
    # Nairobi to Mombasa is about 440 km as the crow flies
    assert gazetteer.distance_km(-1.2864, 36.8172, -4.0435, 39.6682) == pytest.approx(440, abs=15)


def _mention(text: str, start: int, qualifier: str | None = None, admin_word: str | None = None) -> PlaceMention:
    return PlaceMention(start, start + len(text), text, "test", 0, 1, qualifier, admin_word)


@pytest.mark.parametrize(
    ("mentions", "dateline", "expected"),
    [
        ([_mention("Paris", 0)], None, [("FRA", "prior")]),
        ([_mention("Paris", 0, qualifier="Texas")], None, [("USA", "qualifier")]),
        ([_mention("Paris", 0, qualifier="Tex.")], None, [("USA", "qualifier")]),
        ([_mention("Paris", 0), _mention("Paris", 30, qualifier="Texas")], None, [("USA", "qualifier")] * 2),
        ([_mention("Georgia", 0), _mention("Atlanta", 20), _mention("Macon", 40)], None,
         [("USA", "focus"), ("USA", "prior"), ("USA", "prior")]),
        ([_mention("Dublin", 0)], "COLUMBUS, Ohio", [("USA", "focus")]),
        ([_mention("Arnor", 0)], None, [(None, "unresolved")]),
    ],
)
def test_disambiguate_cascade(gaz: gazetteer.Gazetteer, mentions: list, dateline: str | None, expected: list) -> None:
    got = resolve(mentions, gaz, dateline)
    assert [(r.candidate.country if r.candidate else None, r.how) for r in got] == expected


def test_disambiguate_actor_countries_are_focus(gaz: gazetteer.Gazetteer) -> None:
    (alone,) = resolve([_mention("Alexandria", 0)], gaz)
    (with_actor,) = resolve([_mention("Alexandria", 0)], gaz, actor_countries=["USA", "USA"])
    assert alone.candidate.country == "EGY" and with_actor.candidate.country == "USA"
