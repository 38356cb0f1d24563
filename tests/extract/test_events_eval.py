"""Full event evaluations over ../shared/data against the pinned floors (slow)."""

from __future__ import annotations

from pathlib import Path

import pytest

from diurna import Pipeline
from diurna.evaluate import below_floor, scorer


@pytest.mark.slow
@pytest.mark.parametrize("name", ["plover", "petr", "case2021", "ipe"])
def test_events_eval_meets_floors(name: str, data_dir: Path, pooled: Pipeline) -> None:
    report = scorer(name).run(data_dir, pooled)
    assert below_floor(report) == {}
