"""The actors evaluation over ../shared/data at its pinned floors (slow)."""

from __future__ import annotations

import pytest

from diurna import Pipeline, Settings
from diurna.evaluate import below_floor
from diurna.evaluate.actors import run


@pytest.mark.slow
def test_actors_eval_at_floors(data_dir):
    report = run(data_dir, Pipeline(Settings.load(extractors=["entities"])))
    assert below_floor(report) == {}
