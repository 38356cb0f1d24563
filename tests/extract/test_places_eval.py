"""The geo evaluation (LGL and GeoVirus) over ../shared/data at its pinned floors (slow)."""

from __future__ import annotations

import pytest

from diurna import Settings
from diurna.evaluate import below_floor
from diurna.evaluate.geo import run


@pytest.mark.slow
def test_places_geo_eval_at_floors(data_dir, pooled_pipeline):
    with pooled_pipeline(Settings.load(extractors=["entities", "places"])) as pool:
        report = run(data_dir, pool)
    assert below_floor(report) == {}
