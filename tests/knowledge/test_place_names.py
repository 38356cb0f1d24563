"""place_names.yaml: how a dateline place printed in capitals is written."""

from __future__ import annotations

import pytest

from diurna.knowledge import place_names
from diurna.knowledge.wordlists import parse_lists


def test_place_names_shipped_file_loads():
    names = place_names.load()
    assert {"de", "es", "au", "al", "on"} <= names.particles
    assert "mc" in names.capital_after


@pytest.mark.parametrize("word", ["an", "abu", "bin"])
def test_place_names_particles_leave_out_words_that_start_names(word):
    # "Hoi An"; "abu"/"bin" are personal-name particles (names.yaml), "Abu Dhabi" is a name
    assert word not in place_names.load().particles


@pytest.mark.parametrize(("data", "message"), [
    ({"particles": ["de"]}, "missing keys"),
    ({"particles": ["De"], "capital_after": ["mc"]}, "one lower-case word"),
    ({"particles": ["de"], "capital_after": ["mc"], "extra": ["x"]}, "unknown keys"),
])
def test_place_names_parse_rejects_bad_lists(data, message):
    with pytest.raises(ValueError, match=message):
        parse_lists(place_names.PlaceNames, data, "place_names.yaml")
