"""Events: an act of protest or force that names no target is aimed at the place it happens
in only when someone named does it or when it is a protest or a coercive act of the place's
own authorities; violence done by no one named ("the war in X", "fighting in X", "a clash
in X") says where it happens, not against whom (eventing/sides.py `_PLACE_ITSELF_ROOTS`)."""

from __future__ import annotations

import pytest

from diurna import Pipeline

# a story about Kenya: the country is named twice before the act
KENYA = ("Kenya's government said on Monday that the vote would go ahead. Kenyan officials expect a large "
         "turnout in the capital. ")


def _aimed(pipeline: Pipeline, text: str, root: str) -> list[tuple[str, str | None]]:
    events = pipeline.process(KENYA + text, published="2026-03-04").facts.events
    return [(e.target.text, e.target.country) for e in events
            if e.root_code == root and e.target is not None and e.evidence.start >= len(KENYA)]


@pytest.mark.parametrize(
    ("text", "root", "target"),
    [
        # a coercive act only the place's authorities do, and a protest: the place's people
        ("A terrorist cell was dismantled in Mombasa on Tuesday.", "17", ("Mombasa", "KEN")),
        ("Arrests were made in Mombasa on Tuesday.", "17", ("Mombasa", "KEN")),
        ("Protests erupted in Mombasa on Tuesday.", "14", ("Mombasa", "KEN")),
        # force by someone named: the place stands for whom it is done to, as before
        ("Somali troops fought in Kismayo on Tuesday.", "19", ("Kismayo", "SOM")),
    ],
)
def test_events_place_itself_aimed_at(pipeline: Pipeline, text: str, root: str,
                                      target: tuple[str, str]) -> None:
    assert target in _aimed(pipeline, text, root)


@pytest.mark.parametrize(
    ("text", "root"),
    [
        # violence done by no one named: where, not against whom
        ("Fighting in Somalia continued on Tuesday.", "19"),
        ("A clash in Mombasa left two people injured.", "19"),
        ("The war in Somalia has killed thousands.", "19"),
    ],
)
def test_events_place_itself_not_for_force_by_no_one(pipeline: Pipeline, text: str, root: str) -> None:
    assert _aimed(pipeline, text, root) == []
