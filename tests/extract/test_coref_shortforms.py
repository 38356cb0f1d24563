from __future__ import annotations

import pytest

from diurna.extract.coref import PersonRef, resolve_short, roles_compatible, short_forms
from diurna.knowledge.gazetteer import load_gazetteer


@pytest.mark.parametrize(("name", "form", "expected"), [
    ("Emmanuel Macron", "macron", True),
    ("Omar Hassan al-Bashir", "bashir", True),
    ("Omar Hassan al-Bashir", "al bashir", True),
    ("Ursula von der Leyen", "von der leyen", True),
    ("Xi Jinping", "xi", True),
    ("Xi Jinping", "jinping", False),
    ("Emmanuel Macron", "emmanuel", False),
])
def test_coref_short_forms(name, form, expected):
    g = load_gazetteer()
    assert (form in short_forms(name, g.particles, g.east_asian)) is expected


def test_coref_shared_surname_needs_context():
    g = load_gazetteer()
    people = [PersonRef("Imran Khan", role="Prime Minister", sentences={0}),
              PersonRef("Ramiz Khan", role="Chairman", sentences={1})]
    forms = [short_forms(p.name, g.particles, g.east_asian) for p in people]
    assert resolve_short("Khan", "Prime Minister", 2, people, forms, g.roles.leaders) == 0
    assert resolve_short("Khan", "chairman", 5, people, forms, g.roles.leaders) == 1
    assert resolve_short("Khan", None, 5, people, forms, g.roles.leaders) is None  # nobody in view: bail out
    assert resolve_short("Singh", None, 1, people, forms, g.roles.leaders) is None


@pytest.mark.parametrize(("held", "ref", "ok"), [
    ("President", "leader", True), ("Prime Minister", "prime minister", True),
    ("Chairman", "president", False), (None, "leader", False), ("Foreign Minister", "minister", True),
])
def test_coref_roles_compatible(held, ref, ok):
    assert roles_compatible(held, ref, load_gazetteer().roles.leaders) is ok
