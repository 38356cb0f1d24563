"""Events: a thing or unnamed people attacked, besieged or protested against (a hotel, a
train, villages, hostages) stand for the civilians of where the act happens: the place
its own locative phrase names (the nearest one, never a landmark "near the X border"),
else the story's country; only for force, protest and coercion, and only when someone
does the act (setting place_targets, off by default)."""

from __future__ import annotations

import pytest

from diurna import Pipeline

# a story about Kenya: the country is named twice before the act
KENYA = ("Kenya's government said on Monday that the vote would go ahead. Kenyan officials expect a large "
         "turnout in the capital. ")


@pytest.fixture(scope="module")
def placed(with_settings) -> Pipeline:
    # each coordinated target an event of its own (coordinated_acts off), to see each one's place
    return with_settings(place_targets=True, coordinated_acts=False)


def _targets(pipeline: Pipeline, text: str, root: str) -> list[tuple[str, str | None]]:
    events = [e for e in pipeline.process(text, published="2026-03-04").facts.events if e.root_code == root]
    return [(e.target.text, e.target.country) for e in events if e.target is not None]


@pytest.mark.parametrize(
    ("text", "root", "target", "country"),
    [
        # the country word of the place's own phrase, when the town is unknown
        (KENYA + "Gunmen stormed a hotel in the Somali town of Dolbarrow on Tuesday.", "19", "hotel", "SOM"),
        # a place named as the modifier of a region ("in Mali's Kidal region")
        (KENYA + "Militants attacked a convoy in Mali's northern Kidal region, taking many hostages.", "18",
         "Mali", "MLI"),
        # the nearest place, not the landmark beside it
        (KENYA + "Rebels attacked ten villages in northern Kenya, near the Somali border.", "19",
         "ten villages", "KEN"),
        # no place: the story's country, for what the act is done to directly
        (KENYA + "Gunmen stormed a hotel on Tuesday.", "19", "hotel", "KEN"),
        (KENYA + "Prosecutors ordered the arrest of Halbarad Dunadan and his aides.", "17",
         "his aides", "KEN"),
    ],
)
def test_events_thing_targets_take_the_place(placed: Pipeline, text: str, root: str, target: str,
                                             country: str) -> None:
    assert (target, country) in _targets(placed, text, root)


@pytest.mark.parametrize(
    ("text", "root", "target"),
    [
        # not an act of force, protest or coercion: a thing praised is no civilian
        (KENYA + "The minister praised the new hotel on Tuesday.", "05", "new hotel"),
        # a place an act is aimed into is not what it is done to
        (KENYA + "North Korea fired two missiles into the sea on Tuesday.", "19", "sea"),
        # one sentence names no story country and no place
        ("Gunmen stormed a hotel on Tuesday.", "19", "hotel"),
    ],
)
def test_events_thing_targets_left_alone(placed: Pipeline, text: str, root: str, target: str) -> None:
    found = [c for t, c in _targets(placed, text, root) if t == target]
    assert found and all(c is None for c in found)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a country named as the possessor of a region is where the act happens
        (KENYA + "Militants attacked a convoy in Mali's Kidal region on Sunday.", "Mali"),
        # not the possessor of a building: the town it stands in
        (KENYA + "Hundreds of people protested in front of Mali's embassy in Nairobi.", "Nairobi"),
    ],
)
def test_events_thing_targets_place_of_a_region(placed: Pipeline, text: str, place: str) -> None:
    events = placed.process(text, published="2026-03-04").facts.events
    assert [e.location.name for e in events if e.root_code in ("14", "19") and e.location] == [place]


def test_events_thing_targets_off_by_default(pipeline: Pipeline) -> None:
    assert ("hotel", None) in _targets(pipeline, KENYA + "Gunmen stormed a hotel on Tuesday.", "19")
