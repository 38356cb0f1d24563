"""A state's own official acting on the state itself names no second side: the resolve
stage drops such a target once every side has its entity's country (resolve/links.py,
eventing/statehood.py own_state)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from diurna import Pipeline
from diurna.extract.eventing.domestic import IMPLIED
from diurna.model import ActorRef, Entity, Event, Evidence, Facts, Mention
from diurna.resolve.links import OWN_STATE, resolve

TEXT = "Mwangi will discuss upgrading Kenya's ties. Rebels attacked Kenya. Mwangi praised Arnor."
MWANGI = Entity("e1", "Daniel Mwangi", "PERSON", (Mention(0, 6, "Mwangi"), Mention(68, 74, "Mwangi")),
                country="KEN", sector="GOV", actor_code="KENGOV")
KENYA = Entity("e2", "Kenya", "ORG", (Mention(30, 35, "Kenya"), Mention(60, 65, "Kenya")), country="KEN",
               sector="GOV", actor_code="KENGOV", rule="diurna.entities.v2:metonymy")
ARNOR = Entity("e3", "Arnor", "ORG", (Mention(83, 88, "Arnor"),), country="ARN", sector="GOV",
               actor_code="ARNGOV", rule="diurna.entities.v2:metonymy")
REBELS = Entity("e4", "Rebels", "GROUP", (Mention(44, 50, "Rebels"),), country="KEN", sector="REB",
                actor_code="KENREB")


def _ref(ent: Entity, i: int = 0) -> ActorRef:
    m = ent.mentions[i]
    return ActorRef(text=m.text, start=m.start, end=m.end)  # linked by its span, as a person is


def _event(code: str, source: ActorRef | None, target: ActorRef | None, start: int = 0) -> Event:
    return Event(id="", code=code, root_code=code[:2], label="", quad_class=1, goldstein=1.0,
                 evidence=Evidence(start, start + 43, TEXT[start:start + 43], "discuss"), rule="test",
                 confidence=0.5, source=source, target=target)


@pytest.mark.parametrize(
    ("source", "target", "kept"),
    [
        # the state's official on the state itself: no target
        (_ref(MWANGI), _ref(KENYA), None),
        # negatives: a non-state actor on the state, an official on another state, no source
        (_ref(REBELS), _ref(KENYA, 1), "KEN"),
        (_ref(MWANGI, 1), _ref(ARNOR), "ARN"),
        (None, _ref(KENYA), "KEN"),
    ],
)
def test_links_own_state_is_no_target(source: ActorRef | None, target: ActorRef, kept: str | None) -> None:
    facts = Facts(entities=(MWANGI, KENYA, ARNOR, REBELS), events=(_event("036", source, target),))
    (event,) = resolve(TEXT, facts).events
    assert (event.target.country if event.target else None) == kept
    assert event.rule.endswith(OWN_STATE) == (kept is None)
    assert (event.source is None) == (source is None)


def test_links_own_state_keeps_one_event_per_act() -> None:
    """The same act by the same source with no target is there already: one event stays."""
    events = (_event("036", _ref(MWANGI), _ref(KENYA)), _event("036", _ref(MWANGI), None))
    out = resolve(TEXT, Facts(entities=(MWANGI, KENYA), events=events)).events
    assert [(e.code, e.target) for e in out] == [("036", None)]


def test_links_own_state_in_the_pipeline(pipeline: Pipeline) -> None:
    text = ("Kenyan President Daniel Mwangi met Tanzanian officials on Monday. "
            "Mwangi is expected to discuss upgrading Kenya's defence ties with Tanzania.")
    events = pipeline.process(text, published="2026-03-04").facts.events
    assert all(not (e.target and e.target.country == "KEN") for e in events)
    assert any(e.code == "036" and e.source and e.source.country == "KEN" for e in events)


def test_links_own_state_keeps_an_implied_target() -> None:
    """A domestic act's implied target is its source's country by design (eventing/domestic.py)."""
    event = replace(_event("124", _ref(MWANGI), _ref(KENYA)), rule=f"test{IMPLIED}")
    (out,) = resolve(TEXT, Facts(entities=(MWANGI, KENYA), events=(event,))).events
    assert out.target is not None and out.target.country == "KEN"
