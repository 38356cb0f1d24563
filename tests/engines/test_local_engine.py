"""The local engine: the pipeline on worker processes gives what one process gives."""

from __future__ import annotations

import pytest

from diurna import Pipeline
from diurna.engines.local import PooledPipeline, chunked
from diurna.evaluate.base import exact_facts
from diurna.extract import get_spec
from diurna.model import Document, ErrorResult, Result

TEXTS = [
    "Gondor's king met Arnor's envoy in Minas Tirith on Monday, officials said.",
    "",  # an empty document: an error at its place, the batch goes on
    "Rohan accused Mordor of shelling villages near the border.",
    "The council of Dale said it would not attend the summit.",
    {"id": "keep-me", "text": "Arnor signed a trade agreement with Gondor on Tuesday."},
]


@pytest.mark.parametrize(("items", "size", "expected"), [
    ([1, 2, 3, 4, 5], 2, [[1, 2], [3, 4], [5]]),
    ([1, 2], 5, [[1, 2]]),
    ([], 3, []),
])
def test_local_engine_chunks_in_order(items: list[int], size: int, expected: list[list[int]]) -> None:
    assert list(chunked(items, size)) == expected


def _comparable(outcome: object) -> object:
    if isinstance(outcome, Result):
        return outcome.index, outcome.document.id, outcome.facts
    assert isinstance(outcome, ErrorResult)
    return outcome.index, outcome.error.code


@pytest.mark.slow
def test_local_engine_workers_equal_one_process(pipeline: Pipeline) -> None:
    settings = pipeline.settings.replace(batch_size=2)  # several chunks, so order across workers matters
    one = [_comparable(o) for o in Pipeline(settings, nlp=pipeline.nlp).process_many(TEXTS)]
    with PooledPipeline(settings, 2, local=pipeline) as pooled:
        two = [_comparable(o) for o in pooled.process_many(TEXTS)]
        # a second call reuses the same workers
        again = [_comparable(o) for o in pooled.process_many(TEXTS[:1])]
        documents = [Document(id=f"d{n}", text=t) for n, t in enumerate(TEXTS) if isinstance(t, str) and t]
        specs = [get_spec("entities"), get_spec("times")]
        assert list(exact_facts(pooled, specs, documents)) == list(exact_facts(pipeline, specs, documents))
    assert two == one
    assert [i for i, *_ in two] == [0, 1, 2, 3, 4]
    assert again == one[:1]
    assert isinstance(one[1], tuple) and one[1][1] == "E001"
