"""Phoenix knowledge shipped in the package (knowledge/phoenix): read lazily, behind
ours, dated roles trusted only until the horizon. Fictional actors where a record is
built by hand."""

from __future__ import annotations

import pytest

from diurna.knowledge.actor_records import Actor, Office
from diurna.knowledge.gazetteer import code_on, fold, load_gazetteer, words
from diurna.knowledge.phoenix import HORIZON, SOURCE, _rows, load_phoenix, phoenix_names


def test_phoenix_match_keys_are_the_gazetteers():
    for cells in _rows():
        names = [cells[1], *(cells[2].split("|") if cells[2] else ())]
        assert cells[5].split("|") == [" ".join(fold(w) for w in words(n)) for n in names], cells[1]


def test_phoenix_actors_have_a_country_and_codes():
    actors = load_phoenix()
    assert len(actors) > 20_000
    assert all(a.offices and a.source == SOURCE for a in actors)
    assert sum(a.country is None for a in actors) < 0.001 * len(actors)  # "[IGOUNO 970101-061231] [ELI]"
    assert all(o.end is not None for a in actors for o in a.offices if o.start)  # open-ended: capped at HORIZON


def test_phoenix_index_makes_actors_on_demand():
    px = phoenix_names()
    assert len(px.keys) > 20_000 and px.max_len <= 8
    key = next(iter(px.keys))
    assert px.actors(key) and px.actors(key) == px.actors(key)
    assert px.actors(("no", "such", "name", "anywhere")) == ()


@pytest.mark.parametrize("name, source", [
    ("Emmanuel Macron", "knowledge/actors.yaml"),  # ours wins
    ("Hamid Karzai", SOURCE),  # Phoenix's, for a name we do not know
])
def test_phoenix_behind_ours(name, source):
    (actor,) = load_gazetteer(phoenix=True).actor_for(name)
    assert actor.source == source


@pytest.mark.parametrize("text", ["The European Union", "European Union", "the United States"])
def test_phoenix_never_shadows_our_countries_and_igos(text):
    with_px, without = load_gazetteer(phoenix=True), load_gazetteer()
    assert [(m.text, m.terms) for m in with_px.find(text)] == [(m.text, m.terms) for m in without.find(text)]


def test_phoenix_off_knows_nothing_of_it():
    assert load_gazetteer().actor_for("Hamid Karzai") == ()


FICTIONAL = Actor("Oren Valdt", "ARN", "PERSON", (
    Office(None, "GOV", "2009-01-01", HORIZON, "ARNGOV"), Office(None, "ELI", "1990-01-01", "2009-01-01", "ARNELI"),
), source=SOURCE)


@pytest.mark.parametrize("date, named, code, country", [
    ("2012-05-01", None, "ARNGOV", "ARN"),  # within Phoenix's time: its dated code
    ("2000-05-01", None, "ARNELI", "ARN"),
    ("2024-05-01", {"ARN"}, "ARN", "ARN"),  # after the horizon: the country the document names, no role
    ("2024-05-01", {"GON"}, None, None),  # ... and nothing when it does not name it (a namesake?)
    (None, None, "ARN", "ARN"),  # no date: the country, no role (a domestic story seldom names its own)
    (None, {"GON"}, "ARN", "ARN"),
])
def test_phoenix_roles_end_at_the_horizon(date, named, code, country):
    offices = tuple(sorted(FICTIONAL.offices, key=lambda o: o.start or ""))
    dated = code_on(Actor(**{**{f: getattr(FICTIONAL, f) for f in FICTIONAL.__slots__}, "offices": offices}),
                    date, named)
    assert (dated.code, dated.country) == (code, country)


def test_phoenix_people_are_found_by_whole_names_only():
    gaz = load_gazetteer(phoenix=True)
    assert gaz.actor_for("Hamid Karzai")  # the NER's whole name
    assert not any(t.kind == "actor" for m in gaz.find("Hamid Karzai spoke.") for t in m.terms)  # never in text
