"""place_names.yaml: how a dateline place printed in capitals is written."""

from __future__ import annotations

import pytest

from diurna.knowledge import place_names


def test_place_names_shipped_file_loads():
    names = place_names.load()
    assert {"de", "es", "au", "al", "on"} <= names.particles
    assert "mc" in names.capital_after


@pytest.mark.parametrize("word", ["an", "abu", "bin"])
def test_place_names_particles_leave_out_words_that_start_names(word):
    # "Hoi An"; "abu"/"bin" are personal-name particles (names.yaml), "Abu Dhabi" is a name
    assert word not in place_names.load().particles
