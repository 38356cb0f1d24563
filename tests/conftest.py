"""Shared fixtures: one model load per test session, the examples, the benchmark data.

Tests that read ../shared/data use `data_dir` and skip cleanly when it is absent.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from diurna import Pipeline, Settings
from diurna.evaluate import default_data_dir

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="Rewrite tests/golden/ from the current output.")


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings.load()


@pytest.fixture(scope="session")
def pipeline(settings: Settings) -> Pipeline:
    """The default pipeline, loaded once for the whole session."""
    return Pipeline(settings)


# The full evaluations run on one worker process per core (at most two, the CI box's
# cores): the scores are the same as in one process (tests/engines/test_local_engine.py).
EVAL_WORKERS = min(2, os.cpu_count() or 1)


@pytest.fixture(scope="session")
def pooled(pipeline: Pipeline) -> Iterator[object]:
    """The default pipeline on EVAL_WORKERS processes, started on first use."""
    from diurna.engines.local import PooledPipeline

    with PooledPipeline(pipeline.settings, EVAL_WORKERS, local=pipeline) as pool:
        yield pool


@pytest.fixture(scope="session")
def pooled_pipeline():
    """Makes a pipeline of other settings on EVAL_WORKERS processes (use it in `with`)."""
    from diurna.engines.local import PooledPipeline

    return lambda settings: PooledPipeline(settings, EVAL_WORKERS)


@pytest.fixture(scope="session")
def blank_nlp():
    """A tokenizer-only English pipeline, for tests that build Docs by hand."""
    import spacy

    return spacy.blank("en")


@pytest.fixture(scope="session")
def data_dir() -> Path:
    path = default_data_dir()
    if not path.is_dir():
        pytest.skip(f"benchmark data not present at {path}")
    return path


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES
