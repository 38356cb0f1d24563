"""Events (issue 16, session 8): senses added for the news gold's "no event of the right
root" misses, each with cases that must not fire. Fictional actors, our own sentences."""

from __future__ import annotations

import pytest

from diurna import Pipeline


@pytest.mark.parametrize(
    ("text", "code", "source", "target"),
    [
        # an aim with an act in it: "looking to" + an event (intent, 03x by the inner act)
        ("Gondor is looking to reset relations with Arnor.", "032", "Gondor", "Arnor"),
        ("Rohan had been looking to repair its strained ties with Gondor.", "032", "Rohan", "Gondor"),
        # "insist" over a subjunctive demands
        ("Gondor insisted that Arnor withdraw its troops from the border.", "106", "Gondor", "Arnor"),
        # a threat said with "could" as with "will"
        ("The Gondorian government hinted that it could retaliate with tariffs on Arnorian cars.", "138",
         "Gondorian government", None),
        ("The Gondorian government said it would retaliate against Arnor.", "138", "Gondorian government", None),
    ],
)
def test_events_roots_code_and_dyad(pipeline: Pipeline, dyads_of, has_dyad, text: str, code: str, source: str,
                                    target: str | None) -> None:
    found = dyads_of(pipeline, text)
    assert has_dyad(found, code, source, target), found


@pytest.mark.parametrize(
    ("text", "root"),
    [
        # "look" is an aim only with an infinitive and an act
        ("Gondor is looking into the incident at the border.", "03"),
        ("Arnor looks to Gondor for help with its debts.", "03"),
        ("Investors in Gondor are looking to buy shares in the railway.", "03"),
        # "insists it is committed" asserts: no demand
        ("Gondor insists it is committed to peace with Arnor.", "10"),
        ("Gondor insisted that the talks with Arnor were over.", "10"),
        # an act the speaker says it did is no threat
        ("The Gondorian government said it retaliated against Arnor last year.", "13"),
        ("The Gondorian government said it could not retaliate against Arnor.", "13"),
    ],
)
def test_events_roots_not_fired(pipeline: Pipeline, dyads_of, text: str, root: str) -> None:
    found = dyads_of(pipeline, text)
    assert not any(c.startswith(root) for c, _, _ in found), found


@pytest.mark.parametrize(
    ("text", "code", "source", "target"),
    [
        # sanctions named by their kind of measure
        ("China's punitive measures against Australia hurt its farmers.", "163", "China", "Australia"),
        # a fight against fighters is combat
        ("The fight against al-Shabab militants has forced many to flee.", "190", None, "al-Shabab militants"),
    ],
)
def test_events_roots_nouns(pipeline: Pipeline, dyads_of, has_dyad, text: str, code: str, source: str | None,
                            target: str | None) -> None:
    found = dyads_of(pipeline, text)
    assert has_dyad(found, code, source, target), found


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a trade war is no fighting; a fight against corruption is none either
        ("Germany fears the tariffs could spark a trade war with China.", "190"),
        ("The fight against corruption in Somalia has stalled.", "190"),
        # measures with no punitive word are no sanction
        ("The economic measures against inflation were debated in the Arnorian parliament.", "163"),
    ],
)
def test_events_roots_nouns_not_fired(pipeline: Pipeline, dyads_of, text: str, code: str) -> None:
    found = dyads_of(pipeline, text)
    assert not any(c == code for c, _, _ in found), found
