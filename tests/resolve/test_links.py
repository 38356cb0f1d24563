"""Linking references to entities by their mentions (resolve/links.py)."""

from __future__ import annotations

import pytest

from diurna.model import ActorRef, Entity, Event, Evidence, Facts, Mention
from diurna.resolve.links import MentionIndex, resolve

TEXT = "Minister Talia Orven met Mayor Bram Kessel in Dunmore on Tuesday."


def _entity(eid: str, name: str, start: int, end: int, kind: str = "PERSON") -> Entity:
    return Entity(id=eid, name=name, type=kind, mentions=(Mention(start, end, TEXT[start:end]),))  # type: ignore[arg-type]


ORVEN = (9, 20)  # "Talia Orven"
KESSEL = (31, 42)  # "Bram Kessel"


@pytest.mark.parametrize(
    ("entities", "span", "expected"),
    [
        # two entities over the very same span (an NER mention and a rule's mention):
        # sorting them used to compare Entity objects and crash; the same entity (the
        # last by id) wins in either input order
        ((_entity("e2", "Talia Orven", *ORVEN), _entity("e1", "Orven", *ORVEN, "ORG")), ORVEN, "e2"),
        ((_entity("e1", "Orven", *ORVEN, "ORG"), _entity("e2", "Talia Orven", *ORVEN)), ORVEN, "e2"),
        # one entity with the same span twice
        ((Entity("e1", "Talia Orven", "PERSON", (Mention(9, 20, "Talia Orven"), Mention(9, 20, "Talia Orven"))),),
         ORVEN, "e1"),
        # distinct spans link to their own entity
        ((_entity("e1", "Talia Orven", *ORVEN), _entity("e2", "Bram Kessel", *KESSEL)), KESSEL, "e2"),
        # negative: no mention overlaps the span
        ((_entity("e1", "Talia Orven", *ORVEN),), (46, 53), None),
        ((), ORVEN, None),
    ],
)
def test_links_mention_index_shared_span(entities, span, expected):
    found = MentionIndex(entities).at(*span)
    assert (found.id if found else None) == expected


def test_links_resolve_shared_span_is_deterministic():
    a, b = _entity("e1", "Talia Orven", *ORVEN), _entity("e2", "Orven", *ORVEN, "ORG")
    event = Event(id="v1", code="040", root_code="04", label="Consult", quad_class=1, goldstein=1.0,
                  evidence=Evidence(0, len(TEXT), TEXT, "met"), rule="test", confidence=1.0,
                  source=ActorRef(text="Talia Orven", start=ORVEN[0], end=ORVEN[1]))
    one = resolve(TEXT, Facts(entities=(a, b), events=(event,)))
    two = resolve(TEXT, Facts(entities=(b, a), events=(event,)))
    assert one.events[0].source.entity == two.events[0].source.entity
