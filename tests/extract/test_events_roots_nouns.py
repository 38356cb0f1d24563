"""Events (issue 16, session 9): event nouns added for the news gold's "no event of the
right root" misses (support, tariff hikes, trade wars) and the arguments of event nouns,
each with cases that must not fire. Fictional actors, our own sentences."""

from __future__ import annotations

import pytest

from diurna import Pipeline


@pytest.mark.parametrize(
    ("text", "code", "source", "target"),
    [
        # backing given, with its giver ("from") or its beneficiary ("for")
        ("The measure passed with support from Gondor and Arnor.", "051", "Gondor", None),
        ("Rohan reaffirmed its support for Gondor's government.", "051", "Rohan", "Gondor"),
        # the giver of a source preposition before the possessor, who receives
        ("The agency's support from Arnor kept the camps open.", "051", "Arnor", "agency"),
        # military or financial backing is aid
        ("Gondor's military backing of the Arnorian government averted its defeat.", "072", "Gondor", None),
        ("Rohan depends on financial support from Gondor.", "071", "Gondor", None),
        # tariff measures named by a noun
        ("The vote comes after steep tariff hikes on Rohirric imports.", "163", None, "Rohirric"),
        ("Gondor is waging a tit-for-tat tariff fight with Arnor.", "163", "Gondor", "Arnor"),
        # a date's possessive dates the act: the agent phrase says who did it
        ("Tuesday's hijacking by Rohirric militants left six dead.", "181", "Rohirric militants", None),
    ],
)
def test_events_roots_nouns_code_and_sides(pipeline: Pipeline, dyads_of, has_dyad, text: str, code: str,
                                           source: str | None, target: str | None) -> None:
    found = dyads_of(pipeline, text)
    assert has_dyad(found, code, source, target), found


@pytest.mark.parametrize(
    ("text", "root"),
    [
        # support with neither giver nor beneficiary names no act
        ("Public support in Gondor is waning.", "05"),
        ("The bridge needs more support before winter.", "05"),
        # a tax rise at home, a price war: no trade measure
        ("Gondor announced a sales tax increase on Monday.", "16"),
        ("A price war between two Gondorian airlines cut fares.", "16"),
    ],
)
def test_events_roots_nouns_not_fired(pipeline: Pipeline, dyads_of, text: str, root: str) -> None:
    found = dyads_of(pipeline, text)
    assert not any(c.startswith(root) and (s or t) for c, s, t in found), found


@pytest.mark.parametrize(
    ("text", "code", "source", "target"),
    [
        # a negated reply to a request for comment, a negated comment: comment declined
        ("Gondor's foreign ministry did not immediately reply to an email requesting comment.", "011",
         "Gondor", None),
        ("The Arnorian embassy did not respond to requests for comment.", "011", "Arnorian embassy", None),
        ("Gondor's foreign minister did not comment on the report.", "011", "Gondor", None),
        # a sentence to prison is an imprisonment
        ("A Gondorian court sentenced the Arnorian publisher to six years in prison.", "173", "Gondorian court",
         "Arnorian"),
        # a meal together, a video call: a meeting
        ("Gondor's president had lunch with Arnor's foreign minister.", "040", "Gondor", "Arnor"),
        ("Gondor's president spoke by video link with Arnor's prime minister.", "041", "Gondor", None),
        # a ban on someone or something of theirs; an import ban is an embargo
        ("Gondor still has a ban in place on travel from Arnor.", "172", "Gondor", "Arnor"),
        ("Gondor's import ban on Arnorian beef hurt farmers.", "163", "Gondor", "Arnorian"),
        # controls or rules imposed on someone
        ("Gondor imposed onerous controls on Arnorian flights.", "172", "Gondor", "Arnorian"),
    ],
)
def test_events_roots_acts_code_and_sides(pipeline: Pipeline, dyads_of, has_dyad, text: str, code: str,
                                           source: str | None, target: str | None) -> None:
    found = dyads_of(pipeline, text)
    assert has_dyad(found, code, source, target), found


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a response by force is no statement; a reply given is no declined comment
        ("Gondor responded to the attack on its embassy with new tariffs.", "010"),
        ("Gondor's foreign ministry replied to a request for comment on Monday.", "011"),
        # a verdict with no sentence to prison stays a verdict
        ("A Gondorian court convicted the Arnorian publisher of fraud.", "173"),
        # a meal, a call with no meeting in it
        ("Gondor's president had lunch in the capital.", "040"),
        ("Gondor's president spoke to reporters after the video was released.", "041"),
        # a ban with no one or nothing banned; rules eased, not imposed
        ("Gondor's two-game ban ended on Sunday.", "172"),
        ("Gondor relaxed the rules on Arnorian visitors.", "172"),
    ],
)
def test_events_roots_acts_not_fired(pipeline: Pipeline, dyads_of, text: str, code: str) -> None:
    found = dyads_of(pipeline, text)
    assert not any(c == code for c, _, _ in found), found
