"""Events: senses decided by their arguments, written as data in knowledge/predicates.yaml
(issue 16, part 4): who the doer is (`subject`, `subject_excludes`), what the object is
called (`complement`), and a source named by a preposition with the subject as target
(`source`, target [subject]). Our own sentences, fictional actors; every table has cases
that must not fire."""

from __future__ import annotations

import pytest

from diurna import Pipeline
from diurna.extract.eventing import lexicon


def _events(pipeline: Pipeline, text: str):
    return pipeline.process(text, published="2026-03-04").facts.events


def _codes(pipeline: Pipeline, text: str) -> set[str]:
    return {e.code for e in _events(pipeline, text)}


@pytest.mark.parametrize(
    ("text", "code", "source", "target"),
    [
        # disapproval met with or drawn: the "from" object disapproves of the subject
        ("The Arnorian proposal met with opposition from Gondor.", "110", "Gondor", "Arnorian"),
        # what the object is called: criticism, denial, praise
        ("The Arnorian president called the Gondorian ruling arbitrary.", "111", "Arnorian", None),
        ("Arnor's minister described the Gondorian raid as deplorable.", "111", "Arnor", None),
        ("Arnor called the Gondorian allegations baseless.", "016", "Arnor", None),
        ("Arnor's president described Gondor's aid as a gesture of friendship.", "051", "Arnor", None),
        # killing fighters is combat (190), killing villagers an assault (1823)
        ("The Arnorian army killed 30 Gondorian militants near Bree.", "190", "Arnorian", "Gondorian"),
        ("Gondorian gunmen killed 30 Arnorian villagers near Bree.", "1823", "Gondorian", "Arnorian"),
        ("Arnor conferred its highest honour on the Gondorian envoy.", "051", "Arnor", "Gondorian"),
    ],
)
def test_events_argument_senses_code_and_dyad(pipeline: Pipeline, text: str, code: str, source: str | None,
                                              target: str | None) -> None:
    dyads = {(e.code, e.source.text if e.source else None, e.target.text if e.target else None)
             for e in _events(pipeline, text)}
    assert any(c == code and (source is None or (s and source in s)) and (target is None or (t and target in t))
               for c, s, t in dyads), dyads


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
    ],
)
def test_events_argument_senses_fire_or_not(pipeline: Pipeline, text: str, code: str, coded: bool) -> None:
    assert (code in _codes(pipeline, text)) is coded


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
