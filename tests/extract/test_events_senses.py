"""Events: a trigger's sense is decided by its arguments (issue 16), through the
selectional restrictions of knowledge/predicates.yaml (excludes_particle, excludes_dep,
object_excludes): every row names a code that must, or must not, be coded."""

from __future__ import annotations

import pytest

from diurna import Pipeline


@pytest.mark.parametrize(
    ("text", "code", "coded"),
    [
        # "call": a phone call only with a callee, not naming ("called X Y") or convening
        ("Arnor called Gondor on Monday to discuss the crisis.", "041", True),
        ("Gondor called the plan ridiculous.", "041", False),
        ("Arnor conducted drills and called them a punishment.", "041", False),
        ("Police broke up a cell calling itself the Sons of Rohan.", "041", False),
        ("Arnor called a meeting of the council.", "041", False),
        # a date after "called" is no "call on" appeal
        ("Gondor called the plan ridiculous on Monday.", "020", False),
        ("Arnor called on Gondor to withdraw its troops.", "0256", True),
        # "called a meeting" convenes it; "called off the talks" halts them
        ("Arnor called a meeting of the council.", "164", False),
        ("Arnor called off the talks with Gondor.", "164", True),
        # an air strike is an attack, not a labour strike
        ("Arnor launched air strikes on rebel positions in Gondor.", "143", False),
        ("Arnor launched air strikes on rebel positions in Gondor.", "190", True),
        ("Dock workers launched a strike against the port authority.", "143", True),
        # armed forces back a side militarily (062); others endorse (051)
        ("Rohan soldiers, supported by Arnor troops and Gondor drones, retook the town.", "062", True),
        ("Rohan soldiers, supported by Arnor troops and Gondor drones, retook the town.", "051", False),
        ("The Arnor army backed the Rohan offensive on Monday.", "062", True),
        ("Arnor backed the Rohan peace plan on Monday.", "062", False),
        ("Arnor backed the Rohan peace plan on Monday.", "051", True),
        # "step down" resigns; "step up" does not
        ("The minister stepped down on Friday.", "0831", True),
        ("Arnor stepped up its efforts to end the war.", "0831", False),
        # "sign up" signs nothing
        ("Thousands of volunteers signed up for the army.", "057", False),
        ("Arnor and Gondor signed a trade deal on Monday.", "057", True),
        # an agreement is signed only when a verb makes it; named, it is a topic
        ("Arnor and Gondor announced a trade deal on Monday.", "057", True),
        ("Arnor reached an agreement with Gondor on the border.", "057", True),
        ("Arnor objected to the treaty between Gondor and Rohan.", "057", False),
        ("Gondor's proposed deal with Arnor angered Rohan.", "057", False),
        ("Rohan lawmakers debated the terms of the deal with Arnor.", "057", False),
        # "build" mobilises only forces built up
        ("Arnor built a new school in Gondor.", "154", False),
        ("Arnor built up forces near the border with Gondor.", "154", True),
        # "asked X to" appeals; "asked how/whether" is a question
        ("Arnor asked Gondor to withdraw its troops.", "0256", True),
        ("Reporters asked how she would negotiate with Gondor.", "026", False),
        ("Reporters asked whether Arnor would attack.", "020", False),
        # "engage with" is no fighting; "engaged the rebels" is
        ("Arnor wants to engage with Gondor on trade.", "190", False),
        ("Arnorian troops engaged the rebels near the river.", "190", True),
    ],
)
def test_events_senses_decided_by_arguments(pipeline: Pipeline, codes_of, text: str, code: str, coded: bool) -> None:
    assert (code in codes_of(pipeline, text)) is coded


@pytest.mark.parametrize(
    ("text", "root", "coded"),
    [
        # an order to a body is a demand on it; an order of goods is none
        ("The court ordered the ministry to pay damages.", "10", True),
        ("Arnor ordered 20 jets from Gondor.", "10", False),
        # taking someone to court sues them
        ("The mother took the school to court and won.", "11", True),
        ("The mother took the school bus to the city.", "11", False),
        # an assurance to an addressee is a pledge
        ("The Arnorian minister assured her Gondorian counterpart that Arnor would help.", "03", True),
        # dismantling a cell arrests its members; dismantling checkpoints arrests no one
        ("The Arnorian police dismantled a terrorist cell in Bree.", "17", True),
        ("The Arnorian police broke up a smuggling ring in Bree.", "17", True),
        ("The Arnorian army dismantled its checkpoints in Bree.", "17", False),
    ],
)
def test_events_senses_new_triggers(pipeline: Pipeline, codes_of, text: str, root: str, coded: bool) -> None:
    roots = {c[:2] for c in codes_of(pipeline, text)}
    assert (root in roots) is coded


@pytest.mark.parametrize(
    ("text", "root", "coded"),
    [
        # what an accusation alleges is its content, not an event (docs/coding-guide.md)
        ("Gondor accused Arnor of plotting an attack on its embassy.", "19", False),
        ("Gondor accused Arnor of plotting an attack on its embassy.", "11", True),
        ("Arnor was accused of plotting an attack on the Gondorian embassy.", "19", False),
        ("Gondor rejected accusations of shelling Arnorian villages.", "19", False),
        # negative cases: a real act blamed on someone, or reported beside the accusation
        ("Gondor blamed Arnor for the attack on its embassy.", "19", True),
        ("Arnor attacked the Gondorian embassy and Gondor accused Arnor of lying.", "19", True),
    ],
)
def test_events_senses_alleged_acts_are_no_events(pipeline: Pipeline, codes_of, text: str, root: str,
                                                  coded: bool) -> None:
    roots = {c[:2] for c in codes_of(pipeline, text)}
    assert (root in roots) is coded


@pytest.mark.parametrize(
    ("text", "code", "coded"),
    [
        # "returned fire" shoots back; "returned the ship" hands something back
        ("Arnorian police returned fire and killed two Gondorian raiders.", "0841", False),
        ("Arnor returned the seized ship to Gondor on Monday.", "0841", True),
        # a report released is published; prisoners released are freed
        ("Arnor released a report on the Gondor border on Monday.", "0841", False),
        ("Arnor released two Gondorian prisoners on Monday.", "0841", True),
        # "demonstrated the value of" shows something; "demonstrated against" protests
        ("Arnor demonstrated the value of its alliance with Gondor.", "141", False),
        ("Students demonstrated against the Arnorian government on Monday.", "141", True),
        # "prosecuting a case" charges no one
        ("The Arnorian government is prosecuting a case against the bank.", "173", False),
        ("Arnorian prosecutors charged the Gondorian envoy on Monday.", "173", True),
        # animals slaughtered are no killing of anyone
        ("Dogs are slaughtered in Arnor every year.", "1823", False),
        ("Gondorian rebels killed three Arnorian villagers on Monday.", "1823", True),
        # "full-blown" bombs nothing
        ("Arnorian tourists go to Gondor for full-blown checkups.", "183", False),
        ("Gondorian rebels blew up a bridge in Arnor on Monday.", "183", True),
    ],
)
def test_events_senses_object_decides(pipeline: Pipeline, codes_of, text: str, code: str, coded: bool) -> None:
    assert (code in codes_of(pipeline, text)) is coded


@pytest.mark.parametrize(
    ("text", "code", "coded"),
    [
        # tourists visiting are no state visit; a president's visit is one
        ("More than two million Gondorian tourists visited Arnor last year.", "042", False),
        ("The Gondorian president visited Arnor on Monday.", "042", True),
        # followers amassed are no forces mobilised
        ("The Arnorian blogger amassed 12 million followers on his channel.", "154", False),
        ("Gondor amassed troops near the border with Arnor.", "154", True),
    ],
)
def test_events_senses_doer_and_object_decide(pipeline: Pipeline, codes_of, text: str, code: str,
                                              coded: bool) -> None:
    assert (code in codes_of(pipeline, text)) is coded
