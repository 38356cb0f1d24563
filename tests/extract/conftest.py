"""Extractor tests read every event the rules code, also those with no actor that the
default settings drop (`actorless_events`): the rule tests write sentences about
fictional places the NER often leaves untyped ("Talks between Arnor and Gondor").
Tests of the default settings use `default_pipeline`; tests of a setting flipped use
`with_settings(name=value)`."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

import pytest

from diurna import Pipeline, Settings


@pytest.fixture(scope="session")
def pipeline(pipeline: Pipeline) -> Pipeline:
    """The session's default pipeline keeping actorless events, on the same spaCy model."""
    return Pipeline(pipeline.settings.replace(actorless_events=True), nlp=pipeline.nlp)


@pytest.fixture(scope="session")
def with_settings(pipeline: Pipeline) -> Callable[..., Pipeline]:
    """`with_settings(statement_contents=False)`: `pipeline` with those settings changed,
    on the same spaCy model; built once per set of changes and shared by the tests."""
    built: dict[tuple[tuple[str, object], ...], Pipeline] = {}

    def make(**changes: object) -> Pipeline:
        key = tuple(sorted(changes.items()))
        if key not in built:
            built[key] = Pipeline(pipeline.settings.replace(**changes), nlp=pipeline.nlp)
        return built[key]

    return make


@pytest.fixture(scope="session")
def default_pipeline(settings: Settings, pipeline: Pipeline) -> Pipeline:
    """The default settings, on the session's spaCy model."""
    return Pipeline(settings, nlp=pipeline.nlp)


@pytest.fixture(scope="session")
def pooled(default_pipeline: Pipeline) -> Iterator[object]:
    """The full evaluations run the default settings (their scorers choose what to keep)."""
    from diurna.engines.local import PooledPipeline

    with PooledPipeline(default_pipeline.settings, min(2, os.cpu_count() or 1), local=default_pipeline) as pool:
        yield pool
