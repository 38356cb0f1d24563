"""Events: a country or capital standing for its government is no target of an act of
that state's own bodies or officials ("the government demanded that Beijing ...");
other actors of the country, and the state as the target of non-state actors or of
another state, stay targets (eventing/statehood.py own_state)."""

from __future__ import annotations

import pytest

from diurna import Pipeline


@pytest.mark.parametrize(
    ("text", "root", "country"),
    [
        ("The Chinese government demanded that Beijing pay the fishermen.", "10", "CHN"),
        ("The Kenyan government criticised Kenya on Monday.", "11", "KEN"),
    ],
)
def test_events_own_state_is_no_target(pipeline: Pipeline, events_of, side_countries, text: str, root: str,
                                       country: str) -> None:
    events = events_of(pipeline, text, root)
    assert events and country in side_countries(events, "source")
    assert country not in side_countries(events, "target")


@pytest.mark.parametrize(
    ("text", "root", "country"),
    [
        ("The Kenyan government accused Somalia of backing the rebels.", "11", "SOM"),  # another state
        ("Somali rebels accused Somalia of corruption.", "11", "SOM"),  # not the state's own body
        ("Kenyan police arrested opposition leaders in Nairobi.", "17", "KEN"),  # not the state itself
    ],
)
def test_events_own_state_other_targets_stay(pipeline: Pipeline, events_of, side_countries, text: str, root: str,
                                             country: str) -> None:
    assert country in side_countries(events_of(pipeline, text, root), "target")
