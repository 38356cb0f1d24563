"""Event coding rules of the coder: which event a sentence reports when several fire
(subordinate clauses rank below the clause they elaborate), and the codes of
reported obligations, permissions, readiness and announced decisions (fictional
actors and invented sentences)."""

from __future__ import annotations

import pytest

from diurna import Pipeline
from diurna.evaluate._events_common import top_event


def _top(pipeline: Pipeline, text: str):
    return top_event(pipeline.process(text, published="2026-03-04"))


def _codes(pipeline: Pipeline, text: str) -> set[str]:
    return {e.code for e in pipeline.process(text, published="2026-03-04").facts.events}


@pytest.mark.parametrize(
    ("text", "root"),
    [
        # the content of an agreement is what was agreed, not a separate appeal
        ("Arnorian and Gondorian ministers agreed on Monday that their governments should work together "
         "to encourage Rohirrim exiles to go home.", "03"),
        # a participial adjunct elaborates the riot
        ("Rohirrim inmates rioted on Friday at a prison in Edoras, setting fire to their beds.", "14"),
        # a temporal clause dates the sanction; the shooting is background
        ("Gondor announced a suspension of flights to Mordor on Tuesday, a day after a Mordor jet "
         "shot down an airliner.", "16"),
        ("Arnor expelled two Gondorian diplomats when Gondor arrested its consul.", "16"),
        # negatives: the main clause still wins when the side clause is the same kind of
        # event, and a clause of reason or condition is no temporal background
        ("Gondorian troops shelled Edoras, killing ten civilians.", "19"),
        ("Gondor attacked Rohan after Arnor agreed to mediate.", "19"),
    ],
)
def test_events_coder_subordinate_clauses_rank_below(pipeline: Pipeline, text: str, root: str) -> None:
    top = _top(pipeline, text)
    assert top is not None and top.root_code == root


@pytest.mark.parametrize(
    ("text", "code", "source", "target"),
    [
        # a reported obligation is a demand on the clause's subject, whatever its verb
        ("Arnor declared on Monday that Gondor must open its ports to Arnorian ships.", "100", "Arnor", "Gondor"),
        ("The Rohan council concluded that Gondor must spend more on the dykes.", "100", "Rohan council", "Gondor"),
        # a clause verb with an entry of its own keeps its own code
        ("Arnor said Gondor must return the captured ship.", "1053", "Arnor", "Gondor"),
    ],
)
def test_events_coder_reported_obligation_is_a_demand(
    pipeline: Pipeline, text: str, code: str, source: str, target: str,
) -> None:
    events = pipeline.process(text, published="2026-03-04").facts.events
    assert (code, source, target) in {(e.code, e.source and e.source.text, e.target and e.target.text)
                                      for e in events}


@pytest.mark.parametrize(
    "text",
    [
        "Gondor must open its ports.",  # nobody states it: no demand
        "Arnor said Gondor may open its ports.",  # a possibility is no obligation
        "Arnor said Gondor must be careful.",  # a copula states no act
    ],
)
def test_events_coder_unreported_obligation_is_no_demand(pipeline: Pipeline, text: str) -> None:
    assert not any(e.code.startswith("10") for e in pipeline.process(text, published="2026-03-04").facts.events)
