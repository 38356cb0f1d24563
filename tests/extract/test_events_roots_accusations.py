"""Events (issue 16, session 10): accusations, charges, complaints and concern the news
gold codes that had no event of their root. Fictional actors, our own sentences; every
table has cases that must not fire."""

from __future__ import annotations

import pytest

from diurna import Pipeline


@pytest.mark.parametrize(
    ("text", "code", "source", "target"),
    [
        # "of" + gerund hung by the parser on the object, or on a phrase after it
        ("Gondor accuses the rebel group of killing villagers.", "112", "Gondor", "rebel group"),
        ("Rohan accused the Gondorian company, along with another firm, of trying to rig the vote.", "112",
         "Rohan", None),
        # facing criminal charges: accused of a crime by a prosecutor the sentence may not name
        ("Two Gondorian generals are facing corruption charges.", "1121", None, "Gondorian"),
        ("The Arnorian minister, who faces two charges of fraud, denied wrongdoing.", "1121", None,
         "Arnorian minister"),
        # complained of
        ("The Gondorian opposition complained of an uneven playing field.", "114", "Gondorian opposition", None),
        # expressed concern: disapproval (111; the guide's second code is 012)
        ("Arnor expressed concern about the arrests of journalists in Gondor.", "111", "Arnor", None),
    ],
)
def test_events_roots_accusations_fire(pipeline: Pipeline, dyads_of, has_dyad, text: str, code: str,
                                       source: str | None, target: str | None) -> None:
    found = dyads_of(pipeline, text)
    assert has_dyad(found, code, source, target), found


@pytest.mark.parametrize(
    ("text", "root"),
    [
        # the act an accusation alleges is no event of its own
        ("Gondor accuses the rebel group of killing villagers.", "18"),
        # "of" + a noun names whom it accuses, it alleges nothing
        ("Rohan accused the head of the agency.", "11"),
        # a gerund in a clause of its own is not alleged: "who spoke of leaving"
        ("Gondor accused the envoy, who spoke of leaving the talks.", "11"),
        # facing what is no charge
        ("The Gondorian minister faces a tough challenge from Arnor.", "11"),
    ],
)
def test_events_roots_accusations_not_fired(pipeline: Pipeline, dyads_of, text: str, root: str) -> None:
    found = dyads_of(pipeline, text)
    assert not any(c.startswith(root) for c, _, _ in found), found


@pytest.mark.parametrize(
    ("text", "code", "source", "target"),
    [
        # a wish for another's act appeals to it (02x by the act)
        ("Kenya wants Uganda to withdraw its troops from the border.", "0256", "Kenya", "Uganda"),
        ("The Kenyan president hopes Uganda will release the prisoners.", "0253", "Kenyan president", "Uganda"),
        # "hopes" is read as a form of "hope", not of "hop"
        ("Kenya hopes to restore ties with Uganda.", "032", "Kenya", "Uganda"),
        # an appeal announced is the appeal
        ("The Kenyan envoy plans to urge Ugandan ministers to end the blockade.", "020", "Kenyan envoy",
         "Ugandan ministers"),
    ],
)
def test_events_roots_wishes_fire(pipeline: Pipeline, dyads_of, has_dyad, text: str, code: str,
                                  source: str | None, target: str | None) -> None:
    found = dyads_of(pipeline, text)
    assert has_dyad(found, code, source, target), found


@pytest.mark.parametrize(
    ("text", "root"),
    [
        # one's own act hoped for is an intent, no appeal
        ("Kenya hopes it will restore ties with Uganda.", "02"),
        ("Kenya hopes to restore ties with Uganda.", "02"),
        # a wish with no act in it
        ("Kenyan officials hope tourists will return to the coast.", "02"),
        ("Kenya wants peace with Uganda.", "02"),
    ],
)
def test_events_roots_wishes_not_fired(pipeline: Pipeline, dyads_of, text: str, root: str) -> None:
    found = dyads_of(pipeline, text)
    assert not any(c.startswith(root) for c, _, _ in found), found


@pytest.mark.parametrize(
    ("text", "code", "fires"),
    [
        # concern reaffirmed is concern voiced
        ("The Arnorian ministers reaffirmed their serious concerns over the arrests in Gondor.", "111", True),
        # a phone call reaches a person or a named actor, not a thing
        ("The Arnorian president called his Gondorian counterpart on Monday.", "041", True),
        ("The Arnorian president called Gondor on Monday.", "041", True),
        ("The Arnorian envoy called the decision a blatant case of weaponization.", "041", False),
    ],
)
def test_events_roots_concern_and_calls(pipeline: Pipeline, codes_of, text: str, code: str, fires: bool) -> None:
    assert (code in codes_of(pipeline, text)) == fires, codes_of(pipeline, text)
