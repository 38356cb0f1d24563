"""Events: whom a reply answers. A denial with no target answers the last accusation or
criticism the story reported against the denier (eventing/replies.py); a state is no
target of its own act, also when its name is found in the act's complements
(eventing/sides.py fallback_targets)."""

from __future__ import annotations

import pytest

from diurna import Pipeline
from diurna.extract.eventing import replies
from diurna.model import ActorRef, Event, Evidence


def _denials(pipeline: Pipeline, text: str) -> set[str | None]:
    events = pipeline.process(text, published="2026-03-04").facts.events
    return {e.target.country if e.target is not None else None for e in events if e.code == "016"}


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        ("Chile accused Peru of smuggling weapons across the border. Peru rejected the allegations on Monday.",
         {"CHL"}),
        ("The Chilean foreign minister criticized Peru for the raid. Peruvian officials denied the claims.",
         {"CHL"}),
        # the accusation named someone else: nothing to answer
        ("Chile accused Ecuador of smuggling weapons across the border. Peru rejected the allegations on Monday.",
         {None}),
        # an accusation after the denial is not what it answers
        ("Peru rejected the allegations on Monday. Later, Chile accused Peru of smuggling weapons.", {None}),
    ],
)
def test_events_replies_a_denial_answers_the_accusation(pipeline: Pipeline, text: str,
                                                      targets: set[str | None]) -> None:
    assert _denials(pipeline, text) == targets


def _event(code: str, start: int, source: ActorRef | None, target: ActorRef | None) -> Event:
    return Event(id="", code=code, root_code=code[:2], label="", quad_class=0, goldstein=0.0,
                 evidence=Evidence(start=start, end=start + 5, text="words", trigger="w"), rule="r",
                 confidence=0.5, source=source, target=target)


ARNOR = ActorRef(text="Arnor", entity="e1", country="ARN", start=0, end=5)
GONDOR = ActorRef(text="Gondor", entity="e2", country="GON", start=20, end=26)
GONDOR_ENVOY = ActorRef(text="the envoy", entity="e3", country="GON")


@pytest.mark.parametrize(
    ("events", "expected"),
    [
        # Arnor accuses Gondor; Gondor's envoy denies: aimed at Arnor, its words in another sentence
        # (the envoy is another entity of Gondor's country: the country is enough, `replies._names`)
        ([_event("112", 0, ARNOR, GONDOR), _event("016", 40, GONDOR_ENVOY, None)], "Arnor"),
        # a denial with a target of its own keeps it
        ([_event("112", 0, ARNOR, GONDOR), _event("016", 40, GONDOR_ENVOY, ARNOR)], "Arnor"),
        # no accusation against the denier
        ([_event("112", 0, GONDOR, ARNOR), _event("016", 40, GONDOR_ENVOY, None)], None),
        # an appeal is no accusation
        ([_event("020", 0, ARNOR, GONDOR), _event("016", 40, GONDOR_ENVOY, None)], None),
    ],
)
def test_events_replies_on_records(events: list[Event], expected: str | None) -> None:
    denial = [e for e in replies.answered(events) if e.code == "016"][0]
    assert (denial.target.text if denial.target is not None else None) == expected
    if expected is not None and events[1].target is None:
        assert denial.target is not None and denial.target.start is None  # not words of its sentence
        assert denial.rule.endswith("+answers-accusation")


@pytest.mark.parametrize(
    ("text", "root", "country"),
    [
        # the source's own state in the act's complements is no target: the partner is
        ("The Kenyan president will discuss Kenya's trade ties with Uganda.", "03", "UGA"),
        ("The Kenyan president discussed Kenya's trade ties with Uganda on Monday.", "04", "UGA"),
    ],
)
def test_events_replies_own_state_in_complements(pipeline: Pipeline, text: str, root: str, country: str) -> None:
    events = [e for e in pipeline.process(text, published="2026-03-04").facts.events if e.root_code == root]
    assert {e.target.country for e in events if e.target is not None} == {country}
