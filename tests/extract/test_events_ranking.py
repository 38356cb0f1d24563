"""Event coding: the main predicate outranks side clauses, the senses added for
breadth, speakers of reported speech, addressees and owners as targets, split
coordinations, and the IndiaPoliceEvents police reading (fictional actors)."""

from __future__ import annotations

import pytest

from diurna import Pipeline
from diurna.evaluate import ipe


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # agreeing to a ceasefire is an intent to de-escalate (0356), not the fighting
        ("Arnor and Gondor agreed to a ceasefire after two days of fierce fighting.", "0356"),
        ("Gondor imposed sanctions on Mordor after the war in the north.", "163"),
        ("Rohan expelled the Gondorian ambassador, whose country had attacked the border.", "166"),
        ("The Gondorian king hosted the Arnorian envoy for a meeting on the clashes.", "043"),
    ],
)
def test_events_ranking_main_clause_wins(pipeline: Pipeline, top_event_of, text: str, code: str) -> None:
    top = top_event_of(pipeline, text)
    assert top is not None and top.code == code


@pytest.mark.parametrize(
    ("text", "code", "source", "target"),
    [
        ("Arnor established diplomatic ties with Gondor.", "054", "Arnor", "Gondor"),
        ("Rohan handed over the suspects to Gondor.", "0841", "Rohan", "Gondor"),
        ("The Gondorian government accepted the demands of Arnor.", "083", "Gondorian government", "Arnor"),
        ("Gondor said it will withdraw its troops from Rohan.", "0356", "Gondor", "Rohan"),
        ("Arnor demanded that Gondor release the prisoners.", "1053", "Arnor", "Gondor"),
        ("Rohan rejected Gondor's demand.", "124", "Rohan", "Gondor"),
        ("Arnor said on Tuesday that Gondor must return the captured ship.", "1053", "Arnor", "Gondor"),
        ("Gondor said it would not meet the Arnorian envoy.", "125", "Gondor", "Arnorian envoy"),
        ("Gondor says it is willing to withdraw its troops from Rohan.", "0356", "Gondor", "Rohan"),
    ],
)
def test_events_ranking_senses_and_arguments(
    pipeline: Pipeline, dyads_of, text: str, code: str, source: str, target: str,
) -> None:
    assert (code, source, target) in dyads_of(pipeline, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The teachers' union called off the strike on Monday.", "082"),
        ("Gondor cancelled restrictions on travel.", "081"),
        ("Riots broke out in Edoras on Friday.", "145"),
        ("Arnorian doctors donated to the hospital in Edoras.", "070"),
    ],
)
def test_events_ranking_new_senses_fire(pipeline: Pipeline, codes_of, text: str, code: str) -> None:
    assert code in codes_of(pipeline, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Gondor held elections in May.", "173"),  # holding elections is no arrest
        ("The Warsaw Pact was dissolved long ago.", "057"),  # a word inside a name is no event
        ("Rohan called for calm after the storm.", "082"),
    ],
)
def test_events_ranking_negatives(pipeline: Pipeline, codes_of, text: str, code: str) -> None:
    assert code not in codes_of(pipeline, text)


def test_events_ranking_reported_pronoun_needs_a_fitting_speaker(pipeline: Pipeline, events_of) -> None:
    # "they" cannot stand for one king: the pronoun is not replaced by him (the king is
    # the source of his own statement, 010, only)
    sources = {e.source.text for e in events_of(pipeline, "The Gondorian king said they will attack Rohan.")
               if e.source and e.root_code != "01"}
    assert "Gondorian king" not in sources


def test_events_ranking_joined_entity_is_split(pipeline: Pipeline) -> None:
    result = pipeline.process("Arnor and Gondor signed a treaty in Edoras.", published="2026-03-04")
    joined = {ent.id for ent in result.facts.entities for m in ent.mentions if " and " in m.text}
    pairs = [(e.source, e.target) for e in result.facts.events if e.code == "057"]
    assert pairs
    for src, tgt in pairs:
        assert src is not None and tgt is not None and src.text != tgt.text
        assert src.entity not in joined and tgt.entity not in joined


@pytest.mark.parametrize(
    ("text", "label", "expected"),
    [
        ("The police opened fire on the mob and killed two men.", "KILL", True),
        ("A mob attacked the shop and killed two men.", "KILL", False),
        ("The pilgrims were killed in the stampede.", "KILL", False),
        ("One militant was killed on the spot.", "KILL", True),  # militants' unnamed killers are the forces
        ("Police arrested three men in Surat.", "ARREST", True),
        ("The villagers beat the thief.", "FORCE", False),
        ("Three persons died when the police resorted to firing.", "KILL", True),
        ("Tear-gas shells were lobbed to disperse the crowd.", "FORCE", True),
        ("Two persons were killed in the storm.", "KILL", False),
    ],
)
def test_events_ranking_ipe_police_reading(pipeline: Pipeline, text: str, label: str, expected: bool) -> None:
    assert (label in ipe.labels_of(pipeline.process(text))) is expected
