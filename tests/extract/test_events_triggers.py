"""Events: triggers of knowledge/predicates.yaml added for the news gold's "no event of
the right root" misses (issue 16), each with a case that must not fire. Fictional
actors, our own sentences."""

from __future__ import annotations

import pytest

from diurna import Pipeline


@pytest.mark.parametrize(
    ("text", "code", "source", "target"),
    [
        ("Gondor has designated the Black Hand as a terrorist group.", "172", "Gondor", "Black Hand"),
        ("Arnor barred three Gondorian ministers from entering the country.", "172", "Arnor",
         "Gondorian"),
        ("Rohan blamed the bombing on Gondor.", "112", "Rohan", "Gondor"),
        ("Arnor sent a delegation to Gondor.", "042", "Arnor", "Gondor"),
        ("Arnor expressed its commitment to Gondor.", "030", "Arnor", "Gondor"),
        ("Arnor voiced concern over the arrests in Gondor.", "111", "Arnor", None),
    ],
)
def test_events_triggers_code_and_dyad(pipeline: Pipeline, dyads_of, has_dyad, text: str, code: str,
                                       source: str, target: str | None) -> None:
    dyads = dyads_of(pipeline, text)
    assert has_dyad(dyads, code, source, target), dyads


@pytest.mark.parametrize(
    ("text", "code", "coded"),
    [
        # a refusal to comment declines comment (011), not a rejection (120)
        ("Gondor's foreign ministry refused to comment.", "011", True),
        ("Gondor's foreign ministry refused to comment.", "120", False),
        ("Gondor refused to withdraw its troops from Arnor.", "011", False),
        # "designate" is a sanction only with a terror word
        ("Gondor designated Edoras as its new capital.", "172", False),
        # "bar" bars only from something
        ("Arnorian police barred the road to Edoras.", "172", False),
        # "blame on" and "blame for" (an accusation) both; a date's "on" is no target
        ("Rohan blamed Gondor for the bombing.", "112", True),
        # the bombing blamed on Gondor is no bombing by Rohan
        ("Rohan blamed the bombing on Gondor.", "183", False),
        ("The Rohirric king took the blame on Monday.", "112", False),
        # a sent delegation visits; sent aid is aid
        ("Arnor sent food aid to Gondor.", "042", False),
        ("The Arnorian delegation was led by the foreign minister.", "042", False),
        # what an accusation alleges is no event of its own, whatever "on" follows
        ("Arnor blames Rohan for carrying out an attack on its parliament.", "190", False),
        ("Arnor blames Rohan for carrying out an attack on its parliament.", "112", True),
        # an act blamed "for" stays an event of its own ("blamed Arnor for the attack")
        ("Gondor blamed Arnor for the attack on its embassy.", "190", True),
        # stopping a commitment defies it; implementing it does not
        ("Gondor stopped implementing its commitments under the treaty with Arnor.", "128", True),
        ("Gondor began implementing its commitments under the treaty with Arnor.", "128", False),
        # stones thrown at police are a violent protest; a ball thrown is nothing
        ("Protesters in Edoras threw stones at Gondorian police.", "145", True),
        ("The Gondorian king threw the first ball at the games in Edoras.", "145", False),
        # an eviction expels; an eviction notice names a kind of notice
        ("Gondorian police evicted hundreds of Arnorian families from Edoras.", "174", True),
    ],
)
def test_events_triggers_fire_or_not(pipeline: Pipeline, codes_of, text: str, code: str, coded: bool) -> None:
    assert (code in codes_of(pipeline, text)) is coded
