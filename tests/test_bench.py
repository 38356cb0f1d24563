"""bench.py: each configuration keeps its least-CPU run over the rounds (issue 20)."""

from __future__ import annotations

import pytest

from diurna.bench import Measure, best_of


def _m(name: str, cpu: float) -> Measure:
    return Measure(name, docs=2, words=10, seconds=cpu * 2, peak_rss_mb=1.0, load_seconds=0.1, cpu_seconds=cpu)


@pytest.mark.parametrize(
    ("rounds", "expected"),
    [
        ([[_m("diurna", 3.0), _m("spaCy", 2.0)]], [("diurna", 3.0, 1), ("spaCy", 2.0, 1)]),
        # a slow moment in one round falls on one configuration: each keeps its own best
        ([[_m("diurna", 3.0), _m("spaCy", 2.5)], [_m("diurna", 3.4), _m("spaCy", 2.0)]],
         [("diurna", 3.0, 2), ("spaCy", 2.0, 2)]),
        ([], []),  # no round, no figure
    ],
)
def test_bench_best_of_keeps_each_configurations_least_cpu_run(rounds, expected):
    assert [(m.name, m.cpu_seconds, m.runs) for m in best_of(rounds)] == expected
