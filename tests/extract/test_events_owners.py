"""Events: a thing aimed at stands for its owner; an act ("the withdrawal of French
troops") stands for the body that does it, named in its "of" phrase; an act of people
who are no body ("the release of the hostages") or a thing's "of" phrase that names no
body keeps the phrase as it was."""

from __future__ import annotations

import pytest

from diurna import Pipeline


def _targets(pipeline: Pipeline, text: str, root: str) -> set[tuple[str, str | None]]:
    events = [e for e in pipeline.process(text, published="2026-03-04").facts.events if e.root_code == root]
    return {(e.target.text, e.target.country) for e in events if e.target is not None}


@pytest.mark.parametrize(
    ("text", "root", "target"),
    [
        ("Mali's president praised the withdrawal of French troops from the country.", "05",
         ("French troops", "FRA")),
        ("Kenya's opposition condemned the deployment of Ugandan forces in the region.", "11",
         ("Ugandan forces", "UGA")),
    ],
)
def test_events_owners_a_body_stands_for_its_act(pipeline: Pipeline, text: str, root: str,
                                                 target: tuple[str, str]) -> None:
    assert target in _targets(pipeline, text, root)


def test_events_owners_people_are_no_body(pipeline: Pipeline) -> None:
    found = _targets(pipeline, "Mali's president praised the release of the hostages on Tuesday.", "05")
    assert found and all(text != "hostages" for text, _ in found)


@pytest.mark.parametrize(
    ("text", "root", "target"),
    [
        # the name that heads the phrase, not its possessor's
        ("Egypt signed an agreement with Turkey's rival Greece on Tuesday.", "05", "GRC"),
        # a phrase headed by a common noun keeps its possessor's country
        ("Egypt signed an agreement with Turkey's government on Tuesday.", "05", "TUR"),
    ],
)
def test_events_owners_the_head_name_wins(pipeline: Pipeline, text: str, root: str, target: str) -> None:
    assert target in {country for _, country in _targets(pipeline, text, root)}
