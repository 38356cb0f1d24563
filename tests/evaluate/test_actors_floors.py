"""The actors evaluation over ../shared/data at its pinned floors (slow)."""

from __future__ import annotations

import pytest

from diurna import Settings
from diurna.evaluate import below_floor
from diurna.evaluate.actors import run


@pytest.mark.slow
def test_actors_eval_at_floors(data_dir, pooled_pipeline):
    with pooled_pipeline(Settings.load(extractors=["entities"])) as pool:
        report = run(data_dir, pool)
    assert below_floor(report) == {}
