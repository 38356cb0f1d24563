"""extract/actors.is_plural and is_ngo_name: their words are grammar.yaml's
plural_endings, singular_endings, plural_nouns and name_head_prepositions."""

from __future__ import annotations

import pytest

from diurna.extract.actors import is_ngo_name, is_plural
from diurna.knowledge.gazetteer import load_gazetteer


@pytest.mark.parametrize(("role", "plural"), [
    ("officials", True), ("senior policemen", True), ("police", True), ("people", True),
    ("witness", False), ("campus", False), ("minister", False), ("spokesman", False),
])
def test_actors_is_plural(role: str, plural: bool) -> None:
    assert is_plural(role) is plural


@pytest.mark.parametrize(("name", "ngo"), [
    ("the Association of Gondorian Jurists", True), ("the Association against Gondorian Mines", True),
    ("the Forum on Gondorian Waters", True), ("the Ceasefire Violations Committee", True),
    ("the Gondorian Jurists", False), ("the Gondorian Mines", False), ("the Senate Judiciary Committee", False),
])
def test_actors_is_ngo_name_reads_the_head_before_its_preposition(name: str, ngo: bool) -> None:
    assert is_ngo_name(load_gazetteer(), name) is ngo
