"""Events (issue 16, session 12): "met visiting Foreign Minister X", parsed as the verb
plus a complement "visiting X", describes X: X visits the host, and X is the one met
or assured. Fictional actors, our own sentences."""

from __future__ import annotations

import pytest

from diurna import Pipeline


@pytest.mark.parametrize(
    ("text", "code", "source", "target"),
    [
        # the visitor is the participle's object, the host the clause's subject
        ("Gondorian President Eomer Eadig met visiting Arnorian Foreign Minister Aragorn Elessar on Monday.",
         "042", "Aragorn Elessar", "Gondorian President Eomer Eadig"),
        # ... and the object of the verb before it: met, assured
        ("Gondorian President Eomer Eadig met visiting Arnorian Foreign Minister Aragorn Elessar on Monday.",
         "040", "Gondorian President Eomer Eadig", "Aragorn Elessar"),
        ("Gondorian President Eomer Eadig assured visiting Arnorian Foreign Minister Aragorn Elessar that "
         "Gondor would not abandon Arnor.", "030", "Gondorian President Eomer Eadig", "Aragorn Elessar"),
        # a visit of one's own stays one: the subject visits
        ("Gondorian President Eomer Eadig was visiting Arnorian Foreign Minister Aragorn Elessar in Annuminas.",
         "042", "Gondorian President Eomer Eadig", "Aragorn Elessar"),
        ("Gondorian officials avoided visiting Aragorn Elessar in prison.", "042", "Gondorian officials",
         "Aragorn Elessar"),
        ("Arnorian diplomats stopped visiting Gondor after the war.", "042", "Arnorian diplomats", "Gondor"),
    ],
)
def test_events_roots_participles_code_and_dyad(pipeline: Pipeline, dyads_of, has_dyad, text: str, code: str,
                                                source: str, target: str) -> None:
    found = dyads_of(pipeline, text)
    assert has_dyad(found, code, source, target), found


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        # not the host visiting the guest
        ("Gondorian President Eomer Eadig met visiting Arnorian Foreign Minister Aragorn Elessar on Monday.",
         "Gondorian President Eomer Eadig", "Aragorn Elessar"),
        # a place is visited, never a visitor: the subject goes there
        ("Arnorian diplomats stopped visiting Gondor after the war.", "Gondor", "Arnorian diplomats"),
    ],
)
def test_events_roots_participles_no_reversed_visit(pipeline: Pipeline, dyads_of, has_dyad, text: str,
                                                    source: str, target: str) -> None:
    found = dyads_of(pipeline, text)
    assert not has_dyad(found, "042", source, target), found
