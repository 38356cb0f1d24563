"""Events: senses decided by their arguments, written as data in knowledge/predicates.yaml
(issue 16, part 4): who the doer is (`subject`, `subject_excludes`), what the object is
called (`complement`), and a source named by a preposition with the subject as target
(`source`, target [subject]). Our own sentences, fictional actors; every table has cases
that must not fire."""

from __future__ import annotations

import pytest

from diurna import Pipeline
from diurna.extract.eventing import lexicon


@pytest.mark.parametrize(
    ("text", "code", "source", "target"),
    [
        # disapproval met with or drawn: the "from" object disapproves of the subject
        ("The Arnorian proposal met with opposition from Gondor.", "110", "Gondor", "Arnorian"),
        ("The Arnorian plan drew sharp criticism from Gondor.", "111", "Gondor", "Arnorian"),
        ("Arnor's new law has faced criticism from Gondor.", "111", "Gondor", "Arnor"),
        # praise or backing won: the "of"/"from" object praises the subject
        ("The Arnorian plan has the backing of Gondor.", "051", "Gondor", "Arnorian"),
        ("Arnor's envoy won praise from Gondor.", "051", "Gondor", "Arnor"),
        # a measure that targets: a sanction, not an attack
        ("Arnor's parliament passed legislation targeting Gondor.", "163", None, "Gondor"),
        # what the object is called: criticism, denial, praise
        ("The Arnorian president called the Gondorian ruling arbitrary.", "111", "Arnorian", None),
        ("Arnor's minister described the Gondorian raid as deplorable.", "111", "Arnor", None),
        ("Arnor called the Gondorian allegations baseless.", "016", "Arnor", None),
        ("Arnor's president described Gondor's aid as a gesture of friendship.", "051", "Arnor", None),
        ("Gondor designated the Black Hand a terrorist group.", "172", "Gondor", "Black Hand"),
        # killing fighters is combat (190), killing villagers an assault (1823)
        ("The Arnorian army killed 30 Gondorian militants near Bree.", "190", "Arnorian", "Gondorian"),
        ("Gondorian gunmen killed 30 Arnorian villagers near Bree.", "1823", "Gondorian", "Arnorian"),
        # new triggers
        ("Arnorian soldiers exchanged gunfire with Gondorian rebels.", "190", "Arnorian", "Gondorian"),
        ("Arnor placed the blame on Gondor.", "112", "Arnor", "Gondor"),
        ("Arnor's president pointed a finger at Gondor.", "112", "Arnor", "Gondor"),
        ("Arnorian lawmakers spoke out against Gondor.", "111", "Arnorian", "Gondor"),
        ("Arnor credited Gondor for its role in the talks.", "051", "Arnor", "Gondor"),
        ("Arnor conferred its highest honour on the Gondorian envoy.", "051", "Arnor", "Gondorian"),
        ("Arnor submitted an application to the Gondorian commission.", "020", "Arnor", "Gondorian"),
        ("Arnorian officials removed 40 Gondorian migrants from the camp.", "174", "Arnorian", "Gondorian"),
    ],
)
def test_events_argument_senses_code_and_dyad(pipeline: Pipeline, dyads_of, has_dyad, text: str, code: str,
                                              source: str | None, target: str | None) -> None:
    dyads = dyads_of(pipeline, text)
    assert has_dyad(dyads, code, source, target), dyads


@pytest.mark.parametrize(
    ("text", "code", "coded"),
    [
        # killing a scientist and soldiers is no combat; killing soldiers is
        ("A Gondorian bomb killed an Arnorian scientist and nine Arnorian soldiers.", "190", False),
        ("Gondorian rebels killed nine Arnorian soldiers.", "190", True),
        # "met with opposition" is no meeting; "met with" a person is
        ("The Arnorian proposal met with opposition from Gondor.", "040", False),
        ("The Arnorian minister met with her Gondorian counterpart.", "040", True),
        # legislation targeting a country attacks nobody; troops targeting a town do
        ("Arnor's parliament passed legislation targeting Gondor.", "190", False),
        ("Arnorian troops targeted the Gondorian town of Bree.", "190", True),
        ("Arnorian troops targeted the Gondorian town of Bree.", "163", False),
        # drills encircling an island blockade nothing; a navy encircling it does
        ("Arnor conducted military drills encircling the Gondorian island.", "191", False),
        ("Arnor conducted military drills encircling the Gondorian island.", "150", True),
        ("The Arnorian navy encircled the Gondorian island.", "191", True),
        # "conferred its highest honour" is no discussion; "conferred with" is
        ("Arnor conferred its highest honour on the Gondorian envoy.", "040", False),
        ("The Arnorian minister conferred with her Gondorian counterpart.", "040", True),
        # "took part in" occupies nothing; "took the town" does
        ("Arnorian troops took part in the exercise.", "192", False),
        ("Arnorian troops took the Gondorian town of Bree.", "192", True),
        # calling something by a neutral name is no criticism; nor is "illegal" describing people
        ("The Arnorian president called the Gondorian ruling important.", "111", False),
        ("Arnor flew what it described as illegal migrants to Gondor.", "111", False),
        # calling allegations baseless denies them: no accusation by the denier
        ("Arnor called the Gondorian allegations baseless.", "112", False),
        # "called on X to stop the unjust war" appeals, whatever the infinitive says
        ("Arnor called on Gondor to end the unjust war.", "111", False),
        # "designate" with no terror word in what the object is called is no sanction
        ("Gondor designated Edoras as its new capital.", "172", False),
        ("The Gondorian group, designated by the council in 2020, met in Edoras.", "172", False),
        # an exchange of prisoners is no fight
        ("Arnor and Gondor agreed to an exchange of prisoners.", "190", False),
        # the opposition (a party) disapproves of nothing by that word alone
        ("The Arnorian opposition leader visited Gondor.", "110", False),
        # removing a statue is no expulsion
        ("Arnorian officials removed a statue from the square.", "174", False),
        # "credited with founding" is a statement of fact
        ("Arnor's king is credited with founding the city of Bree.", "051", False),
    ],
)
def test_events_argument_senses_fire_or_not(pipeline: Pipeline, codes_of, text: str, code: str, coded: bool) -> None:
    assert (code in codes_of(pipeline, text)) is coded


@pytest.mark.parametrize(
    ("key", "value"),
    [("subject", "legislation"), ("subject_excludes", [1]), ("source", "from"), ("complement", {"a": 1}),
     ("target_is", "militants")],
)
def test_events_argument_senses_keys_validated(key: str, value: object) -> None:
    raw = {"id": "x", "pos": "verb", "lemmas": ["target"], "code": "163", key: value}
    with pytest.raises(ValueError, match=key):
        lexicon.parse({"predicates": [raw]}, "t")


def test_events_argument_senses_keys_loaded() -> None:
    raw = {"id": "x", "pos": "verb", "lemmas": ["meet"], "code": "110", "object": ["opposition"],
           "source": ["from"], "target": ["subject"], "subject_excludes": ["Drills"], "complement": ["Unjust"], "target_is": ["Militants"]}
    pred = lexicon.parse({"predicates": [raw]}, "t").verbs["meet"][0]
    assert pred.source == ("from",) and pred.subject_excludes == {"drills"} and pred.complement == {"unjust"}
    assert pred.target_is == {"militants"} and pred.subject == frozenset()


@pytest.mark.parametrize(
    ("text", "code", "coded"),
    [
        # a threat issued threatens; a threat posed or faced is a state of affairs
        ("Arnor issued a threat against Gondor.", "130", True),
        ("Arnor faces a growing threat from Gondor.", "130", False),
        # a wish with an act in it is an intent; a wish with none is no event
        ("Arnor wants to restore ties with Gondor.", "032", True),
        ("Gondorian officials hope tourists will come back.", "030", False),
        # people who went missing travelled nowhere; a president who flew did
        ("Three Arnorian villagers went missing in Bree.", "042", False),
        ("Arnor's president flew to Gondor.", "042", True),
        # "considers the move a provocation" is an opinion; "is considering sanctions" a step
        ("Arnor considers the Gondorian drills a rehearsal.", "014", False),
        ("Arnor is considering new sanctions on Gondor.", "014", True),
        # "backed off its threats" retreats; "backed the plan" endorses
        ("Arnor backed off its threats against Gondor.", "051", False),
        ("Arnor backed the Gondorian peace plan.", "051", True),
    ],
)
def test_events_argument_senses_precision(pipeline: Pipeline, codes_of, text: str, code: str, coded: bool) -> None:
    assert (code in codes_of(pipeline, text)) is coded
